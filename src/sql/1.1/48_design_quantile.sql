-- svyciprop(method = "likelihood") for design_summary shares, and
-- iscm.design_sample: the rows of a numeric item with their design, for
-- svyquantile (quantiles with Woodruff intervals).

COMMENT ON FUNCTION @extschema@.ci(@extschema@.design_summary, text, text, float8, text) IS
    'Confidence interval of the share of category under the design (R: svyciprop, methods logit, likelihood, asin, beta, mean, xlogit, t quantiles on degf; or wilson, clopper_pearson, jeffreys, agresti_coull, wald on the design effective sample size)';

CREATE TYPE @extschema@.design_sample;

CREATE FUNCTION @extschema@.design_sample_in(cstring) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_sample_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_sample_out(@extschema@.design_sample) RETURNS cstring
    AS 'MODULE_PATHNAME', 'design_sample_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_sample_recv(internal) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_sample_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_sample_send(@extschema@.design_sample) RETURNS bytea
    AS 'MODULE_PATHNAME', 'design_sample_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.design_sample (
    INPUT = @extschema@.design_sample_in,
    OUTPUT = @extschema@.design_sample_out,
    RECEIVE = @extschema@.design_sample_recv,
    SEND = @extschema@.design_sample_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.design_sample IS
    'The rows of a numeric survey item with their design (value, weight, stratum, PSU, fpc), for quantiles; made by design_quantile_agg';
COMMENT ON FUNCTION @extschema@.design_sample_in(cstring) IS
    'Input function of iscm.design_sample: the hexadecimal text form, validated like binary receive (22P02 when invalid)';
COMMENT ON FUNCTION @extschema@.design_sample_out(@extschema@.design_sample) IS
    'Output function of iscm.design_sample: the versioned byte format in hexadecimal';
COMMENT ON FUNCTION @extschema@.design_sample_recv(internal) IS
    'Binary receive function of iscm.design_sample: reads the versioned big-endian byte format and validates it (22P03 when invalid)';
COMMENT ON FUNCTION @extschema@.design_sample_send(@extschema@.design_sample) IS
    'Binary send function of iscm.design_sample: the versioned big-endian byte format (doc/survey.md, Quantiles under a design)';

-- the aggregate: one transition function for the three forms (it reads PG_NARGS);
-- the state is the type itself, with a combine function, so that Citus can split it
CREATE FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_quantile_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8, text, text) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_quantile_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8, text, text, float8) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_quantile_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_quantile_final(@extschema@.design_sample) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_quantile_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.design_quantile_combine(@extschema@.design_sample, @extschema@.design_sample) RETURNS @extschema@.design_sample
    AS 'MODULE_PATHNAME', 'design_quantile_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8) IS
    'Transition function of design_quantile_agg(float8, float8): one row, its own PSU, no strata';
COMMENT ON FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8, text, text) IS
    'Transition function of design_quantile_agg(float8, float8, text, text): one row with its stratum and PSU';
COMMENT ON FUNCTION @extschema@.design_quantile_trans(@extschema@.design_sample, float8, float8, text, text, float8) IS
    'Transition function of design_quantile_agg(float8, float8, text, text, float8): one row with its stratum, PSU and finite population correction';
COMMENT ON FUNCTION @extschema@.design_quantile_final(@extschema@.design_sample) IS
    'Final function of design_quantile_agg: the sample of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.design_quantile_combine(@extschema@.design_sample, @extschema@.design_sample) IS
    'Combine function of design_quantile_agg: appends the rows of two partial states (a PSU split between them is one PSU)';

CREATE AGGREGATE @extschema@.design_quantile_agg(value float8, weight float8) (
    SFUNC = @extschema@.design_quantile_trans,
    STYPE = @extschema@.design_sample,
    FINALFUNC = @extschema@.design_quantile_final,
    COMBINEFUNC = @extschema@.design_quantile_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_quantile_agg(float8, float8) IS
    'Keep the weighted values of a numeric item for quantiles, each row its own PSU and no strata (R: svydesign(ids = ~1, weights = ~w)); NULL value = outside the domain';

CREATE AGGREGATE @extschema@.design_quantile_agg(value float8, weight float8, stratum text, psu text) (
    SFUNC = @extschema@.design_quantile_trans,
    STYPE = @extschema@.design_sample,
    FINALFUNC = @extschema@.design_quantile_final,
    COMBINEFUNC = @extschema@.design_quantile_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_quantile_agg(float8, float8, text, text) IS
    'Keep the weighted values of a numeric item with their strata and PSUs for quantiles (R: svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE)); NULL value = outside the domain, its PSU still in the design';

CREATE AGGREGATE @extschema@.design_quantile_agg(value float8, weight float8, stratum text, psu text, fpc float8) (
    SFUNC = @extschema@.design_quantile_trans,
    STYPE = @extschema@.design_sample,
    FINALFUNC = @extschema@.design_quantile_final,
    COMBINEFUNC = @extschema@.design_quantile_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.design_quantile_agg(float8, float8, text, text, float8) IS
    'Keep the weighted values of a numeric item with strata, PSUs and a finite population correction per stratum for quantiles (population size > 1 or sampling fraction <= 1, as R''s fpc)';

-- accessors: svyquantile(~y, subset(design, !is.na(y)), p, alpha = 1 - level) of survey 4.1
CREATE FUNCTION @extschema@.quantile(s @extschema@.design_sample, p float8) RETURNS float8
    AS 'MODULE_PATHNAME', 'design_sample_quantile_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quantile(@extschema@.design_sample, float8) IS
    'Weighted quantile at p in [0, 1] under the design (R survey 4.1: svyquantile, qrule = "math"); NULL when no row has a value with a weight';
CREATE FUNCTION @extschema@.quantile_se(s @extschema@.design_sample, p float8, level float8 DEFAULT 0.95,
                                        lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_sample_quantile_se' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quantile_se(@extschema@.design_sample, float8, float8, text) IS
    'Standard error of the quantile at p as svyquantile gives it: the width of the Woodruff interval at level over 2 t(degf); NULL when a limit is';
CREATE FUNCTION @extschema@.quantile_ci_lower(s @extschema@.design_sample, p float8, level float8 DEFAULT 0.95,
                                              lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_sample_quantile_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quantile_ci_lower(@extschema@.design_sample, float8, float8, text) IS
    'Lower limit of the Woodruff interval of the quantile at p (R: svyquantile, interval.type = "mean"); NULL where R gives NaN';
CREATE FUNCTION @extschema@.quantile_ci_upper(s @extschema@.design_sample, p float8, level float8 DEFAULT 0.95,
                                              lonely_psu text DEFAULT 'fail') RETURNS float8
    AS 'MODULE_PATHNAME', 'design_sample_quantile_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.quantile_ci_upper(@extschema@.design_sample, float8, float8, text) IS
    'Upper limit of the Woodruff interval of the quantile at p (R: svyquantile, interval.type = "mean"); NULL where R gives NaN';

-- drivers that bind strings as text or varchar (pgjdbc setString, psycopg binary mode)
CREATE CAST (text AS @extschema@.design_sample) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.design_sample) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.design_sample) IS
    'Assignment cast through the hexadecimal text form, validated as input is, so that a text parameter (psycopg binary mode) can be stored in a design_sample column';
COMMENT ON CAST (varchar AS @extschema@.design_sample) IS
    'Assignment cast through the hexadecimal text form, validated as input is, so that a varchar parameter (pgjdbc setString) can be stored in a design_sample column';
