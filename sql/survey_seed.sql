-- Seed surveys: what the 2008 GFMD paper (seed 004) and the 2019 IOM ISCM
-- assessment (seed 000) state, and the reconciliation of their figures.

-- The three surveys with the respondent counts their reports state.
SELECT code, series, round, fielded, n_respondents_stated, is_seed FROM iscm.surveys ORDER BY code;
SELECT survey, respondent_type, n_stated FROM iscm.survey_respondent_counts ORDER BY survey, respondent_type;

-- Stored records per survey: only named respondents (43 of the 53 in 2008, none
-- of the 45 in 2007) and only answers attributed to named States.
SELECT s.code,
       (SELECT count(*) FROM iscm.survey_questions AS q WHERE q.survey = s.code) AS questions,
       (SELECT count(*) FROM iscm.survey_respondents AS r WHERE r.survey = s.code) AS respondents,
       (SELECT count(*) FROM iscm.survey_answers AS a WHERE a.survey = s.code) AS answers,
       (SELECT count(*) FROM iscm.published_figures AS f WHERE f.survey = s.code) AS figures,
       (SELECT count(*) FROM iscm.figure_attributions AS a WHERE a.survey = s.code) AS attributions
  FROM iscm.surveys AS s ORDER BY s.code;

-- Every seed row is marked as such and names its source.
SELECT bool_and(is_seed AND source IS NOT NULL) FROM iscm.survey_respondents;
SELECT bool_and(is_seed AND source IS NOT NULL) FROM iscm.survey_answers;
SELECT bool_and(is_seed AND wording_source IS NOT NULL) FROM iscm.survey_questions;
SELECT bool_and(is_seed AND source_file IS NOT NULL AND source_section IS NOT NULL) FROM iscm.published_figures;

-- The respondents never outnumber the stated count.
SELECT s.code, s.n_respondents_stated, count(r.*) AS named
  FROM iscm.surveys AS s LEFT JOIN iscm.survey_respondents AS r ON r.survey = s.code
 GROUP BY s.code, s.n_respondents_stated
HAVING count(r.*) > s.n_respondents_stated;

-- "26 out of 53" and the 24 States footnote 3 names.
SELECT as_written, count, stated_denominator, source_section, note
  FROM iscm.published_figures WHERE figure = 'national_plan_26_of_53';
SELECT name_as_written, country::text AS country
  FROM iscm.figure_attributions WHERE figure = 'national_plan_26_of_53' ORDER BY country::text;
-- Every State named in a document reads, as written, as the stored country
-- ("the Netherlands", "Russian Federation" ...), and is a stored respondent.
SELECT count(*) AS attributions,
       count(*) FILTER (WHERE iscm.try_country(fa.name_as_written) OPERATOR(iscm.=) fa.country) AS name_matches,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM iscm.survey_respondents AS r
                                       WHERE r.survey = fa.survey AND r.country OPERATOR(iscm.=) fa.country)) AS respondents
  FROM iscm.figure_attributions AS fa;
SELECT r.survey, r.respondent, iscm.country_name(r.country) AS name, iscm.region_name(r.country) AS region
  FROM iscm.survey_respondents AS r
 WHERE r.survey = 'gfmd-2008' AND r.respondent IN ('CIV', 'TZA', 'RUS', 'ARE')
 ORDER BY r.respondent;
-- ... each of them is stored as a respondent answering yes.
SELECT count(*) AS named_states,
       count(*) FILTER (WHERE a.value = 'yes') AS answering_yes
  FROM iscm.figure_attributions AS fa
  JOIN iscm.survey_respondents AS r ON r.survey = fa.survey AND r.country OPERATOR(iscm.=) fa.country
  LEFT JOIN iscm.survey_answers AS a ON a.survey = r.survey AND a.respondent = r.respondent AND a.question = 'national_plan'
 WHERE fa.figure = 'national_plan_26_of_53';

-- The reconciliation of every published figure.
SELECT survey, figure, as_written, percent, published_count AS count, stated_n, stated_n_basis,
       percent_consistent, nearest_at_stated_n, largest_fitting_denominator AS largest_fit,
       count_consistent, named_states, unnamed, stored_answers, named_support
  FROM iscm.published_figure_check
 ORDER BY survey, figure;

-- 73%, 67%, 82% and 90% (and 84%) cannot be shares of 53 respondents; 77% and 79% can.
SELECT percent, bool_and(percent_consistent) AS consistent_with_53, array_agg(figure ORDER BY figure) AS figures
  FROM iscm.published_figure_check
 WHERE survey = 'gfmd-2008' AND percent IS NOT NULL
 GROUP BY percent ORDER BY percent;

-- The denominators that would fit: at most 51 of the 53 answered the 84% item.
SELECT figure, fitting_denominators
  FROM iscm.published_figure_check
 WHERE figure IN ('migration_in_development_84', 'informal_consultations_82', 'io_role_90');

-- The GRIM verdicts agree with a direct enumeration in numeric arithmetic
-- (round() on numeric rounds half away from zero, i.e. half up here).
SELECT count(*) AS figures_checked,
       count(*) FILTER (WHERE c.percent_consistent IS DISTINCT FROM direct.consistent) AS disagreements,
       count(*) FILTER (WHERE c.fitting_denominators IS DISTINCT FROM direct.denominators) AS denominator_disagreements
  FROM iscm.published_figure_check AS c
 CROSS JOIN LATERAL (
     SELECT coalesce(bool_or(n = c.stated_n), false) AS consistent,
            array_to_string(array_agg(DISTINCT n ORDER BY n), ', ') AS denominators
       FROM generate_series(1, c.stated_n) AS n, generate_series(0, n) AS k
      WHERE round(100.0 * k / n) = c.percent::numeric
 ) AS direct
 WHERE c.percent IS NOT NULL;

-- Changes between rounds point to the earlier survey and its answer.
SELECT figure, previous_survey, previous_answer, answer, as_written, count
  FROM iscm.published_figures WHERE previous_survey IS NOT NULL ORDER BY figure;

-- 2019: all 13 States behind "13 States" are named; 46 States responded.
SELECT figure, published_count, stated_n, named_support, named_as_written
  FROM iscm.published_figure_check WHERE survey = 'iom-iscm-2019';

-- Published figures as answer summaries: the change in national plans from
-- "9 States out of 45" (2007) to "26 out of 53" (2008), with Newcombe's interval.
SELECT iscm.figure_summary('gfmd-2008', 'national_plan_26_of_53');
SELECT round(d.estimate::numeric, 4) AS difference, round(d.lower::numeric, 4) AS lower, round(d.upper::numeric, 4) AS upper, d.method
  FROM iscm.share_difference(iscm.figure_summary('gfmd-2008', 'national_plan_26_of_53'),
                             iscm.figure_summary('gfmd-2007', 'national_plan_9_of_45'), 'yes') AS d;
-- 77% of 53 can only be 41; 84% of 53 is no count at all; a change between rounds has no base.
SELECT iscm.describe(iscm.figure_summary('gfmd-2008', 'development_in_migration_77'), 'yes');
\set SHOW_CONTEXT never
SELECT iscm.figure_summary('gfmd-2008', 'migration_in_development_84');
SELECT iscm.figure_summary('gfmd-2008', 'migration_in_development_no_to_yes');
SELECT iscm.figure_summary('gfmd-2008', 'no_such_figure');
-- A figure published in words has a range, not a count ("just over half" of 2007).
SELECT iscm.figure_summary('gfmd-2007', 'resources_just_over_half');
SELECT figure, percent_range FROM iscm.published_figures WHERE percent_range IS NOT NULL ORDER BY survey, figure;
-- A range lies within 0..100 and is not empty.
INSERT INTO iscm.published_figures (survey, figure, question, answer, as_written, percent_range, quote, source_file, source_section)
VALUES ('gfmd-2008', 'range_1', 'resources', 'yes', 'most', '(50,101]', 'test', 'test', 'test');
INSERT INTO iscm.published_figures (survey, figure, question, answer, as_written, percent_range, quote, source_file, source_section)
VALUES ('gfmd-2008', 'range_2', 'resources', 'yes', 'none', '(50,50)', 'test', 'test', 'test');
INSERT INTO iscm.published_figures (survey, figure, question, answer, as_written, quote, source_file, source_section)
VALUES ('gfmd-2008', 'range_3', 'resources', 'yes', 'some', 'test', 'test', 'test');

-- A percentage is checked with the decimals it was written with: 83.0% fits
-- 44/53 (83.02%), 83.00% does not.
INSERT INTO iscm.published_figures (survey, figure, question, answer, as_written, percent, quote, source_file, source_section)
VALUES ('gfmd-2008', 'decimals_1', 'resources', 'yes', '83.0%', 83.0, 'test', 'test', 'test'),
       ('gfmd-2008', 'decimals_2', 'resources', 'yes', '83.00%', 83.00, 'test', 'test', 'test');
SELECT figure, percent, percent_consistent, largest_fitting_denominator
  FROM iscm.published_figure_check WHERE figure LIKE 'decimals%' ORDER BY figure;
DELETE FROM iscm.published_figures WHERE figure LIKE 'decimals%';
