#!/usr/bin/env bash
# Turns the raw rounds of run.sh (docs/benchmarks/data/moalog-runs.txt) into docs/benchmarks/moalog.md: per endpoint,
# medians and spreads of throughput and latency, the goal's verdict, SQL statements and CPU per request, the query
# plans, and the reading in bench/reading.md.
# Usage: moalog-app/bench/report.sh (run.sh calls it; run it alone after editing reading.md)
set -euo pipefail
cd "$(dirname "$0")/../.."

BENCH=moalog-app/bench
RAW=docs/benchmarks/data/moalog-runs.txt
OUT=docs/benchmarks/moalog.md
ENDPOINTS=(rooms retrospects responses)
GOAL_RPS=2000
GOAL_P99_MS=50
header() { sed -n "s/^# $1: //p" "$RAW"; }
COMMAND=$(header command)
ROUNDS=$(grep -vc '^#' "$RAW")
PHASE_SECONDS=$(awk '{print $NF}' <<<"$COMMAND")
CORES=$(header machine | awk '{print $1}')
# Each round's figures, plus each endpoint's CPU milliseconds per answer derived from them.
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
awk -v endpoints="${ENDPOINTS[*]}" '!/^#/ {
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  line = $0
  n = split(endpoints, e, " ")
  for (i = 1; i <= n; i++) {
    rps = v[e[i] "_ok_per_s"]
    line = line sprintf(" %s_app_ms=%.3f %s_db_ms=%.3f", e[i], v[e[i] "_app_cores"] * 1000 / rps,
      e[i], v[e[i] "_db_cores"] * 1000 / rps)
  }
  print line
}' "$RAW" >"$RESULTS"

# value <key>: that figure of every round, one a line; median <key>: their median; spread: lowest–highest.
value() { sed -E -n "s/^(.* )?$1=([^ ]*).*/\2/p" "$RESULTS"; }
median() { value "$1" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
spread() { value "$1" | sort -g | awk 'NR == 1 {min = $1} {max = $1} END {printf "%s–%s", min, max}'; }
cell() { if [[ $ROUNDS -gt 1 ]]; then echo "$(median "$1") ($(spread "$1"))"; else median "$1"; fi; }
sum() { value "$1" | awk '{s += $1} END {print s + 0}'; }
# counted <endpoint> <statements|SELECT>: from the "# statements:" header, the figure counted alone.
counted() {
  header statements | tr ';' '\n' | sed -n "s/^ *$1 \([0-9.]*\) statements (\([0-9.]*\) SELECT, \([a-z]*\)).*/\1 \2 \3/p" |
    awk -v which="$2" '{print (which == "SELECT") ? $2 : (which == "clean") ? $3 : $1}'
}
# counted_cell <endpoint>: "statements (SELECT)", marked when other clients' statements got into the count
counted_cell() {
  echo "$(counted "$1" statements) ($(counted "$1" SELECT))$([[ $(counted "$1" clean) == clean ]] || echo ' — other clients got in')"
}
verdict() {
  awk -v r="$(median "$1_ok_per_s")" -v p="$(median "$1_p99_ms")" -v goal="$GOAL_RPS" -v p99="$GOAL_P99_MS" 'BEGIN {
    if (r >= goal && p < p99) print "**met**"
    else printf "**missed** (%s)\n", (r < goal ? "throughput" : "") (r < goal && p >= p99 ? " and " : "") (p >= p99 ? "p99" : "") }'
}
# shellcheck disable=SC2016 # the backquotes are markdown's
path() {
  case $1 in
    rooms) echo '`GET /api/v1/retro-rooms` (the member'"'"'s 3 rooms)' ;;
    retrospects) echo '`GET /api/v1/retro-rooms/{id}/retrospects` (25 retrospects)' ;;
    responses) echo '`GET /api/v1/retrospects/{id}/responses?category=QUESTION_n` (first page: 5 answers)' ;;
  esac
}

{
  cat <<HEAD
# moalog's read API under load

Three read endpoints of moalog-app, each measured on its own with the load tool on the same machine, against the
local MariaDB (never the embedded development database): every request is a random member of realistic data with its
own bearer token. Each run recreates the database, signs the members up through the real login path and starts a fresh
app (the production jar built with \`-Dmoalog.embedded=false\`, \`-Xms512m -Xmx1g\`, the default R2DBC pool of 10).
Medians of $ROUNDS round(s), spread in brackets; the rounds interleave the endpoints (round 1: rooms, retrospects,
responses; round 2: retrospects, responses, rooms; ...).

Command: \`$COMMAND\` ($(header date)); \`moalog-app/bench/report.sh\` rewrites this page from the raw rounds,
[data/moalog-runs.txt](data/moalog-runs.txt).

Machine: $(header machine). Load average (1, 5, 15 min) at the start of each round: $(value load | paste -sd ',' | sed 's/,/; /g').
The load tool, the app and MariaDB share the same cores.

Data: $(header data). Members are signed up through the provider simulator, social-login and signup
(\`moalog-app/bench/SignUp.java\`); the rest is inserted by SQL as the app stores it, then \`ANALYZE TABLE\`. Each member
is in 3 rooms of 15 members; each retrospect has 5 participants from its room, each with 5 answers. wrk picks, per
request, one of 1,000 lines (one per member: its token, one of its rooms, a retrospect of that room it took part in,
a question).

HEAD
  if [[ $ROUNDS -lt 3 || $PHASE_SECONDS -lt 30 ]]; then
    echo "**Smoke run** ($ROUNDS round(s) of $PHASE_SECONDS s per endpoint): it proves the pipeline end to end; its figures are"
    echo "not a measurement."
    echo
  fi
  [[ -f "$BENCH/reading.md" ]] && { cat "$BENCH/reading.md"; echo; }
  cat <<TABLE
## Throughput and latency (goal: ${GOAL_RPS}/s at p99 < $GOAL_P99_MS ms per endpoint)

The original service measured 59 requests/s at p99 770 ms on its read API. $(header setup | sed 's/;.*//'),
closed loop, ${PHASE_SECONDS} s measured per endpoint per round; p50/p90/p99 over all requests of a phase.

| endpoint | answers/s | p50 ms | p90 ms | p99 ms | non-2xx | bytes per answer (with headers) | goal |
|---|---|---|---|---|---|---|---|
TABLE
  for e in "${ENDPOINTS[@]}"; do
    echo "| $(path "$e") | $(cell "${e}_ok_per_s") | $(cell "${e}_p50_ms") | $(cell "${e}_p90_ms") | $(cell "${e}_p99_ms") | $(sum "${e}_non2xx") | $(median "${e}_bytes_per_answer") | $(verdict "$e") |"
  done
  cat <<TABLE

## SQL statements per request: one query per list, never one per row

Counted from MariaDB's server-wide counters (\`Questions\`, \`Com_select\`). Alone: 100 requests per endpoint
(different members, rooms and retrospects) sent twice, one after another, with curl, and the second pass counted (the
first makes the app remember each member's existence, which it looks up at most once per member per 10 s). The
counters are the whole server's, so a count with anything but SELECTs in it caught another client and is taken again,
with other members, up to 3 times (connections of other clients to MariaDB when counting began:
$(header statements | sed -n 's/^other clients: \([0-9]*\);.*/\1/p')). Under load: all statements during each measured
phase divided by its answers, so this includes the members' existence look-ups (with 1,000 members, up to 100 a
second) and any other client's statements.

| endpoint | counted alone: statements (SELECT) | under load | rows in the answer |
|---|---|---|---|
| rooms | $(counted_cell rooms) | $(cell rooms_stmts_per_req) | 3 rooms |
| retrospects | $(counted_cell retrospects) | $(cell retrospects_stmts_per_req) | 25 retrospects |
| responses | $(counted_cell responses) | $(cell responses_stmts_per_req) | 5 answers |

Query plans (MariaDB's \`ANALYZE\`, rows actually read, for one member of the data; the statements are the app's,
copied into run.sh): the room-scoped endpoints first check the caller's membership (\`access\`), then list (\`list\`).

| statement | table type key rows (extra), in join order |
|---|---|
TABLE
  # shellcheck disable=SC2016 # the backquotes are markdown's
  sed -n 's/^# plan: \([^|]*\) | \(.*\)/| `\1` | \2 |/p' "$RAW"
  cat <<TABLE

## CPU per answer

CPU while measuring, in cores of $CORES (from \`/proc\`: the app's JVM, the MariaDB server process, which serves any
other client too, wrk, and the whole machine), and the app's and MariaDB's CPU milliseconds per answer. With all
$CORES cores given to the app and MariaDB, these costs cap answers at the last column.

| endpoint | app cores | MariaDB cores | wrk cores | machine cores | app ms per answer | MariaDB ms per answer | cap /s |
|---|---|---|---|---|---|---|---|
TABLE
  for e in "${ENDPOINTS[@]}"; do
    app=$(median "${e}_app_ms"); db=$(median "${e}_db_ms")
    cap=$(awk -v a="$app" -v d="$db" -v c="$CORES" 'BEGIN {printf "%.0f", c * 1000 / (a + d)}')
    echo "| $e | $(cell "${e}_app_cores") | $(cell "${e}_db_cores") | $(median "${e}_wrk_cores") | $(cell "${e}_machine_cores") | $app | $db | $cap |"
  done
} >"$OUT"
echo "wrote $OUT" >&2
