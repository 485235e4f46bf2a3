#!/bin/bash
# Random SQL: sqlsmith generates queries over a database holding the extension,
# its seed data, the rows of test/fixtures/*.sql and a table of every iscm type,
# so its expressions reach iscm's types, operators, functions and aggregates.
# Passes when the server never crashed (same postmaster, no backend killed by a
# signal in the log), no query ended in an internal error (SQLSTATE class XX:
# an elog, a "can't happen", corrupt data) raised by iscm's C code or by the
# core code that runs iscm's statistics and estimators (analyze.c,
# lsyscache.c, selfuncs.c), and sqlsmith ran to the end.  Internal errors the
# core raises on its own (a typmod function called with a random integer) are
# listed, not failed: they are PostgreSQL's, and random queries reach them
# whatever the extension does.
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
-- the server log then shows each error's SQLSTATE and source location
ALTER ROLE $role IN DATABASE $db SET log_error_verbosity = 'verbose';
-- Length-coercion functions (interval(interval, int4), numeric(numeric, int4)
-- ...) trust their typmod argument, which the parser only passes valid; called
-- directly with a random integer they raise internal errors of the core, not
-- of iscm.  Out of the random queries' reach, but for the character types'
-- ones, which sqlsmith's own catalog queries use (and which check the typmod).
DO \$\$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT DISTINCT castfunc FROM pg_cast
              WHERE castsource = casttarget AND castfunc <> 0
                AND castsource NOT IN ('varchar'::regtype, 'bpchar'::regtype) LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
\$\$;
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
# internal errors (class XX) reached by random queries, with where they were raised
internal=$(tail -c +"$((WATCH_LOG_SIZE + 1))" "$SERVER_LOG" | grep -A 1 -E 'ERROR:  XX[0-9A-Z]{3}: ' | grep -v '^--$')
ours=$(cd src && ls *.c | sed 's/\./\\./' | paste -sd'|')
mine=$(grep -B 1 -E "LOCATION:  .*, ($ours|analyze\.c|lsyscache\.c|selfuncs\.c):" <<<"$internal")
core=$(grep -E 'ERROR:  XX' <<<"$internal" | sed 's/^.*ERROR:  //' | sort | uniq -c)
[ -n "$core" ] && { echo "internal errors of the server (iscm's are repeated below):"; echo "$core" | head -n 20; }
if [ -n "$mine" ]; then
    echo "internal errors (SQLSTATE class XX) in iscm's code or in the statistics code it drives:"
    tail -c +"$((WATCH_LOG_SIZE + 1))" "$SERVER_LOG" | grep -A 12 -F "$(head -n 1 <<<"$mine" | cut -d' ' -f1-4)" | head -n 40
    exit 1
fi
echo "no internal error (SQLSTATE class XX) raised in iscm's code or its statistics"
exit 0
