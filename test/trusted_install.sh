#!/bin/bash
# Install by a database owner (iscm.control: trusted = true). A role that is not
# a superuser but owns a database:
#   * installs iscm there; every object belongs to the bootstrap superuser and
#     the schema too (the script takes over the schema CREATE EXTENSION made for
#     the caller), the extension to the caller;
#   * uses every area: loads every test/fixtures/*.sql (user rows in every
#     registry and survey table) and reads every view;
#   * passes read rights on to an analyst (the grants carry GRANT OPTION);
#   * cannot touch seed rows, disable the guard triggers, create, rename or
#     drop anything in schema iscm, or become superuser;
#   * dumps and restores the database as itself with no row lost;
#   * updates and drops the extension.
. "$(dirname "$0")/lib/common.sh"
cd "$ISCM_TOP" || exit 1
owner=iscm_rel_trusted_owner analyst=iscm_rel_trusted_analyst
db=iscm_rel_trusted copy=iscm_rel_trusted_copy
problems=0
problem() { echo "PROBLEM: $*"; problems=$((problems + 1)); }
cleanup() {
    drop_dbs
    psql_q postgres -c "DROP ROLE IF EXISTS $owner" -c "DROP ROLE IF EXISTS $analyst" 2>/dev/null
}
trap cleanup EXIT
as_owner() { psql_q "$1" -U "$owner" "${@:2}"; }
owner_val() { psql_val "$1" "$2" -U "$owner"; }
# refused DB SQLSTATE SQL: the owner's statement must fail with SQLSTATE
refused() {
    local got
    got=$(printf '\\set VERBOSITY sqlstate\n%s\n' "$3" | "$REL_BINDIR/psql" -X -q -U "$owner" -d "$1" -f - 2>&1)
    case $got in
        *"$2"*) ;;
        *) problem "expected SQLSTATE $2 from: $3 (got: $got)" ;;
    esac
}

psql_q postgres -c "DROP ROLE IF EXISTS $owner" -c "DROP ROLE IF EXISTS $analyst" \
    -c "CREATE ROLE $owner LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB" -c "CREATE ROLE $analyst LOGIN" || exit 1
new_db "$db"
psql_q postgres -c "ALTER DATABASE $db OWNER TO $owner" || exit 1

# ---- install ------------------------------------------------------------------
as_owner "$db" -c 'CREATE EXTENSION iscm CASCADE' || { echo "a database owner could not install iscm"; exit 1; }
owners=$(psql_val "$db" "SELECT e.extowner::regrole || ' ' || n.nspowner::regrole || ' ' ||
    (SELECT string_agg(DISTINCT c.relowner::regrole::text, ',') FROM pg_class c WHERE c.relnamespace = n.oid) || ' ' ||
    (SELECT string_agg(DISTINCT p.proowner::regrole::text, ',') FROM pg_proc p WHERE p.pronamespace = n.oid)
    FROM pg_extension e JOIN pg_namespace n ON n.nspname = 'iscm' WHERE e.extname = 'iscm'")
boot=$(psql_val "$db" "SELECT 10::regrole")
[ "$owners" = "$owner $boot $boot $boot" ] ||
    problem "owners of extension, schema, relations, functions: '$owners', expected '$owner $boot $boot $boot'"

# ---- use every area -------------------------------------------------------------
as_owner "$db" -c 'CREATE SCHEMA userdata' || problem "the owner cannot create its own schema"
for f in test/fixtures/*.sql; do
    as_owner "$db" -f "$f" >/dev/null || problem "fixture $f failed as the database owner"
done
views=$(psql_val "$db" "SELECT string_agg(format('SELECT count(*) FROM iscm.%I', c.relname), '; ')
    FROM pg_class c WHERE c.relnamespace = 'iscm'::regnamespace AND c.relkind = 'v'")
as_owner "$db" -c "$views" >/dev/null || problem "the owner cannot read every view"
as_owner "$db" -c "SELECT iscm.answer_agg(a) FROM (VALUES ('yes'), ('no')) v(a)" \
    -c "SELECT 'Côte d''Ivoire'::iscm.country, '{FRA,DEU}'::iscm.country_set" >/dev/null ||
    problem "the owner cannot call iscm's functions"

# ---- pass rights on -------------------------------------------------------------------
as_owner "$db" -c "GRANT USAGE ON SCHEMA iscm TO $analyst" -c "GRANT SELECT ON iscm.mechanisms TO $analyst" ||
    problem "the owner cannot grant read rights to an analyst"
[ "$(psql_val "$db" "SELECT count(*) FROM iscm.mechanisms" -U "$analyst")" -gt 0 ] ||
    problem "the analyst cannot read what the owner granted"

# ---- no escalation, no seed changes -----------------------------------------------------
refused "$db" 55000 "UPDATE iscm.mechanisms SET name = 'x' WHERE is_seed"
refused "$db" 55000 "DELETE FROM iscm.participations WHERE is_seed"
refused "$db" 55000 "INSERT INTO iscm.organizations (code, name, kind, source, is_seed) VALUES ('X', 'X', 'other', 'x', true)"
refused "$db" 42501 "TRUNCATE iscm.mechanisms CASCADE"
refused "$db" 42501 "ALTER TABLE iscm.mechanisms DISABLE TRIGGER ALL"
refused "$db" 42501 "CREATE FUNCTION iscm.lower(text) RETURNS text LANGUAGE sql AS 'SELECT 1::text'"
refused "$db" 42501 "ALTER SCHEMA iscm RENAME TO iscm_old"
refused "$db" 42501 "ALTER SCHEMA iscm OWNER TO $owner"
refused "$db" 42501 "DROP FUNCTION iscm.country_name(iscm.country, text)"
refused "$db" 42501 "ALTER FUNCTION iscm._protect_seed_rows() SECURITY DEFINER"
refused "$db" 42501 "SET ROLE postgres"
[ "$(owner_val "$db" "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" = f ] ||
    problem "the owner became superuser"

# ---- dump and restore as the owner ----------------------------------------------------
rows() { psql_val "$1" "SELECT string_agg(c.relname || '=' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text, ' ' ORDER BY n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('iscm', 'userdata') AND c.relkind = 'r'"; }
"$REL_BINDIR/pg_dump" -U "$owner" -Fc -f "$ISCM_TMP/trusted.dump" "$db" || problem "pg_dump as the owner failed"
new_db "$copy"
psql_q postgres -c "ALTER DATABASE $copy OWNER TO $owner" || exit 1
"$REL_BINDIR/pg_restore" -U "$owner" --no-owner --exit-on-error -d "$copy" "$ISCM_TMP/trusted.dump" ||
    problem "pg_restore as the owner failed"
[ "$(rows "$db")" = "$(rows "$copy")" ] || problem "rows differ after dump and restore as the owner"

# ---- update and drop ----------------------------------------------------------------------
read -r -a versions <<<"$(ext_versions)"
if [ "${#versions[@]}" -gt 1 ]; then
    upd=iscm_rel_trusted_update
    new_db "$upd"
    psql_q postgres -c "ALTER DATABASE $upd OWNER TO $owner" || exit 1
    as_owner "$upd" -c "CREATE EXTENSION iscm VERSION '${versions[0]}' CASCADE" -c 'ALTER EXTENSION iscm UPDATE' ||
        problem "the owner could not update iscm from ${versions[0]}"
fi
as_owner "$copy" -c 'DROP EXTENSION iscm CASCADE' >/dev/null || problem "the owner could not drop iscm"
as_owner "$copy" -c 'CREATE EXTENSION iscm' || problem "the owner could not install iscm again after dropping it"

echo "database owner: installed, used every fixture and view, $(grep -c '^refused ' "$0") refusals checked, dump/restore, drop"
[ "$problems" -eq 0 ] || { echo "$problems problems"; exit 1; }
