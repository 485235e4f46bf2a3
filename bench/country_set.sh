#!/bin/bash
# country_set benchmark: the question "which sets contain both X and Y" and
# everyday set algebra, asked of the same 100,000 memberships stored three ways:
#
#   country_set    iscm.country_set column with its GIN index (country_set_gin_ops)
#   int[]          plain integer array with a GIN index (core array_ops, no intarray)
#   junction       (set_id, country) rows, primary key plus an index on (country, set_id),
#                  queried with GROUP BY set_id HAVING count(*) = 2
#
# A sixth line lets the planner choose between the GIN index and a sequential
# scan from the statistics ANALYZE keeps for country_set columns.
#
# Every figure is the best of several runs, printed with its ratio to the
# country_set GIN figure measured in the same run.  Each method's answer is
# checked against the others before any time is printed.
#
# Run with tools/run-bench country_set (or against any server where the iscm
# extension is installed: PGDATABASE etc. from the environment).
set -eu
ROWS=${ISCM_BENCH_ROWS:-100000}
REPS=${ISCM_BENCH_REPS:-7}

psql -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" -v reps="$REPS" <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_cset CASCADE;
CREATE SCHEMA bench_cset;
SET search_path = bench_cset, iscm, public;
SET max_parallel_workers_per_gather = 0;   -- compare single-process plans

-- 120 countries; membership is skewed (a few countries are in many sets), set sizes 1..40.
CREATE TABLE pool (pos int PRIMARY KEY, code text, c iscm.country);
INSERT INTO pool (pos, code)
SELECT ord, code FROM unnest(string_to_array(
  'USA,DEU,FRA,GBR,ITA,ESP,NLD,BEL,SWE,CHE,AUT,POL,PRT,GRC,IRL,DNK,FIN,NOR,CZE,HUN,'
  'ROU,BGR,HRV,SVN,SVK,LTU,LVA,EST,TUR,MAR,DZA,TUN,EGY,LBY,SEN,CIV,MLI,NER,BFA,GHA,'
  'NGA,CMR,GAB,COD,KEN,ETH,UGA,TZA,RWA,ZAF,ZWE,ZMB,MOZ,AGO,NAM,BWA,MDG,SDN,SOM,ERI,'
  'IND,PAK,BGD,LKA,NPL,AFG,IRN,IRQ,SYR,JOR,LBN,SAU,ARE,QAT,KWT,BHR,OMN,YEM,CHN,JPN,'
  'KOR,PHL,IDN,MYS,THA,VNM,KHM,LAO,MMR,AUS,NZL,CAN,MEX,GTM,HND,SLV,NIC,CRI,PAN,COL,'
  'VEN,ECU,PER,BOL,BRA,ARG,CHL,URY,PRY,CUB,DOM,HTI,JAM,KAZ,UZB,KGZ,TJK,AZE,ARM,GEO', ','))
       WITH ORDINALITY AS t(code, ord);
UPDATE pool SET c = code::iscm.country;

\o /dev/null
SELECT setseed(0.42);
CREATE TABLE memberships AS
SELECT s AS set_id, (1 + floor(120 * random() ^ 2))::int AS pos
  FROM generate_series(1, :rows) s, LATERAL generate_series(1, 1 + (random() * 39)::int + (s * 0)) k;

CREATE TABLE junction AS SELECT DISTINCT set_id, pos::smallint AS country FROM memberships;
ALTER TABLE junction ADD PRIMARY KEY (set_id, country);
CREATE INDEX junction_country ON junction (country, set_id);

CREATE TABLE cs AS
SELECT j.set_id AS id, country_set_agg(p.c) AS members
  FROM junction j JOIN pool p ON p.pos = j.country GROUP BY j.set_id;
CREATE INDEX cs_gin ON cs USING gin (members);

CREATE TABLE ia AS
SELECT set_id AS id, array_agg(country::int ORDER BY country) AS members FROM junction GROUP BY set_id;
CREATE INDEX ia_gin ON ia USING gin (members);
VACUUM ANALYZE junction, cs, ia;

CREATE FUNCTION best_ms(q text, reps int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8 := 'Infinity'; r bigint;
BEGIN
    EXECUTE q INTO r;                            -- warm caches
    FOR i IN 1 .. reps LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO r;
        best := least(best, 1000 * extract(epoch FROM clock_timestamp() - t0)::float8);
    END LOOP;
    RETURN best;
END $$;
CREATE FUNCTION answer(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE r bigint;
BEGIN EXECUTE q INTO r; RETURN r; END $$;

-- Pairs: common-common, common-rare, rare-rare (by position in the skewed pool).
CREATE TABLE pairs (label text, x int, y int);
INSERT INTO pairs VALUES ('common+common', 1, 3), ('common+rare', 2, 90), ('rare+rare', 80, 110);

CREATE TABLE method (ord int, name text, scan text, q text);
INSERT INTO method VALUES
  (1, 'country_set GIN',     'index', 'SELECT count(*) FROM bench_cset.cs WHERE members @> %L::iscm.country_set'),
  (2, 'country_set seqscan', 'seq',   'SELECT count(*) FROM bench_cset.cs WHERE members @> %L::iscm.country_set'),
  (3, 'int[] GIN',           'index', 'SELECT count(*) FROM bench_cset.ia WHERE members @> %L::int[]'),
  (4, 'int[] seqscan',       'seq',   'SELECT count(*) FROM bench_cset.ia WHERE members @> %L::int[]'),
  (6, 'country_set, planner''s choice', 'auto', 'SELECT count(*) FROM bench_cset.cs WHERE members @> %L::iscm.country_set'),
  (5, 'junction GROUP BY',   'index', 'SELECT count(*) FROM (SELECT set_id FROM bench_cset.junction WHERE country = ANY (%L::smallint[]) GROUP BY set_id HAVING count(*) = 2) s');

CREATE TABLE results (label text, ord int, name text, answer bigint, ms float8);
CREATE FUNCTION run(scan text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE p record; m record; q text; reps int := current_setting('bench.reps')::int;
BEGIN
    -- 'auto': the planner chooses, from the statistics ANALYZE gathered
    PERFORM set_config('enable_seqscan', CASE WHEN scan = 'index' THEN 'off' ELSE 'on' END, true);
    PERFORM set_config('enable_bitmapscan', CASE WHEN scan = 'seq' THEN 'off' ELSE 'on' END, true);
    PERFORM set_config('enable_indexscan', CASE WHEN scan = 'seq' THEN 'off' ELSE 'on' END, true);
    PERFORM set_config('enable_indexonlyscan', CASE WHEN scan = 'seq' THEN 'off' ELSE 'on' END, true);
    FOR p IN SELECT pairs.*, px.c AS cx, py.c AS cy FROM pairs JOIN pool px ON px.pos = x JOIN pool py ON py.pos = y LOOP
        FOR m IN SELECT * FROM method WHERE method.scan = run.scan LOOP
            q := format(m.q, CASE WHEN m.ord IN (1, 2, 6) THEN format('{%s,%s}', p.cx, p.cy)
                                  ELSE format('{%s,%s}', p.x, p.y) END);
            INSERT INTO results VALUES (p.label, m.ord, m.name, answer(q), best_ms(q, reps));
        END LOOP;
    END LOOP;
END $$;
SELECT set_config('bench.reps', :'reps', false);
BEGIN; SELECT run('index'); COMMIT;
BEGIN; SELECT run('seq'); COMMIT;
BEGIN; SELECT run('auto'); COMMIT;
\o

\echo
\echo 'Sets containing both X and Y (' :rows 'sets; best of' :reps 'runs; ratio = time / country_set GIN time)'
SELECT r.label AS pair, r.name AS method, r.answer AS sets_found,
       CASE WHEN r.answer = b.answer THEN 'ok' ELSE 'MISMATCH' END AS check,
       round(r.ms::numeric, 2) AS ms, round((r.ms / b.ms)::numeric, 2) AS ratio
  FROM results r JOIN results b ON b.label = r.label AND b.ord = 1
 ORDER BY r.label, r.ord;

-- ---- set algebra over pairs of rows ------------------------------------------------
CREATE TABLE alg (label text, ord int, answer bigint, ms float8);
INSERT INTO alg SELECT 'union size', 1, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT sum(iscm.cardinality(a.members | b.members)) FROM bench_cset.cs a JOIN bench_cset.cs b ON b.id = a.id + 1 WHERE a.id <= 20000')) v(q);
INSERT INTO alg SELECT 'union size', 2, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT sum((SELECT count(*) FROM (SELECT unnest(a.members) UNION SELECT unnest(b.members)) u)) FROM bench_cset.ia a JOIN bench_cset.ia b ON b.id = a.id + 1 WHERE a.id <= 20000')) v(q);
INSERT INTO alg SELECT 'union size', 3, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT count(*) FROM (SELECT a.id, j.country FROM generate_series(1, 20000) a(id) JOIN bench_cset.junction j ON j.set_id IN (a.id, a.id + 1) GROUP BY a.id, j.country) u')) v(q);
INSERT INTO alg SELECT 'jaccard > 0.2', 1, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT count(*) FROM bench_cset.cs a JOIN bench_cset.cs b ON b.id = a.id + 1 WHERE a.id <= 20000 AND iscm.jaccard(a.members, b.members) > 0.2')) v(q);
INSERT INTO alg SELECT 'jaccard > 0.2', 2, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT count(*) FROM bench_cset.ia a JOIN bench_cset.ia b ON b.id = a.id + 1 WHERE a.id <= 20000 AND (SELECT count(*) FROM (SELECT unnest(a.members) INTERSECT SELECT unnest(b.members)) i)::float8 / (SELECT count(*) FROM (SELECT unnest(a.members) UNION SELECT unnest(b.members)) u) > 0.2')) v(q);
INSERT INTO alg SELECT 'union of all sets', 1, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT iscm.cardinality(iscm.union_agg(members)) FROM bench_cset.cs')) v(q);
INSERT INTO alg SELECT 'union of all sets', 2, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT count(DISTINCT m) FROM bench_cset.ia, unnest(members) m')) v(q);
INSERT INTO alg SELECT 'union of all sets', 3, answer(q), best_ms(q, 3) FROM (VALUES (
  'SELECT count(DISTINCT country) FROM bench_cset.junction')) v(q);

\echo
\echo 'Set algebra (20,000 pairs of consecutive sets, or all sets; best of 3; ratio = time / country_set time)'
SELECT a.label AS task, (ARRAY['country_set', 'int[] + unnest', 'junction'])[a.ord] AS method, a.answer,
       CASE WHEN a.answer = b.answer THEN 'ok' ELSE 'MISMATCH' END AS check,
       round(a.ms::numeric, 2) AS ms, round((a.ms / b.ms)::numeric, 2) AS ratio
  FROM alg a JOIN alg b ON b.label = a.label AND b.ord = 1
 ORDER BY a.label, a.ord;

\echo
\echo 'Storage (table + indexes; ratio = size / country_set size)'
WITH s(method, bytes) AS (VALUES
  ('country_set + GIN', pg_total_relation_size('bench_cset.cs')),
  ('int[] + GIN', pg_total_relation_size('bench_cset.ia')),
  ('junction + 2 btrees', pg_total_relation_size('bench_cset.junction')))
SELECT method, pg_size_pretty(bytes) AS size,
       round(bytes::numeric / (SELECT bytes FROM s WHERE method LIKE 'country_set%'), 2) AS ratio
  FROM s;

\o /dev/null
DROP SCHEMA bench_cset CASCADE;
SQL
