-- survey_table(): the table an analyst publishes from raw answers, per group,
-- question and answer: count, base (respondents who answered the item), share,
-- confidence interval, and disclosure control.
--
-- Suppression rule (documented in doc/survey.md), per group and question:
--   primary      a cell with 0 < count < min_cell (iscm.suppress); for a
--                multiple_choice answer also one whose complement (base - count)
--                is in that range;
--   secondary    in a single-answer question (yes_no, single_choice, ordinal)
--                the cells add up to the base, so suppressed cells could be
--                recovered by subtraction or narrowed down to one value: other
--                cells, smallest first (non-zero before zero, then in answer
--                order), are suppressed too until at least two cells adding up
--                to 2 * min_cell or more are hidden;
--   base         when even suppressing every cell cannot reach that, the base is
--                withheld as well.
-- Suppressed cells have count, share and interval NULL and suppressed = true.
-- Each (group, question) table is protected on its own; tables of other
-- groupings of the same survey are not taken into account.

-- Was a State a member (role member, not observer) of a mechanism at some time
-- in the period?  The period a membership's sources state is used, or, for an
-- undated membership, every period it may have covered (participations.period
-- and .possible).  A NULL period (survey date unknown) means at any time.
CREATE FUNCTION @extschema@._survey_member_of(mechanism text, state @extschema@.country, during daterange)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN EXISTS (
    SELECT 1
      FROM @extschema@.participations AS p
     WHERE p.mechanism = _survey_member_of.mechanism
       AND p.state OPERATOR(@extschema@.=) _survey_member_of.state
       AND p.role = 'member'
       AND (during IS NULL OR coalesce(p.period, p.possible) OPERATOR(pg_catalog.&&) during));
COMMENT ON FUNCTION @extschema@._survey_member_of(text, @extschema@.country, daterange) IS
  'true when the State was a member of the mechanism at some time in the period (the stated membership period; for an undated membership any period; NULL period: ever)';

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
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    grouping_kind text;
    mechanism_code text;
    mechanism_label text;
    fielded daterange;
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
    fielded := @extschema@._survey_period(known);   -- NULL when the survey date is unknown

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
        SELECT m.code, coalesce(m.acronym, m.code) INTO mechanism_code, mechanism_label
          FROM @extschema@.mechanisms AS m
         WHERE pg_catalog.lower(pg_catalog.btrim(pg_catalog.substr(group_by, 11)))
               IN (pg_catalog.lower(m.code), pg_catalog.lower(m.acronym))
            OR EXISTS (SELECT 1 FROM @extschema@.mechanism_aliases AS a
                        WHERE a.mechanism = m.code
                          AND pg_catalog.lower(a.alias) = pg_catalog.lower(pg_catalog.btrim(pg_catalog.substr(group_by, 11))))
         ORDER BY m.code
         LIMIT 1;
        IF NOT FOUND THEN
            SELECT pg_catalog.string_agg(m.code, ', ' ORDER BY m.code) INTO known FROM @extschema@.mechanisms AS m;
            RAISE EXCEPTION 'no mechanism %', pg_catalog.quote_literal(pg_catalog.btrim(pg_catalog.substr(group_by, 11)))
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = pg_catalog.format('known mechanisms: %s', coalesce(known, 'none'));
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
                   WHEN 'region' THEN coalesce(@extschema@.region_name(r.country), '(no region)')
                   WHEN 'subregion' THEN coalesce(@extschema@.subregion_name(r.country), '(no subregion)')
                   WHEN 'mechanism' THEN
                       CASE WHEN r.country IS NULL THEN '(not a State)'
                            WHEN @extschema@._survey_member_of(mechanism_code, r.country, fielded)
                            THEN 'member of ' || mechanism_label
                            ELSE 'not a member of ' || mechanism_label END
               END AS grp
          FROM @extschema@.survey_respondents AS r
         WHERE r.survey = survey_table.survey
           AND r.disposition IN ('I', 'P')
    ),
    -- groups and questions get integer numbers: grouping and sorting tens of
    -- thousands of answers by integers rather than by text keys
    groups AS (
        SELECT d.grp, pg_catalog.row_number() OVER (ORDER BY d.grp)::integer AS g
          FROM (SELECT DISTINCT el.grp FROM eligible AS el) AS d
    ),
    questions AS (
        SELECT q.code, q.wording, q.answer_type, q.allowed_answers,
               pg_catalog.row_number() OVER (ORDER BY q.position NULLS LAST, q.code)::integer AS qn
          FROM @extschema@.survey_questions AS q
         WHERE q.survey = survey_table.survey
           AND q.answer_type NOT IN ('number', 'free_text')
    ),
    -- one summary per group and question, from the answers alone; every
    -- (group, question) pair gets its rows below, with base 0 when nobody in
    -- the group answered
    summaries AS (
        -- the allowed answers are declared, so that an answer nobody gave is
        -- a known 0 to the accessors rather than an unknown category
        SELECT gr.g, q.qn,
               @extschema@.with_categories(
                   CASE WHEN q.answer_type = 'multiple_choice'
                        THEN @extschema@.choices_agg(a.choices)
                        ELSE @extschema@.answer_agg(a.value) END,
                   q.allowed_answers) AS s
          FROM eligible AS e
          JOIN groups AS gr ON gr.grp = e.grp
          JOIN @extschema@.survey_answers AS a
            ON a.survey = survey_table.survey AND a.respondent = e.respondent
          JOIN questions AS q ON q.code = a.question
         GROUP BY gr.g, q.qn, q.answer_type, q.allowed_answers
    ),
    cells AS (
        SELECT gr.grp, gr.g, q.qn, q.code, q.wording, q.answer_type, sm.s,
               opt.answer, opt.ord,
               coalesce(@extschema@.count(sm.s, opt.answer), 0) AS c,
               coalesce(@extschema@.respondents(sm.s), 0) AS b
          FROM groups AS gr
         CROSS JOIN questions AS q
          LEFT JOIN summaries AS sm ON sm.g = gr.g AND sm.qn = q.qn
         CROSS JOIN LATERAL pg_catalog.unnest(q.allowed_answers) WITH ORDINALITY AS opt(answer, ord)
    ),
    primary_cells AS (
        SELECT cl.*,
               @extschema@.suppress(cl.c, survey_table.min_cell) IS NULL
               OR (cl.answer_type = 'multiple_choice'
                   AND @extschema@.suppress(cl.b - cl.c, survey_table.min_cell) IS NULL) AS prim
          FROM cells AS cl
    ),
    ranked AS (
        SELECT pc.*,
               pg_catalog.count(*) FILTER (WHERE pc.prim) OVER per_question AS n_prim,
               coalesce(pg_catalog.sum(pc.c) FILTER (WHERE pc.prim) OVER per_question, 0) AS s_prim,
               pg_catalog.row_number() OVER by_size AS rank_in_kind,
               coalesce(pg_catalog.sum(pc.c) OVER (by_size ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
                   AS smaller_sum
          FROM primary_cells AS pc
        WINDOW per_question AS (PARTITION BY pc.g, pc.qn),
               by_size AS (PARTITION BY pc.g, pc.qn, pc.prim ORDER BY pc.c = 0, pc.c, pc.ord)
    ),
    flagged AS (
        -- secondary cells, smallest first, until at least two cells adding up
        -- to 2 * min_cell or more are suppressed
        SELECT rk.*,
               rk.prim
               OR (rk.answer_type <> 'multiple_choice' AND rk.n_prim > 0 AND NOT rk.prim
                   AND (rk.n_prim + rk.rank_in_kind - 1 < 2
                        OR rk.s_prim + rk.smaller_sum < 2 * survey_table.min_cell)) AS supp
          FROM ranked AS rk
    ),
    decided AS (
        -- when that could not be reached, the base would give the cells away
        SELECT fl.*,
               fl.answer_type <> 'multiple_choice'
               AND pg_catalog.count(*) FILTER (WHERE fl.supp) OVER per_question > 0
               AND (pg_catalog.count(*) FILTER (WHERE fl.supp) OVER per_question < 2
                    OR coalesce(pg_catalog.sum(fl.c) FILTER (WHERE fl.supp) OVER per_question, 0)
                       < 2 * survey_table.min_cell) AS hide_base
          FROM flagged AS fl
        WINDOW per_question AS (PARTITION BY fl.g, fl.qn)
    )
    SELECT f.grp,
           f.code,
           f.wording,
           f.answer,
           CASE WHEN f.supp THEN NULL ELSE f.c END,
           CASE WHEN f.hide_base THEN NULL ELSE f.b END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL ELSE @extschema@.share(f.s, f.answer) END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL
                ELSE @extschema@.ci_lower(f.s, f.answer, survey_table.method, survey_table.level, NULL::int8) END,
           CASE WHEN f.supp OR f.b = 0 THEN NULL
                ELSE @extschema@.ci_upper(f.s, f.answer, survey_table.method, survey_table.level, NULL::int8) END,
           f.supp
      FROM decided AS f
     ORDER BY f.g, f.qn, f.ord;
END
$$;

COMMENT ON FUNCTION @extschema@.survey_table(text, text, double precision, integer, text) IS
  'The published table of a survey: per group (NULL, region, subregion, respondent_type, mechanism:<acronym>), question and answer the count, base, share and confidence interval, with counts below min_cell suppressed (and complementary cells)';
