#!/usr/bin/env bash
# What the rate-limit filter costs a trivial WebFlux endpoint: the example app run three ways — no limiter,
# in-memory engine, Redis engine — measured with wrk in interleaved rounds, medians and spread reported.
# Usage: ratelimit-starter/bench/wrk-filter.sh [rounds=5] [seconds=10]
# Needs: wrk (apt-get install wrk), a Redis on 127.0.0.1:6379 for the redis variant, a built example jar
# (./mvnw -B install -DskipTests). Writes docs/benchmarks/starter.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-10}
PORT=18090
JAR=$(ls examples/ratelimit-webflux/target/examples-ratelimit-webflux-*.jar | grep -v original | head -1)
OUT=docs/benchmarks/starter.md
RESULTS=$(mktemp)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[[ -f "$JAR" ]] || { echo "build the example first: ./mvnw -B install -DskipTests" >&2; exit 1; }

# The example's two limits, set so high that every request is admitted: the cost of deciding, not of rejecting.
# (A list given on the command line replaces the whole list, so both limits are spelled out.)
HUGE=(--ratelimit.policies.api.limits[0].algorithm=token-bucket --ratelimit.policies.api.limits[0].limit=1000000000
      --ratelimit.policies.api.limits[0].burst=1000000000 --ratelimit.policies.api.limits[0].window=1s
      --ratelimit.policies.api.limits[1].algorithm=sliding-window --ratelimit.policies.api.limits[1].limit=1000000000
      --ratelimit.policies.api.limits[1].window=1h)
declare -A ARGS=(
  [none]="--ratelimit.enabled=false"
  [memory]="--ratelimit.engine=memory ${HUGE[*]}"
  [redis]="--ratelimit.engine=redis --ratelimit.redis.url=redis://127.0.0.1:6379 --ratelimit.redis.key-prefix=bench:${RANDOM}: ${HUGE[*]}"
)
VARIANTS=(none memory redis)

run_variant() { # run_variant <name> <round>: start the app, warm up, measure, stop
  local name=$1 round=$2 pid
  # shellcheck disable=SC2086
  java -Xmx512m -jar "$JAR" --server.port=$PORT --logging.level.root=WARN ${ARGS[$name]} >/tmp/bench-app.log 2>&1 &
  pid=$!
  for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/greeting" && break; sleep 0.1; done
  wrk -t2 -c32 -d3s "http://127.0.0.1:$PORT/api/greeting" >/dev/null            # warm-up
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}"s --latency "http://127.0.0.1:$PORT/api/greeting" >/tmp/bench-wrk.txt
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/bench-wrk.txt)
  p99=$(awk '$1=="99%" {print $2}' /tmp/bench-wrk.txt)
  non2xx=$(awk '/Non-2xx/ {print $5}' /tmp/bench-wrk.txt)
  echo "$name $round $rps $(to_ms "$p99") ${non2xx:-0}" | tee -a "$RESULTS"
}

to_ms() { # wrk prints 812.00us / 3.45ms / 1.02s
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'
}

for round in $(seq "$ROUNDS"); do
  for name in "${VARIANTS[@]}"; do run_variant "$name" "$round"; done
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
spread() { sort -n | awk 'NR==1{min=$1} {max=$1} END {printf "%s–%s", min, max}'; }
base=$(awk '$1=="none" {print $3}' "$RESULTS" | median)
{
  echo "# Rate-limit filter cost (WebFlux)"
  echo
  echo "What \`ratelimit-spring-boot-starter\` costs a trivial endpoint (\`GET /api/greeting\` of"
  echo "\`examples/ratelimit-webflux\`, a two-limit policy keyed by client IP, limits set so every request is"
  echo "admitted). Each variant is a fresh JVM; the variants are interleaved over $ROUNDS rounds of ${SECONDS_PER_RUN} s"
  echo "(\`wrk -t2 -c32 --latency\`, after a 3 s warm-up). wrk, the app and Redis share the same 2 cores, so absolute"
  echo "numbers are low and noisy: read the medians and the ratios."
  echo
  echo "| variant | median req/s | spread req/s | vs no limiter | median p99 ms | spread p99 ms | non-2xx |"
  echo "|---|---|---|---|---|---|---|"
  for name in "${VARIANTS[@]}"; do
    rps=$(awk -v n="$name" '$1==n {print $3}' "$RESULTS" | median)
    ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.1f%%", (a/b - 1) * 100}')
    echo "| $name | $rps | $(awk -v n="$name" '$1==n {print $3}' "$RESULTS" | spread) | $ratio |" \
      "$(awk -v n="$name" '$1==n {print $4}' "$RESULTS" | median) | $(awk -v n="$name" '$1==n {print $4}' "$RESULTS" | spread) |" \
      "$(awk -v n="$name" '$1==n {s+=$5} END {print s+0}' "$RESULTS") |"
  done
  echo
  echo "Goal: in-memory under 5 % of throughput, Redis under 20 %."
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)," \
    "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2), date $(date -u +%Y-%m-%d)."
  echo "Command: \`ratelimit-starter/bench/wrk-filter.sh $ROUNDS $SECONDS_PER_RUN\`."
  echo
  echo "Raw rounds (variant, round, req/s, p99 ms, non-2xx):"
  echo
  echo '```'
  cat "$RESULTS"
  echo '```'
} >"$OUT"
echo "wrote $OUT"
