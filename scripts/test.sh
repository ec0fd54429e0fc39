#!/usr/bin/env bash
# make test: builds Tandem, runs the C unit tests, then starts a private
# stack (PostgreSQL, tandem, nginx) on a free loopback port in a temporary
# data folder, runs the end-to-end suite against it in Chromium, and stops
# everything it started. SANITIZE=1 does all of it under ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ "${SANITIZE:-0}" = 1 ]; then
    BUILD=build/asan BIN=build/asan/tandem
    # Leaks are checked whenever a program exits: the unit tests, every
    # command, and the server and mail worker when the stack stops them
    # (SIGTERM). tests/lsan.supp names only libraries' own one-time
    # allocations; a leak of ours fails the run.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
    export LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    BUILD=build/release BIN=cgi-bin/tandem
fi

make -s SANITIZE="${SANITIZE:-0}" "$BIN" "$BUILD/unit-tests" assets

failed=0
LOGS=$(mktemp -d /tmp/tandem-test-logs.XXXXXX)
echo "== unit tests"
"$BUILD/unit-tests" 2>&1 | tee "$LOGS/unit.log" || failed=1

# A free loopback port: ask the kernel for one.
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
VAR=$(mktemp -d /tmp/tandem-test.XXXXXX)
export PORT TANDEM_VAR=$VAR TANDEM_BIN=$ROOT/$BIN
# Mail goes to the SMTP sink the mail test runs on another free port
# (until it runs, nothing listens there: mails wait and are retried, every
# second at first); digests only when a test asks (`tandem mail
# --digests-now`).
SMTP_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export TANDEM_SMTP_PORT=$SMTP_PORT TANDEM_SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
export TANDEM_MAIL_RETRY_SECONDS=1 TANDEM_MAIL_POLL_SECONDS=1 TANDEM_DIGEST_HOUR=24
cleanup() {
    scripts/stack.sh stop || true
    local reports='ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:'
    if grep -qE "$reports" "$VAR"/log/{tandem,mail}.log 2>/dev/null; then
        echo "== sanitizer reports in the server's or mail worker's log:"
        grep -A20 -E "$reports" "$VAR"/log/{tandem,mail}.log | head -60
        failed=1
    fi
    [ "${KEEP_VAR:-0}" = 1 ] || rm -rf "$VAR"
}
trap cleanup EXIT

echo "== starting the stack on 127.0.0.1:$PORT (data in $VAR)"
scripts/stack.sh start >/dev/null

echo "== end-to-end tests"
TANDEM_URL="http://127.0.0.1:$PORT" TANDEM_E2E_OUT="$VAR/e2e" \
    node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 |
    tee "$LOGS/e2e.log" || failed=1

trap - EXIT
cleanup

# One closing line for both runners: cmocka's groups and node's summary.
count() { grep -aoE "$1" "$2" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}'; }
passed=$(( $(count '\[  PASSED  \] [0-9]+' "$LOGS/unit.log") + $(count '^ℹ pass [0-9]+' "$LOGS/e2e.log") ))
failures=$(( $(count '\[  FAILED  \] [0-9]+' "$LOGS/unit.log") + $(count '^ℹ fail [0-9]+' "$LOGS/e2e.log") ))
rm -rf "$LOGS"
[ "$failures" = 0 ] || failed=1
echo "$passed passed, $failures failed"
if [ "$failed" = 0 ]; then
    echo "== all tests passed"
else
    echo "== SOME TESTS FAILED"
fi
exit "$failed"
