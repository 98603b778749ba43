#!/usr/bin/env bash
# Builds target/benchmarks.jar, runs the limiter suite and renders the page with its chart.
#
#   jmh-benchmarks/run.sh           full profile for 2 cores: in-memory on JDK 17 and on the newest JDK under
#                                   /usr/lib/jvm (1 and 2 threads, 3 forks each), Redis on JDK 17; under 20 minutes
#                                   with the build; writes docs/benchmarks/data/*.json and docs/benchmarks/limiter.md
#                                   + limiter.svg
#   jmh-benchmarks/run.sh --quick   smoke profile: JDK 17 only, 1 thread, tiny iterations, about 3 minutes; writes
#                                   under jmh-benchmarks/target/quick/ and leaves docs/ alone
#
# Environment: JDK17_HOME, NEWEST_JDK_HOME (default: the highest version in /usr/lib/jvm), REDIS_SERVER
# (default: redis-server on the PATH), MVN_ARGS (e.g. -o). Every Redis trial starts its own redis-server on a free
# loopback port; the shared server on 6379 is never touched.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=false
[[ "${1:-}" == "--quick" ]] && QUICK=true

java_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
NEWEST_JDK_HOME=${NEWEST_JDK_HOME:-}
if [[ -z "$NEWEST_JDK_HOME" ]]; then
  best=0
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
    feature=$(java_feature "$home")
    if ((feature > best)); then best=$feature; NEWEST_JDK_HOME=$home; fi
  done
  NEWEST_JDK_HOME=${NEWEST_JDK_HOME:-$JDK17_HOME}
fi

if $QUICK; then
  DATA="$ROOT/jmh-benchmarks/target/quick/data"
  PAGE="$ROOT/jmh-benchmarks/target/quick/limiter.md"
  CHART="$ROOT/jmh-benchmarks/target/quick/limiter.svg"
  JDKS=("$JDK17_HOME")
  THREADS=(1)
  MEMORY_OPTS=(-f 1 -wi 1 -w 200ms -i 1 -r 300ms -prof gc)
  REDIS_OPTS=(-f 1 -wi 1 -w 500ms -i 1 -r 1s)
  PROFILE="quick: in-memory -f 1 -wi 1 -w 200ms -i 1 -r 300ms -prof gc; Redis -f 1 -wi 1 -w 500ms -i 1 -r 1s"
else
  DATA="$ROOT/docs/benchmarks/data"
  PAGE="$ROOT/docs/benchmarks/limiter.md"
  CHART="$ROOT/docs/benchmarks/limiter.svg"
  JDKS=("$JDK17_HOME" "$NEWEST_JDK_HOME")
  THREADS=(1 2)
  # Three forks of short iterations: the median fork resists a fork that landed badly (JIT, placement), and short
  # iterations resist bursts of other load on a shared machine. A fork costs ~1.2 s to start here, and 504 of them
  # run, so iterations are kept short to hold the whole run under 20 minutes.
  MEMORY_OPTS=(-f 3 -wi 1 -w 150ms -i 2 -r 150ms -prof gc)
  REDIS_OPTS=(-f 1 -wi 1 -w 2s -i 5 -r 600ms)
  PROFILE="full: in-memory -f 3 -wi 1 -w 150ms -i 2 -r 150ms -prof gc, 1 and 2 threads; Redis -f 1 -wi 1 -w 2s -i 5 -r 600ms"
fi
PROFILE="every fork on a pre-touched 256 MiB heap (Profiles.MIN_HEAP); $PROFILE"
LOG="$ROOT/jmh-benchmarks/target/run.log"
START=$(date +%s)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

echo "==> building jmh-benchmarks/target/benchmarks.jar"
JAVA_HOME=$JDK17_HOME ./mvnw -B -q ${MVN_ARGS:-} -pl jmh-benchmarks -am package -DskipTests -Djacoco.skip=true
# Run a copy, so a build started meanwhile cannot change the jar under a running fork.
JAR="$(mktemp -d)/benchmarks.jar"
cp "$ROOT/jmh-benchmarks/target/benchmarks.jar" "$JAR"
trap 'rm -rf "$(dirname "$JAR")"' EXIT
mkdir -p "$DATA"
rm -f "$DATA"/jdk*.json "$DATA"/jdk*.jsonl
: >"$LOG"

run() { # run <java home> <result file> <jmh args...>
  local home=$1 result=$2; shift 2
  echo "==> $(basename "$home"): $(basename "$result")"
  "$home/bin/java" -jar "$JAR" "$@" -rf json -rff "$result" >>"$LOG" 2>&1 || {
    echo "JMH failed, see $LOG" >&2
    tail -40 "$LOG" >&2
    exit 1
  }
}

JDK_NAMES=()
for home in "${JDKS[@]}"; do
  feature=$(java_feature "$home")
  JDK_NAMES+=("$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') ($(basename "$home"))")
  for threads in "${THREADS[@]}"; do
    run "$home" "$DATA/jdk$feature-t$threads.json" 'dev.perfplatform.bench.memory' -t "$threads" "${MEMORY_OPTS[@]}"
  done
  if [[ "$home" == "$JDK17_HOME" ]]; then
    EXTRA="$DATA/jdk$feature-redis-extra.jsonl"
    run "$home" "$DATA/jdk$feature-redis.json" 'dev.perfplatform.bench.redis' -t 1 "${REDIS_OPTS[@]}" \
      -jvmArgsAppend "-Dperfplatform.bench.extra=$EXTRA"
  fi
done

MINUTES=$(( ($(date +%s) - START + 59) / 60 ))
python3 - "$DATA/run.json" <<PY
import json, sys
json.dump({
    "date": "$(date -u +%Y-%m-%dT%H:%MZ)",
    "minutes": $MINUTES,
    "machine": "$(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), shared and noisy",
    "load_start": "$LOAD_START",
    "load_end": "$(cut -d' ' -f1-3 /proc/loadavg)",
    "jdks": "$(IFS=';'; echo "${JDK_NAMES[*]}" | sed 's/;/; /g')",
    "profile": "$PROFILE",
}, open(sys.argv[1], "w"), indent=2)
PY
python3 "$ROOT/jmh-benchmarks/render.py" "$DATA" "$PAGE" "$CHART"
echo "==> $PAGE ($MINUTES min; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
