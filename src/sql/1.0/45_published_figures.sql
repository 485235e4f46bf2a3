-- Checks and protection of published figures.

CREATE FUNCTION @extschema@.grim_consistent(reported text, n int) RETURNS bool
    AS 'MODULE_PATHNAME', 'survey_grim_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.grim_consistent(text, int) IS
    'GRIM: whether a percentage as published (its decimals matter: 84 vs 84.0) can be k of n for some k, rounding half up';

CREATE FUNCTION @extschema@.grim_candidates(reported text, max_n int, OUT k int, OUT n int)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'survey_grim_candidates' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    ROWS 100;
COMMENT ON FUNCTION @extschema@.grim_candidates(text, int) IS
    'GRIM: every (k, n) with 1 <= n <= max_n (at most 10000) whose percentage rounds to the published figure';

CREATE FUNCTION @extschema@.suppress(count int8, threshold int) RETURNS int8
    AS 'MODULE_PATHNAME', 'survey_suppress' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.suppress(int8, int) IS
    'Disclosure control: NULL when 0 < count < threshold (a zero cell is published), else count; a negative count is an error';
