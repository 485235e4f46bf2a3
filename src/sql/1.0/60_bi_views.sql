-- Views for BI tools (Metabase, Superset, Power BI, Tableau): plain column
-- types only, and the long forms of the lists that other reporting views
-- write as one ' | '-separated text.  Reference: doc/reporting.md.
--
-- SQL functions here have string bodies, not RETURN ones: a string body is
-- parsed when called, under the function's own search_path, while a RETURN
-- body binds its operators when the install script runs.

-- "26 of 53 (49%)" for a count and a base, worded by iscm.describe itself so
-- that tables, charts and reports never disagree with it: the pair becomes a
-- one-category summary (multiple-choice form, so no other category is needed).
CREATE FUNCTION @extschema@._share_label(count bigint, base bigint)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT @extschema@.describe(pg_catalog.jsonb_build_object('format', 1, 'kind', 'multiple', 'weighted', false,
                                     'respondents', base, 'missing', 0,
                                     'counts', pg_catalog.jsonb_build_object('x', count))::text::@extschema@.answer_summary, 'x'::text, NULL::integer) $$;
COMMENT ON FUNCTION @extschema@._share_label(bigint, bigint) IS
    'A count of a base worded as iscm.describe words it: ''26 of 53 (49%)'', ''1 of 300 (<1%)'', ''0 of 0''';

CREATE VIEW @extschema@.country_successors AS
SELECT f.code AS former_code,
       f.name_en AS former_name,
       f.withdrawn,
       s.position::integer AS position,
       s.code AS successor_code,
       n.name_en AS successor_name
  FROM @extschema@._countries() AS f
 CROSS JOIN LATERAL pg_catalog.unnest(f.successors) WITH ORDINALITY AS s(code, position)
  LEFT JOIN @extschema@._countries() AS n ON n.code = s.code
 WHERE f.is_former;
COMMENT ON VIEW @extschema@.country_successors IS
    'One row per former country and successor State (the long form of iscm.countries.successors)';
COMMENT ON COLUMN @extschema@.country_successors.former_code IS 'Canonical code of the former country (alpha-3, or alpha-4 when its alpha-3 was reused)';
COMMENT ON COLUMN @extschema@.country_successors.former_name IS 'English name of the former country';
COMMENT ON COLUMN @extschema@.country_successors.withdrawn IS 'Withdrawal date of the former country as ISO 3166-3 gives it';
COMMENT ON COLUMN @extschema@.country_successors.position IS 'Order of the successor in the ISO 3166-3 list (1, 2, ...)';
COMMENT ON COLUMN @extschema@.country_successors.successor_code IS 'Canonical code of the successor';
COMMENT ON COLUMN @extschema@.country_successors.successor_name IS 'English name of the successor';

CREATE VIEW @extschema@.theme_mapping_report AS
SELECT t.id AS theme_id,
       coalesce(t.mechanism, e.mechanism) AS mechanism,
       t.event,
       t.theme,
       t.as_of::text AS as_of,
       mp.framework,
       mp.code,
       f.kind,
       f.number,
       f.title,
       mp.basis,
       mp.source AS mapping_source,
       t.source AS theme_source,
       t.is_seed
  FROM @extschema@.themes AS t
  LEFT JOIN @extschema@.events AS e ON e.code = t.event
  LEFT JOIN @extschema@.theme_mappings AS mp ON mp.theme_id = t.id
  LEFT JOIN @extschema@.framework_items AS f ON f.framework = mp.framework AND f.code = mp.code;
COMMENT ON VIEW @extschema@.theme_mapping_report IS
    'One row per theme and framework item it is mapped to (a theme mapped to none appears once with NULL framework): the long form of iscm.theme_coverage.theme_texts';
COMMENT ON COLUMN @extschema@.theme_mapping_report.theme_id IS 'Theme id (iscm.themes.id)';
COMMENT ON COLUMN @extschema@.theme_mapping_report.mechanism IS 'Mechanism of the theme or of its event (NULL: an event outside any mechanism)';
COMMENT ON COLUMN @extschema@.theme_mapping_report.event IS 'Event code, when the theme is an event''s';
COMMENT ON COLUMN @extschema@.theme_mapping_report.theme IS 'The theme in the source''s words';
COMMENT ON COLUMN @extschema@.theme_mapping_report.as_of IS 'When the source states the theme (partial date YYYY, YYYY-MM or YYYY-MM-DD)';
COMMENT ON COLUMN @extschema@.theme_mapping_report.framework IS 'GCM, MiGOF or MGI; NULL when the theme is mapped to no item';
COMMENT ON COLUMN @extschema@.theme_mapping_report.code IS 'Framework item code';
COMMENT ON COLUMN @extschema@.theme_mapping_report.kind IS 'objective, principle or domain';
COMMENT ON COLUMN @extschema@.theme_mapping_report.number IS 'Item number';
COMMENT ON COLUMN @extschema@.theme_mapping_report.title IS 'Item title';
COMMENT ON COLUMN @extschema@.theme_mapping_report.basis IS 'editorial (a curator''s reading) or stated (a source links theme and item)';
COMMENT ON COLUMN @extschema@.theme_mapping_report.mapping_source IS 'Source of the mapping';
COMMENT ON COLUMN @extschema@.theme_mapping_report.theme_source IS 'Source of the theme';
COMMENT ON COLUMN @extschema@.theme_mapping_report.is_seed IS 'True for themes shipped with the extension';

CREATE VIEW @extschema@.published_figure_denominators AS
SELECT c.survey,
       c.figure,
       c.as_written,
       c.stated_n,
       d.n::integer AS denominator,
       d.n::integer = c.largest_fitting_denominator AS is_largest
  FROM @extschema@.published_figure_check AS c
 CROSS JOIN LATERAL pg_catalog.string_to_table(c.fitting_denominators, ', ') AS d(n)
 WHERE c.fitting_denominators OPERATOR(pg_catalog.<>) '';
COMMENT ON VIEW @extschema@.published_figure_denominators IS
    'One row per published percentage and number of respondents n <= its stated base that can give it (GRIM): the long form of iscm.published_figure_check.fitting_denominators';
COMMENT ON COLUMN @extschema@.published_figure_denominators.survey IS 'Survey code';
COMMENT ON COLUMN @extschema@.published_figure_denominators.figure IS 'Figure code';
COMMENT ON COLUMN @extschema@.published_figure_denominators.as_written IS 'The figure exactly as printed';
COMMENT ON COLUMN @extschema@.published_figure_denominators.stated_n IS 'The base the figure claims';
COMMENT ON COLUMN @extschema@.published_figure_denominators.denominator IS 'A number of respondents that can give the percentage';
COMMENT ON COLUMN @extschema@.published_figure_denominators.is_largest IS 'True for the largest such number: stated_n minus it is the least item non-response implied';

-- Every stored survey's results, as iscm.survey_table computes them with its
-- defaults (Wilson 95% intervals, cells under 5 suppressed), for the four
-- groupings that need no argument.  Groupings by membership of a mechanism
-- take the mechanism as an argument: survey_table(survey, 'mechanism:GFMD').
CREATE VIEW @extschema@.survey_results AS
SELECT s.code AS survey,
       s.title AS survey_title,
       s.fielded,
       g.grouped_by,
       t.group_name,
       q.position AS question_position,
       t.question_code,
       t.question,
       q.answer_type,
       pg_catalog.array_position(q.allowed_answers, t.answer)::integer AS answer_position,
       t.answer,
       t.count,
       t.base,
       t.share,
       t.ci_lower,
       t.ci_upper,
       t.suppressed,
       CASE WHEN t.suppressed THEN 'suppressed'
            WHEN t.base IS NOT NULL THEN @extschema@._share_label(t.count::bigint, t.base::bigint) END AS label
  FROM @extschema@.surveys AS s
 CROSS JOIN (VALUES ('all', NULL::text), ('region', 'region'), ('subregion', 'subregion'),
                    ('respondent_type', 'respondent_type')) AS g(grouped_by, group_by)
 CROSS JOIN LATERAL @extschema@.survey_table(s.code::text, g.group_by::text, (0.95)::double precision, (5)::integer, 'wilson'::text) AS t
  JOIN @extschema@.survey_questions AS q ON q.survey = s.code AND q.code = t.question_code;
COMMENT ON VIEW @extschema@.survey_results IS
    'Every stored survey''s results, one row per survey, grouping, group, question and answer: count, base, share, Wilson 95% interval, suppression (cells under 5, iscm.survey_table''s defaults)';
COMMENT ON COLUMN @extschema@.survey_results.survey IS 'Survey code';
COMMENT ON COLUMN @extschema@.survey_results.survey_title IS 'Survey title';
COMMENT ON COLUMN @extschema@.survey_results.fielded IS 'When the survey was fielded (YYYY, YYYY-MM or YYYY-MM-DD; NULL when unknown)';
COMMENT ON COLUMN @extschema@.survey_results.grouped_by IS 'How respondents are grouped: all, region, subregion or respondent_type (filter on one grouping: the groups of another overlap it)';
COMMENT ON COLUMN @extschema@.survey_results.group_name IS 'The group: all, an M49 region or sub-region name, or a respondent type';
COMMENT ON COLUMN @extschema@.survey_results.question_position IS 'Position of the question in the questionnaire';
COMMENT ON COLUMN @extschema@.survey_results.question_code IS 'Question code';
COMMENT ON COLUMN @extschema@.survey_results.question IS 'Question wording';
COMMENT ON COLUMN @extschema@.survey_results.answer_type IS 'yes_no, single_choice, multiple_choice or ordinal';
COMMENT ON COLUMN @extschema@.survey_results.answer_position IS 'Position of the answer among the allowed answers (scale order for ordinal questions)';
COMMENT ON COLUMN @extschema@.survey_results.answer IS 'The answer (category)';
COMMENT ON COLUMN @extschema@.survey_results.count IS 'Respondents in the group giving the answer; NULL when suppressed';
COMMENT ON COLUMN @extschema@.survey_results.base IS 'Respondents in the group who answered the question; NULL when withheld to protect suppressed cells';
COMMENT ON COLUMN @extschema@.survey_results.share IS 'count / base (0 to 1); NULL when suppressed or nobody answered';
COMMENT ON COLUMN @extschema@.survey_results.ci_lower IS 'Lower limit of the Wilson 95% interval of the share';
COMMENT ON COLUMN @extschema@.survey_results.ci_upper IS 'Upper limit of the Wilson 95% interval of the share';
COMMENT ON COLUMN @extschema@.survey_results.suppressed IS 'True when the cell is withheld (count under 5, or needed to protect such a cell)';
COMMENT ON COLUMN @extschema@.survey_results.label IS 'The figure as iscm.describe words it (''24 of 24 (100%)''), or ''suppressed''';
