-- iscm demo: the seed surveys, their published figures and how they check out.
\pset footer off
\echo
\echo '== Surveys stored from the seed documents (respondents: named in the documents / stated)'
SELECT s.code, s.title, s.fielded,
       (SELECT count(*) FROM iscm.survey_respondents AS r WHERE r.survey = s.code) AS named,
       s.n_respondents_stated AS stated
  FROM iscm.surveys AS s ORDER BY s.code;

\echo
\echo '== Published percentages of the 2008 GFMD paper against its 53 respondents (GRIM)'
SELECT figure, as_written, percent_consistent AS possible_with_53, nearest_at_stated_n,
       largest_fitting_denominator AS at_most_answered
  FROM iscm.published_figure_check
 WHERE survey = 'gfmd-2008' AND percent IS NOT NULL AND figure NOT LIKE '%\_bis'
 ORDER BY percent DESC, figure;

\echo
\echo '== Counts and the States the documents name behind them'
SELECT survey, as_written, stated_n, named_support, source_section
  FROM iscm.published_figure_check
 WHERE published_count IS NOT NULL
 ORDER BY survey, figure;

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
