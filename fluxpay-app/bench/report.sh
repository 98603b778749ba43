#!/usr/bin/env bash
# Turns the raw runs of run.sh (docs/benchmarks/data/fluxpay-runs.txt) into docs/benchmarks/fluxpay.md: medians and
# spreads, the goal's verdict, CPU per created payment, and the reading in bench/reading.md.
# Usage: fluxpay-app/bench/report.sh (run.sh calls it; run it alone after editing reading.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=fluxpay-app/bench
RAW=docs/benchmarks/data/fluxpay-runs.txt
OUT=docs/benchmarks/fluxpay.md
header() { sed -n "s/^# $1: //p" "$RAW"; }
COMMAND=$(header command)
RUNS=$(grep -vc '^#' "$RAW")
PHASE_SECONDS=$(awk '{print $NF}' <<<"$COMMAND")
CORES=$(header machine | awk '{print $1}')
# Each run's figures, plus the CPU milliseconds per created payment derived from them.
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
awk '!/^#/ {
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "%s app_ms_per_pay=%.2f pg_ms_per_pay=%.2f pay_per_pgbench_tx=%.3f\n", $0,
    v["app_cores"] * 1000 / v["pay_ok_per_s"], v["pg_cores"] * 1000 / v["pay_ok_per_s"], v["pay_ok_per_s"] / v["pgbench_tps"]
}' "$RAW" >"$RESULTS"

# value <key>: that figure of every run, one a line; median <key>: their median.
value() { sed -n "s/.*[ ^]$1=\([^ ]*\).*/\1/p" "$RESULTS"; }
median() { value "$1" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
spread() { value "$1" | sort -g | awk 'NR == 1 {min = $1} {max = $1} END {printf "%s–%s", min, max}'; }
cell() { echo "$(median "$1") ($(spread "$1"))"; }

PAY=$(median pay_ok_per_s); P95=$(median pay_p95_ms)
VERDICT=$(awk -v r="$PAY" -v p="$P95" 'BEGIN {
  if (r >= 1000 && p < 200) print "**met**"; else printf "**missed** (%s)\n", (r < 1000 ? "throughput" : "") (r < 1000 && p >= 200 ? " and " : "") (p >= 200 ? "p95" : "") }')
APP_MS=$(median app_ms_per_pay); PG_MS=$(median pg_ms_per_pay)
{
  cat <<HEAD
# FluxPay under load

Payment creations per second with idempotency, and full payment flows, with the load tool on the same machine
against the local PostgreSQL at its default durability (\`fsync=on\`, \`synchronous_commit=on\`; never the embedded
development database). Medians of $RUNS runs, spread in brackets; every run recreates the database and starts a fresh
app (the production jar built with \`-Dfluxpay.embedded=false\`, \`-Xmx1g\`, the default R2DBC pool of 10).

Command: \`$COMMAND\` ($(header date)); \`fluxpay-app/bench/report.sh\` rewrites this page from the raw runs,
[data/fluxpay-runs.txt](data/fluxpay-runs.txt).

Machine: $(header machine). Load average (1, 5, 15 min) at the start of each run: $(value load | paste -sd ',' | sed 's/,/; /g').
The load tool, the app and PostgreSQL share the same cores.

## Payment creation (goal: 1,000/s at p95 < 200 ms)

\`POST /api/v1/payments\` for a PENDING order, a fresh \`Idempotency-Key\` each, one order per request: the orders are
inserted by SQL before the run (a payment needs a PENDING order, and an order takes one live payment), so the figure
is payment creations alone. $(header setup | sed 's/;.*//'), closed loop, ${PHASE_SECONDS} s measured.

| created/s | p50 ms | p95 ms | p99 ms | non-2xx (see the reading) | goal |
|---|---|---|---|---|---|
| $(cell pay_ok_per_s) | $(cell pay_p50_ms) | $(cell pay_p95_ms) | $(cell pay_p99_ms) | $(value pay_non2xx | awk '{s += $1} END {print s + 0}') in all | $VERDICT |

Per created payment, from \`pg_stat_database\`: $(median xacts_per_pay) transactions, $(median rows_inserted_per_pay) rows
inserted, $(median rows_changed_per_pay) rows updated. CPU while measuring, in cores of $CORES: app JVM $(cell app_cores),
PostgreSQL backends $(cell pg_cores), wrk $(median wrk_cores), whole machine $(cell machine_cores) (the rest: other
processes, PostgreSQL's WAL writer, the kernel). That is **$APP_MS ms of app CPU and $PG_MS ms of PostgreSQL CPU per
created payment**: 1,000 creations/s would take about $(awk -v a="$APP_MS" -v p="$PG_MS" 'BEGIN {printf "%.1f", (a + p)}') cores for the two alone, and with
all $CORES cores given to them these costs cap creations at about $(awk -v a="$APP_MS" -v p="$PG_MS" -v c="$CORES" 'BEGIN {printf "%.0f", c * 1000 / (a + p)}')/s.

## Full flows (report, no target)

create order → create payment → \`/sim/checkout\` (the payer at the PG simulator) → confirm (the app calls the
simulator's TossPayments API over loopback HTTP). \`fluxpay-app/bench/FlowBench.java\`: $(header setup | sed 's/.*; FlowBench //; s/;.*//'),
closed loop, ${PHASE_SECONDS} s measured.

| flows/s | step | p50 ms | p95 ms |
|---|---|---|---|
| $(cell flows_per_s) | create order | $(median order_p50_ms) | $(median order_p95_ms) |
| | create payment | $(median payment_p50_ms) | $(median payment_p95_ms) |
| | checkout | $(median checkout_p50_ms) | $(median checkout_p95_ms) |
| | confirm | $(median confirm_p50_ms) | $(median confirm_p95_ms) |
| | whole flow | $(median flow_p50_ms) | $(median flow_p95_ms) |

Failed flows: $(median flow_errors).

## Scale: pgbench TPC-B

\`pgbench -i -s 10\`, then \`pgbench -c 8 -j 2 -T $PHASE_SECONDS\` on a scratch database, in the same runs:
$(cell pgbench_tps) tps; payment creations per pgbench transaction: $(cell pay_per_pgbench_tx).
HEAD
  [[ -f "$BENCH/reading.md" ]] && { echo; cat "$BENCH/reading.md"; }
} >"$OUT"
echo "wrote $OUT" >&2
