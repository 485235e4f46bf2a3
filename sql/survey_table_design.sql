-- survey_table() under a sampling design: weights, strata, PSUs and an fpc
-- read from a relation of the analyst's; every figure compared with the
-- design accessors on the same rows (each group a domain of the whole
-- design) and with hand values; the unweighted form against the 1.0 form.
\set SHOW_CONTEXT never
\set VERBOSITY default

INSERT INTO iscm.surveys (code, title, source) VALUES ('test-design', 'Synthetic design test survey', 'sql/survey_table_design.sql');
INSERT INTO iscm.survey_questions (survey, code, position, wording, answer_type, allowed_answers) VALUES
  ('test-design', 'plan', 1, 'National plan?', 'yes_no', NULL),
  ('test-design', 'freq', 2, 'How often?', 'ordinal', '{daily,weekly,monthly}'),
  ('test-design', 'topics', 3, 'Topics raised', 'multiple_choice', '{remittances,diaspora,labour}'),
  ('test-design', 'staff', 4, 'Staff', 'number', NULL);
-- 12 States in two regions, one refusal (USA: not counted, no row needed in the design)
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type, disposition)
SELECT 'test-design', c, c, 'state', CASE WHEN c = 'USA' THEN 'R' ELSE 'I' END
  FROM unnest('{EGY,GHA,KEN,MAR,NGA,SEN,FRA,DEU,SWE,ESP,ITA,NLD,USA}'::text[]) AS c;
INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices) VALUES
  ('test-design', 'EGY', 'plan', 'yes', NULL), ('test-design', 'EGY', 'freq', 'monthly', NULL), ('test-design', 'EGY', 'topics', NULL, '{remittances,diaspora}'),
  ('test-design', 'GHA', 'plan', 'yes', NULL), ('test-design', 'GHA', 'freq', 'weekly', NULL),  ('test-design', 'GHA', 'topics', NULL, '{remittances}'),
  ('test-design', 'KEN', 'plan', 'no', NULL),  ('test-design', 'KEN', 'freq', 'weekly', NULL),  ('test-design', 'KEN', 'topics', NULL, '{diaspora,labour}'),
  ('test-design', 'MAR', 'plan', 'yes', NULL), ('test-design', 'MAR', 'freq', 'monthly', NULL), ('test-design', 'MAR', 'topics', NULL, '{}'),
  ('test-design', 'NGA', 'plan', NULL, NULL),  ('test-design', 'NGA', 'freq', 'weekly', NULL),  ('test-design', 'NGA', 'topics', NULL, '{remittances,labour}'),
  ('test-design', 'SEN', 'plan', 'no', NULL),  ('test-design', 'SEN', 'freq', 'monthly', NULL),
  ('test-design', 'FRA', 'plan', 'yes', NULL), ('test-design', 'FRA', 'freq', 'monthly', NULL), ('test-design', 'FRA', 'topics', NULL, '{labour}'),
  ('test-design', 'DEU', 'plan', 'no', NULL),  ('test-design', 'DEU', 'freq', 'monthly', NULL), ('test-design', 'DEU', 'topics', NULL, '{labour,diaspora}'),
  ('test-design', 'SWE', 'plan', 'yes', NULL), ('test-design', 'SWE', 'freq', 'weekly', NULL),  ('test-design', 'SWE', 'topics', NULL, '{labour}'),
  ('test-design', 'ESP', 'plan', 'yes', NULL), ('test-design', 'ESP', 'freq', 'monthly', NULL), ('test-design', 'ESP', 'topics', NULL, '{remittances,labour}'),
  ('test-design', 'ITA', 'plan', 'no', NULL),  ('test-design', 'ITA', 'freq', 'monthly', NULL), ('test-design', 'ITA', 'topics', NULL, '{labour}'),
  ('test-design', 'NLD', 'plan', 'yes', NULL), ('test-design', 'NLD', 'topics', NULL, '{diaspora}'),
  ('test-design', 'EGY', 'staff', '12', NULL);

-- the design: two strata, two or three PSUs in each, unequal weights, the
-- population of PSUs per stratum as fpc
CREATE TEMP TABLE dsg (respondent text, w float8, stratum text, cluster text, n_psu float8, survey text);
INSERT INTO dsg VALUES
  ('EGY', 10, 'south', 'c1', 20, 'test-design'), ('GHA', 12, 'south', 'c1', 20, 'test-design'),
  ('KEN', 8, 'south', 'c2', 20, 'test-design'),  ('MAR', 15, 'south', 'c2', 20, 'test-design'),
  ('NGA', 30, 'south', 'c3', 20, 'test-design'), ('SEN', 5, 'south', 'c3', 20, 'test-design'),
  ('FRA', 20, 'north', 'c1', 10, 'test-design'), ('DEU', 25, 'north', 'c1', 10, 'test-design'),
  ('SWE', 4, 'north', 'c2', 10, 'test-design'),  ('ESP', 18, 'north', 'c2', 10, 'test-design'),
  ('ITA', 22, 'north', 'c2', 10, 'test-design'), ('NLD', 6, 'north', 'c1', 10, 'test-design'),
  -- another survey's row of the same respondent: the survey column keeps it out
  ('EGY', 1000, 'south', 'c9', 20, 'other-survey');
-- the rows of the design as the accessors read them
CREATE TEMP VIEW design_rows AS
SELECT r.respondent, iscm.region_name(r.country) AS region, d.w, d.stratum, d.cluster, d.n_psu,
       p.value AS plan, f.value AS freq, t.choices AS topics
  FROM iscm.survey_respondents AS r
  JOIN dsg AS d ON d.respondent = r.respondent AND d.survey = r.survey
  LEFT JOIN iscm.survey_answers AS p ON p.survey = r.survey AND p.respondent = r.respondent AND p.question = 'plan'
  LEFT JOIN iscm.survey_answers AS f ON f.survey = r.survey AND f.respondent = r.respondent AND f.question = 'freq'
  LEFT JOIN iscm.survey_answers AS t ON t.survey = r.survey AND t.respondent = r.respondent AND t.question = 'topics'
 WHERE r.survey = 'test-design' AND r.disposition IN ('I', 'P');

-- 1. Weights only (R: svydesign(ids = ~1, weights = ~w)).  By hand: plan
-- answered by 11 (NGA missing), sum of weights 145; yes = EGY 10 + GHA 12 +
-- MAR 15 + FRA 20 + SWE 4 + ESP 18 + NLD 6 = 85, share 85/145 = 0.586207.
SELECT answer, count, base, weighted_count, weighted_base, round(share::numeric, 6) AS share,
       round(se::numeric, 6) AS se, round(ci_lower::numeric, 6) AS ci_lower, round(ci_upper::numeric, 6) AS ci_upper,
       round(deff::numeric, 6) AS deff, degf, suppressed
  FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', min_cell => 0)
 WHERE question_code = 'plan';
-- the SE by hand, R's with-replacement linearisation over the n = 12 rows of
-- the design (NGA, who did not answer, stays in it with influence 0):
-- sqrt(n/(n-1) * sum((w * (y - p))^2)) / sum(w)
SELECT round((sqrt(12.0 / 11 * sum((d.w * ((a.value = 'yes')::int - 85.0 / 145)) ^ 2)) / 145)::numeric, 6) AS se_by_hand
  FROM dsg AS d JOIN iscm.survey_answers AS a
    ON a.survey = d.survey AND a.respondent = d.respondent AND a.question = 'plan' AND a.value IS NOT NULL;
-- every cell of every question equals the accessors on design_agg(answer, w)
WITH d AS (
    SELECT iscm.design_agg(plan, w) AS plan, iscm.design_agg(freq, w) AS freq,
           iscm.design_choices_agg(topics, w) AS topics
      FROM design_rows),
acc AS (
    SELECT q.code, c.answer, x.s
      FROM d, LATERAL (VALUES ('plan', d.plan), ('freq', d.freq), ('topics', d.topics)) AS x(code, s)
      JOIN iscm.survey_questions AS q ON q.survey = 'test-design' AND q.code = x.code
     CROSS JOIN LATERAL unnest(q.allowed_answers) AS c(answer))
SELECT t.question_code, t.answer,
       t.share = iscm.share(a.s, t.answer) AS share_ok,
       t.weighted_count = iscm.total(a.s, t.answer) AS total_ok,
       t.se = iscm.se(a.s, t.answer) AS se_ok,
       t.ci_lower = iscm.ci_lower(a.s, t.answer) AND t.ci_upper = iscm.ci_upper(a.s, t.answer) AS ci_ok,
       t.deff IS NOT DISTINCT FROM iscm.deff(a.s, t.answer) AS deff_ok,
       t.degf = iscm.degf(a.s) AS degf_ok
  FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', min_cell => 0) AS t
  JOIN acc AS a ON a.code = t.question_code AND a.answer = t.answer
 WHERE t.count > 0
 ORDER BY 1, 2;
-- an answer nobody gave (freq daily): share, total and SE 0, no interval or design effect
SELECT answer, count, weighted_count, share, se, ci_lower, ci_upper, deff, degf
  FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', min_cell => 0)
 WHERE question_code = 'freq' AND answer = 'daily';

-- 2. Strata, PSUs and fpc, by region: each region a domain of the whole
-- design, as design_agg(CASE WHEN region = g THEN answer END, ...) over all rows
WITH g AS (SELECT DISTINCT region FROM design_rows),
acc AS (
    SELECT g.region, 'plan' AS code,
           iscm.design_agg(CASE WHEN r.region = g.region THEN r.plan END, r.w, r.stratum, r.cluster, r.n_psu) AS s
      FROM g CROSS JOIN design_rows AS r GROUP BY g.region
    UNION ALL
    SELECT g.region, 'freq',
           iscm.design_agg(CASE WHEN r.region = g.region THEN r.freq END, r.w, r.stratum, r.cluster, r.n_psu)
      FROM g CROSS JOIN design_rows AS r GROUP BY g.region
    UNION ALL
    SELECT g.region, 'topics',
           iscm.design_choices_agg(CASE WHEN r.region = g.region THEN r.topics END, r.w, r.stratum, r.cluster, r.n_psu)
      FROM g CROSS JOIN design_rows AS r GROUP BY g.region)
SELECT t.group_name, t.question_code, t.answer, t.count, t.base,
       round(t.share::numeric, 6) AS share, round(t.se::numeric, 6) AS se,
       t.share = iscm.share(a.s, t.answer)
       AND t.weighted_count = iscm.total(a.s, t.answer)
       AND t.se = iscm.se(a.s, t.answer, 'adjust')
       AND t.ci_lower = iscm.ci_lower(a.s, t.answer, 'beta', 0.9, 'adjust')
       AND t.ci_upper = iscm.ci_upper(a.s, t.answer, 'beta', 0.9, 'adjust')
       AND t.deff IS NOT DISTINCT FROM iscm.deff(a.s, t.answer, false, 'adjust')
       AND t.degf = iscm.degf(a.s) AS same_as_accessors
  FROM iscm.survey_table('test-design', design => 'dsg', group_by => 'region', level => 0.9, min_cell => 0, method => 'BETA',
                         lonely_psu => 'adjust', weight => 'w', stratum => 'stratum', psu => 'cluster',
                         fpc => 'n_psu') AS t
  JOIN acc AS a ON a.region = t.group_name AND a.code = t.question_code
 WHERE t.count > 0
 ORDER BY 1, 2, 3;
-- the weighted base of a domain is the sum of the weights of those in it who
-- answered: Europe plan 20 + 25 + 4 + 18 + 22 + 6 = 95, topics the same
SELECT group_name, question_code, min(base) AS base, min(weighted_base) AS weighted_base
  FROM iscm.survey_table('test-design', design => 'dsg', group_by => 'region', min_cell => 0, lonely_psu => 'adjust',
                         weight => 'w', stratum => 'stratum', psu => 'cluster')
 GROUP BY 1, 2 ORDER BY 1, 2;

-- 3. Suppression counts respondents, not weights: at min_cell 3 the Africa
-- plan cells (3 yes, 2 no) are hidden with every weighted figure
SELECT group_name, answer, count, base, weighted_count, weighted_base, share, se, ci_lower, deff, degf, suppressed
  FROM iscm.survey_table('test-design', design => 'dsg', group_by => 'region', min_cell => 3, lonely_psu => 'adjust',
                         weight => 'w', stratum => 'stratum', psu => 'cluster')
 WHERE question_code = 'plan' ORDER BY 1, 2;

-- 4. No design: the 1.0 figures, plus the binomial SE sqrt(p(1-p)/n)
SELECT count(*) AS differing
  FROM (SELECT group_name, question_code, question, answer, count, base, share, ci_lower, ci_upper, suppressed
          FROM iscm.survey_table('test-design', NULL::regclass, 'region', min_cell => 2)
        EXCEPT
        SELECT * FROM iscm.survey_table('test-design', 'region', min_cell => 2)) AS d;
-- a string in second place is the 1.0 form's group_by: a design is named
-- (design => ...) or cast to regclass
SELECT answer, count, base, weighted_count, weighted_base, round(share::numeric, 6) AS share,
       round(se::numeric, 6) AS se, round(sqrt(7.0 / 11 * 4 / 11 / 11), 6) AS by_hand, deff, degf
  FROM iscm.survey_table('test-design', NULL::regclass, min_cell => 0)
 WHERE question_code = 'plan';

-- 5. Method names in any case, exact = Clopper-Pearson, in both forms
SELECT count(*) AS differing
  FROM (SELECT * FROM iscm.survey_table('test-design', method => 'EXACT', min_cell => 0)
        EXCEPT
        SELECT * FROM iscm.survey_table('test-design', method => 'clopper_pearson', min_cell => 0)) AS d;
SELECT count(*) AS differing
  FROM (SELECT * FROM iscm.survey_table('test-design', method => 'Wilson')
        EXCEPT
        SELECT * FROM iscm.survey_table('test-design')) AS d;
SELECT count(*) AS differing
  FROM (SELECT * FROM iscm.survey_table('test-design', design => 'dsg', method => 'Exact', weight => 'w', min_cell => 0)
        EXCEPT
        SELECT * FROM iscm.survey_table('test-design', design => 'dsg', method => 'clopper_pearson', weight => 'w', min_cell => 0)) AS d;

-- 6. A design relation without a survey column is matched on respondent alone
CREATE TEMP TABLE dsg_one AS SELECT respondent, w AS weight FROM dsg WHERE survey = 'test-design';
SELECT count(*) AS differing
  FROM (SELECT * FROM iscm.survey_table('test-design', 'dsg_one'::regclass, min_cell => 0)
        EXCEPT
        SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', min_cell => 0)) AS d;

-- 7. Errors
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'weight');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => NULL);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO dsg_one VALUES ('EGY', 3);
SELECT * FROM iscm.survey_table('test-design', design => 'dsg_one');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM dsg_one WHERE respondent IN ('EGY', 'GHA');
SELECT * FROM iscm.survey_table('test-design', design => 'dsg_one');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', method => 'likelihood');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', lonely_psu => 'ignore');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', method => 'beta');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', method => NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.survey_table('test-design', 'iscm.survey_answers_question_idx'::regclass);
\echo :LAST_ERROR_SQLSTATE
-- R's default lonely-PSU rule fails on a domain with a single PSU in a stratum
UPDATE dsg SET cluster = 'c1' WHERE stratum = 'south';
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w', stratum => 'stratum', psu => 'cluster');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
-- a bad weight is design_agg's error
UPDATE dsg SET w = -1 WHERE respondent = 'KEN';
SELECT * FROM iscm.survey_table('test-design', design => 'dsg', weight => 'w');
\echo :LAST_ERROR_SQLSTATE

-- 8. Plain column types for BI tools, in both forms
SELECT p.oid::regprocedure AS function, string_agg(DISTINCT format_type(t.typ, NULL), ', ') AS column_types
  FROM pg_proc AS p
 CROSS JOIN LATERAL unnest(p.proallargtypes, p.proargmodes) AS t(typ, mode)
 WHERE p.proname = 'survey_table' AND p.pronamespace = 'iscm'::regnamespace AND t.mode = 't'
 GROUP BY p.oid ORDER BY 1::text;

DELETE FROM iscm.surveys WHERE code = 'test-design';
