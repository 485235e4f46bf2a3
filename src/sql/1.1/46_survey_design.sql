-- Design-based estimation: iscm.design_summary (answers with strata, PSUs,
-- weights and a finite population correction), the aggregate design_agg and
-- accessors giving the figures of R survey's svymean, svytotal, svyciprop and
-- degf under svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~N,
-- nest = TRUE) with one-stage Taylor linearisation.

CREATE TYPE @extschema@.design_summary;

CREATE FUNCTION @extschema@.design_summary_in(cstring) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_summary_out(@extschema@.design_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'design_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_summary_recv(internal) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_summary_send(@extschema@.design_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'design_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.design_summary (
    INPUT = @extschema@.design_summary_in,
    OUTPUT = @extschema@.design_summary_out,
    RECEIVE = @extschema@.design_summary_recv,
    SEND = @extschema@.design_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.design_summary IS
    'Answers to one survey item with their design: per stratum and PSU the weight sums and row counts of each category; made by design_agg';
COMMENT ON FUNCTION @extschema@.design_summary_in(cstring) IS
    'Input function of iscm.design_summary: the hexadecimal text form, validated like binary receive (22P02 when invalid)';
COMMENT ON FUNCTION @extschema@.design_summary_out(@extschema@.design_summary) IS
    'Output function of iscm.design_summary: the versioned byte format in hexadecimal';
COMMENT ON FUNCTION @extschema@.design_summary_recv(internal) IS
    'Binary receive function of iscm.design_summary: reads the versioned big-endian byte format and validates it (22P03 when invalid)';
COMMENT ON FUNCTION @extschema@.design_summary_send(@extschema@.design_summary) IS
    'Binary send function of iscm.design_summary: the versioned big-endian byte format (doc/survey.md, Design-based estimation)';

-- the aggregate: one transition function for the three forms (it reads PG_NARGS);
-- the state is a design_summary (in memory an expanded object changed in place), so
-- that Citus can split the aggregates between workers and coordinator
CREATE FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8, text, text) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8, text, text, float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_rollup_trans(@extschema@.design_summary, @extschema@.design_summary) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_agg_final(@extschema@.design_summary) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_agg_combine(@extschema@.design_summary, @extschema@.design_summary) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8) IS
    'Transition function of design_agg(text, float8): one row, its own PSU, no strata';
COMMENT ON FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8, text, text) IS
    'Transition function of design_agg(text, float8, text, text): one row with its stratum and PSU';
COMMENT ON FUNCTION @extschema@.design_agg_trans(@extschema@.design_summary, text, float8, text, text, float8) IS
    'Transition function of design_agg(text, float8, text, text, float8): one row with its stratum, PSU and finite population correction';
COMMENT ON FUNCTION @extschema@.design_rollup_trans(@extschema@.design_summary, @extschema@.design_summary) IS
    'Transition function of rollup(design_summary): merges one stored summary into the state';
COMMENT ON FUNCTION @extschema@.design_agg_final(@extschema@.design_summary) IS
    'Final function of the design_summary aggregates: the summary of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.design_agg_combine(@extschema@.design_summary, @extschema@.design_summary) IS
    'Combine function of the design_summary aggregates: merges two partial states (a PSU split between them is one PSU)';

CREATE AGGREGATE @extschema@.design_agg(answer text, weight float8) (
    SFUNC = @extschema@.design_agg_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_agg(text, float8) IS
    'Summarise weighted answers with their design, each row its own PSU and no strata (R: svydesign(ids = ~1, weights = ~w))';

CREATE AGGREGATE @extschema@.design_agg(answer text, weight float8, stratum text, psu text) (
    SFUNC = @extschema@.design_agg_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_agg(text, float8, text, text) IS
    'Summarise weighted answers with their strata and PSUs (R: svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE)); NULL answer = outside the domain, its PSU still in the design';

CREATE AGGREGATE @extschema@.design_agg(answer text, weight float8, stratum text, psu text, fpc float8) (
    SFUNC = @extschema@.design_agg_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_agg(text, float8, text, text, float8) IS
    'Summarise weighted answers with strata, PSUs and a finite population correction per stratum (population size > 1 or sampling fraction <= 1, as R''s fpc)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.design_summary) (
    SFUNC = @extschema@.design_rollup_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.design_summary) IS
    'Merge stored design summaries: a PSU (stratum and name) found in several is one PSU; NULL inputs skipped';

-- accessors
CREATE FUNCTION @extschema@.share(s @extschema@.design_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'design_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share(@extschema@.design_summary, text) IS
    'Weighted share of the answers giving category (R: coef(svymean(~I(answer == category), subset(design, !is.na(answer)))))';
CREATE FUNCTION @extschema@.total(s @extschema@.design_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'design_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.design_summary, text) IS
    'Estimated population total of category: the sum of the weights of the rows giving it (R: svytotal)';
CREATE FUNCTION @extschema@.variance(s @extschema@.design_summary, category text,
                                     lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_variance_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.variance(@extschema@.design_summary, text, text) IS
    'Linearised design variance of the share of category (R: vcov(svymean(...))); lonely_psu as options(survey.lonely.psu)';
CREATE FUNCTION @extschema@.se(s @extschema@.design_summary, category text,
                               lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.se(@extschema@.design_summary, text, text) IS
    'Design-based standard error of the share of category (R: SE(svymean(...)))';
CREATE FUNCTION @extschema@.cv(s @extschema@.design_summary, category text,
                               lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_cv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cv(@extschema@.design_summary, text, text) IS
    'Coefficient of variation of the share of category, SE / share (R: cv(svymean(...))); NULL when the share is 0';
CREATE FUNCTION @extschema@.total_se(s @extschema@.design_summary, category text,
                                     lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_total_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_se(@extschema@.design_summary, text, text) IS
    'Design-based standard error of the estimated total of category (R: SE(svytotal(...)))';
CREATE FUNCTION @extschema@.deff(s @extschema@.design_summary, category text, replace boolean DEFAULT false,
                                 lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_deff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.deff(@extschema@.design_summary, text, boolean, text) IS
    'Design effect of the share of category against simple random sampling without replacement, or with it when replace (R: deff(svymean(..., deff = TRUE)) / deff = "replace")';
CREATE FUNCTION @extschema@.degf(s @extschema@.design_summary) RETURNS int8
    AS 'MODULE_PATHNAME', 'design_degf' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.degf(@extschema@.design_summary) IS
    'Design degrees of freedom: PSUs minus strata among the rows that answered with a weight > 0 (R: degf(subset(design, !is.na(answer))))';
CREATE FUNCTION @extschema@.ci(s @extschema@.design_summary, category text, method text DEFAULT 'logit',
                               level float8 DEFAULT 0.95, lonely_psu text DEFAULT 'fail')
    RETURNS @extschema@.proportion_interval
    AS 'MODULE_PATHNAME', 'design_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci(@extschema@.design_summary, text, text, float8, text) IS
    'Confidence interval of the share of category under the design (R: svyciprop, methods logit, asin, beta, mean, xlogit, t quantiles on degf; or wilson, clopper_pearson, jeffreys, agresti_coull, wald on the design effective sample size)';
CREATE FUNCTION @extschema@.ci_lower(s @extschema@.design_summary, category text, method text DEFAULT 'logit',
                                     level float8 DEFAULT 0.95, lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_lower(@extschema@.design_summary, text, text, float8, text) IS
    'Lower limit of ci(design_summary, ...)';
CREATE FUNCTION @extschema@.ci_upper(s @extschema@.design_summary, category text, method text DEFAULT 'logit',
                                     level float8 DEFAULT 0.95, lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_upper(@extschema@.design_summary, text, text, float8, text) IS
    'Upper limit of ci(design_summary, ...)';
CREATE FUNCTION @extschema@.design_info(s @extschema@.design_summary,
                                        OUT strata int8, OUT psus int8, OUT rows int8,
                                        OUT answered int8, OUT missing int8)
    AS 'MODULE_PATHNAME', 'design_counts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_info(@extschema@.design_summary) IS
    'The shape of a design summary: strata, PSUs, rows, rows that answered, rows without an answer';

-- numeric answers: svymean / svytotal of a value
CREATE FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_value_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8, text, text) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_value_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8, text, text, float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_value_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8) IS
    'Transition function of design_value_agg(float8, float8): one row, its own PSU, no strata';
COMMENT ON FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8, text, text) IS
    'Transition function of design_value_agg(float8, float8, text, text): one row with its stratum and PSU';
COMMENT ON FUNCTION @extschema@.design_value_trans(@extschema@.design_summary, float8, float8, text, text, float8) IS
    'Transition function of design_value_agg(float8, float8, text, text, float8): one row with its stratum, PSU and finite population correction';

CREATE AGGREGATE @extschema@.design_value_agg(value float8, weight float8) (
    SFUNC = @extschema@.design_value_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_value_agg(float8, float8) IS
    'Summarise weighted numeric answers, each row its own PSU and no strata (R: svydesign(ids = ~1, weights = ~w)); NULL value = outside the domain';
CREATE AGGREGATE @extschema@.design_value_agg(value float8, weight float8, stratum text, psu text) (
    SFUNC = @extschema@.design_value_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_value_agg(float8, float8, text, text) IS
    'Summarise weighted numeric answers with their strata and PSUs (R: svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE))';
CREATE AGGREGATE @extschema@.design_value_agg(value float8, weight float8, stratum text, psu text, fpc float8) (
    SFUNC = @extschema@.design_value_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_value_agg(float8, float8, text, text, float8) IS
    'Summarise weighted numeric answers with strata, PSUs and a finite population correction per stratum';

CREATE FUNCTION @extschema@.mean(s @extschema@.design_summary) RETURNS float8
    AS 'MODULE_PATHNAME', 'design_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean(@extschema@.design_summary) IS
    'Weighted mean of the values of a design_value_agg summary (R: coef(svymean(~y, subset(design, !is.na(y)))))';
CREATE FUNCTION @extschema@.mean_se(s @extschema@.design_summary, lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_mean_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_se(@extschema@.design_summary, text) IS
    'Design-based standard error of the mean (R: SE(svymean(...)))';
CREATE FUNCTION @extschema@.mean_deff(s @extschema@.design_summary, replace boolean DEFAULT false,
                                      lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_mean_deff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_deff(@extschema@.design_summary, boolean, text) IS
    'Design effect of the mean (R: deff(svymean(..., deff = TRUE)), or deff = "replace")';
CREATE FUNCTION @extschema@.mean_ci_lower(s @extschema@.design_summary, level float8 DEFAULT 0.95,
                                          lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_mean_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_ci_lower(@extschema@.design_summary, float8, text) IS
    'Lower confidence limit of the mean, mean - t SE on degf (R: confint(svymean(...), level = level, df = degf(d)))';
CREATE FUNCTION @extschema@.mean_ci_upper(s @extschema@.design_summary, level float8 DEFAULT 0.95,
                                          lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_mean_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mean_ci_upper(@extschema@.design_summary, float8, text) IS
    'Upper confidence limit of the mean, mean + t SE on degf';
CREATE FUNCTION @extschema@.value_total(s @extschema@.design_summary) RETURNS float8
    AS 'MODULE_PATHNAME', 'design_value_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value_total(@extschema@.design_summary) IS
    'Estimated population total of the values (R: coef(svytotal(~y, d)))';
CREATE FUNCTION @extschema@.value_total_se(s @extschema@.design_summary, lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_value_total_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.value_total_se(@extschema@.design_summary, text) IS
    'Design-based standard error of the total of the values (R: SE(svytotal(~y, d)))';

-- multiple choice: the base of each share is the respondents
CREATE FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_choices_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8, text, text) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_choices_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8, text, text, float8) RETURNS @extschema@.design_summary
    AS 'MODULE_PATHNAME', 'design_choices_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8) IS
    'Transition function of design_choices_agg(text[], float8): one respondent, its own PSU, no strata';
COMMENT ON FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8, text, text) IS
    'Transition function of design_choices_agg(text[], float8, text, text): one respondent with its stratum and PSU';
COMMENT ON FUNCTION @extschema@.design_choices_trans(@extschema@.design_summary, text[], float8, text, text, float8) IS
    'Transition function of design_choices_agg(text[], float8, text, text, float8): one respondent with its stratum, PSU and finite population correction';

CREATE AGGREGATE @extschema@.design_choices_agg(answers text[], weight float8) (
    SFUNC = @extschema@.design_choices_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_choices_agg(text[], float8) IS
    'Summarise a weighted multiple-choice item, each respondent its own PSU (R: svydesign(ids = ~1, weights = ~w)); shares are of respondents';
CREATE AGGREGATE @extschema@.design_choices_agg(answers text[], weight float8, stratum text, psu text) (
    SFUNC = @extschema@.design_choices_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_choices_agg(text[], float8, text, text) IS
    'Summarise a weighted multiple-choice item with strata and PSUs; NULL array = non-response, its PSU still in the design';
CREATE AGGREGATE @extschema@.design_choices_agg(answers text[], weight float8, stratum text, psu text, fpc float8) (
    SFUNC = @extschema@.design_choices_trans,
    STYPE = @extschema@.design_summary,
    FINALFUNC = @extschema@.design_agg_final,
    COMBINEFUNC = @extschema@.design_agg_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_choices_agg(text[], float8, text, text, float8) IS
    'Summarise a weighted multiple-choice item with strata, PSUs and a finite population correction per stratum';

-- drivers that bind strings as text or varchar (pgjdbc setString, psycopg binary mode)
CREATE CAST (text AS @extschema@.design_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.design_summary) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.design_summary) IS
    'Assignment cast through the hexadecimal text form, validated as input is, so that a text parameter (psycopg binary mode) can be stored in a design_summary column';
COMMENT ON CAST (varchar AS @extschema@.design_summary) IS
    'Assignment cast through the hexadecimal text form, validated as input is, so that a varchar parameter (pgjdbc setString) can be stored in a design_summary column';

-- Rao-Scott test of independence of two single-choice items
CREATE FUNCTION @extschema@.answer_pair(a text, b text) RETURNS text
    AS 'MODULE_PATHNAME', 'design_answer_pair' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.answer_pair(text, text) IS
    'The joint answer to two single-choice items (a, U+001F, b), NULL when either is missing: the category design_chisq reads';
CREATE FUNCTION @extschema@.design_chisq(s @extschema@.design_summary, statistic text DEFAULT 'F',
                                         lonely_psu text DEFAULT 'fail',
                                         OUT stat float8, OUT ndf float8, OUT ddf float8, OUT p_value float8)
    AS 'MODULE_PATHNAME', 'design_chisq_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_chisq(@extschema@.design_summary, text, text) IS
    'Rao-Scott test of independence of two items summarised by design_agg(answer_pair(a, b), ...) (R: svychisq(~a + b, design, statistic = "F" or "Chisq"))';
