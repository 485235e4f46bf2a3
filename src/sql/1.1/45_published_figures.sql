-- GRIM under the rounding rule a publication used, and the seed figures'
-- reconciliation under every rule.

CREATE FUNCTION @extschema@.grim_consistent(reported text, n int, rounding text) RETURNS bool
    AS 'MODULE_PATHNAME', 'survey_grim_consistent_rounding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grim_consistent(text, int, text) IS
    'GRIM: whether a percentage as published can be k of n for some k under the rounding rule (half_up, half_down, half_even, truncate, ceiling; scrutiny''s even, trunc, floor, ceil, anti_trunc)';

CREATE FUNCTION @extschema@.grim_candidates(reported text, max_n int, rounding text, OUT k int, OUT n int)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'survey_grim_candidates_rounding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 100;
COMMENT ON FUNCTION @extschema@.grim_candidates(text, int, text) IS
    'GRIM: every (k, n) with 1 <= n <= max_n (at most 10000) whose percentage gives the published figure under the rounding rule';

CREATE FUNCTION @extschema@.grim_roundings(reported text, n int) RETURNS text[]
    AS 'MODULE_PATHNAME', 'survey_grim_roundings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grim_roundings(text, int) IS
    'GRIM: the rounding rules (half_up, half_down, half_even, truncate, ceiling, in that order) under which some k of n gives the published percentage; empty when none';

CREATE VIEW @extschema@.published_figure_roundings AS
SELECT c.survey,
       c.figure,
       c.as_written,
       c.percent,
       c.stated_n,
       pg_catalog.array_to_string(r.roundings, ', ') AS possible_roundings,
       'half_up' OPERATOR(pg_catalog.=) ANY (r.roundings) AS half_up,
       'half_down' OPERATOR(pg_catalog.=) ANY (r.roundings) AS half_down,
       'half_even' OPERATOR(pg_catalog.=) ANY (r.roundings) AS half_even,
       'truncate' OPERATOR(pg_catalog.=) ANY (r.roundings) AS truncate,
       'ceiling' OPERATOR(pg_catalog.=) ANY (r.roundings) AS ceiling
  FROM @extschema@.published_figure_check AS c
  CROSS JOIN LATERAL (
      SELECT CASE WHEN c.percent IS NOT NULL AND c.stated_n OPERATOR(pg_catalog.>=) 1
                  THEN @extschema@.grim_roundings(c.percent::text, c.stated_n::integer) END AS roundings
  ) AS r;

COMMENT ON VIEW @extschema@.published_figure_roundings IS
    'Each published percentage with a stated base, and the rounding rules under which some count of that base gives it (GRIM); a figure possible under none is not a share of its stated base';
COMMENT ON COLUMN @extschema@.published_figure_roundings.survey IS
    'Survey code (iscm.surveys.code)';
COMMENT ON COLUMN @extschema@.published_figure_roundings.figure IS
    'Figure code, unique within its survey';
COMMENT ON COLUMN @extschema@.published_figure_roundings.as_written IS
    'The figure exactly as printed';
COMMENT ON COLUMN @extschema@.published_figure_roundings.percent IS
    'The percentage as written (decimals kept); NULL when none';
COMMENT ON COLUMN @extschema@.published_figure_roundings.stated_n IS
    'The base the figure claims (as in iscm.published_figure_check); NULL for a change between rounds';
COMMENT ON COLUMN @extschema@.published_figure_roundings.possible_roundings IS
    'The rules under which some k of stated_n gives the percentage, in the order half_up, half_down, half_even, truncate, ceiling, separated by ", " (text, as BI tools read it; '''' when none); NULL without a percentage or a stated base of at least 1';
COMMENT ON COLUMN @extschema@.published_figure_roundings.half_up IS
    'Possible when rounding half up (the rule of grim_consistent(reported, n) and of percent_consistent in published_figure_check)';
COMMENT ON COLUMN @extschema@.published_figure_roundings.half_down IS
    'Possible when rounding half down';
COMMENT ON COLUMN @extschema@.published_figure_roundings.half_even IS
    'Possible when rounding half to even';
COMMENT ON COLUMN @extschema@.published_figure_roundings.truncate IS
    'Possible when truncating (rounding down)';
COMMENT ON COLUMN @extschema@.published_figure_roundings.ceiling IS
    'Possible when rounding up to the next value (ceiling)';
