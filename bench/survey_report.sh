#!/bin/bash
# survey_table() against the least work any such table needs: a plain
# GROUP BY (question, answer) count with its per-question base.  A synthetic
# survey of about 1M answers: every current country and 3,450 organizations
# answer 300 questions (yes/no, ordinal, multiple choice), 10% item
# non-response.  Prints the ratio of the best of three runs of each (lower is
# better; the report also computes intervals and suppression), unweighted, by
# region, and under a design (weights, 20 strata, 400 PSUs) read from a table.
# Run through tools/run-bench.
set -eu
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
DELETE FROM iscm.surveys WHERE code = 'bench';
DELETE FROM iscm.organizations WHERE code LIKE 'bench-%';
INSERT INTO iscm.surveys (code, title, source) VALUES ('bench', 'Benchmark survey', 'bench/survey_report.sh');
INSERT INTO iscm.survey_questions (survey, code, position, wording, answer_type, allowed_answers)
SELECT 'bench', 'q' || i, i, 'question ' || i,
       (ARRAY['yes_no', 'ordinal', 'multiple_choice'])[1 + i % 3],
       CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN '{daily,weekly,monthly,yearly}'::text[] ELSE '{a,b,c,d,e}'::text[] END
  FROM generate_series(1, 300) AS i;
INSERT INTO iscm.organizations (code, name, kind, source)
SELECT 'bench-' || i, 'Benchmark organization ' || i, 'other', 'bench/survey_report.sh' FROM generate_series(1, 3450) AS i;
INSERT INTO iscm.survey_respondents (survey, respondent, country, respondent_type)
SELECT 'bench', c.code, c.code::iscm.country, 'state' FROM iscm.countries AS c WHERE NOT c.is_former AND c.alpha3 IS NOT NULL;
INSERT INTO iscm.survey_respondents (survey, respondent, organization, respondent_type)
SELECT 'bench', o.code, o.code, 'igo' FROM iscm.organizations AS o WHERE o.code LIKE 'bench-%';
ALTER TABLE iscm.survey_answers DISABLE TRIGGER survey_answers_check;   -- loading speed only
INSERT INTO iscm.survey_answers (survey, respondent, question, value, choices)
SELECT 'bench', r.respondent, 'q' || i,
       CASE WHEN i % 3 = 0 THEN (ARRAY['yes', 'no'])[1 + (h % 2)]
            WHEN i % 3 = 1 THEN (ARRAY['daily', 'weekly', 'monthly', 'yearly'])[1 + (h % 4)] END,
       CASE WHEN i % 3 = 2 THEN (ARRAY['{a}', '{a,b}', '{c,d,e}', '{}', '{b,e}'])[1 + (h % 5)]::text[] END
  FROM iscm.survey_respondents AS r, generate_series(1, 300) AS i,
       LATERAL (SELECT abs(hashtext(r.respondent || i)) AS h) AS x
 WHERE r.survey = 'bench' AND x.h % 10 <> 0;
ALTER TABLE iscm.survey_answers ENABLE TRIGGER survey_answers_check;
DROP TABLE IF EXISTS bench_design;
CREATE TABLE bench_design AS
SELECT r.respondent, 1 + abs(hashtext(r.respondent)) % 7 AS weight,
       'stratum ' || abs(hashtext(r.respondent)) % 20 AS stratum, 'psu ' || abs(hashtext(r.respondent || 'p')) % 20 AS psu
  FROM iscm.survey_respondents AS r WHERE r.survey = 'bench';
ANALYZE iscm.survey_answers, iscm.survey_respondents, iscm.survey_questions, bench_design;
SQL
psql -X -A -t -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
CREATE TEMP TABLE timings (what text, ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
  FOR run IN 1..3 LOOP
    t0 := clock_timestamp();
    SELECT count(*) INTO n FROM (
      SELECT a.question, coalesce(a.value, c.choice) AS answer, count(*) AS count,
             sum(count(*)) OVER (PARTITION BY a.question) AS selections
        FROM iscm.survey_answers AS a
        LEFT JOIN LATERAL unnest(a.choices) AS c(choice) ON true
       WHERE a.survey = 'bench' AND (a.value IS NOT NULL OR a.choices IS NOT NULL)
       GROUP BY 1, 2) AS t;
    INSERT INTO timings VALUES ('baseline', 1000 * extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    SELECT count(*) INTO n FROM iscm.survey_table('bench');
    INSERT INTO timings VALUES ('survey_table', 1000 * extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    SELECT count(*) INTO n FROM iscm.survey_table('bench', 'region');
    INSERT INTO timings VALUES ('survey_table by region', 1000 * extract(epoch FROM clock_timestamp() - t0));
    t0 := clock_timestamp();
    SELECT count(*) INTO n FROM iscm.survey_table('bench', design => 'bench_design', stratum => 'stratum', psu => 'psu');
    INSERT INTO timings VALUES ('survey_table design', 1000 * extract(epoch FROM clock_timestamp() - t0));
  END LOOP;
END $$;
SELECT rpad(what, 24) || lpad(round(min(ms)::numeric, 1)::text, 9) || ' ms   ratio '
       || round((min(ms) / (SELECT min(ms) FROM timings WHERE what = 'baseline'))::numeric, 2)
  FROM timings GROUP BY what ORDER BY min(ms);
SELECT format('%s answers', count(*)) FROM iscm.survey_answers WHERE survey = 'bench';
DELETE FROM iscm.surveys WHERE code = 'bench';
DELETE FROM iscm.organizations WHERE code LIKE 'bench-%';
DROP TABLE bench_design;
SQL
