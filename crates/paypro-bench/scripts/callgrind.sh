#!/usr/bin/env bash
# Deterministic instruction counts per call, and their ratios, from callgrind.
#
#   crates/paypro-bench/scripts/callgrind.sh            # every pair below
#   crates/paypro-bench/scripts/callgrind.sh id.sign id.md5
#   BENCH=client crates/paypro-bench/scripts/callgrind.sh client raw   # per call, server included
#
# Each name runs twice under callgrind (`--only NAME --iters LO` and `--iters HI`); the
# difference of the two totals divided by HI-LO is the cost of one call, setup excluded.
# Counts are instructions (Ir), the same on every run of the same binary: use them where the
# machine is too busy for wall-time ratios. Needs valgrind. Run from the repository's root.
set -euo pipefail
LO=${LO:-200}
HI=${HI:-2200}
BENCH=${BENCH:-sign}
bin=$(cargo bench -p paypro-bench --bench "$BENCH" --no-run --message-format=json 2>/dev/null \
  | jq -r --arg b "$BENCH" 'select(.reason == "compiler-artifact" and .target.name == $b and .executable != null) | .executable' | tail -1)
[ -x "$bin" ] || { echo "no bench binary built" >&2; exit 1; }

per_call() {
  local name=$1 total=()
  for n in "$LO" "$HI"; do
    local out
    out=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --only "$name" --iters "$n" 2>&1 >/dev/null)
    total+=("$(printf '%s\n' "$out" | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')")
  done
  echo $(( (total[1] - total[0]) / (HI - LO) ))
}

if [ $# -gt 0 ]; then
  for name in "$@"; do printf '%-18s %8d Ir/call\n' "$name" "$(per_call "$name")"; done
  exit 0
fi
for cc in bd mx id ke eg; do
  s=$(per_call "$cc.sign"); m=$(per_call "$cc.md5"); p=$(per_call "$cc.prepare")
  printf '%s pay-in: sign %6d Ir, MD5 floor %6d Ir, sign/MD5 %.3f; prepare %6d Ir, prepare/sign %.3f\n' \
    "$cc" "$s" "$m" "$(echo "$s / $m" | bc -l)" "$p" "$(echo "$p / $s" | bc -l)"
done
v=$(per_call callback.verify); m=$(per_call callback.md5)
printf 'id callback: verify+parse %6d Ir, MD5 of body %6d Ir, ratio %.3f\n' "$v" "$m" "$(echo "$v / $m" | bc -l)"
