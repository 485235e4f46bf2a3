#!/bin/bash
# Every SQL-visible object of iscm has a COMMENT (BI tools and \dd show them)
# and every user-visible name is found in the reference docs (doc/*.md or
# README.md).  Lists each object that lacks either, with its kind.
#
# Demands a COMMENT ON for, with no exemption by name:
#   every function, aggregate and procedure of the extension (I/O, support and
#   aggregate-internal functions included); every type and domain, and every
#   attribute of a composite type; every table, view, materialized view and
#   foreign table, and every column of each; every
#   sequence (including those owned by iscm columns); every operator, operator
#   class and operator family; every cast whose function, source or target type
#   belongs to iscm; every user trigger on an iscm table.
# Demands that the name of every table, view, function, aggregate, type, domain
# and operator appear in doc/*.md or README.md as a whole word (support
# functions may be listed in a section of their type's doc).  Names starting
# with "_" are internal helpers (trigger functions and the like): they need a
# COMMENT but are not part of the documented interface.
set -eu
db=iscm_docs_check
dropdb --if-exists "$db"; createdb "$db"
trap 'dropdb --if-exists "$db"' EXIT
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION iscm'
# kind, description, name to look for in the docs (empty: none), commented (t/f)
psql -X -A -t -F $'\x1f' -v ON_ERROR_STOP=1 -d "$db" >"$ISCM_TMP/objects.txt" <<'SQL'
WITH ext AS (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'iscm'),
members AS (
  SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d, ext
   WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
     AND d.refobjid = ext.oid AND d.deptype = 'e'
),
member_types AS (
  -- a table's or view's row type and every array type come with their object
  -- (PostgreSQL 18 lists them as extension members too; 15 does not)
  SELECT m.objid AS oid FROM members m
   WHERE m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = m.objid)
     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
                      WHERE t.oid = m.objid AND c.relkind <> 'c')
),
member_procs AS (
  SELECT objid AS oid FROM members WHERE classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
),
member_rels AS (
  SELECT c.oid, c.relkind, c.relname
    FROM pg_catalog.pg_class c
   WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
),
objs(kind, classid, objid, objsubid, name) AS (
  SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'p' THEN 'procedure'
                        WHEN 'w' THEN 'window function' ELSE 'function' END,
         'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 0, p.proname::text
    FROM pg_catalog.pg_proc p WHERE p.oid IN (SELECT oid FROM member_procs)
  UNION ALL
  SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END,
         'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0, t.typname::text
    FROM pg_catalog.pg_type t WHERE t.oid IN (SELECT oid FROM member_types)
  UNION ALL
  SELECT CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                        WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                        WHEN 'S' THEN 'sequence' END,
         'pg_catalog.pg_class'::pg_catalog.regclass, r.oid, 0,
         CASE WHEN r.relkind <> 'S' THEN r.relname::text END
    FROM member_rels r WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
  UNION ALL
  -- sequences owned by iscm columns (serial / identity), whether or not members
  SELECT 'sequence', 'pg_catalog.pg_class'::pg_catalog.regclass, s.oid, 0, NULL
    FROM pg_catalog.pg_class s
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.objid = s.oid AND d.deptype IN ('a', 'i')
                                AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
   WHERE s.relkind = 'S' AND d.refobjid IN (SELECT oid FROM member_rels)
     AND s.oid NOT IN (SELECT oid FROM member_rels)
  UNION ALL
  SELECT 'column', 'pg_catalog.pg_class'::pg_catalog.regclass, r.oid, a.attnum, NULL
    FROM member_rels r
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
   WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')
  UNION ALL
  -- attributes of composite types (their pg_class row belongs to the type, not the extension)
  SELECT 'attribute', 'pg_catalog.pg_class'::pg_catalog.regclass, t.typrelid, a.attnum, NULL
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
   WHERE t.oid IN (SELECT oid FROM member_types) AND t.typtype = 'c'
  UNION ALL
  SELECT 'operator', 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, 0, o.oprname::text
    FROM pg_catalog.pg_operator o
   WHERE o.oid IN (SELECT objid FROM members WHERE classid = 'pg_catalog.pg_operator'::pg_catalog.regclass)
  UNION ALL
  SELECT 'operator class', 'pg_catalog.pg_opclass'::pg_catalog.regclass, objid, 0, NULL
    FROM members WHERE classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass
  UNION ALL
  SELECT 'operator family', 'pg_catalog.pg_opfamily'::pg_catalog.regclass, objid, 0, NULL
    FROM members WHERE classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass
  UNION ALL
  SELECT 'cast', 'pg_catalog.pg_cast'::pg_catalog.regclass, c.oid, 0, NULL
    FROM pg_catalog.pg_cast c
   WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_catalog.pg_cast'::pg_catalog.regclass)
      OR c.castfunc IN (SELECT oid FROM member_procs)
      OR c.castsource IN (SELECT oid FROM member_types)
      OR c.casttarget IN (SELECT oid FROM member_types)
  UNION ALL
  SELECT 'trigger', 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid, 0, NULL
    FROM pg_catalog.pg_trigger t
   WHERE NOT t.tgisinternal AND t.tgrelid IN (SELECT oid FROM member_rels)
)
SELECT kind,
       pg_catalog.pg_describe_object(classid, objid, objsubid),
       coalesce(name, ''),
       CASE WHEN objsubid = 0
            THEN pg_catalog.obj_description(objid, classid::pg_catalog.regclass::text) IS NOT NULL
            ELSE pg_catalog.col_description(objid, objsubid) IS NOT NULL END
  FROM objs
 ORDER BY 1, 2;
SQL

# every whole word of the docs, once, for fast membership tests
docs=("$ISCM_TOP"/doc/*.md "$ISCM_TOP/README.md")
declare -A in_docs=()
while read -r word; do in_docs[$word]=1; done < <(cat "${docs[@]}" | grep -oE '[A-Za-z_][A-Za-z0-9_]*' | sort -u)

missing=0 total=0
while IFS=$'\x1f' read -r kind descr name commented; do
    total=$((total + 1))
    if [ "$commented" != t ]; then echo "no COMMENT ON $kind: $descr"; missing=$((missing + 1)); fi
    [ -n "$name" ] && [[ $name != _* ]] || continue
    if [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
        [ -n "${in_docs[$name]:-}" ] && continue
    elif grep -qF -- "$name" "${docs[@]}"; then
        continue
    fi
    echo "$kind not named in doc/*.md or README.md: $descr"; missing=$((missing + 1))
done <"$ISCM_TMP/objects.txt"
echo "$total objects checked, $missing problems"
[ "$missing" -eq 0 ]
