#!/usr/bin/env bash
# make bench: wrk against the real stack, in one run, side by side with
# nginx serving a static file and the app's bare FastCGI endpoint (/ping),
# so every page's numbers read as ratios. Not a test: it never fails on speed.
#
# BENCH_SECONDS (default 10) per target, BENCH_CONNECTIONS (default 64).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-64}

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
VAR=$(mktemp -d /tmp/tandem-bench.XXXXXX)
export PORT TANDEM_VAR=$VAR
trap 'scripts/stack.sh stop; rm -rf "$VAR"' EXIT
scripts/stack.sh start >/dev/null
# The server logs a line per request; keep that cost in, as in production.
PID=$(cat "$VAR/run/tandem.pid")
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$PID/status"; }

# wrk --latency prints "50% 1.23ms"; turn a latency into milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

# A signed-in person's session cookie, got through the real sign-in form.
sign_in() {
    local jar=$VAR/bench-cookies token
    token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" |
        sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p')
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
        --data "username=$1&password=tandem-demo" "http://127.0.0.1:$PORT/login"
    awk '$6 == "tandem_session" {print "tandem_session=" $7}' "$jar"
}
declare -A COOKIES=([amira]=$(sign_in amira) [priya]=$(sign_in priya) [helen]=$(sign_in helen)
                    [admin]=$(sign_in admin))

# A portfolio page of 20 blocks (text and evidence, alternating) for amira.
PAGE=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "
    WITH u AS (SELECT id, institution_id FROM users WHERE username = 'amira'),
         p AS (INSERT INTO portfolio_pages (institution_id, owner_id, title, description_html)
               SELECT institution_id, id, 'Twenty blocks', '<p>For the benchmark.</p>' FROM u
               RETURNING id, institution_id),
         e AS (SELECT min(e.id) AS id FROM evidence e, u WHERE e.owner_id = u.id),
         b AS (INSERT INTO page_blocks (page_id, institution_id, position, evidence_id, text_html)
               SELECT p.id, p.institution_id, n, CASE WHEN n % 2 = 0 THEN e.id END,
                      CASE WHEN n % 2 = 1 THEN '<p>Block ' || n || ' of the page.</p>' ELSE '' END
                 FROM p, e, generate_series(1, 20) n)
    SELECT id FROM p")

# The same page shared with amira's tutors (priya), with five comments.
psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "
    INSERT INTO shares (institution_id, owner_id, page_id, audience)
    SELECT institution_id, owner_id, id, 'supporters' FROM portfolio_pages WHERE id = $PAGE;
    INSERT INTO comments (institution_id, page_id, author_id, body_md, body_html, is_feedback)
    SELECT p.institution_id, p.id, u.id, 'Comment ' || n, '<p>Comment ' || n || '.</p>', true
      FROM portfolio_pages p, users u, generate_series(1, 5) n
     WHERE p.id = $PAGE AND u.username = 'priya'" >/dev/null

# Blogs: a cohort of 1,000 learners with 100,000 posts, and a page of 20
# posts on Amira's blog (tests/bench/blogs.sql says what and why).
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/blogs.sql
COHORT=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT id FROM cohorts WHERE code = 'BENCH-NET'")
# Plans: Priya tutors 200 learners with a plan each; Amira's plan has 30
# goals (tests/bench/plans.sql).
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/plans.sql
PLAN=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT id FROM plans WHERE title = 'Thirty goals'")
# Messages: a thread of 200 messages between Priya and Amira
# (tests/bench/threads.sql).
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/threads.sql
THREAD=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT id FROM threads WHERE subject = 'Two hundred messages'")
# Leadership plans: David's grown to a year's worth, and Helen's team of
# 32 managers with a plan each (tests/bench/leadership.sql).
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/leadership.sql
LPLAN=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT p.id FROM leadership_plans p JOIN users u ON u.id = p.owner_id WHERE u.username = 'david' AND p.academic_year = '2026/27'")
# Student voice: an anonymous poll of 10,000 ballots, its results seen by
# the rep who ran it (tests/bench/voice.sql).
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/voice.sql
POLL=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT id FROM polls WHERE title = 'Ten thousand voices'")
COOKIES[voicerep]=$(sign_in bench-rep)
# Vacuumed, with statistics, as autovacuum would soon leave what was just
# loaded: without statistics the first plans can be scans of whole tables,
# and autovacuum working through the new rows during a measurement takes
# its share of the two cores from the page measured.
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -c "VACUUM ANALYZE" -c "CHECKPOINT"

# a as a percentage of b, or "-" before b was measured.
ratio() { [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100 * a / b}' || echo -; }

declare -A RPS
# One target: "name|path", the path ending in #person to be signed in as them.
measure() {
    local name=${1%%|*} path=${1#*|} header=()
    if [ "${path#*#}" != "$path" ]; then # signed in as the person after #
        header=(-H "Cookie: ${COOKIES[${path#*#}]}")
        path=${path%#*}
    fi
    # Warm up: every worker connects and prepares its statements.
    wrk -t2 -c"$CONNS" -d2s "${header[@]}" "http://127.0.0.1:$PORT$path" >/dev/null
    local out rps p50 p99 errors
    out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency "${header[@]}" "http://127.0.0.1:$PORT$path")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
    RPS[$name]=$rps
    printf '%-34s %10.0f %9s %9s %9s %9s %8s\n' "$name" "$rps" "$p50" "$p99" \
        "$(ratio "$rps" "${RPS[bare FastCGI (/ping)]:-}")" \
        "$(ratio "$rps" "${RPS[static file (nginx)]}")" "$(rss)"
    [ -z "$errors" ] || echo "    $errors"
}

printf '%-34s %10s %9s %9s %9s %9s %8s\n' target "req/s" "p50 ms" "p99 ms" "of bare" "of static" "RSS MB"
# The pages a second college must not slow down (see "At scale" below).
SCALED=("signed-in home (session + query)|/#amira"
        "blog search, 'workshop' (learner)|/blog/search?q=workshop#amira"
        "admin: people, first page|/admin/users#admin")
for target in "static file (nginx)|/static/static-bench.html" "bare FastCGI (/ping)|/ping" \
              "/healthz (one query)|/healthz" "home page (query + template)|/" \
              "${SCALED[@]}" \
              "portfolio page of 20 blocks|/portfolio/pages/$PAGE#amira" \
              "shared page, 20 blocks, 5 comments|/pages/$PAGE#priya" \
              "blog index, 20 posts (tutor)|/u/amira/blog#priya" \
              "cohort blogs: 1,000 people, 100k|/cohorts/$COHORT/blog#amira" \
              "tutor's plans, 200 learners|/plans#priya" \
              "plan page, 30 goals (tutor)|/plans/$PLAN#priya" \
              "plan's progress, 30 goals (tutor)|/plans/$PLAN/progress#priya" \
              "thread of 200 messages|/messages/$THREAD#priya" \
              "leadership plan (line manager)|/leadership/plans/$LPLAN#helen" \
              "team of 32 managers' plans|/leadership/team#helen" \
              "poll results, 10,000 ballots|/voice/polls/$POLL/results#voicerep"; do
    measure "$target"
done

# At scale: another college of 10,000 learners with 1,000,000 posts
# (tests/bench/scale.sql). Riverside's pages read only Riverside's rows,
# so they should keep their speed: each is measured again, and its share
# of what it did before is printed.
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -v ON_ERROR_STOP=1 -f tests/bench/scale.sql
# Vacuumed as a college's database long since would be: otherwise
# autovacuum works through the million new rows while the pages are
# measured, and takes its share of the two cores from them. The checkpoint
# writes out the million rows now, not while the pages are measured.
psql -h "$VAR/pgrun" -U tandem -d tandem -qX -c "VACUUM ANALYZE" -c "CHECKPOINT"
echo "with a second college of 10,000 learners and 1,000,000 posts:"
# How the statements behind them reach Riverside's rows now (their
# generic plans' index conditions on the college).
AMIRA_HASH=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "
    SELECT token_hash FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE u.username = 'amira' ORDER BY s.created_at DESC LIMIT 1")
RIVERSIDE=$(psql -h "$VAR/pgrun" -U tandem -d tandem -qtAX -c "SELECT id FROM institutions WHERE slug = 'riverside'")
for call in "home_posts $AMIRA_HASH" "blog_search_all $AMIRA_HASH workshop" \
            "admin_users_list \\N \\N \\N 50 0 $RIVERSIDE"; do
    printf '    %s: %s\n' "${call%% *}" "$("${TANDEM_BIN:-$PWD/cgi-bin/tandem}" explain --generic $call |
        grep -o 'Index Cond: ([^ ]*institution_id[^)]*)' | head -1)"
done
declare -A BEFORE
for target in "${SCALED[@]}"; do
    BEFORE[${target%%|*}]=${RPS[${target%%|*}]}
    measure "$target"
    echo "    $(ratio "${RPS[${target%%|*}]}" "${BEFORE[${target%%|*}]}") of its speed before"
done
echo "wrk -t2 -c$CONNS, ${SECONDS_EACH}s each, $(nproc) cores; tandem with ${TANDEM_THREADS:-$((4 * $(nproc)))} threads"
# Student voice's mixer: 10,000 sealed ballots opened, shuffled and counted
# in one batch, as at a poll's close (tests/bench/mixer.mjs). A vote itself
# stays one statement (voice_cast), sealed before it is sent.
TANDEM_BIN=${TANDEM_BIN:-$PWD/cgi-bin/tandem} node tests/bench/mixer.mjs
# Importing people: 10,000 with 11,000 memberships from one CSV, into a
# college of its own (the import test checks what it does; this, how fast).
BIN=${TANDEM_BIN:-$PWD/cgi-bin/tandem}
"$BIN" institution add bench-import 'Bench import college' >/dev/null
psql -X -h "$VAR/pgrun" -U tandem -d tandem -qc "
  INSERT INTO courses (institution_id, code, title)
  SELECT id, 'BULK', 'Bulk' FROM institutions WHERE slug = 'bench-import';
  INSERT INTO cohorts (institution_id, course_id, code, name, academic_year)
  SELECT c.institution_id, c.id, 'BULK-A', 'Bulk A', '2026/27'
    FROM courses c JOIN institutions i ON i.id = c.institution_id WHERE i.slug = 'bench-import'"
node -e 'let s = "username,email,display_name,role,cohort_code,cohort_role\r\n";
  for (let i = 1; i <= 10000; i++) {
    const u = `bench-${String(i).padStart(5, "0")}`;
    s += `${u},${u}@example.ac.uk,Person ${i},student,BULK-A,learner\r\n`;
    if (i % 10 === 0) s += `${u},${u}@example.ac.uk,Person ${i},student,BULK-A,rep\r\n`;
  }
  process.stdout.write(s)' >"$VAR/bench-import.csv"
start=$(date +%s.%N)
"$BIN" import-users "$VAR/bench-import.csv" --institution bench-import >"$VAR/bench-import.out"
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "import: 10,000 people, 11,000 memberships in %.1f s\n", e - s}'
