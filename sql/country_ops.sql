-- iscm.country: comparison, sort order, btree and hash opclasses, and the
-- plans that use them (hash join, merge join, hash aggregate, index scan).
SET search_path = iscm, public;

-- Sort order is key order: current countries by alpha-3, then former
-- countries by alpha-3, then M49-only areas by M49 code.
SELECT c, country_key(c) AS key
  FROM unnest(ARRAY['ZWE', '830', 'SUN', 'AFG', 'XKX', 'FQHH', 'ATF', '680', 'YUG', 'USA']::country[]) AS c
 ORDER BY c;
SELECT 'AFG'::country < 'ZWE'::country AS lt, 'ZWE'::country < 'SUN'::country AS current_before_former,
       'YUG'::country < '830'::country AS former_before_m49, 'USA'::country = 'US' AS eq,
       'USA'::country <> 'United States' AS ne_same, 'DEU'::country <= 'DEU' AS le, 'DEU'::country >= 'DEU' AS ge,
       'FRA'::country > 'DEU' AS gt;
SELECT min(c), max(c)
  FROM unnest(ARRAY['ZWE', '830', 'SUN', 'AFG']::country[]) AS c;
-- hash functions agree with equality and honour the seed
SELECT country_hash('USA') = country_hash('US') AS hash_eq,
       country_hash_extended('USA', 0) = country_hash_extended('United States', 0) AS hash_ext_eq,
       country_hash_extended('USA', 0) <> country_hash_extended('USA', 1) AS seeded;

-- Two tables keyed by country in different spellings.
CREATE TABLE ops_stock (country country, migrants int);
CREATE TABLE ops_members (country country, process text);
INSERT INTO ops_stock
  SELECT code::country, key FROM countries WHERE NOT is_former;
INSERT INTO ops_members VALUES
  ('Philippines', 'Colombo'), ('PHL', 'Abu Dhabi'), ('Sri Lanka', 'Colombo'), ('LK', 'Abu Dhabi'),
  ('Ethiopia', 'Khartoum'), ('231', 'Rabat'), ('Mexico', 'Puebla'), ('El Salvador', 'Puebla'),
  ('Kosovo', 'Budapest'), ('XK', 'Prague'), ('Turkey', 'Budapest'), ('Türkiye', 'Prague'),
  ('SUN', 'historical');
ANALYZE ops_stock;
ANALYZE ops_members;

-- Hash join and hash aggregate.
SET enable_mergejoin = off; SET enable_nestloop = off; SET enable_sort = off;
EXPLAIN (COSTS OFF)
SELECT m.country, count(*) FROM ops_members m JOIN ops_stock s USING (country) GROUP BY m.country;
SELECT m.country, count(*) AS processes, min(s.migrants) = max(s.migrants) AS one_row
  FROM ops_members m JOIN ops_stock s USING (country) GROUP BY m.country ORDER BY m.country;
RESET enable_mergejoin; RESET enable_nestloop; RESET enable_sort;

-- Merge join and sorted group.
SET enable_hashjoin = off; SET enable_nestloop = off; SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT m.country, count(*) FROM ops_members m JOIN ops_stock s USING (country) GROUP BY m.country;
SELECT m.country, count(*) AS processes
  FROM ops_members m JOIN ops_stock s USING (country) GROUP BY m.country ORDER BY m.country;
RESET enable_hashjoin; RESET enable_nestloop; RESET enable_hashagg;

-- The former USSR joins no current country.
SELECT count(*) AS ussr_matches FROM ops_stock WHERE country = 'SUN';

-- DISTINCT and ORDER BY.
SELECT DISTINCT country FROM ops_members ORDER BY country;
SELECT country, process FROM ops_members ORDER BY country DESC, process LIMIT 4;

-- A btree index answers = and ranges; a hash index answers =.
CREATE INDEX ops_stock_country_idx ON ops_stock (country);
CREATE INDEX ops_members_country_hash ON ops_members USING hash (country);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM ops_stock WHERE country = 'Germany';
SELECT * FROM ops_stock WHERE country = 'Germany';
EXPLAIN (COSTS OFF) SELECT count(*) FROM ops_stock WHERE country BETWEEN 'DEU' AND 'DNK';
SELECT country FROM ops_stock WHERE country BETWEEN 'DEU' AND 'DNK' ORDER BY country;
EXPLAIN (COSTS OFF) SELECT * FROM ops_members WHERE country = 'LKA';
SELECT * FROM ops_members WHERE country = 'LKA' ORDER BY process;
RESET enable_seqscan;

-- Comparison with text: literals are read as countries; a text column needs
-- a cast (assignment casts both ways, so INSERT ... SELECT text works).
CREATE TEMP TABLE ops_raw (name text);
INSERT INTO ops_raw VALUES ('Ivory Coast'), ('Congo, Dem. Rep.'), ('Lao PDR');
INSERT INTO ops_members (country, process) SELECT name, 'raw' FROM ops_raw;
SELECT m.country, r.name FROM ops_members m JOIN ops_raw r ON m.country = r.name::country ORDER BY 1;
CREATE TEMP TABLE ops_out (code text);
INSERT INTO ops_out SELECT country FROM ops_members WHERE process = 'raw';
SELECT code FROM ops_out ORDER BY code;
-- the integer casts are explicit: numeric codes in, numeric codes out
SELECT 276::country AS from_int, 'DEU'::country::int AS to_int, numeric_code('DEU');

-- Selectivity estimators (eqsel, scalarltsel ...) use the column statistics.
CREATE FUNCTION pg_temp.estimate(query text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::integer;
END $$;
SELECT pg_temp.estimate($$SELECT * FROM ops_stock WHERE country = 'DEU'$$) AS eq_estimate,
       pg_temp.estimate($$SELECT * FROM ops_stock WHERE country < 'BEL'$$) AS lt_estimate,
       (SELECT count(*) FROM ops_stock WHERE country < 'BEL') AS lt_actual,
       pg_temp.estimate($$SELECT * FROM ops_stock WHERE country >= 'BEL'$$) AS ge_estimate,
       (SELECT count(*) FROM ops_stock WHERE country >= 'BEL') AS ge_actual,
       pg_temp.estimate($$SELECT * FROM ops_stock WHERE country <> 'DEU'$$) AS ne_estimate;

DROP TABLE ops_stock, ops_members;

-- Parallel plans: workers read countries and honour iscm.country_output.
CREATE TABLE ops_par AS
  SELECT code::country AS c, i FROM countries, generate_series(1, 40) i WHERE NOT is_former;
ANALYZE ops_par;
SET iscm.country_output = name;
CREATE TEMP TABLE serial_result AS
  SELECT c::text AS c, count(*) AS n, sum(i) AS s FROM ops_par GROUP BY c;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
-- grouping by the text form makes the workers print the countries
EXPLAIN (COSTS OFF) SELECT c::text, count(*), sum(i) FROM ops_par GROUP BY c::text;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.c IS NULL) AS differing
  FROM (SELECT c::text AS c, count(*) AS n, sum(i) AS s FROM ops_par GROUP BY c::text) p
  LEFT JOIN serial_result s ON s.c = p.c AND s.n = p.n AND s.s = p.s;
SELECT c::text FROM ops_par WHERE c IN ('DEU', 'Côte d''Ivoire') AND i = 1 ORDER BY c;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS forced;
RESET max_parallel_workers_per_gather; RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost; RESET parallel_setup_cost; RESET iscm.country_output;
DROP TABLE ops_par;
