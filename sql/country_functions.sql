-- iscm.country: accessors, code schemes, candidates, the reference views.
SET search_path = iscm, public;

-- Accessors of a current country, Kosovo, a former country, an M49-only area.
SELECT c, country_key(c) AS key, canonical_code(c), alpha2(c), alpha3(c), alpha4(c), numeric_code(c),
       is_former(c), withdrawn(c)
  FROM unnest(ARRAY['DEU', 'XKX', 'SUN', 'FQHH', '830', 'TWN']::country[]) AS c ORDER BY c;
SELECT c, country_name(c) AS name, country_name(c, 'fr') AS fr, country_name(c, 'es') AS es, country_name(c, 'EN') AS upper_lang
  FROM unnest(ARRAY['DEU', 'CIV', 'GBR', '830']::country[]) AS c ORDER BY c;
SELECT c, official_name(c), common_name(c)
  FROM unnest(ARRAY['DEU', 'BOL', 'FRA']::country[]) AS c ORDER BY c;
SELECT c, region_code(c), region_name(c), subregion_code(c), subregion_name(c),
       intermediate_region_code(c), intermediate_region_name(c)
  FROM unnest(ARRAY['NGA', 'DEU', 'MEX', 'PHL', 'XKX', 'TWN', '680', 'SUN']::country[]) AS c ORDER BY c;
SELECT c, successors(c)
  FROM unnest(ARRAY['SUN', 'YUG', 'CSK', 'SCG', 'DDR', 'DEU']::country[]) AS c ORDER BY c;
SELECT pg_typeof(successors('SUN')), 'RUS' = ANY (successors('SUN')) AS russia_succeeds_ussr;

-- Accessors are IMMUTABLE, STRICT and PARALLEL SAFE; output and text cast are STABLE.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'iscm') AND d.deptype = 'e'
   AND p.pronamespace = 'iscm'::regnamespace
   AND (p.provolatile <> 'i' OR NOT p.proisstrict OR p.proparallel <> 's')
   AND p.prokind = 'f'
   -- only the country type's own C functions: other areas test their own
   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
   AND p.prosrc ~ '^country_' AND p.prosrc !~ '^country_set'
 ORDER BY 1;

-- Code schemes, both directions, for a few countries.
SELECT c, s AS scheme, country_code(c, s) AS code,
       country_from_code(country_code(c, s), s) = c AS round_trip
  FROM unnest(ARRAY['DEU', 'GRC', 'GBR', 'XKX', 'USA', 'AUT', 'AUS', 'SUN', '830']::country[]) AS c,
       unnest(ARRAY['alpha2', 'alpha3', 'alpha4', 'numeric', 'm49', 'cow', 'cow_letter', 'eurostat']) AS s
 WHERE country_code(c, s) IS NOT NULL
 ORDER BY c, s;
-- every code in every scheme reads back as its country
SELECT s AS scheme, count(*) FILTER (WHERE country_code(code::country, s) IS NOT NULL) AS with_code,
       count(*) FILTER (WHERE country_from_code(country_code(code::country, s), s) <> code::country) AS mismatches
  FROM countries, unnest(ARRAY['alpha2', 'alpha3', 'alpha4', 'numeric', 'm49', 'cow', 'cow_letter', 'eurostat']) AS s
 GROUP BY s ORDER BY s;
SELECT country_from_code(' deu ', 'ALPHA3') AS spaces_and_case, country_from_code('004', 'numeric') AS padded,
       country_from_code('4', 'm49') AS short, country_from_code('0002', 'cow') AS cow_padded,
       country_from_code('gmy', 'cow_letter') AS cow_lower, country_from_code('830', 'm49') AS channel_islands;

-- Candidates for review.
SELECT * FROM country_candidates('Niger');
SELECT * FROM country_candidates('NA');
SELECT * FROM country_candidates('Korea');
SELECT * FROM country_candidates('Nigerria', 3);
SELECT * FROM country_candidates('Ivory Coast', 1);
SELECT * FROM country_candidates('Soviet Union', 1);
-- A renamed State is its successor, by name and by former code.
SELECT * FROM country_candidates('Burma');
SELECT * FROM country_candidates('East Timor', 3);
SELECT * FROM country_candidates('BUR', 3);
-- A former country read exactly is listed with its successor states (score
-- 0.5 / number of successors), then near names scaled below them.
SELECT * FROM country_candidates('Czechoslovakia');
SELECT country, match, score FROM country_candidates('USSR', 6);
SELECT * FROM country_candidates('Myanmar', 2);
-- The error-free way to current data: successors() of a former country (a
-- renamed State already is the current one).
SELECT v, v::country AS country, is_former(v::country) AS former, successors(v::country) AS successors,
       CASE WHEN cardinality(successors(v::country)) = 1 THEN (successors(v::country))[1] ELSE v::country END AS current
  FROM unnest(ARRAY['Burma', 'East Timor', 'Zaire', 'Upper Volta', 'Czechoslovakia', 'Myanmar']) AS v;
SELECT * FROM country_candidates('Channel Islands', 1);
SELECT count(*) AS no_rows FROM (
  SELECT * FROM country_candidates('') UNION ALL SELECT * FROM country_candidates('N/A')
  UNION ALL SELECT * FROM country_candidates('Korea', 0)
  UNION ALL SELECT * FROM country_candidates(repeat('x', 1000))) x;
-- reviewing a messy column
CREATE TEMP TABLE raw_origin (raw text);
INSERT INTO raw_origin VALUES ('Phillipines'), ('Congo'), ('UK'), ('n/a'), ('Salvador, El'), ('Korea, Rep.');
SELECT r.raw, c.alpha3, c.match, round(c.score::numeric, 2) AS score
  FROM raw_origin r LEFT JOIN LATERAL country_candidates(r.raw, 2) c ON true
 ORDER BY r.raw, c.score DESC, c.alpha3;

-- normalize_country_name
SELECT v, normalize_country_name(v)
  FROM unnest(ARRAY['  The   Côte d’Ivoire ', 'Bosnia & Herzegovina', 'ÅLAND', 'Straße', 'Ærø',
                    'the', 'The ', 'theatre', 'São Tomé & Príncipe', '', 'Saint-Barthélemy', '北京']) AS v;

-- The views have plain column types only.
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'iscm'::regnamespace AND c.relname IN ('countries', 'country_names', 'm49_regions')
   AND a.attnum > 0
 ORDER BY c.relname, a.attnum;
SELECT * FROM countries WHERE code IN ('DEU', 'SUN', '830', 'XKX') ORDER BY key;
SELECT is_former, count(*), count(alpha2) AS alpha2, count(alpha3) AS alpha3, count(alpha4) AS alpha4,
       count("numeric") AS "numeric", count(region_code) AS with_region
  FROM countries GROUP BY is_former ORDER BY is_former;
SELECT kind, count(*) > 0 AS present FROM country_names GROUP BY kind ORDER BY kind;
SELECT * FROM country_names WHERE ambiguous ORDER BY normalized, key;
SELECT * FROM m49_regions WHERE level <= 1 ORDER BY code;
SELECT level, level_name, count(*) FROM m49_regions GROUP BY 1, 2 ORDER BY 1;
-- every country's region, sub-region and intermediate region is in m49_regions, under the right parent
SELECT count(*) AS misplaced
  FROM countries c
 WHERE (c.region_code IS NOT NULL AND NOT EXISTS (SELECT FROM m49_regions WHERE code = c.region_code AND level = 1))
    OR (c.subregion_code IS NOT NULL AND NOT EXISTS (
          SELECT FROM m49_regions WHERE code = c.subregion_code AND level = 2 AND parent_code = c.region_code))
    OR (c.intermediate_region_code IS NOT NULL AND NOT EXISTS (
          SELECT FROM m49_regions WHERE code = c.intermediate_region_code AND level = 3 AND parent_code = c.subregion_code));
