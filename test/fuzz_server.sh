#!/bin/bash
# Fuzz every iscm type's input and receive function inside the running server
# (fuzz/server_fuzz.sql: mutated real values through casts and binary COPY),
# covering the server-side wrappers that the libFuzzer targets of test/fuzz.sh
# cannot reach.  Fails on an internal error, a broken round trip, or a crash.
#   FUZZ_SERVER_ITERATIONS   payloads per type and interface (default 1500)
#   FUZZ_SEED                random seed in [0,1) (default: random, printed)
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
db=iscm_rel_fuzz_server
setup_fixture_db "$db" || exit 1
iterations=${FUZZ_SERVER_ITERATIONS:-1500}
seed=${FUZZ_SEED:-0.$(printf '%05d' $((RANDOM % 100000)))}
echo "server fuzzing: $iterations payloads per type and interface, seed $seed (FUZZ_SEED=$seed to repeat)"
dir=$(server_dir fuzz_server)
watch_server
psql_q "$db" -v iterations="$iterations" -v seed="$seed" -v dir="$dir" -f fuzz/server_fuzz.sql
rc=$?
server_survived || exit 1
exit $rc
