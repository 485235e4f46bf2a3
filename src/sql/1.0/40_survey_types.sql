-- Survey summary types: what the two-step survey aggregates return.
-- Text form: a JSON document (round-trips, so values survive pg_dump/restore);
-- binary form: the versioned byte format of src/survey_format.h.

CREATE TYPE @extschema@.answer_summary;

CREATE FUNCTION @extschema@.answer_summary_in(cstring) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_out(@extschema@.answer_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'answer_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_recv(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_send(@extschema@.answer_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'survey_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.answer_summary (
    INPUT = @extschema@.answer_summary_in,
    OUTPUT = @extschema@.answer_summary_out,
    RECEIVE = @extschema@.answer_summary_recv,
    SEND = @extschema@.answer_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.answer_summary IS
    'Summary of the answers to one survey item: counts per category, item non-response, weighted sums; made by answer_agg or choices_agg';
COMMENT ON FUNCTION @extschema@.answer_summary_in(cstring) IS
    'Input function of iscm.answer_summary: reads the JSON text form and validates every field (22P02 when invalid)';
COMMENT ON FUNCTION @extschema@.answer_summary_out(@extschema@.answer_summary) IS
    'Output function of iscm.answer_summary: the JSON text form (the same document as to_jsonb)';
COMMENT ON FUNCTION @extschema@.answer_summary_recv(internal) IS
    'Binary receive function of iscm.answer_summary: reads the versioned big-endian byte format and validates it (22P03 when invalid)';
COMMENT ON FUNCTION @extschema@.answer_summary_send(@extschema@.answer_summary) IS
    'Binary send function of iscm.answer_summary: the versioned big-endian byte format (doc/survey.md, Serialization format)';

CREATE TYPE @extschema@.transition_summary;

CREATE FUNCTION @extschema@.transition_summary_in(cstring) RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_out(@extschema@.transition_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'transition_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_recv(internal) RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_send(@extschema@.transition_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'survey_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.transition_summary (
    INPUT = @extschema@.transition_summary_in,
    OUTPUT = @extschema@.transition_summary_out,
    RECEIVE = @extschema@.transition_summary_recv,
    SEND = @extschema@.transition_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.transition_summary IS
    'Panel transitions of one survey item: counts of (answer before, answer after) pairs for the same respondents; made by transition_agg';
COMMENT ON FUNCTION @extschema@.transition_summary_in(cstring) IS
    'Input function of iscm.transition_summary: reads the JSON text form and validates every field (22P02 when invalid)';
COMMENT ON FUNCTION @extschema@.transition_summary_out(@extschema@.transition_summary) IS
    'Output function of iscm.transition_summary: the JSON text form (the same document as to_jsonb)';
COMMENT ON FUNCTION @extschema@.transition_summary_recv(internal) IS
    'Binary receive function of iscm.transition_summary: reads the versioned big-endian byte format and validates it (22P03 when invalid)';
COMMENT ON FUNCTION @extschema@.transition_summary_send(@extschema@.transition_summary) IS
    'Binary send function of iscm.transition_summary: the versioned big-endian byte format (doc/survey.md, Serialization format)';

CREATE TYPE @extschema@.disposition_summary;

CREATE FUNCTION @extschema@.disposition_summary_in(cstring) RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_out(@extschema@.disposition_summary) RETURNS cstring
    AS 'MODULE_PATHNAME', 'disposition_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_recv(internal) RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_send(@extschema@.disposition_summary) RETURNS bytea
    AS 'MODULE_PATHNAME', 'survey_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.disposition_summary (
    INPUT = @extschema@.disposition_summary_in,
    OUTPUT = @extschema@.disposition_summary_out,
    RECEIVE = @extschema@.disposition_summary_recv,
    SEND = @extschema@.disposition_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.disposition_summary IS
    'AAPOR final disposition counts (I, P, R, NC, O, UH, UO, NE) of a survey; made by disposition_agg, read by aapor_rate';
COMMENT ON FUNCTION @extschema@.disposition_summary_in(cstring) IS
    'Input function of iscm.disposition_summary: reads the JSON text form and validates every field (22P02 when invalid)';
COMMENT ON FUNCTION @extschema@.disposition_summary_out(@extschema@.disposition_summary) IS
    'Output function of iscm.disposition_summary: the JSON text form (the same document as to_jsonb)';
COMMENT ON FUNCTION @extschema@.disposition_summary_recv(internal) IS
    'Binary receive function of iscm.disposition_summary: reads the versioned big-endian byte format and validates it (22P03 when invalid)';
COMMENT ON FUNCTION @extschema@.disposition_summary_send(@extschema@.disposition_summary) IS
    'Binary send function of iscm.disposition_summary: the versioned big-endian byte format (doc/survey.md, Serialization format)';

CREATE TYPE @extschema@.proportion_interval AS (
    estimate float8,
    lower float8,
    upper float8,
    method text,
    level float8
);
COMMENT ON TYPE @extschema@.proportion_interval IS
    'A share (or a difference of shares) with its confidence interval, the method that made it and the confidence level';
COMMENT ON COLUMN @extschema@.proportion_interval.estimate IS 'Point estimate: a share, or a difference of shares';
COMMENT ON COLUMN @extschema@.proportion_interval.lower IS 'Lower confidence limit';
COMMENT ON COLUMN @extschema@.proportion_interval.upper IS 'Upper confidence limit';
COMMENT ON COLUMN @extschema@.proportion_interval.method IS 'Interval method, e.g. wilson, clopper_pearson, newcombe_hybrid_score';
COMMENT ON COLUMN @extschema@.proportion_interval.level IS 'Confidence level, e.g. 0.95';
