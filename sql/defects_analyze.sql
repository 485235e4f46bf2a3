-- Planner statistics of iscm.country_set columns: ANALYZE on any content
-- (only empty sets, only NULLs, one distinct set, a mix) leaves statistics the
-- @>, <@ and && estimators read without error, in the set and country forms,
-- with the column on either side.
CREATE SCHEMA defects_analyze;
SET search_path = defects_analyze, iscm, public;

CREATE TABLE only_empty (s country_set DEFAULT '{}');
INSERT INTO only_empty SELECT FROM generate_series(1, 100);
CREATE TABLE only_null (s country_set);
INSERT INTO only_null SELECT NULL FROM generate_series(1, 100);
CREATE TABLE one_value (s country_set);
INSERT INTO one_value SELECT '{FRA,SEN}' FROM generate_series(1, 100);
CREATE TABLE mixed (s country_set);
INSERT INTO mixed
SELECT CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN '{}' WHEN 2 THEN '{FRA}' ELSE '{FRA,SEN,PHL}' END::country_set
  FROM generate_series(1, 100) i;
ANALYZE only_empty, only_null, one_value, mixed;

-- actual rows of a query and the planner's estimate (ANALYZE read every row:
-- no sampling noise)
CREATE FUNCTION rows_of(tab text, predicate text, OUT actual bigint, OUT estimated bigint)
LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
    EXECUTE format('SELECT count(*) FROM %I WHERE %s', tab, predicate) INTO actual;
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT * FROM %I WHERE %s', tab, predicate) INTO plan;
    estimated := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;

CREATE TABLE predicates (n int, predicate text);
INSERT INTO predicates VALUES
    (1, $$s @> '{FRA}'$$), (2, $$s <@ '{FRA}'$$), (3, $$s && '{FRA}'$$),
    (4, $$'{FRA}' @> s$$), (5, $$'{FRA}' <@ s$$), (6, $$'{FRA}' && s$$),
    (7, $$s @> 'FRA'::country$$), (8, $$'FRA'::country <@ s$$),
    (9, $$s @> '{}'$$), (10, $$s <@ '{}'$$), (11, $$s && '{}'$$),
    (12, $$s = '{}'$$), (13, $$s @> '{FRA,SEN}'$$);

-- every table and predicate
SELECT t AS "table", p.n, p.predicate, r.actual, r.estimated
  FROM unnest(ARRAY['only_empty', 'only_null', 'one_value', 'mixed']) AS t,
       predicates p, rows_of(t, p.predicate) r
 ORDER BY t, p.n;

-- what ANALYZE stored for the all-empty column: a country frequency slot
-- without values (just the frequency of a country never seen) and the
-- cardinality slot
SELECT stakind3, stavalues3 IS NULL AS no_country_values, stanumbers3, stakind4, stanumbers4
  FROM pg_statistic
 WHERE starelid = 'only_empty'::regclass;

-- autovacuum runs ANALYZE unprompted: index scans and joins plan too
CREATE INDEX ON only_empty USING gin (s);
SET enable_seqscan = off;
SELECT count(*) FROM only_empty WHERE s @> '{FRA}';
SELECT count(*) FROM only_empty WHERE s && '{FRA,SEN}';
RESET enable_seqscan;
SELECT count(*) FROM only_empty a JOIN mixed b ON a.s <@ b.s;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA defects_analyze CASCADE;
