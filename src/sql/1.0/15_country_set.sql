-- iscm.country_set: a compact set of countries (the members of a mechanism,
-- the countries of a region, ...).  Reference: doc/country_set.md.

CREATE TYPE @extschema@.country_set;

CREATE FUNCTION @extschema@.country_set_in(cstring) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_out(@extschema@.country_set) RETURNS cstring
    AS 'MODULE_PATHNAME', 'country_set_out' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_recv(internal) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_send(@extschema@.country_set) RETURNS bytea
    AS 'MODULE_PATHNAME', 'country_set_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set_in(cstring) IS
    'Text input of country_set: {code or name, ...} with any country input form; duplicates dropped; 22P02 on a bad list or an unknown country';
COMMENT ON FUNCTION @extschema@.country_set_out(@extschema@.country_set) IS
    'Text output of country_set: {...} in key order, each country written under the iscm.country_output setting (hence STABLE)';
COMMENT ON FUNCTION @extschema@.country_set_recv(internal) IS
    'Binary input of country_set: version byte 1 then strictly increasing 16-bit country keys, every one checked (22P03 otherwise)';
COMMENT ON FUNCTION @extschema@.country_set_send(@extschema@.country_set) IS
    'Binary output of country_set: version byte 1 then the sorted 16-bit country keys';

CREATE FUNCTION @extschema@.country_set_typanalyze(internal) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_typanalyze' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set_typanalyze(internal) IS
    'ANALYZE support: standard statistics plus the frequency of each country and the distribution of set sizes';

CREATE TYPE @extschema@.country_set (
    INPUT = @extschema@.country_set_in,
    OUTPUT = @extschema@.country_set_out,
    RECEIVE = @extschema@.country_set_recv,
    SEND = @extschema@.country_set_send,
    ANALYZE = @extschema@.country_set_typanalyze,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended,
    CATEGORY = 'U'
);
COMMENT ON TYPE @extschema@.country_set IS
    'A set of countries, written {CIV,SEN,"Congo, Dem. Rep."}: sorted unique 16-bit country keys behind a format version byte';

-- ---- casts ------------------------------------------------------------------

CREATE FUNCTION @extschema@.country_set(@extschema@.country) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_from_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set(@extschema@.country) IS
    'The set holding just this country (also the cast country -> country_set)';
CREATE FUNCTION @extschema@.country_set(@extschema@.country[]) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set(@extschema@.country[]) IS
    'The set of the countries of an array, duplicates dropped; NULL elements are an error (also the cast country[] -> country_set)';
CREATE FUNCTION @extschema@.country_array(@extschema@.country_set) RETURNS @extschema@.country[]
    AS 'MODULE_PATHNAME', 'country_set_to_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_array(@extschema@.country_set) IS
    'The countries of a set as an array, in key order (also the cast country_set -> country[])';

CREATE CAST (@extschema@.country AS @extschema@.country_set)
    WITH FUNCTION @extschema@.country_set(@extschema@.country) AS ASSIGNMENT;
CREATE CAST (@extschema@.country[] AS @extschema@.country_set)
    WITH FUNCTION @extschema@.country_set(@extschema@.country[]) AS ASSIGNMENT;
CREATE CAST (@extschema@.country_set AS @extschema@.country[])
    WITH FUNCTION @extschema@.country_array(@extschema@.country_set);
COMMENT ON CAST (@extschema@.country AS @extschema@.country_set) IS
    'Assignment cast: the set holding just this country (country_set(country))';
COMMENT ON CAST (@extschema@.country[] AS @extschema@.country_set) IS
    'Assignment cast: the set of the countries of an array, duplicates dropped, NULL elements an error (country_set(country[]))';
COMMENT ON CAST (@extschema@.country_set AS @extschema@.country[]) IS
    'Explicit cast: the countries of a set as an array in key order (country_array(country_set))';

-- ---- comparison: btree order is lexicographic over the sorted keys -----------

CREATE FUNCTION @extschema@.country_set_eq(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_ne(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_lt(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_le(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_gt(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_ge(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_cmp(@extschema@.country_set, @extschema@.country_set) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_set_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_hash(@extschema@.country_set) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_set_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.country_set_hash_extended(@extschema@.country_set, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'country_set_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.country_set_eq(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of = on country sets';
COMMENT ON FUNCTION @extschema@.country_set_ne(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of <> on country sets';
COMMENT ON FUNCTION @extschema@.country_set_lt(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of < on country sets (btree order)';
COMMENT ON FUNCTION @extschema@.country_set_le(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of <= on country sets (btree order)';
COMMENT ON FUNCTION @extschema@.country_set_gt(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of > on country sets (btree order)';
COMMENT ON FUNCTION @extschema@.country_set_ge(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of >= on country sets (btree order)';
COMMENT ON FUNCTION @extschema@.country_set_cmp(@extschema@.country_set, @extschema@.country_set) IS 'btree support: -1, 0 or 1, comparing the sorted country keys lexicographically';
COMMENT ON FUNCTION @extschema@.country_set_hash(@extschema@.country_set) IS 'hash support for country sets';
COMMENT ON FUNCTION @extschema@.country_set_hash_extended(@extschema@.country_set, bigint) IS 'seeded hash support for country sets';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_eq, COMMUTATOR = OPERATOR(@extschema@.=),
    NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
    NEGATOR = OPERATOR(@extschema@.=), RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_lt, COMMUTATOR = OPERATOR(@extschema@.>),
    NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_le, COMMUTATOR = OPERATOR(@extschema@.>=),
    NEGATOR = OPERATOR(@extschema@.>), RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_gt, COMMUTATOR = OPERATOR(@extschema@.<),
    NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_ge, COMMUTATOR = OPERATOR(@extschema@.<=),
    NEGATOR = OPERATOR(@extschema@.<), RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.= (@extschema@.country_set, @extschema@.country_set) IS 'same countries';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.country_set, @extschema@.country_set) IS 'not the same countries';
COMMENT ON OPERATOR @extschema@.< (@extschema@.country_set, @extschema@.country_set) IS 'sorts before (lexicographic over sorted country keys)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.country_set, @extschema@.country_set) IS 'sorts before or equal (lexicographic over sorted country keys)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.country_set, @extschema@.country_set) IS 'sorts after (lexicographic over sorted country keys)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.country_set, @extschema@.country_set) IS 'sorts after or equal (lexicographic over sorted country keys)';

CREATE OPERATOR CLASS @extschema@.country_set_ops
    DEFAULT FOR TYPE @extschema@.country_set USING btree AS
        OPERATOR 1 @extschema@.<,
        OPERATOR 2 @extschema@.<=,
        OPERATOR 3 @extschema@.=,
        OPERATOR 4 @extschema@.>=,
        OPERATOR 5 @extschema@.>,
        FUNCTION 1 @extschema@.country_set_cmp(@extschema@.country_set, @extschema@.country_set);
CREATE OPERATOR CLASS @extschema@.country_set_hash_ops
    DEFAULT FOR TYPE @extschema@.country_set USING hash AS
        OPERATOR 1 @extschema@.=,
        FUNCTION 1 @extschema@.country_set_hash(@extschema@.country_set),
        FUNCTION 2 @extschema@.country_set_hash_extended(@extschema@.country_set, bigint);
COMMENT ON OPERATOR CLASS @extschema@.country_set_ops USING btree IS
    'btree order of country sets: lexicographic over their sorted country keys';
COMMENT ON OPERATOR CLASS @extschema@.country_set_hash_ops USING hash IS
    'hashing of country sets for hash joins, hash aggregation and hash indexes';
COMMENT ON OPERATOR FAMILY @extschema@.country_set_ops USING btree IS
    'btree family of country_set (one type): lexicographic order over sorted country keys';
COMMENT ON OPERATOR FAMILY @extschema@.country_set_hash_ops USING hash IS
    'hash family of country_set (one type): equality of the sorted country keys';

-- ---- set algebra ---------------------------------------------------------------

CREATE FUNCTION @extschema@.country_set_contains(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_contained(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_overlaps(@extschema@.country_set, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_contains_country(@extschema@.country_set, @extschema@.country) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_contains_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_country_in(@extschema@.country, @extschema@.country_set) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_country_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_union(@extschema@.country_set, @extschema@.country_set) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_union' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_intersect(@extschema@.country_set, @extschema@.country_set) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_intersect' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_minus(@extschema@.country_set, @extschema@.country_set) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_minus' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_contains_sel(internal, oid, internal, integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'country_set_contains_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_contained_sel(internal, oid, internal, integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'country_set_contained_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_overlaps_sel(internal, oid, internal, integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'country_set_overlaps_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set_contains_sel(internal, oid, internal, integer) IS 'Selectivity of @> (set contains set or country) and country <@ set, from per-country frequencies';
COMMENT ON FUNCTION @extschema@.country_set_contained_sel(internal, oid, internal, integer) IS 'Selectivity of set <@ set, from per-country frequencies and set sizes';
COMMENT ON FUNCTION @extschema@.country_set_overlaps_sel(internal, oid, internal, integer) IS 'Selectivity of &&, from per-country frequencies';
COMMENT ON FUNCTION @extschema@.country_set_contains(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of @>: does the first set contain every country of the second?';
COMMENT ON FUNCTION @extschema@.country_set_contained(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of <@: is every country of the first set in the second?';
COMMENT ON FUNCTION @extschema@.country_set_overlaps(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of &&: do the sets share a country?';
COMMENT ON FUNCTION @extschema@.country_set_contains_country(@extschema@.country_set, @extschema@.country) IS 'Implementation of set @> country: is the country in the set?';
COMMENT ON FUNCTION @extschema@.country_set_country_in(@extschema@.country, @extschema@.country_set) IS 'Implementation of country <@ set: is the country in the set?';
COMMENT ON FUNCTION @extschema@.country_set_union(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of |: the countries in either set';
COMMENT ON FUNCTION @extschema@.country_set_intersect(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of &: the countries in both sets';
COMMENT ON FUNCTION @extschema@.country_set_minus(@extschema@.country_set, @extschema@.country_set) IS 'Implementation of -: the countries of the first set not in the second';

CREATE OPERATOR @extschema@.@> (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_contains, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = @extschema@.country_set_contains_sel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.<@ (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_contained, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = @extschema@.country_set_contained_sel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.&& (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_overlaps, COMMUTATOR = OPERATOR(@extschema@.&&),
    RESTRICT = @extschema@.country_set_overlaps_sel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.@> (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country,
    PROCEDURE = @extschema@.country_set_contains_country, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = @extschema@.country_set_contains_sel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.<@ (
    LEFTARG = @extschema@.country, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_country_in, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = @extschema@.country_set_contains_sel, JOIN = pg_catalog.contjoinsel);
CREATE OPERATOR @extschema@.| (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_union, COMMUTATOR = OPERATOR(@extschema@.|));
CREATE OPERATOR @extschema@.& (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_intersect, COMMUTATOR = OPERATOR(@extschema@.&));
CREATE OPERATOR @extschema@.- (
    LEFTARG = @extschema@.country_set, RIGHTARG = @extschema@.country_set,
    PROCEDURE = @extschema@.country_set_minus);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.country_set, @extschema@.country_set) IS 'contains every country of';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.country_set, @extschema@.country_set) IS 'is contained by';
COMMENT ON OPERATOR @extschema@.&& (@extschema@.country_set, @extschema@.country_set) IS 'overlaps (shares a country with)';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.country_set, @extschema@.country) IS 'contains the country';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.country, @extschema@.country_set) IS 'country is a member of the set';
COMMENT ON OPERATOR @extschema@.| (@extschema@.country_set, @extschema@.country_set) IS 'union';
COMMENT ON OPERATOR @extschema@.& (@extschema@.country_set, @extschema@.country_set) IS 'intersection';
COMMENT ON OPERATOR @extschema@.- (@extschema@.country_set, @extschema@.country_set) IS 'difference';

CREATE FUNCTION @extschema@.cardinality(@extschema@.country_set) RETURNS integer
    AS 'MODULE_PATHNAME', 'country_set_cardinality' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cardinality(@extschema@.country_set) IS
    'Number of countries in the set';
CREATE FUNCTION @extschema@.jaccard(@extschema@.country_set, @extschema@.country_set) RETURNS double precision
    AS 'MODULE_PATHNAME', 'country_set_jaccard' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.jaccard(@extschema@.country_set, @extschema@.country_set) IS
    'Jaccard similarity |A & B| / |A | B|, from 0 (disjoint) to 1 (equal); 1 for two empty sets';
CREATE FUNCTION @extschema@.unnest(@extschema@.country_set) RETURNS SETOF @extschema@.country
    AS 'MODULE_PATHNAME', 'country_set_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION @extschema@.unnest(@extschema@.country_set) IS
    'The countries of the set, one row each, in key order';

-- ---- aggregates -----------------------------------------------------------------

CREATE FUNCTION @extschema@.country_set_agg_transfn(internal, @extschema@.country) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_agg_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_union_transfn(internal, @extschema@.country_set) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_union_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_intersection_transfn(internal, @extschema@.country_set) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_intersection_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_union_combinefn(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_union_combinefn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_intersection_combinefn(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_intersection_combinefn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_agg_finalfn(internal) RETURNS @extschema@.country_set
    AS 'MODULE_PATHNAME', 'country_set_agg_finalfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_agg_serialfn(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'country_set_agg_serialfn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_agg_deserialfn(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_agg_deserialfn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set_agg_transfn(internal, @extschema@.country) IS 'country_set_agg transition: add a country';
COMMENT ON FUNCTION @extschema@.country_set_union_transfn(internal, @extschema@.country_set) IS 'union_agg transition: add the countries of a set';
COMMENT ON FUNCTION @extschema@.country_set_intersection_transfn(internal, @extschema@.country_set) IS 'intersection_agg transition: keep the countries also in a set';
COMMENT ON FUNCTION @extschema@.country_set_union_combinefn(internal, internal) IS 'country_set_agg and union_agg: merge two partial states';
COMMENT ON FUNCTION @extschema@.country_set_intersection_combinefn(internal, internal) IS 'intersection_agg: intersect two partial states';
COMMENT ON FUNCTION @extschema@.country_set_agg_finalfn(internal) IS 'country set aggregates: the state as a country_set (empty set over zero rows)';
COMMENT ON FUNCTION @extschema@.country_set_agg_serialfn(internal) IS 'country set aggregates: state to bytes (version byte, flags byte, big-endian keys)';
COMMENT ON FUNCTION @extschema@.country_set_agg_deserialfn(bytea, internal) IS 'country set aggregates: bytes to state, validated';

CREATE AGGREGATE @extschema@.country_set_agg(@extschema@.country) (
    SFUNC = @extschema@.country_set_agg_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.country_set_agg_finalfn,
    COMBINEFUNC = @extschema@.country_set_union_combinefn,
    SERIALFUNC = @extschema@.country_set_agg_serialfn,
    DESERIALFUNC = @extschema@.country_set_agg_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.country_set_agg(@extschema@.country) IS
    'The set of the (non-NULL) countries of the rows; the empty set over zero rows';
CREATE AGGREGATE @extschema@.union_agg(@extschema@.country_set) (
    SFUNC = @extschema@.country_set_union_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.country_set_agg_finalfn,
    COMBINEFUNC = @extschema@.country_set_union_combinefn,
    SERIALFUNC = @extschema@.country_set_agg_serialfn,
    DESERIALFUNC = @extschema@.country_set_agg_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.union_agg(@extschema@.country_set) IS
    'The countries in any of the (non-NULL) sets of the rows; the empty set over zero rows';
CREATE AGGREGATE @extschema@.intersection_agg(@extschema@.country_set) (
    SFUNC = @extschema@.country_set_intersection_transfn,
    STYPE = internal,
    FINALFUNC = @extschema@.country_set_agg_finalfn,
    COMBINEFUNC = @extschema@.country_set_intersection_combinefn,
    SERIALFUNC = @extschema@.country_set_agg_serialfn,
    DESERIALFUNC = @extschema@.country_set_agg_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.intersection_agg(@extschema@.country_set) IS
    'The countries in every one of the (non-NULL) sets of the rows; the empty set over zero rows';

-- ---- GIN index support --------------------------------------------------------------

CREATE FUNCTION @extschema@.country_set_gin_extract_value(@extschema@.country_set, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_gin_extract_query(@extschema@.country_set, internal, int2, internal, internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'country_set_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_gin_consistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal, internal) RETURNS boolean
    AS 'MODULE_PATHNAME', 'country_set_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.country_set_gin_triconsistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal) RETURNS "char"
    AS 'MODULE_PATHNAME', 'country_set_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.country_set_gin_extract_value(@extschema@.country_set, internal, internal) IS 'GIN support: the country keys of an indexed set';
COMMENT ON FUNCTION @extschema@.country_set_gin_extract_query(@extschema@.country_set, internal, int2, internal, internal, internal, internal) IS 'GIN support: the country keys to look up for a query';
COMMENT ON FUNCTION @extschema@.country_set_gin_consistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal, internal) IS 'GIN support: does an item match, given which keys it has';
COMMENT ON FUNCTION @extschema@.country_set_gin_triconsistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal) IS 'GIN support: ternary form of country_set_gin_consistent';

CREATE OPERATOR CLASS @extschema@.country_set_gin_ops
    DEFAULT FOR TYPE @extschema@.country_set USING gin AS
        OPERATOR 1 @extschema@.&& (@extschema@.country_set, @extschema@.country_set),
        OPERATOR 2 @extschema@.@> (@extschema@.country_set, @extschema@.country_set),
        OPERATOR 3 @extschema@.<@ (@extschema@.country_set, @extschema@.country_set),
        OPERATOR 4 @extschema@.= (@extschema@.country_set, @extschema@.country_set),
        OPERATOR 5 @extschema@.@> (@extschema@.country_set, @extschema@.country),
        FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
        FUNCTION 2 @extschema@.country_set_gin_extract_value(@extschema@.country_set, internal, internal),
        FUNCTION 3 @extschema@.country_set_gin_extract_query(@extschema@.country_set, internal, int2, internal, internal, internal, internal),
        FUNCTION 4 @extschema@.country_set_gin_consistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal, internal),
        FUNCTION 6 @extschema@.country_set_gin_triconsistent(internal, int2, @extschema@.country_set, int4, internal, internal, internal),
        STORAGE int4;
COMMENT ON OPERATOR CLASS @extschema@.country_set_gin_ops USING gin IS
    'GIN index on the countries of a set: @>, <@, &&, = and set @> country';
COMMENT ON OPERATOR FAMILY @extschema@.country_set_gin_ops USING gin IS
    'GIN family of country_set: one int4 key per country of the indexed set';
