-- Survey records: every kind of bad answer is rejected with a clear error and
-- SQLSTATE, and a failing statement loses nothing already stored.
\set SHOW_CONTEXT never
SET client_min_messages = warning;

-- Runs a statement and reports its outcome: 'ok' or SQLSTATE, message, detail, hint.
CREATE FUNCTION pg_temp.try(stmt text,
    OUT state text, OUT message text, OUT detail text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE stmt;
    state := 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
                            detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
END $$;

INSERT INTO iscm.surveys (code, title, fielded, population, population_size, n_respondents_stated, n_respondents_source, source)
VALUES ('test-records', 'Validation test survey', '2024-03', 'UN member States', 193, 4, 'test', 'sql/survey_records.sql');

INSERT INTO iscm.survey_questions (survey, code, position, wording, answer_type, allowed_answers) VALUES
  ('test-records', 'plan', 1, 'Does your State have a national migration and development plan?', 'yes_no', NULL),
  ('test-records', 'lead', 2, 'Which ministry leads?', 'single_choice', '{foreign affairs,interior,labour}'),
  ('test-records', 'freq', 3, 'How often do ministries consult?', 'ordinal', '{daily,weekly,monthly,"every 1-3 months"}'),
  ('test-records', 'topics', 4, 'Which topics does your State raise?', 'multiple_choice', '{remittances,diaspora,labour,return}'),
  ('test-records', 'staff', 5, 'How many staff work on migration and development?', 'number', NULL),
  ('test-records', 'notes', 6, 'Remarks', 'free_text', NULL);

-- yes_no questions get {yes,no} when no list is given
SELECT code, answer_type, allowed_answers FROM iscm.survey_questions WHERE survey = 'test-records' ORDER BY position;

INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type, disposition) VALUES
  ('test-records', 'A', 'FRA', 'state', 'I'),
  ('test-records', 'B', 'GHA', 'state', 'P'),
  ('test-records', 'C', 'PHL', 'state', 'I'),
  ('test-records', 'D', 'MEX', 'state', 'R');

INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices) VALUES
  ('test-records', 'A', 'plan', 'yes', NULL),
  ('test-records', 'A', 'lead', 'interior', NULL),
  ('test-records', 'A', 'freq', 'every 1-3 months', NULL),
  ('test-records', 'A', 'topics', NULL, '{remittances,return}'),
  ('test-records', 'A', 'staff', '12', NULL),
  ('test-records', 'A', 'notes', 'Inter-ministerial committee since 2007.', NULL),
  ('test-records', 'B', 'plan', 'no', NULL),
  ('test-records', 'B', 'topics', NULL, '{}'),           -- answered, chose none
  ('test-records', 'B', 'staff', '0.5', NULL),
  ('test-records', 'B', 'lead', NULL, NULL),             -- item non-response
  ('test-records', 'C', 'plan', 'yes', NULL);

-- A fingerprint of everything stored for the test survey, to prove that failing
-- statements change nothing.
CREATE TEMP VIEW stored AS
SELECT (SELECT pg_catalog.md5(pg_catalog.string_agg(a::text, '|' ORDER BY a.respondent, a.question))
          FROM iscm.survey_answers AS a WHERE a.survey = 'test-records') AS answers,
       (SELECT pg_catalog.md5(pg_catalog.string_agg(q::text, '|' ORDER BY q.code))
          FROM iscm.survey_questions AS q WHERE q.survey = 'test-records') AS questions,
       (SELECT pg_catalog.md5(pg_catalog.string_agg(r::text, '|' ORDER BY r.respondent))
          FROM iscm.survey_respondents AS r WHERE r.survey = 'test-records') AS respondents,
       (SELECT pg_catalog.count(*) FROM iscm.survey_answers AS a WHERE a.survey = 'test-records') AS n_answers;
CREATE TEMP TABLE before AS SELECT * FROM stored;
SELECT n_answers FROM before;

-- Each kind of bad answer, one at a time.
SELECT t.* FROM (VALUES
  (1, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'lead', 'maybe')$$),
  (2, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'B', 'freq', 'yearly')$$),
  (3, $$UPDATE iscm.survey_answers SET value = 'Yes' WHERE survey = 'test-records' AND respondent = 'C' AND question = 'plan'$$),
  (4, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'staff', 'about ten')$$),
  (5, $$INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'C', 'lead', '{interior,labour}')$$),
  (6, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'topics', 'diaspora')$$),
  (7, $$INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'C', 'topics', '{diaspora,trade,visas}')$$),
  (8, $$INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'C', 'topics', '{diaspora,diaspora}')$$),
  (9, $$INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'C', 'topics', '{diaspora,NULL}')$$),
  (10, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'A', 'plan', 'no')$$),
  (11, $$INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'A', 'topics', '{labour}')$$),
  (12, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'D', 'plan', 'yes')$$),
  (13, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'budget', 'yes')$$),
  (14, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'Z', 'plan', 'yes')$$),
  (15, $$INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices) VALUES ('test-records', 'C', 'notes', 'x', '{y}')$$)
) AS c(n, stmt), LATERAL pg_temp.try(c.stmt) AS t
ORDER BY c.n;

-- Statement-level failure: a multi-row INSERT whose third row is bad stores
-- none of its rows; a second answer inside the same statement is caught too.
SELECT * FROM pg_temp.try($$
  INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES
    ('test-records', 'C', 'lead', 'labour'),
    ('test-records', 'C', 'freq', 'weekly'),
    ('test-records', 'C', 'staff', 'ten')$$);
SELECT * FROM pg_temp.try($$
  INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES
    ('test-records', 'C', 'lead', 'labour'),
    ('test-records', 'C', 'lead', 'interior')$$);
-- an UPDATE of many rows fails as a whole when one row becomes invalid
SELECT * FROM pg_temp.try($$
  UPDATE iscm.survey_answers SET value = 'no' WHERE survey = 'test-records' AND question IN ('plan', 'lead')$$);

-- Changes to questions and respondents that would invalidate stored answers.
SELECT t.* FROM (VALUES
  (1, $$UPDATE iscm.survey_questions SET allowed_answers = '{foreign affairs,labour}' WHERE survey = 'test-records' AND code = 'lead'$$),
  (2, $$UPDATE iscm.survey_questions SET answer_type = 'number', allowed_answers = NULL WHERE survey = 'test-records' AND code = 'freq'$$),
  (3, $$UPDATE iscm.survey_questions SET answer_type = 'single_choice' WHERE survey = 'test-records' AND code = 'topics'$$),
  (4, $$UPDATE iscm.survey_respondents SET disposition = 'R' WHERE survey = 'test-records' AND respondent = 'A'$$),
  (5, $$DELETE FROM iscm.survey_questions WHERE survey = 'test-records' AND code = 'plan'$$),
  (6, $$INSERT INTO iscm.survey_questions (survey, code, wording, answer_type, allowed_answers) VALUES ('test-records', 'q7', 'x', 'yes_no', '{oui,non}')$$),
  (7, $$INSERT INTO iscm.survey_questions (survey, code, wording, answer_type, allowed_answers) VALUES ('test-records', 'q8', 'x', 'single_choice', '{a,a}')$$),
  (8, $$INSERT INTO iscm.survey_questions (survey, code, wording, answer_type, allowed_answers) VALUES ('test-records', 'q9', 'x', 'number', '{1,2}')$$),
  (9, $$INSERT INTO iscm.survey_questions (survey, code, wording, answer_type) VALUES ('test-records', 'q10', 'x', 'ranking')$$),
  (10, $$INSERT INTO iscm.survey_respondents (survey, respondent, respondent_type) VALUES ('test-records', 'E', 'igo')$$),
  (11, $$INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type) VALUES ('test-records', 'E', 'FRA', 'state')$$),
  (12, $$INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type, disposition) VALUES ('test-records', 'E', 'CHL', 'state', 'X')$$)
) AS c(n, stmt), LATERAL pg_temp.try(c.stmt) AS t
ORDER BY c.n;

-- Nothing stored was lost or changed by any failing statement.
SELECT s.answers = b.answers AS answers_unchanged,
       s.questions = b.questions AS questions_unchanged,
       s.respondents = b.respondents AS respondents_unchanged,
       s.n_answers
  FROM stored AS s, before AS b;

-- Valid changes go through: a longer list keeps stored answers valid, an answer
-- is corrected by UPDATE, a refusal becomes a complete interview.
UPDATE iscm.survey_questions SET allowed_answers = '{foreign affairs,interior,labour,development}'
 WHERE survey = 'test-records' AND code = 'lead';
UPDATE iscm.survey_answers SET value = 'no' WHERE survey = 'test-records' AND respondent = 'C' AND question = 'plan';
UPDATE iscm.survey_respondents SET disposition = 'I' WHERE survey = 'test-records' AND respondent = 'D';
INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'D', 'plan', 'yes');
SELECT respondent, question, value, choices
  FROM iscm.survey_answers WHERE survey = 'test-records' ORDER BY respondent, question;

-- A hostile search_path cannot change the checks: an operator and functions
-- shadowing the built-in ones are not used by the triggers or the report.
CREATE SCHEMA hostile;
CREATE FUNCTION hostile.texteq_always(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.texteq_always);
CREATE FUNCTION hostile.array_to_string(anyarray, text) RETURNS text LANGUAGE sql AS $$SELECT 'hijacked'$$;
CREATE FUNCTION hostile.count(iscm.answer_summary, text) RETURNS bigint LANGUAGE sql AS 'SELECT 999::bigint';
SET search_path = hostile, public, iscm;
SELECT * FROM pg_temp.try($$INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'lead', 'maybe')$$);
SELECT answer, count, base FROM iscm.survey_table('test-records', min_cell => 0) WHERE question_code = 'plan';
RESET search_path;
DROP SCHEMA hostile CASCADE;

-- The error as psql prints it: DETAIL and HINT lines only when there is one
-- (RAISE ... USING DETAIL = '' would print an empty "DETAIL:" line).
\set VERBOSITY default
INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'lead', 'maybe');
INSERT INTO iscm.survey_answers (survey, respondent, question, value) VALUES ('test-records', 'C', 'staff', 'many');
INSERT INTO iscm.survey_answers (survey, respondent, question, choices) VALUES ('test-records', 'C', 'topics', '{diaspora,NULL}');

-- fielded is optional: a survey whose date the sources do not give
INSERT INTO iscm.surveys (code, title, source) VALUES ('test-undated', 'Undated survey', 'sql/survey_records.sql');
SELECT code, fielded FROM iscm.surveys WHERE code = 'test-undated';
SELECT * FROM pg_temp.try($$INSERT INTO iscm.surveys (code, title, source, fielded) VALUES ('test-baddate', 'x', 'y', '2008-02-30')$$);
DELETE FROM iscm.surveys WHERE code = 'test-undated';

-- Deleting a survey removes all its records at once.
DELETE FROM iscm.surveys WHERE code = 'test-records';
SELECT (SELECT count(*) FROM iscm.survey_questions WHERE survey = 'test-records') AS questions,
       (SELECT count(*) FROM iscm.survey_respondents WHERE survey = 'test-records') AS respondents,
       (SELECT count(*) FROM iscm.survey_answers WHERE survey = 'test-records') AS answers;
