-- iscm on Citus, checked without Citus (doc/distributed.md):
--  * every aggregate has a real state type and a combine function, which is
--    what Citus needs to split an aggregate between workers and coordinator;
--  * each aggregate split by hand the way Citus splits it gives what the
--    aggregate gives over all rows;
--  * partial aggregation inside one server (partitionwise, parallel) too;
--  * a query run for Citus on a worker refuses to read iscm's own tables.
CREATE SCHEMA dist;
SET search_path = dist, iscm, public;
-- a C function of iscm loads the module, and with it the guard's executor hook
SELECT 'FRA'::country AS loaded;

-- ---- the catalog ----------------------------------------------------------------------
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtranstype::regtype AS state,
       a.aggcombinefn::regproc AS combine, a.aggfinalfn::regproc AS final, p.proparallel AS parallel
  FROM pg_aggregate a
  JOIN pg_proc p ON p.oid = a.aggfnoid
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'iscm')
 ORDER BY 1::text;
-- what Citus refuses to split (a pseudo-type state such as internal, or no combine
-- function), and what PostgreSQL cannot run in parallel: none
SELECT count(*) AS aggregates,
       count(*) FILTER (WHERE t.typtype = 'p') AS pseudo_type_state,
       count(*) FILTER (WHERE a.aggcombinefn = 0) AS no_combine,
       count(*) FILTER (WHERE p.proparallel <> 's') AS not_parallel_safe
  FROM pg_aggregate a
  JOIN pg_type t ON t.oid = a.aggtranstype
  JOIN pg_proc p ON p.oid = a.aggfnoid
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'iscm');

-- ---- test data: four partitions with rows, one empty, one with only NULLs -----------
CREATE TABLE rows (part int, answer text, weight float8, choices text[], before text,
                   disposition text, c country, cs country_set);
INSERT INTO rows
SELECT 1 + g % 4,
       (ARRAY['yes', 'no', 'intends', NULL, 'café'])[1 + g % 5],
       0.25 * (1 + g % 7),                       -- dyadic weights: every sum is exact
       CASE g % 6 WHEN 0 THEN NULL WHEN 1 THEN '{yes}' WHEN 2 THEN '{yes,no,yes}'
                  WHEN 3 THEN '{no,NULL}' WHEN 4 THEN '{}' ELSE '{intends,café}' END::text[],
       (ARRAY['no', 'yes', NULL])[1 + g % 3],
       (ARRAY['1.1', '1.2', '2.11', '2.20', '2.31', '3.10', '3.20', '4.10', NULL])[1 + g % 9],
       (ARRAY['SEN', 'CIV', 'BEL', 'FRA', NULL, 'PHL', 'MEX'])[1 + g % 7]::country,
       (ARRAY['{SEN,CIV,BEL}', '{SEN,BEL,FRA}', NULL, '{BEL,SEN,USA,CIV}'])[1 + g % 4]::country_set
  FROM generate_series(1, 1000) g;
INSERT INTO rows VALUES (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE parts AS SELECT generate_series(1, 6) AS part;   -- part 5: no rows
-- stored summaries for the rollups: one per (part, answer weight class)
CREATE TABLE summaries AS
SELECT part, answer_agg(answer) AS s, answer_agg(answer, weight) AS sw,
       transition_agg(before, answer) AS t, disposition_agg(disposition) AS d,
       design_agg(answer, coalesce(weight, 1), before, disposition) AS ds
  FROM rows GROUP BY part, weight;
INSERT INTO summaries VALUES (6, NULL, NULL, NULL, NULL, NULL);

-- ---- each aggregate split the way Citus splits it ------------------------------------
-- worker: the transition function over a partition's rows, no final function, the
-- state sent as the type's text; coordinator: the text read back, the combine
-- function over the partial states, then the final function.  Built from the
-- catalog, so the test splits what the aggregate really is.
CREATE TABLE cases (agg regprocedure, args text, tab text);
INSERT INTO cases VALUES
  ('iscm.answer_agg(text)', 'answer', 'dist.rows'),
  ('iscm.answer_agg(text, float8)', 'answer, weight', 'dist.rows'),
  ('iscm.choices_agg(text[])', 'choices', 'dist.rows'),
  ('iscm.choices_agg(text[], float8)', 'choices, weight', 'dist.rows'),
  ('iscm.rollup(iscm.answer_summary)', 's', 'dist.summaries'),
  ('iscm.rollup(iscm.answer_summary)', 'sw', 'dist.summaries'),
  ('iscm.transition_agg(text, text)', 'before, answer', 'dist.rows'),
  ('iscm.transition_agg(text, text, float8)', 'before, answer, coalesce(weight, 1)', 'dist.rows'),
  ('iscm.rollup(iscm.transition_summary)', 't', 'dist.summaries'),
  ('iscm.disposition_agg(text)', 'disposition', 'dist.rows'),
  ('iscm.rollup(iscm.disposition_summary)', 'd', 'dist.summaries'),
  ('iscm.country_set_agg(iscm.country)', 'c', 'dist.rows'),
  ('iscm.union_agg(iscm.country_set)', 'cs', 'dist.rows'),
  ('iscm.intersection_agg(iscm.country_set)', 'cs', 'dist.rows'),
  ('iscm.min(iscm.country)', 'c', 'dist.rows'),
  ('iscm.max(iscm.country)', 'c', 'dist.rows'),
  -- design aggregates: stratum before, PSU disposition, a population size per stratum
  ('iscm.design_agg(text, float8)', 'answer, coalesce(weight, 1)', 'dist.rows'),
  ('iscm.design_agg(text, float8, text, text)', 'answer, coalesce(weight, 1), before, disposition', 'dist.rows'),
  ('iscm.design_agg(text, float8, text, text, float8)',
   'answer, coalesce(weight, 1), before, disposition, CASE WHEN before IS NULL THEN 40 ELSE 300 END::float8', 'dist.rows'),
  ('iscm.design_value_agg(float8, float8)', 'length(answer)::float8, coalesce(weight, 1)', 'dist.rows'),
  ('iscm.design_value_agg(float8, float8, text, text)',
   'length(answer)::float8, coalesce(weight, 1), before, disposition', 'dist.rows'),
  ('iscm.design_value_agg(float8, float8, text, text, float8)',
   'length(answer)::float8, coalesce(weight, 1), before, disposition, CASE WHEN before IS NULL THEN 40 ELSE 300 END::float8', 'dist.rows'),
  ('iscm.design_choices_agg(text[], float8)', 'choices, coalesce(weight, 1)', 'dist.rows'),
  ('iscm.design_choices_agg(text[], float8, text, text)', 'choices, coalesce(weight, 1), before, disposition', 'dist.rows'),
  ('iscm.design_choices_agg(text[], float8, text, text, float8)',
   'choices, coalesce(weight, 1), before, disposition, CASE WHEN before IS NULL THEN 40 ELSE 300 END::float8', 'dist.rows'),
  ('iscm.rollup(iscm.design_summary)', 'ds', 'dist.summaries'),
  ('iscm.design_quantile_agg(float8, float8)', 'length(answer)::float8, coalesce(weight, 1)', 'dist.rows'),
  ('iscm.design_quantile_agg(float8, float8, text, text)',
   'length(answer)::float8, coalesce(weight, 1), before, disposition', 'dist.rows'),
  ('iscm.design_quantile_agg(float8, float8, text, text, float8)',
   'length(answer)::float8, coalesce(weight, 1), before, disposition, CASE WHEN before IS NULL THEN 40 ELSE 300 END::float8', 'dist.rows');
-- every aggregate of iscm has a case
SELECT a.aggfnoid::regprocedure AS aggregate_without_case
  FROM pg_aggregate a
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'iscm')
   AND a.aggfnoid NOT IN (SELECT agg FROM cases);

CREATE FUNCTION split(agg regprocedure, args text, tab text, parts_sql text, OUT direct text, OUT split text)
LANGUAGE plpgsql AS $$
DECLARE
    a pg_aggregate;
    fn text;
    argtypes text := pg_get_function_identity_arguments(agg);
    n text := 'x' || agg::oid;
BEGIN
    SELECT * INTO a FROM pg_aggregate WHERE aggfnoid = agg;
    SELECT format('%I.%I', nspname, proname) INTO fn
      FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE p.oid = agg;
    EXECUTE format('CREATE AGGREGATE dist.%I(%s) (SFUNC = %s, STYPE = %s)',
                   n || '_partial', argtypes, a.aggtransfn::regproc::text, a.aggtranstype::regtype);
    EXECUTE format('CREATE AGGREGATE dist.%I(%s) (SFUNC = %s, STYPE = %s%s)',
                   n || '_combine', a.aggtranstype::regtype, a.aggcombinefn::regproc::text, a.aggtranstype::regtype,
                   CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::regproc::text ELSE '' END);
    EXECUTE format('SELECT (%s(%s))::text FROM %s t', fn, args, tab) INTO direct;
    EXECUTE format('SELECT (dist.%I(p::%s))::text
                      FROM (%s) parts(part),
                           LATERAL (SELECT (dist.%I(%s))::text AS p FROM %s t WHERE t.part = parts.part) partial',
                   n || '_combine', a.aggtranstype::regtype, parts_sql, n || '_partial', args, tab) INTO split;
    EXECUTE format('DROP AGGREGATE dist.%I(%s)', n || '_partial', argtypes);
    EXECUTE format('DROP AGGREGATE dist.%I(%s)', n || '_combine', a.aggtranstype::regtype);
END $$;

-- all six partitions (one empty, one all NULL), then only the empty one; a
-- design_summary's text is its bytes in hex, shown here by size and digest
SELECT c.agg AS aggregate, s.split = s.direct AS same,
       CASE WHEN s.direct ~ '^[0-9a-f]+$' THEN length(s.direct) / 2 || ' bytes, md5 ' || md5(s.direct)
            ELSE s.direct END AS result
  FROM cases c, split(c.agg, c.args, c.tab, 'SELECT part FROM dist.parts') s
 ORDER BY c.agg::text, c.args;
SELECT c.agg AS aggregate, s.split IS NOT DISTINCT FROM s.direct AS same, s.split AS over_no_rows
  FROM cases c, split(c.agg, c.args, '(SELECT * FROM ' || c.tab || ' WHERE false)', 'SELECT 5') s
 ORDER BY c.agg::text, c.args;
-- partitions of a single row each: every partial state a small one
CREATE TABLE rows_each AS
SELECT row_number() OVER (ORDER BY part, answer, weight)::int AS part, answer, weight, choices, before,
       disposition, c, cs
  FROM rows;
CREATE TABLE summaries_each AS
SELECT row_number() OVER (ORDER BY part)::int AS part, s, sw, t, d, ds FROM summaries;
SELECT c.agg AS aggregate, s.split = s.direct AS same
  FROM cases c, split(c.agg, c.args, c.tab || '_each',
                      'SELECT generate_series(1, 1010)') s
 ORDER BY c.agg::text, c.args;

-- ---- partial aggregation inside one server ------------------------------------------
-- partitionwise: each partition's Partial Aggregate hands its state to the
-- Finalize Aggregate in memory (an expanded object, read-only), not flattened
CREATE TABLE rows_p (LIKE rows) PARTITION BY LIST (part);
CREATE TABLE rows_p1 PARTITION OF rows_p FOR VALUES IN (1, 2);
CREATE TABLE rows_p2 PARTITION OF rows_p FOR VALUES IN (3, 4);
CREATE TABLE rows_p3 PARTITION OF rows_p DEFAULT;
INSERT INTO rows_p SELECT * FROM rows;
ANALYZE rows_p;
SET enable_partitionwise_aggregate = on;
SET enable_hashagg = off;
CREATE FUNCTION plan_has(q text, VARIADIC nodes text[]) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN (SELECT bool_and(strpos(plan, n) > 0) FROM unnest(nodes) n);
END $$;
SELECT plan_has('SELECT answer IS NULL, answer_agg(answer, weight), country_set_agg(c) FROM dist.rows_p GROUP BY 1',
                'Finalize', 'Partial', 'Append') AS partitionwise_plan;
SELECT (SELECT array_agg(x ORDER BY k) FROM (SELECT answer IS NULL AS k,
            (answer_agg(answer, weight), choices_agg(choices), transition_agg(before, answer),
             disposition_agg(disposition), country_set_agg(c), union_agg(cs), intersection_agg(cs))::text AS x
          FROM rows_p GROUP BY 1) p)
     = (SELECT array_agg(x ORDER BY k) FROM (SELECT answer IS NULL AS k,
            (answer_agg(answer, weight), choices_agg(choices), transition_agg(before, answer),
             disposition_agg(disposition), country_set_agg(c), union_agg(cs), intersection_agg(cs))::text AS x
          FROM rows GROUP BY 1) r) AS partitionwise_same;
RESET enable_hashagg;
RESET enable_partitionwise_aggregate;
-- parallel: partial states cross the Gather in their stored format
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT plan_has('SELECT answer_agg(answer, weight), intersection_agg(cs) FROM dist.rows',
                'Finalize Aggregate', 'Gather', 'Partial Aggregate') AS parallel_plan;
CREATE TABLE parallel_result AS
SELECT (answer_agg(answer), answer_agg(answer, weight), choices_agg(choices), choices_agg(choices, weight),
        transition_agg(before, answer), disposition_agg(disposition), country_set_agg(c), union_agg(cs),
        intersection_agg(cs))::text AS x
  FROM rows;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
SELECT x = (SELECT (answer_agg(answer), answer_agg(answer, weight), choices_agg(choices), choices_agg(choices, weight),
                    transition_agg(before, answer), disposition_agg(disposition), country_set_agg(c), union_agg(cs),
                    intersection_agg(cs))::text FROM rows) AS parallel_same
  FROM parallel_result;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
-- as window aggregates: the final function reads the growing state, and leaves it be
SELECT part, answer_agg(answer) OVER w AS so_far, intersection_agg(cs) OVER w AS common
  FROM (SELECT part, min(answer) AS answer, min(cs::text)::country_set AS cs FROM rows GROUP BY part) r
WINDOW w AS (ORDER BY part) ORDER BY part;

-- the support functions are for aggregates only
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT answer_agg_final('{"format": 1, "kind": "single", "weighted": false, "respondents": 0, "missing": 0, "counts": {}}');
\echo :LAST_ERROR_SQLSTATE
SELECT union_agg_combine('{FRA}', '{BEL}');
\echo :LAST_ERROR_SQLSTATE

-- ---- the guard: iscm's tables are not read in a query Citus runs on a worker ---------
-- (the application name that Citus 11 and later gives its internal connections)
SET application_name = 'citus_internal gpid=10000000001';
SELECT cardinality(members_on('Khartoum Process', '2015-06-01'));
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM iscm.mechanisms;
SELECT parse_country('Ivory Coast');
SELECT survey_table('GFMD-2008', 'q1');
-- what reads no table of iscm runs
SELECT country_name('CIV'), cardinality('{SEN,CIV}'::country_set), answer_agg(answer) FROM rows WHERE part = 1;
-- a user table in schema iscm (as Citus shards of it would be) is not iscm's
CREATE TABLE iscm.user_table_in_iscm (c country);
INSERT INTO iscm.user_table_in_iscm VALUES ('SEN');
SELECT * FROM iscm.user_table_in_iscm;
DROP TABLE iscm.user_table_in_iscm;
-- other Citus connections (run_command_on_workers, the rebalancer) are the administrator's
SET application_name = 'citus_run_command gpid=10000000001';
SELECT cardinality(members_on('Khartoum Process', '2015-06-01')) > 0 AS read_allowed;
RESET application_name;
SELECT cardinality(members_on('Khartoum Process', '2015-06-01')) > 0 AS read_allowed;

DROP SCHEMA dist CASCADE;
