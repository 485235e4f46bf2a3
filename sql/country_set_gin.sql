-- iscm.country_set GIN index (country_set_gin_ops, the default GIN opclass):
-- plans use it for every indexable operator, and indexed results equal
-- sequential ones, on 100,000 generated sets.
CREATE SCHEMA cset_gin;
SET search_path = cset_gin, iscm, public;

CREATE TABLE cset_gin.mech AS
WITH pool AS (
    SELECT '{AFG,ALB,DZA,AGO,ARG,AUT,AZE,BGD,BEL,BEN,BFA,BGR,BOL,BRA,CAN,CHL,CHN,CMR,COD,COL,CRI,CUB,CZE,DEU,DNK,DOM,ECU,EGY,ESP,FIN,FRA,GAB,GBR,GEO,GHA,GIN,GMB,GTM,HND,HRV,HTI,HUN,IDN,IND,IRL,IRN,IRQ,ITA,JOR,JPN,KAZ,KEN,KGZ,KHM,MAR,MEX,NGA,NPL,PAK,PHL,SEN,SWE,TUR,USA}'::country[] AS codes
)
SELECT i AS id,
       ARRAY(SELECT codes[1 + (i * 7919 + j * j * 104729 + (i * j) % 61) % 64]
               FROM generate_series(1, (i * 13) % 17) j)::country[]::country_set AS members
  FROM pool, generate_series(1, 100000) i;
CREATE INDEX mech_members_gin ON cset_gin.mech USING gin (members);
ANALYZE cset_gin.mech;
SELECT count(*) AS sets, count(*) FILTER (WHERE members = '{}') AS empty_sets,
       round(avg(cardinality(members)), 1) AS mean_size
  FROM cset_gin.mech;

-- "which mechanisms include both Belgium and the Philippines"
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE members @> '{BEL,PHL}';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE members @> 'PHL'::country;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE 'PHL'::country <@ members;
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE members && '{BEL,PHL}';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE members <@ '{BEL,PHL,SEN,USA}';
EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE members = '{BEL,PHL}';

-- Every query under a sequential scan, then under the index: the counts must agree.
CREATE TABLE cset_gin.queries (n int, label text, q text);
INSERT INTO cset_gin.queries VALUES
  (1, 'contains two', $$members @> '{BEL,PHL}'$$),
  (2, 'contains three', $$members @> '{BEL,PHL,SEN}'$$),
  (3, 'contains none of the pool', $$members @> '{ZWE}'$$),
  (4, 'contains empty', $$members @> '{}'$$),
  (5, 'contains country', $$members @> 'PHL'::country$$),
  (6, 'country in', $$'SEN'::country <@ members$$),
  (7, 'overlaps', $$members && '{BEL,PHL}'$$),
  (8, 'overlaps empty', $$members && '{}'$$),
  (9, 'contained by', $$members <@ '{AFG,BEL,DZA,PHL,SEN,USA,GIN,KEN}'$$),
  (10, 'contained by empty', $$members <@ '{}'$$),
  (11, 'equals', $$members = (SELECT members FROM cset_gin.mech WHERE id = 5)$$),
  (12, 'equals empty', $$members = '{}'$$),
  (13, 'contains and overlaps', $$members @> '{SEN}' AND members && '{BEL,USA}'$$);

CREATE FUNCTION cset_gin.count_where(cond text) RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE result bigint;
BEGIN
    EXECUTE 'SELECT count(*) FROM cset_gin.mech WHERE ' || cond INTO result;
    RETURN result;
END $$;
CREATE FUNCTION cset_gin.uses_index(cond text) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE line text; found boolean := false;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT count(*) FROM cset_gin.mech WHERE ' || cond LOOP
        found := found OR line LIKE '%Bitmap Index Scan on mech_members_gin%';
    END LOOP;
    RETURN found;
END $$;

SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TABLE cset_gin.seq AS
SELECT n, cset_gin.count_where(q) AS seq_count, cset_gin.uses_index(q) AS seq_used_index FROM cset_gin.queries;
RESET enable_bitmapscan;
RESET enable_indexscan;
SET enable_seqscan = off;
SELECT q.n, q.label, s.seq_count, cset_gin.count_where(q.q) AS index_count,
       cset_gin.count_where(q.q) = s.seq_count AS same, s.seq_used_index, cset_gin.uses_index(q.q) AS index_used
  FROM cset_gin.queries q JOIN cset_gin.seq s USING (n) ORDER BY n;
RESET enable_seqscan;

-- ANALYZE keeps per-country frequencies and set sizes (country_set_typanalyze), so the
-- planner's row estimates follow the data instead of a constant selectivity.
SELECT ARRAY[stakind1, stakind2, stakind3, stakind4, stakind5] @> ARRAY[8401, 8402]::int2[] AS has_country_stats
  FROM pg_statistic WHERE starelid = 'cset_gin.mech'::regclass AND staattnum = 2;
CREATE FUNCTION cset_gin.estimated_rows(cond text) RETURNS float8
    LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT * FROM cset_gin.mech WHERE ' || cond INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
-- estimates within a factor of 2 of the true counts (sampling makes them vary a little)
SELECT q.n, q.label, cset_gin.estimated_rows(q.q) / s.seq_count BETWEEN 0.5 AND 2 AS estimate_close
  FROM cset_gin.queries q JOIN cset_gin.seq s USING (n)
 WHERE n IN (1, 2, 5, 6, 7, 9, 13) ORDER BY n;

-- the index follows updates, and finds an empty set inserted later
INSERT INTO cset_gin.mech VALUES (100001, '{BEL,PHL}'), (100002, '{}');
DELETE FROM cset_gin.mech WHERE id = 100001;
SET enable_seqscan = off;
SELECT count(*) FILTER (WHERE id > 100000) AS new_rows_found FROM cset_gin.mech WHERE members <@ '{}';
SELECT count(*) FROM cset_gin.mech WHERE members @> '{BEL,PHL}' AND id > 100000;
RESET enable_seqscan;

DROP SCHEMA cset_gin CASCADE;
