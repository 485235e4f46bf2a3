-- Reconciliation of published figures with what is known about their survey:
-- is a percentage possible with the stated number of respondents (GRIM), which
-- smaller denominators would fit (item non-response), and how many of the
-- States behind a count the document names or the stored answers support.

CREATE VIEW @extschema@.published_figure_check AS
SELECT f.survey,
       f.figure,
       f.question,
       f.answer,
       f.as_written,
       f.percent::text AS percent,
       f.count AS published_count,
       base.n AS stated_n,
       base.basis AS stated_n_basis,
       CASE WHEN f.percent IS NOT NULL AND base.n IS NOT NULL
            THEN @extschema@.grim_consistent(f.percent::text, base.n) END AS percent_consistent,
       CASE WHEN f.percent IS NOT NULL AND base.n IS NOT NULL
            THEN pg_catalog.format('%s/%s = %s%%, %s/%s = %s%%',
                                   near.k_lo, base.n, pg_catalog.round(100.0 OPERATOR(pg_catalog.*) near.k_lo OPERATOR(pg_catalog./) base.n, 1),
                                   near.k_lo + 1, base.n, pg_catalog.round(100.0 OPERATOR(pg_catalog.*) (near.k_lo + 1) OPERATOR(pg_catalog./) base.n, 1))
       END AS nearest_at_stated_n,
       pg_catalog.array_to_string(fit.denominators, ', ') AS fitting_denominators,
       fit.denominators[pg_catalog.cardinality(fit.denominators)] AS largest_fitting_denominator,
       CASE WHEN f.count IS NOT NULL AND base.n IS NOT NULL THEN f.count <= base.n END AS count_consistent,
       named.n_named AS named_states,
       named.names AS named_as_written,
       CASE WHEN f.count IS NOT NULL THEN f.count - named.n_named END AS unnamed,
       stored.n_answers AS stored_answers,
       CASE
           WHEN f.count IS NULL THEN NULL
           WHEN named.n_named = 0 THEN 'no State named'
           WHEN named.n_named = f.count THEN pg_catalog.format('all %s named', f.count)
           WHEN named.n_named < f.count THEN pg_catalog.format('%s of %s named', named.n_named, f.count)
           ELSE pg_catalog.format('%s named, more than the %s published', named.n_named, f.count)
       END AS named_support,
       f.source_file,
       f.source_section
  FROM @extschema@.published_figures AS f
  JOIN @extschema@.surveys AS s ON s.code = f.survey
  -- The denominator a figure claims: the one written with it; else the stated
  -- respondents of its type; else of the whole survey.  A change between
  -- rounds has no stated base.
  CROSS JOIN LATERAL (
      SELECT CASE WHEN f.stated_denominator IS NOT NULL THEN f.stated_denominator
                  WHEN f.previous_survey IS NOT NULL THEN NULL
                  ELSE coalesce(rc.n_stated, s.n_respondents_stated) END AS n,
             CASE WHEN f.stated_denominator IS NOT NULL THEN 'written with the figure'
                  WHEN f.previous_survey IS NOT NULL THEN 'none (change between rounds)'
                  WHEN rc.n_stated IS NOT NULL THEN pg_catalog.format('stated respondents (%s)', f.base_respondent_type)
                  WHEN s.n_respondents_stated IS NOT NULL THEN 'stated respondents (all)'
             END AS basis
        FROM (SELECT NULL) AS one
        LEFT JOIN @extschema@.survey_respondent_counts AS rc
               ON rc.survey = f.survey AND rc.respondent_type = f.base_respondent_type
  ) AS base
  CROSS JOIN LATERAL (
      SELECT pg_catalog.floor(f.percent OPERATOR(pg_catalog.*) base.n OPERATOR(pg_catalog./) 100)::integer AS k_lo
  ) AS near
  CROSS JOIN LATERAL (
      -- grim_candidates stops at 10000, past which every n fits anyway
      SELECT CASE WHEN f.percent IS NOT NULL AND base.n IS NOT NULL AND base.n <= 10000
                  THEN coalesce(pg_catalog.array_agg(DISTINCT c.n ORDER BY c.n), '{}') END AS denominators
        FROM @extschema@.grim_candidates(f.percent::text, base.n) AS c
       WHERE f.percent IS NOT NULL AND base.n IS NOT NULL AND base.n <= 10000
  ) AS fit
  CROSS JOIN LATERAL (
      SELECT pg_catalog.count(*)::integer AS n_named,
             pg_catalog.string_agg(a.name_as_written, ', ' ORDER BY a.name_as_written) AS names
        FROM @extschema@.figure_attributions AS a
       WHERE a.survey = f.survey AND a.figure = f.figure
  ) AS named
  CROSS JOIN LATERAL (
      SELECT pg_catalog.count(*)::integer AS n_answers
        FROM @extschema@.survey_answers AS a
        JOIN @extschema@.survey_respondents AS r ON r.survey = a.survey AND r.respondent = a.respondent
       WHERE a.survey = f.survey AND a.question = f.question AND f.answer IS NOT NULL
         AND r.respondent_type = f.base_respondent_type
         AND (a.value = f.answer OR f.answer = ANY (a.choices))
         AND (f.previous_survey IS NULL
              OR EXISTS (SELECT 1
                           FROM @extschema@.survey_answers AS pa
                           JOIN @extschema@.survey_respondents AS pr
                             ON pr.survey = pa.survey AND pr.respondent = pa.respondent
                          WHERE pa.survey = f.previous_survey AND pa.question = f.question
                            AND (pr.country = r.country OR pr.mechanism = r.mechanism OR pr.organization = r.organization)
                            AND (pa.value = f.previous_answer OR f.previous_answer = ANY (pa.choices))))
  ) AS stored;

COMMENT ON VIEW @extschema@.published_figure_check IS
  'Each published figure checked against its survey: stated base, GRIM consistency of a percentage with it, the denominators that would fit, and how many States the document names or the stored answers support';
COMMENT ON COLUMN @extschema@.published_figure_check.survey IS
    'Survey code (iscm.surveys.code)';
COMMENT ON COLUMN @extschema@.published_figure_check.figure IS
    'Figure code, unique within its survey';
COMMENT ON COLUMN @extschema@.published_figure_check.question IS
    'Question the figure is about';
COMMENT ON COLUMN @extschema@.published_figure_check.answer IS
    'The answer the figure counts';
COMMENT ON COLUMN @extschema@.published_figure_check.as_written IS
    'The figure exactly as printed';
COMMENT ON COLUMN @extschema@.published_figure_check.percent IS
    'The percentage as written (text, decimals kept: 84 and 84.0 are different claims); NULL when none';
COMMENT ON COLUMN @extschema@.published_figure_check.published_count IS
    'The count published with the figure; NULL when none';
COMMENT ON COLUMN @extschema@.published_figure_check.stated_n IS
    'The base the figure claims: its written denominator, else the stated respondents of its base respondent type, else of the survey; NULL for a change between rounds';
COMMENT ON COLUMN @extschema@.published_figure_check.stated_n_basis IS
    'Where stated_n comes from (written with the figure, stated respondents of a type or of the survey, none)';
COMMENT ON COLUMN @extschema@.published_figure_check.percent_consistent IS
    'GRIM: whether some k of stated_n rounds (half up) to the percentage';
COMMENT ON COLUMN @extschema@.published_figure_check.nearest_at_stated_n IS
    'The two shares possible around the percentage at stated_n, e.g. 38/53 = 71.7%, 39/53 = 73.6%';
COMMENT ON COLUMN @extschema@.published_figure_check.fitting_denominators IS
    'Every n <= stated_n that can give the percentage, in ascending order separated by ", " ('''' when none; NULL when stated_n is over 10000, the limit of grim_candidates; one row each in iscm.published_figure_denominators)';
COMMENT ON COLUMN @extschema@.published_figure_check.largest_fitting_denominator IS
    'The largest n <= stated_n that can give the percentage: stated_n minus it is the least item non-response implied';
COMMENT ON COLUMN @extschema@.published_figure_check.count_consistent IS
    'Whether published_count <= stated_n';
COMMENT ON COLUMN @extschema@.published_figure_check.named_states IS
    'How many States the document names as behind the figure (iscm.figure_attributions)';
COMMENT ON COLUMN @extschema@.published_figure_check.named_as_written IS
    'The names of those States as the document writes them';
COMMENT ON COLUMN @extschema@.published_figure_check.unnamed IS
    'How many of the published count the document leaves unnamed';
COMMENT ON COLUMN @extschema@.published_figure_check.stored_answers IS
    'Stored answers that support the figure (for a change between rounds: respondents with the previous answer earlier and the answer now)';
COMMENT ON COLUMN @extschema@.published_figure_check.named_support IS
    'Summary of named support: all 15 named, 24 of 26 named, no State named ...';
COMMENT ON COLUMN @extschema@.published_figure_check.source_file IS
    'The document the figure was published in';
COMMENT ON COLUMN @extschema@.published_figure_check.source_section IS
    'Where in the document';

-- A published figure as an answer summary, so that the survey-core accessors
-- (intervals, share_difference between rounds ...) apply to it: "26 out of 53"
-- becomes 26 'yes' and 27 'not yes' among 53 respondents.  A percentage is
-- turned into a count only when exactly one count of the stated respondents
-- rounds to it.
CREATE FUNCTION @extschema@.figure_summary(survey text, figure text)
RETURNS @extschema@.answer_summary
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    f record;
    k integer;
    n_fit integer;
    label text;
    p numeric;
    half numeric;
BEGIN
    SELECT c.* INTO f
      FROM @extschema@.published_figure_check AS c
     WHERE c.survey = figure_summary.survey AND c.figure = figure_summary.figure;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey % has no published figure %', quote_literal(survey), quote_literal(figure)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'see iscm.published_figures';
    END IF;
    IF f.percent IS NULL AND f.published_count IS NULL THEN
        RAISE EXCEPTION 'figure % (%) is published in words, not as a number', quote_literal(figure), f.as_written
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'iscm.published_figures.percent_range holds the percentages the words allow';
    END IF;
    IF f.stated_n IS NULL THEN
        RAISE EXCEPTION 'figure % has no stated base', quote_literal(figure)
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = format('stated base: %s', coalesce(f.stated_n_basis,
                                  'none (no denominator written with it, no stated respondents)'));
    END IF;
    label := coalesce(f.answer, 'counted');
    IF f.published_count IS NOT NULL THEN
        k := f.published_count;
        IF k > f.stated_n THEN
            RAISE EXCEPTION 'figure %: % is more than its stated base %', quote_literal(figure), k, f.stated_n
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSE
        -- the counts k of stated_n that round half up to the percentage, in
        -- exact numeric: (p - h) n / 100 <= k < (p + h) n / 100 with h half a
        -- unit of its last decimal (GRIM at one n, whatever its size)
        p := f.percent::numeric;
        half := 0.5 * power(10::numeric, -scale(p));
        k := greatest(0, ceil((p - half) * f.stated_n / 100));
        n_fit := greatest(0, least(f.stated_n, ceil((p + half) * f.stated_n / 100) - 1) - k + 1);
        IF n_fit <> 1 THEN
            RAISE EXCEPTION 'figure % (%) is not one count of % respondents', quote_literal(figure), f.as_written, f.stated_n
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = CASE WHEN n_fit = 0 AND f.largest_fitting_denominator IS NOT NULL
                                    THEN format('no count of %s rounds to %s%%; it fits %s respondents at most',
                                                f.stated_n, f.percent, f.largest_fitting_denominator)
                                    WHEN n_fit = 0 THEN format('no count of %s rounds to %s%%', f.stated_n, f.percent)
                                    ELSE format('%s counts of %s round to %s%%', n_fit, f.stated_n, f.percent) END;
        END IF;
    END IF;
    RETURN jsonb_strip_nulls(jsonb_build_object(
               'format', 1, 'kind', 'single', 'weighted', false,
               'respondents', f.stated_n, 'missing', 0,
               'counts', jsonb_build_object(label, k, 'not ' || label, f.stated_n - k)))::text::@extschema@.answer_summary;
END
$$;

COMMENT ON FUNCTION @extschema@.figure_summary(text, text) IS
  'A published figure as an iscm.answer_summary over its stated base (26 out of 53 -> 26 yes, 27 not yes), for intervals and comparisons between rounds';
