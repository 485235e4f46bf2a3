-- Regression tests for the audit of the survey aggregates: percentages that
-- round to 0 or 100, inconsistent weights in the text and binary forms,
-- categories absent from a summary, the byte order of the binary form, and
-- weighted sums that do not depend on the grouping.
\set VERBOSITY default
SET extra_float_digits = 0;

-- 4. describe() never prints a false 0% or 100%
SELECT iscm.describe(s, 'a') AS one_of_300, iscm.describe(s, 'b') AS rest
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END) AS s
          FROM generate_series(1, 300) AS i) q;
SELECT iscm.describe(s, 'a') AS all_of_them
  FROM (SELECT iscm.answer_agg('a') AS s FROM generate_series(1, 300)) q;
SELECT iscm.describe(s, 'a') AS weighted_small, iscm.describe(s, 'b') AS weighted_large
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END, CASE WHEN i = 1 THEN 0.001 ELSE 1 END) AS s
          FROM generate_series(1, 10) AS i) q;
-- 0 < count < threshold is withheld, as iscm.suppress does; a zero is not
SELECT iscm.describe(s, 'a', 5) AS one, iscm.describe(s, 'b', 5) AS many
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END) AS s
          FROM generate_series(1, 300) AS i) q;

-- 5. A category the summary does not know is an error, not a silent 0
CREATE TEMP TABLE answers AS
SELECT CASE WHEN i <= 26 THEN 'yes' ELSE 'no' END AS a FROM generate_series(1, 53) AS i;
SELECT iscm.share(iscm.answer_agg(a), 'Yes') FROM answers;
SELECT iscm.count(iscm.answer_agg(a), 'maybe') FROM answers;
SELECT iscm.describe(iscm.answer_agg(a), 'maybe') FROM answers;
SELECT iscm.ci(iscm.answer_agg(a), 'maybe') FROM answers;
SELECT iscm.ci_lower(iscm.answer_agg(a), 'YES') FROM answers;
SELECT iscm.count(iscm.answer_agg(a), 'x') FROM answers WHERE false;
-- a category nobody gave is 0 once declared (the question's allowed answers)
SELECT iscm.count(s, 'maybe'), iscm.share(s, 'maybe'), iscm.describe(s, 'maybe'),
       round(iscm.ci_upper(s, 'maybe')::numeric, 4) AS upper, iscm.mode(s), iscm.respondents(s)
  FROM (SELECT iscm.with_categories(iscm.answer_agg(a), '{yes,no,maybe,maybe}') AS s FROM answers) q;
SELECT iscm.with_categories(iscm.answer_agg(a), '{yes,no,maybe}') FROM answers;
SELECT * FROM iscm.categories((SELECT iscm.with_categories(iscm.answer_agg(a, 2), '{maybe}') FROM answers));
-- declarations survive rollup, parallel combine and the text form; NULL is refused
SELECT iscm.rollup(s) FROM (VALUES (iscm.with_categories('{"format":1,"kind":"single","weighted":false,"respondents":1,"missing":0,"counts":{"yes":1}}'::iscm.answer_summary, '{no}')),
                                   ('{"format":1,"kind":"single","weighted":false,"respondents":2,"missing":0,"counts":{"yes":2}}')) v(s);
SELECT iscm.mode(iscm.with_categories(iscm.answer_agg(a), '{a,b}')) FROM answers WHERE false;
SELECT iscm.with_categories(iscm.answer_agg(a), '{yes,NULL}') FROM answers;
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":1,"missing":0,"weight_sum":1,"weight_sq_sum":1,"counts":{"a":1,"b":0},"weights":{"a":1,"b":0.5}}'::iscm.answer_summary;
-- share_difference: an answer given in one round only is 0 in the other
SELECT round((d).estimate::numeric, 4) AS estimate, round((d).lower::numeric, 4) AS lower, round((d).upper::numeric, 4) AS upper
  FROM (SELECT iscm.share_difference((SELECT iscm.answer_agg(a) FROM answers),
                                     '{"format":1,"kind":"single","weighted":false,"respondents":10,"missing":0,"counts":{"maybe":3,"no":7}}',
                                     'maybe') AS d) q;
SELECT iscm.share_difference((SELECT iscm.answer_agg(a) FROM answers),
                             '{"format":1,"kind":"single","weighted":false,"respondents":10,"missing":0,"counts":{"maybe":3,"no":7}}',
                             'zzz');
-- McNemar and the paired difference: the category must occur in some round
SELECT iscm.mcnemar(t, 'maybe') FROM (SELECT iscm.transition_agg(a, a) AS t FROM answers) q;
SELECT iscm.paired_difference(t, 'Yes') FROM (SELECT iscm.transition_agg(a, a) AS t FROM answers) q;
SELECT iscm.mcnemar(t, 'yes') FROM (SELECT iscm.transition_agg(a, a) AS t FROM answers) q;

-- 1. (continued) figure_summary and the reconciliation view with a base above
-- the 10000 of grim_candidates: the count is found in exact numeric at that n
-- (33.3333% of 12345 is 4115 only), the fitting denominators are not listed
INSERT INTO iscm.surveys (code, title, n_respondents_stated, n_respondents_source, source)
VALUES ('test-audit-large', 'Large survey', 12345, 'test', 'sql/survey_audit.sql');
INSERT INTO iscm.published_figures (survey, figure, as_written, percent, quote, source_file, source_section) VALUES
  ('test-audit-large', 'third', '33.3333%', 33.3333, 'a third', 'test', 'test'),
  ('test-audit-large', 'half', '50.1%', 50.1, 'half', 'test', 'test');
SELECT figure, stated_n, percent_consistent, fitting_denominators, largest_fitting_denominator
  FROM iscm.published_figure_check WHERE survey = 'test-audit-large' ORDER BY figure;
SELECT iscm.describe(iscm.figure_summary('test-audit-large', 'third'), 'counted');
SELECT iscm.figure_summary('test-audit-large', 'half');
DELETE FROM iscm.surveys WHERE code = 'test-audit-large';

-- 7. The binary form is big-endian (network order) on every host: the bytes
-- are pinned here, field by field.
SELECT substr(b, 1, 2) AS version_flags, substr(b, 3, 4) AS ncat, substr(b, 7, 8) AS respondents,
       substr(b, 15, 8) AS missing, substr(b, 23, 8) AS count_no, substr(b, 31, 4) AS offset_no,
       substr(b, 35, 4) AS length_no, substr(b, 55) AS strings
  FROM (SELECT iscm.answer_summary_send('{"format":1,"kind":"single","weighted":false,"respondents":258,"missing":1,"counts":{"no":257,"yes":1}}') AS b) q;
-- weighted: format 2, with respondents of weight > 0 after the weight sums and
-- each category's sum of squared weights after its weight
SELECT substr(b, 1, 2) AS version_flags, substr(b, 23, 16) AS weight_sums, substr(b, 39, 8) AS nonzero,
       substr(b, 47, 8) AS count_a, substr(b, 55, 8) AS weight_a, substr(b, 63, 8) AS weight_sq_a
  FROM (SELECT iscm.answer_summary_send(iscm.answer_agg('a', 1.5)) AS b FROM generate_series(1, 2)) q;
SELECT iscm.transition_summary_send('{"format":1,"transitions":[["no","yes",258]]}');
SELECT iscm.disposition_summary_send('{"format":1,"I":258,"P":0,"R":0,"NC":0,"O":0,"UH":0,"UO":0,"NE":1}');

-- 3. Weights inconsistent with each other are refused (22P02 text, 22P03 binary)
-- shares yes = 1 and no = 0.5 of the same respondents:
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":2,"weight_sq_sum":2,"counts":{"yes":1,"no":1},"weights":{"yes":5,"no":1}}'::iscm.answer_summary;
-- a category weight above the total (multiple choice)
SELECT '{"format":1,"kind":"multiple","weighted":true,"respondents":2,"missing":0,"weight_sum":2,"weight_sq_sum":2,"counts":{"yes":1},"weights":{"yes":3}}'::iscm.answer_summary;
-- effective_n = 4 > 2 respondents
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":2,"weight_sq_sum":1,"counts":{"yes":1,"no":1},"weights":{"yes":1,"no":1}}'::iscm.answer_summary;
-- Σw² above (Σw)²: no non-negative weights give it
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":2,"weight_sq_sum":5,"counts":{"yes":1,"no":1},"weights":{"yes":1,"no":1}}'::iscm.answer_summary;
-- effective_n would be Infinity, intervals NaN
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":1e308,"weight_sq_sum":1e-308,"counts":{"yes":1,"no":1},"weights":{"yes":5e307,"no":5e307}}'::iscm.answer_summary;
-- weights but nobody answered
SELECT '{"format":1,"kind":"single","weighted":true,"respondents":0,"missing":1,"weight_sum":1,"weight_sq_sum":1,"counts":{},"weights":{}}'::iscm.answer_summary;
-- sums that are right up to rounding are accepted (0.1 + 0.2 is not 0.3 in binary)
SELECT iscm.share(s, 'yes'), iscm.effective_n(s)
  FROM (SELECT '{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":0.3,"weight_sq_sum":0.05,"counts":{"yes":1,"no":1},"weights":{"yes":0.1,"no":0.2}}'::iscm.answer_summary AS s) q;
-- tiny weights whose squares underflow are still a valid aggregate result
SELECT iscm.respondents(s), iscm.share(s, 'a')
  FROM (SELECT iscm.answer_agg('a', 1e-200) AS s FROM generate_series(1, 3)) q;
-- the same checks on binary input (COPY ... FORMAT binary) of two respondents
-- of weight 1, in format 1 (as iscm 1.0 stored it): weight of "no" (big-endian
-- float8 at byte 47) set to 5, weight_sum (byte 23) to 5, weight_sq_sum (byte
-- 31) to 1 (effective_n 4 > 2)
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CREATE FUNCTION pg_temp.receive(payload bytea) RETURNS text LANGUAGE sql
    RETURN pg_temp.copy_binary_receive(payload, 'iscm.answer_summary');
CREATE TEMP TABLE two AS
SELECT iscm.answer_summary_send('{"format":1,"kind":"single","weighted":true,"respondents":2,"missing":0,"weight_sum":2,"weight_sq_sum":2,"counts":{"no":1,"yes":1},"weights":{"no":1,"yes":1}}') AS b;
SELECT pg_temp.receive(b) AS intact FROM two;
SELECT substr(b, 47, 8) = float8send(1) AS weight_at_47 FROM two;
SELECT pg_temp.receive(overlay(b placing float8send(5) from 47)) AS weight_no_5 FROM two;
SELECT pg_temp.receive(overlay(b placing float8send(5) from 23)) AS weight_sum_5 FROM two;
SELECT pg_temp.receive(overlay(b placing float8send(1) from 31)) AS weight_sq_sum_1 FROM two;

-- 8. Weighted sums do not depend on the grouping: compensated (Neumaier) sums
-- are within 2 ulps (relative 2 * 2^-52) of the exact sum, serial or parallel.
-- (a plain table: temporary ones are never scanned in parallel; the exact sum
-- is of the decimal weights, each within half an ulp of its float8)
CREATE SCHEMA survey_audit;
CREATE TABLE survey_audit.weighted AS
SELECT (ARRAY['yes', 'no', 'maybe'])[1 + i % 3] AS a, (i % 97) * 0.1 + 0.3 AS w
  FROM generate_series(1, 200000) AS i;
ANALYZE survey_audit.weighted;
SET search_path = survey_audit, public;
CREATE TEMP VIEW exact AS
SELECT sum(w::numeric) AS total, sum(w::numeric) FILTER (WHERE a = 'yes') AS yes FROM weighted;
CREATE TEMP TABLE results (plan text, s iscm.answer_summary);
INSERT INTO results SELECT 'serial', iscm.answer_agg(a, w) FROM weighted;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', false) AS forced;
EXPLAIN (COSTS OFF) SELECT iscm.answer_agg(a, w) FROM weighted;
INSERT INTO results SELECT 'parallel', iscm.answer_agg(a, w) FROM weighted;
INSERT INTO results
SELECT 'rollup of 7 groups', iscm.rollup(s)
  FROM (SELECT iscm.answer_agg(a, w) AS s FROM weighted GROUP BY length(w::text) % 7) g;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', false) AS forced;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT r.plan,
       abs((iscm.to_jsonb(r.s)->>'weight_sum')::float8 - e.total::float8)
           <= 2 * 2.220446049250313e-16 * e.total::float8 AS weight_sum_within_2_ulps,
       abs((iscm.to_jsonb(r.s)->'weights'->>'yes')::float8 - e.yes::float8)
           <= 2 * 2.220446049250313e-16 * e.yes::float8 AS yes_within_2_ulps,
       iscm.respondents(r.s) AS respondents, iscm.count(r.s, 'yes') AS yes_count
  FROM results AS r, exact AS e ORDER BY r.plan;
-- the plain running sum (what the aggregates did before) is not that close
SELECT abs(sum(w::float8) - (SELECT total FROM exact)::float8)
           <= 2 * 2.220446049250313e-16 * (SELECT total FROM exact)::float8 AS plain_sum_within_2_ulps
  FROM weighted;
DROP VIEW exact;
RESET search_path;
DROP SCHEMA survey_audit CASCADE;

-- 10. Every survey object has a COMMENT: functions (I/O and aggregate support
-- included), table and view columns, triggers, indexes, sequences, casts and
-- operator families.  Lists those that lack one (none).
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'iscm'),
objs AS (SELECT d.classid, d.objid FROM pg_depend d, ext
          WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
            -- a table's or view's row type and every array type come with their object
            -- (PostgreSQL 18 lists them as extension members too; 15 does not)
            AND NOT EXISTS (SELECT 1 FROM pg_type t
                             WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                               AND (EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
                                    OR EXISTS (SELECT 1 FROM pg_class c
                                                WHERE c.oid = t.typrelid AND c.relkind <> 'c')))),
uncommented AS (
    SELECT pg_describe_object(classid, objid, 0) AS object FROM objs
     WHERE obj_description(objid, classid::regclass::text) IS NULL
    UNION ALL
    SELECT format('column %s.%s', c.oid::regclass, a.attname)
      FROM objs o JOIN pg_class c ON o.classid = 'pg_class'::regclass AND c.oid = o.objid
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'v', 'm', 'p') AND col_description(c.oid, a.attnum) IS NULL
    UNION ALL
    SELECT format('trigger %s on %s', t.tgname, t.tgrelid::regclass)
      FROM objs o JOIN pg_trigger t ON o.classid = 'pg_class'::regclass AND t.tgrelid = o.objid
     WHERE NOT t.tgisinternal AND obj_description(t.oid, 'pg_trigger') IS NULL
    UNION ALL
    SELECT format('index %s', i.indexrelid::regclass)
      FROM objs o JOIN pg_index i ON o.classid = 'pg_class'::regclass AND i.indrelid = o.objid
     WHERE obj_description(i.indexrelid, 'pg_class') IS NULL
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
)
SELECT object FROM uncommented
 WHERE object ~ '(survey|answer|transition|disposition|grim|suppress|figure|proportion_interval|aapor|choices)'
 ORDER BY 1;
