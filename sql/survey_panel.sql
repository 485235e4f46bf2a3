-- transition_agg: panel transitions of the same States between two rounds.
CREATE SCHEMA survey_panel_test;
SET search_path = survey_panel_test, public;

-- 53 States answered in 2007 and 2008 whether they have a national policy plan;
-- two did not answer in 2008 and one not in 2007.
CREATE TABLE panel (state int, y2007 text, y2008 text);
INSERT INTO panel
SELECT g,
       CASE WHEN g = 53 THEN NULL WHEN g <= 9 THEN 'yes' WHEN g <= 40 THEN 'no' ELSE 'intends' END,
       CASE WHEN g IN (51, 52) THEN NULL
            WHEN g <= 8 THEN 'yes'             -- 8 kept yes, State 9 moved to no
            WHEN g = 9 THEN 'no'
            WHEN g <= 15 THEN 'yes'            -- six States that answered no answered yes
            WHEN g <= 40 THEN 'no'
            WHEN g <= 44 THEN 'yes' ELSE 'intends' END
  FROM generate_series(1, 53) g;

SELECT iscm.transition_agg(y2007, y2008) FROM panel;
SELECT * FROM iscm.transitions((SELECT iscm.transition_agg(y2007, y2008) FROM panel));
SELECT iscm.pairs(t), round((d).estimate::numeric, 4) AS change, round((d).lower::numeric, 4) AS lower,
       round((d).upper::numeric, 4) AS upper, (d).method,
       round(iscm.mcnemar(t, 'yes')::numeric, 6) AS exact_p,
       round(iscm.mcnemar(t, 'yes', 'mid_p')::numeric, 6) AS mid_p
  FROM (SELECT iscm.transition_agg(y2007, y2008) AS t FROM panel) q,
       LATERAL (SELECT iscm.paired_difference(t, 'yes') AS d) p;
-- the same table by plain SQL (complete pairs only)
SELECT count(*) FILTER (WHERE y2007 = 'yes' AND y2008 = 'yes') AS yes_yes,
       count(*) FILTER (WHERE y2007 = 'yes' AND y2008 <> 'yes') AS yes_no,
       count(*) FILTER (WHERE y2007 <> 'yes' AND y2008 = 'yes') AS no_yes,
       count(*) FILTER (WHERE y2007 <> 'yes' AND y2008 <> 'yes') AS no_no
  FROM panel;

-- edge cases: zero rows, a category given in neither round (an error: 'maybe'
-- could be a typo), no complete pairs, no discordant pairs
SELECT iscm.transition_agg(y2007, y2008) FROM panel WHERE false;
SELECT m, iscm.mcnemar(t, 'maybe', m) FROM (SELECT iscm.transition_agg(y2007, y2008) AS t FROM panel) q,
       unnest(ARRAY['asymptotic', 'corrected', 'exact', 'mid_p']) m;
SELECT (iscm.paired_difference(t, 'maybe')).* FROM (SELECT iscm.transition_agg(y2007, y2008) AS t FROM panel) q;
SELECT (iscm.paired_difference(t, 'yes')).*, iscm.pairs(t)
  FROM (SELECT iscm.transition_agg(y2007, NULL) AS t FROM panel) q;
SELECT m, iscm.mcnemar(t, 'yes', m) AS no_discordant_pairs FROM (SELECT iscm.transition_agg(y2007, y2007) AS t FROM panel) q,
       unnest(ARRAY['asymptotic', 'corrected', 'exact', 'mid_p']) m;
SELECT iscm.mcnemar(iscm.transition_agg(a, a), 'yes', 'asymptotic') FROM (VALUES ('yes'), ('no')) v(a);
SELECT iscm.mcnemar(t, 'yes', 'nonsense') FROM (SELECT iscm.transition_agg(y2007, y2008) AS t FROM panel) q;
SELECT iscm.paired_difference(t, 'yes', 1.2) FROM (SELECT iscm.transition_agg(y2007, y2008) AS t FROM panel) q;

-- rollup over any grouping equals the direct aggregate; parallel equals serial
CREATE TABLE big AS
SELECT g AS id, (ARRAY['yes', 'no', 'intends'])[1 + g % 3] AS before,
       CASE WHEN g % 29 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'intends', 'no'])[1 + (g / 3) % 4] END AS after
  FROM generate_series(1, 60000) g;
ANALYZE big;
CREATE TABLE direct AS SELECT iscm.transition_agg(before, after)::text AS t FROM big;
SELECT k AS grouping,
       (SELECT iscm.rollup(t)::text FROM (SELECT iscm.transition_agg(before, after) AS t FROM big GROUP BY id % k) q)
         = (SELECT t FROM direct) AS equal
  FROM unnest(ARRAY[1, 2, 7, 1000]) k;
SELECT iscm.rollup(t)::text = (SELECT t FROM direct) AS nulls_skipped
  FROM (SELECT t::iscm.transition_summary FROM direct UNION ALL SELECT NULL) q(t);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT iscm.transition_agg(before, after) FROM big;
SELECT iscm.transition_agg(before, after)::text = (SELECT t FROM direct) AS parallel_equals_serial FROM big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- text and JSON forms round-trip; bad text is rejected
SELECT t::iscm.transition_summary::text = t AS text_round_trip,
       iscm.to_jsonb(t::iscm.transition_summary)::text::iscm.transition_summary::text = t AS jsonb_round_trip
  FROM direct;
SELECT '{"format": 1, "transitions": [["yes", "no", 2], [null, "yes", 1], ["yes", "no", 1]]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [["yes", "no"]]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [["yes", 3, 1]]}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [["yes", "no", 0]]}'::iscm.transition_summary;
SELECT '{"format": 1}'::iscm.transition_summary;
SELECT '{"format": 1, "transitions": [], "x": 1}'::iscm.transition_summary;
-- binary round trip
CREATE TABLE stored (id int, t iscm.transition_summary);
INSERT INTO stored SELECT id % 5, iscm.transition_agg(before, after) FROM big GROUP BY id % 5;
CREATE TABLE restored (LIKE stored);
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CALL pg_temp.copy_binary_round_trip('stored', 'restored');
SELECT count(*) AS rows, count(*) FILTER (WHERE s.t::text = r.t::text) AS equal
  FROM stored s JOIN restored r USING (id);

DROP SCHEMA survey_panel_test CASCADE;
