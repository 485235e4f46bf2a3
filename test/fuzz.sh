#!/bin/bash
# libFuzzer: build every fuzz/*_fuzz.c target (fuzz/Makefile: clang with
# -fsanitize=fuzzer,address,undefined, linked with the same pure-C sources the
# extension uses) and run each for a bounded time from its seed corpus
# (fuzz/corpus/<target>/ plus literals freshly taken from the tests by
# fuzz/make-corpus).  A crash, sanitizer report, broken invariant, timeout or
# memory blow-up fails the check and leaves the input in $ISCM_TMP/fuzz/.
#   FUZZ_SECONDS   per target (default 10; tools/run-long-checks uses more)
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
seconds=${FUZZ_SECONDS:-10}
clang=$(command -v clang-14 || command -v clang) ||
    { echo "clang is not installed (tools/setup-debian installs clang and libclang-rt-14-dev)"; exit 77; }
work=$ISCM_TMP/fuzz; rm -rf "$work"; mkdir -p "$work/seeds"
if ! make -s -C fuzz -j2 CLANG="$clang" >"$work/build.log" 2>&1; then
    if grep -q 'libclang_rt.fuzzer\|cannot find.*fuzzer' "$work/build.log"; then
        echo "the libFuzzer runtime is missing (Debian package libclang-rt-14-dev)"; exit 77
    fi
    cat "$work/build.log"; exit 1
fi
read -r -a targets <<<"$(make -s -C fuzz list CLANG="$clang" | sed -n 's/^targets: //p')"
python3 fuzz/make-corpus "$work/seeds" >/dev/null || exit 1

failed=0
for t in "${targets[@]}"; do
    # a target whose seeds are only its committed corpus gets an empty seed folder
    mkdir -p "$work/$t.corpus" "$work/seeds/$t"
    fuzz/build/"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="$work/$t-" \
        "$work/$t.corpus" "fuzz/corpus/$t" "$work/seeds/$t" >"$work/$t.log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/$t.log")
    cov=$(grep -oE 'cov: [0-9]+' "$work/$t.log" | tail -n 1)
    if [ $rc -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAILED  $t (exit $rc) after ${execs:-?} executions:"
        grep -E -A 30 'ERROR: (AddressSanitizer|libFuzzer|UndefinedBehaviorSanitizer)|runtime error|invariant broken|deadly signal' "$work/$t.log" | head -n 50
        for a in "$work/$t"-*; do [ -f "$a" ] && { echo "input $a:"; od -A x -t x1z "$a" | head -n 8; }; done
    else
        printf '%-24s %10s executions in %ss (%s/s), %s, corpus %s\n' "$t" "$execs" "$seconds" "$rate" "$cov" \
            "$(ls "$work/$t.corpus" | wc -l)"
    fi
done
[ "$failed" -eq 0 ]
