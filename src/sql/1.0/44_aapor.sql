-- AAPOR final dispositions and outcome rates.

CREATE FUNCTION @extschema@.disposition_agg_trans(internal, text) RETURNS internal
    AS 'MODULE_PATHNAME', 'disposition_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_rollup_trans(internal, @extschema@.disposition_summary) RETURNS internal
    AS 'MODULE_PATHNAME', 'disposition_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_agg_final(internal) RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'disposition_summary_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'disposition_summary_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'disposition_summary_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.disposition_agg_trans(internal, text) IS
    'Transition function of disposition_agg(text): counts one AAPOR final disposition code (NULL skipped, unknown code 22023)';
COMMENT ON FUNCTION @extschema@.disposition_rollup_trans(internal, @extschema@.disposition_summary) IS
    'Transition function of rollup(disposition_summary): adds one stored summary to the state';
COMMENT ON FUNCTION @extschema@.disposition_agg_final(internal) IS
    'Final function of disposition_agg and rollup(disposition_summary): the disposition_summary of the state (all zero over zero rows)';
COMMENT ON FUNCTION @extschema@.disposition_summary_combine(internal, internal) IS
    'Combine function of the disposition_summary aggregates: adds two partial states (parallel aggregation)';
COMMENT ON FUNCTION @extschema@.disposition_summary_serialize(internal) IS
    'Serial function of the disposition_summary aggregates: a partial state in the disposition_summary byte format';
COMMENT ON FUNCTION @extschema@.disposition_summary_deserialize(bytea, internal) IS
    'Deserial function of the disposition_summary aggregates: a partial state from the disposition_summary byte format, validated';

CREATE AGGREGATE @extschema@.disposition_agg(disposition text) (
    SFUNC = @extschema@.disposition_agg_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.disposition_agg_final,
    COMBINEFUNC = @extschema@.disposition_summary_combine,
    SERIALFUNC = @extschema@.disposition_summary_serialize,
    DESERIALFUNC = @extschema@.disposition_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.disposition_agg(text) IS
    'Count AAPOR final dispositions (I, P, R, NC, O, UH, UO, NE or AAPOR numeric codes; NULL skipped)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.disposition_summary) (
    SFUNC = @extschema@.disposition_rollup_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.disposition_agg_final,
    COMBINEFUNC = @extschema@.disposition_summary_combine,
    SERIALFUNC = @extschema@.disposition_summary_serialize,
    DESERIALFUNC = @extschema@.disposition_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.disposition_summary) IS
    'Merge stored disposition summaries (NULL summaries are skipped)';

CREATE FUNCTION @extschema@.dispositions(d @extschema@.disposition_summary, OUT code text, OUT count int8)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'disposition_summary_dispositions' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 8;
COMMENT ON FUNCTION @extschema@.dispositions(@extschema@.disposition_summary) IS
    'The eight AAPOR disposition counts, in the order I, P, R, NC, O, UH, UO, NE';

CREATE FUNCTION @extschema@.to_jsonb(d @extschema@.disposition_summary) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'disposition_summary_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_jsonb(@extschema@.disposition_summary) IS
    'The disposition counts as a JSON document (the same document as the text form)';

CREATE FUNCTION @extschema@.aapor_rate(d @extschema@.disposition_summary, rate text, e float8 DEFAULT NULL)
    RETURNS float8
    AS 'MODULE_PATHNAME', 'disposition_summary_rate' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aapor_rate(@extschema@.disposition_summary, text, float8) IS
    'AAPOR outcome rate RR1-RR6, COOP1-4, REF1-3, CON1-3; e NULL = estimated from the cases of known eligibility';

CREATE FUNCTION @extschema@.aapor_rate(rate text, i int8, p int8, r int8, nc int8, o int8, uh int8, uo int8,
                                       e float8 DEFAULT NULL)
    RETURNS float8
    AS 'MODULE_PATHNAME', 'disposition_counts_rate' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aapor_rate(text, int8, int8, int8, int8, int8, int8, int8, float8) IS
    'AAPOR outcome rate from disposition counts; RR3, RR4, REF2 and CON2 need e';
