# Parse trees of every expression the extension's code evaluates (sourced by
# the hostile checks), for test/lib/call_sites.py:
#   * stored trees, bound when the extension was created: SQL-standard function
#     bodies and argument defaults, views, CHECK constraints (tables and
#     domains), column defaults and generated columns, index expressions and
#     predicates, trigger WHEN conditions;
#   * PL/pgSQL bodies, which resolve names when they run: plpgsql_check
#     prepares every expression and query of every function, branches that a
#     test might never reach included, under the function's own search_path,
#     and debug_print_parse logs each tree.  Trigger functions are checked
#     once per table that has a trigger calling them.
# Needs the plpgsql_check extension (Debian postgresql-15-plpgsql-check),
# created here in schema iscm_checker.

ext_members_sql="SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm' WHERE d.deptype = 'e'"

require_plpgsql_check() {
    [ "$(psql_val postgres "SELECT count(*) FROM pg_available_extensions WHERE name = 'plpgsql_check'")" = 1 ] && return 0
    echo "plpgsql_check is not installed: tools/setup-debian installs it (Debian postgresql-15-plpgsql-check);"
    echo "then remove .tmp_install so that tools/run-tests copies it into the private install"
    return 1
}

stored_trees() {  # stored_trees DB
    psql_val "$1" "
        WITH ext AS ($ext_members_sql),
        rels AS (SELECT objid AS oid FROM ext WHERE classid = 'pg_class'::regclass),
        types AS (SELECT objid AS oid FROM ext WHERE classid = 'pg_type'::regclass),
        trees (origin, tree) AS (
            SELECT p.oid::regprocedure::text, p.prosqlbody::text
              FROM pg_proc p JOIN ext ON ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid
             WHERE p.prosqlbody IS NOT NULL
            UNION ALL
            SELECT 'defaults of ' || p.oid::regprocedure, p.proargdefaults::text
              FROM pg_proc p JOIN ext ON ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid
             WHERE p.proargdefaults IS NOT NULL
            UNION ALL
            SELECT 'view ' || r.ev_class::regclass, r.ev_action::text FROM pg_rewrite r JOIN rels ON rels.oid = r.ev_class
            UNION ALL
            SELECT 'constraint ' || c.conname, c.conbin::text FROM pg_constraint c
             WHERE c.conbin IS NOT NULL AND (c.conrelid IN (SELECT oid FROM rels) OR c.contypid IN (SELECT oid FROM types))
            UNION ALL
            SELECT 'default of ' || a.adrelid::regclass || ' column ' || a.adnum, a.adbin::text
              FROM pg_attrdef a JOIN rels ON rels.oid = a.adrelid
            UNION ALL
            SELECT 'index ' || i.indexrelid::regclass, concat_ws(' ', i.indexprs::text, i.indpred::text)
              FROM pg_index i JOIN rels ON rels.oid = i.indrelid WHERE i.indexprs IS NOT NULL OR i.indpred IS NOT NULL
            UNION ALL
            SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass, t.tgqual::text
              FROM pg_trigger t JOIN rels ON rels.oid = t.tgrelid WHERE t.tgqual IS NOT NULL)
        SELECT 'ORIGIN ' || origin || E'\nDETAIL:  ' || tree || E'\n' FROM trees"
}

# plpgsql_trees DB [SQL run first in the same session]: trees on stdout,
# plpgsql_check's findings in \$ISCM_TMP/plpgsql_check.txt
plpgsql_trees() {
    local script=$ISCM_TMP/plpgsql_trees.sql
    psql_q "$1" -c 'CREATE SCHEMA IF NOT EXISTS iscm_checker' \
        -c 'CREATE EXTENSION IF NOT EXISTS plpgsql_check SCHEMA iscm_checker' >/dev/null || return 1
    {
        echo "${2:-}"
        echo 'SET client_min_messages = log;'
        echo 'SET debug_pretty_print = off;'
        psql_val "$1" "
            WITH ext AS ($ext_members_sql)
            SELECT DISTINCT format(E'\\\\warn ORIGIN %s%s\nSET debug_print_parse = on;\nSELECT iscm_checker.plpgsql_check_function(%s::regprocedure, %s::regclass, fatal_errors => false, extra_warnings => false, oldtable => %s, newtable => %s);\nRESET debug_print_parse;',
                                   p.oid::regprocedure, coalesce(' on ' || t.tgrelid::regclass, ''), p.oid, coalesce(t.tgrelid, 0),
                                   quote_nullable(t.tgoldtable), quote_nullable(t.tgnewtable))
              FROM pg_proc p JOIN ext ON ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid
              JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
              LEFT JOIN pg_trigger t ON t.tgfoid = p.oid AND NOT t.tgisinternal"
    } >"$script"
    psql_q "$1" -A -t -f "$script" 2>&1 >"$ISCM_TMP/plpgsql_check.txt"
}

# call_sites DB [SQL]: load the call sites of every stored and PL/pgSQL tree
# into iscm_rel.call_sites (test/lib/call_sites.sql creates it when missing)
load_call_sites() {
    local tsv=$ISCM_TMP/call_sites.tsv
    { stored_trees "$1"; plpgsql_trees "$1" "${2:-}"; } | python3 "$ISCM_TOP/test/lib/call_sites.py" >"$tsv" || return 1
    if [ "$(psql_val "$1" "SELECT count(*) FROM pg_namespace WHERE nspname = 'iscm_rel'")" = 0 ]; then
        psql_q "$1" -f "$ISCM_TOP/test/lib/call_sites.sql" || return 1
    fi
    psql_q "$1" -c 'TRUNCATE iscm_rel.call_sites' -c "\\copy iscm_rel.call_sites FROM '$tsv'" || return 1
    # the checker's own entry point is called by the harness, not by iscm
    psql_q "$1" -c "DELETE FROM iscm_rel.call_sites c USING iscm_rel.resolved_call_sites r
                     WHERE r.callee = c.callee AND r.kind = c.kind AND r.callee_schema = 'iscm_checker'::regnamespace"
}
