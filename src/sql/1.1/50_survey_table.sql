-- survey_table() with a sampling design: the published table with weighted
-- shares, design-based standard errors, intervals and design effects (R
-- survey's svymean / svytotal / svyciprop), each group a domain of the whole
-- design.  The design comes from a relation of the analyst's (a table or view
-- with one row per respondent), so survey_respondents needs no weight columns
-- and one survey can be published under several weightings.
--
-- The 1.0 signature keeps its columns and figures and becomes a call of the
-- new one without a design.  Both build one query: the answers are summarised
-- once per group and question (a hash join of the answers with the respondents
-- and questions, whose statistics the planner knows), the figures of every cell
-- are computed once into a materialised table, and the suppression windows read
-- plain columns.  JIT is off: the planner cannot estimate how many groups a
-- grouping gives and would otherwise compile the plan for a hundred thousand
-- rows that a few thousand cells never repay.

CREATE FUNCTION @extschema@.survey_table(
    survey text,
    design regclass,
    group_by text DEFAULT NULL,
    level double precision DEFAULT 0.95,
    min_cell integer DEFAULT 5,
    method text DEFAULT NULL,
    lonely_psu text DEFAULT 'fail',
    weight text DEFAULT 'weight',
    stratum text DEFAULT NULL,
    psu text DEFAULT NULL,
    fpc text DEFAULT NULL)
RETURNS TABLE (
    group_name text,
    question_code text,
    question text,
    answer text,
    count bigint,
    base bigint,
    weighted_count double precision,
    weighted_base double precision,
    share double precision,
    se double precision,
    ci_lower double precision,
    ci_upper double precision,
    deff double precision,
    degf bigint,
    suppressed boolean)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
    grouping_kind text;
    mechanism_code text;
    mechanism_label text;
    fielded daterange;
    options text := 'NULL (one group, all), region, subregion, respondent_type, mechanism:<acronym> (e.g. mechanism:GFMD)';
    known text;
    m text := pg_catalog.lower(method);
    lonely text := pg_catalog.lower(lonely_psu);
    design_rel text;
    design_cols text[];
    col text;
    survey_filter text := '';
    problem text;
    problems bigint;
    eligible text;
    summaries text;
    figures text;
    query text;
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
    -- the accessors' names, in any case; exact is binom.test's name for Clopper-Pearson
    IF design IS NULL THEN
        m := coalesce(m, 'wilson');
        IF m = 'exact' THEN
            m := 'clopper_pearson';
        END IF;
        IF m NOT IN ('wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald', 'logit') THEN
            RAISE EXCEPTION 'unknown interval method %', pg_catalog.quote_literal(method)
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'methods: wilson, clopper_pearson, jeffreys, agresti_coull, wald, logit';
        END IF;
    ELSE
        m := coalesce(m, 'logit');
        IF m = 'exact' THEN
            m := 'clopper_pearson';
        END IF;
        IF m NOT IN ('logit', 'xlogit', 'mean', 'asin', 'beta',
                     'wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald') THEN
            RAISE EXCEPTION 'unknown design interval method %', pg_catalog.quote_literal(method)
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'svyciprop''s methods logit, xlogit, mean, asin, beta, or wilson, clopper_pearson (exact), jeffreys, agresti_coull, wald on the design''s effective sample size';
        END IF;
        IF lonely IS NULL OR lonely NOT IN ('fail', 'remove', 'adjust', 'certainty', 'average') THEN
            RAISE EXCEPTION 'unknown lonely PSU rule %', coalesce(pg_catalog.quote_literal(lonely_psu), 'NULL')
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'rules as R''s options(survey.lonely.psu): fail, remove, adjust, certainty, average';
        END IF;
    END IF;

    IF group_by IS NULL THEN
        grouping_kind := 'all';
    ELSIF group_by IN ('region', 'subregion', 'respondent_type') THEN
        grouping_kind := group_by;
    ELSIF group_by LIKE 'mechanism:%' THEN
        grouping_kind := 'mechanism';
        SELECT m2.code, coalesce(m2.acronym, m2.code) INTO mechanism_code, mechanism_label
          FROM @extschema@.mechanisms AS m2
         WHERE pg_catalog.lower(pg_catalog.btrim(pg_catalog.substr(group_by, 11)))
               IN (pg_catalog.lower(m2.code), pg_catalog.lower(m2.acronym))
            OR EXISTS (SELECT 1 FROM @extschema@.mechanism_aliases AS a
                        WHERE a.mechanism = m2.code
                          AND pg_catalog.lower(a.alias) = pg_catalog.lower(pg_catalog.btrim(pg_catalog.substr(group_by, 11))))
         ORDER BY m2.code
         LIMIT 1;
        IF NOT FOUND THEN
            SELECT pg_catalog.string_agg(m2.code, ', ' ORDER BY m2.code) INTO known FROM @extschema@.mechanisms AS m2;
            RAISE EXCEPTION 'no mechanism %', pg_catalog.quote_literal(pg_catalog.btrim(pg_catalog.substr(group_by, 11)))
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = pg_catalog.format('known mechanisms: %s', coalesce(known, 'none'));
        END IF;
    ELSE
        RAISE EXCEPTION 'cannot group a survey table by %', pg_catalog.quote_literal(group_by)
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = pg_catalog.format('group_by takes %s', options);
    END IF;

    IF design IS NOT NULL THEN
        -- the relation and its columns are looked up in the catalog and only
        -- their quoted names enter the query; the caller's privileges apply
        SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) INTO design_rel
          FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
         WHERE c.oid = design AND c.relkind IN ('r', 'v', 'm', 'p', 'f');
        IF design_rel IS NULL THEN
            RAISE EXCEPTION '% is not a table or view', design
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'design names a table or view with one row per respondent: respondent, the weight and any stratum, psu and fpc columns';
        END IF;
        SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) INTO design_cols
          FROM pg_catalog.pg_attribute AS a
         WHERE a.attrelid = design AND a.attnum > 0 AND NOT a.attisdropped;
        IF weight IS NULL THEN
            RAISE EXCEPTION 'a design needs a weight column'
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'name the column of sampling weights with weight => ''...''; for equal weights use a column of 1';
        END IF;
        FOREACH col IN ARRAY ARRAY['respondent', weight, stratum, psu, fpc] LOOP
            IF col IS NOT NULL AND NOT col OPERATOR(pg_catalog.=) ANY (design_cols) THEN
                RAISE EXCEPTION 'design % has no column %', design, pg_catalog.quote_ident(col)
                    USING ERRCODE = 'invalid_parameter_value',
                          HINT = pg_catalog.format('its columns: %s; respondent is the respondent label of survey_respondents',
                                                   pg_catalog.array_to_string(design_cols, ', '));
            END IF;
        END LOOP;
        IF 'survey' OPERATOR(pg_catalog.=) ANY (design_cols) THEN
            survey_filter := ' AND d.survey::text OPERATOR(pg_catalog.=) $1';
        END IF;

        -- one row per respondent of the table: a missing weight would leave a
        -- respondent out of the design, a repeated one count it twice
        EXECUTE pg_catalog.format(
            'SELECT pg_catalog.count(*), pg_catalog.min(r.respondent)
               FROM @extschema@.survey_respondents AS r
              WHERE r.survey OPERATOR(pg_catalog.=) $1 AND r.disposition IN (''I'', ''P'')
                AND NOT EXISTS (SELECT 1 FROM %s AS d WHERE d.respondent::text OPERATOR(pg_catalog.=) r.respondent%s)',
            design_rel, survey_filter)
          INTO problems, problem USING survey_table.survey;
        IF problems > 0 THEN
            RAISE EXCEPTION 'design % lacks respondents of survey %', design,
                            pg_catalog.quote_literal(survey_table.survey)
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = pg_catalog.format('%s of the respondents have no row, for example %s',
                                                 problems, pg_catalog.quote_literal(problem)),
                      HINT = 'the design needs a row (column respondent) for every respondent of disposition I or P';
        END IF;
        EXECUTE pg_catalog.format(
            'SELECT pg_catalog.count(*), pg_catalog.min(x.respondent)
               FROM (SELECT d.respondent::text AS respondent FROM %s AS d
                      WHERE true%s GROUP BY 1 HAVING pg_catalog.count(*) > 1) AS x',
            design_rel, survey_filter)
          INTO problems, problem USING survey_table.survey;
        IF problems > 0 THEN
            RAISE EXCEPTION 'design % repeats respondents', design
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = pg_catalog.format('%s of the respondents have more than one row, for example %s',
                                                 problems, pg_catalog.quote_literal(problem)),
                      HINT = 'one row per respondent; a design table of several surveys needs a survey column';
        END IF;
    END IF;

    -- the respondents counted and their group, inlined where it is read so
    -- that the planner sees survey_respondents' statistics and hashes the
    -- small side of each join
    eligible := $q$(
        SELECT r.respondent,
               CASE $2
                   WHEN 'all' THEN 'all'
                   WHEN 'respondent_type' THEN r.respondent_type
                   WHEN 'region' THEN coalesce(@extschema@.region_name(r.country), '(no region)')
                   WHEN 'subregion' THEN coalesce(@extschema@.subregion_name(r.country), '(no subregion)')
                   WHEN 'mechanism' THEN
                       CASE WHEN r.country IS NULL THEN '(not a State)'
                            WHEN @extschema@._survey_member_of($3, r.country, $5)
                            THEN 'member of ' OPERATOR(pg_catalog.||) $4
                            ELSE 'not a member of ' OPERATOR(pg_catalog.||) $4 END
               END AS grp
          FROM @extschema@.survey_respondents AS r
         WHERE r.survey OPERATOR(pg_catalog.=) $1
           AND r.disposition IN ('I', 'P'))$q$;

    -- the respondent counts of every cell, with or without a design: both
    -- aggregates read only the rows of their own answer type
    summaries := $q$
    summaries AS MATERIALIZED (
        SELECT e.grp, a.question,
               CASE WHEN q.is_mc
                    THEN @extschema@.choices_agg(a.choices) FILTER (WHERE q.is_mc)
                    ELSE @extschema@.answer_agg(a.value) FILTER (WHERE NOT q.is_mc) END AS s
          FROM @extschema@.survey_answers AS a
          JOIN $q$ || eligible || $q$ AS e ON e.respondent OPERATOR(pg_catalog.=) a.respondent
          JOIN (SELECT q.code, q.answer_type OPERATOR(pg_catalog.=) 'multiple_choice' AS is_mc
                  FROM @extschema@.survey_questions AS q
                 WHERE q.survey OPERATOR(pg_catalog.=) $1
                   AND q.answer_type NOT IN ('number', 'free_text')) AS q
            ON q.code OPERATOR(pg_catalog.=) a.question
         WHERE a.survey OPERATOR(pg_catalog.=) $1
         GROUP BY e.grp, a.question, q.is_mc
    ),$q$;

    IF design IS NULL THEN
        summaries := summaries || $q$
    design_summaries AS (
        SELECT NULL::text AS grp, NULL::text AS question, NULL::@extschema@.design_summary AS d,
               NULL::double precision AS wb
         WHERE false
    ),$q$;
        figures := $q$
               CASE WHEN f.b > 0 THEN @extschema@.share(f.s, opt.answer) END AS p,
               CASE WHEN f.b > 0 THEN f.c::double precision END AS wc,
               CASE WHEN f.b > 0 THEN f.b::double precision END AS wbase,
               CASE WHEN f.b > 0
                    THEN pg_catalog.sqrt(@extschema@.share(f.s, opt.answer)
                                         * (1 OPERATOR(pg_catalog.-) @extschema@.share(f.s, opt.answer)) / f.b) END AS se,
               CASE WHEN f.b > 0
                    THEN @extschema@.ci(f.s, opt.answer, $7, $8, NULL::int8) END AS iv,
               NULL::double precision AS deff,
               NULL::bigint AS degf$q$;
    ELSE
        -- every group is a domain of the whole design: each summary reads
        -- every respondent, the answers of the group's own and NULL (outside
        -- the domain, PSU kept) for the others, as svyby / subset do
        summaries := summaries || pg_catalog.format($q$
    design_rows AS MATERIALIZED (
        SELECT e.respondent, e.grp, d.%1$I::double precision AS w, %2$s AS st, %3$s AS ps, %4$s AS fp
          FROM %5$s AS e
          JOIN %6$s AS d ON d.respondent::text OPERATOR(pg_catalog.=) e.respondent%7$s
    ),
    design_summaries AS MATERIALIZED (
        SELECT gr.grp, q.code AS question,
               CASE WHEN q.is_mc
                    THEN @extschema@.design_choices_agg(
                             CASE WHEN r.grp OPERATOR(pg_catalog.=) gr.grp THEN a.choices END,
                             r.w, r.st, r.ps%8$s) FILTER (WHERE q.is_mc)
                    ELSE @extschema@.design_agg(
                             CASE WHEN r.grp OPERATOR(pg_catalog.=) gr.grp THEN a.value END,
                             r.w, r.st, r.ps%8$s) FILTER (WHERE NOT q.is_mc) END AS d,
               coalesce(pg_catalog.sum(r.w) FILTER (WHERE r.grp OPERATOR(pg_catalog.=) gr.grp
                                                    AND (a.value IS NOT NULL OR a.choices IS NOT NULL)), 0) AS wb
          FROM design_rows AS r
         CROSS JOIN questions AS q
         CROSS JOIN groups AS gr
          LEFT JOIN @extschema@.survey_answers AS a
            ON a.survey OPERATOR(pg_catalog.=) $1
           AND a.respondent OPERATOR(pg_catalog.=) r.respondent
           AND a.question OPERATOR(pg_catalog.=) q.code
         GROUP BY gr.grp, q.code, q.is_mc
    ),$q$,
            weight,
            CASE WHEN stratum IS NULL THEN 'NULL::text' ELSE pg_catalog.format('d.%I::text', stratum) END,
            CASE WHEN psu IS NULL THEN 'NULL::text' ELSE pg_catalog.format('d.%I::text', psu) END,
            CASE WHEN fpc IS NULL THEN 'NULL::double precision' ELSE pg_catalog.format('d.%I::double precision', fpc) END,
            eligible,
            design_rel,
            survey_filter,
            CASE WHEN fpc IS NULL THEN '' ELSE ', r.fp' END);
        -- a category no row of the domain gave is 0 with no variance; the
        -- design accessors know only the categories given
        figures := $q$
               CASE WHEN f.c > 0 THEN @extschema@.share(f.d, opt.answer)
                    WHEN f.wb > 0 THEN 0::double precision END AS p,
               CASE WHEN f.c > 0 THEN @extschema@.total(f.d, opt.answer)
                    WHEN f.b > 0 THEN 0::double precision END AS wc,
               CASE WHEN f.b > 0 THEN f.wb END AS wbase,
               CASE WHEN f.c > 0 THEN @extschema@.se(f.d, opt.answer, $9)
                    WHEN f.wb > 0 THEN 0::double precision END AS se,
               CASE WHEN f.c > 0 THEN @extschema@.ci(f.d, opt.answer, $7, $8, $9) END AS iv,
               CASE WHEN f.c > 0 THEN @extschema@.deff(f.d, opt.answer, false, $9) END AS deff,
               CASE WHEN f.b > 0 THEN @extschema@.degf(f.d) END AS degf$q$;
    END IF;

    query := $q$
    WITH
    -- groups and questions get integer numbers: grouping and sorting the
    -- cells by integers rather than by text keys
    groups AS MATERIALIZED (
        SELECT d.grp, pg_catalog.row_number() OVER (ORDER BY d.grp)::integer AS g
          FROM (SELECT DISTINCT el.grp FROM $q$ || eligible || $q$ AS el) AS d
    ),
    questions AS MATERIALIZED (
        SELECT q.code, q.wording, q.answer_type, q.allowed_answers,
               q.answer_type OPERATOR(pg_catalog.=) 'multiple_choice' AS is_mc,
               pg_catalog.row_number() OVER (ORDER BY q.position NULLS LAST, q.code)::integer AS qn
          FROM @extschema@.survey_questions AS q
         WHERE q.survey OPERATOR(pg_catalog.=) $1
           AND q.answer_type NOT IN ('number', 'free_text')
    ),$q$ || summaries || $q$
    -- every (group, question) pair gets its rows, with base 0 when nobody in
    -- the group answered; every figure of a cell is computed once, here
    cells AS MATERIALIZED (
        SELECT gr.grp, gr.g, q.qn, q.code, q.wording, q.answer_type, opt.answer, opt.ord, f.c, f.b,$q$
        || figures || $q$
          FROM groups AS gr
         CROSS JOIN questions AS q
          LEFT JOIN summaries AS sm
            ON sm.grp OPERATOR(pg_catalog.=) gr.grp AND sm.question OPERATOR(pg_catalog.=) q.code
          LEFT JOIN design_summaries AS ds
            ON ds.grp OPERATOR(pg_catalog.=) gr.grp AND ds.question OPERATOR(pg_catalog.=) q.code
         -- the allowed answers are declared, so that an answer nobody gave is
         -- a known 0 to the accessors rather than an unknown category
         CROSS JOIN LATERAL (SELECT @extschema@.with_categories(sm.s, q.allowed_answers) AS s) AS sc
         CROSS JOIN LATERAL pg_catalog.unnest(q.allowed_answers) WITH ORDINALITY AS opt(answer, ord)
         CROSS JOIN LATERAL (SELECT coalesce(@extschema@.count(sc.s, opt.answer), 0) AS c,
                                    coalesce(@extschema@.respondents(sc.s), 0) AS b,
                                    sc.s, ds.d, ds.wb) AS f
    ),
    primary_cells AS (
        SELECT cl.*,
               @extschema@.suppress(cl.c, $6) IS NULL
               OR (cl.answer_type OPERATOR(pg_catalog.=) 'multiple_choice'
                   AND @extschema@.suppress(cl.b OPERATOR(pg_catalog.-) cl.c, $6) IS NULL) AS prim
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
               by_size AS (PARTITION BY pc.g, pc.qn, pc.prim ORDER BY pc.c OPERATOR(pg_catalog.=) 0, pc.c, pc.ord)
    ),
    flagged AS (
        -- secondary cells, smallest first, until at least two cells adding up
        -- to 2 * min_cell or more are suppressed
        SELECT rk.*,
               rk.prim
               OR (rk.answer_type OPERATOR(pg_catalog.<>) 'multiple_choice' AND rk.n_prim > 0 AND NOT rk.prim
                   AND (rk.n_prim + rk.rank_in_kind - 1 < 2
                        OR rk.s_prim + rk.smaller_sum < 2 * $6)) AS supp
          FROM ranked AS rk
    ),
    decided AS (
        -- when that could not be reached, the base would give the cells away
        SELECT fl.*,
               fl.answer_type OPERATOR(pg_catalog.<>) 'multiple_choice'
               AND pg_catalog.count(*) FILTER (WHERE fl.supp) OVER per_question > 0
               AND (pg_catalog.count(*) FILTER (WHERE fl.supp) OVER per_question < 2
                    OR coalesce(pg_catalog.sum(fl.c) FILTER (WHERE fl.supp) OVER per_question, 0)
                       < 2 * $6) AS hide_base
          FROM flagged AS fl
        WINDOW per_question AS (PARTITION BY fl.g, fl.qn)
    )
    SELECT f.grp,
           f.code,
           f.wording,
           f.answer,
           CASE WHEN f.supp THEN NULL ELSE f.c END,
           CASE WHEN f.hide_base THEN NULL ELSE f.b END,
           CASE WHEN f.supp THEN NULL ELSE f.wc END,
           CASE WHEN f.hide_base THEN NULL ELSE f.wbase END,
           CASE WHEN f.supp THEN NULL ELSE f.p END,
           CASE WHEN f.supp THEN NULL ELSE f.se END,
           CASE WHEN f.supp THEN NULL ELSE (f.iv).lower END,
           CASE WHEN f.supp THEN NULL ELSE (f.iv).upper END,
           CASE WHEN f.supp THEN NULL ELSE f.deff END,
           CASE WHEN f.hide_base THEN NULL ELSE f.degf END,
           f.supp
      FROM decided AS f
     ORDER BY f.g, f.qn, f.ord$q$;

    RETURN QUERY EXECUTE query
        USING survey_table.survey, grouping_kind, mechanism_code, mechanism_label, fielded,
              survey_table.min_cell, m, survey_table.level, lonely;
END
$$;

COMMENT ON FUNCTION @extschema@.survey_table(text, regclass, text, double precision, integer, text, text, text, text, text, text) IS
  'The published table of a survey under a sampling design read from a table or view of the analyst (one row per respondent: weight, stratum, psu, fpc columns named by the arguments; NULL design: unweighted): per group (a domain of the whole design), question and answer the respondent count and base, weighted count and base, weighted share, design-based SE, interval (svyciprop methods) and design effect, degrees of freedom, with counts below min_cell suppressed (and complementary cells)';

-- The 1.0 signature: the same columns and figures, from the function above
-- without a design; method names in any case, exact for Clopper-Pearson.
CREATE OR REPLACE FUNCTION @extschema@.survey_table(
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
BEGIN
    -- a NULL method is the design form's default, but an error here as before
    IF method IS NULL THEN
        RAISE EXCEPTION 'unknown interval method NULL'
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'methods: wilson, clopper_pearson, jeffreys, agresti_coull, wald, logit';
    END IF;
    RETURN QUERY
    SELECT t.group_name, t.question_code, t.question, t.answer, t.count, t.base, t.share,
           t.ci_lower, t.ci_upper, t.suppressed
      FROM @extschema@.survey_table(survey_table.survey::text, NULL::regclass, survey_table.group_by::text,
                                    survey_table.level::double precision, survey_table.min_cell::integer,
                                    survey_table.method::text, 'fail'::text, 'weight'::text,
                                    NULL::text, NULL::text, NULL::text) AS t;
END
$$;

COMMENT ON FUNCTION @extschema@.survey_table(text, text, double precision, integer, text) IS
  'The published table of a survey: per group (NULL, region, subregion, respondent_type, mechanism:<acronym>), question and answer the count, base, share and confidence interval, with counts below min_cell suppressed (and complementary cells)';
