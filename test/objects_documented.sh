#!/bin/bash
# Every SQL-visible object of iscm has a COMMENT (BI tools show them) and is named
# in the reference docs (doc/*.md).  Lists each object that lacks either.
set -eu
db=iscm_docs_check
dropdb --if-exists "$db"; createdb "$db"
trap 'dropdb --if-exists "$db"' EXIT
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION iscm'
psql -X -A -t -F $'\x1f' -v ON_ERROR_STOP=1 -d "$db" >"$ISCM_TMP/objects.txt" <<'SQL'
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'iscm'),
objs AS (
  SELECT d.classid, d.objid, pg_describe_object(d.classid, d.objid, 0) AS descr,
         CASE d.classid
           WHEN 'pg_proc'::regclass THEN (SELECT proname FROM pg_proc WHERE oid = d.objid)::text
           WHEN 'pg_type'::regclass THEN (SELECT typname FROM pg_type WHERE oid = d.objid)::text
           WHEN 'pg_class'::regclass THEN (SELECT relname FROM pg_class WHERE oid = d.objid)::text
           WHEN 'pg_operator'::regclass THEN (SELECT oprname FROM pg_operator WHERE oid = d.objid)::text
         END AS name
    FROM pg_depend d, ext
   WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
     AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_class'::regclass, 'pg_operator'::regclass)
)
SELECT descr, name, obj_description(objid, classid::regclass::text) IS NOT NULL
  FROM objs
 -- I/O, support and aggregate-internal functions are documented with their type or aggregate
 WHERE NOT (classid = 'pg_proc'::regclass AND name ~ '_(in|out|recv|send|cmp|hash|hash_extended|sortsupport|transfn|finalfn|combinefn|serialfn|deserialfn|trans|final|combine|serialize|deserialize|support|sel|joinsel|consistent|extract(value|query)?|triconsistent|union|penalty|picksplit|same|compress|decompress|distance)$')
   AND NOT (classid = 'pg_class'::regclass AND name ~ '_(seq|pkey|key|idx)$|_[a-z0-9]+_(seq|excl)$')
 ORDER BY 1;
SQL
missing=0
while IFS=$'\x1f' read -r descr name commented; do
    if [ "$commented" != t ]; then echo "no COMMENT ON: $descr"; missing=$((missing + 1)); fi
    if [ -n "$name" ] && [[ $name != _* ]] && ! grep -rqF -- "$name" "$ISCM_TOP"/doc/*.md "$ISCM_TOP/README.md"; then
        echo "not in doc/*.md: $descr"; missing=$((missing + 1))
    fi
done <"$ISCM_TMP/objects.txt"
echo "$(wc -l <"$ISCM_TMP/objects.txt") objects checked, $missing problems"
[ "$missing" -eq 0 ]
