#!/bin/bash
# Install and update scripts against other roles (like contrib/seg's security
# test; doc/reliability.md, "Threats from other roles"):
#   * CREATE EXTENSION refuses a schema iscm that another role owns, and one
#     where another role already created objects (55000, naming the owner or
#     the objects); ALTER EXTENSION UPDATE refuses a schema that changed hands;
#   * a role granted CREATE on schema iscm after the first version is
#     installed plants traps in it: the hand-written traps of
#     test/lib/hostile_objects.sql (functions, aggregates and operators that
#     out-match pg_catalog's for common argument types) and an exact-match
#     plant for every call site of the newest version's code
#     (test/lib/call_sites.py).  ALTER EXTENSION UPDATE refuses to run among
#     them (55000, listing them).  With the same traps in schemas trap and
#     public instead, first on the session's search_path, every update must
#     succeed without calling a trap (each reports "iscm hijacked: ..." as a
#     warning), no object of the extension may depend on a trap (views,
#     defaults, constraints and SQL-standard bodies bind at creation), every
#     SQL or PL/pgSQL function pins search_path = pg_catalog, pg_temp, and
#     every view reads under the hostile search_path;
#   * the assembled scripts contain no CREATE ... IF NOT EXISTS, and CREATE OR REPLACE only
#     in an update script, of an object an earlier version created.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/parse_trees.sh"
cd "$ISCM_TOP" || exit 1
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }
role=iscm_rel_hostile
cleanup() {
    drop_dbs
    psql_q postgres -c "DROP ROLE IF EXISTS $role" 2>/dev/null
}
trap cleanup EXIT
# the harness's own sessions never resolve through the trap schemas
export PGOPTIONS='-c search_path=pg_catalog,pg_temp'
psql_q postgres -c "DROP ROLE IF EXISTS $role" -c "CREATE ROLE $role NOLOGIN" || exit 1
read -r -a versions <<<"$(ext_versions)"
first=${versions[0]}

# ---- scripts: no IF NOT EXISTS; CREATE OR REPLACE only of the extension's own objects -----
# CREATE OR REPLACE could take over an object a hostile role planted, so the base script
# never uses it.  An update script may replace an object an earlier version created (an
# aggregate whose views must survive): that object is a member of the extension, and
# PostgreSQL refuses to let an extension script replace an object that is not.
flat() { sed 's/--.*$//' "$1" | tr -s '[:space:]' ' '; }  # comments out, statements on one line
earlier=""
for f in $(printf '%s\n' "${versions[@]}" | awk 'NR == 1 { print "scripts/iscm--" $0 ".sql"; prev = $0; next }
                                            { print "scripts/iscm--" prev "--" $0 ".sql"; prev = $0 }'); do
    [ -e "$f" ] || continue
    hits=$(flat "$f" | grep -oiE 'CREATE [A-Z_ ]{0,40}IF NOT EXISTS[^;(]{0,60}')
    [ -n "$hits" ] && problem "$f: $(echo "$hits" | head -n 5 | paste -sd';')"
    while read -r kind name; do
        [ -n "$kind" ] || continue
        if [ -z "$earlier" ]; then
            problem "$f: CREATE OR REPLACE $kind $name in the base script"
        elif ! grep -qiE "CREATE $kind $name *\\(" <<<"$earlier"; then
            problem "$f: CREATE OR REPLACE $kind $name, which no earlier version created"
        fi
    done < <(flat "$f" | grep -oiE 'CREATE OR REPLACE [A-Z]+ [^ (;]+' | awk '{ print toupper($4), $5 }')
    earlier+=$(flat "$f")
done

# ---- schemas the extension refuses ---------------------------------------------------------
refused() {  # refused DB SQL WORD: SQL must fail with 55000 and a message naming WORD
    local out
    out=$(psql_q "$1" -v VERBOSITY=verbose -c "$2" 2>&1)
    grep -q "ERROR:  55000: " <<<"$out" && grep -qF "$3" <<<"$out" ||
        problem "$1: '$2' was not refused with 55000 naming $3: $out"
}
owned=iscm_rel_hostile_owned planted=iscm_rel_hostile_planted moved=iscm_rel_hostile_moved
new_db "$owned"; new_db "$planted"; new_db "$moved"
psql_q "$owned" -c "GRANT CREATE ON DATABASE $owned TO $role" -c "SET ROLE $role" -c 'CREATE SCHEMA iscm' || exit 1
refused "$owned" 'CREATE EXTENSION iscm' "$role"
refused "$owned" "CREATE EXTENSION iscm VERSION '$first'" "$role"
psql_q "$planted" -c 'CREATE SCHEMA iscm' -c "GRANT USAGE, CREATE ON SCHEMA iscm TO $role" \
    -c "SET ROLE $role" -c 'CREATE FUNCTION iscm.format(text, text) RETURNS text LANGUAGE sql RETURN $2' || exit 1
refused "$planted" 'CREATE EXTENSION iscm' 'iscm.format(text, text) (owner iscm_rel_hostile)'
psql_q "$moved" -c "CREATE EXTENSION iscm VERSION '$first'" -c "ALTER SCHEMA iscm OWNER TO $role" || exit 1
# An update script runs the same guard; with one version there is none to run yet.
if [ "${#versions[@]}" -gt 1 ]; then
    refused "$moved" 'ALTER EXTENSION iscm UPDATE' "$role"
fi
echo "refused: a schema another role owns (install and update), a schema holding another role's objects"

# ---- updates with traps planted ---------------------------------------------------------------
# exact-match plants for every call site of the newest version, derived in a fresh install
ref=iscm_rel_hostile_ref
new_db "$ref"
psql_q "$ref" -c 'CREATE EXTENSION iscm' || exit 1
load_call_sites "$ref" || { problem "could not derive the call sites"; exit 1; }
for schema in iscm trap public; do
    psql_q "$ref" -c 'TRUNCATE iscm_rel.plants' \
        -c "INSERT INTO iscm_rel.plants SELECT * FROM iscm_rel.plant_ddl('$schema')" \
        -c "\copy iscm_rel.plants TO '$ISCM_TMP/plants-$schema.tsv'" || exit 1
done

plant() {  # plant DB SCHEMA...: the hostile role fills the schemas with traps
    local db=$1 s out; shift
    for s in "$@"; do
        # USAGE on iscm: plants name iscm's types
        psql_q "$db" -c "GRANT USAGE, CREATE ON SCHEMA $s TO $role" || return 1
        if [ "$(psql_val "$db" "SELECT count(*) FROM pg_namespace WHERE nspname = 'iscm'")" = 1 ]; then
            psql_q "$db" -c "GRANT USAGE ON SCHEMA iscm TO $role" || return 1
        fi
        # planted under pg_catalog alone, so that the planting never calls its own traps
        out=$({ echo "SET ROLE $role; SET search_path = pg_catalog, pg_temp;"; cat test/lib/hostile_objects.sql; } |
              psql_q "$db" -v schema="$s" -f - 2>&1) || { echo "hand-written traps in $s failed: $out" >&2; return 1; }
        psql_q "$db" -c 'TRUNCATE iscm_rel.plants' -c "\copy iscm_rel.plants FROM '$ISCM_TMP/plants-$s.tsv'" || return 1
        out=$({ echo "SET ROLE $role;"; cat test/lib/plant_call_sites.sql; } | psql_q "$db" -f - 2>&1) ||
            { echo "planting in $s failed: $out" >&2; return 1; }
        echo "$s: $(grep -o 'plants: .*' <<<"$out")"
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
           AND NOT ('search_path=pg_catalog, pg_temp' = ANY (coalesce(p.proconfig, '{}')))")
    [ -n "$unpinned" ] && problem "$1: SQL/PL/pgSQL functions without SET search_path = pg_catalog, pg_temp: $unpinned"
    psql_val "$1" "SELECT c.oid::regclass FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
                     JOIN pg_class c ON c.oid = d.objid AND c.relkind IN ('v', 'm')
                    WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'" |
    while read -r view; do
        psql_q "$1" -o /dev/null -c "$hostile_path" -c "SELECT * FROM $view LIMIT 20" ||
            echo "PROBLEM: $1: reading $view under a hostile search_path failed"
    done | tee "$ISCM_TMP/hostile-views.txt"
    grep -q PROBLEM "$ISCM_TMP/hostile-views.txt" && problems=$((problems + 1))
}
hijacks() {  # hijacks LOG: fail for every trap that fired
    if grep -q 'iscm hijacked' "$1"; then
        problem "traps fired during $2:"; grep -o 'iscm hijacked: .*' "$1" | cut -c1-300 | sort | uniq -c | head -n 40
    fi
}

stepped=iscm_rel_hostile_stepped
new_db "$stepped"
psql_q "$stepped" -c "CREATE EXTENSION iscm VERSION '$first'" -c 'CREATE SCHEMA trap' -f test/lib/call_sites.sql || exit 1
planted=$(plant "$stepped" iscm) || exit 1
echo "traps in schema $planted"
if [ "${#versions[@]}" -gt 1 ]; then
    refused "$stepped" 'ALTER EXTENSION iscm UPDATE' 'already holds objects of other roles'
fi
psql_q "$stepped" -c "DROP OWNED BY $role" || exit 1
planted=$(plant "$stepped" trap public) || exit 1
echo "traps in schemas $(paste -sd';' <<<"$planted")"
: >"$ISCM_TMP/hostile-update.log"
for v in "${versions[@]:1}"; do
    psql_q "$stepped" -c "$hostile_path" -c "ALTER EXTENSION iscm UPDATE TO '$v'" >>"$ISCM_TMP/hostile-update.log" 2>&1 ||
        { problem "ALTER EXTENSION iscm UPDATE TO '$v' with traps planted failed"; break; }
done
check_installed "$stepped"
grep -v 'iscm hijacked' "$ISCM_TMP/hostile-update.log"
hijacks "$ISCM_TMP/hostile-update.log" "the updates"
fresh=iscm_rel_hostile_fresh
new_db "$fresh"
psql_q "$fresh" -c 'CREATE SCHEMA trap' -f test/lib/call_sites.sql >/dev/null || exit 1
planted=$(plant "$fresh" trap public) || exit 1
echo "before a fresh install, traps in schemas $(paste -sd';' <<<"$planted")"
psql_q "$fresh" -c "$hostile_path" -c 'CREATE EXTENSION iscm' >"$ISCM_TMP/hostile-install.log" 2>&1 ||
    problem "CREATE EXTENSION iscm with traps on the search_path failed: $(cat "$ISCM_TMP/hostile-install.log")"
check_installed "$fresh"
hijacks "$ISCM_TMP/hostile-install.log" "CREATE EXTENSION"
echo "$(psql_val "$stepped" "SELECT count(*) FROM pg_proc WHERE proowner = '$role'::regrole") trap functions and" \
     "$(psql_val "$stepped" "SELECT count(*) FROM pg_operator WHERE oprowner = '$role'::regrole") trap operators in place during the updates"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
echo "no trap fired, nothing bound to a trap"
