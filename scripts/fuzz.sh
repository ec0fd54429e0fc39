#!/usr/bin/env bash
# make fuzz: builds each libFuzzer target in tests/fuzz/ with clang, ASan and
# UBSan, from only the sources it needs, into build/fuzz/, and runs each for
# FUZZ_SECONDS (default 60) starting from its seed corpus in
# tests/fuzz/corpus/<target>/. New inputs go to build/fuzz/corpus/<target>/
# (the committed seeds are never written); a crashing input is saved as
# build/fuzz/<target>-crash-*. Exits non-zero if any target crashed.
#   FUZZ_SECONDS=600 scripts/fuzz.sh            every target, longer
#   scripts/fuzz.sh fuzz_form                   just one
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=build/fuzz
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null || { echo "fuzz: $CLANG not found (apt-get install clang)" >&2; exit 2; }

# target → the program sources it links (nothing that needs libpq or C++).
declare -A SOURCES=(
    [fuzz_form]="cgi-bin/http/form.c cgi-bin/core/arena.c"
    [fuzz_validate]="cgi-bin/http/validate.c cgi-bin/http/form.c cgi-bin/core/arena.c cgi-bin/core/buf.c"
    [fuzz_sanitize]="cgi-bin/core/richtext.c cgi-bin/core/utf8.c cgi-bin/core/arena.c cgi-bin/core/buf.c"
)
# target → the libraries it needs besides libc (compile and link flags).
declare -A LIBS=(
    [fuzz_sanitize]="$(pkg-config --cflags --libs libxml-2.0 libcmark-gfm) -lcmark-gfm-extensions"
)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz_form fuzz_validate fuzz_sanitize)

# shellcheck disable=SC2054 # the commas are clang's, not array separators
CFLAGS=(-std=c11 -D_DEFAULT_SOURCE -g -O1 -Wall -Wextra -Werror
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

mkdir -p "$OUT"
failed=()
for t in "${TARGETS[@]}"; do
    [ -n "${SOURCES[$t]:-}" ] || { echo "fuzz: unknown target $t" >&2; exit 2; }
    echo "== $t: building"
    # shellcheck disable=SC2086
    "$CLANG" "${CFLAGS[@]}" -o "$OUT/$t" "tests/fuzz/$t.c" ${SOURCES[$t]} ${LIBS[$t]:-}
    mkdir -p "$OUT/corpus/$t"
    echo "== $t: fuzzing for ${SECONDS_EACH}s"
    set +e
    "$OUT/$t" "$OUT/corpus/$t" "tests/fuzz/corpus/$t" \
        -dict=tests/fuzz/form.dict -max_len=4096 -max_total_time="$SECONDS_EACH" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$OUT/$t-" 2>"$OUT/$t.log"
    rc=$?
    set -e
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$OUT/$t.log" || true
    if [ $rc -ne 0 ]; then
        echo "== $t: FAILED (exit $rc); the report:"
        grep -E -A30 'ERROR: (AddressSanitizer|libFuzzer)|runtime error:|deadly signal' "$OUT/$t.log" | head -60
        ls "$OUT/$t"-crash-* "$OUT/$t"-leak-* "$OUT/$t"-timeout-* 2>/dev/null || true
        failed+=("$t")
    else
        echo "== $t: no crash; corpus now $(find "$OUT/corpus/$t" -type f | wc -l) inputs"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "== fuzz: crashes in ${failed[*]} (replay: $OUT/<target> <crash file>)"
    exit 1
fi
echo "== fuzz: all targets ran clean"
