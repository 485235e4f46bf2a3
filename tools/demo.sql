-- iscm demo report: run by tools/demo against a throw-away cluster.
\pset footer off
CREATE EXTENSION iscm;
\echo
\echo '== iscm installed'
SELECT extname, extversion FROM pg_extension WHERE extname = 'iscm';
