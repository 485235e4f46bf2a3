-- survey_table(): the table an analyst publishes from raw answers, per group,
-- question and answer: count, base (respondents who answered the item), share,
-- confidence interval, and disclosure control.
--
-- Suppression rule (documented in doc/survey.md):
--   primary      a cell with 0 < count < min_cell; for a multiple_choice answer
--                also one whose complement (base - count) is in that range;
--   secondary    in a single-answer question (yes_no, single_choice, ordinal)
--                the cells add up to the base, so a lone suppressed cell could be
--                recovered by subtraction: the smallest other cell (non-zero
--                first, then in answer order) is suppressed with it;
--   base         when a single-answer question still has exactly one suppressed
--                cell (a one-answer question), its base is withheld too.
-- Suppressed cells have count, share and interval NULL and suppressed = true.
-- The rule protects each (group, question) table on its own; tables of other
-- groupings of the same survey are not taken into account.

CREATE FUNCTION @extschema@.survey_table(
    survey text,
    group_by text DEFAULT NULL,
    level double precision DEFAULT 0.95,
    min_cell integer DEFAULT 5,
    method text DEFAULT 'wilson')
RETURNS TABLE (
    group_name text,
    question_code text,
    question text,
    answer text,
    count bigint,
    base bigint,
    share double precision,
    ci_lower double precision,
    ci_upper double precision,
    suppressed boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, @extschema@
AS $$
#variable_conflict use_column
DECLARE
    grouping_kind text;
    mechanism_id bigint;
    mechanism_acronym text;
    fielded_from date;
    fielded_until date;
    options text := 'NULL (one group, all), region, subregion, respondent_type, mechanism:<acronym> (e.g. mechanism:GFMD)';
    known text;
BEGIN
    SELECT s.fielded INTO known FROM @extschema@.surveys AS s WHERE s.code = survey_table.survey;
    IF NOT FOUND THEN
        SELECT pg_catalog.string_agg(s.code, ', ' ORDER BY s.code) INTO known FROM @extschema@.surveys AS s;
        RAISE EXCEPTION 'survey % does not exist', coalesce(pg_catalog.quote_literal(survey_table.survey), 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = pg_catalog.format('known surveys: %s', coalesce(known, 'none'));
    END IF;
    -- the period the survey was in the field, from its partial date
    IF known IS NOT NULL THEN
        fielded_from := pg_catalog.make_date(pg_catalog.substr(known, 1, 4)::integer,
                                             coalesce(NULLIF(pg_catalog.substr(known, 6, 2), '')::integer, 1),
                                             coalesce(NULLIF(pg_catalog.substr(known, 9, 2), '')::integer, 1));
        fielded_until := fielded_from + CASE pg_catalog.length(known)
                                            WHEN 4 THEN interval '1 year'
                                            WHEN 7 THEN interval '1 month'
                                            ELSE interval '1 day' END;
    END IF;

    IF level IS NULL OR NOT (level > 0 AND level < 1) THEN
        RAISE EXCEPTION 'confidence level must be between 0 and 1, not %', coalesce(level::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'for example 0.95';
    END IF;
    IF min_cell IS NULL OR min_cell < 0 THEN
        RAISE EXCEPTION 'min_cell must be 0 or more, not %', coalesce(min_cell::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'counts below min_cell are suppressed; 0 or 1 turns suppression off';
    END IF;
    IF method IS NULL OR method NOT IN ('wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald', 'logit') THEN
        RAISE EXCEPTION 'unknown interval method %', coalesce(pg_catalog.quote_literal(method), 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'methods: wilson, clopper_pearson, jeffreys, agresti_coull, wald, logit';
    END IF;

    IF group_by IS NULL THEN
        grouping_kind := 'all';
    ELSIF group_by IN ('region', 'subregion', 'respondent_type') THEN
        grouping_kind := group_by;
    ELSIF group_by LIKE 'mechanism:%' THEN
        grouping_kind := 'mechanism';
        SELECT o.id, o.acronym INTO mechanism_id, mechanism_acronym
          FROM @extschema@.organizations AS o
         WHERE pg_catalog.lower(o.acronym) = pg_catalog.lower(pg_catalog.btrim(pg_catalog.substr(group_by, 11)));
        IF NOT FOUND THEN
            SELECT pg_catalog.string_agg(o.acronym, ', ' ORDER BY o.acronym) INTO known FROM @extschema@.organizations AS o;
            RAISE EXCEPTION 'no mechanism with acronym %', pg_catalog.quote_literal(pg_catalog.btrim(pg_catalog.substr(group_by, 11)))
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = pg_catalog.format('known acronyms: %s', coalesce(known, 'none'));
        END IF;
    ELSE
        RAISE EXCEPTION 'cannot group a survey table by %', pg_catalog.quote_literal(group_by)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = pg_catalog.format('group_by takes %s', options);
    END IF;

    RETURN QUERY
    WITH eligible AS (
        SELECT r.respondent,
               CASE grouping_kind
                   WHEN 'all' THEN 'all'
                   WHEN 'respondent_type' THEN r.respondent_type
                   WHEN 'region' THEN coalesce(@extschema@.region(r.country)::text, '(no region)')
                   WHEN 'subregion' THEN coalesce(@extschema@.subregion(r.country)::text, '(no subregion)')
                   WHEN 'mechanism' THEN
                       CASE WHEN EXISTS (
                                 SELECT 1
                                   FROM @extschema@.memberships AS m
                                  WHERE m.organization_id = mechanism_id
                                    AND m.country = r.country
                                    AND (m.since IS NULL OR fielded_until IS NULL OR m.since < fielded_until)
                                    AND (m.until IS NULL OR fielded_from IS NULL OR m.until >= fielded_from))
                            THEN 'member of ' || mechanism_acronym
                            ELSE 'not a member of ' || mechanism_acronym END
               END AS grp
          FROM @extschema@.survey_respondents AS r
         WHERE r.survey = survey_table.survey
           AND r.disposition IN ('I', 'P')
    ),
    summaries AS (
        SELECT e.grp, q.code, q.wording, q.position, q.answer_type, q.allowed_answers,
               CASE WHEN q.answer_type = 'multiple_choice'
                    THEN @extschema@.choices_agg(a.choices)
                    ELSE @extschema@.answer_agg(a.value) END AS s
          FROM eligible AS e
         CROSS JOIN @extschema@.survey_questions AS q
          LEFT JOIN @extschema@.survey_answers AS a
                 ON a.survey = q.survey AND a.question = q.code AND a.respondent = e.respondent
         WHERE q.survey = survey_table.survey
           AND q.answer_type NOT IN ('number', 'free_text')
         GROUP BY e.grp, q.code, q.wording, q.position, q.answer_type, q.allowed_answers
    ),
    cells AS (
        SELECT sm.grp, sm.code, sm.wording, sm.position, sm.answer_type, sm.s,
               opt.answer, opt.ord,
               @extschema@.count(sm.s, opt.answer) AS c,
               @extschema@.respondents(sm.s) AS b
          FROM summaries AS sm
         CROSS JOIN LATERAL pg_catalog.unnest(sm.allowed_answers) WITH ORDINALITY AS opt(answer, ord)
    ),
    primary_cells AS (
        SELECT cl.*,
               survey_table.min_cell > 1
               AND ((cl.c > 0 AND cl.c < survey_table.min_cell)
                    OR (cl.answer_type = 'multiple_choice'
                        AND cl.b - cl.c > 0 AND cl.b - cl.c < survey_table.min_cell)) AS prim
          FROM cells AS cl
    ),
    ranked AS (
        SELECT pc.*,
               pg_catalog.count(*) FILTER (WHERE pc.prim) OVER per_question AS n_prim,
               pg_catalog.row_number() OVER (PARTITION BY pc.grp, pc.code, pc.prim
                                             ORDER BY pc.c = 0, pc.c, pc.ord) AS rank_in_kind
          FROM primary_cells AS pc
        WINDOW per_question AS (PARTITION BY pc.grp, pc.code)
    ),
    flagged AS (
        SELECT rk.*,
               rk.prim OR (rk.answer_type <> 'multiple_choice' AND rk.n_prim = 1
                           AND NOT rk.prim AND rk.rank_in_kind = 1) AS supp
          FROM ranked AS rk
    ),
    decided AS (
        SELECT fl.*,
               fl.answer_type <> 'multiple_choice'
               AND pg_catalog.count(*) FILTER (WHERE fl.supp) OVER (PARTITION BY fl.grp, fl.code) = 1 AS hide_base
          FROM flagged AS fl
    )
    SELECT f.grp,
           f.code,
           f.wording,
           f.answer,
           CASE WHEN f.supp THEN NULL ELSE f.c END,
           CASE WHEN f.hide_base THEN NULL ELSE f.b END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL ELSE @extschema@.share(f.s, f.answer) END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL
                ELSE @extschema@.ci_lower(f.s, f.answer, survey_table.method, survey_table.level) END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL
                ELSE @extschema@.ci_upper(f.s, f.answer, survey_table.method, survey_table.level) END,
           f.supp
      FROM decided AS f
     ORDER BY f.grp, f.position NULLS LAST, f.code, f.ord;
END
$$;

COMMENT ON FUNCTION @extschema@.survey_table(text, text, double precision, integer, text) IS
  'The published table of a survey: per group (NULL, region, subregion, respondent_type, mechanism:<acronym>), question and answer the count, base, share and confidence interval, with counts below min_cell suppressed (and complementary cells)';
