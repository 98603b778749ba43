#!/usr/bin/env bash
# Builds target/benchmarks.jar, runs the limiter suite as interleaved single-fork JMH invocations and renders the
# page with its chart.
#
#   jmh-benchmarks/run.sh [--suite memory|redis|cap|all] [--forks N] [--resume]
#       full profile for 2 cores: writes docs/benchmarks/data/{memory,redis,cap}/ and docs/benchmarks/limiter.md + .svg
#   jmh-benchmarks/run.sh --quick [--suite ...] [--forks N]
#       smoke profile (2 forks, tiny iterations, JDK 17, 1 thread): writes under jmh-benchmarks/target/quick/ and
#       leaves docs/ alone; 150 invocations, 10 minutes on this machine (2026-12-07: build 2.5, memory 3, Redis 7)
#
# How a suite runs. One JMH invocation = one benchmark method x one parameter combination x one fork (`-f 1`),
# selected by an anchored regex ('^dev\.perfplatform\.bench\.redis\.RedisBenchmark\.redis_ours$' -p inFlight=8
# -p keys=100k). A "set" is one benchmark class x one parameter combination x JDK x thread count; its contenders are
# the class's benchmark methods, found with `benchmarks.jar -lp` (a method added to a class joins its sets by
# itself). Fork k is a round over every set, and within a set the contenders run back to back in an order rotated
# by k-1 places (round 1: A B C D, round 2: B C D A, ...), so each contender meets the same machine states and takes
# each position in turn, and a drift in machine load no longer lands on one contender. render.py pairs ours and a
# peer by fork: ours in round k / the peer in round k.
#
# Files, per suite under DATA/<suite>/ (DATA = docs/benchmarks/data, or jmh-benchmarks/target/quick/data):
#   <jdk>-t<threads>.<Class>.<params>.<method>.f<fork>.json   JMH's -rf json of one invocation; <params> is
#        k=v,k=v sorted by name, or "none" (e.g. jdk17-t1.RedisBenchmark.inFlight=8,keys=100k.redis_ours.f3.json)
#   invocations.jsonl   one line per invocation: name, round, position in its set's order, start, seconds, and the
#                       warm-up iterations' scores (JMH's JSON keeps only the measured ones)
#   extra.jsonl         Redis only: the -Dperfplatform.bench.extra line (HdrHistogram percentiles, INFO commandstats)
#                       of each invocation, tagged with the invocation's name
#   run.json            machine, load average, JDKs, profile, forks, invocations, minutes
# Each invocation's JMH log goes to jmh-benchmarks/target/run-logs/<suite>/ (quick: target/quick/logs/).
#
# Full profile and its length, estimated as invocations x (iterations + start-up). Start-up is what an invocation
# costs beyond its iterations (JMH's host JVM, the fork with its pre-touched heap, for Redis also its redis-server and
# Lettuce): 1.4 s in memory and 3.3 s for Redis on average in the quick smoke of 2026-12-07 (2 cores). run.sh prints
# its own estimate before each suite starts.
#   memory: 2 JDKs (17 and the newest under /usr/lib/jvm) x 1 and 2 threads x 42 method/parameter combinations
#           (SingleLimiterBenchmark 9 x load, KeyedEngineBenchmark 6 x keys x load) x 5 forks = 840 invocations;
#           -wi 4 -w 250ms -i 3 -r 250ms -prof gc: 1.75 s of iterations + 1.4 s = ~3.2 s each, ~44 minutes
#   redis:  JDK 17 x 1 thread x 31 combinations (RedisBenchmark 5 x inFlight x keys, RedisDeniedFloodBenchmark 1)
#           x 5 forks = 155 invocations; -wi 5 -w 1s -i 5 -r 1s: 10 s of iterations + 3.3 s = ~13 s each, ~34 minutes
#   cap:    JDK 17 x 1 thread x KeyCapBenchmark (maxKeys 10000, 100000; sample time, for the tail of a new key's
#           decision at the key cap) x 5 forks = 10 invocations; -wi 3 -w 1s -i 5 -r 1s: 8 s + 2 s, ~2 minutes
#   all:    1005 invocations, ~80 minutes plus ~3 for the build. Over an hour, so the suites have their own switches:
#           `run.sh --suite redis`, `run.sh --suite memory`; a suite's run replaces only its own data/<suite>/ and the
#           page is rendered from both folders.
# Warm-up, chosen from the quick smoke's per-iteration data (2026-12-07; JMH's JSON keeps only measured iterations,
# so run.sh keeps the warm-up ones in invocations.jsonl, and the page's Warm-up section shows them):
#   in memory, 100 ms iterations: the median invocation ran its three warm-up iterations at 2.8x, 1.55x and 1.02x its
#     measured ns/op (the slowest tenth at 9.2x, 4.0x, 1.8x), so it settles after 200-300 ms; 4 x 250 ms puts the
#     last warm-up iterations at 0.5-1 s, past that.
#   Redis, 500 ms iterations: the median invocation ran its four warm-up iterations at 0.19, 0.57, 0.78 and 0.88 of
#     its measured ops/s and was still 10% faster in its second measured iteration than in its first; bucket4j over
#     100k keys still rose 1.5-2.3x inside the measurement. 3 s is not a steady state (an independent run saw bucket4j
#     rise 23k -> 38k ops/s within its first 5 s), so the full profile warms up 5 x 1 s and measures 5 x 1 s, and
#     the page lists every cell whose measurement still ran >10% faster than its last warm-up iteration.
#
# --forks N   forks (rounds) per contender and set: default 5, quick 2
# --resume    keep DATA/<suite>/ and skip every (round, set) whose invocations all have results; a partly finished
#             round of a set is run again whole, so its contenders still ran back to back
#
# Environment: JDK17_HOME, NEWEST_JDK_HOME (default: the highest version in /usr/lib/jvm), REDIS_SERVER
# (default: redis-server on the PATH), MVN_ARGS (e.g. -o). Every Redis trial starts its own redis-server on a free
# loopback port; the shared server on 6379 is never touched.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
QUICK=false
SUITE=all
FORKS=""
RESUME=false
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --quick) QUICK=true ;;
    --suite) SUITE=${2:-}; shift ;;
    --suite=*) SUITE=${1#*=} ;;
    --forks) FORKS=${2:-}; shift ;;
    --forks=*) FORKS=${1#*=} ;;
    --resume) RESUME=true ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$SUITE" in
  memory) SUITES=(memory) ;;
  redis) SUITES=(redis) ;;
  cap) SUITES=(cap) ;;
  all) SUITES=(memory redis cap) ;;
  *) echo "--suite must be memory, redis, cap or all, not '$SUITE'" >&2; exit 2 ;;
esac
if $QUICK; then FORKS=${FORKS:-2}; else FORKS=${FORKS:-5}; fi
[[ "$FORKS" =~ ^[1-9][0-9]*$ ]] || { echo "--forks must be a positive number, not '$FORKS'" >&2; exit 2; }

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

# Per-invocation start-up (host JVM + fork + pre-touch; Redis: + redis-server + Lettuce), seconds, for the estimate.
MEMORY_OVERHEAD_S=1.4
REDIS_OVERHEAD_S=3.3
CAP_OVERHEAD_S=2
if $QUICK; then
  OUT="$ROOT/jmh-benchmarks/target/quick"
  DATA="$OUT/data"
  PAGE="$OUT/limiter.md"
  CHART="$OUT/limiter.svg"
  LOGS="$OUT/logs"
  MEMORY_JDKS=("$JDK17_HOME")
  MEMORY_THREADS=(1)
  MEMORY_OPTS=(-wi 3 -w 100ms -i 2 -r 100ms -prof gc)
  REDIS_OPTS=(-wi 4 -w 500ms -i 2 -r 500ms)
  CAP_OPTS=(-wi 1 -w 500ms -i 2 -r 500ms)
else
  DATA="$ROOT/docs/benchmarks/data"
  PAGE="$ROOT/docs/benchmarks/limiter.md"
  CHART="$ROOT/docs/benchmarks/limiter.svg"
  LOGS="$ROOT/jmh-benchmarks/target/run-logs"
  MEMORY_JDKS=("$JDK17_HOME" "$NEWEST_JDK_HOME")
  MEMORY_THREADS=(1 2)
  MEMORY_OPTS=(-wi 4 -w 250ms -i 3 -r 250ms -prof gc)
  REDIS_OPTS=(-wi 5 -w 1s -i 5 -r 1s)
  CAP_OPTS=(-wi 3 -w 1s -i 5 -r 1s)
fi
REDIS_JDKS=("$JDK17_HOME")
REDIS_THREADS=(1)

echo "==> building jmh-benchmarks/target/benchmarks.jar"
JAVA_HOME=$JDK17_HOME ./mvnw -B -q ${MVN_ARGS:-} -pl jmh-benchmarks -am package -DskipTests -Djacoco.skip=true
# Run a copy, so a build started meanwhile cannot change the jar under a running fork.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR="$WORK/benchmarks.jar"
cp "$ROOT/jmh-benchmarks/target/benchmarks.jar" "$JAR"
mkdir -p "$DATA"
# The layout before interleaving (one JSON per JDK and thread count, all forks of a contender in a row) cannot be
# paired by fork; render.py no longer reads it.
rm -f "$DATA"/jdk*.json "$DATA"/jdk*.jsonl "$DATA"/run.json

jdk_name() { echo "$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p') ($(basename "$1"))"; }

# schedule <suite> <lanes...>: prints the suite's invocations in run order, tab-separated: round, position in
# the set's rotated order, java home, threads, benchmark, params (k=v,k=v or none), result name. A lane is
# jdk<N>-t<threads>=<java home>.
schedule() {
  local suite=$1; shift
  "$JDK17_HOME/bin/java" -jar "$JAR" -lp "^dev\.perfplatform\.bench\.$suite\." </dev/null >"$WORK/$suite.lp"
  python3 - "$WORK/$suite.lp" "$FORKS" "$RESUME" "$DATA/$suite" "$@" <<'PY'
import itertools, os, re, sys

listing, forks, resume, out, lanes = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "true", sys.argv[4], sys.argv[5:]
methods, params = [], {}
for line in open(listing):
    m = re.match(r'\s+param "([^"]+)" = \{(.*)\}\s*$', line)
    if m:
        params[methods[-1]][m.group(1)] = [v.strip() for v in m.group(2).split(",")]
    elif line.startswith("dev."):
        methods.append(line.strip())
        params[methods[-1]] = {}
if not methods:
    sys.exit(f"no benchmarks listed in {listing}")
sets = {}  # (class, params) -> methods, in JMH's (alphabetical) order: A B C D
for name in methods:
    cls = name.rsplit(".", 2)[-2]
    keys = sorted(params[name])
    for values in itertools.product(*(params[name][k] for k in keys)):
        combo = ",".join(f"{k}={v}" for k, v in zip(keys, values)) or "none"
        sets.setdefault((cls, combo), []).append(name)
for k in range(1, forks + 1):
    for lane in lanes:
        label, home = lane.split("=", 1)
        threads = label.rsplit("-t", 1)[1]
        for (cls, combo), names in sets.items():
            shift = (k - 1) % len(names)
            order = names[shift:] + names[:shift]
            stems = [f"{label}.{cls}.{combo}.{n.rsplit('.', 1)[1]}.f{k}" for n in order]
            paths = [os.path.join(out, stem + ".json") for stem in stems]
            if resume and all(os.path.isfile(p) and os.path.getsize(p) > 0 for p in paths):
                continue
            for position, (name, stem) in enumerate(zip(order, stems), 1):
                print(k, position, home, threads, name, combo, stem, sep="\t")
PY
}

# seconds <opts...>: the iterations' length in seconds
seconds() {
  python3 - "$@" <<'PY'
import sys
a = sys.argv[1:]
def opt(name, default):
    return a[a.index(name) + 1] if name in a else default
def sec(t):
    return float(t[:-2]) / 1000 if t.endswith("ms") else float(t.rstrip("s"))
print(int(opt("-wi", "5")) * sec(opt("-w", "10s")) + int(opt("-i", "5")) * sec(opt("-r", "10s")))
PY
}

# warmup_scores <JMH log>: the warm-up iterations' scores, space-separated. A score can land lines after its
# "# Warmup Iteration N:" marker when the fork prints meanwhile (Lettuce's SLF4J notice in the first iteration).
warmup_scores() {
  python3 - "$1" <<'PY'
import re, sys
scores, pending = [], False
for line in open(sys.argv[1], errors="replace"):
    marker = re.match(r"# Warmup Iteration\s+\d+:(.*)", line)
    if marker:
        pending, line = True, marker.group(1)
    elif re.match(r"(# )?(Warmup )?Iteration\s+\d+:", line) or line.startswith("# "):
        pending = False
    score = re.match(r"\s*([0-9][0-9.,]*)\s+\S+/\S+", line)
    if pending and score:
        scores.append(score.group(1))
        pending = False
print(" ".join(scores))
PY
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for suite in "${SUITES[@]}"; do
  if [[ $suite == memory ]]; then
    JDKS=("${MEMORY_JDKS[@]}"); THREADS=("${MEMORY_THREADS[@]}"); OPTS=("${MEMORY_OPTS[@]}"); OVERHEAD=$MEMORY_OVERHEAD_S
  elif [[ $suite == cap ]]; then
    JDKS=("$JDK17_HOME"); THREADS=(1); OPTS=("${CAP_OPTS[@]}"); OVERHEAD=$CAP_OVERHEAD_S
  else
    JDKS=("${REDIS_JDKS[@]}"); THREADS=("${REDIS_THREADS[@]}"); OPTS=("${REDIS_OPTS[@]}"); OVERHEAD=$REDIS_OVERHEAD_S
  fi
  DIR="$DATA/$suite"
  SUITE_LOGS="$LOGS/$suite"
  if ! $RESUME; then rm -rf "$DIR" "$SUITE_LOGS"; fi
  mkdir -p "$DIR" "$SUITE_LOGS"
  LANES=()
  JDK_NAMES=()
  for home in "${JDKS[@]}"; do
    feature=$(java_feature "$home")
    JDK_NAMES+=("$(jdk_name "$home")")
    for threads in "${THREADS[@]}"; do LANES+=("jdk$feature-t$threads=$home"); done
  done
  schedule "$suite" "${LANES[@]}" >"$WORK/$suite.tsv"
  TOTAL=$(wc -l <"$WORK/$suite.tsv")
  ITER_S=$(seconds "${OPTS[@]}")
  ESTIMATE=$(python3 -c "print(round($TOTAL * ($ITER_S + $OVERHEAD) / 60))")
  echo "==> $suite: $TOTAL invocations ($FORKS forks, ${#LANES[@]} JDK/thread lanes, ${OPTS[*]}), about $ESTIMATE min"

  START=$(date +%s)
  SUITE_LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
  n=0
  while IFS=$'\t' read -r round position home threads bench combo stem <&3; do
    n=$((n + 1))
    args=("^${bench//./\\.}\$" -f 1 -t "$threads" "${OPTS[@]}")
    if [[ $combo != none ]]; then
      IFS=, read -ra pairs <<<"$combo"
      for pair in "${pairs[@]}"; do args+=(-p "$pair"); done
    fi
    if [[ $suite == redis ]]; then
      : >"$WORK/extra.jsonl"
      args+=(-jvmArgsAppend "-Dperfplatform.bench.extra=$WORK/extra.jsonl")
    fi
    log="$SUITE_LOGS/$stem.log"
    printf '==> [%d/%d] round %d #%d %s\n' "$n" "$TOTAL" "$round" "$position" "$stem"
    began=$(date +%s.%N)
    if ! "$home/bin/java" -jar "$JAR" "${args[@]}" -rf json -rff "$WORK/result.json" </dev/null >"$log" 2>&1 \
      || ! python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1]))) == 1' "$WORK/result.json" 2>/dev/null; then
      echo "JMH failed or measured nothing, see $log" >&2
      tail -40 "$log" >&2
      exit 1
    fi
    mv "$WORK/result.json" "$DIR/$stem.json"
    took=$(python3 -c "import time; print(round(time.time() - $began, 1))")
    warmup=$(warmup_scores "$log")
    printf '{"invocation":"%s","round":%d,"position":%d,"start":"%s","seconds":%s,"warmup":"%s"}\n' \
      "$stem" "$round" "$position" "$(date -u -d "@${began%.*}" +%FT%TZ)" "$took" "$warmup" >>"$DIR/invocations.jsonl"
    if [[ $suite == redis && -s "$WORK/extra.jsonl" ]]; then
      sed "s/^{/{\"invocation\":\"$stem\",/" "$WORK/extra.jsonl" >>"$DIR/extra.jsonl"
    fi
  done 3<"$WORK/$suite.tsv"

  MINUTES=$(( ($(date +%s) - START + 59) / 60 ))
  python3 - "$DIR/run.json" <<PY
import json, sys
json.dump({
    "suite": "$suite",
    "date": "$(date -u +%Y-%m-%dT%H:%MZ)",
    "minutes": $MINUTES,
    "invocations": $TOTAL,
    "forks": $FORKS,
    "resumed": $($RESUME && echo True || echo False),
    "machine": "$(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), shared and noisy",
    "load_start": "$SUITE_LOAD_START",
    "load_end": "$(cut -d' ' -f1-3 /proc/loadavg)",
    "jdks": "$(IFS=';'; echo "${JDK_NAMES[*]}" | sed 's/;/; /g')",
    "threads": "$(IFS=','; echo "${THREADS[*]}")",
    "profile": "$($QUICK && echo quick || echo full): -f 1 per invocation, $FORKS forks, ${OPTS[*]}; every fork on a pre-touched 256 MiB heap (Profiles.MIN_HEAP)",
}, open(sys.argv[1], "w"), indent=2)
PY
  echo "==> $suite done in $MINUTES min"
done

python3 "$ROOT/jmh-benchmarks/render.py" "$DATA" "$PAGE" "$CHART"
echo "==> $PAGE (load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
