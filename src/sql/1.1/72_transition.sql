-- Panel transitions: categories nobody chose, and weights.
--
-- with_categories declares the answers of a question in a transition
-- summary, as it does in an answer summary: mcnemar and paired_difference
-- refuse a category the summary does not know (a typo is not "no change"),
-- and a declared one is a known zero in both rounds.
--
-- transition_agg(before, after, weight) keeps each cell's sum of weights
-- beside its count.  The weighted flows (cells) are estimates; mcnemar and
-- paired_difference refuse a weighted summary (doc/survey.md says why and
-- what to use instead).  Its state is the summary type with a combine
-- function, transition_summary_combine, which 70_distributed.sql creates
-- for the unweighted aggregates.

CREATE FUNCTION @extschema@.with_categories(t @extschema@.transition_summary, categories text[])
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_summary_with_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_categories(@extschema@.transition_summary, text[]) IS
    'The transition summary with the listed categories it lacks declared (answered by nobody in either round), so that mcnemar, paired_difference and cells report them instead of refusing an unknown category';

CREATE FUNCTION @extschema@.weighted(t @extschema@.transition_summary) RETURNS boolean
    AS 'MODULE_PATHNAME', 'transition_summary_weighted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted(@extschema@.transition_summary) IS
    'Whether the transition summary was made with weights (transition_agg(before, after, weight))';

CREATE FUNCTION @extschema@.cells(t @extschema@.transition_summary,
                                  OUT before text, OUT after text, OUT count int8, OUT weight float8,
                                  OUT share float8)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'transition_summary_cells' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 16;
COMMENT ON FUNCTION @extschema@.cells(@extschema@.transition_summary) IS
    'The full transition table: every (before, after) of the known and declared categories and non-response (NULL), with the count of respondents, the sum of their weights (NULL when unweighted) and the share of the complete pairs (weighted when weighted; NULL for a non-response side)';

CREATE FUNCTION @extschema@.transition_agg_weighted_trans(@extschema@.transition_summary, text, text, float8)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_agg_weighted_expanded_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.transition_agg_weighted_final(@extschema@.transition_summary)
    RETURNS @extschema@.transition_summary
    AS 'MODULE_PATHNAME', 'transition_agg_weighted_expanded_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.transition_agg_weighted_trans(@extschema@.transition_summary, text, text, float8) IS
    'Transition function of transition_agg(text, text, float8): counts one weighted (before, after) pair (compensated weight sums)';
COMMENT ON FUNCTION @extschema@.transition_agg_weighted_final(@extschema@.transition_summary) IS
    'Final function of transition_agg(text, text, float8): the weighted summary built (an empty weighted one over zero rows)';

CREATE AGGREGATE @extschema@.transition_agg(before text, after text, weight float8) (
    SFUNC = @extschema@.transition_agg_weighted_trans,
    STYPE = @extschema@.transition_summary,
    FINALFUNC = @extschema@.transition_agg_weighted_final,
    COMBINEFUNC = @extschema@.transition_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.transition_agg(text, text, float8) IS
    'Summarise weighted panel transitions: one row per respondent with the answer before and after (NULL = no answer) and a weight (finite, >= 0; NULL only for a respondent with neither answer)';

COMMENT ON FUNCTION @extschema@.mcnemar(@extschema@.transition_summary, text, text) IS
    'Two-sided P of McNemar''s test that the share answering category did not change: method asymptotic, corrected, exact or mid_p; a weighted summary is refused (22023)';
COMMENT ON FUNCTION @extschema@.paired_difference(@extschema@.transition_summary, text, float8) IS
    'Change (after - before) in the share answering category among respondents of both rounds, with Newcombe''s paired interval; a weighted summary is refused (22023)';
COMMENT ON FUNCTION @extschema@.transitions(@extschema@.transition_summary) IS
    'Every observed (before, after) pair with its count of respondents (unweighted also in a weighted summary; cells gives the weights); NULL = no answer in that round';
COMMENT ON FUNCTION @extschema@.pairs(@extschema@.transition_summary) IS
    'Respondents who answered in both rounds (the base of mcnemar and paired_difference; a count of respondents also in a weighted summary)';
