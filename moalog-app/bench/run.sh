#!/usr/bin/env bash
# moalog's read API under load on this machine, against the local MariaDB: three endpoints, each measured on its own
# with wrk as random members of realistic data, sending their bearer tokens:
#  1. rooms:        GET /api/v1/retro-rooms (the member's room list);
#  2. retrospects:  GET /api/v1/retro-rooms/{id}/retrospects (a room's retrospects);
#  3. responses:    GET /api/v1/retrospects/{id}/responses?category=QUESTION_n (a question's first page of answers).
# The data: 1,000 members signed up through the real login path (the OAuth provider simulator, social-login, signup;
# bench/SignUp.java), then by SQL, outside the measurement, 200 rooms, 5,000 retrospects with their participants'
# submitted answers (125,000), comments and likes, and ANALYZE TABLE. Each run recreates the database moalog_bench and
# starts the production jar (built without the embedded database); a 10 s warm-up per endpoint, then rounds whose
# order rotates (round 1: rooms, retrospects, responses; round 2: retrospects, responses, rooms; ...). Before the
# rounds, the SQL statements each endpoint sends per request are counted from the server's counters. Raw figures go
# to docs/benchmarks/data/moalog-runs.txt, and report.sh turns them into docs/benchmarks/moalog.md (medians, spreads).
#
# The limiter stays on (in memory), with the per-address budget raised out of reach: every request comes from
# 127.0.0.1, and the point is the read path's cost, the limiter's decision included.
#
# Usage: moalog-app/bench/run.sh [rounds=3] [seconds=30]   (a smoke run: moalog-app/bench/run.sh 1 5)
# Needs: MariaDB on 127.0.0.1:3306 taking root without a password over TCP, the mariadb client, a JDK 17+, curl, wrk
# (curl and wrk installed with apt-get when missing and run as root). Env: BENCH_PORT (18080), BENCH_MANAGEMENT_PORT
# (19180), BENCH_CONNECTIONS (64). The app's log (WARN and above) and each phase's wrk errors go to
# moalog-app/target/bench/. On exit, however it ends, the app is stopped and the database dropped.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-3}
PHASE_SECONDS=${2:-30}
PORT=${BENCH_PORT:-18080}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-19180}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=2
WARMUP_SECONDS=10
MEMBERS=1000
SIGNUP_THREADS=8
CHECK_REQUESTS=100 # requests per endpoint for the statement count
COUNT_TRIES=3      # statement counts per endpoint when other clients' statements get in (each with new members)
ENDPOINTS=(rooms retrospects responses)
DB=moalog_bench
JWT_SECRET=moalog-bench-secret-0123456789abcdef-0123
BENCH=moalog-app/bench
RAW=docs/benchmarks/data/moalog-runs.txt
LOGS=moalog-app/target/bench
WORK=$(mktemp -d)
APP_PID=

log() { printf '\n==> %s\n' "$*" >&2; }
fail() { echo "$*" >&2; exit 1; }
sql() { mariadb -h 127.0.0.1 -P 3306 -u root --batch --skip-column-names "$@"; }
stop_app() { if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
cleanup() {
  stop_app
  sql -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    [[ $(id -u) == 0 ]] || fail "$tool is missing: apt-get install $tool"
    log "installing $tool"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
command -v mariadb >/dev/null || fail "the mariadb client is missing: apt-get install mariadb-client"
sql -e 'SELECT 1' >/dev/null || fail "no MariaDB on 127.0.0.1:3306 taking root without a password"
DB_PID=$(ss -Hltnp 'sport = :3306' 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[[ -n "$DB_PID" ]] || DB_PID=$(cat "$(sql -e 'SELECT @@pid_file')" 2>/dev/null || true)
[[ -n "$DB_PID" && -r /proc/$DB_PID/stat ]] || fail "cannot find the process of the MariaDB server on 3306"

log "building the production jar (-Dmoalog.embedded=false)"
./mvnw -B -q -pl moalog-app -am package -DskipTests -Dmoalog.embedded=false
mkdir -p "$LOGS"
JARS=(moalog-app/target/moalog-app-*-exec.jar) # the runnable jar; the plain one has no classifier
JAR=${JARS[0]}

# CPU ticks (user + system) of the given processes, and of the whole machine (busy), from /proc.
ticks_of() { local total=0 pid; for pid in "$@"; do [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
HZ=$(getconf CLK_TCK)
cores() { awk -v t="$1" -v s="$2" -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz / s}'; }
# All statements the server has run (Questions) and the SELECTs among them, server-wide.
statement_counters() {
  sql -e "SELECT SUM(IF(VARIABLE_NAME = 'QUESTIONS', VARIABLE_VALUE, 0)), SUM(IF(VARIABLE_NAME = 'COM_SELECT', VARIABLE_VALUE, 0))
          FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('QUESTIONS', 'COM_SELECT')"
}
# Connections of other clients (not the bench app's, not this one's): their statements would count too.
other_clients() {
  sql -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST
          WHERE ID <> CONNECTION_ID() AND IFNULL(DB, '') <> '$DB' AND USER <> 'system user' AND COMMAND <> 'Daemon'"
}

start_app() {
  local port
  for port in "$PORT" "$MANAGEMENT_PORT"; do
    ! curl -s -o /dev/null "http://127.0.0.1:$port/" || fail "port $port is taken: set BENCH_PORT / BENCH_MANAGEMENT_PORT"
  done
  env MOALOG_DB_URL="r2dbc:mariadb://127.0.0.1:3306/$DB" MOALOG_DB_USER=root MOALOG_DB_PASSWORD= \
    JWT_SECRET="$JWT_SECRET" JWT_EXPIRATION=21600s MOALOG_PROVIDER_SIMULATOR=true MOALOG_SECURE_COOKIES=false \
    MOALOG_AI_OFFLINE=true \
    MOALOG_PORT="$PORT" MOALOG_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    java -Xms512m -Xmx1g -jar "$JAR" --logging.level.root=WARN \
    --ratelimit.policies.api.limits[0].algorithm=sliding-window --ratelimit.policies.api.limits[0].window=1m \
    --ratelimit.policies.api.limits[0].limit=1000000000 >"$LOGS/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && return
    kill -0 "$APP_PID" 2>/dev/null || { cat "$LOGS/app.log" >&2; fail "the app did not start"; }
    sleep 0.5
  done
  fail "the app did not answer within 150 s"
}

# Rooms, memberships, retrospects, participants, answers, comments and likes for the signed-up members, as the API
# would store them (UTC DATETIME(6), every constraint and CHECK of V1 and V2 respected). Member k (0..999, by
# nickname) is in group k div 5; room r (0..199) is owned by member 5r and holds groups r, r-67 and r-134 (mod 200),
# 15 members, so each member is in 3 rooms. Room r's 25 retrospects start every two weeks over the past year, in the
# five formats in turn; retrospect i has the five members of the room's group i mod 3 as participants, all of whom
# submitted answers to the five questions (25 answers per retrospect). Answer n has n mod 3 comments and n mod 4
# likes, from the retrospect's other participants.
seed_sql() {
  cat <<'SQL'
SET @t0 = UTC_TIMESTAMP(6) - INTERVAL 400 DAY;
SET @now = UTC_TIMESTAMP(6);
CREATE TEMPORARY TABLE bm (PRIMARY KEY (k))
  SELECT ROW_NUMBER() OVER (ORDER BY nickname) - 1 AS k, member_id AS id FROM member;
INSERT INTO retro_room (retro_room_id, owner_id, title, description, invite_code, invite_code_created_at,
                        created_at, updated_at)
  SELECT s.seq + 1, bm.id, CONCAT('Team ', LPAD(s.seq + 1, 3, '0')), 'Sprint retrospectives of a product team',
         CONCAT('INV-R', LPAD(s.seq, 3, '0'), '-BNCH'), @t0 + INTERVAL s.seq HOUR, @t0 + INTERVAL s.seq HOUR,
         @t0 + INTERVAL s.seq HOUR
  FROM seq_0_to_199 s JOIN bm ON bm.k = 5 * s.seq;
INSERT INTO member_retro_room (member_retro_room_id, member_id, retro_room_id, role, order_index, created_at)
  SELECT bm.k * 3 + j.seq + 1, bm.id, MOD(bm.k DIV 5 + 67 * j.seq, 200) + 1,
         IF(j.seq = 0 AND MOD(bm.k, 5) = 0, 'OWNER', 'MEMBER'), j.seq + 1,
         @t0 + INTERVAL MOD(bm.k DIV 5 + 67 * j.seq, 200) HOUR + INTERVAL MOD(bm.k, 5) MINUTE + INTERVAL j.seq SECOND
  FROM bm JOIN seq_0_to_2 j;
INSERT INTO retrospect (retrospect_id, retro_room_id, creator_id, title, retrospect_method, start_time, insight,
                        created_at, updated_at)
  SELECT r.seq * 25 + i.seq + 1, r.seq + 1, bm.id, CONCAT('Sprint ', i.seq + 1, ' retro'),
         ELT(MOD(i.seq, 5) + 1, 'KPT', 'FOUR_L', 'FIVE_F', 'PMI', 'FREE'),
         @now - INTERVAL (25 - i.seq) * 14 DAY + INTERVAL MOD(r.seq, 8) HOUR, NULL,
         @now - INTERVAL (25 - i.seq) * 14 DAY - INTERVAL 3 DAY, @now - INTERVAL (25 - i.seq) * 14 DAY - INTERVAL 3 DAY
  FROM seq_0_to_199 r JOIN seq_0_to_24 i JOIN bm ON bm.k = 5 * r.seq;
INSERT INTO member_retro (member_retro_id, retrospect_id, member_id, status, personal_insight, submitted_at,
                          created_at, updated_at)
  SELECT (t.retrospect_id - 1) * 5 + p.seq + 1, t.retrospect_id, bm.id, 'SUBMITTED', NULL,
         t.start_time + INTERVAL p.seq + 1 HOUR, t.start_time, t.start_time + INTERVAL p.seq + 1 HOUR
  FROM retrospect t JOIN seq_0_to_4 p
  JOIN bm ON bm.k = 5 * MOD(t.retro_room_id - 1 + 200 - 67 * MOD(MOD(t.retrospect_id - 1, 25), 3), 200) + p.seq;
INSERT INTO response (response_id, retrospect_id, member_retro_id, question_number, content, created_at, updated_at)
  SELECT (p.member_retro_id - 1) * 5 + q.seq, p.retrospect_id, p.member_retro_id, q.seq,
         REPEAT(ELT(q.seq, '배포 일정을 지켰고 코드 리뷰를 함께 진행한 점이 좋았습니다. ',
                           '요구사항이 자주 바뀌어서 일정 추정이 어려웠습니다. ',
                           '다음 스프린트에는 작업을 더 작게 나누어 보고 싶습니다. ',
                           '팀원들이 서로 적극적으로 도와준 덕분에 끝까지 해낼 수 있었습니다. ',
                           '회고 시간을 조금 더 길게 잡으면 좋겠습니다. '),
                1 + MOD(p.member_retro_id + q.seq, 6)),
         p.created_at, p.submitted_at
  FROM member_retro p JOIN seq_1_to_5 q;
INSERT INTO response_comment (response_id, member_id, content, created_at, updated_at)
  SELECT r.response_id, o.member_id,
         ELT(s.seq, '좋은 의견이네요! 다음 스프린트에 꼭 반영해봐요.', '저도 같은 생각이었어요. 회의 때 이야기해봐요.'),
         p.submitted_at + INTERVAL s.seq HOUR, p.submitted_at + INTERVAL s.seq HOUR
  FROM response r JOIN member_retro p ON p.member_retro_id = r.member_retro_id
  JOIN seq_1_to_2 s ON s.seq <= MOD(r.response_id, 3)
  JOIN member_retro o
    ON o.member_retro_id = (p.member_retro_id - 1) DIV 5 * 5 + MOD(MOD(p.member_retro_id - 1, 5) + s.seq, 5) + 1;
INSERT INTO response_like (response_id, member_id, created_at)
  SELECT r.response_id, o.member_id, p.submitted_at + INTERVAL s.seq HOUR
  FROM response r JOIN member_retro p ON p.member_retro_id = r.member_retro_id
  JOIN seq_1_to_3 s ON s.seq <= MOD(r.response_id, 4)
  JOIN member_retro o
    ON o.member_retro_id = (p.member_retro_id - 1) DIV 5 * 5 + MOD(MOD(p.member_retro_id - 1, 5) + s.seq, 5) + 1;
ANALYZE TABLE member, retro_room, member_retro_room, retrospect, member_retro, response, response_comment,
              response_like;
SQL
}

# One line per member, "memberId roomId retrospectId questionNumber": one of its rooms (its membership k mod 3), a
# retrospect of that room it took part in, a question; joined with its token into the wrk script's lines.
seed_and_lines() {
  sql "$DB" <<<"$(seed_sql)" >/dev/null
  sql "$DB" -e "
    SELECT bm.id, MOD(bm.k DIV 5 + 67 * MOD(bm.k, 3), 200) + 1,
           MOD(bm.k DIV 5 + 67 * MOD(bm.k, 3), 200) * 25 + MOD(bm.k, 3) + 3 * MOD(bm.k * 7, 8) + 1, MOD(bm.k, 5) + 1
    FROM (SELECT ROW_NUMBER() OVER (ORDER BY nickname) - 1 AS k, member_id AS id FROM member) bm" >"$WORK/targets.txt"
  awk 'NR == FNR {token[$1] = $2; next} {print token[$1], $2, $3, $4}' "$WORK/tokens.txt" "$WORK/targets.txt" \
    >"$WORK/lines.txt"
  # every line: a token, and a retrospect of the room that the member took part in
  local valid
  valid=$(sql "$DB" --local-infile=1 -e "
    CREATE TEMPORARY TABLE t (member_id BIGINT, room BIGINT, retro BIGINT, q INT);
    LOAD DATA LOCAL INFILE '$WORK/targets.txt' INTO TABLE t;
    SELECT COUNT(*) FROM t JOIN retrospect r ON r.retrospect_id = t.retro AND r.retro_room_id = t.room
    JOIN member_retro p ON p.retrospect_id = r.retrospect_id AND p.member_id = t.member_id")
  [[ $valid == "$MEMBERS" && $(awk 'NF == 4' "$WORK/lines.txt" | wc -l) == "$MEMBERS" ]] ||
    fail "the wrk lines are not one per member with its own room and retrospect ($valid valid)"
}

data_shape() {
  sql "$DB" -e "
    SELECT CONCAT((SELECT COUNT(*) FROM member), ' members, ', (SELECT COUNT(*) FROM retro_room), ' rooms, ',
                  (SELECT COUNT(*) FROM member_retro_room), ' memberships, ', (SELECT COUNT(*) FROM retrospect),
                  ' retrospects, ', (SELECT COUNT(*) FROM member_retro), ' participants (all submitted), ',
                  (SELECT COUNT(*) FROM response), ' answers (', (SELECT ROUND(AVG(CHAR_LENGTH(content))) FROM response),
                  ' characters on average), ', (SELECT COUNT(*) FROM response_comment), ' comments, ',
                  (SELECT COUNT(*) FROM response_like), ' likes')"
}

path_of() { # endpoint, then a line's "token room retrospect question": the request's path
  case $1 in
    rooms) echo "/api/v1/retro-rooms" ;;
    retrospects) echo "/api/v1/retro-rooms/$3/retrospects" ;;
    responses) echo "/api/v1/retrospects/$4/responses?category=QUESTION_$5" ;;
  esac
}

# The SQL statements one request of the endpoint sends, from the server's counters: CHECK_REQUESTS requests (lines
# of different members, rooms and retrospects, from line $2 on) twice with curl, one pass after the other; the first
# pass makes the app remember each member's existence (for 10 s, so the caller waits that long after wrk first), the
# second is counted, less what reading the counters costs. Prints "statements selects" per request.
count_statements() {
  local endpoint=$1 from=$2 config="$WORK/$1.curl" token room retrospect question first=1
  : >"$config"
  while read -r token room retrospect question; do
    [[ $first == 1 ]] || echo next >>"$config"
    first=0
    printf 'url = "http://127.0.0.1:%s%s"\nheader = "Authorization: Bearer %s"\noutput = /dev/null\nwrite-out = "%%{http_code}\\n"\n' \
      "$PORT" "$(path_of "$endpoint" "$token" "$room" "$retrospect" "$question")" "$token" >>"$config"
  done < <(tail -n +"$from" "$WORK/lines.txt" | head -n "$CHECK_REQUESTS")
  curl_all "$config"
  local b0 b1 a
  read -r -a b0 <<<"$(statement_counters)"
  read -r -a b1 <<<"$(statement_counters)"
  curl_all "$config"
  read -r -a a <<<"$(statement_counters)"
  awk -v n="$CHECK_REQUESTS" -v q="$((a[0] - 2 * b1[0] + b0[0]))" -v s="$((a[1] - 2 * b1[1] + b0[1]))" \
    'BEGIN {printf "%.2f %.2f\n", q / n, s / n}'
}
# The counters are server-wide, and these reads send nothing but SELECTs: a count with other statements in it caught
# another client's work, and is taken again (with the next members) up to COUNT_TRIES times; the last is kept, and
# said to be unclean.
count_cleanly() {
  local endpoint=$1 index=$2 try counts
  for try in $(seq "$COUNT_TRIES"); do
    counts=$(count_statements "$endpoint" "$((((try - 1) * ${#ENDPOINTS[@]} + index) * CHECK_REQUESTS + 1))")
    if awk '{exit !($1 == $2)}' <<<"$counts"; then echo "$counts clean"; return; fi
    echo "statement count of $endpoint caught another client's statements ($counts): again" >&2
  done
  echo "$counts unclean"
}
curl_all() {
  local codes
  codes=$(curl -s -K "$1" | sort | uniq -c | awk '{printf "%s x %s, ", $1, $2}')
  [[ $codes == "$CHECK_REQUESTS x 200, " ]] || { tail -n 50 "$LOGS/app.log" >&2; fail "statement count: answers were $codes"; }
}

# One wrk run of the endpoint; fails loudly on any non-2xx or socket error. Prints wrk's RESULT line.
wrk_run() {
  local endpoint=$1 seconds=$2 tag=$3 out="$WORK/wrk-$3.txt" err="$LOGS/wrk-$3.err"
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$BENCH/read.lua" \
    "http://127.0.0.1:$PORT" -- "$WORK/lines.txt" "$endpoint" >"$out" 2>"$err" &
  WRK_PID=$!
}
wrk_result() {
  local tag=$1 out="$WORK/wrk-$1.txt" err="$LOGS/wrk-$1.err" result
  result=$(sed -n 's/^RESULT //p' "$out")
  [[ -n "$result" ]] || { cat "$out" "$err" >&2; fail "wrk printed no RESULT ($tag)"; }
  if ! grep -q ' non2xx=0 socket_errors=0 ' <<<"$result "; then
    echo "$result" >&2
    grep -m 5 NON2XX "$err" >&2 || true
    echo "--- the app's log, last 50 lines ($LOGS/app.log):" >&2
    tail -n 50 "$LOGS/app.log" >&2
    fail "$tag: answers outside 2xx or socket errors (above)"
  fi
  echo "$result"
}

warm_up() {
  local endpoint
  for endpoint in "${ENDPOINTS[@]}"; do
    wrk_run "$endpoint" "$WARMUP_SECONDS" "warmup-$endpoint"
    wait "$WRK_PID"
    wrk_result "warmup-$endpoint" >/dev/null
  done
}

phase() { # endpoint round: prints the phase's key=value figures, prefixed with the endpoint
  local endpoint=$1 round=$2 tag="$1-round$2"
  local before_app before_db before_all before_stmts t0 t1 wrk_ticks=0
  before_app=$(ticks_of "$APP_PID"); before_db=$(ticks_of "$DB_PID"); before_all=$(machine_busy)
  read -r -a before_stmts <<<"$(statement_counters)"
  t0=$(date +%s.%N)
  wrk_run "$endpoint" "$PHASE_SECONDS" "$tag"
  sleep 1
  while kill -0 "$WRK_PID" 2>/dev/null; do wrk_ticks=$(ticks_of "$WRK_PID"); sleep 0.5; done
  wait "$WRK_PID"
  local app db all after_stmts
  app=$(($(ticks_of "$APP_PID") - before_app)); db=$(($(ticks_of "$DB_PID") - before_db)); all=$(($(machine_busy) - before_all))
  t1=$(date +%s.%N)
  read -r -a after_stmts <<<"$(statement_counters)"
  local result ok elapsed
  result=$(wrk_result "$tag")
  ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$result")
  elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  {
    echo "$result" | sed 's/requests=[0-9]* //; s/ok=[0-9]* //; s/seconds=[0-9.]* //'
    awk -v ok="$ok" -v q="$((after_stmts[0] - before_stmts[0] - 1))" -v s="$((after_stmts[1] - before_stmts[1] - 1))" \
      'BEGIN {printf "stmts_per_req=%.2f selects_per_req=%.2f\n", q / ok, s / ok}'
    echo "app_cores=$(cores "$app" "$elapsed") db_cores=$(cores "$db" "$elapsed")" \
      "wrk_cores=$(cores "$wrk_ticks" "$elapsed") machine_cores=$(cores "$all" "$elapsed")"
  } | tr '\n' ' ' | sed "s/ *$//; s/^/${endpoint}_/; s/ / ${endpoint}_/g"
}

# One-line plans (MariaDB's ANALYZE: the plan with the rows actually read) of each endpoint's statements, for one
# member of the bench data. The SQL is the app's, copied from RoomService.list, RoomAccess.role,
# RetrospectService.inRoom, RetrospectAccess.require, ResponseService.answers and MemberRepository.exists.
plans() {
  local member room retrospect question
  read -r member room retrospect question < <(head -1 "$WORK/targets.txt")
  local -a names=(rooms:list retrospects:access retrospects:list responses:access responses:list auth:member)
  local -a queries=(
    "SELECT r.retro_room_id, r.title, m.order_index FROM member_retro_room m JOIN retro_room r ON r.retro_room_id = m.retro_room_id WHERE m.member_id = $member ORDER BY m.order_index, r.retro_room_id"
    "SELECT role FROM member_retro_room WHERE retro_room_id = $room AND member_id = $member"
    "SELECT r.retrospect_id, r.title, r.retrospect_method, r.start_time, (SELECT COUNT(*) FROM member_retro p WHERE p.retrospect_id = r.retrospect_id) AS participants FROM retrospect r WHERE r.retro_room_id = $room ORDER BY r.start_time DESC, r.retrospect_id DESC"
    "SELECT r.retrospect_id, r.retro_room_id, r.creator_id, r.title, r.retrospect_method, r.start_time, r.insight, m.role FROM retrospect r JOIN member_retro_room m ON m.retro_room_id = r.retro_room_id AND m.member_id = $member WHERE r.retrospect_id = $retrospect"
    "SELECT r.response_id, mb.nickname, r.content, (SELECT COUNT(*) FROM response_like l WHERE l.response_id = r.response_id) AS likes, (SELECT COUNT(*) FROM response_comment c WHERE c.response_id = r.response_id) AS comments FROM response r JOIN member_retro p ON p.member_retro_id = r.member_retro_id LEFT JOIN member mb ON mb.member_id = p.member_id WHERE r.retrospect_id = $retrospect AND p.status <> 'DRAFT' AND TRIM(r.content) <> '' AND r.response_id < 9223372036854775807 AND r.question_number = $question ORDER BY r.response_id DESC LIMIT 11"
    "SELECT 1 FROM member WHERE member_id = $member"
  )
  local i
  for i in "${!names[@]}"; do
    printf '# plan: %s | ' "${names[$i]}"
    # columns: id select_type table type possible_keys key key_len ref rows r_rows filtered r_filtered Extra
    sql "$DB" -e "ANALYZE ${queries[$i]}" | awk -F'\t' '{
      part = $3 " " $4 (($6 != "NULL") ? " " $6 : "") " rows " (($10 != "NULL") ? $10 : $9) (($13 != "NULL" && $13 != "") ? " (" $13 ")" : "")
      printf "%s%s", (NR > 1 ? " → " : ""), part } END {print ""}'
  done
}

RESULTS="$WORK/results.txt"
sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
log "starting the app (Flyway creates the schema)"
start_app
log "signing up $MEMBERS members through the provider simulator"
java "$BENCH/SignUp.java" "http://127.0.0.1:$PORT" "$MEMBERS" "$SIGNUP_THREADS" >"$WORK/tokens.txt"
[[ $(wc -l <"$WORK/tokens.txt") == "$MEMBERS" ]] || fail "expected $MEMBERS sign-ups"
log "inserting rooms, retrospects, answers, comments and likes by SQL; ANALYZE TABLE"
seed_and_lines
SHAPE=$(data_shape)
echo "$SHAPE" >&2
log "warm-up: ${WARMUP_SECONDS} s per endpoint"
warm_up
log "counting SQL statements per request ($CHECK_REQUESTS requests per endpoint)"
sleep 11 # until the app forgets the members that the warm-up remembered
STATEMENTS="other clients: $(other_clients)"
for i in "${!ENDPOINTS[@]}"; do
  counts=$(count_cleanly "${ENDPOINTS[$i]}" "$i")
  read -r stmts selects clean <<<"$counts"
  STATEMENTS+="; ${ENDPOINTS[$i]} $stmts statements ($selects SELECT, $clean)"
done
echo "$STATEMENTS" >&2
PLANS=$(plans)

for round in $(seq "$ROUNDS"); do
  load=$(awk '{print $1 "/" $2 "/" $3}' /proc/loadavg)
  order=()
  for i in 0 1 2; do order+=("${ENDPOINTS[$(((round - 1 + i) % 3))]}"); done
  log "round $round of $ROUNDS (load $load): ${order[*]}"
  figures="round=$round load=$load order=$(IFS=,; echo "${order[*]}")"
  for endpoint in "${order[@]}"; do
    figures+=" $(phase "$endpoint" "$round")"
  done
  echo "$figures" | tee -a "$RESULTS"
done

mkdir -p "$(dirname "$RAW")"
{
  echo "# command: moalog-app/bench/run.sh $ROUNDS $PHASE_SECONDS"
  echo "# date: $(date -u +%Y-%m-%d)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), MariaDB $(sql -e 'SELECT VERSION()'), wrk $(wrk --version 2>&1 | awk 'NR == 1 {print $2}')"
  echo "# setup: wrk $WRK_THREADS threads $CONNECTIONS connections, ${WARMUP_SECONDS} s warm-up per endpoint; ${PHASE_SECONDS} s per endpoint per round"
  echo "# data: $SHAPE"
  echo "# statements: $STATEMENTS"
  echo "$PLANS"
  cat "$RESULTS"
} >"$RAW"
"$BENCH/report.sh"
