#!/usr/bin/env bash
# FluxPay under load on this machine, against the local PostgreSQL at its default durability (fsync on):
#  1. payment creations with idempotency: wrk POSTs /api/v1/payments, one pre-created PENDING order per request (the
#     orders are inserted by SQL before the run, outside the measurement) and a fresh Idempotency-Key each;
#  2. full flows: bench/FlowBench.java repeats create order -> create payment -> /sim/checkout -> confirm;
#  3. pgbench TPC-B (scale 10, 8 clients, 2 threads) on a scratch database, for the scale of the machine.
# Each run recreates the database fluxpay_bench and starts a fresh app (the production jar, built without the
# embedded database). Raw runs go to docs/benchmarks/data/fluxpay-runs.txt, and report.sh turns them into
# docs/benchmarks/fluxpay.md (medians and spreads).
#
# Usage: fluxpay-app/bench/run.sh [runs=3] [seconds=30]
# Needs: PostgreSQL on 127.0.0.1:5432 as postgres/postgres, psql and pgbench, a JDK 17+, wrk (installed with apt-get
# when missing and run as root). Env: BENCH_PORT (18081), BENCH_CONNECTIONS (64), BENCH_FLOW_THREADS (16).
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${1:-3}
PHASE_SECONDS=${2:-30}
PORT=${BENCH_PORT:-18081}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
FLOW_THREADS=${BENCH_FLOW_THREADS:-16}
WRK_THREADS=2
WARMUP_SECONDS=10
WARMUP_ORDERS=40000
ORDERS=200000 # enough for 4,000 creations/s; a shortfall shows up as non-2xx (409 PAY_005)
AMOUNT=9900
DB=fluxpay_bench
SCRATCH=fluxpay_bench_pgbench
API_KEY=sk_bench_0123456789abcdef
BENCH=fluxpay-app/bench
RAW=docs/benchmarks/data/fluxpay-runs.txt
WORK=$(mktemp -d)
LOGS=fluxpay-app/target/bench # the app's log of each run (WARN and above), to explain any non-2xx
APP_PID=
export PGPASSWORD=postgres

log() { printf '\n==> %s\n' "$*" >&2; }
fail() { echo "$*" >&2; exit 1; }
sql() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtAX "$@"; }
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
trap 'stop_app; rm -rf "$WORK"' EXIT

if ! command -v wrk >/dev/null; then
  [[ $(id -u) == 0 ]] || fail "wrk is missing: apt-get install wrk"
  log "installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v pgbench >/dev/null && command -v psql >/dev/null || fail "psql and pgbench are missing: apt-get install postgresql-client"
sql -d postgres -c 'SELECT 1' >/dev/null || fail "no PostgreSQL on 127.0.0.1:5432 as postgres/postgres"
[[ $(sql -d postgres -c 'SHOW fsync') == on ]] || fail "the PostgreSQL on 5432 runs with fsync off: not a benchmark server"

log "building the production jar (-Dfluxpay.embedded=false)"
./mvnw -B -q -pl fluxpay-app -am package -DskipTests -Dfluxpay.embedded=false
mkdir -p "$LOGS"
JAR=$(ls fluxpay-app/target/fluxpay-app-*-exec.jar | head -1)  # the runnable jar; the plain one has no classifier

# CPU ticks (user + system) of the given processes, and of the whole machine (busy), from /proc.
ticks_of() { local total=0 pid; for pid in "$@"; do [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
backends() { pgrep -f "postgres: .*$DB 127\.0\.0\.1" || true; }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
HZ=$(getconf CLK_TCK)
cores() { awk -v t="$1" -v s="$2" -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz / s}'; }
# Transactions and row changes in the bench database so far.
db_counters() { sql -d postgres -c "SELECT xact_commit + xact_rollback, tup_inserted, tup_updated + tup_deleted FROM pg_stat_database WHERE datname = '$DB'" | tr '|' ' '; }

start_app() {
  java -Xms512m -Xmx1g -jar "$JAR" --server.port="$PORT" \
    --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" --spring.r2dbc.username=postgres \
    --spring.r2dbc.password=postgres --fluxpay.bootstrap-merchant.api-key="$API_KEY" \
    --logging.level.root=WARN >"$LOGS/app-run$run.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 300); do
    if [[ $(sql -d "$DB" -c "SELECT count(*) FROM merchants" 2>/dev/null) == 1 ]] &&
      curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then return; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$LOGS/app-run$run.log" >&2; fail "the app did not start"; }
    sleep 0.5
  done
  fail "the app did not answer within 150 s"
}

seed_orders() { # PENDING orders of the bootstrap merchant, as the API would store them; ids split warm-up / measured
  sql -d "$DB" -c "
    INSERT INTO orders (id, merchant_id, user_id, status, currency, total_amount, created_at, updated_at)
      SELECT gen_random_uuid(), (SELECT id FROM merchants), 'bench', 'PENDING', 'KRW', $AMOUNT, now(), now()
      FROM generate_series(1, $ORDERS);
    INSERT INTO order_line_items (order_id, position, product_id, product_name, quantity, unit_price, total_price)
      SELECT id, 0, 'p', 'Plan', 1, $AMOUNT, $AMOUNT FROM orders;" -c "VACUUM ANALYZE" >/dev/null
  sql -d "$DB" -c "SELECT id FROM orders" >"$WORK/orders.txt"
  head -n "$WARMUP_ORDERS" "$WORK/orders.txt" >"$WORK/warmup.txt"
  tail -n +"$((WARMUP_ORDERS + 1))" "$WORK/orders.txt" >"$WORK/measured.txt"
}

payments_phase() { # prints key=value figures of the measured wrk run
  local run=$1
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$BENCH/create-payment.lua" \
    "http://127.0.0.1:$PORT" -- "$WORK/warmup.txt" "$API_KEY" "$WRK_THREADS" "$AMOUNT" "warm$run" >/dev/null
  sleep 1 # let the warm-up's statistics reach pg_stat_database
  local before_db before_app before_pg before_all wrk_pid
  read -r -a before_db <<<"$(db_counters)"
  before_app=$(ticks_of "$APP_PID"); before_pg=$(ticks_of $(backends)); before_all=$(machine_busy)
  local t0 t1
  t0=$(date +%s.%N)
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${PHASE_SECONDS}s" --timeout 10s -s "$BENCH/create-payment.lua" \
    "http://127.0.0.1:$PORT" -- "$WORK/measured.txt" "$API_KEY" "$WRK_THREADS" "$AMOUNT" "run$run" >"$WORK/wrk.txt" 2>"$LOGS/wrk-run$run.err" &
  wrk_pid=$!
  sleep 1
  local wrk_ticks=0
  while kill -0 "$wrk_pid" 2>/dev/null; do wrk_ticks=$(ticks_of "$wrk_pid"); sleep 0.5; done
  wait "$wrk_pid"
  local after_db app pg all
  app=$(($(ticks_of "$APP_PID") - before_app)); pg=$(($(ticks_of $(backends)) - before_pg)); all=$(($(machine_busy) - before_all))
  t1=$(date +%s.%N)
  sleep 1 # backends report their statistics at most once a second
  read -r -a after_db <<<"$(db_counters)"
  local result ok
  result=$(sed -n 's/^RESULT //p' "$WORK/wrk.txt")
  [[ -n "$result" ]] || { cat "$WORK/wrk.txt" >&2; fail "wrk printed no RESULT"; }
  ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$result")
  echo "$result" | sed 's/requests=[0-9]* //; s/ok=[0-9]* //; s/seconds=[0-9.]* //; s/^/pay_/; s/ / pay_/g'
  awk -v ok="$ok" -v x="$((after_db[0] - before_db[0]))" -v i="$((after_db[1] - before_db[1]))" \
    -v u="$((after_db[2] - before_db[2]))" \
    'BEGIN {printf "xacts_per_pay=%.2f rows_inserted_per_pay=%.2f rows_changed_per_pay=%.2f\n", x / ok, i / ok, u / ok}'
  local elapsed
  elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  echo "app_cores=$(cores "$app" "$elapsed") pg_cores=$(cores "$pg" "$elapsed")" \
    "wrk_cores=$(cores "$wrk_ticks" "$elapsed") machine_cores=$(cores "$all" "$elapsed")"
}

flows_phase() {
  java "$BENCH/FlowBench.java" "http://127.0.0.1:$PORT" "$API_KEY" "$FLOW_THREADS" "$PHASE_SECONDS" 5 |
    sed -n 's/^FLOW //p' | sed 's/flows=[0-9]* //; s/seconds=[0-9.]* //; s/errors=/flow_errors=/'
}

pgbench_phase() {
  sql -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH WITH (FORCE)" -c "CREATE DATABASE $SCRATCH"
  pgbench -h 127.0.0.1 -U postgres -i -s 10 -q "$SCRATCH" >/dev/null 2>&1
  local tps
  tps=$(pgbench -h 127.0.0.1 -U postgres -c 8 -j 2 -T "$PHASE_SECONDS" "$SCRATCH" 2>/dev/null |
    sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p')
  sql -d postgres -c "DROP DATABASE $SCRATCH WITH (FORCE)"
  printf "pgbench_tps=%.0f\n" "$tps"
}

RESULTS="$WORK/results.txt"
for run in $(seq "$RUNS"); do
  load=$(awk '{print $1 "/" $2 "/" $3}' /proc/loadavg)
  log "run $run of $RUNS (load $load)"
  sql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  start_app
  seed_orders
  figures="run=$run load=$load $(payments_phase "$run" | tr '\n' ' ')"
  figures+="payments_stored=$(sql -d "$DB" -c 'SELECT count(*) FROM payments') "
  figures+="$(flows_phase) "
  stop_app
  figures+="$(pgbench_phase)"
  echo "$figures" | tee -a "$RESULTS"
done
sql -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"

mkdir -p "$(dirname "$RAW")"
{
  echo "# command: fluxpay-app/bench/run.sh $RUNS $PHASE_SECONDS"
  echo "# date: $(date -u +%Y-%m-%d)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), PostgreSQL $(sql -d postgres -c 'SHOW server_version'), wrk $(wrk --version 2>&1 | awk 'NR == 1 {print $2}')"
  echo "# setup: wrk $WRK_THREADS threads $CONNECTIONS connections, ${WARMUP_SECONDS} s warm-up; FlowBench $FLOW_THREADS threads, 5 s warm-up; ${PHASE_SECONDS} s each"
  cat "$RESULTS"
} >"$RAW"
"$BENCH/report.sh"

