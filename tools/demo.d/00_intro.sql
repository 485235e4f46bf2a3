-- iscm demo: what is installed.
\pset footer off
\echo
\echo '== iscm, installed in schema iscm'
SELECT e.extversion AS version,
       count(*) FILTER (WHERE d.classid = 'pg_type'::regclass) AS types,
       count(*) FILTER (WHERE d.classid = 'pg_proc'::regclass) AS functions,
       count(*) FILTER (WHERE d.classid = 'pg_class'::regclass) AS tables_and_views
  FROM pg_extension e
  JOIN pg_depend d ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND d.deptype = 'e'
 WHERE e.extname = 'iscm'
 GROUP BY e.extversion;
