-- iscm demo: the seed surveys, their published figures and how they check out.
\pset footer off
\echo
\echo '== Surveys stored from the seed documents (respondents: named as responding / inferred from a practice named / stated)'
SELECT s.code, s.title, s.fielded,
       (SELECT count(*) FROM iscm.survey_respondents AS r WHERE r.survey = s.code AND r.basis <> 'inferred') AS named,
       (SELECT count(*) FROM iscm.survey_respondents AS r WHERE r.survey = s.code AND r.basis = 'inferred') AS inferred,
       s.n_respondents_stated AS stated
  FROM iscm.surveys AS s ORDER BY s.code;

\echo
\echo '== Published percentages of the 2008 GFMD paper against its 53 respondents (GRIM, rounding half up)'
\echo '   (the paper does not say how it rounds: if it truncated, only 82% would fit no count of 53)'
SELECT figure, as_written, percent_consistent AS possible_with_53, nearest_at_stated_n,
       largest_fitting_denominator AS at_most_answered,
       EXISTS (SELECT 1 FROM generate_series(0, stated_n) AS k
                WHERE floor(100.0 * k / stated_n) = percent::numeric) AS possible_if_truncated
  FROM iscm.published_figure_check
 WHERE survey = 'gfmd-2008' AND percent IS NOT NULL AND figure NOT LIKE '%\_bis'
 ORDER BY percent::numeric DESC, figure;

\echo
\echo '== Counts, their base and the States the documents name behind them'
SELECT c.survey, c.as_written,
       coalesce(substring(f.note FROM '^Base: ([^;]*)'), c.stated_n::text, 'none (change between rounds)') AS base,
       c.named_support, c.source_section
  FROM iscm.published_figure_check AS c
  JOIN iscm.published_figures AS f ON f.survey = c.survey AND f.figure = c.figure
 WHERE c.published_count IS NOT NULL
 ORDER BY c.survey, c.figure;

\echo
\echo '== Figures published in words, with the percentages the words allow (see each figure''s note)'
SELECT survey, figure, as_written, percent_range::text AS percent_range
  FROM iscm.published_figures
 WHERE percent_range IS NOT NULL
 ORDER BY survey, figure;

\echo
\echo '== What the 2008 paper says individual States mentioned (coded answers; only the States it names)'
SELECT a.question, count(*) AS states, string_agg(a.respondent, ',' ORDER BY a.respondent) AS respondents
  FROM iscm.survey_answers AS a
 WHERE a.survey = 'gfmd-2008' AND a.basis = 'coded'
 GROUP BY a.question ORDER BY states DESC, a.question;

\echo
\echo '== "Approximately half (26 out of 53)": the 24 States named in footnote 3, by region'
SELECT iscm.region_name(a.country) AS region, count(*) AS states,
       string_agg(a.name_as_written, ', ' ORDER BY a.name_as_written) AS named_as_written
  FROM iscm.figure_attributions AS a
 WHERE a.figure = 'national_plan_26_of_53'
 GROUP BY 1 ORDER BY 1;

\echo
\echo '== National plans, 2007 -> 2008, from the published counts (Newcombe interval; different respondents)'
SELECT '9 of 45 -> 26 of 53' AS published,
       round(d.estimate::numeric, 3) AS change, round(d.lower::numeric, 3) AS lower, round(d.upper::numeric, 3) AS upper
  FROM iscm.share_difference(iscm.figure_summary('gfmd-2008', 'national_plan_26_of_53'),
                             iscm.figure_summary('gfmd-2007', 'national_plan_9_of_45'), 'yes') AS d;
