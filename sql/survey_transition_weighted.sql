-- transition_agg(before, after, weight): weighted panel transitions.  The
-- cells keep the sum of their respondents' weights beside the count; the
-- weighted flows are estimates (cells); McNemar's test and Newcombe's paired
-- interval are refused, as weighted counts are not counts of sampled pairs.
CREATE SCHEMA survey_transition_weighted_test;
SET search_path = survey_transition_weighted_test, public;
\set VERBOSITY default

-- 40 respondents with dyadic weights (every sum exact), a few missing a round
CREATE TABLE panel (id int, before text, after text, w float8, stratum text);
INSERT INTO panel
SELECT g,
       CASE WHEN g % 13 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'intends'])[1 + g % 3] END,
       CASE WHEN g % 17 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'no', 'yes', 'intends'])[1 + g % 5] END,
       0.25 * (1 + g % 6),
       (ARRAY['north', 'south'])[1 + g % 2]
  FROM generate_series(1, 40) g;
CREATE TABLE t AS
SELECT iscm.transition_agg(before, after, w) AS tw, iscm.transition_agg(before, after) AS tu FROM panel;

SELECT tw FROM t;
SELECT iscm.weighted(tw) AS weighted, iscm.weighted(tu) AS unweighted_is_weighted,
       iscm.pairs(tw) AS pairs, iscm.pairs(tw) = iscm.pairs(tu) AS pairs_count_respondents
  FROM t;
-- transitions() counts respondents in both kinds
SELECT ARRAY(SELECT iscm.transitions(tw)) = ARRAY(SELECT iscm.transitions(tu)) AS same_counts FROM t;
-- cells: the weights and the weighted shares of the complete pairs ...
SELECT * FROM iscm.cells((SELECT tw FROM t));
-- ... equal to plain SQL over the rows
SELECT c.before, c.after, c.count = coalesce(s.n, 0) AS count_ok, c.weight = coalesce(s.w, 0) AS weight_ok,
       c.share IS NOT DISTINCT FROM s.share AS share_ok
  FROM iscm.cells((SELECT tw FROM t)) c
  LEFT JOIN (SELECT before, after, count(*) AS n, sum(w) AS w,
                    CASE WHEN before IS NOT NULL AND after IS NOT NULL
                         THEN sum(w) / (SELECT sum(w) FROM panel WHERE before IS NOT NULL AND after IS NOT NULL) END AS share
               FROM panel GROUP BY before, after) s
    ON c.before IS NOT DISTINCT FROM s.before AND c.after IS NOT DISTINCT FROM s.after
 WHERE NOT (c.count = coalesce(s.n, 0) AND c.weight = coalesce(s.w, 0) AND c.share IS NOT DISTINCT FROM coalesce(s.share, CASE WHEN c.share IS NOT NULL THEN 0 END));
SELECT count(*) AS cells, sum(count) AS respondents, sum(weight) = (SELECT sum(coalesce(w, 0)) FROM panel) AS weights_add_up,
       sum(share) AS shares_of_pairs
  FROM iscm.cells((SELECT tw FROM t));

-- the tests refuse a weighted summary, with the design-based route in the hint
SELECT iscm.mcnemar(tw, 'yes') FROM t;
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.paired_difference(tw, 'yes') FROM t;
\echo :LAST_ERROR_SQLSTATE
-- that route: the mean of d = [after = c] - [before = c] (NULL, outside the
-- domain, when a round is missing) is the weighted change the cells give,
-- with its design-based SE
SELECT round(iscm.mean(d)::numeric, 12) AS design_change,
       round(((SELECT sum(weight) FROM iscm.cells(tw) WHERE before <> 'yes' AND after = 'yes')
              - (SELECT sum(weight) FROM iscm.cells(tw) WHERE before = 'yes' AND after <> 'yes'))::numeric
             / (SELECT sum(weight) FROM iscm.cells(tw) WHERE before IS NOT NULL AND after IS NOT NULL)::numeric, 12) AS cells_change,
       iscm.mean_se(d) > 0 AS has_se
  FROM t, (SELECT iscm.design_value_agg(((after = 'yes')::int - (before = 'yes')::int)::float8, w, stratum, id::text) AS d
             FROM panel) q;

-- weights are checked as answer_agg checks them (same messages and SQLSTATE)
SELECT iscm.transition_agg(b, a, w) FROM (VALUES ('yes', 'no', -1::float8)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.transition_agg(b, a, w) FROM (VALUES ('yes', NULL, 'NaN'::float8)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.transition_agg(b, a, w) FROM (VALUES (NULL, 'no', 'Infinity'::float8)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.transition_agg(b, a, w) FROM (VALUES (NULL, 'no', NULL::float8)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.answer_agg(a, w) FROM (VALUES ('no', NULL::float8)) v(a, w);
-- neither round answered: the weight may be NULL (counted as 0); one that is
-- given is checked; 0 and -0 are 0
SELECT iscm.transition_agg(b, a, w) FROM (VALUES (NULL, NULL, NULL::float8), (NULL, NULL, 2), ('yes', 'yes', '-0')) v(b, a, w);
SELECT iscm.transition_agg(b, a, w) FROM (VALUES (NULL::text, NULL::text, -2::float8)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
-- weights whose sum is not a finite double
SELECT iscm.transition_agg(b, a, w) FROM (VALUES ('yes', 'no', 1e308::float8), ('yes', 'no', 1e308)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.transition_agg(b, a, w) FROM (VALUES ('yes', 'no', 1e308::float8), ('no', 'no', 1e308)) v(b, a, w);
\echo :LAST_ERROR_SQLSTATE

-- zero rows: an empty weighted summary, not NULL
SELECT iscm.transition_agg(before, after, w), iscm.weighted(iscm.transition_agg(before, after, w)) FROM panel WHERE false;
-- all weights 0: the counts stand, the shares are NULL
SELECT * FROM iscm.cells((SELECT iscm.transition_agg(b, a, 0) FROM (VALUES ('yes', 'no')) v(b, a)));

-- rollup: weighted with weighted; weighted with unweighted refused (both with
-- pairs); an empty summary of either kind goes with any
SELECT iscm.rollup(tw)::text = (SELECT tw::text FROM t) AS rollup_of_one,
       (SELECT iscm.rollup(s) FROM (SELECT iscm.transition_agg(before, after, w) AS s FROM panel GROUP BY id % 7) q)::text
         = (SELECT tw::text FROM t) AS rollup_of_groups
  FROM t;
SELECT iscm.rollup(s) FROM (SELECT tw FROM t UNION ALL SELECT tu FROM t) q(s);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.rollup(s) FROM (SELECT tu FROM t UNION ALL SELECT tw FROM t) q(s);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.rollup(s)::text = (SELECT tw::text FROM t) AS empty_unweighted_goes_with_weighted
  FROM (SELECT tw FROM t UNION ALL SELECT iscm.transition_agg(NULL, NULL) FROM panel WHERE false) q(s);
SELECT iscm.rollup(s)::text = (SELECT tu::text FROM t) AS empty_weighted_goes_with_unweighted
  FROM (SELECT iscm.transition_agg(NULL, NULL, 1) FROM panel WHERE false UNION ALL SELECT tu FROM t) q(s);
SELECT iscm.rollup(s) AS two_empty FROM (SELECT iscm.transition_agg(NULL, NULL, 1) FROM panel WHERE false
                                        UNION ALL SELECT iscm.transition_agg(NULL, NULL) FROM panel WHERE false) q(s);
-- with_categories keeps the weights
SELECT iscm.with_categories(tw, '{maybe}') FROM t;

-- split as Citus splits it: the transition function over each partition, the
-- state through its text form, the combine function on the coordinator, then
-- the final function; equal to the direct aggregate, also over no rows
CREATE FUNCTION split(agg regprocedure, args text, tab text, parts_sql text, OUT direct text, OUT split text)
LANGUAGE plpgsql AS $$
DECLARE
    a pg_aggregate;
    fn text;
    argtypes text := pg_get_function_identity_arguments(agg);
BEGIN
    SELECT * INTO a FROM pg_aggregate WHERE aggfnoid = agg;
    SELECT format('%I.%I', nspname, proname) INTO fn
      FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE p.oid = agg;
    EXECUTE format('CREATE AGGREGATE pg_temp.partial(%s) (SFUNC = %s, STYPE = %s)',
                   argtypes, a.aggtransfn::regproc::text, a.aggtranstype::regtype);
    EXECUTE format('CREATE AGGREGATE pg_temp.combine(%s) (SFUNC = %s, STYPE = %s, FINALFUNC = %s)',
                   a.aggtranstype::regtype, a.aggcombinefn::regproc::text, a.aggtranstype::regtype,
                   a.aggfinalfn::regproc::text);
    EXECUTE format('SELECT (%s(%s))::text FROM %s t', fn, args, tab) INTO direct;
    EXECUTE format('SELECT (pg_temp.combine(p::%s))::text
                      FROM (%s) parts(part),
                           LATERAL (SELECT (pg_temp.partial(%s))::text AS p FROM %s t WHERE t.part = parts.part) partial',
                   a.aggtranstype::regtype, parts_sql, args, tab) INTO split;
    EXECUTE format('DROP AGGREGATE pg_temp.partial(%s)', argtypes);
    EXECUTE format('DROP AGGREGATE pg_temp.combine(%s)', a.aggtranstype::regtype);
END $$;
CREATE TABLE rows AS SELECT 1 + id % 4 AS part, * FROM panel;
INSERT INTO rows VALUES (6, 99, NULL, NULL, NULL, NULL);   -- part 5: no rows; part 6: neither round answered
CREATE TABLE summaries AS
SELECT part, iscm.transition_agg(before, after, w) AS s FROM rows GROUP BY part, w;
INSERT INTO summaries VALUES (6, NULL);
INSERT INTO summaries SELECT 7, iscm.with_categories(iscm.transition_agg(NULL, NULL, 1), '{maybe}') FROM rows WHERE false;
SELECT a.agg AS aggregate, c.combinefn, s.split = s.direct AS same, s.direct IS NOT NULL AS not_null
  FROM (VALUES ('iscm.transition_agg(text, text, float8)'::regprocedure, 'before, after, w', 'rows'),
               ('iscm.rollup(iscm.transition_summary)', 's', 'summaries')) a(agg, args, tab),
       LATERAL (SELECT aggcombinefn::regproc AS combinefn FROM pg_aggregate WHERE aggfnoid = a.agg) c,
       LATERAL split(a.agg, a.args, a.tab, 'SELECT generate_series(1, 7)') s;
SELECT a.agg AS aggregate, s.split = s.direct AS same, s.split AS over_no_rows
  FROM (VALUES ('iscm.transition_agg(text, text, float8)'::regprocedure, 'before, after, w', 'rows')) a(agg, args, tab),
       LATERAL split(a.agg, a.args, '(SELECT * FROM rows WHERE false)', 'SELECT 5') s;
-- the state type is the summary, with a combine function, parallel safe
SELECT a.aggfnoid::regprocedure, a.aggtranstype::regtype, a.aggcombinefn <> 0 AS has_combine, p.proparallel
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE a.aggfnoid = 'iscm.transition_agg(text, text, float8)'::regprocedure;

-- parallel equals serial
CREATE TABLE big AS
SELECT g AS id, (ARRAY['yes', 'no', 'intends'])[1 + g % 3] AS before,
       CASE WHEN g % 29 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'intends', 'no'])[1 + (g / 3) % 4] END AS after,
       0.125 * (g % 9) AS w
  FROM generate_series(1, 60000) g;
ANALYZE big;
CREATE TABLE direct AS SELECT iscm.transition_agg(before, after, w)::text AS t FROM big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT iscm.transition_agg(before, after, w) FROM big;
SELECT iscm.transition_agg(before, after, w)::text = (SELECT t FROM direct) AS parallel_equals_serial FROM big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- text form: round trips; bad weighted text is refused
SELECT t::iscm.transition_summary::text = t AS text_round_trip,
       iscm.to_jsonb(t::iscm.transition_summary)::text::iscm.transition_summary::text = t AS jsonb_round_trip
  FROM direct;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 2, 1.5], [null, "a", 1, 0]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": false, "transitions": [["a", "b", 2]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 2, -0]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 2]]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [["a", "b", 2, 1.5]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 2, -1]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 2, "x"]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": true, "transitions": [["a", "b", 1, 1e308], ["b", "b", 1, 1e308]]}'::iscm.transition_summary;
SELECT '{"format": 1, "weighted": "yes", "transitions": []}'::iscm.transition_summary;

-- binary: the weighted byte form (flags 2, each cell followed by its f64
-- weight), and a round trip through COPY (FORMAT binary)
SELECT iscm.transition_summary_send('{"format": 1, "weighted": true, "transitions": [["a", "b", 2, 1.5]]}');
CREATE TABLE stored (id int, t iscm.transition_summary);
INSERT INTO stored SELECT id % 5, iscm.transition_agg(before, after, w) FROM big GROUP BY id % 5;
INSERT INTO stored SELECT 5, iscm.with_categories(iscm.transition_agg(NULL, NULL, 1), '{x}') FROM big WHERE false;
CREATE TABLE restored (LIKE stored);
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CALL pg_temp.copy_binary_round_trip('stored', 'restored');
SELECT count(*) AS rows, count(*) FILTER (WHERE s.t::text = r.t::text) AS equal
  FROM stored s JOIN restored r USING (id);

-- values stored before weights and declared categories existed read as they
-- did: the text form, and the bytes of format 1 with flags 0 (version 1,
-- flags 0, 2 categories, 4 cells; "no" at 0 and "yes" at 2; cells (-, no, 2),
-- (no, yes, 6), (yes, no, 1), (yes, yes, 8)), received by binary COPY
CREATE FUNCTION pg_temp.receive(payload bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    f text := 'iscm_transition_weighted_' || pg_backend_pid() || '.bin';
    lo oid := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                               || '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea);
    result text;
BEGIN
    PERFORM lo_export(lo, f);
    PERFORM lo_unlink(lo);
    CREATE TEMP TABLE incoming (s iscm.transition_summary);
    EXECUTE format('COPY incoming FROM PROGRAM %L (FORMAT binary)', 'cat ' || f || ' && rm ' || f);
    SELECT s::text INTO result FROM incoming;
    DROP TABLE incoming;
    RETURN result;
END $$;
CREATE TABLE old (t iscm.transition_summary);
INSERT INTO old VALUES ('{"format": 1, "transitions": [["no", "yes", 6], ["yes", "no", 1], ["yes", "yes", 8], [null, "no", 2]]}'),
                       (pg_temp.receive('\x0100'::bytea || '\x00000002' || '\x00000004'
                                        || '\x0000000000000002' || '\x0000000200000003'
                                        || '\x00000000000000010000000000000002' || '\x00000001000000020000000000000006'
                                        || '\x00000002000000010000000000000001' || '\x00000002000000020000000000000008'
                                        || convert_to('noyes', 'UTF8'))::iscm.transition_summary);
SELECT t, iscm.weighted(t), iscm.pairs(t), round(iscm.mcnemar(t, 'yes')::numeric, 6) AS p,
       (iscm.paired_difference(t, 'yes')).estimate,
       encode(iscm.transition_summary_send(t), 'hex') AS bytes_as_stored
  FROM old;

DROP SCHEMA survey_transition_weighted_test CASCADE;
