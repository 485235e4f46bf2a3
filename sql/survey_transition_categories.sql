-- with_categories on transition summaries: a category nobody chose in either
-- round is a known zero once declared, in mcnemar, paired_difference and
-- cells, as in an answer summary; undeclared it stays an error (a typo).
CREATE SCHEMA survey_transition_categories_test;
SET search_path = survey_transition_categories_test, public;
\set VERBOSITY default

-- 12 States, asked in two rounds whether they have a policy: yes, no or
-- intends; nobody answered 'intends' in either round.
CREATE TABLE panel (state int, r1 text, r2 text);
INSERT INTO panel
SELECT g, CASE WHEN g <= 5 THEN 'yes' WHEN g <= 11 THEN 'no' END,
          CASE WHEN g <= 3 THEN 'yes' WHEN g <= 6 THEN 'no' WHEN g <= 10 THEN 'yes' WHEN g = 11 THEN NULL ELSE 'no' END
  FROM generate_series(1, 12) g;
CREATE TABLE t AS
SELECT iscm.transition_agg(r1, r2) AS plain,
       iscm.with_categories(iscm.transition_agg(r1, r2), '{yes,no,intends}') AS declared
  FROM panel;

-- undeclared: refused, with a hint on declaring
SELECT iscm.mcnemar(plain, 'intends') FROM t;
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.paired_difference(plain, 'intends') FROM t;
\echo :LAST_ERROR_SQLSTATE
-- declared: nobody chose it before or after, so no discordant pair (P = 1)
-- and a change of 0 with Newcombe's interval over the complete pairs
SELECT m, iscm.mcnemar(declared, 'intends', m) AS p
  FROM t, unnest(ARRAY['asymptotic', 'corrected', 'exact', 'mid_p']) m;
SELECT (iscm.paired_difference(declared, 'intends')).*, iscm.pairs(declared) FROM t;
-- the interval is that of any category with no pair in it
SELECT iscm.paired_difference(declared, 'intends') = iscm.paired_difference(iscm.with_categories(plain, '{other}'), 'other')
       AS same_as_any_zero_category FROM t;
-- declaring changes nothing else: the figures of the given categories are equal
SELECT iscm.mcnemar(plain, 'yes') = iscm.mcnemar(declared, 'yes') AS same_p,
       iscm.paired_difference(plain, 'yes') = iscm.paired_difference(declared, 'yes') AS same_change,
       iscm.pairs(plain) = iscm.pairs(declared) AS same_pairs,
       ARRAY(SELECT iscm.transitions(plain)) = ARRAY(SELECT iscm.transitions(declared)) AS same_transitions
  FROM t;
-- the declared category in both rounds of the full table, with zeros
SELECT * FROM iscm.cells((SELECT declared FROM t));
-- the table by plain SQL, for the cells that have respondents
SELECT r1, r2, count(*),
       CASE WHEN r1 IS NOT NULL AND r2 IS NOT NULL
            THEN count(*)::float8 / (SELECT count(*) FROM panel WHERE r1 IS NOT NULL AND r2 IS NOT NULL) END AS share
  FROM panel GROUP BY r1, r2 ORDER BY r1 NULLS FIRST, r2 NULLS FIRST;
SELECT count(*) AS cells, sum(count) AS respondents, sum(share) AS shares_of_pairs
  FROM iscm.cells((SELECT declared FROM t));

-- the text form lists it under "declared"; text, jsonb and binary round trips keep it
SELECT declared FROM t;
SELECT iscm.to_jsonb(declared) FROM t;
SELECT declared::text::iscm.transition_summary::text = declared::text AS text_round_trip,
       iscm.to_jsonb(declared)::text::iscm.transition_summary::text = declared::text AS jsonb_round_trip
  FROM t;
CREATE TABLE stored (id int, t iscm.transition_summary);
INSERT INTO stored SELECT 1, declared FROM t UNION ALL SELECT 2, plain FROM t
  UNION ALL SELECT 3, iscm.with_categories(iscm.transition_agg(NULL, NULL), '{a,b,c}') FROM panel WHERE false;
CREATE TABLE restored (LIKE stored);
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CALL pg_temp.copy_binary_round_trip('stored', 'restored');
SELECT s.id, s.t::text = r.t::text AS equal, r.t FROM stored s JOIN restored r USING (id) ORDER BY id;

-- declaring: categories already there are kept as they are, duplicates once,
-- nothing new returns the same value; NULL is refused
SELECT iscm.with_categories(plain, '{intends,yes,intends,""}') FROM t;
SELECT iscm.with_categories(plain, '{yes,no}')::text = plain::text AS unchanged,
       iscm.with_categories(plain, '{}')::text = plain::text AS empty_array_unchanged FROM t;
SELECT iscm.with_categories(iscm.with_categories(plain, '{a}'), '{b}')::text
       = iscm.with_categories(plain, '{b,a}')::text AS declared_twice_same FROM t;
SELECT iscm.with_categories(plain, '{intends,NULL}') FROM t;
\echo :LAST_ERROR_SQLSTATE
-- text input: "declared" may name categories the cells name too; it must be
-- an array of strings
SELECT '{"format": 1, "transitions": [["a", "b", 2]], "declared": ["c", "a", "c"]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [], "declared": ["only"]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [], "declared": "c"}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [], "declared": [null]}'::iscm.transition_summary;

-- rollup keeps declared categories (also from a summary of zero rows), and
-- gives the same summary however the rows are grouped
SELECT iscm.rollup(s) FROM (SELECT plain FROM t UNION ALL
                            SELECT iscm.with_categories(iscm.transition_agg(r1, r2), '{intends}') FROM panel WHERE false) q(s);
SELECT k AS grouping,
       (SELECT iscm.rollup(iscm.with_categories(s, '{intends}'))::text
          FROM (SELECT iscm.transition_agg(r1, r2) AS s FROM panel GROUP BY state % k) q)
         = (SELECT declared::text FROM t) AS equal
  FROM unnest(ARRAY[1, 2, 5, 12]) k;

-- rollup split as Citus splits it (the state through its text form, combined
-- on the coordinator, then the final function) keeps declared categories,
-- also of partial states that carry only a declaration
CREATE AGGREGATE pg_temp.rollup_partial(iscm.transition_summary) (
    SFUNC = iscm.transition_rollup_trans, STYPE = iscm.transition_summary);
CREATE AGGREGATE pg_temp.rollup_combine(iscm.transition_summary) (
    SFUNC = iscm.transition_summary_combine, STYPE = iscm.transition_summary,
    FINALFUNC = iscm.transition_agg_final);
CREATE TABLE summaries AS
SELECT state % 3 AS part,
       CASE WHEN state % 2 = 0 THEN iscm.with_categories(iscm.transition_agg(r1, r2), '{intends}')
            ELSE iscm.transition_agg(r1, r2) END AS s
  FROM panel GROUP BY state % 3, state % 2;
INSERT INTO summaries VALUES (3, iscm.with_categories('{"format": 1, "transitions": []}'::iscm.transition_summary, '{never}')), (4, NULL);
SELECT (SELECT pg_temp.rollup_combine(p::iscm.transition_summary)::text
          FROM (SELECT pg_temp.rollup_partial(s)::text AS p FROM summaries GROUP BY part) partials)
       = (SELECT iscm.rollup(s)::text FROM summaries) AS split_equals_direct,
       (SELECT iscm.rollup(s) FROM summaries) AS direct;

DROP SCHEMA survey_transition_categories_test CASCADE;
