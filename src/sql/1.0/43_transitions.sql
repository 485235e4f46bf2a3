-- Panel transitions: the same respondents' answers in two rounds.

CREATE FUNCTION @extschema@.transition_agg_trans(internal, text, text) RETURNS internal
    AS 'MODULE_PATHNAME', 'transition_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_rollup_trans(internal, @extschema@.transition_summary) RETURNS internal
    AS 'MODULE_PATHNAME', 'transition_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_agg_final(internal) RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'transition_summary_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'transition_summary_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'transition_summary_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.transition_agg_trans(internal, text, text) IS
    'Transition function of transition_agg(text, text): counts one (before, after) pair (NULL = non-response on that side)';
COMMENT ON FUNCTION @extschema@.transition_rollup_trans(internal, @extschema@.transition_summary) IS
    'Transition function of rollup(transition_summary): merges one stored summary into the state';
COMMENT ON FUNCTION @extschema@.transition_agg_final(internal) IS
    'Final function of transition_agg and rollup(transition_summary): the transition_summary of the state (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.transition_summary_combine(internal, internal) IS
    'Combine function of the transition_summary aggregates: merges two partial states (parallel aggregation)';
COMMENT ON FUNCTION @extschema@.transition_summary_serialize(internal) IS
    'Serial function of the transition_summary aggregates: a partial state in the transition_summary byte format';
COMMENT ON FUNCTION @extschema@.transition_summary_deserialize(bytea, internal) IS
    'Deserial function of the transition_summary aggregates: a partial state from the transition_summary byte format, validated';

CREATE AGGREGATE @extschema@.transition_agg(before text, after text) (
    SFUNC = @extschema@.transition_agg_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.transition_agg_final,
    COMBINEFUNC = @extschema@.transition_summary_combine,
    SERIALFUNC = @extschema@.transition_summary_serialize,
    DESERIALFUNC = @extschema@.transition_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.transition_agg(text, text) IS
    'Summarise panel transitions: one row per respondent with the answer before and after (NULL = no answer)';

CREATE AGGREGATE @extschema@.rollup(@extschema@.transition_summary) (
    SFUNC = @extschema@.transition_rollup_trans,
    STYPE = internal,
    FINALFUNC = @extschema@.transition_agg_final,
    COMBINEFUNC = @extschema@.transition_summary_combine,
    SERIALFUNC = @extschema@.transition_summary_serialize,
    DESERIALFUNC = @extschema@.transition_summary_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.transition_summary) IS
    'Merge stored transition summaries (associative and commutative; NULL summaries are skipped)';

CREATE FUNCTION @extschema@.transitions(t @extschema@.transition_summary,
                                        OUT before text, OUT after text, OUT count int8)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'transition_summary_transitions' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 9;
COMMENT ON FUNCTION @extschema@.transitions(@extschema@.transition_summary) IS
    'Every observed (before, after) pair with its count; NULL = no answer in that round';

CREATE FUNCTION @extschema@.pairs(t @extschema@.transition_summary) RETURNS int8
    AS 'MODULE_PATHNAME', 'transition_summary_pairs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pairs(@extschema@.transition_summary) IS
    'Respondents who answered in both rounds (the base of mcnemar and paired_difference)';

CREATE FUNCTION @extschema@.mcnemar(t @extschema@.transition_summary, category text, method text DEFAULT 'exact')
    RETURNS float8
    AS 'MODULE_PATHNAME', 'transition_summary_mcnemar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mcnemar(@extschema@.transition_summary, text, text) IS
    'Two-sided P of McNemar''s test that the share answering category did not change: method asymptotic, corrected, exact or mid_p';

CREATE FUNCTION @extschema@.paired_difference(t @extschema@.transition_summary, category text,
                                              level float8 DEFAULT 0.95)
    RETURNS @extschema@.proportion_interval
    AS 'MODULE_PATHNAME', 'transition_summary_paired_difference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.paired_difference(@extschema@.transition_summary, text, float8) IS
    'Change (after - before) in the share answering category among respondents of both rounds, with Newcombe''s paired interval';

CREATE FUNCTION @extschema@.to_jsonb(t @extschema@.transition_summary) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'transition_summary_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_jsonb(@extschema@.transition_summary) IS
    'The transition summary as a JSON document (the same document as its text form)';
