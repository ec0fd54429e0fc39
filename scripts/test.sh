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

make -s -j"$(nproc)" SANITIZE="${SANITIZE:-0}" "$BIN" "$BUILD/unit-tests" assets

failed=0
LOGS=$(mktemp -d /tmp/tandem-test-logs.XXXXXX)
echo "== unit tests"
"$BUILD/unit-tests" 2>&1 | tee "$LOGS/unit.log" || failed=1

# A free loopback port: ask the kernel for one.
free_port() {
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Two stacks (PostgreSQL, tandem, nginx, mail worker), each on a free
# loopback port with a temporary data folder, neither with the demo loaded:
# every test file loads a copy of its own (tests/e2e/lib/college.mjs).
#  - "shared": the files in tests/e2e/, several at once (TANDEM_E2E_JOBS).
#  - "alone": the files in tests/e2e/alone/, one at a time, beside the
#    others: they stop the database, run the SMTP sink the mail worker sends
#    to, and lower the per-address sign-in limit, none of which the shared
#    files may meet.
# Then tests/e2e/last/ checks every page all of them saved.
# Mail goes to an SMTP port where nothing listens (mails wait and are
# retried, every second at first) but on "alone", where mail.test.mjs runs
# the sink; digests only when a test asks (`tandem mail --digests-now`).
export TANDEM_BIN=$ROOT/$BIN DEMO=0
export TANDEM_MAIL_RETRY_SECONDS=1 TANDEM_MAIL_POLL_SECONDS=1 TANDEM_DIGEST_HOUR=24 TANDEM_HOUSEKEEPING_SECONDS=1
stack() { # NAME [VAR=VALUE ...]: the environment of stack NAME, made up the first time
    local name=$1 env=$LOGS/$1.stack
    shift
    if [ ! -f "$env" ]; then
        local port smtp dir
        port=$(free_port) smtp=$(free_port) dir=$(mktemp -d "/tmp/tandem-test-$name.XXXXXX")
        printf 'export PORT=%s TANDEM_VAR=%s TANDEM_URL=http://127.0.0.1:%s TANDEM_SMTP_PORT=%s TANDEM_SMTP_URL=smtp://127.0.0.1:%s\n' \
            "$port" "$dir" "$port" "$smtp" "$smtp" >"$env"
        for kv in "$@"; do printf 'export %q\n' "$kv" >>"$env"; done
    fi
    cat "$env"
}
cleanup() { # stops every stack made, reports sanitizer findings in their logs
    local env reports='ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:'
    for env in "$LOGS"/*.stack; do
        [ -f "$env" ] || continue
        local dir
        dir=$(. "$env" && echo "$TANDEM_VAR")
        (. "$env" && scripts/stack.sh stop) || true
        if grep -qE "$reports" "$dir"/log/{tandem,mail}.log 2>/dev/null; then
            echo "== sanitizer reports in the server's or mail worker's log ($dir):"
            grep -A20 -E "$reports" "$dir"/log/{tandem,mail}.log | head -60
            failed=1
        fi
        [ "${KEEP_VAR:-0}" = 1 ] || rm -rf "$dir"
        rm -f "$env"
    done
}
trap cleanup EXIT

# Files start in a shuffled order (TANDEM_E2E_SEED repeats one): none may
# depend on another's leftovers or on running first.
SEED=${TANDEM_E2E_SEED:-$RANDOM}
shuffled() {
    node -e 'let s = +process.argv[1]; const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
             const f = process.argv.slice(2); for (let i = f.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [f[i], f[j]] = [f[j], f[i]]; }
             console.log(f.join("\n"))' "$SEED" "$@"
}
e2e() { # STACK JOBS FILE...: runs the files against the stack
    local name=$1 jobs=$2
    shift 2
    (eval "$(stack "$name")" && TANDEM_E2E_OUT="$OUT" \
        node --test --test-concurrency="$jobs" --test-reporter=spec "$@" 2>&1)
}

OUT=$(mktemp -d /tmp/tandem-e2e-out.XXXXXX)
stack shared >/dev/null
stack alone TANDEM_LOGIN_ADDRESS_LIMIT=20 >/dev/null
for name in shared alone; do
    (eval "$(stack "$name")" && scripts/stack.sh start >/dev/null &&
        echo "== the $name stack on $TANDEM_URL (data in $TANDEM_VAR)")
done

# Twice the cores: a file spends much of its time waiting on the server and
# the browser, and four at once kept both cores of the 2-core machine busy.
JOBS=${TANDEM_E2E_JOBS:-$((2 * $(nproc)))}
echo "== end-to-end tests: tests/e2e/ $JOBS files at a time, beside them tests/e2e/alone/ one at a time (order seed $SEED)"
mapfile -t shared_files < <(shuffled tests/e2e/*.test.mjs)
mapfile -t alone_files < <(shuffled tests/e2e/alone/*.test.mjs)
e2e alone 1 "${alone_files[@]}" >"$LOGS/e2e-alone.log" &
alone_pid=$!
e2e shared "$JOBS" "${shared_files[@]}" | tee "$LOGS/e2e.log" || failed=1
wait "$alone_pid" || failed=1
echo "== tests/e2e/alone/"
tee -a "$LOGS/e2e.log" <"$LOGS/e2e-alone.log"
echo "== tests/e2e/last/: every page saved"
e2e shared 1 tests/e2e/last/*.test.mjs | tee -a "$LOGS/e2e.log" || failed=1

trap - EXIT
cleanup
[ "${KEEP_VAR:-0}" = 1 ] || rm -rf "$OUT"

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
