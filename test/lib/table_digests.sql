-- One line per table and sequence outside the system schemas: row count and
-- the md5 of the rows' text forms in sorted order (so row order on disk does
-- not matter, but a lost, duplicated or changed row does), and each
-- sequence's position (a restore that forgot a sequence would hand out ids
-- that collide with restored rows).
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;
SET search_path = pg_catalog;
CREATE FUNCTION pg_temp.table_digest(rel regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE format($q$SELECT count(*) || ' rows md5 ' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text COLLATE "C")), '-')
                        FROM ONLY %s t$q$, rel) INTO r;
    RETURN r;
END $$;
CREATE FUNCTION pg_temp.sequence_state(rel regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE format('SELECT last_value || '' called '' || is_called FROM %s', rel) INTO r;
    RETURN r;
END $$;
SELECT CASE WHEN c.relkind = 'S' THEN 'sequence ' || c.oid::regclass || ' ' || pg_temp.sequence_state(c.oid)
            ELSE 'table ' || c.oid::regclass || ' ' || pg_temp.table_digest(c.oid) END
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'm', 'S')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
 ORDER BY 1;
