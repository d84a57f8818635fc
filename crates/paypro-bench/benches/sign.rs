//! Signing, request preparation and callback verification, each against its floor, in one
//! process: `cargo bench -p paypro-bench --bench sign [FILTER] [--rounds N]`.
//! `--only NAME --iters N` runs one function N times (for `scripts/callgrind.sh`).

use paypro_bench::{
    Args, Md5Floor, callback_id, compare, credentials, keep, pay_in_bd, pay_in_eg, pay_in_id,
    pay_in_ke, pay_in_mx, prepare, repeat, sign, sink, verify_callback,
};
use paypro_core::{Credentials, Endpoint};

/// The functions `--only` can name.
fn run_only(name: &str, n: u64) -> Result<(), String> {
    let c = credentials();
    macro_rules! country {
        ($cc:literal, $make:expr) => {{
            let r = $make;
            let floor = Md5Floor::of(&r, &c);
            match name.strip_prefix(concat!($cc, ".")) {
                Some("sign") => return Ok(repeat(n, || sink(keep(sign(keep(&r), &c))))),
                Some("md5") => return Ok(repeat(n, || sink(keep(keep(&floor).run())))),
                Some("prepare") => return Ok(repeat(n, || sink(keep(prepare(keep(&r), &c))))),
                _ => {}
            }
        }};
    }
    country!("bd", pay_in_bd());
    country!("mx", pay_in_mx());
    country!("id", pay_in_id());
    country!("ke", pay_in_ke());
    country!("eg", pay_in_eg());
    let body = callback_id();
    let verifier = paypro_id::Verifier::new(c.secret().clone());
    let floor = Md5Floor::of_bytes(body.as_bytes());
    match name {
        "callback.verify" => repeat(n, || {
            sink(keep(verify_callback(keep(body.as_bytes()), &verifier)))
        }),
        "callback.md5" => repeat(n, || sink(keep(keep(&floor).run()))),
        "none" => {}
        other => {
            return Err(format!(
                "unknown --only `{other}`: CC.sign, CC.md5, CC.prepare (CC = bd mx id ke eg), callback.verify, callback.md5, none"
            ));
        }
    }
    Ok(())
}

fn country<E: Endpoint>(cc: &str, request: &E, c: &Credentials, args: &Args, rounds: usize) {
    let floor = Md5Floor::of(request, c);
    assert_eq!(
        sign(request, c).as_str().as_bytes(),
        &floor.run(),
        "the floor hashes what sign() hashes"
    );
    let name = format!(
        "{cc} pay-in sign() / MD5 floor ({} B)",
        floor.bytes().len() + c.secret().expose().len()
    );
    if args.wants(&name) {
        compare(
            &name,
            rounds,
            || sink(keep(sign(keep(request), c))),
            || sink(keep(keep(&floor).run())),
        );
    }
    let name = format!("{cc} pay-in PreparedRequest::new / sign()");
    if args.wants(&name) {
        compare(
            &name,
            rounds,
            || sink(keep(prepare(keep(request), c))),
            || sink(keep(sign(keep(request), c))),
        );
    }
}

fn main() {
    let args = match Args::parse() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e}\nusage: sign [FILTER] [--rounds N] | --only NAME --iters N");
            std::process::exit(2);
        }
    };
    if let Some((name, n)) = &args.only {
        if let Err(e) = run_only(name, *n) {
            eprintln!("{e}");
            std::process::exit(2);
        }
        return;
    }
    let rounds = args.rounds.unwrap_or(301);
    let c = credentials();
    country("bd", &pay_in_bd(), &c, &args, rounds);
    country("mx", &pay_in_mx(), &c, &args, rounds);
    country("id", &pay_in_id(), &c, &args, rounds);
    country("ke", &pay_in_ke(), &c, &args, rounds);
    country("eg", &pay_in_eg(), &c, &args, rounds);

    let body = callback_id();
    let verifier = paypro_id::Verifier::new(c.secret().clone());
    let floor = Md5Floor::of_bytes(body.as_bytes());
    let name = format!("id callback verify+parse / MD5 of body ({} B)", body.len());
    if args.wants(&name) {
        compare(
            &name,
            rounds,
            || sink(keep(verify_callback(keep(body.as_bytes()), &verifier))),
            || sink(keep(keep(&floor).run())),
        );
    }
}
