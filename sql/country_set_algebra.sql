-- iscm.country_set: set algebra identities over generated sets, and every
-- operator checked against the same question asked of unnested countries.
CREATE SCHEMA cset_alg;
SET search_path = cset_alg, iscm, public;

-- 400 sets of 0 to 40 countries drawn from 64, deterministically (no random()).
CREATE TABLE cset_alg.sets AS
WITH pool AS (
    SELECT '{AFG,ALB,DZA,AGO,ARG,AUT,AZE,BGD,BEL,BEN,BFA,BGR,BOL,BRA,CAN,CHL,CHN,CMR,COD,COL,CRI,CUB,CZE,DEU,DNK,DOM,ECU,EGY,ESP,FIN,FRA,GAB,GBR,GEO,GHA,GIN,GMB,GTM,HND,HRV,HTI,HUN,IDN,IND,IRL,IRN,IRQ,ITA,JOR,JPN,KAZ,KEN,KGZ,KHM,MAR,MEX,NGA,NPL,PAK,PHL,SEN,SWE,TUR,USA}'::country[] AS codes
)
SELECT i AS id,
       (SELECT country_set_agg(codes[1 + (i * 7919 + j * 104729 + (i * j) % 61) % 64])
          FROM generate_series(1, (i * 13) % 41) j) AS s
  FROM pool, generate_series(1, 400) i;
SELECT count(*) AS sets, min(cardinality(s)) AS smallest, max(cardinality(s)) AS largest,
       count(*) FILTER (WHERE s = '{}') AS empty
  FROM cset_alg.sets;

-- 4000 pairs, including each set with itself and with the empty set
CREATE TABLE cset_alg.pairs AS
SELECT a.id AS ida, b.id AS idb, a.s AS a, b.s AS b
  FROM cset_alg.sets a JOIN cset_alg.sets b ON b.id IN (a.id, 1 + (a.id * 37) % 400, 1 + (a.id * 101) % 400,
                                                       1 + (a.id * 7) % 400, 1 + (a.id + 1) % 400,
                                                       1 + (a.id * 3) % 400, 1 + (a.id * 211) % 400,
                                                       1 + (a.id * 59) % 400, 1 + (a.id * 17) % 400,
                                                       1 + (a.id * 389) % 400);
INSERT INTO cset_alg.pairs SELECT id, 0, s, '{}' FROM cset_alg.sets;
SELECT count(*) AS pairs FROM cset_alg.pairs;

-- Identities: each count of violations must be 0.
SELECT count(*) FILTER (WHERE NOT (a | b) @> a OR NOT (a | b) @> b) AS union_contains_both,
       count(*) FILTER (WHERE NOT (a & b) <@ a OR NOT (a & b) <@ b) AS intersection_within_both,
       count(*) FILTER (WHERE (a - b) & b <> '{}') AS difference_disjoint_from_b,
       count(*) FILTER (WHERE cardinality(a | b) + cardinality(a & b) <> cardinality(a) + cardinality(b)) AS inclusion_exclusion,
       count(*) FILTER (WHERE (a - b) | (a & b) <> a) AS difference_plus_intersection,
       count(*) FILTER (WHERE (a | b) <> (b | a) OR (a & b) <> (b & a)) AS commutative,
       count(*) FILTER (WHERE (a && b) <> (cardinality(a & b) > 0)) AS overlap_iff_intersection,
       count(*) FILTER (WHERE (a @> b) <> ((a & b) = b) OR (a @> b) <> (b - a = '{}')) AS contains_iff_subset,
       count(*) FILTER (WHERE (a @> b) <> (b <@ a)) AS contains_commutes,
       count(*) FILTER (WHERE (a = b) <> (a @> b AND b @> a)) AS equal_iff_mutual_containment,
       count(*) FILTER (WHERE jaccard(a, b) <> CASE WHEN a | b = '{}' THEN 1
                                                    ELSE cardinality(a & b)::float8 / cardinality(a | b) END) AS jaccard_definition,
       count(*) FILTER (WHERE jaccard(a, b) <> jaccard(b, a)) AS jaccard_symmetric,
       count(*) FILTER (WHERE (a = b) <> (jaccard(a, b) = 1)) AS jaccard_one_iff_equal
  FROM cset_alg.pairs;

-- Each operator against the same question asked with SQL set operations on unnested countries.
SELECT count(*) FILTER (WHERE a | b <> (SELECT country_set_agg(c) FROM (SELECT unnest(a) UNION SELECT unnest(b)) u(c))) AS "union",
       count(*) FILTER (WHERE a & b <> (SELECT country_set_agg(c) FROM (SELECT unnest(a) INTERSECT SELECT unnest(b)) u(c))) AS intersection,
       count(*) FILTER (WHERE a - b <> (SELECT country_set_agg(c) FROM (SELECT unnest(a) EXCEPT SELECT unnest(b)) u(c))) AS difference,
       count(*) FILTER (WHERE (a @> b) <> NOT EXISTS (SELECT unnest(b) EXCEPT SELECT unnest(a))) AS contains,
       count(*) FILTER (WHERE (a && b) <> EXISTS (SELECT unnest(a) INTERSECT SELECT unnest(b))) AS overlaps,
       count(*) FILTER (WHERE (a = b) <> (a::country[] = b::country[])) AS equals
  FROM cset_alg.pairs;

-- set @> country and country <@ set agree with unnest for every country of the pool
SELECT count(*) FILTER (WHERE (s @> c) <> (c IN (SELECT unnest(s)))) AS contains_country,
       count(*) FILTER (WHERE (c <@ s) <> (c IN (SELECT unnest(s)))) AS country_in,
       count(*) FILTER (WHERE s @> c) AS memberships
  FROM cset_alg.sets, (SELECT DISTINCT unnest(s) FROM cset_alg.sets) p(c);

-- Text and array round trips
SELECT count(*) FILTER (WHERE s::text::country_set <> s) AS text_round_trip,
       count(*) FILTER (WHERE s::country[]::country_set <> s) AS array_round_trip,
       count(*) FILTER (WHERE cardinality(s) <> (SELECT count(*) FROM unnest(s))) AS cardinality_is_unnest_count
  FROM cset_alg.sets;

-- btree order is lexicographic over the sorted keys: the same as comparing the key arrays
SELECT count(*) FILTER (WHERE sign(country_set_cmp(a, b)) <>
                              sign(CASE WHEN a::country[] < b::country[] THEN -1
                                        WHEN a::country[] > b::country[] THEN 1 ELSE 0 END)) AS order_matches_arrays
  FROM cset_alg.pairs;

DROP SCHEMA cset_alg CASCADE;
