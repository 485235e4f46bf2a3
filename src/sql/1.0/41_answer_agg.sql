-- Aggregates that build iscm.answer_summary, and rollup over stored summaries.
-- All share one internal state, combine, serialize and deserialize function.

CREATE FUNCTION @extschema@.answer_agg_trans(internal, text) RETURNS internal
    AS 'MODULE_PATHNAME', 'answer_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_agg_weighted_trans(internal, text, float8) RETURNS internal
    AS 'MODULE_PATHNAME', 'answer_agg_weighted_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_trans(internal, text[]) RETURNS internal
    AS 'MODULE_PATHNAME', 'choices_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_weighted_trans(internal, text[], float8) RETURNS internal
    AS 'MODULE_PATHNAME', 'choices_agg_weighted_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_rollup_trans(internal, @extschema@.answer_summary) RETURNS internal
    AS 'MODULE_PATHNAME', 'answer_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.answer_agg_final(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_agg_weighted_final(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_weighted_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_final(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_weighted_final(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_weighted_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_rollup_final(internal) RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_rollup_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.answer_summary_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'answer_summary_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'answer_summary_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'answer_summary_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.answer_agg_trans(internal, text) IS
    'Transition function of answer_agg(text): counts one answer (NULL = item non-response) in the aggregate state';
COMMENT ON FUNCTION @extschema@.answer_agg_weighted_trans(internal, text, float8) IS
    'Transition function of answer_agg(text, float8): counts one weighted answer (compensated weight sums)';
COMMENT ON FUNCTION @extschema@.choices_agg_trans(internal, text[]) IS
    'Transition function of choices_agg(text[]): counts one respondent''s choices, each category once';
COMMENT ON FUNCTION @extschema@.choices_agg_weighted_trans(internal, text[], float8) IS
    'Transition function of choices_agg(text[], float8): counts one respondent''s weighted choices';
COMMENT ON FUNCTION @extschema@.answer_rollup_trans(internal, @extschema@.answer_summary) IS
    'Transition function of rollup(answer_summary): merges one stored summary into the state';
COMMENT ON FUNCTION @extschema@.answer_agg_final(internal) IS
    'Final function of answer_agg(text): the answer_summary of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.answer_agg_weighted_final(internal) IS
    'Final function of answer_agg(text, float8): the weighted answer_summary of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.choices_agg_final(internal) IS
    'Final function of choices_agg(text[]): the multiple-choice answer_summary of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.choices_agg_weighted_final(internal) IS
    'Final function of choices_agg(text[], float8): the weighted multiple-choice answer_summary of the state';
COMMENT ON FUNCTION @extschema@.answer_rollup_final(internal) IS
    'Final function of rollup(answer_summary): the merged summary (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.answer_summary_combine(internal, internal) IS
    'Combine function of the answer_summary aggregates: merges two partial states (parallel aggregation)';
COMMENT ON FUNCTION @extschema@.answer_summary_serialize(internal) IS
    'Serial function of the answer_summary aggregates: a partial state in the answer_summary byte format';
COMMENT ON FUNCTION @extschema@.answer_summary_deserialize(bytea, internal) IS
    'Deserial function of the answer_summary aggregates: a partial state from the answer_summary byte format, validated';

CREATE AGGREGATE @extschema@.answer_agg(answer text) (
    SFUNC = @extschema@.answer_agg_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.answer_agg_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    SERIALFUNC = @extschema@.answer_summary_serialize,
    DESERIALFUNC = @extschema@.answer_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.answer_agg(text) IS
    'Summarise the answers to a single-choice survey item (NULL = item non-response) into an answer_summary';

CREATE AGGREGATE @extschema@.answer_agg(answer text, weight float8) (
    SFUNC = @extschema@.answer_agg_weighted_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.answer_agg_weighted_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    SERIALFUNC = @extschema@.answer_summary_serialize,
    DESERIALFUNC = @extschema@.answer_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.answer_agg(text, float8) IS
    'Summarise weighted answers to a single-choice survey item (weights finite and >= 0) into an answer_summary';

CREATE AGGREGATE @extschema@.choices_agg(answers text[]) (
    SFUNC = @extschema@.choices_agg_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.choices_agg_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    SERIALFUNC = @extschema@.answer_summary_serialize,
    DESERIALFUNC = @extschema@.answer_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.choices_agg(text[]) IS
    'Summarise a multiple-choice survey item (one array of choices per respondent; shares are of respondents, not of selections)';

CREATE AGGREGATE @extschema@.choices_agg(answers text[], weight float8) (
    SFUNC = @extschema@.choices_agg_weighted_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.choices_agg_weighted_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    SERIALFUNC = @extschema@.answer_summary_serialize,
    DESERIALFUNC = @extschema@.answer_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.choices_agg(text[], float8) IS
    'Summarise a weighted multiple-choice survey item (shares are of the weighted respondents)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.answer_summary) (
    SFUNC = @extschema@.answer_rollup_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.answer_rollup_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    SERIALFUNC = @extschema@.answer_summary_serialize,
    DESERIALFUNC = @extschema@.answer_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.answer_summary) IS
    'Merge stored answer summaries (associative and commutative; NULL summaries are skipped)';
