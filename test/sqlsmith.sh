#!/bin/bash
# Random SQL: sqlsmith generates queries over a database holding the extension,
# its seed data, the rows of test/fixtures/*.sql and a table of every iscm type,
# so its expressions reach iscm's types, operators, functions and aggregates.
# Passes when the server never crashed (same postmaster, no backend killed by a
# signal in the log) and sqlsmith ran to the end.
#
# sqlsmith runs as an unprivileged role (so random calls of admin functions
# cannot write files or stop the server) with search_path iscm, userdata,
# --exclude-catalog (queries are built on our relations, not system catalogs)
# and a statement timeout.
#   SQLSMITH_QUERIES  how many queries (default 2000; tools/run-long-checks: more)
#   SQLSMITH_SEED     random seed (default: random, printed)
#   SQLSMITH_TIMEOUT  statement timeout of the sqlsmith role (default 2s; under
#                     valgrind sqlsmith's own catalog queries need far more)
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
command -v sqlsmith >/dev/null || { echo "sqlsmith is not installed (Debian package sqlsmith; tools/setup-debian)"; exit 77; }
db=iscm_rel_sqlsmith role=iscm_rel_smith
queries=${SQLSMITH_QUERIES:-2000}
seed=${SQLSMITH_SEED:-$((RANDOM * 32768 + RANDOM))}
out=$ISCM_TMP/sqlsmith; rm -rf "$out"; mkdir -p "$out"
cleanup() {
    drop_dbs
    psql_q postgres -c "DROP ROLE IF EXISTS $role" 2>/dev/null
}
trap cleanup EXIT
setup_fixture_db "$db" || exit 1
psql_q "$db" <<SQL || exit 1
DROP ROLE IF EXISTS $role;
CREATE ROLE $role LOGIN;
GRANT USAGE ON SCHEMA iscm, userdata TO $role;
GRANT ALL ON ALL TABLES IN SCHEMA iscm, userdata TO $role;
GRANT ALL ON ALL SEQUENCES IN SCHEMA iscm, userdata TO $role;
ALTER ROLE $role IN DATABASE $db SET search_path = iscm, userdata, public;
ALTER ROLE $role IN DATABASE $db SET statement_timeout = '${SQLSMITH_TIMEOUT:-2s}';
ALTER ROLE $role IN DATABASE $db SET lock_timeout = '1s';
SQL
echo "sqlsmith: $queries queries, seed $seed (SQLSMITH_SEED=$seed to repeat)"
watch_server
conn="host=$PGHOST port=$PGPORT user=$role dbname=$db"
timeout 900 sqlsmith --target="$conn" --max-queries="$queries" --seed="$seed" --exclude-catalog --verbose \
    >"$out/sqlsmith.log" 2>&1
rc=$?
progress=$(grep -E '^[.eSCt]+$' "$out/sqlsmith.log" | tr -d '\n')
ok=$(tr -cd . <<<"$progress" | wc -c)
errors=$(tr -cd e <<<"$progress" | wc -c)
echo "$((${#progress})) queries run: $ok succeeded, $errors raised an error (sqlsmith exit $rc)"
echo "most frequent errors involving iscm:"
grep -P '^\d+\tERROR' "$out/sqlsmith.log" | grep -i 'iscm\|countr\|survey\|iscm_' | sort -t$'\t' -k1,1nr -u | head -n 10
if ! server_survived; then
    echo "the last queries sqlsmith sent are in the server log: $SERVER_LOG"
    exit 1
fi
[ $rc -eq 0 ] || { echo "sqlsmith did not finish:"; tail -n 20 "$out/sqlsmith.log"; exit 1; }
# a hint of internal errors (elog, can't-happen) reached by random queries
internal=$(grep -P '^\d+\tERROR' "$out/sqlsmith.log" | grep -iE 'cache lookup failed|unrecognized|unexpected|invalid memory alloc|could not find|corrupt' | sort -u)
[ -n "$internal" ] && { echo "internal errors (not crashes, but worth a look):"; echo "$internal"; }
exit 0
