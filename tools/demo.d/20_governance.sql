-- iscm demo: the governance registry, read from the seed data.
\pset footer off
SET datestyle = ISO;

\echo
\echo '== Mechanisms by kind (founding dates as precise as the sources; disputed ones flagged)'
SELECT kind, count(*) AS mechanisms,
       string_agg(code || ' ' || founded || CASE WHEN founding_disputed THEN '*' ELSE '' END, ', ' ORDER BY founded, code) AS "code founded (* = sources differ)"
  FROM iscm.mechanism_overview
 GROUP BY kind ORDER BY mechanisms DESC, kind;

\echo
\echo '== GFMD chair timeline (co-chairs share a term; a term nobody names is "unknown")'
SELECT term, array_to_string(holders, ' & ') AS chair, period, coalesce(array_to_string(notes, '; '), '') AS note
  FROM iscm.chair_timeline('GFMD');

\echo
\echo '== GFMD troika on 29 October 2008 (the Manila summit)'
SELECT "position", array_to_string(holders, ' & ') AS chair, period FROM iscm.troika_on('GFMD', '2008-10-29');

\echo
\echo '== GMG chair on 1 March 2007, and its members at the end of June 2007'
SELECT holder, period, theme FROM iscm.chair_on('GMG', '2007-03-01');
SELECT count(*) AS members, string_agg(participant, ', ' ORDER BY participant) AS agencies
  FROM iscm.participants_on('GMG', '2007-06-30');

\echo
\echo '== GMG meetings under the IOM chairmanship (January–June 2007)'
SELECT start_date AS date, level, city, country_name AS country
  FROM iscm.meeting_report
 WHERE mechanism = 'GMG' AND level IN ('principals', 'working level')
 ORDER BY start_date;

\echo
\echo '== Who chaired the GFMD on the first day of each of its summits (the host, in every case)'
SELECT m.first_day, m.title, coalesce(m.city, m.venue) AS place, c.holder AS chair, c.period AS term
  FROM iscm.meeting_report AS m, iscm.chair_on('GFMD', m.first_day) AS c
 WHERE m.mechanism = 'GFMD' AND m.level = 'summit'
 ORDER BY m.first_day;

\echo
\echo '== GFMD member States named in the 2019 assessment, as a country_set, and which of them answered the 2008 questionnaire'
\echo '   (answered: the 2008 paper says so or names them reporting in their responses; a lower bound, since Annex II,'
\echo '   the list of the 53 respondents, is not in the seed; apart: named only with a practice, an inferred respondent)'
SELECT iscm.members_on('GFMD', '2019-06-30') AS members_2019,
       iscm.members_on('GFMD', '2019-06-30') OPERATOR(iscm.&)
       (SELECT iscm.country_set_agg(country) FROM iscm.survey_respondents
         WHERE survey = 'gfmd-2008' AND basis IN ('stated', 'reported')) AS answered_2008,
       iscm.members_on('GFMD', '2019-06-30') OPERATOR(iscm.&)
       (SELECT iscm.country_set_agg(country) FROM iscm.survey_respondents
         WHERE survey = 'gfmd-2008' AND basis = 'inferred') AS inferred_2008;
