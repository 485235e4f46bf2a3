-- Standard errors of answer_summary shares and totals (R's svydesign(ids = ~1,
-- weights = ~w); the figures themselves are compared with R by
-- test/survey_design_r.sh), the summary format 2 that carries what they need,
-- and the format 1 values stored before it.
SET extra_float_digits = 0;
CREATE TEMP TABLE t (id int, a text, w float8, c text[]);
INSERT INTO t VALUES (1, 'yes', 1.5, '{x}'), (2, 'no', 2, '{x,y}'), (3, 'yes', 0.5, '{}'), (4, NULL, NULL, NULL),
    (5, 'maybe', 3, '{y}'), (6, 'no', 1, '{x}'), (7, 'yes', 4, '{x,y}'), (8, NULL, 2, NULL), (9, 'no', 0, '{y}');

-- 1. The figures, weighted and not, single and multiple choice
SELECT category, iscm.share(s, category), iscm.se(s, category), iscm.variance(s, category), iscm.cv(s, category),
       iscm.deff(s, category), iscm.deff(s, category, true), iscm.total(s, category), iscm.total_se(s, category)
  FROM (SELECT iscm.answer_agg(a, w) AS s FROM t) q, unnest('{maybe,no,yes}'::text[]) AS category;
-- unweighted: every weight 1; without replacement the design effect is R's Inf (the weights sum to n)
SELECT category, iscm.share(s, category), iscm.se(s, category), iscm.deff(s, category),
       iscm.deff(s, category, true), iscm.total(s, category), iscm.total_se(s, category)
  FROM (SELECT iscm.answer_agg(a) AS s FROM t) q, unnest('{maybe,no,yes}'::text[]) AS category;
SELECT category, iscm.share(s, category), iscm.se(s, category), iscm.total_se(s, category)
  FROM (SELECT iscm.choices_agg(c, w) AS s FROM t) q, unnest('{x,y}'::text[]) AS category;
SELECT category, iscm.share(s, category), iscm.se(s, category), iscm.total_se(s, category)
  FROM (SELECT iscm.choices_agg(c) AS s FROM t) q, unnest('{x,y}'::text[]) AS category;

-- 2. The same figures as design_agg(answer, weight), the design with each row
-- its own PSU: rows without an answer stay in the design (R's subset)
SELECT category,
       abs(iscm.se(s, category) - iscm.se(d, category)) < 1e-15 AS se,
       abs(iscm.deff(s, category) - iscm.deff(d, category)) < 1e-13 AS deff,
       abs(iscm.deff(s, category, true) - iscm.deff(d, category, true)) < 1e-13 AS deff_replace,
       abs(iscm.total_se(s, category) - iscm.total_se(d, category)) < 1e-13 AS total_se,
       iscm.total(s, category) = iscm.total(d, category) AS total
  FROM (SELECT iscm.answer_agg(a, w) AS s, iscm.design_agg(a, coalesce(w, 1)) AS d FROM t) q,
       unnest('{maybe,no,yes}'::text[]) AS category;
SELECT category, abs(iscm.se(s, category) - iscm.se(d, category)) < 1e-15 AS se
  FROM (SELECT iscm.choices_agg(c, w) AS s, iscm.design_choices_agg(c, coalesce(w, 1)) AS d FROM t) q,
       unnest('{x,y}'::text[]) AS category;

-- 3. Where no figure exists: NULL
-- one row in the design (R: a lonely PSU)
SELECT iscm.se(s, 'yes'), iscm.variance(s, 'yes'), iscm.total_se(s, 'yes'), iscm.deff(s, 'yes')
  FROM (SELECT iscm.answer_agg('yes', 2.0) AS s) q;
-- every weight 0: no share, a total of 0 known exactly
SELECT iscm.share(s, 'yes'), iscm.se(s, 'yes'), iscm.cv(s, 'yes'), iscm.total(s, 'yes'), iscm.total_se(s, 'yes')
  FROM (SELECT iscm.answer_agg(a, 0.0) AS s FROM (VALUES ('yes'), ('no')) v(a)) q;
-- a share of 0 has no coefficient of variation; weights summing to fewer than
-- the respondents give no design effect without replacement (R: NA)
SELECT iscm.cv(s, 'maybe'), iscm.deff(s, 'yes'), iscm.deff(s, 'yes', true)
  FROM (SELECT iscm.with_categories(iscm.answer_agg(a, 0.5), '{maybe}') AS s
          FROM (VALUES ('yes'), ('no'), ('yes')) v(a)) q;
-- an unknown category is refused as by share
\set VERBOSITY default
SELECT iscm.se(iscm.answer_agg(a, w), 'Yes') FROM t;
\echo :LAST_ERROR_SQLSTATE

-- 4. Format 2: weighted summaries with respondents; version 1 for the others
SELECT iscm.answer_agg(a, w) FROM t;
SELECT iscm.choices_agg(c, w) FROM t;
SELECT iscm.answer_agg(a, w) FROM t WHERE a IS NULL;
SELECT substr(iscm.answer_summary_send(iscm.answer_agg(a, w)), 1, 2) AS weighted,
       substr(iscm.answer_summary_send(iscm.answer_agg(a)), 1, 2) AS unweighted FROM t;
-- weights whose squares are no normal double: the categories' squares as means too
SELECT s, iscm.se(s, 'yes'), iscm.total_se(s, 'yes')
  FROM (SELECT iscm.answer_agg(a, w) AS s FROM (VALUES ('yes', 1e200), ('no', 3e200), ('yes', 2e200)) v(a, w)) q;
SELECT s, iscm.se(s, 'yes'), iscm.total_se(s, 'yes')
  FROM (SELECT iscm.answer_agg(a, w) AS s FROM (VALUES ('yes', 1e-200), ('no', 3e-200), ('yes', 2e-200)) v(a, w)) q;
-- the text and binary forms read back unchanged
CREATE TEMP TABLE stored (id int, s iscm.answer_summary);
INSERT INTO stored
SELECT 1, iscm.answer_agg(a, w) FROM t UNION ALL
SELECT 2, iscm.choices_agg(c, w) FROM t UNION ALL
SELECT 3, iscm.answer_agg(a, w) FROM (VALUES ('yes', 1e200), ('no', 3e200)) v(a, w) UNION ALL
SELECT 4, iscm.answer_agg(a, w) FROM (VALUES ('yes', 1e-200), ('no', 3e-200)) v(a, w);
SELECT id, s::text::iscm.answer_summary::text = s::text AS text_round_trip,
       iscm.answer_summary_send(s::text::iscm.answer_summary) = iscm.answer_summary_send(s) AS same_bytes
  FROM stored ORDER BY id;
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CREATE FUNCTION pg_temp.receive(payload bytea) RETURNS text LANGUAGE sql
    RETURN pg_temp.copy_binary_receive(payload, 'iscm.answer_summary');
SELECT id, pg_temp.receive(iscm.answer_summary_send(s)) = s::text AS binary_round_trip FROM stored ORDER BY id;

-- 5. Format 2 is checked as carefully as format 1 (22P02 text, 22P03 binary)
-- bytes of a summary of two respondents, weights 1 and 3: header 46 bytes,
-- entries of 32 (count, weight, weight_sq, offset, length)
CREATE TEMP TABLE two AS
SELECT iscm.answer_summary_send(iscm.answer_agg(a, w)) AS b FROM (VALUES ('no', 1.0), ('yes', 3.0)) v(a, w);
SELECT b FROM two;
SELECT pg_temp.receive(b) AS intact FROM two;
SELECT pg_temp.receive(set_byte(b, 0, 1)) AS version_1_with_flag_3,
       pg_temp.receive(set_byte(b, 1, 2)) AS version_2_without_flag_3 FROM two;
SELECT pg_temp.receive(overlay(b placing int8send(3) from 39)) AS nonzero_3,
       pg_temp.receive(overlay(b placing int8send(0) from 39)) AS nonzero_0 FROM two;
SELECT pg_temp.receive(overlay(b placing float8send(2) from 63)) AS square_no_2,
       pg_temp.receive(overlay(b placing float8send(11) from 95)) AS square_yes_11,
       pg_temp.receive(overlay(b placing float8send('NaN') from 63)) AS square_nan FROM two;
SELECT pg_temp.receive(substr(b, 1, 70)) AS truncated FROM two;
-- every truncation is refused; no byte mutation crashes, and what is read is valid
SELECT count(*) FILTER (WHERE r LIKE '22P03:%') AS refused, count(*) AS truncations
  FROM two, generate_series(0, length(b) - 1) n, pg_temp.receive(substr(b, 1, n)) r;
-- (refused with 22P03, or 22021 where a category's bytes are no UTF-8)
SELECT count(*) FILTER (WHERE r ~ '^(22P03|22021): ') AS refused,
       count(*) FILTER (WHERE r !~ '^(22P03|22021): ' AND r::iscm.answer_summary::text = r) AS read_back,
       count(*) AS mutations
  FROM two, generate_series(0, length(b) - 1) i, unnest('{1,255}'::int[]) x,
       pg_temp.receive(set_byte(b, i, get_byte(b, i) # x)) r;
-- text input
SELECT '{"format": 2, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"a": 1}}'::iscm.answer_summary;
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 10, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}}'::iscm.answer_summary;
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 10, "nonzero": 2, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}, "weight_sq_sums": {"no": 1}}'::iscm.answer_summary;
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 10, "nonzero": 2, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}, "weight_sq_sums": {"no": 2, "yes": 9}}'::iscm.answer_summary;
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 10, "nonzero": 2, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}, "weight_sq_means": {"no": 0.25, "yes": 2.25}}'::iscm.answer_summary;
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 0, "missing": 1, "weight_sum": 0, "weight_sq_sum": 0, "nonzero": 0, "counts": {}, "weights": {}, "weight_sq_sums": {}}'::iscm.answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 10, "nonzero": 2, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}}'::iscm.answer_summary;
-- means in, a sum out where the sum is a normal double
SELECT '{"format": 2, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_mean": 2.5, "nonzero": 2, "counts": {"no": 1, "yes": 1}, "weights": {"no": 1, "yes": 3}, "weight_sq_means": {"no": 0.25, "yes": 2.25}}'::iscm.answer_summary;

-- 6. Format 1 values (stored by iscm 1.0) still read, in text and binary form
CREATE TEMP TABLE old (id int, s iscm.answer_summary);
INSERT INTO old VALUES
    (1, '{"format": 1, "kind": "single", "weighted": true, "respondents": 3, "missing": 1, "weight_sum": 4, "weight_sq_sum": 6, "counts": {"no": 1, "yes": 2}, "weights": {"no": 1, "yes": 3}}'),
    (2, '{"format": 1, "kind": "single", "weighted": false, "respondents": 3, "missing": 1, "counts": {"no": 1, "yes": 2}}'),
    (3, '{"format": 1, "kind": "single", "weighted": true, "respondents": 0, "missing": 2, "weight_sum": 0, "weight_sq_sum": 0, "counts": {}, "weights": {}}');
-- the bytes iscm 1.0 wrote for value 1
SELECT pg_temp.receive('\x010200000002000000000000000300000000000000014010000000000000401800000000000000000000000000013ff000000000000000000000000000020000000000000002400800000000000000000002000000036e6f796573') = s::text AS binary_format_1,
       iscm.answer_summary_send(s) = '\x010200000002000000000000000300000000000000014010000000000000401800000000000000000000000000013ff000000000000000000000000000020000000000000002400800000000000000000002000000036e6f796573' AS same_bytes
  FROM old WHERE id = 1;
SELECT id, s::text, iscm.has_se(s), iscm.share(s, 'yes'), iscm.total(s, 'yes'), iscm.effective_n(s)
  FROM old WHERE id < 3 ORDER BY id;
-- unweighted format 1 values know everything (every weight 1)
SELECT iscm.se(s, 'yes'), iscm.total_se(s, 'yes'), iscm.deff(s, 'yes', true) FROM old WHERE id = 2;
-- a weighted one cannot give standard errors: an error that says why, not a
-- NULL that would read as "not estimable"
SELECT iscm.se(s, 'yes') FROM old WHERE id = 1;
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.variance(s, 'yes') FROM old WHERE id = 1;
SELECT iscm.cv(s, 'yes') FROM old WHERE id = 1;
SELECT iscm.deff(s, 'yes') FROM old WHERE id = 1;
SELECT iscm.total_se(s, 'yes') FROM old WHERE id = 1;
-- has_se picks the summaries that can
SELECT id, iscm.has_se(s), CASE WHEN iscm.has_se(s) THEN iscm.se(s, 'yes') END AS se FROM old WHERE id < 3 ORDER BY id;

-- 7. Rolled up: new with new gives the figures of all the rows; with a format
-- 1 value that has respondents the squares are unknown (format 1 again); a
-- format 1 value without respondents (nothing to know) changes nothing
CREATE TEMP TABLE parts AS
SELECT id % 3 AS part, iscm.answer_agg(a, w) AS s FROM t GROUP BY id % 3;
SELECT iscm.rollup(s)::text = (SELECT iscm.answer_agg(a, w)::text FROM t) AS same_summary,
       abs(iscm.se(iscm.rollup(s), 'yes') - (SELECT iscm.se(iscm.answer_agg(a, w), 'yes') FROM t)) < 1e-15 AS same_se
  FROM parts;
SELECT r, iscm.has_se(r), iscm.share(r, 'yes'), iscm.total(r, 'yes')
  FROM (SELECT iscm.rollup(s) AS r FROM (SELECT s FROM parts UNION ALL SELECT s FROM old WHERE id = 1) u) q;
SELECT iscm.se(iscm.rollup(s), 'yes') FROM (SELECT s FROM parts UNION ALL SELECT s FROM old WHERE id = 1) u;
SELECT iscm.has_se(r), iscm.missing(r),
       iscm.se(r, 'yes') = (SELECT iscm.se(iscm.answer_agg(a, w), 'yes')
                              FROM (SELECT a, w FROM t UNION ALL VALUES (NULL::text, NULL::float8), (NULL, NULL)) u) AS se
  FROM (SELECT iscm.rollup(s) AS r FROM (SELECT s FROM parts UNION ALL SELECT s FROM old WHERE id = 3) u) q;

-- 8. Split as Citus splits it (transition per partition, the state through
-- its text form, combine, final) and in parallel workers: the same summary
SELECT iscm.rollup(p::text::iscm.answer_summary)::text = (SELECT iscm.answer_agg(a, w)::text FROM t) AS answer_agg,
       (SELECT iscm.rollup(q::text::iscm.answer_summary)::text
          FROM (SELECT iscm.choices_agg(c, w) AS q FROM t GROUP BY id % 4) x)
       = (SELECT iscm.choices_agg(c, w)::text FROM t) AS choices_agg
  FROM (SELECT iscm.answer_agg(a, w) AS p FROM t GROUP BY id % 4) x;
CREATE TEMP TABLE big AS
SELECT i, (ARRAY['yes', 'no', 'maybe'])[1 + i % 3] AS a, 0.25 * (1 + i % 7) AS w,
       (ARRAY['{x}', '{x,y}', '{}'])[1 + i % 3]::text[] AS c
  FROM generate_series(1, 30000) i;
ANALYZE big;
CREATE TEMP TABLE serial AS SELECT iscm.answer_agg(a, w)::text AS s, iscm.choices_agg(c, w)::text AS m FROM big;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT iscm.answer_agg(a, w)::text = (SELECT s FROM serial) AS answer_agg,
       iscm.choices_agg(c, w)::text = (SELECT m FROM serial) AS choices_agg FROM big;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
