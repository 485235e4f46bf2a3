-- Standard errors of the shares and totals of an answer_summary, as R's
-- svydesign(ids = ~1, weights = ~w) with with-replacement linearisation
-- (doc/survey.md, "Standard errors of answer summaries").  The weighted
-- aggregates write format 2, which adds the per-category sums of squared
-- weights these figures need; format 1 values still read.

CREATE FUNCTION @extschema@.has_se(s @extschema@.answer_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'answer_summary_has_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.has_se(@extschema@.answer_summary) IS
    'Whether the summary can give standard errors: false only for a weighted summary of format 1 with respondents (stored by iscm 1.0, or rolled up with one), which lacks the per-category sums of squared weights';
CREATE FUNCTION @extschema@.total(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_category_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.answer_summary, text) IS
    'Estimated population total of category: the sum of the weights of the respondents giving (or choosing) it, the count when unweighted (R: coef(svytotal(...)) with svydesign(ids = ~1, weights = ~w))';
CREATE FUNCTION @extschema@.variance(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_variance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.variance(@extschema@.answer_summary, text) IS
    'Linearised with-replacement variance of the share of category (R: vcov(svymean(~I(answer == category), design, na.rm = TRUE)) with svydesign(ids = ~1, weights = ~w)); NULL when nobody answered with a weight > 0 or the design has one row';
CREATE FUNCTION @extschema@.se(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.se(@extschema@.answer_summary, text) IS
    'Standard error of the share of category (R: SE(svymean(...)) with svydesign(ids = ~1, weights = ~w)); NULL as variance';
CREATE FUNCTION @extschema@.cv(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_cv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cv(@extschema@.answer_summary, text) IS
    'Coefficient of variation of the share of category, SE / share (R: cv(svymean(...))); NULL when the share is 0 or undefined';
CREATE FUNCTION @extschema@.deff(s @extschema@.answer_summary, category text, replace boolean DEFAULT false) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_deff' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.deff(@extschema@.answer_summary, text, boolean) IS
    'Design effect of the share of category against simple random sampling without replacement, or with it when replace (R: deff(svymean(..., deff = TRUE)) / deff = "replace"); Infinity without replacement when the weights sum to the respondents (unweighted), as R; NULL when they sum to fewer';
CREATE FUNCTION @extschema@.total_se(s @extschema@.answer_summary, category text) RETURNS float8
    AS 'MODULE_PATHNAME', 'answer_summary_total_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total_se(@extschema@.answer_summary, text) IS
    'Standard error of the estimated total of category (R: SE(svytotal(...)) with svydesign(ids = ~1, weights = ~w)); NULL when the design has one row';
