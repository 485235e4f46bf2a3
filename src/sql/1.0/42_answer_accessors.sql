-- Accessors on iscm.answer_summary: figures, intervals, JSON and human forms.

CREATE FUNCTION @extschema@.respondents(s @extschema@.answer_summary) RETURNS int8
    AS 'MODULE_PATHNAME', 'answer_summary_respondents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respondents(@extschema@.answer_summary) IS
    'Respondents who answered the item (the denominator of shares)';

CREATE FUNCTION @extschema@.missing(s @extschema@.answer_summary) RETURNS int8
    AS 'MODULE_PATHNAME', 'answer_summary_missing' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.missing(@extschema@.answer_summary) IS
    'Item non-response: respondents whose answer was NULL';

CREATE FUNCTION @extschema@.total(s @extschema@.answer_summary) RETURNS int8
    AS 'MODULE_PATHNAME', 'answer_summary_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.answer_summary) IS
    'Respondents plus item non-response';

CREATE FUNCTION @extschema@.count(s @extschema@.answer_summary, category text) RETURNS int8
    AS 'MODULE_PATHNAME', 'answer_summary_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.count(@extschema@.answer_summary, text) IS
    'Respondents who gave (single choice) or chose (multiple choice) the category; a category the summary does not know (neither given nor declared with with_categories) is an error';

CREATE FUNCTION @extschema@.share(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share(@extschema@.answer_summary, text) IS
    'Share of respondents giving the category (weighted when the summary is); NULL when nobody answered';

CREATE FUNCTION @extschema@.effective_n(s @extschema@.answer_summary) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_effective_n' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.effective_n(@extschema@.answer_summary) IS
    'Kish effective sample size (sum w)^2 / sum w^2; the number of respondents when unweighted';

CREATE FUNCTION @extschema@.weighted(s @extschema@.answer_summary) RETURNS bool
    AS 'MODULE_PATHNAME', 'answer_summary_weighted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted(@extschema@.answer_summary) IS
    'Whether the summary was built with weights';

CREATE FUNCTION @extschema@.multiple_choice(s @extschema@.answer_summary) RETURNS bool
    AS 'MODULE_PATHNAME', 'answer_summary_multiple_choice' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.multiple_choice(@extschema@.answer_summary) IS
    'Whether the summary is of a multiple-choice item (made by choices_agg)';

CREATE FUNCTION @extschema@.mode(s @extschema@.answer_summary) RETURNS text
    AS 'MODULE_PATHNAME', 'answer_summary_mode' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mode(@extschema@.answer_summary) IS
    'Most frequent category (weighted when the summary is; ties go to the first in byte order); NULL when nobody answered';

CREATE FUNCTION @extschema@.categories(s @extschema@.answer_summary,
                                       OUT category text, OUT count int8, OUT share float8)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'answer_summary_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 8;
COMMENT ON FUNCTION @extschema@.categories(@extschema@.answer_summary) IS
    'One row per category given: its count and share, in byte order of the category';

CREATE FUNCTION @extschema@.to_jsonb(s @extschema@.answer_summary) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'answer_summary_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_jsonb(@extschema@.answer_summary) IS
    'The summary as a JSON document (the same document as its text form)';

CREATE FUNCTION @extschema@.describe(s @extschema@.answer_summary, category text, threshold int DEFAULT NULL)
    RETURNS text
    AS 'MODULE_PATHNAME', 'answer_summary_describe' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.describe(@extschema@.answer_summary, text, int) IS
    'Human form of a figure, e.g. ''26 of 53 (49%)''; with a disclosure threshold a smaller count reads ''fewer than N of 53''';

CREATE FUNCTION @extschema@.ci(s @extschema@.answer_summary, category text, method text DEFAULT 'wilson',
                               level float8 DEFAULT 0.95, population int8 DEFAULT NULL)
    RETURNS @extschema@.proportion_interval
    AS 'MODULE_PATHNAME', 'answer_summary_ci' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci(@extschema@.answer_summary, text, text, float8, int8) IS
    'Confidence interval of a share: method wilson, clopper_pearson, jeffreys, agresti_coull, wald or logit; population = finite population size for the correction';

CREATE FUNCTION @extschema@.ci_lower(s @extschema@.answer_summary, category text, method text DEFAULT 'wilson',
                                     level float8 DEFAULT 0.95, population int8 DEFAULT NULL)
    RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_ci_lower' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_lower(@extschema@.answer_summary, text, text, float8, int8) IS
    'Lower confidence limit of a share (arguments as ci)';

CREATE FUNCTION @extschema@.ci_upper(s @extschema@.answer_summary, category text, method text DEFAULT 'wilson',
                                     level float8 DEFAULT 0.95, population int8 DEFAULT NULL)
    RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_ci_upper' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ci_upper(@extschema@.answer_summary, text, text, float8, int8) IS
    'Upper confidence limit of a share (arguments as ci)';

CREATE FUNCTION @extschema@.share_difference(s1 @extschema@.answer_summary, s2 @extschema@.answer_summary,
                                             category text, level float8 DEFAULT 0.95)
    RETURNS @extschema@.proportion_interval
    AS 'MODULE_PATHNAME', 'answer_summary_share_difference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share_difference(@extschema@.answer_summary, @extschema@.answer_summary, text, float8) IS
    'Difference p1 - p2 of a category''s share between two independent rounds, with Newcombe''s hybrid score interval';

CREATE FUNCTION @extschema@.with_categories(s @extschema@.answer_summary, categories text[])
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_summary_with_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_categories(@extschema@.answer_summary, text[]) IS
    'The summary with the listed categories it lacks declared with count 0, so that count, share, ci and describe report 0 for them instead of refusing an unknown category';
