-- SVG charts: every byte compared with the expected output (the functions are
-- deterministic), well-formed XML, title and description for screen readers,
-- labels as describe words them, and clear errors for bad arguments.
\pset tuples_only on
\pset format unaligned

-- 1. A question's shares with Wilson whiskers: all respondents; by region,
-- where Oceania's respondent did not answer; and a question whose small
-- regional cells are suppressed (with the base where it would give them away).
SELECT iscm.survey_chart_svg('gfmd-2008', 'national_plan');
SELECT iscm.survey_chart_svg('gfmd-2008', 'national_plan', 'region');
SELECT iscm.survey_chart_svg('gfmd-2008', 'budget_line', 'region');

-- 2. 2007 -> 2008 from the two published figures, with Newcombe's interval.
SELECT iscm.round_comparison_svg(iscm.figure_summary('gfmd-2007', 'national_plan_9_of_45'),
                                 iscm.figure_summary('gfmd-2008', 'national_plan_26_of_53'), 'yes',
                                 'GFMD 2007 questionnaire', 'GFMD 2008 questionnaire',
                                 'National policy plan or strategy for migration and development');

-- 3. The GFMD chairs, with the troika of mid-2019 marked.
SELECT iscm.chair_timeline_svg('GFMD', '2019-06-30');

-- 4. Members of every mechanism with States on a date.
SELECT iscm.membership_matrix_svg('2019-06-30');

-- 5. A tile grid of the answers of a survey's respondent States, a long name
-- and a special character among the categories.
SELECT iscm.country_tile_map_svg(ARRAY['DEU', 'SEN', 'Ivory Coast', 'SUN']::iscm.country[],
                                 ARRAY['yes', 'no', 'yes', 'a long category name <with> "markup" & more'],
                                 'Answers by State', 'Made-up answers.');

-- 6. The same on a world map (Natural Earth 1:110m): Senegal and Ivory Coast
-- drawn, the USSR (a former country) listed as too small to draw.
SELECT iscm.world_map_svg(ARRAY['DEU', 'SEN', 'Ivory Coast', 'SUN']::iscm.country[],
                          ARRAY['yes', 'no', 'yes', 'a long category name <with> "markup" & more'],
                          'Answers by State', 'Made-up answers.');

\pset tuples_only off
\pset format aligned
-- 7. Every chart is a well-formed document with a title and a description,
-- and the same arguments give the same bytes.
WITH charts(name, svg) AS (
    VALUES ('survey', iscm.survey_chart_svg('gfmd-2008', 'national_plan', 'subregion')),
           ('comparison', iscm.round_comparison_svg(iscm.figure_summary('gfmd-2008', 'resources_32_of_53'),
                                                    iscm.figure_summary('gfmd-2008', 'national_plan_26_of_53'),
                                                    'yes', NULL, NULL, 'Two figures')),
           ('timeline', iscm.chair_timeline_svg('GFMD')),
           ('matrix', iscm.membership_matrix_svg('2008-06-30', ARRAY['GFMD', 'Global Forum'])),
           ('tiles', iscm.country_tile_map_svg('{}', '{}', 'Nothing')),
           ('world', iscm.world_map_svg('{FRA,NOR,XKX}', '{a,b,c}', 'Three'))
)
SELECT name, xml_is_well_formed_document(svg) AS well_formed,
       svg ~ '<title id="iscm-[0-9a-f]{12}-title">' AND svg ~ '<desc id="iscm-[0-9a-f]{12}-desc">' AS accessible
  FROM charts;
SELECT iscm.survey_chart_svg('gfmd-2008', 'national_plan', 'subregion')
       = iscm.survey_chart_svg('gfmd-2008', 'national_plan', 'subregion') AS same_bytes;

-- 8. Bad arguments.
\set SHOW_CONTEXT never
SELECT iscm.survey_chart_svg('gfmd-2008', 'no_such_question');
SELECT iscm.survey_chart_svg('no-such-survey', 'national_plan');
SELECT iscm.chair_timeline_svg('no such mechanism');
SELECT iscm.country_tile_map_svg(ARRAY['DEU', 'FRA']::iscm.country[], ARRAY['yes'], 'x');
SELECT iscm.country_tile_map_svg(ARRAY['DEU', 'Germany']::iscm.country[], ARRAY['yes', 'no'], 'x');
SELECT iscm.membership_matrix_svg(NULL);
SELECT iscm.chair_timeline_svg(NULL);
SELECT iscm.world_map_svg(ARRAY['DEU']::iscm.country[], NULL, 'x');
-- every outline is a country iscm knows, or an area without an ISO code
SELECT ne_code, ne_name FROM iscm.world_map_shapes WHERE country IS NULL ORDER BY 1;
SELECT count(*) AS outlines, count(country) AS countries FROM iscm.world_map_shapes;

-- 9. The survey report (rendered in Chromium by test/report_chromium.sh): one
-- section per question and one for the published figures, each chart inline.
SELECT s.code, regexp_count(h, '<section>') AS sections, regexp_count(h, '<svg ') AS charts,
       regexp_count(h, '<tr>') AS table_rows, h ~ 'http://(?!www\.w3\.org/2000/svg)' AS links_out
  FROM iscm.surveys AS s, LATERAL iscm.survey_report_html(s.code) AS h ORDER BY 1;
SELECT iscm.survey_report_html('gfmd-2009');
-- dates in charts are ISO whatever the DateStyle
SET datestyle = 'SQL, DMY';
SELECT iscm.chair_timeline_svg('GFMD', '2019-06-30') = iscm.chair_timeline_svg('GFMD', '2019-06-30'::date) AS same,
       iscm.chair_timeline_svg('GFMD', '2019-06-30') ~ 'troika on 2019-06-30' AS iso_date;
RESET datestyle;
