#!/bin/bash
# iscm.control declares requires = 'plpgsql': where a database has no PL/pgSQL,
# CREATE EXTENSION iscm says which extension is missing (instead of failing
# halfway through the install script), and CASCADE installs it first.
. "$(dirname "$0")/lib/common.sh"
db=iscm_rel_requires
new_db "$db"
psql_q "$db" -c 'DROP EXTENSION plpgsql' || exit 1
out=$(psql_q "$db" -c 'CREATE EXTENSION iscm' 2>&1) && { echo "CREATE EXTENSION iscm without plpgsql succeeded"; exit 1; }
grep -q 'required extension "plpgsql" is not installed' <<<"$out" ||
    { echo "CREATE EXTENSION iscm without plpgsql: expected the missing extension to be named, got:"; echo "$out"; exit 1; }
psql_q "$db" -c 'CREATE EXTENSION iscm CASCADE' 2>&1 | grep -v '^NOTICE:  installing required extension "plpgsql"'
got=$(psql_val "$db" "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension WHERE extname IN ('iscm', 'plpgsql')")
[ "$got" = "iscm,plpgsql" ] || { echo "CREATE EXTENSION iscm CASCADE installed: $got"; exit 1; }
echo "requires = 'plpgsql': named when missing, installed by CASCADE"
