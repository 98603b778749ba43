#!/usr/bin/env bash
# jmx-scraper's standalone server against jmx_exporter 1.0.1 (jmx_prometheus_httpserver over RMI) on this machine:
#  1. one target JVM (1,000 generated numeric attributes plus test and platform MBeans), each contender started with
#     default flags and then with -Xmx64m: scrape latency p50/p99, CPU per scrape, RSS (and four concurrent scrapers);
#  2. ten targets: one jmx-scraper against the ten jmx_exporter processes needed, summed RSS;
#  3. a slow target (2 s) among three: our page time against that target's own time, and up 0 within a 1 s deadline.
# The driver (dev.perfplatform.jmx.bench.JmxBench, in this module's test sources, reusing jmx-scraper's test fixtures)
# starts every process itself, alternates the contenders in rounds, checks every answer and writes the raw results as
# JSON plus the page rendered from them. Our server is jmx-scraper-server's standalone jar.
#
# Usage: jmx-scraper-benchmarks/bench/run.sh           full run: docs/benchmarks/jmx-scraper.md + docs/benchmarks/data/jmx-scraper.json
#        jmx-scraper-benchmarks/bench/run.sh --quick   smoke run (~2 min): jmx-scraper-benchmarks/target/bench/, leaves docs/ alone
#        jmx-scraper-benchmarks/bench/run.sh --render [--quick]  re-renders the page from the JSON (after editing bench/reading.md)
#        jmx-scraper-benchmarks/bench/run.sh --help
# Env: BENCH_ONLY=single,many,slow (a subset of the scenarios), MVN_OFFLINE=-o (default; empty to allow downloads).
# Needs: Linux (/proc), a JDK 17+. Run it on a quiet machine: check `cat /proc/loadavg` first.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODE=full
QUICK=false
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --render) MODE=render ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "usage: $0 [--quick] [--render] [--help]" >&2; exit 2 ;;
  esac
done
[[ $QUICK == true && $MODE == full ]] && MODE=quick
MODULE=jmx-scraper-benchmarks
SERVER_MODULE=jmx-scraper/jmx-scraper-server
WORK=$MODULE/target/bench
OFFLINE=${MVN_OFFLINE--o}
if [[ $QUICK == true ]]; then
  JSON=$WORK/jmx-scraper.json
  PAGE=$WORK/jmx-scraper.md
else
  JSON=docs/benchmarks/data/jmx-scraper.json
  PAGE=docs/benchmarks/jmx-scraper.md
fi
log() { printf '\n==> %s\n' "$*" >&2; }
mkdir -p "$WORK"

if [[ $MODE != render || ! -s $WORK/driver.cp ]]; then
  # The package phase also writes the driver's class path (target/bench/driver.cp) and the server's standalone jar.
  log "building $MODULE and what it needs (test classes, the child processes' jars, the server's standalone jar)"
  ./mvnw -B -q $OFFLINE -pl $MODULE -am package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi
CLASSPATH="$MODULE/target/test-classes:$(cat "$WORK/driver.cp")"
DRIVER=(java -Xmx512m -Djmx-scraper.test-jars="$PWD/$MODULE/target/test-jars" -cp "$CLASSPATH"
  dev.perfplatform.jmx.bench.JmxBench --json "$JSON" --page "$PAGE" --reading "$MODULE/bench/reading.md")

if [[ $MODE == render ]]; then
  "${DRIVER[@]}" --render
  exit
fi

# Our server: the standalone jar the build made, else the same classes on the driver's class path.
JAR=$(ls $SERVER_MODULE/target/jmx-scraper-server-*-standalone.jar 2>/dev/null | head -1 || true)
if [[ -n "$JAR" ]]; then
  SERVER=(--server-jar "$JAR")
else
  SERVER=(--server-classpath "$(cat "$WORK/driver.cp")")
fi

COMMAND="$MODULE/bench/run.sh${1:+ $1}" # "--quick" or nothing here
log "running the driver ($MODE; load average $(cut -d' ' -f1-3 /proc/loadavg))"
ARGS=(--command "$COMMAND" "${SERVER[@]}")
[[ $MODE == quick ]] && ARGS+=(--quick)
[[ -n "${BENCH_ONLY:-}" ]] && ARGS+=(--only "$BENCH_ONLY")
"${DRIVER[@]}" "${ARGS[@]}"
log "page: $PAGE"
