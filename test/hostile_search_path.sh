#!/bin/bash
# Install-script security (like contrib/seg's security test).  A hostile role
# owns the schema iscm before the extension is created and has planted traps
# in it (test/lib/hostile_objects.sql): functions, aggregates and operators that
# an unqualified call or operator in an install or update script would resolve
# to instead of pg_catalog's.  The session's own search_path also puts a trap
# schema first, before pg_catalog.  Then:
#   * CREATE EXTENSION iscm (newest version) and CREATE EXTENSION at the oldest
#     version followed by every ALTER EXTENSION UPDATE must succeed without
#     calling a trap (each reports "iscm hijacked: ..." as a warning and returns
#     NULL, so that one run lists every hijack);
#   * no object of the extension may depend on a trap (views, defaults,
#     constraints and SQL-standard function bodies bind at creation);
#   * every SQL or PL/pgSQL function of the extension pins its search_path or
#     has a parsed (BEGIN ATOMIC) body, so callers' search_path cannot hijack it;
#   * every extension view can be read with the hostile search_path in force;
#   * the assembled scripts contain no CREATE OR REPLACE and no CREATE ... IF NOT EXISTS.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }
role=iscm_rel_hostile
cleanup() {
    drop_dbs
    psql_q postgres -c "DROP ROLE IF EXISTS $role" 2>/dev/null
}
trap cleanup EXIT
psql_q postgres -c "DROP ROLE IF EXISTS $role" -c "CREATE ROLE $role NOLOGIN" || exit 1
read -r -a versions <<<"$(ext_versions)"
first=${versions[0]}

# ---- scripts: no CREATE OR REPLACE / IF NOT EXISTS ----------------------------------------
for f in iscm--*.sql; do
    [ -e "$f" ] || continue
    # comments out, whitespace collapsed, so statements split over lines are seen whole
    hits=$(sed 's/--.*$//' "$f" | tr -s '[:space:]' ' ' | grep -oiE 'CREATE (OR REPLACE|[A-Z_ ]{0,40}IF NOT EXISTS)[^;(]{0,60}')
    [ -n "$hits" ] && problem "$f: $(echo "$hits" | head -n 5 | paste -sd';')"
done

# ---- a database whose schema iscm belongs to the hostile role, traps planted ---------------
plant() {  # plant DB: hostile role owns schemas iscm and trap, fills both with traps
    psql_q "$1" -c "GRANT CREATE ON DATABASE $1 TO $role" \
        -c "SET ROLE $role" -c 'CREATE SCHEMA iscm' -c 'CREATE SCHEMA trap' || return 1
    for s in iscm trap; do
        { echo "SET ROLE $role;"; cat test/lib/hostile_objects.sql; } | psql_q "$1" -v schema="$s" -f - || return 1
    done
}
hostile_path="SET search_path = trap, pg_catalog, iscm, public"

check_installed() {  # check_installed DB
    local deps unpinned
    deps=$(psql_val "$1" "
        WITH traps AS (
          SELECT 'pg_proc'::regclass AS classid, p.oid FROM pg_proc p WHERE p.proowner = '$role'::regrole
          UNION ALL SELECT 'pg_operator'::regclass, o.oid FROM pg_operator o WHERE o.oprowner = '$role'::regrole)
        SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) || ' uses ' || pg_describe_object(d.refclassid, d.refobjid, 0)
          FROM pg_depend d JOIN traps t ON t.classid = d.refclassid AND t.oid = d.refobjid
         WHERE NOT EXISTS (SELECT FROM traps t2 WHERE t2.classid = d.classid AND t2.oid = d.objid)
           AND NOT (d.classid = 'pg_operator'::regclass AND d.deptype = 'n' AND
                    (SELECT oprowner FROM pg_operator WHERE oid = d.objid) = '$role'::regrole)")
    [ -n "$deps" ] && problem "$1: extension objects bound to hostile objects: $deps"
    unpinned=$(psql_val "$1" "
        SELECT string_agg(p.oid::regprocedure::text, ', ')
          FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
          JOIN pg_proc p ON p.oid = d.objid JOIN pg_language l ON l.oid = p.prolang
         WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND l.lanname IN ('sql', 'plpgsql')
           AND p.prosqlbody IS NULL
           AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%')")
    [ -n "$unpinned" ] && problem "$1: SQL/PL/pgSQL functions without SET search_path or a BEGIN ATOMIC body: $unpinned"
    psql_val "$1" "SELECT c.oid::regclass FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
                     JOIN pg_class c ON c.oid = d.objid AND c.relkind IN ('v', 'm')
                    WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'" |
    while read -r view; do
        psql_q "$1" -o /dev/null -c "$hostile_path" -c "SELECT * FROM $view LIMIT 20" ||
            echo "PROBLEM: $1: reading $view under a hostile search_path failed"
    done | tee "$ISCM_TMP/hostile-views.txt"
    grep -q PROBLEM "$ISCM_TMP/hostile-views.txt" && problems=$((problems + 1))
}

fresh=iscm_rel_hostile_fresh stepped=iscm_rel_hostile_stepped
new_db "$fresh"; new_db "$stepped"
plant "$fresh" || exit 1
plant "$stepped" || exit 1
echo "CREATE EXTENSION iscm"
hijacks() {  # hijacks LOG: fail for every trap that fired
    if grep -q 'iscm hijacked' "$1"; then
        problem "traps fired during $2:"; grep -o 'iscm hijacked: .*' "$1" | sort | uniq -c
    fi
}
if psql_q "$fresh" -c "$hostile_path" -c 'CREATE EXTENSION iscm' 2>&1 | tee "$ISCM_TMP/hostile-install.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
    check_installed "$fresh"
else
    problem "CREATE EXTENSION iscm with traps planted failed"
fi
hijacks "$ISCM_TMP/hostile-install.log" "CREATE EXTENSION iscm"
echo "CREATE EXTENSION iscm VERSION '$first', then each update"
if psql_q "$stepped" -c "$hostile_path" -c "CREATE EXTENSION iscm VERSION '$first'" >"$ISCM_TMP/hostile-update.log" 2>&1; then
    for v in "${versions[@]:1}"; do
        psql_q "$stepped" -c "$hostile_path" -c "ALTER EXTENSION iscm UPDATE TO '$v'" >>"$ISCM_TMP/hostile-update.log" 2>&1 ||
            { problem "ALTER EXTENSION iscm UPDATE TO '$v' with traps planted failed"; break; }
    done
    check_installed "$stepped"
else
    problem "CREATE EXTENSION iscm VERSION '$first' with traps planted failed"
fi
grep -v 'iscm hijacked' "$ISCM_TMP/hostile-update.log"
hijacks "$ISCM_TMP/hostile-update.log" "the install of $first and the updates"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
echo "no trap fired, nothing bound to a trap"
