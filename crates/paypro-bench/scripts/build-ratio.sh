#!/usr/bin/env bash
# Clean debug build, CPU time (user + system of cargo and every rustc it runs), of:
#   one-country: an app that depends on paypro-id only, builds a Client and verifies a callback;
#   plain:       an app on reqwest (rustls) + serde + serde_json + tokio that builds a client
#                and reads a JSON body into a struct.
# Prints both times and the ratio. Each app is built RUNS times (default 3), each time into an
# empty target dir, and the medians are compared. Both apps get the repository's Cargo.lock,
# so they build the same versions of what they share; both use cargo's default dev profile.
#
#   crates/paypro-bench/scripts/build-ratio.sh        # from the repository's root
#   RUNS=5 JOBS=2 crates/paypro-bench/scripts/build-ratio.sh
set -euo pipefail
root=$(pwd)
[ -f "$root/crates/paypro-id/Cargo.toml" ] || { echo "run from the repository's root" >&2; exit 2; }
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
work=$(mktemp -d /tmp/paypro-build-ratio.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/one-country/src" "$work/plain/src"
cat > "$work/one-country/Cargo.toml" <<TOML
[package]
name = "one-country"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
paypro-id = { path = "$root/crates/paypro-id" }
tokio = { version = "1", features = ["macros", "rt"] }

[workspace]
TOML
cat > "$work/one-country/src/main.rs" <<'RS'
use paypro_id::{Client, Config, Notification, Secret, Verifier, sign_body};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = Secret::new("TESTSECRET")?;
    let client = Client::new(Config::new("0000000001", secret.clone()).base_url("http://127.0.0.1:9"))?;
    let body = sign_body(r#"{"tradeNo":"T1","amount":"1000","status":"0000"}"#, &secret)?;
    let n = Notification::verify(body.as_bytes(), &Verifier::new(secret))?;
    std::hint::black_box(&client);
    println!("{:?}", n.trade_no);
    Ok(())
}
RS
cat > "$work/plain/Cargo.toml" <<'TOML'
[package]
name = "plain"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
reqwest = { version = "0.13", default-features = false, features = ["rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt"] }

[workspace]
TOML
cat > "$work/plain/src/main.rs" <<'RS'
#[derive(serde::Deserialize, Debug)]
struct Callback {
    #[serde(rename = "tradeNo")]
    trade_no: String,
    amount: String,
    status: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let cb: Callback = serde_json::from_str(r#"{"tradeNo":"T1","amount":"1000","status":"0000"}"#)?;
    println!("{client:?} {} {} {}", cb.trade_no, cb.amount, cb.status);
    Ok(())
}
RS
cp "$root/Cargo.lock" "$work/one-country/Cargo.lock"
cp "$root/Cargo.lock" "$work/plain/Cargo.lock"

# Fetch first, so the timed builds download nothing.
for app in one-country plain; do
  (cd "$work/$app" && cargo fetch -q)
done

cpu_of_clean_build() {
  local app=$1 out
  rm -rf "$work/target-$app"
  out=$( { cd "$work/$app" && CARGO_TARGET_DIR="$work/target-$app" /usr/bin/time -f '%U %S' cargo build -q --offline -j "$JOBS" >/dev/null 2>"$work/err-$app"; } 2>&1 ) \
    || { cat "$work/err-$app" >&2; exit 1; }
  # /usr/bin/time's line is the last one on stderr.
  tail -1 "$work/err-$app" | awk '{ printf "%.2f\n", $1 + $2 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

one=(); plain=()
for i in $(seq "$RUNS"); do
  # Alternate the order, so neither app always builds on a cooler machine.
  if (( i % 2 )); then
    one+=("$(cpu_of_clean_build one-country)"); plain+=("$(cpu_of_clean_build plain)")
  else
    plain+=("$(cpu_of_clean_build plain)"); one+=("$(cpu_of_clean_build one-country)")
  fi
  echo "run $i: one-country ${one[-1]} s, plain ${plain[-1]} s CPU" >&2
done
m1=$(printf '%s\n' "${one[@]}" | median)
m2=$(printf '%s\n' "${plain[@]}" | median)
echo "clean debug build CPU time, median of $RUNS (-j $JOBS): one-country app (paypro-id) $m1 s, plain reqwest+serde+tokio app $m2 s, ratio $(echo "scale=3; $m1 / $m2" | bc -l)"
