-- survey_table(): the published table of a small synthetic survey whose
-- numbers are worked out by hand below, by every grouping, with and without
-- suppression, serial and forced-parallel.
\set SHOW_CONTEXT never

INSERT INTO iscm.surveys (code, title, fielded, population, population_size, n_respondents_stated, n_respondents_source, source)
VALUES ('test-report', 'Synthetic report test survey', '2024', 'UN member States, ISCMs, IGOs', NULL, 22, 'test', 'sql/survey_report.sql');

INSERT INTO iscm.survey_questions (survey, code, position, wording, answer_type, allowed_answers) VALUES
  ('test-report', 'plan', 1, 'National migration and development plan?', 'yes_no', NULL),
  ('test-report', 'freq', 2, 'How often do ministries consult?', 'ordinal', '{daily,weekly,monthly,"every 1-3 months"}'),
  ('test-report', 'topics', 3, 'Topics raised', 'multiple_choice', '{remittances,diaspora,labour,return}'),
  ('test-report', 'staff', 4, 'Staff on migration and development', 'number', NULL),
  ('test-report', 'notes', 5, 'Remarks', 'free_text', NULL);

-- 20 States in four regions, one ISCM, one IGO, one refusal (USA: not counted).
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type, disposition)
SELECT 'test-report', c, c, 'state', CASE WHEN c = 'USA' THEN 'R' ELSE 'I' END
  FROM unnest('{EGY,GHA,KEN,MAR,NGA,SEN,ARG,BRA,CAN,MEX,IND,PHL,LKA,FRA,DEU,SWE,ESP,ITA,NLD,NOR,USA}'::text[]) AS c;
INSERT INTO iscm.survey_respondents (survey, respondent, mechanism, respondent_type) VALUES ('test-report', 'GFMD', 'GFMD', 'iscm');
INSERT INTO iscm.survey_respondents (survey, respondent, organization, respondent_type) VALUES ('test-report', 'IOM', 'IOM', 'igo');

--            plan  freq               topics
-- Africa     5 yes 1 no               monthly 4, weekly 1, 1-3 months 1     remittances 5, diaspora 5, labour 1, return 2 (of 6)
-- Americas   2 yes 1 no, MEX missing  weekly 3, monthly 1                   labour 2, diaspora 1 (of 3; MEX missing)
-- Asia       3 yes                    daily 1, weekly 2                     remittances 3, labour 3, diaspora 1 (of 3)
-- Europe     5 yes 2 no               monthly 5, weekly 1, 1-3 months 1     labour 4, return 5 (of 7)
-- GFMD, IOM  1 yes 1 no               (no answers)                          GFMD all four, IOM labour and return
-- all        16 yes 5 no (base 21)    daily 1, weekly 7, monthly 10,        remittances 9, diaspora 8, labour 12, return 9 (of 21)
--                                     1-3 months 2 (base 20)
INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices) VALUES
  ('test-report', 'EGY', 'plan', 'yes', NULL), ('test-report', 'EGY', 'freq', 'monthly', NULL), ('test-report', 'EGY', 'topics', NULL, '{remittances,diaspora}'),
  ('test-report', 'GHA', 'plan', 'yes', NULL), ('test-report', 'GHA', 'freq', 'monthly', NULL), ('test-report', 'GHA', 'topics', NULL, '{remittances,diaspora,labour}'),
  ('test-report', 'KEN', 'plan', 'yes', NULL), ('test-report', 'KEN', 'freq', 'weekly', NULL), ('test-report', 'KEN', 'topics', NULL, '{remittances}'),
  ('test-report', 'MAR', 'plan', 'yes', NULL), ('test-report', 'MAR', 'freq', 'monthly', NULL), ('test-report', 'MAR', 'topics', NULL, '{diaspora,return}'),
  ('test-report', 'NGA', 'plan', 'no', NULL), ('test-report', 'NGA', 'freq', 'every 1-3 months', NULL), ('test-report', 'NGA', 'topics', NULL, '{remittances,diaspora}'),
  ('test-report', 'SEN', 'plan', 'yes', NULL), ('test-report', 'SEN', 'freq', 'monthly', NULL), ('test-report', 'SEN', 'topics', NULL, '{remittances,diaspora,return}'),
  ('test-report', 'ARG', 'plan', 'yes', NULL), ('test-report', 'ARG', 'freq', 'weekly', NULL), ('test-report', 'ARG', 'topics', NULL, '{labour}'),
  ('test-report', 'BRA', 'plan', 'yes', NULL), ('test-report', 'BRA', 'freq', 'weekly', NULL), ('test-report', 'BRA', 'topics', NULL, '{}'),
  ('test-report', 'CAN', 'plan', 'no', NULL), ('test-report', 'CAN', 'freq', 'monthly', NULL), ('test-report', 'CAN', 'topics', NULL, '{labour,diaspora}'),
  ('test-report', 'MEX', 'plan', NULL, NULL), ('test-report', 'MEX', 'freq', 'weekly', NULL),
  ('test-report', 'IND', 'plan', 'yes', NULL), ('test-report', 'IND', 'freq', 'daily', NULL), ('test-report', 'IND', 'topics', NULL, '{remittances,labour}'),
  ('test-report', 'PHL', 'plan', 'yes', NULL), ('test-report', 'PHL', 'freq', 'weekly', NULL), ('test-report', 'PHL', 'topics', NULL, '{remittances,labour,diaspora}'),
  ('test-report', 'LKA', 'plan', 'yes', NULL), ('test-report', 'LKA', 'freq', 'weekly', NULL), ('test-report', 'LKA', 'topics', NULL, '{remittances,labour}'),
  ('test-report', 'FRA', 'plan', 'yes', NULL), ('test-report', 'FRA', 'freq', 'monthly', NULL), ('test-report', 'FRA', 'topics', NULL, '{return}'),
  ('test-report', 'DEU', 'plan', 'no', NULL), ('test-report', 'DEU', 'freq', 'monthly', NULL), ('test-report', 'DEU', 'topics', NULL, '{labour,return}'),
  ('test-report', 'SWE', 'plan', 'yes', NULL), ('test-report', 'SWE', 'freq', 'weekly', NULL), ('test-report', 'SWE', 'topics', NULL, '{labour}'),
  ('test-report', 'ESP', 'plan', 'yes', NULL), ('test-report', 'ESP', 'freq', 'monthly', NULL), ('test-report', 'ESP', 'topics', NULL, '{labour,return}'),
  ('test-report', 'ITA', 'plan', 'no', NULL), ('test-report', 'ITA', 'freq', 'every 1-3 months', NULL), ('test-report', 'ITA', 'topics', NULL, '{return}'),
  ('test-report', 'NLD', 'plan', 'yes', NULL), ('test-report', 'NLD', 'freq', 'monthly', NULL), ('test-report', 'NLD', 'topics', NULL, '{labour,return}'),
  ('test-report', 'NOR', 'plan', 'yes', NULL), ('test-report', 'NOR', 'freq', 'monthly', NULL), ('test-report', 'NOR', 'topics', NULL, '{}'),
  ('test-report', 'GFMD', 'plan', 'yes', NULL), ('test-report', 'GFMD', 'topics', NULL, '{remittances,diaspora,labour,return}'),
  ('test-report', 'IOM', 'plan', 'no', NULL), ('test-report', 'IOM', 'topics', NULL, '{labour,return}'),
  ('test-report', 'EGY', 'staff', '12', NULL), ('test-report', 'EGY', 'notes', 'not tabulated', NULL);

-- All respondents, no suppression.  Wilson 95%: 16/21 -> 0.5491 .. 0.8937,
-- 10/20 -> 0.2993 .. 0.7007, 12/21 -> 0.3655 .. 0.7553 (formula in the
-- reference; number and free_text questions are not tabulated).
SELECT group_name, question_code, answer, count, base, round(share::numeric, 4) AS share,
       round(ci_lower::numeric, 4) AS ci_lower, round(ci_upper::numeric, 4) AS ci_upper, suppressed
  FROM iscm.survey_table('test-report', min_cell => 0);

-- The intervals agree with the Wilson formula computed here from count and base.
SELECT count(*) AS cells,
       count(*) FILTER (WHERE abs(t.ci_lower - w.lower) > 1e-9 OR abs(t.ci_upper - w.upper) > 1e-9) AS disagreements
  FROM iscm.survey_table('test-report', min_cell => 0) AS t
 CROSS JOIN LATERAL (
     SELECT (p + z*z/(2*n) - z*sqrt(p*(1-p)/n + z*z/(4*n*n))) / (1 + z*z/n) AS lower,
            (p + z*z/(2*n) + z*sqrt(p*(1-p)/n + z*z/(4*n*n))) / (1 + z*z/n) AS upper
       FROM (SELECT t.count::float8 / t.base AS p, t.base::float8 AS n, 1.959963984540054::float8 AS z) AS v
 ) AS w;

-- By respondent type: States 15 yes of 19; the ISCM and the IGO one each.
SELECT group_name, question_code, answer, count, base, round(share::numeric, 4) AS share, suppressed
  FROM iscm.survey_table('test-report', 'respondent_type', min_cell => 0)
 WHERE question_code = 'plan';

-- By region with min_cell 3 (worked out by hand):
--  plan     Africa 5/1: 1 < 3, its complement 5 goes too (6 >= 2*3): base 6 shown
--           Americas 2/1: both < 3, together 3 < 6 and nothing left: base withheld
--           Asia 3/0: nothing below 3: shown
--           Europe 5/2: 2 < 3, 5 goes too (7 >= 6)
--           (no region) GFMD and IOM 1/1: both < 3, sum 2: base withheld
--  freq     Africa weekly 1, every 1-3 months 1 < 3 (sum 2), monthly 4 goes too (6): daily 0 shown
--           Americas monthly 1; weekly 3, then the zero cells: 4 < 6 even then: base withheld
--           Asia daily 1, weekly 2; zero cells too; 3 < 6: base withheld
--           Europe weekly 1, every 1-3 months 1; monthly 5 (sum 7): daily 0 shown
--  topics   (multiple choice, no complementary cells) a count or its complement
--           1 or 2: Africa all four, Americas diaspora and labour, Asia diaspora,
--           Europe return (7 - 5 = 2), (no region) all four.
SELECT group_name, question_code, answer, count, base, round(share::numeric, 4) AS share, suppressed
  FROM iscm.survey_table('test-report', 'region', min_cell => 3);

-- With the default threshold 5 every region's plan table is suppressed or withheld.
SELECT group_name, answer, count, base, suppressed
  FROM iscm.survey_table('test-report', 'region') WHERE question_code = 'plan';

-- Suppressed cells never show a count, share or interval.
SELECT bool_and(count IS NULL AND share IS NULL AND ci_lower IS NULL AND ci_upper IS NULL) AS hidden
  FROM iscm.survey_table('test-report', 'subregion', min_cell => 3) WHERE suppressed;
SELECT DISTINCT group_name FROM iscm.survey_table('test-report', 'subregion', min_cell => 3) ORDER BY 1;

-- By membership of a mechanism during the survey year (members only, not observers).
INSERT INTO iscm.mechanisms (code, name, acronym, kind, source)
VALUES ('TESTM', 'Test mechanism', 'TM', 'regional consultative process', 'sql/survey_report.sql');
INSERT INTO iscm.participations (mechanism, state, role, start_date, start_basis, end_date, end_basis, source) VALUES
  ('TESTM', 'EGY', 'member', '2010', 'began', NULL, NULL, 'test'),
  ('TESTM', 'KEN', 'member', '2023-06', 'began', NULL, NULL, 'test'),
  ('TESTM', 'FRA', 'member', '2010', 'began', '2024-02', 'ended', 'test'),    -- member for part of 2024
  ('TESTM', 'DEU', 'member', '2010', 'began', '2019', 'ended', 'test'),       -- left before the survey
  ('TESTM', 'IND', 'observer', '2010', 'began', NULL, NULL, 'test'),         -- observers are not members
  ('TESTM', 'PHL', 'member', '2025', 'began', NULL, NULL, 'test');           -- joined after the survey
SELECT group_name, answer, count, base, suppressed
  FROM iscm.survey_table('test-report', 'mechanism:tm', min_cell => 0) WHERE question_code = 'plan';

-- A mechanism is found by code, acronym (any case) or alias.
SELECT bool_and(group_name IN ('(not a State)', 'member of RCM', 'not a member of RCM')) AS by_alias
  FROM iscm.survey_table('test-report', 'mechanism:Puebla Process');

-- Changes between rounds from raw answers: a previous round with 8 of the same
-- States (and one State, CHL, not in this round).
--   EGY no->yes  GHA no->yes  KEN no->yes  NGA yes->no  FRA yes->yes  DEU no->no
--   MEX yes->(no answer)  IND (no answer)->yes
INSERT INTO iscm.surveys (code, title, fielded, source) VALUES ('test-report-prev', 'Previous round', '2023', 'sql/survey_report.sql');
INSERT INTO iscm.survey_questions (survey, code, wording, answer_type, allowed_answers) VALUES
  ('test-report-prev', 'plan', 'National plan?', 'yes_no', NULL),
  ('test-report-prev', 'topics', 'Topics raised', 'multiple_choice', '{remittances,diaspora}');
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type)
SELECT 'test-report-prev', c, c, 'state' FROM unnest('{EGY,GHA,KEN,NGA,FRA,DEU,MEX,IND,CHL}'::text[]) AS c;
INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES
  ('test-report-prev', 'EGY', 'plan', 'no'), ('test-report-prev', 'GHA', 'plan', 'no'), ('test-report-prev', 'KEN', 'plan', 'no'),
  ('test-report-prev', 'NGA', 'plan', 'yes'), ('test-report-prev', 'FRA', 'plan', 'yes'), ('test-report-prev', 'DEU', 'plan', 'no'),
  ('test-report-prev', 'MEX', 'plan', 'yes'), ('test-report-prev', 'CHL', 'plan', 'yes');
SELECT * FROM iscm.transitions(iscm.survey_transition('test-report', 'test-report-prev', 'plan')) ORDER BY 1 NULLS LAST, 2 NULLS LAST;
-- "three States that answered no last year answered yes this year", one the other way:
-- exact McNemar P = 2 * P(Bin(4, 1/2) <= 1) = 0.625.
SELECT iscm.pairs(t) AS complete_pairs, round(iscm.mcnemar(t, 'yes')::numeric, 4) AS mcnemar_exact,
       round((iscm.paired_difference(t, 'yes')).estimate::numeric, 4) AS change_in_yes_share
  FROM iscm.survey_transition('test-report', 'test-report-prev', 'plan') AS t;

-- Bad arguments: 22023 with a hint listing what is accepted.
CREATE FUNCTION pg_temp.try(stmt text, OUT state text, OUT message text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE stmt;
    state := 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
END $$;
SELECT t.state, t.message,
       CASE WHEN t.hint LIKE 'known mechanisms: %' THEN 'known mechanisms: (the codes in iscm.mechanisms)' ELSE t.hint END AS hint
  FROM (VALUES
  (1, $$SELECT * FROM iscm.survey_table('test-report', 'country')$$),
  (2, $$SELECT * FROM iscm.survey_table('test-report', 'region; DROP TABLE iscm.surveys')$$),
  (3, $$SELECT * FROM iscm.survey_table('test-report', 'mechanism:nowhere')$$),
  (4, $$SELECT * FROM iscm.survey_table('no-such-survey')$$),
  (5, $$SELECT * FROM iscm.survey_table('test-report', level => 1.5)$$),
  (6, $$SELECT * FROM iscm.survey_table('test-report', min_cell => -1)$$),
  (7, $$SELECT * FROM iscm.survey_table('test-report', method => 'bootstrap')$$),
  (8, $$SELECT * FROM iscm.survey_table('test-report', 'Region')$$),
  (9, $$SELECT iscm.survey_transition('test-report', 'test-report-prev', 'freq')$$),
  (10, $$SELECT iscm.survey_transition('test-report', 'test-report-prev', 'topics')$$),
  (11, $$SELECT iscm.survey_transition('test-report', 'test-report', 'plan')$$)
) AS c(n, stmt), LATERAL pg_temp.try(c.stmt) AS t
ORDER BY c.n;

-- Other interval methods and levels come from the accessors (Clopper-Pearson 90%
-- for 16/21: 0.5630 .. 0.9012, checked against the binomial tail sums).
SELECT answer, round(ci_lower::numeric, 4) AS lower, round(ci_upper::numeric, 4) AS upper
  FROM iscm.survey_table('test-report', min_cell => 0, method => 'clopper_pearson', level => 0.9)
 WHERE question_code = 'plan';

-- Output columns are plain types (for BI tools).
SELECT pg_get_function_result('iscm.survey_table(text,text,double precision,integer,text)'::regprocedure);

-- Forced parallel plans give the same tables and summaries as serial ones.
CREATE TEMP TABLE serial_table AS SELECT * FROM iscm.survey_table('test-report', 'region', min_cell => 3);
CREATE TEMP TABLE serial_summaries AS
  SELECT question, iscm.answer_agg(value)::text AS single, iscm.choices_agg(choices)::text AS multiple
    FROM iscm.survey_answers GROUP BY question;
CREATE TEMP TABLE serial_total AS
  SELECT iscm.answer_agg(value)::text AS single, iscm.choices_agg(choices)::text AS multiple
    FROM iscm.survey_answers;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 160000 THEN
        SET debug_parallel_query = on;
    ELSE
        SET force_parallel_mode = on;
    END IF;
END $$;
-- the planner's worker count follows the table's size in pages, which depends on
-- whether autovacuum has truncated the space of earlier tests' deleted rows yet
ALTER TABLE iscm.survey_answers SET (parallel_workers = 2);
EXPLAIN (COSTS OFF)
  SELECT iscm.answer_agg(value)::text, iscm.choices_agg(choices)::text FROM iscm.survey_answers;
SELECT t.single = s.single AND t.multiple = s.multiple AS total_equals_serial
  FROM serial_total AS s,
       (SELECT iscm.answer_agg(value)::text AS single, iscm.choices_agg(choices)::text AS multiple
          FROM iscm.survey_answers) AS t;
SELECT count(*) AS differing_summaries FROM (
  (SELECT question, iscm.answer_agg(value)::text, iscm.choices_agg(choices)::text FROM iscm.survey_answers GROUP BY question
   EXCEPT SELECT * FROM serial_summaries)
  UNION ALL
  (SELECT * FROM serial_summaries
   EXCEPT SELECT question, iscm.answer_agg(value)::text, iscm.choices_agg(choices)::text FROM iscm.survey_answers GROUP BY question)
) AS d;
SELECT count(*) AS differing_cells FROM (
  (SELECT * FROM iscm.survey_table('test-report', 'region', min_cell => 3) EXCEPT SELECT * FROM serial_table)
  UNION ALL
  (SELECT * FROM serial_table EXCEPT SELECT * FROM iscm.survey_table('test-report', 'region', min_cell => 3))
) AS d;
RESET ALL;
ALTER TABLE iscm.survey_answers RESET (parallel_workers);

DELETE FROM iscm.participations WHERE mechanism = 'TESTM';
DELETE FROM iscm.mechanisms WHERE code = 'TESTM';
DELETE FROM iscm.surveys WHERE code IN ('test-report', 'test-report-prev');
