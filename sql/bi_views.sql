-- Reporting views as BI tools read them: plain column types only, every view
-- and column commented, list columns whose long-form views agree with them,
-- and the flat view of every stored survey's results.

-- 1. No column of any iscm view has a type outside text, integer, numeric,
-- float, boolean, date and timestamp (no array, composite, domain, range or
-- iscm type): BI filters and drivers' metadata know only these.
SELECT c.relname AS view, a.attname AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_catalog.pg_class AS c
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'iscm'::regnamespace AND c.relkind IN ('v', 'm')
   AND a.atttypid NOT IN ('text'::regtype, 'character varying'::regtype, 'smallint'::regtype,
                          'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype, 'real'::regtype,
                          'double precision'::regtype, 'boolean'::regtype, 'date'::regtype,
                          'timestamp without time zone'::regtype, 'timestamp with time zone'::regtype)
 ORDER BY 1, 2;

-- 2. Every view and every view column has a comment (BI tools show them).
SELECT c.relname AS view, a.attname AS column
  FROM pg_catalog.pg_class AS c
  LEFT JOIN pg_catalog.pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relnamespace = 'iscm'::regnamespace AND c.relkind IN ('v', 'm')
   AND (pg_catalog.obj_description(c.oid, 'pg_class') IS NULL
        OR pg_catalog.col_description(c.oid, a.attnum) IS NULL)
 ORDER BY 1, 2;

-- 3. Lists are one text, items separated by ' | ', and their long forms agree.
SELECT code, successors FROM iscm.countries WHERE code IN ('SCG', 'ANT', 'YUG', 'DEU') ORDER BY code;
SELECT count(*) AS former_countries_with_successors,
       count(*) FILTER (WHERE c.successors IS DISTINCT FROM l.successors) AS disagreements
  FROM iscm.countries AS c
  JOIN (SELECT former_code, string_agg(successor_code, ' | ' ORDER BY position) AS successors
          FROM iscm.country_successors GROUP BY former_code) AS l ON l.former_code = c.code;
SELECT count(*) AS successors_without_name FROM iscm.country_successors WHERE successor_name IS NULL;

SELECT code, founded_claims, reported_members, aliases
  FROM iscm.mechanism_overview WHERE code IN ('Budapest Process', 'IGC') ORDER BY code;

SELECT count(*) AS meetings,
       count(*) FILTER (WHERE coalesce(array_length(string_to_array(m.participants, ' | '), 1), 0)
                              IS DISTINCT FROM coalesce(r.n, 0)) AS disagreements
  FROM iscm.meeting_report AS m
  LEFT JOIN (SELECT event, count(*)::int AS n FROM iscm.meeting_role_report GROUP BY event) AS r ON r.event = m.code;

SELECT count(*) AS coverage_rows,
       count(*) FILTER (WHERE tc.theme_texts IS DISTINCT FROM coalesce(l.texts, '')) AS disagreements
  FROM iscm.theme_coverage AS tc
  LEFT JOIN (SELECT mechanism, framework, code, string_agg(theme, ' | ' ORDER BY theme_id) AS texts
               FROM iscm.theme_mapping_report WHERE framework IS NOT NULL
              GROUP BY mechanism, framework, code) AS l
         ON l.mechanism IS NOT DISTINCT FROM tc.mechanism AND l.framework = tc.framework AND l.code = tc.code;
SELECT count(*) AS unmapped_themes FROM iscm.theme_mapping_report WHERE framework IS NULL;

SELECT figure, fitting_denominators, largest_fitting_denominator
  FROM iscm.published_figure_check WHERE figure = 'migration_in_development_84';
SELECT denominator, is_largest
  FROM iscm.published_figure_denominators WHERE figure = 'migration_in_development_84' ORDER BY denominator DESC LIMIT 3;

-- 4. survey_results: every survey, four groupings, the rows of survey_table.
SELECT survey, grouped_by, count(*) AS rows, count(*) FILTER (WHERE suppressed) AS suppressed
  FROM iscm.survey_results GROUP BY 1, 2 ORDER BY 1, 2;
SELECT question_position, question_code, answer_position, answer, count, base, round(share::numeric, 3) AS share,
       round(ci_lower::numeric, 3) AS ci_lower, round(ci_upper::numeric, 3) AS ci_upper, suppressed, label
  FROM iscm.survey_results
 WHERE survey = 'gfmd-2008' AND grouped_by = 'all' AND question_code IN ('national_plan', 'formal_consultation_frequency')
 ORDER BY question_position, answer_position;
SELECT group_name, answer, count, base, suppressed, label
  FROM iscm.survey_results
 WHERE survey = 'gfmd-2008' AND grouped_by = 'region' AND question_code = 'national_plan'
 ORDER BY group_name, answer_position;
-- the same figures as survey_table itself, row for row
SELECT count(*) AS rows_compared
  FROM (SELECT group_name, question_code, answer, count, base, share, ci_lower, ci_upper, suppressed
          FROM iscm.survey_results WHERE survey = 'gfmd-2008' AND grouped_by = 'subregion'
        EXCEPT
        SELECT group_name, question_code, answer, count, base, share, ci_lower, ci_upper, suppressed
          FROM iscm.survey_table('gfmd-2008', 'subregion')) AS d;
-- labels are describe's wording
SELECT iscm._share_label(26, 53), iscm._share_label(1, 300), iscm._share_label(299, 300), iscm._share_label(0, 0);
