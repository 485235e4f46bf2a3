#!/bin/bash
# Other roles sharing the database (doc/reliability.md, "Threats from other roles").
#
# 1. Planted functions.  A role with CREATE on schema iscm or public plants,
#    for every call site in the extension's code, a function, aggregate or
#    operator of the same name whose parameter types are exactly the types the
#    caller passes (test/lib/call_sites.py derives them from the parse trees of
#    every stored body and every PL/pgSQL expression, test/lib/plant_call_sites.sql
#    plants them).  Then, as a superuser:
#      * every PL/pgSQL body is prepared again (plpgsql_check), every branch
#        included: no call may resolve to a plant;
#      * the regression suite runs, calling every SQL and PL/pgSQL function
#        and firing every trigger (checked in pg_stat_user_functions): no
#        plant may run below a frame of the extension's own code.
# 2. Temporary tables.  With a temp table named like every iscm table, view,
#    sequence and type, no PL/pgSQL body may read a temp table or fail to
#    prepare.
# 3. Seed rows.  A role with every table privilege on iscm's tables (not their
#    owner) tries every way to change, add, remove or re-mark seed rows of all
#    seed tables: each is refused (55000; 42501 for what needs ownership or
#    superuser).  A dump and restore afterwards, plain and custom, loses no row.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/parse_trees.sh"
cd "$ISCM_TOP" || exit 1
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }
planter=iscm_rel_planter analyst=iscm_rel_analyst
cleanup() {
    drop_dbs
    for r in $planter $analyst; do psql_q postgres -c "DROP ROLE IF EXISTS $r" 2>/dev/null; done
}
trap cleanup EXIT
# the harness's own sessions never resolve through public or iscm
export PGOPTIONS='-c search_path=pg_catalog,pg_temp'
require_plpgsql_check || exit 1
for r in $planter $analyst; do psql_q postgres -c "DROP ROLE IF EXISTS $r" -c "CREATE ROLE $r" || exit 1; done

# ---- 1. planted functions --------------------------------------------------------------
db=iscm_rel_hostile_roles
new_db "$db"
psql_q "$db" -c 'CREATE EXTENSION iscm' || exit 1
load_call_sites "$db" || { problem "could not derive the call sites"; exit 1; }
psql_q "$db" -c "GRANT USAGE, CREATE ON SCHEMA iscm, public TO $planter" || exit 1
for schema in iscm public; do
    psql_q "$db" -c 'TRUNCATE iscm_rel.plants' -c "INSERT INTO iscm_rel.plants SELECT * FROM iscm_rel.plant_ddl('$schema')" || exit 1
    { echo "SET ROLE $planter;"; cat test/lib/plant_call_sites.sql; } |
        psql_q "$db" -v schema="$schema" -f - >"$ISCM_TMP/plant-$schema.log" 2>&1 || { cat "$ISCM_TMP/plant-$schema.log"; exit 1; }
    echo "schema $schema: $(grep -o 'plants: .*' "$ISCM_TMP/plant-$schema.log")"
done
sites=$(psql_val "$db" "SELECT count(*) || ' call sites (' || count(DISTINCT origin) || ' functions, views, constraints, defaults and triggers)'
                          FROM iscm_rel.call_sites WHERE kind <> 'relation'")
plants=$(psql_val "$db" "SELECT count(*) FROM pg_proc WHERE proowner = '$planter'::regrole AND proname !~ '^iscm_rel_'")
plants=$((plants + $(psql_val "$db" "SELECT count(*) FROM pg_operator WHERE oprowner = '$planter'::regrole")))
echo "$sites; $plants plants in iscm and public"

# temp tables named like every relation and type of the extension, for part 2
shadows=$(psql_val "$db" "
    SELECT string_agg(DISTINCT format('CREATE TEMP TABLE %I (bogus int);', name), ' ')
      FROM (SELECT c.relname::text AS name FROM pg_class c WHERE c.relnamespace = 'iscm'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S')
            UNION SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'iscm'::regnamespace AND t.typname !~ '^_') AS n")
load_call_sites "$db" "$shadows" || { problem "could not prepare the PL/pgSQL bodies again"; exit 1; }
hijacked=$(psql_val "$db" "SELECT DISTINCT origin || ': ' || kind || ' ' || callee_name || '(' || array_to_string(argtypes, ', ') || ') resolves to the plant in '
                                  || callee_schema::regnamespace
                             FROM iscm_rel.resolved_call_sites WHERE callee_owner = '$planter'::regrole")
[ -n "$hijacked" ] && problem "calls that resolve to planted objects:" && echo "$hijacked" | head -n 40
shadowed=$(psql_val "$db" "SELECT DISTINCT origin || ' reads temp table ' || callee_name FROM iscm_rel.resolved_call_sites
                             WHERE kind = 'relation' AND callee_schema::regnamespace::text ~ '^pg_temp'")
[ -n "$shadowed" ] && problem "functions that read a temp table instead of iscm's:" && echo "$shadowed" | head -n 40
if grep -q '^error' "$ISCM_TMP/plpgsql_check.txt"; then
    problem "PL/pgSQL bodies that no longer prepare with plants and temp tables around:"
    grep -B1 -A3 '^error' "$ISCM_TMP/plpgsql_check.txt" | head -n 60
fi
echo "prepared every PL/pgSQL body again with the plants and $(grep -o 'CREATE TEMP' <<<"$shadows" | wc -l) temp tables in place"

echo "running the regression suite as a superuser, with the plants in place"
psql_q "$db" -c 'SELECT pg_stat_reset()' >/dev/null
for f in sql/*.sql test/lib/hostile_workload.sql; do
    PGOPTIONS='-c track_functions=all' "$REL_BINDIR/psql" -X -q -d "$db" -f "$f" >>"$ISCM_TMP/hostile-workload.log" 2>&1
done
psql_q "$db" -c 'SELECT pg_stat_force_next_flush()' >/dev/null
# a plant ran below a frame of the extension's code: the call stack names an iscm function
ext_functions=$(psql_val "$db" "SELECT string_agg(DISTINCT p.proname, '|') FROM pg_depend d
                                  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
                                  JOIN pg_proc p ON p.oid = d.objid WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'")
ran=$(grep -o 'iscm hijacked: .*' "$ISCM_TMP/hostile-workload.log" | cut -d'|' -f1,3- |
      grep -E "\| *(PL/pgSQL function (iscm\.)?($ext_functions)\(|SQL function \"($ext_functions)\")" | sort | uniq -c)
[ -n "$ran" ] && problem "planted code run by the extension's functions:" && echo "$ran" | head -n 40
# pg_stat_user_functions counts completed calls only: the seed guard's every
# run ends in a refusal (part 3 makes it refuse 124 times)
refusing_only="'_protect_seed_rows'"
not_run=$(psql_val "$db" "
    SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY 1)
      FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
      JOIN pg_proc p ON p.oid = d.objid JOIN pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql')
     WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND p.proname NOT IN ($refusing_only)
       AND NOT EXISTS (SELECT FROM pg_stat_user_functions s WHERE s.funcid = p.oid AND s.calls > 0)")
[ -n "$not_run" ] && problem "SQL and PL/pgSQL functions the workload never ran: $not_run"
echo "the workload ran $(psql_val "$db" "SELECT count(*) || ' SQL and PL/pgSQL functions of the extension, ' || sum(calls) || ' calls'
                                        FROM pg_stat_user_functions s JOIN pg_proc p ON p.oid = s.funcid
                                        JOIN pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql')
                                       WHERE p.pronamespace = 'iscm'::regnamespace AND p.proowner <> '$planter'::regrole");"

# ---- 3. seed rows --------------------------------------------------------------------------
seed=iscm_rel_hostile_seed
setup_fixture_db "$seed" || exit 1
psql_q "$seed" <<SQL || exit 1
GRANT USAGE ON SCHEMA iscm TO $analyst;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON ALL TABLES IN SCHEMA iscm TO $analyst;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA iscm TO $analyst;
-- TRUNCATE ... CASCADE reaches the user tables that reference iscm's
GRANT USAGE ON SCHEMA userdata TO $analyst;
GRANT TRUNCATE ON ALL TABLES IN SCHEMA userdata TO $analyst;
SQL
psql_q "$seed" -f test/lib/table_digests.sql >"$ISCM_TMP/seed-before.txt" || exit 1
attempt() {  # attempt EXPECTED_SQLSTATE SQL [COPY DATA]: run as the analyst, must fail with that state
    local got
    got=$(printf '%s' "${3:-}" | "$REL_BINDIR/psql" -X -q -d "$seed" -v VERBOSITY=sqlstate \
              -c "SET ROLE $analyst" -c "$2" 2>&1 | grep -o 'ERROR:  [0-9A-Z]\{5\}' | head -n 1)
    [ "$got" = "ERROR:  $1" ] || problem "as a role with DML, '$2' gave '${got:-success}', expected $1"
    n_attempts=$((n_attempts + 1))
}
n_attempts=0
while IFS= read -r sql; do
    attempt 55000 "$sql"
done < <(psql_val "$seed" "
    SELECT s.sql
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'is_seed',
           LATERAL (SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS cols FROM pg_attribute
                     WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped AND attgenerated = '') AS k,
           LATERAL (VALUES
               (format('SET LOCAL iscm_seed.loading = on; UPDATE %s SET is_seed = is_seed WHERE ctid = (SELECT min(ctid) FROM %1\$s WHERE is_seed)', c.oid::regclass)),
               (format('SET iscm_seed.loading = on; DELETE FROM %s WHERE ctid = (SELECT min(ctid) FROM %1\$s WHERE is_seed)', c.oid::regclass)),
               (format('UPDATE %s SET is_seed = false WHERE ctid = (SELECT min(ctid) FROM %1\$s WHERE is_seed)', c.oid::regclass)),
               (format('INSERT INTO %s (%s) SELECT %2\$s FROM %1\$s WHERE is_seed LIMIT 1', c.oid::regclass, k.cols)),
               (format('TRUNCATE %s CASCADE', c.oid::regclass))) AS s(sql)
     WHERE c.relnamespace = 'iscm'::regnamespace AND c.relkind = 'r'
       AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype = 'e')
     ORDER BY c.relname")
attempt 55000 "INSERT INTO iscm.organizations (code, name, kind, source, is_seed) VALUES ('XO', 'X Org', 'other', 'test', true)"
attempt 55000 "UPDATE iscm.organizations SET is_seed = true WHERE code = (SELECT min(code) FROM iscm.organizations WHERE NOT is_seed)"
attempt 55000 "INSERT INTO iscm.surveys (code, title, source, is_seed) VALUES ('fake-seed', 'Fake', 'test', true)"
attempt 55000 "UPDATE iscm.surveys SET is_seed = false WHERE code = 'gfmd-2007'"
attempt 55000 "DELETE FROM iscm.survey_answers WHERE is_seed"
attempt 55000 "SET LOCAL iscm_seed.loading = on; COPY iscm.event_roles (role, description, source, is_seed) FROM STDIN WITH (FORMAT csv)" \
    $'copied,A role claimed as seed,test,t\n\\.\n'
attempt 42501 "SET session_replication_role = replica"
attempt 42501 "ALTER TABLE iscm.surveys DISABLE TRIGGER USER"
attempt 42501 "ALTER TABLE iscm.mechanisms DISABLE TRIGGER seed_rows_read_only"
untouched=$(diff "$ISCM_TMP/seed-before.txt" <(psql_q "$seed" -f test/lib/table_digests.sql) | grep '^>')
[ -n "$untouched" ] && problem "tables changed by the refused attempts:" && echo "$untouched"
echo "$n_attempts attempts on seed rows of $(psql_val "$seed" "SELECT count(*) FROM pg_trigger WHERE tgname = 'seed_rows_read_only'") seed tables, each refused"
# restore what the attempts left: nothing may be lost or revert
"$REL_BINDIR/pg_dump" -Fc -f "$ISCM_TMP/seed.dump" "$seed" 2>/dev/null || exit 1
"$REL_BINDIR/pg_dump" -f "$ISCM_TMP/seed.sql" "$seed" 2>/dev/null || exit 1
for form in custom plain; do
    copy=iscm_rel_hostile_seed_$form
    new_db "$copy"
    if [ $form = custom ]; then
        "$REL_BINDIR/pg_restore" --exit-on-error -d "$copy" "$ISCM_TMP/seed.dump" || problem "custom restore failed"
    else
        psql_q "$copy" -f "$ISCM_TMP/seed.sql" >/dev/null || problem "plain restore failed"
    fi
    if ! diff "$ISCM_TMP/seed-before.txt" <(psql_q "$copy" -f test/lib/table_digests.sql) >"$ISCM_TMP/seed-$form.diff"; then
        problem "after the $form restore, tables differ (< before the attempts, > restored):"; head -n 20 "$ISCM_TMP/seed-$form.diff"
    fi
done
echo "$(grep -c '^table' "$ISCM_TMP/seed-before.txt") tables restored from plain and custom dumps: no row lost or changed"

[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
echo "no call resolves to a plant or a temp table, no plant ran, every attempt on seed rows refused"
