-- iscm.country_set aggregates: country_set_agg, union_agg, intersection_agg;
-- NULL handling, zero rows, window use, and parallel / partitionwise plans
-- giving the same results as serial ones.
CREATE SCHEMA cset_agg;
SET search_path = cset_agg, iscm, public;

-- ---- small cases -------------------------------------------------------------------
SELECT country_set_agg(c) AS from_countries
  FROM unnest(ARRAY['SEN', 'CIV', NULL, 'SEN', 'BEL']::country[]) c;
SELECT union_agg(s) AS "union", intersection_agg(s) AS intersection
  FROM unnest(ARRAY['{SEN,CIV,BEL}', NULL, '{CIV,SEN,USA}', '{SEN,CIV}']::country_set[]) s;
-- zero rows, and only NULLs, give the empty set, not NULL
SELECT country_set_agg(c), union_agg(c::country_set), intersection_agg(c::country_set)
  FROM unnest(ARRAY[]::country[]) c;
SELECT country_set_agg(c), union_agg(c::country_set), intersection_agg(c::country_set)
  FROM unnest(ARRAY[NULL, NULL]::country[]) c;
-- an empty input set empties the intersection for good
SELECT intersection_agg(s) FROM unnest(ARRAY['{SEN,CIV}', '{}', '{SEN}']::country_set[]) s;
-- grouped, as for "members of each mechanism"
SELECT m, country_set_agg(c ORDER BY c DESC) AS members, cardinality(country_set_agg(c))
  FROM (VALUES ('GFMD', 'SEN'), ('GFMD', 'BEL'), ('Rabat', 'SEN'), ('Rabat', 'CIV'),
               ('Rabat', 'BEL'), ('Empty', NULL)) v(m, c0), LATERAL (SELECT c0::country AS c) x
 GROUP BY m ORDER BY m;
-- as a window aggregate (the final function runs on a growing state)
SELECT i, country_set_agg(c) OVER (ORDER BY i) AS so_far,
       intersection_agg(s) OVER (ORDER BY i) AS common_so_far
  FROM (VALUES (1, 'SEN', '{SEN,CIV,BEL}'), (2, 'CIV', '{SEN,CIV}'), (3, NULL, NULL),
               (4, 'SEN', '{SEN,USA}')) v(i, c0, s0),
       LATERAL (SELECT c0::country AS c, s0::country_set AS s) x;

-- every country the type knows, three times over in a scrambled order: the unsorted
-- tail of the state is sorted in several times on the way
SELECT cardinality(country_set_agg(c)) AS all_countries,
       country_set_agg(c) = (SELECT country_set_agg(code::country) FROM iscm.countries) AS same_as_once,
       union_agg(c::country_set) = country_set_agg(c) AS union_of_singletons_same
  FROM (SELECT code::country AS c FROM iscm.countries, generate_series(1, 3) r
         ORDER BY md5(code || r)) x;

-- ---- a larger table: many keys per state (compaction), parallel plans ----------------
CREATE TABLE cset_agg.rows AS
WITH pool AS (
    SELECT '{AFG,ALB,DZA,AGO,ARG,AUT,AZE,BGD,BEL,BEN,BFA,BGR,BOL,BRA,CAN,CHL,CHN,CMR,COD,COL,CRI,CUB,CZE,DEU,DNK,DOM,ECU,EGY,ESP,FIN,FRA,GAB,GBR,GEO,GHA,GIN,GMB,GTM,HND,HRV,HTI,HUN,IDN,IND,IRL,IRN,IRQ,ITA,JOR,JPN,KAZ,KEN,KGZ,KHM,MAR,MEX,NGA,NPL,PAK,PHL,SEN,SWE,TUR,USA}'::country[] AS codes
)
SELECT i AS id, i % 7 AS grp,
       CASE WHEN i % 101 = 0 THEN NULL ELSE codes[1 + (i * 7919) % 64] END AS c,
       CASE WHEN i % 103 = 0 THEN NULL
            ELSE ARRAY[codes[1 + (i * 31) % 64], codes[1 + (i * 17) % 60], codes[1 + i % 3]]::country_set END AS s,
       -- every set holds SEN and, per group, one more country: intersections are not trivial
       ARRAY['SEN', codes[1 + (i % 7)], codes[1 + (i * 13) % 64]]::country[]::country_set
           | CASE WHEN i % 5 = 0 THEN '{}' ELSE ARRAY[codes[1 + (i % 7) + 7]]::country[]::country_set END AS t
  FROM pool, generate_series(1, 30000) i;
ANALYZE cset_agg.rows;

-- serial results, kept for comparison
SET max_parallel_workers_per_gather = 0;
CREATE TABLE cset_agg.serial AS
SELECT grp, country_set_agg(c) AS a, union_agg(s) AS u, intersection_agg(t) AS x, count(*) AS n
  FROM cset_agg.rows GROUP BY grp;
INSERT INTO cset_agg.serial
SELECT NULL, country_set_agg(c), union_agg(s), intersection_agg(t), count(*) FROM cset_agg.rows;
SELECT grp, cardinality(a) AS a, cardinality(u) AS u, x, n FROM cset_agg.serial ORDER BY grp NULLS LAST;

-- the same against plain SQL: DISTINCT countries, and countries in every row's set
SELECT (SELECT a FROM cset_agg.serial WHERE grp IS NULL)
       = (SELECT ARRAY(SELECT DISTINCT c FROM cset_agg.rows WHERE c IS NOT NULL)::country_set) AS agg_is_distinct,
       (SELECT u FROM cset_agg.serial WHERE grp IS NULL)
       = (SELECT ARRAY(SELECT DISTINCT unnest(s) FROM cset_agg.rows)::country_set) AS union_is_distinct_unnest,
       (SELECT x FROM cset_agg.serial WHERE grp IS NULL)
       = (SELECT ARRAY(SELECT k FROM cset_agg.rows, unnest(t) k GROUP BY k
                       HAVING count(*) = (SELECT count(*) FROM cset_agg.rows))::country_set) AS intersection_is_in_every_row;

-- and per group
SELECT count(*) FILTER (WHERE a = (SELECT ARRAY(SELECT DISTINCT c FROM cset_agg.rows r
                                                 WHERE r.grp = s.grp AND c IS NOT NULL)::country_set)
                          AND u = (SELECT ARRAY(SELECT DISTINCT unnest(r.s) FROM cset_agg.rows r
                                                 WHERE r.grp = s.grp)::country_set)) AS groups_matching_sql
  FROM cset_agg.serial s WHERE grp IS NOT NULL;

-- forced parallel plans
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- force_parallel_mode became debug_parallel_query in PostgreSQL 16
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
EXPLAIN (COSTS OFF)
SELECT grp, country_set_agg(c), union_agg(s), intersection_agg(t), count(*) FROM cset_agg.rows GROUP BY grp;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE p.a = s.a AND p.u = s.u AND p.x = s.x AND p.n = s.n) AS same_as_serial
  FROM (SELECT grp, country_set_agg(c) AS a, union_agg(s) AS u, intersection_agg(t) AS x, count(*) AS n
          FROM cset_agg.rows GROUP BY grp) p
  JOIN cset_agg.serial s USING (grp);
EXPLAIN (COSTS OFF)
SELECT country_set_agg(c), union_agg(s), intersection_agg(t) FROM cset_agg.rows;
SELECT p.a = s.a AS same_agg, p.u = s.u AS same_union, p.x = s.x AS same_intersection
  FROM (SELECT country_set_agg(c) AS a, union_agg(s) AS u, intersection_agg(t) AS x FROM cset_agg.rows) p,
       cset_agg.serial s WHERE s.grp IS NULL;
-- parallel over zero rows: still the empty set
SELECT country_set_agg(c), union_agg(s), intersection_agg(t) FROM cset_agg.rows WHERE id < 0;

-- partitionwise aggregation: full (grouped by the partition key) and partial
CREATE TABLE cset_agg.parted (LIKE cset_agg.rows) PARTITION BY LIST (grp);
CREATE TABLE cset_agg.parted_a PARTITION OF cset_agg.parted FOR VALUES IN (0, 1, 2);
CREATE TABLE cset_agg.parted_b PARTITION OF cset_agg.parted FOR VALUES IN (3, 4, 5, 6);
INSERT INTO cset_agg.parted SELECT * FROM cset_agg.rows;
ANALYZE cset_agg.parted;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF)
SELECT grp, union_agg(s) FROM cset_agg.parted GROUP BY grp;
SELECT count(*) FILTER (WHERE p.u = s.u AND p.x = s.x AND p.a = s.a) AS same_as_serial
  FROM (SELECT grp, union_agg(s) AS u, intersection_agg(t) AS x, country_set_agg(c) AS a
          FROM cset_agg.parted GROUP BY grp) p JOIN cset_agg.serial s USING (grp);
-- partial partitionwise: one partial state per partition, combined in the leader
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF)
SELECT country_set_agg(c), union_agg(s), intersection_agg(t) FROM cset_agg.parted;
SELECT p.a = s.a AS same_agg, p.u = s.u AS same_union, p.x = s.x AS same_intersection
  FROM (SELECT country_set_agg(c) AS a, union_agg(s) AS u, intersection_agg(t) AS x FROM cset_agg.parted) p,
       cset_agg.serial s WHERE s.grp IS NULL;
-- re-aggregating stored per-group results gives the overall result
SELECT (SELECT intersection_agg(x) FROM cset_agg.serial WHERE grp IS NOT NULL)
       = (SELECT x FROM cset_agg.serial WHERE grp IS NULL) AS intersection_of_intersections,
       (SELECT union_agg(u) FROM cset_agg.serial WHERE grp IS NOT NULL)
       = (SELECT u FROM cset_agg.serial WHERE grp IS NULL) AS union_of_unions;

RESET enable_partitionwise_aggregate;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS forced;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

DROP SCHEMA cset_agg CASCADE;
