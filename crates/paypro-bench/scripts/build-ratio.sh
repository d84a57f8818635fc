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
#
# TLS=1 compares the TLS choices reqwest 0.13 offers instead: the one-country app with
# paypro-id's default TLS (tls-default), with rustls on aws-lc-rs (reqwest's `rustls`:
# tls-aws-lc), rustls on ring (reqwest's `rustls-no-provider` and rustls' `ring`, the provider
# installed by the app: tls-ring), and the platform's native TLS (tls-native: OpenSSL, whose
# headers and pkg-config must be installed), each against a plain reqwest app with reqwest's
# default features (its default TLS, HTTP/2: plain-default). Every app is built RUNS times.
set -euo pipefail
root=$(pwd)
[ -f "$root/crates/paypro-id/Cargo.toml" ] || { echo "run from the repository's root" >&2; exit 2; }
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
work=$(mktemp -d /tmp/paypro-build-ratio.XXXXXX)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/one-country/src" "$work/plain/src"
# The one-country app's source; @PROVIDER@ is where an app that brings its own rustls provider
# installs it.
one_country_main() {
  cat <<'RS' | sed "s|@PROVIDER@|$1|"
use paypro_id::{Client, Config, Notification, Secret, Verifier, sign_body};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    @PROVIDER@
    let secret = Secret::new("TESTSECRET")?;
    let client = Client::new(Config::new("0000000001", secret.clone()).base_url("http://127.0.0.1:9"))?;
    let body = sign_body(r#"{"tradeNo":"T1","amount":"1000","status":"0000"}"#, &secret)?;
    let n = Notification::verify(body.as_bytes(), &Verifier::new(secret))?;
    std::hint::black_box(&client);
    println!("{:?}", n.trade_no);
    Ok(())
}
RS
}
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
one_country_main "" > "$work/one-country/src/main.rs"
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
apps=(one-country plain)
if [ "${TLS:-0}" = 1 ]; then
  # app name, paypro-id's dependency line, extra dependencies, the provider line in main
  tls_app() {
    mkdir -p "$work/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n%s\ntokio = { version = "1", features = ["macros", "rt"] }\n%s\n[workspace]\n' \
      "$1" "$2" "$3" > "$work/$1/Cargo.toml"
    one_country_main "$4" > "$work/$1/src/main.rs"
  }
  id="paypro-id = { path = \"$root/crates/paypro-id\""
  tls_app tls-default "$id }" "" ""
  tls_app tls-aws-lc "$id, default-features = false, features = [\"client\"] }" \
    'reqwest = { version = "0.13", default-features = false, features = ["rustls"] }' ""
  tls_app tls-ring "$id, default-features = false, features = [\"client\"] }" \
    'reqwest = { version = "0.13", default-features = false, features = ["rustls-no-provider"] }
rustls = { version = "0.23", default-features = false, features = ["ring", "std", "tls12"] }' \
    'let _ = rustls::crypto::ring::default_provider().install_default();'
  tls_app tls-native "$id, default-features = false, features = [\"client\", \"native-tls\"] }" "" ""
  # The plain app with reqwest's default features.
  mkdir -p "$work/plain-default/src"
  sed 's/^reqwest = .*/reqwest = "0.13"/; s/^name = "plain"/name = "plain-default"/' \
    "$work/plain/Cargo.toml" > "$work/plain-default/Cargo.toml"
  cp "$work/plain/src/main.rs" "$work/plain-default/src/main.rs"
  apps=(plain-default tls-default tls-aws-lc tls-ring tls-native)
fi
for app in "${apps[@]}"; do
  cp "$root/Cargo.lock" "$work/$app/Cargo.lock"
done

# Fetch first, so the timed builds download nothing (the TLS apps' lock files gain what the
# repository's lacks, e.g. ring's or native-tls' crates).
for app in "${apps[@]}"; do
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

if [ "${TLS:-0}" = 1 ]; then
  # Each app RUNS times, the order rotated each round; then the medians, and each one's ratio
  # to plain-default. Target sizes are of the last run.
  declare -A cpu
  for i in $(seq "$RUNS"); do
    n=${#apps[@]}
    for j in $(seq 0 $((n - 1))); do
      app=${apps[$(((i + j) % n))]}
      t=$(cpu_of_clean_build "$app")
      cpu[$app]="${cpu[$app]:-} $t"
      echo "run $i: $app $t s CPU, target $(du -sm "$work/target-$app" | cut -f1) MB" >&2
    done
  done
  base=$(printf '%s\n' ${cpu[plain-default]} | median)
  for app in "${apps[@]}"; do
    m=$(printf '%s\n' ${cpu[$app]} | median)
    echo "clean debug build CPU time, median of $RUNS (-j $JOBS): $app $m s, ÷ plain-default $(echo "scale=3; $m / $base" | bc -l), target $(du -sm "$work/target-$app" | cut -f1) MB"
  done
  exit 0
fi

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
