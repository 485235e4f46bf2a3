-- answer_agg / choices_agg / rollup: semantics, weights, edge cases, parallel
-- plans, rollup associativity, text and binary round trips.
CREATE SCHEMA survey_agg_test;
SET search_path = survey_agg_test, public;

-- 60 States answer one item in 3 rounds; weights are exact binary fractions
-- so that sums do not depend on the order of addition.
CREATE TABLE answers AS
SELECT g AS state, r AS round,
       CASE WHEN (g * 7 + r) % 11 = 0 THEN NULL
            WHEN (g + r) % 3 = 0 THEN 'yes'
            WHEN (g + r) % 3 = 1 THEN 'no'
            ELSE 'intends to within three years' END AS answer,
       0.5 + ((g * r) % 4) * 0.25 AS weight,
       CASE WHEN g % 9 = 0 THEN NULL
            WHEN g % 4 = 0 THEN '{}'::text[]
            ELSE (ARRAY['GFMD', 'Budapest Process', 'Rabat Process', 'Colombo Process'])[1 : 1 + g % 4] END AS forums
  FROM generate_series(1, 60) g, generate_series(1, 3) r;

-- 1. Single choice
SELECT iscm.answer_agg(answer) FROM answers WHERE round = 1;
SELECT round, iscm.respondents(s), iscm.missing(s), iscm.total(s), iscm.count(s, 'yes'),
       round(iscm.share(s, 'yes')::numeric, 4) AS share_yes, iscm.mode(s), iscm.describe(s, 'yes'),
       iscm.weighted(s), iscm.multiple_choice(s), iscm.effective_n(s)
  FROM (SELECT round, iscm.answer_agg(answer) AS s FROM answers GROUP BY round) q ORDER BY round;
SELECT * FROM iscm.categories((SELECT iscm.answer_agg(answer) FROM answers WHERE round = 1));
-- a category nobody gave, declared: count 0, share 0, interval from 0 successes
-- (undeclared it is an error: see survey_audit)
SELECT iscm.count(s, 'maybe'), iscm.share(s, 'maybe'), iscm.describe(s, 'maybe'),
       iscm.ci_lower(s, 'maybe'), round(iscm.ci_upper(s, 'maybe', 'clopper_pearson')::numeric, 6)
  FROM (SELECT iscm.with_categories(iscm.answer_agg(answer), '{yes,no,maybe}') AS s FROM answers WHERE round = 1) q;
-- the same figures by plain SQL
SELECT count(answer) AS respondents, count(*) - count(answer) AS missing,
       count(*) FILTER (WHERE answer = 'yes') AS yes
  FROM answers WHERE round = 1;

-- 2. Zero rows, all missing, 0 and n successes
SELECT iscm.answer_agg(answer) AS zero_rows, iscm.answer_agg(answer, weight) AS zero_rows_weighted,
       iscm.choices_agg(forums) AS zero_rows_choices
  FROM answers WHERE false;
SELECT iscm.respondents(s), iscm.missing(s), iscm.share(s, 'yes'), iscm.mode(s), iscm.describe(s, 'yes'),
       (iscm.ci(s, 'yes')).*
  FROM (SELECT iscm.with_categories(iscm.answer_agg(NULL::text), '{yes,no}') AS s FROM generate_series(1, 5)) q;
SELECT iscm.describe(s, 'yes'), (iscm.ci(s, 'yes', 'clopper_pearson')).*
  FROM (SELECT iscm.answer_agg('yes') AS s FROM generate_series(1, 10)) q;
SELECT iscm.describe(s, 'yes'), (iscm.ci(s, 'yes', 'jeffreys')).*
  FROM (SELECT iscm.with_categories(iscm.answer_agg('no'), '{yes,no}') AS s FROM generate_series(1, 10)) q;
SELECT method, iscm.ci_lower(s, 'yes', method) AS lower_at_n, iscm.ci_upper(s, 'yes', method) AS upper_at_n
  FROM (SELECT iscm.answer_agg('yes') AS s FROM generate_series(1, 10)) q,
       unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald', 'logit']) method;

-- 3. Weights: weighted share and Kish effective n equal their definitions
WITH plain AS (SELECT sum(weight) FILTER (WHERE answer = 'yes') / sum(weight) FILTER (WHERE answer IS NOT NULL) AS share,
                      sum(weight) FILTER (WHERE answer IS NOT NULL) ^ 2 / sum(weight ^ 2) FILTER (WHERE answer IS NOT NULL) AS kish
                 FROM answers),
     summary AS (SELECT iscm.answer_agg(answer, weight) AS s FROM answers)
SELECT abs(iscm.share(s, 'yes') - share) < 1e-12 AS share_ok, abs(iscm.effective_n(s) - kish) < 1e-9 AS kish_ok,
       round(kish::numeric, 4) AS kish, iscm.weighted(s), iscm.describe(s, 'yes')
  FROM plain, summary;
-- weight 0 is allowed (counted, not weighted); negative, NaN, infinite and NULL are not
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 0.0), ('no', 2.0), ('yes', 1.0)) v(a, w);
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', -1.0)) v(a, w);
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 'NaN'::float8)) v(a, w);
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 'Infinity'::float8)) v(a, w);
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', NULL::float8)) v(a, w);
SELECT iscm.choices_agg(a, w) FROM (VALUES (ARRAY['x'], -0.5)) v(a, w);
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 1e200), ('no', 1.0)) v(a, w);
-- a missing answer needs no weight
SELECT iscm.answer_agg(a, w) FROM (VALUES (NULL, NULL::float8), ('yes', 1.0)) v(a, w);
-- all weights zero: shares are undefined
SELECT iscm.share(s, 'yes'), iscm.effective_n(s), (iscm.ci(s, 'yes')).estimate
  FROM (SELECT iscm.answer_agg('yes', 0.0) AS s) q;

-- 4. Multiple choice: denominator is respondents; '{}' answered none; NULL is missing;
-- a repeated choice counts once; NULL elements are ignored
SELECT iscm.choices_agg(forums) FROM answers WHERE round = 1;
SELECT iscm.choices_agg(c) FROM (VALUES (ARRAY['a', 'b', 'a', NULL]), (ARRAY['b']), ('{}'), (NULL)) v(c);
WITH summary AS (SELECT iscm.choices_agg(forums) AS s FROM answers)
SELECT f AS forum, iscm.count(s, f), round(iscm.share(s, f)::numeric, 4) AS share,
       (SELECT count(*) FROM answers WHERE f = ANY (forums)) AS plain_count,
       round((SELECT count(*) FILTER (WHERE f = ANY (forums))::numeric / count(forums) FROM answers), 4) AS plain_share
  FROM summary, unnest(ARRAY['GFMD', 'Budapest Process', 'Rabat Process', 'Colombo Process']) f
 ORDER BY f;
SELECT iscm.choices_agg(forums, weight) FROM answers WHERE round = 2;

-- many categories (free text): the dictionary grows and switches to hashing
WITH free AS (SELECT 'answer ' || (g * 37) % 500 AS a, 0.5 * (1 + g % 3) AS w FROM generate_series(1, 5000) g),
     summary AS (SELECT iscm.answer_agg(a) AS s, iscm.answer_agg(a, w) AS sw, iscm.choices_agg(ARRAY[a, 'x' || g % 300]) AS sc
                   FROM free, generate_series(1, 1) g)
SELECT (SELECT count(*) FROM iscm.categories(s)) AS categories,
       (SELECT count(DISTINCT a) FROM free) AS plain_distinct,
       (SELECT bool_and(c.count = p.count) FROM iscm.categories(s) c
          JOIN (SELECT a, count(*) FROM free GROUP BY a) p ON p.a = c.category) AS counts_equal,
       (SELECT bool_and(abs(iscm.share(sw, p.a) - p.share) < 1e-12)
          FROM (SELECT a, sum(w) / (SELECT sum(w) FROM free) AS share FROM free GROUP BY a) p) AS weighted_equal,
       iscm.respondents(sc), (SELECT count(*) FROM iscm.categories(sc)) AS choice_categories
  FROM summary;

-- 5. Forced parallel plans equal serial results
CREATE TABLE big AS
SELECT g AS id, g % 50 AS question,
       CASE WHEN g % 13 = 0 THEN NULL ELSE (ARRAY['yes', 'no', 'daily', 'weekly', 'monthly'])[1 + (g / 7) % 5] END AS answer,
       0.25 * (1 + g % 8) AS weight,
       CASE WHEN g % 17 = 0 THEN NULL ELSE (ARRAY['a', 'b', 'c', 'd'])[1 : g % 5] END AS choices
  FROM generate_series(1, 40000) g;
ANALYZE big;
CREATE TABLE serial AS
SELECT question, iscm.answer_agg(answer)::text AS plain, iscm.answer_agg(answer, weight)::text AS weighted,
       iscm.choices_agg(choices)::text AS choices, iscm.choices_agg(choices, weight)::text AS choices_weighted
  FROM big GROUP BY question;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT question, iscm.answer_agg(answer) FROM big GROUP BY question;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE p.plain = s.plain AND p.weighted = s.weighted
                          AND p.choices = s.choices AND p.choices_weighted = s.choices_weighted) AS equal
  FROM (SELECT question, iscm.answer_agg(answer)::text AS plain, iscm.answer_agg(answer, weight)::text AS weighted,
               iscm.choices_agg(choices)::text AS choices, iscm.choices_agg(choices, weight)::text AS choices_weighted
          FROM big GROUP BY question) p JOIN serial s USING (question);
-- without GROUP BY, and rollup in parallel
EXPLAIN (COSTS OFF) SELECT iscm.answer_agg(answer) FROM big;
SELECT (SELECT iscm.answer_agg(answer)::text FROM big) =
       (SELECT iscm.rollup(plain::iscm.answer_summary)::text FROM serial) AS parallel_equals_rollup;
-- force_parallel_mode became debug_parallel_query in PostgreSQL 16
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
SELECT (SELECT iscm.answer_agg(answer, weight)::text FROM big WHERE question < 3) =
       (SELECT iscm.rollup(weighted::iscm.answer_summary)::text FROM serial WHERE question < 3) AS forced_parallel;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS forced;
-- partitionwise aggregation
CREATE TABLE parted (id int, question int, answer text) PARTITION BY HASH (id);
CREATE TABLE parted_0 PARTITION OF parted FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE parted_1 PARTITION OF parted FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE parted_2 PARTITION OF parted FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO parted SELECT id, question, answer FROM big;
ANALYZE parted;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT question, iscm.answer_agg(answer) FROM parted GROUP BY question;
SELECT count(*) FILTER (WHERE p.s = serial.plain) AS equal
  FROM (SELECT question, iscm.answer_agg(answer)::text AS s FROM parted GROUP BY question) p
  JOIN serial USING (question);
RESET enable_partitionwise_aggregate;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- 6. rollup: any grouping gives the direct aggregate (associative, commutative)
CREATE TABLE direct AS
SELECT iscm.answer_agg(answer)::text AS plain, iscm.answer_agg(answer, weight)::text AS weighted,
       iscm.choices_agg(choices)::text AS choices FROM big;
CREATE FUNCTION rollup_equals_direct(grouping_expr text, OUT plain bool, OUT weighted bool, OUT choices bool)
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        WITH parts AS (SELECT %s AS key, iscm.answer_agg(answer) AS p, iscm.answer_agg(answer, weight) AS w,
                              iscm.choices_agg(choices) AS c
                         FROM survey_agg_test.big GROUP BY 1)
        SELECT iscm.rollup(p ORDER BY key DESC)::text = d.plain,
               iscm.rollup(w ORDER BY key)::text = d.weighted,
               iscm.rollup(c ORDER BY md5(key::text))::text = d.choices
          FROM parts, survey_agg_test.direct d GROUP BY d.plain, d.weighted, d.choices$q$, grouping_expr)
      INTO plain, weighted, choices;
END $$;
SELECT g AS grouping, (rollup_equals_direct(g)).*
  FROM unnest(ARRAY['id % 2', 'id % 7', 'question', 'answer', 'id % 1000', '0', 'id % 5000']) g;
-- nested: rollups of rollups over a coarser grouping
WITH fine AS (SELECT id % 100 AS k, iscm.answer_agg(answer, weight) AS s FROM big GROUP BY 1),
     mid AS (SELECT k % 7 AS k, iscm.rollup(s) AS s FROM fine GROUP BY 1),
     top AS (SELECT iscm.rollup(s ORDER BY k DESC) AS s FROM mid)
SELECT top.s::text = direct.weighted AS nested_rollup FROM top, direct;
-- NULL summaries are skipped; zero summaries give an empty summary; an empty summary is neutral
SELECT iscm.rollup(s)::text = (SELECT plain FROM direct) AS nulls_skipped
  FROM (SELECT plain::iscm.answer_summary AS s FROM direct UNION ALL SELECT NULL UNION ALL SELECT NULL) q;
SELECT iscm.rollup(s) FROM (SELECT NULL::iscm.answer_summary AS s WHERE false) q;
SELECT iscm.rollup(s) FROM (VALUES (NULL::iscm.answer_summary)) q(s);
SELECT iscm.rollup(s)::text = (SELECT weighted FROM direct) AS empty_is_neutral
  FROM (SELECT weighted::iscm.answer_summary AS s FROM direct
        UNION ALL SELECT iscm.answer_agg(answer) FROM big WHERE false) q;
-- different kinds cannot be merged
SELECT iscm.rollup(s) FROM (SELECT plain::iscm.answer_summary FROM direct
                            UNION ALL SELECT weighted::iscm.answer_summary FROM direct) q(s);
SELECT iscm.rollup(s) FROM (SELECT plain::iscm.answer_summary FROM direct
                            UNION ALL SELECT choices::iscm.answer_summary FROM direct) q(s);

-- 7. Text form round trip; corrupted text is rejected with what was expected
SELECT count(*) AS summaries,
       count(*) FILTER (WHERE plain::iscm.answer_summary::text = plain
                          AND weighted::iscm.answer_summary::text = weighted
                          AND choices::iscm.answer_summary::text = choices) AS round_trip
  FROM serial;
SELECT iscm.to_jsonb(iscm.answer_agg(answer, weight)) FROM answers WHERE round = 3;
SELECT iscm.to_jsonb(s)::text::iscm.answer_summary::text = s::text AS jsonb_round_trip
  FROM (SELECT iscm.answer_agg(answer, weight) AS s FROM big) q;
-- special characters in categories
SELECT iscm.answer_agg(a)::text::iscm.answer_summary
  FROM (VALUES (E'quote " and \\ backslash'), ('ünïcödé'), (''), (E'tab\there')) v(a);
SELECT '{"format": 2, "kind": "single", "weighted": false, "respondents": 0, "missing": 0, "counts": {}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 3, "missing": 0, "counts": {"a": 2}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "multiple", "weighted": false, "respondents": 1, "missing": 0, "counts": {"a": 2}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 2, "missing": -1, "counts": {"a": 2}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 2, "missing": 0, "counts": {"a": 1.5, "b": 0.5}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 2, "weight_sq_sum": 2, "counts": {"a": 2}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": -2, "weight_sq_sum": 2, "counts": {"a": 2}, "weights": {"a": 2}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 0, "missing": 0, "counts": {}, "extra": 1}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 0, "missing": 0, "counts": [] }'::iscm.answer_summary;
SELECT '[1, 2]'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single"'::iscm.answer_summary;

-- 8. Binary round trip (COPY BINARY uses send/receive) and a corrupted binary value
CREATE TABLE stored (id int, s iscm.answer_summary);
INSERT INTO stored SELECT question, iscm.answer_agg(answer, weight) FROM big GROUP BY question;
INSERT INTO stored SELECT -1, iscm.choices_agg(choices) FROM big;
INSERT INTO stored SELECT -2, iscm.answer_agg(answer) FROM big WHERE false;
CREATE TABLE restored (LIKE stored);
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CALL pg_temp.copy_binary_round_trip('stored', 'restored');
SELECT count(*) AS rows, count(*) FILTER (WHERE s.s::text = r.s::text) AS equal
  FROM stored s JOIN restored r USING (id);
SELECT length(iscm.answer_summary_send(s)) AS bytes, substr(iscm.answer_summary_send(s), 1, 2) AS version_and_flags
  FROM stored WHERE id IN (-1, -2, 0) ORDER BY id;
-- flip the version byte, truncate, and append a byte: each is refused on receipt
CREATE FUNCTION receive(payload bytea) RETURNS text LANGUAGE sql
    RETURN pg_temp.copy_binary_receive(payload, 'iscm.answer_summary');
SELECT receive(iscm.answer_summary_send(s)) AS intact FROM stored WHERE id = 0;
SELECT receive(set_byte(iscm.answer_summary_send(s), 0, 9)) AS bad_version FROM stored WHERE id = 0;
SELECT receive(set_byte(iscm.answer_summary_send(s), 1, 4)) AS bad_flags FROM stored WHERE id = 0;
SELECT receive(substr(iscm.answer_summary_send(s), 1, 30)) AS truncated FROM stored WHERE id = 0;
SELECT receive(iscm.answer_summary_send(s) || '\x00'::bytea) AS trailing FROM stored WHERE id = 0;
SELECT receive(set_byte(iscm.answer_summary_send(s), 6, 255)) AS bad_count FROM stored WHERE id = 0;
SELECT receive('\x'::bytea) AS empty;

DROP SCHEMA survey_agg_test CASCADE;
