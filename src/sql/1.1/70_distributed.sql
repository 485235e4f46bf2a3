-- Aggregates whose transition state is the iscm type they build.
--
-- A state of type internal can only be split between processes through its
-- serialize/deserialize functions, which only PostgreSQL's own parallel plans
-- call; Citus (and other planners that move partial states as values) split
-- an aggregate only when its state is a real type with a combine function.
-- So every iscm aggregate now keeps its state as the summary or set it will
-- return: in memory an expanded object (utils/expandeddatum.h) that the
-- transition function changes in place, as cheaply per row as the internal
-- state was, and flattened to the type's stored format whenever it leaves
-- the aggregate (a partial result sent to a coordinator or through a Gather).
--
-- The aggregates are replaced, not dropped, so that views of 1.0 that use
-- them keep working; their former support functions then serve nothing and
-- are dropped (their C symbols stay: the 1.0 script names them).

-- ---- answer_summary: answer_agg, choices_agg, rollup -----------------------------

CREATE FUNCTION @extschema@.answer_agg_trans(@extschema@.answer_summary, text)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_agg_weighted_trans(@extschema@.answer_summary, text, float8)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_weighted_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_trans(@extschema@.answer_summary, text[])
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_weighted_trans(@extschema@.answer_summary, text[], float8)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_weighted_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_rollup_trans(@extschema@.answer_summary, @extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_rollup_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_summary_combine(@extschema@.answer_summary, @extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_summary_expanded_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_agg_final(@extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_agg_weighted_final(@extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_agg_weighted_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_final(@extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.choices_agg_weighted_final(@extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'choices_agg_weighted_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.answer_rollup_final(@extschema@.answer_summary)
    RETURNS @extschema@.answer_summary
    AS 'MODULE_PATHNAME', 'answer_rollup_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.answer_agg_trans(@extschema@.answer_summary, text) IS
    'Transition function of answer_agg(text): counts one answer (NULL = item non-response) in the summary being built';
COMMENT ON FUNCTION @extschema@.answer_agg_weighted_trans(@extschema@.answer_summary, text, float8) IS
    'Transition function of answer_agg(text, float8): counts one weighted answer (compensated weight sums)';
COMMENT ON FUNCTION @extschema@.choices_agg_trans(@extschema@.answer_summary, text[]) IS
    'Transition function of choices_agg(text[]): counts one respondent''s choices, each category once';
COMMENT ON FUNCTION @extschema@.choices_agg_weighted_trans(@extschema@.answer_summary, text[], float8) IS
    'Transition function of choices_agg(text[], float8): counts one respondent''s weighted choices';
COMMENT ON FUNCTION @extschema@.answer_rollup_trans(@extschema@.answer_summary, @extschema@.answer_summary) IS
    'Transition function of rollup(answer_summary): merges one stored summary into the summary being built';
COMMENT ON FUNCTION @extschema@.answer_summary_combine(@extschema@.answer_summary, @extschema@.answer_summary) IS
    'Combine function of the answer_summary aggregates: merges two partial summaries (parallel workers, Citus workers)';
COMMENT ON FUNCTION @extschema@.answer_agg_final(@extschema@.answer_summary) IS
    'Final function of answer_agg(text): the summary built (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.answer_agg_weighted_final(@extschema@.answer_summary) IS
    'Final function of answer_agg(text, float8): the weighted summary built (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.choices_agg_final(@extschema@.answer_summary) IS
    'Final function of choices_agg(text[]): the multiple-choice summary built (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.choices_agg_weighted_final(@extschema@.answer_summary) IS
    'Final function of choices_agg(text[], float8): the weighted multiple-choice summary built (an empty one over zero rows)';
COMMENT ON FUNCTION @extschema@.answer_rollup_final(@extschema@.answer_summary) IS
    'Final function of rollup(answer_summary): the merged summary (an empty one over zero rows)';

CREATE OR REPLACE AGGREGATE @extschema@.answer_agg(answer text) (
    SFUNC = @extschema@.answer_agg_trans,
    STYPE = @extschema@.answer_summary,
    FINALFUNC = @extschema@.answer_agg_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.answer_agg(answer text, weight float8) (
    SFUNC = @extschema@.answer_agg_weighted_trans,
    STYPE = @extschema@.answer_summary,
    FINALFUNC = @extschema@.answer_agg_weighted_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.choices_agg(answers text[]) (
    SFUNC = @extschema@.choices_agg_trans,
    STYPE = @extschema@.answer_summary,
    FINALFUNC = @extschema@.choices_agg_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.choices_agg(answers text[], weight float8) (
    SFUNC = @extschema@.choices_agg_weighted_trans,
    STYPE = @extschema@.answer_summary,
    FINALFUNC = @extschema@.choices_agg_weighted_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rollup(@extschema@.answer_summary) (
    SFUNC = @extschema@.answer_rollup_trans,
    STYPE = @extschema@.answer_summary,
    FINALFUNC = @extschema@.answer_rollup_final,
    COMBINEFUNC = @extschema@.answer_summary_combine,
    PARALLEL = SAFE
);

DROP FUNCTION @extschema@.answer_agg_trans(internal, text);
DROP FUNCTION @extschema@.answer_agg_weighted_trans(internal, text, float8);
DROP FUNCTION @extschema@.choices_agg_trans(internal, text[]);
DROP FUNCTION @extschema@.choices_agg_weighted_trans(internal, text[], float8);
DROP FUNCTION @extschema@.answer_rollup_trans(internal, @extschema@.answer_summary);
DROP FUNCTION @extschema@.answer_agg_final(internal);
DROP FUNCTION @extschema@.answer_agg_weighted_final(internal);
DROP FUNCTION @extschema@.choices_agg_final(internal);
DROP FUNCTION @extschema@.choices_agg_weighted_final(internal);
DROP FUNCTION @extschema@.answer_rollup_final(internal);
DROP FUNCTION @extschema@.answer_summary_combine(internal, internal);
DROP FUNCTION @extschema@.answer_summary_serialize(internal);
DROP FUNCTION @extschema@.answer_summary_deserialize(bytea, internal);

-- ---- transition_summary: transition_agg, rollup -----------------------------------

CREATE FUNCTION @extschema@.transition_agg_trans(@extschema@.transition_summary, text, text)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_agg_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_rollup_trans(@extschema@.transition_summary, @extschema@.transition_summary)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_rollup_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_summary_combine(@extschema@.transition_summary, @extschema@.transition_summary)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_summary_expanded_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_agg_final(@extschema@.transition_summary)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_agg_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.transition_agg_trans(@extschema@.transition_summary, text, text) IS
    'Transition function of transition_agg(text, text): counts one (before, after) pair (NULL = non-response on that side)';
COMMENT ON FUNCTION @extschema@.transition_rollup_trans(@extschema@.transition_summary, @extschema@.transition_summary) IS
    'Transition function of rollup(transition_summary): merges one stored summary into the summary being built';
COMMENT ON FUNCTION @extschema@.transition_summary_combine(@extschema@.transition_summary, @extschema@.transition_summary) IS
    'Combine function of the transition_summary aggregates: merges two partial summaries (parallel workers, Citus workers)';
COMMENT ON FUNCTION @extschema@.transition_agg_final(@extschema@.transition_summary) IS
    'Final function of transition_agg and rollup(transition_summary): the summary built (an empty one over zero rows)';

CREATE OR REPLACE AGGREGATE @extschema@.transition_agg(before text, after text) (
    SFUNC = @extschema@.transition_agg_trans,
    STYPE = @extschema@.transition_summary,
    FINALFUNC = @extschema@.transition_agg_final,
    COMBINEFUNC = @extschema@.transition_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rollup(@extschema@.transition_summary) (
    SFUNC = @extschema@.transition_rollup_trans,
    STYPE = @extschema@.transition_summary,
    FINALFUNC = @extschema@.transition_agg_final,
    COMBINEFUNC = @extschema@.transition_summary_combine,
    PARALLEL = SAFE
);

DROP FUNCTION @extschema@.transition_agg_trans(internal, text, text);
DROP FUNCTION @extschema@.transition_rollup_trans(internal, @extschema@.transition_summary);
DROP FUNCTION @extschema@.transition_agg_final(internal);
DROP FUNCTION @extschema@.transition_summary_combine(internal, internal);
DROP FUNCTION @extschema@.transition_summary_serialize(internal);
DROP FUNCTION @extschema@.transition_summary_deserialize(bytea, internal);

-- ---- disposition_summary: disposition_agg, rollup ---------------------------------

CREATE FUNCTION @extschema@.disposition_agg_trans(@extschema@.disposition_summary, text)
    RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_agg_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_rollup_trans(@extschema@.disposition_summary, @extschema@.disposition_summary)
    RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_rollup_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_summary_combine(@extschema@.disposition_summary, @extschema@.disposition_summary)
    RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_summary_expanded_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.disposition_agg_final(@extschema@.disposition_summary)
    RETURNS @extschema@.disposition_summary
    AS 'MODULE_PATHNAME', 'disposition_agg_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.disposition_agg_trans(@extschema@.disposition_summary, text) IS
    'Transition function of disposition_agg(text): counts one AAPOR final disposition code (NULL skipped, unknown code 22023)';
COMMENT ON FUNCTION @extschema@.disposition_rollup_trans(@extschema@.disposition_summary, @extschema@.disposition_summary) IS
    'Transition function of rollup(disposition_summary): adds one stored summary to the summary being built';
COMMENT ON FUNCTION @extschema@.disposition_summary_combine(@extschema@.disposition_summary, @extschema@.disposition_summary) IS
    'Combine function of the disposition_summary aggregates: adds two partial summaries (parallel workers, Citus workers)';
COMMENT ON FUNCTION @extschema@.disposition_agg_final(@extschema@.disposition_summary) IS
    'Final function of disposition_agg and rollup(disposition_summary): the summary built (all zero over zero rows)';

CREATE OR REPLACE AGGREGATE @extschema@.disposition_agg(disposition text) (
    SFUNC = @extschema@.disposition_agg_trans,
    STYPE = @extschema@.disposition_summary,
    FINALFUNC = @extschema@.disposition_agg_final,
    COMBINEFUNC = @extschema@.disposition_summary_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.rollup(@extschema@.disposition_summary) (
    SFUNC = @extschema@.disposition_rollup_trans,
    STYPE = @extschema@.disposition_summary,
    FINALFUNC = @extschema@.disposition_agg_final,
    COMBINEFUNC = @extschema@.disposition_summary_combine,
    PARALLEL = SAFE
);

DROP FUNCTION @extschema@.disposition_agg_trans(internal, text);
DROP FUNCTION @extschema@.disposition_rollup_trans(internal, @extschema@.disposition_summary);
DROP FUNCTION @extschema@.disposition_agg_final(internal);
DROP FUNCTION @extschema@.disposition_summary_combine(internal, internal);
DROP FUNCTION @extschema@.disposition_summary_serialize(internal);
DROP FUNCTION @extschema@.disposition_summary_deserialize(bytea, internal);

-- ---- country_set: country_set_agg, union_agg, intersection_agg ------------------------
-- intersection_agg's state stays NULL until the first set: NULL stands for
-- "every country", the identity of intersection, in the combine function too.

CREATE FUNCTION @extschema@.country_set_agg_trans(@extschema@.country_set, @extschema@.country)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_agg_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.union_agg_trans(@extschema@.country_set, @extschema@.country_set)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_union_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.intersection_agg_trans(@extschema@.country_set, @extschema@.country_set)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_intersection_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.union_agg_combine(@extschema@.country_set, @extschema@.country_set)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_union_expanded_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.intersection_agg_combine(@extschema@.country_set, @extschema@.country_set)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_intersection_expanded_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_agg_final(@extschema@.country_set)
    RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_agg_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.country_set_agg_trans(@extschema@.country_set, @extschema@.country) IS
    'Transition function of country_set_agg(country): adds a country to the set being built';
COMMENT ON FUNCTION @extschema@.union_agg_trans(@extschema@.country_set, @extschema@.country_set) IS
    'Transition function of union_agg(country_set): adds the countries of a set to the set being built';
COMMENT ON FUNCTION @extschema@.intersection_agg_trans(@extschema@.country_set, @extschema@.country_set) IS
    'Transition function of intersection_agg(country_set): keeps the countries also in a set (NULL state: no set yet, every country)';
COMMENT ON FUNCTION @extschema@.union_agg_combine(@extschema@.country_set, @extschema@.country_set) IS
    'Combine function of country_set_agg and union_agg: the union of two partial sets (parallel workers, Citus workers)';
COMMENT ON FUNCTION @extschema@.intersection_agg_combine(@extschema@.country_set, @extschema@.country_set) IS
    'Combine function of intersection_agg: the intersection of two partial sets (NULL: no set seen, the identity)';
COMMENT ON FUNCTION @extschema@.country_set_agg_final(@extschema@.country_set) IS
    'Final function of the country set aggregates: the set built (the empty set over zero rows)';

CREATE OR REPLACE AGGREGATE @extschema@.country_set_agg(@extschema@.country) (
    SFUNC = @extschema@.country_set_agg_trans,
    STYPE = @extschema@.country_set,
    FINALFUNC = @extschema@.country_set_agg_final,
    COMBINEFUNC = @extschema@.union_agg_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.union_agg(@extschema@.country_set) (
    SFUNC = @extschema@.union_agg_trans,
    STYPE = @extschema@.country_set,
    FINALFUNC = @extschema@.country_set_agg_final,
    COMBINEFUNC = @extschema@.union_agg_combine,
    PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.intersection_agg(@extschema@.country_set) (
    SFUNC = @extschema@.intersection_agg_trans,
    STYPE = @extschema@.country_set,
    FINALFUNC = @extschema@.country_set_agg_final,
    COMBINEFUNC = @extschema@.intersection_agg_combine,
    PARALLEL = SAFE
);

DROP FUNCTION @extschema@.country_set_agg_transfn(internal, @extschema@.country);
DROP FUNCTION @extschema@.country_set_union_transfn(internal, @extschema@.country_set);
DROP FUNCTION @extschema@.country_set_intersection_transfn(internal, @extschema@.country_set);
DROP FUNCTION @extschema@.country_set_union_combinefn(internal, internal);
DROP FUNCTION @extschema@.country_set_intersection_combinefn(internal, internal);
DROP FUNCTION @extschema@.country_set_agg_finalfn(internal);
DROP FUNCTION @extschema@.country_set_agg_serialfn(internal);
DROP FUNCTION @extschema@.country_set_agg_deserialfn(bytea, internal);
