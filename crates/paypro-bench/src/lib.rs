//! The benchmarks' shared parts: the fixtures (one pay-in per country, a typical callback) and
//! a small harness that measures two functions interleaved in one process and reports the
//! medians and the median of their per-round ratio. See `BENCHMARKS.md` at the repository's
//! root for the figures and the commands.
//!
//! Every bench binary also takes `--iters N --only NAME`: it then runs `NAME` exactly `N`
//! times and nothing else, for instruction counts under callgrind (`scripts/callgrind.sh`),
//! which are deterministic where wall time on a shared machine is not.
//!
//! [`load`] is the one load driver: concurrent SDK clients against the sandbox, for the
//! sandbox bench (`benches/sandbox.rs`, in-process) and paypro-sandbox's load example (the
//! sandbox program).

use std::hint::black_box;
use std::time::Instant;

use md5::{Digest, Md5};
use paypro_core::{Credentials, Endpoint, PreparedRequest, Secret};

pub mod load;

/// What the client bench's server answers to every POST: an accepted Indonesian pay-in query
/// with a typical `data`.
pub const ANSWER_QUERY_PAY_IN: &str = r#"{"msg":"success","code":"0000","timestamp":1732988501123,"success":true,"data":{"platFormTradeNo":"PID1732988442913ab12","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","amount":"1000000","payAmount":"1000000","status":"0000","message":"success"}}"#;

/// The timestamp every fixture is signed at.
pub const TIMESTAMP_MS: u64 = 1_732_988_442_913;

/// The documented test merchant.
pub fn credentials() -> Credentials {
    Credentials::new(
        paypro_mock::SANDBOX_MERCHANT_NO,
        Secret::new(paypro_mock::SANDBOX_SECRET).expect("the test secret is not blank"),
    )
}

/// Bangladesh's pay-in, as in its docs' example.
pub fn pay_in_bd() -> paypro_bd::PayInRequest {
    paypro_bd::PayInRequest::builder()
        .amount(300)
        .way_code(paypro_bd::pay_in::WayCode::EwalletBkash)
        .trade_no("test_00000008")
        .remark("test")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("a valid pay-in")
}

/// Mexico's pay-in, as in its docs' example.
pub fn pay_in_mx() -> paypro_mx::PayInRequest {
    paypro_mx::PayInRequest::builder()
        .trade_no("test_00000008")
        .amount(300)
        .mobile("15745896325")
        .email("kevin@example.com")
        .payer("kevin zhang")
        .way_code(paypro_mx::pay_in::WayCode::Va)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()
        .expect("a valid pay-in")
}

/// Indonesia's pay-in, as in its docs' example.
pub fn pay_in_id() -> paypro_id::PayInRequest {
    paypro_id::PayInRequest::builder()
        .trade_no("0b4ece82fa9749e8b8e57fa64931b7f8")
        .username("kevin")
        .mobile("6281245907765")
        .email("kevin@example.com")
        .channel_code(paypro_id::pay_in::ChannelCode::Ewallet)
        .way_code("DANA")
        .amount(1_000_000)
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .remark("test")
        .build()
        .expect("a valid pay-in")
}

/// Kenya's pay-in, as in its docs' example.
pub fn pay_in_ke() -> paypro_ke::PayInRequest {
    paypro_ke::PayInRequest::builder()
        .amount(3)
        .remark("000000")
        .trade_no("00000001")
        .mobile("mobile")
        .notify_url("https://google.com")
        .build()
        .expect("a valid pay-in")
}

/// Egypt's pay-in, as in its docs' example.
pub fn pay_in_eg() -> paypro_eg::PayInRequest {
    paypro_eg::PayInRequest::builder()
        .payer("kevin zhang")
        .amount(300)
        .remark("test")
        .trade_no("test_00000008")
        .mobile("6789123456")
        .email("sdkjfksdjfk@gmail.com")
        .notify_url("https://google.com")
        .return_url("http://abc.com/callback_page")
        .build()
        .expect("a valid pay-in")
}

/// The timestamp `E` signs (none for endpoints that send none).
pub fn timestamp_of<E: Endpoint>() -> Option<u64> {
    match E::DESCRIPTOR.timestamp {
        paypro_core::descriptor::TimestampWire::Absent => None,
        _ => Some(TIMESTAMP_MS),
    }
}

/// The floor a signature is measured against: the canonical string already built (no
/// formatting, no field walking), then MD5 over it and the secret, and the hex digits.
pub struct Md5Floor {
    canonical: Vec<u8>,
    secret: Vec<u8>,
    prepend: bool,
}

impl Md5Floor {
    /// The floor for signing `request`.
    pub fn of<E: Endpoint>(request: &E, credentials: &Credentials) -> Self {
        Md5Floor {
            canonical: request.canonical_string(timestamp_of::<E>()).into_bytes(),
            secret: credentials.secret().expose().as_bytes().to_vec(),
            prepend: credentials.secret().placement() == paypro_core::SecretPlacement::Prepend,
        }
    }

    /// The floor for a body hashed whole (a callback), with no secret.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Md5Floor {
            canonical: bytes.to_vec(),
            secret: Vec::new(),
            prepend: false,
        }
    }

    /// The canonical bytes hashed.
    pub fn bytes(&self) -> &[u8] {
        &self.canonical
    }

    /// MD5 of the bytes and the secret (after them, or before if the secret is prepended), as
    /// 32 hex digits (on the stack).
    #[inline(never)]
    pub fn run(&self) -> [u8; 32] {
        let mut md5 = Md5::new();
        if self.prepend {
            md5.update(&self.secret);
            md5.update(&self.canonical);
        } else {
            md5.update(&self.canonical);
            md5.update(&self.secret);
        }
        let mut hex = [0u8; 32];
        hex::encode_to_slice(md5.finalize(), &mut hex).expect("32 hex digits");
        hex
    }
}

/// Signs as the SDK does.
#[inline(never)]
pub fn sign<E: Endpoint>(request: &E, credentials: &Credentials) -> paypro_core::Sign {
    request.sign(timestamp_of::<E>(), credentials.secret())
}

/// Prepares as the SDK does.
#[inline(never)]
pub fn prepare<E: Endpoint>(request: &E, credentials: &Credentials) -> PreparedRequest {
    PreparedRequest::new(request, credentials, TIMESTAMP_MS)
}

/// A typical Indonesian pay-in callback, signed with the test secret.
pub fn callback_id() -> String {
    paypro_id::sign_body(
        r#"{"platFormTradeNo":"PID1732988442913ab12","tradeNo":"0b4ece82fa9749e8b8e57fa64931b7f8","amount":"1000000","payAmount":"1000000","status":"0000","message":"success","successTime":"1732988501000","timestamp":"1732988501123"}"#,
        credentials().secret(),
    )
    .expect("a JSON object")
}

/// Verifies and parses a callback as a merchant's receiver does.
#[inline(never)]
pub fn verify_callback(body: &[u8], verifier: &paypro_id::Verifier) -> paypro_id::Notification {
    paypro_id::Notification::verify(body, verifier).expect("a genuine callback")
}

/// What the command line asked for.
#[derive(Debug, Default)]
pub struct Args {
    /// `--iters N --only NAME`: run one function N times (for callgrind).
    pub only: Option<(String, u64)>,
    /// `--rounds N`: how many interleaved rounds (default 31).
    pub rounds: Option<usize>,
    /// A substring filter on the figures' names (cargo bench's positional argument).
    pub filter: Option<String>,
}

impl Args {
    /// Reads `std::env::args` (cargo bench adds `--bench`, which is ignored).
    pub fn parse() -> Result<Args, String> {
        let mut out = Args::default();
        let mut iters = None;
        let mut only = None;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
            match arg.as_str() {
                "--bench" | "--test" => {}
                "--iters" => {
                    let v = value("--iters")?;
                    iters = Some(
                        v.parse::<u64>()
                            .map_err(|_| format!("--iters needs a whole number, got `{v}`"))?,
                    );
                }
                "--only" => only = Some(value("--only")?),
                "--rounds" => {
                    let v = value("--rounds")?;
                    let n = v
                        .parse::<usize>()
                        .map_err(|_| format!("--rounds needs a whole number, got `{v}`"))?;
                    if n == 0 {
                        return Err("--rounds must be at least 1".into());
                    }
                    out.rounds = Some(n);
                }
                flag if flag.starts_with("--") => return Err(format!("unknown flag `{flag}`")),
                filter => out.filter = Some(filter.to_string()),
            }
        }
        match (only, iters) {
            (Some(name), Some(n)) => out.only = Some((name, n)),
            (None, None) => {}
            _ => return Err("--only and --iters go together".into()),
        }
        Ok(out)
    }

    /// Whether a figure named `name` is to be measured.
    pub fn wants(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| name.contains(f))
    }
}

/// The outcome of measuring a subject against its floor.
#[derive(Clone, Copy, Debug)]
pub struct Ratio {
    /// Median nanoseconds per call of the subject.
    pub subject_ns: f64,
    /// Median nanoseconds per call of the floor.
    pub floor_ns: f64,
    /// Median over rounds of subject ÷ floor.
    pub ratio: f64,
    /// Lowest and highest per-round ratio.
    pub spread: (f64, f64),
}

/// Median of `values` (sorted in place); 0 when empty.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// How many calls take about `target_ns`.
fn calibrate(f: &mut dyn FnMut(), target_ns: f64) -> u64 {
    let mut n = 1u64;
    loop {
        let at = Instant::now();
        for _ in 0..n {
            f();
        }
        let took = at.elapsed().as_nanos() as f64;
        if took >= target_ns / 4.0 || n >= 1 << 30 {
            return ((n as f64 * target_ns / took.max(1.0)).ceil() as u64).max(1);
        }
        n *= 2;
    }
}

fn batch(f: &mut dyn FnMut(), n: u64) -> f64 {
    let at = Instant::now();
    for _ in 0..n {
        f();
    }
    at.elapsed().as_nanos() as f64 / n as f64
}

/// Measures `subject` and `floor` in alternating batches of about 0.5 ms each (short, so that
/// few are cut by the scheduler on a busy machine), `rounds` times,
/// and prints one line: both medians and the median per-round ratio.
pub fn compare(
    name: &str,
    rounds: usize,
    mut subject: impl FnMut(),
    mut floor: impl FnMut(),
) -> Ratio {
    let n_subject = calibrate(&mut subject, 5e5);
    let n_floor = calibrate(&mut floor, 5e5);
    let (mut s, mut f, mut r) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        // Alternate which goes first, so neither always runs on a warmer cache.
        let (a, b) = if round % 2 == 0 {
            let a = batch(&mut subject, n_subject);
            (a, batch(&mut floor, n_floor))
        } else {
            let b = batch(&mut floor, n_floor);
            (batch(&mut subject, n_subject), b)
        };
        s.push(a);
        f.push(b);
        r.push(a / b);
    }
    let spread = (
        r.iter().copied().fold(f64::INFINITY, f64::min),
        r.iter().copied().fold(0.0, f64::max),
    );
    let out = Ratio {
        subject_ns: median(&mut s),
        floor_ns: median(&mut f),
        ratio: median(&mut r),
        spread,
    };
    println!(
        "{name:<44} {:>9.1} ns  floor {:>9.1} ns  ratio {:.3} (rounds {rounds}, min {:.3}, max {:.3})",
        out.subject_ns, out.floor_ns, out.ratio, out.spread.0, out.spread.1
    );
    out
}

/// Runs `f` exactly `n` times (the `--only` mode).
pub fn repeat(n: u64, mut f: impl FnMut()) {
    for _ in 0..n {
        f();
    }
}

/// Keeps a value alive for the optimiser.
pub fn keep<T>(value: T) -> T {
    black_box(value)
}

/// Consumes a value so that the optimiser cannot drop the work that made it.
pub fn sink<T>(value: T) {
    black_box(value);
}
