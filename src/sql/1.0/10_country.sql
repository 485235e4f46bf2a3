-- The iscm.country type: a country (current, former, or an M49-only area) as a
-- 2-byte key.  Reference: doc/country.md.

CREATE TYPE @extschema@.country;

CREATE FUNCTION @extschema@.country_in(cstring) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- Output follows iscm.country_output, hence STABLE (like date_out and DateStyle).
CREATE FUNCTION @extschema@.country_out(@extschema@.country) RETURNS cstring
    AS 'MODULE_PATHNAME', 'country_out' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_recv(internal) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_send(@extschema@.country) RETURNS bytea
    AS 'MODULE_PATHNAME', 'country_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.country (
    INPUT = @extschema@.country_in,
    OUTPUT = @extschema@.country_out,
    RECEIVE = @extschema@.country_recv,
    SEND = @extschema@.country_send,
    INTERNALLENGTH = 2,
    PASSEDBYVALUE,
    ALIGNMENT = int2,
    STORAGE = plain,
    CATEGORY = 'U'
);
COMMENT ON TYPE @extschema@.country IS
    'A country, former country or M49-only area (Channel Islands, Sark), stored as a 2-byte key; reads ISO alpha-2/alpha-3/numeric codes and English, French and Spanish names';

-- ---- comparison -------------------------------------------------------------
CREATE FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_sortsupport(internal) RETURNS void
    AS 'MODULE_PATHNAME', 'country_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_hash(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'country_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.country_in(cstring) IS 'Input function of iscm.country';
COMMENT ON FUNCTION @extschema@.country_out(@extschema@.country) IS 'Output function of iscm.country (follows iscm.country_output)';
COMMENT ON FUNCTION @extschema@.country_recv(internal) IS 'Binary input function of iscm.country: the 16-bit key';
COMMENT ON FUNCTION @extschema@.country_send(@extschema@.country) IS 'Binary output function of iscm.country: the 16-bit key';
COMMENT ON FUNCTION @extschema@.country_eq(@extschema@.country, @extschema@.country) IS 'Implementation of = for iscm.country';
COMMENT ON FUNCTION @extschema@.country_ne(@extschema@.country, @extschema@.country) IS 'Implementation of <> for iscm.country';
COMMENT ON FUNCTION @extschema@.country_lt(@extschema@.country, @extschema@.country) IS 'Implementation of < for iscm.country (key order)';
COMMENT ON FUNCTION @extschema@.country_le(@extschema@.country, @extschema@.country) IS 'Implementation of <= for iscm.country (key order)';
COMMENT ON FUNCTION @extschema@.country_gt(@extschema@.country, @extschema@.country) IS 'Implementation of > for iscm.country (key order)';
COMMENT ON FUNCTION @extschema@.country_ge(@extschema@.country, @extschema@.country) IS 'Implementation of >= for iscm.country (key order)';
COMMENT ON FUNCTION @extschema@.country_cmp(@extschema@.country, @extschema@.country) IS 'Btree comparison support for iscm.country';
COMMENT ON FUNCTION @extschema@.country_sortsupport(internal) IS 'Btree sort support for iscm.country';
COMMENT ON FUNCTION @extschema@.country_hash(@extschema@.country) IS 'Hash support for iscm.country';
COMMENT ON FUNCTION @extschema@.country_hash_extended(@extschema@.country, bigint) IS 'Extended (seeded) hash support for iscm.country';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
    HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country,
    FUNCTION = @extschema@.country_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.country, @extschema@.country) IS 'same country';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country, @extschema@.country) IS 'different countries';
COMMENT ON OPERATOR @extschema@.< (@extschema@.country, @extschema@.country) IS 'sorts before (key order: current by alpha-3, former by alpha-3, M49-only areas)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.country, @extschema@.country) IS 'sorts before or equal (key order)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.country, @extschema@.country) IS 'sorts after (key order)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.country, @extschema@.country) IS 'sorts after or equal (key order)';

CREATE OPERATOR CLASS @extschema@.country_ops
    DEFAULT FOR TYPE @extschema@.country USING btree AS
        OPERATOR 1 @extschema@.<,
        OPERATOR 2 @extschema@.<=,
        OPERATOR 3 @extschema@.=,
        OPERATOR 4 @extschema@.>=,
        OPERATOR 5 @extschema@.>,
        FUNCTION 1 @extschema@.country_cmp(@extschema@.country, @extschema@.country),
        FUNCTION 2 @extschema@.country_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.country_hash_ops
    DEFAULT FOR TYPE @extschema@.country USING hash AS
        OPERATOR 1 @extschema@.=,
        FUNCTION 1 @extschema@.country_hash(@extschema@.country),
        FUNCTION 2 @extschema@.country_hash_extended(@extschema@.country, bigint);

CREATE FUNCTION @extschema@.country_smaller(@extschema@.country, @extschema@.country) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_larger(@extschema@.country, @extschema@.country) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_smaller(@extschema@.country, @extschema@.country) IS 'The country that sorts first (state function of min)';
COMMENT ON FUNCTION @extschema@.country_larger(@extschema@.country, @extschema@.country) IS 'The country that sorts last (state function of max)';

CREATE AGGREGATE @extschema@.min(@extschema@.country) (
    SFUNC = @extschema@.country_smaller, STYPE = @extschema@.country,
    COMBINEFUNC = @extschema@.country_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.country) (
    SFUNC = @extschema@.country_larger, STYPE = @extschema@.country,
    COMBINEFUNC = @extschema@.country_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.country) IS 'The country that sorts first (key order)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.country) IS 'The country that sorts last (key order)';

-- ---- casts ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.country(text) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_to_text' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country(integer) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_from_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int4(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_to_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country(text) IS 'Read a country code or name (cast text -> country)';
COMMENT ON FUNCTION @extschema@.text(@extschema@.country) IS 'Text form of a country, following iscm.country_output (cast country -> text)';
COMMENT ON FUNCTION @extschema@.country(integer) IS 'Country with this ISO 3166-1 numeric / M49 code (cast integer -> country)';
COMMENT ON FUNCTION @extschema@.int4(@extschema@.country) IS 'ISO 3166-1 numeric / M49 code of a country (cast country -> integer); error for a former country';

CREATE CAST (text AS @extschema@.country) WITH FUNCTION @extschema@.country(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.country AS text) WITH FUNCTION @extschema@.text(@extschema@.country) AS ASSIGNMENT;
CREATE CAST (integer AS @extschema@.country) WITH FUNCTION @extschema@.country(integer);
CREATE CAST (@extschema@.country AS integer) WITH FUNCTION @extschema@.int4(@extschema@.country);
COMMENT ON CAST (text AS @extschema@.country) IS
    'Assignment cast: reads a code or name as input does (error 22P02 on bad text; iscm.try_country gives NULL instead)';
COMMENT ON CAST (@extschema@.country AS text) IS
    'Assignment cast: the text form chosen by iscm.country_output (alpha3 by default)';
COMMENT ON CAST (integer AS @extschema@.country) IS
    'Explicit cast: the country with this ISO 3166-1 numeric / M49 code (or 983, Kosovo); error 22023 for a region or an unknown number';
COMMENT ON CAST (@extschema@.country AS integer) IS
    'Explicit cast: the ISO 3166-1 numeric / M49 code; error 22023 for Kosovo and former countries (iscm.numeric_code gives NULL or the old code)';

-- ---- parsing helpers ------------------------------------------------------------
CREATE FUNCTION @extschema@.try_country(text) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_try' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.try_country(text) IS
    'The country a code or name means, or NULL when it is unknown, ambiguous, empty or a placeholder (never an error)';

CREATE FUNCTION @extschema@.normalize_country_name(text) RETURNS text
    AS 'MODULE_PATHNAME', 'country_normalize_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_country_name(text) IS
    'A name as iscm.country matches it: lower case, accents folded, punctuation to spaces, leading "the" dropped';

CREATE FUNCTION @extschema@.country_from_code(code text, scheme text) RETURNS @extschema@.country
    AS 'MODULE_PATHNAME', 'country_from_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_from_code(text, text) IS
    'The country with this code in a named scheme: alpha2, alpha3, alpha4, numeric, m49, cow, cow_letter, eurostat, unhcr, imf, fao, ioc, fips, genc, wb, dhs, gw, gw_letter; 22P02 for an unknown code or one that names no country (UNHCR STA, Stateless)';

CREATE FUNCTION @extschema@.country_code(country @extschema@.country, scheme text) RETURNS text
    AS 'MODULE_PATHNAME', 'country_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_code(@extschema@.country, text) IS
    'The code of a country in a named scheme (NULL when it has none that reads back in that scheme)';

CREATE FUNCTION @extschema@._country_candidates(input text, max_results integer DEFAULT 5,
        OUT country @extschema@.country, OUT alpha3 text, OUT name text,
        OUT match text, OUT matched text, OUT score double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'country_candidates' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@._country_candidates(text, integer) IS
    'The built-in readings of iscm.country_candidates (without the user aliases)';

-- ---- accessors --------------------------------------------------------------------
CREATE FUNCTION @extschema@.country_key(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_key_int' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.canonical_code(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_canonical_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.alpha2(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_alpha2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.alpha3(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_alpha3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.alpha4(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_alpha4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.numeric_code(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_numeric_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_name(@extschema@.country, lang text DEFAULT 'en') RETURNS text
    AS 'MODULE_PATHNAME', 'country_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.official_name(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_official_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.common_name(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_common_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.region_code(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_region_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.region_name(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_region_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subregion_code(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_subregion_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subregion_name(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_subregion_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.intermediate_region_code(@extschema@.country) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_intermediate_region_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.intermediate_region_name(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_intermediate_region_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.is_former(@extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_is_former' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.withdrawn(@extschema@.country) RETURNS text
    AS 'MODULE_PATHNAME', 'country_withdrawn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.successors(@extschema@.country) RETURNS @extschema@.country[]
    AS 'MODULE_PATHNAME', 'country_successors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.country_key(@extschema@.country) IS 'The stored 16-bit key of a country (stable across releases; the sort order)';
COMMENT ON FUNCTION @extschema@.canonical_code(@extschema@.country) IS 'Alpha-3 code (alpha-4 for a former country whose alpha-3 was reused, M49 code for an M49-only area), whatever iscm.country_output says';
COMMENT ON FUNCTION @extschema@.alpha2(@extschema@.country) IS 'ISO 3166-1 alpha-2 code (XK for Kosovo; the withdrawn alpha-2 of a former country); NULL when none';
COMMENT ON FUNCTION @extschema@.alpha3(@extschema@.country) IS 'ISO 3166-1 alpha-3 code (XKX for Kosovo; the old alpha-3 of a former country); NULL when none';
COMMENT ON FUNCTION @extschema@.alpha4(@extschema@.country) IS 'ISO 3166-3 alpha-4 code of a former country; NULL otherwise';
COMMENT ON FUNCTION @extschema@.numeric_code(@extschema@.country) IS 'ISO 3166-1 numeric = M49 code (the old numeric of a former country); NULL when none';
COMMENT ON FUNCTION @extschema@.country_name(@extschema@.country, text) IS 'Short name in English (en, default), French (fr) or Spanish (es)';
COMMENT ON FUNCTION @extschema@.official_name(@extschema@.country) IS 'Official (English) name from ISO 3166-1; NULL when it has none';
COMMENT ON FUNCTION @extschema@.common_name(@extschema@.country) IS 'Common (English) name when it differs from the ISO short name; NULL otherwise';
COMMENT ON FUNCTION @extschema@.region_code(@extschema@.country) IS 'M49 region code (2 Africa, 19 Americas, 142 Asia, 150 Europe, 9 Oceania); NULL when none';
COMMENT ON FUNCTION @extschema@.region_name(@extschema@.country) IS 'M49 region name';
COMMENT ON FUNCTION @extschema@.subregion_code(@extschema@.country) IS 'M49 sub-region code; NULL when none';
COMMENT ON FUNCTION @extschema@.subregion_name(@extschema@.country) IS 'M49 sub-region name';
COMMENT ON FUNCTION @extschema@.intermediate_region_code(@extschema@.country) IS 'M49 intermediate region code; NULL when none';
COMMENT ON FUNCTION @extschema@.intermediate_region_name(@extschema@.country) IS 'M49 intermediate region name';
COMMENT ON FUNCTION @extschema@.is_former(@extschema@.country) IS 'Is this a former country (ISO 3166-3)?';
COMMENT ON FUNCTION @extschema@.withdrawn(@extschema@.country) IS 'Withdrawal date of a former country as ISO 3166-3 gives it (a year or a date); NULL otherwise';
COMMENT ON FUNCTION @extschema@.successors(@extschema@.country) IS 'Successor states of a former country, where known; empty otherwise';

-- ---- user aliases ---------------------------------------------------------------
-- The type's input function is IMMUTABLE (indexes, constraints and stored
-- values depend on it), so it never reads a table: a user's own spellings
-- are read by parse_country(), which is STABLE.
CREATE TABLE @extschema@.country_user_aliases (
    alias      text PRIMARY KEY CONSTRAINT alias_not_blank CHECK (alias ~ '\S'),
    normalized text GENERATED ALWAYS AS (@extschema@.normalize_country_name(alias)) STORED
               CONSTRAINT normalized_unique UNIQUE,
    country    @extschema@.country NOT NULL,
    note       text,
    CONSTRAINT alias_has_letters CHECK (normalized <> '')
);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.country_user_aliases', '');
COMMENT ON TABLE @extschema@.country_user_aliases IS
    'Spellings users teach iscm.parse_country: each alias (matched normalized, as names are) reads as its country before the built-in parser is tried; dumped by pg_dump as user data.';
COMMENT ON COLUMN @extschema@.country_user_aliases.alias IS 'The spelling as written in the user''s data.';
COMMENT ON COLUMN @extschema@.country_user_aliases.normalized IS 'The alias normalized as input is (iscm.normalize_country_name); two aliases may not normalize alike.';
COMMENT ON COLUMN @extschema@.country_user_aliases.country IS 'The country the alias means.';
COMMENT ON COLUMN @extschema@.country_user_aliases.note IS 'Why, or where the spelling comes from.';

CREATE FUNCTION @extschema@.parse_country(input text) RETURNS @extschema@.country
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    aliased @extschema@.country;
BEGIN
    -- PL/pgSQL rather than an inlinable SQL body: for a constant argument the
    -- planner would fold the type's input first and raise its error before
    -- the user's alias is looked up.
    SELECT a.country INTO aliased FROM @extschema@.country_user_aliases a
     WHERE a.normalized OPERATOR(pg_catalog.=) @extschema@.normalize_country_name(input::text);
    IF FOUND THEN
        RETURN aliased;
    END IF;
    RETURN @extschema@.country(input::text);
END
$$;
COMMENT ON FUNCTION @extschema@.parse_country(text) IS
    'Read a country with the user aliases first (iscm.country_user_aliases), then as the type''s input does (same errors); STABLE, since it reads a table';

CREATE FUNCTION @extschema@.try_parse_country(input text) RETURNS @extschema@.country
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT coalesce((SELECT a.country FROM @extschema@.country_user_aliases a
                      WHERE a.normalized OPERATOR(pg_catalog.=) @extschema@.normalize_country_name(try_parse_country.input)),
                    @extschema@.try_country(try_parse_country.input));
END;
COMMENT ON FUNCTION @extschema@.try_parse_country(text) IS
    'As iscm.parse_country, but NULL instead of an error (as iscm.try_country)';

CREATE FUNCTION @extschema@.country_candidates(input text, max_results integer DEFAULT 5,
        OUT country @extschema@.country, OUT alpha3 text, OUT name text,
        OUT match text, OUT matched text, OUT score double precision)
RETURNS SETOF record
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 5
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT c.country, c.alpha3, c.name, c.match, c.matched, c.score
      FROM (SELECT a.country, @extschema@.alpha3(a.country) AS alpha3, @extschema@.country_name(a.country, 'en'::text) AS name,
                   'user_alias'::text AS match, a.normalized AS matched, 1::double precision AS score, 0 AS ord
              FROM @extschema@.country_user_aliases a
             WHERE a.normalized OPERATOR(pg_catalog.=) @extschema@.normalize_country_name(country_candidates.input)
            UNION ALL
            SELECT b.country, b.alpha3, b.name, b.match, b.matched, b.score, b.ord::integer
              FROM @extschema@._country_candidates(country_candidates.input, country_candidates.max_results)
                   WITH ORDINALITY AS b(country, alpha3, name, match, matched, score, ord)) c
     ORDER BY c.ord
     LIMIT CASE WHEN country_candidates.max_results BETWEEN 0 AND 100 THEN country_candidates.max_results END;
END;
COMMENT ON FUNCTION @extschema@.country_candidates(text, integer) IS
    'How a text would be read as a country (a user alias first), the successors of a former country, and the nearest other countries by name (match: user_alias, code, name, alias, ambiguous, successor, fuzzy); never fails on the text';

-- ---- reference views (plain types only, for BI tools) -------------------------------
CREATE FUNCTION @extschema@._countries(
        OUT key integer, OUT code text, OUT alpha2 text, OUT alpha3 text, OUT alpha4 text,
        OUT "numeric" integer, OUT name_en text, OUT name_fr text, OUT name_es text,
        OUT official_name text, OUT common_name text,
        OUT region_code integer, OUT region_name text, OUT subregion_code integer, OUT subregion_name text,
        OUT intermediate_region_code integer, OUT intermediate_region_name text,
        OUT is_former boolean, OUT withdrawn text, OUT successors text[])
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'country_table_records' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 300;
COMMENT ON FUNCTION @extschema@._countries() IS 'Rows of the iscm.countries view';

CREATE FUNCTION @extschema@._country_names(
        OUT key integer, OUT code text, OUT normalized text, OUT kind text, OUT lang text, OUT ambiguous boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'country_table_names' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3000;
COMMENT ON FUNCTION @extschema@._country_names() IS 'Rows of the iscm.country_names view';

CREATE FUNCTION @extschema@._m49_regions(
        OUT code integer, OUT name text, OUT level integer, OUT level_name text,
        OUT parent_code integer, OUT parent_name text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'country_table_m49' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION @extschema@._m49_regions() IS 'Rows of the iscm.m49_regions view';

CREATE FUNCTION @extschema@._country_renames(
        OUT country text, OUT name text, OUT former_name_en text, OUT former_name_fr text, OUT former_name_es text,
        OUT former_alpha2 text, OUT former_alpha3 text, OUT former_alpha4 text, OUT former_numeric integer,
        OUT changed text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'country_table_renames' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._country_renames() IS 'Rows of the iscm.country_renames view';

CREATE VIEW @extschema@.countries AS
    SELECT key, code, alpha2, alpha3, alpha4, "numeric", name_en, name_fr, name_es,
           official_name, common_name, region_code, region_name, subregion_code, subregion_name,
           intermediate_region_code, intermediate_region_name, is_former, withdrawn,
           pg_catalog.array_to_string(successors, ' | ') AS successors
      FROM @extschema@._countries();
COMMENT ON VIEW @extschema@.countries IS
    'Every country iscm.country knows (current, former, M49-only areas), with codes, names and M49 regions, in plain types';

CREATE VIEW @extschema@.country_names AS
    SELECT * FROM @extschema@._country_names();
COMMENT ON VIEW @extschema@.country_names IS
    'Every name iscm.country accepts, normalized, with its country, kind and language; ambiguous names list each candidate';

CREATE VIEW @extschema@.country_renames AS
    SELECT * FROM @extschema@._country_renames();
COMMENT ON VIEW @extschema@.country_renames IS
    'States that changed only their name (ISO 3166-3 entries such as Burma, Zaire, East Timor): every input form of the former name and codes reads as the current country; the former names, codes and the date ISO changed them, in plain types';

CREATE VIEW @extschema@.m49_regions AS
    SELECT * FROM @extschema@._m49_regions();
COMMENT ON VIEW @extschema@.m49_regions IS
    'The UN M49 areas above countries: world, regions, sub-regions and intermediate regions';

COMMENT ON OPERATOR CLASS @extschema@.country_ops USING btree IS 'Default btree operator class of iscm.country (key order)';
COMMENT ON OPERATOR CLASS @extschema@.country_hash_ops USING hash IS 'Default hash operator class of iscm.country';
-- CREATE OPERATOR CLASS made a family of the same name for each class.
COMMENT ON OPERATOR FAMILY @extschema@.country_ops USING btree IS 'Btree operator family of iscm.country (key order); holds country_ops';
COMMENT ON OPERATOR FAMILY @extschema@.country_hash_ops USING hash IS 'Hash operator family of iscm.country; holds country_hash_ops';

COMMENT ON COLUMN @extschema@.countries.key IS 'Stored key of the country (= iscm.country_key(c)); stable across releases';
COMMENT ON COLUMN @extschema@.countries.code IS 'Canonical code: alpha-3, alpha-4 for a former country whose alpha-3 was reused, M49 code for an M49-only area; reads back as the country';
COMMENT ON COLUMN @extschema@.countries.alpha2 IS 'ISO 3166-1 alpha-2 (XK for Kosovo; the withdrawn alpha-2 of a former country)';
COMMENT ON COLUMN @extschema@.countries.alpha3 IS 'ISO 3166-1 alpha-3 (XKX for Kosovo; the old alpha-3 of a former country)';
COMMENT ON COLUMN @extschema@.countries.alpha4 IS 'ISO 3166-3 alpha-4 of a former country';
COMMENT ON COLUMN @extschema@.countries."numeric" IS 'ISO 3166-1 numeric = M49 code (the old numeric of a former country)';
COMMENT ON COLUMN @extschema@.countries.name_en IS 'Short name in English';
COMMENT ON COLUMN @extschema@.countries.name_fr IS 'Short name in French';
COMMENT ON COLUMN @extschema@.countries.name_es IS 'Short name in Spanish';
COMMENT ON COLUMN @extschema@.countries.official_name IS 'Official name (English) from ISO 3166-1';
COMMENT ON COLUMN @extschema@.countries.common_name IS 'Common English name where ISO gives one';
COMMENT ON COLUMN @extschema@.countries.region_code IS 'M49 region code (2, 9, 19, 142, 150)';
COMMENT ON COLUMN @extschema@.countries.region_name IS 'M49 region name';
COMMENT ON COLUMN @extschema@.countries.subregion_code IS 'M49 sub-region code';
COMMENT ON COLUMN @extschema@.countries.subregion_name IS 'M49 sub-region name';
COMMENT ON COLUMN @extschema@.countries.intermediate_region_code IS 'M49 intermediate region code';
COMMENT ON COLUMN @extschema@.countries.intermediate_region_name IS 'M49 intermediate region name';
COMMENT ON COLUMN @extschema@.countries.is_former IS 'True for a former country (ISO 3166-3)';
COMMENT ON COLUMN @extschema@.countries.withdrawn IS 'Withdrawal date of a former country as ISO 3166-3 gives it';
COMMENT ON COLUMN @extschema@.countries.successors IS 'Canonical codes of the successor states of a former country, separated by " | " (one row each in iscm.country_successors)';

COMMENT ON COLUMN @extschema@.country_names.key IS 'Key of the country the name means';
COMMENT ON COLUMN @extschema@.country_names.code IS 'Canonical code of the country the name means';
COMMENT ON COLUMN @extschema@.country_names.normalized IS 'The name, normalized as input is (iscm.normalize_country_name)';
COMMENT ON COLUMN @extschema@.country_names.kind IS 'Source of the name: iso, official, common, translation, cldr, cldr_short, cldr_variant, alias, historical, un';
COMMENT ON COLUMN @extschema@.country_names.lang IS 'Language of the name (en, fr, es, ar, zh, ru, pt, de, it), NULL when not language-specific';
COMMENT ON COLUMN @extschema@.country_names.ambiguous IS 'True when the name means several countries and is refused on input';

COMMENT ON COLUMN @extschema@.country_renames.country IS 'Canonical code of the current country (what every former form reads as)';
COMMENT ON COLUMN @extschema@.country_renames.name IS 'English short name of the current country';
COMMENT ON COLUMN @extschema@.country_renames.former_name_en IS 'Former name, English (ISO 3166-3)';
COMMENT ON COLUMN @extschema@.country_renames.former_name_fr IS 'Former name, French';
COMMENT ON COLUMN @extschema@.country_renames.former_name_es IS 'Former name, Spanish';
COMMENT ON COLUMN @extschema@.country_renames.former_alpha2 IS 'Former ISO 3166-1 alpha-2 (never read: withdrawn alpha-2 codes were reused)';
COMMENT ON COLUMN @extschema@.country_renames.former_alpha3 IS 'Former ISO 3166-1 alpha-3 (reads as the current country)';
COMMENT ON COLUMN @extschema@.country_renames.former_alpha4 IS 'ISO 3166-3 alpha-4 (reads as the current country)';
COMMENT ON COLUMN @extschema@.country_renames.former_numeric IS 'Former ISO 3166-1 numeric code';
COMMENT ON COLUMN @extschema@.country_renames.changed IS 'Date (or year) ISO 3166 withdrew the former name, as ISO 3166-3 gives it';

COMMENT ON COLUMN @extschema@.m49_regions.code IS 'M49 code of the area';
COMMENT ON COLUMN @extschema@.m49_regions.name IS 'English name of the area';
COMMENT ON COLUMN @extschema@.m49_regions.level IS '0 world, 1 region, 2 sub-region, 3 intermediate region';
COMMENT ON COLUMN @extschema@.m49_regions.level_name IS 'world, region, sub-region or intermediate region';
COMMENT ON COLUMN @extschema@.m49_regions.parent_code IS 'M49 code of the enclosing area (NULL for the world)';
COMMENT ON COLUMN @extschema@.m49_regions.parent_name IS 'Name of the enclosing area';
