-- iscm.country: text input of every code form, every output style, and round
-- trips of every known country through every style and every name.
SET search_path = iscm, public;

-- Codes: alpha-2, alpha-3, numeric with and without leading zeros, alpha-4,
-- case-insensitive, surrounding white space ignored.
SELECT format('%L', v) AS v, v::country AS country
  FROM unnest(ARRAY['US', 'us', 'USA', 'usa', ' Usa ', E'\tFRA\n', '840', '4', '04', '004', '0004',
                    'DE', 'DEU', '276', 'SUHH', 'suhh', 'SUN', 'YUG', 'CSK', 'DDR']) AS v;

-- Numeric codes take any number of leading zeros (spreadsheets pad them), up to
-- the 512-byte input bound; the value must still be a known code.
SELECT length(v) AS len, left(v, 12) AS starts, v::country AS country
  FROM unnest(ARRAY['00384', '000004', ' 0000840 ', '0000000000276', repeat('0', 509) || '384',
                    '0983', '00000000983']) AS v;
SELECT left(v, 12) AS starts, length(v) AS len, try_country(v) AS country
  FROM unnest(ARRAY['00000', '0000', '000002', '0001000', '12345', '000012345', repeat('0', 510) || '384']) AS v;
SELECT '000002'::country;
SELECT '0001000'::country;
SELECT repeat('0', 510) || '384' AS v \gset
SELECT length(:'v'), :'v'::country;
SELECT country_from_code('00000004', 'numeric') AS numeric_scheme, country_from_code('0000830', 'm49') AS m49_scheme;

-- Names in English, French and Spanish, any case and punctuation.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Germany', 'GERMANY', 'germany', 'Allemagne', 'Alemania',
                    'United Kingdom', 'Royaume-Uni', 'Reino Unido',
                    'Côte d’Ivoire', 'Cote d''Ivoire', 'Côte d''Ivoire', 'Ivory Coast', 'Costa de Marfil',
                    'Viet Nam', 'Vietnam', 'Türkiye', 'Turkey', 'Turkiye']) AS v;

-- Output styles.  Every style reads back as the same country; a country with
-- no code in the chosen style prints its canonical code.
CREATE TEMP TABLE sample AS
  SELECT v::country AS c
    FROM unnest(ARRAY['USA', 'DEU', 'XKX', 'TWN', 'SUN', 'YUG', 'FQHH', 'ATF', 'BUR', '830', '680', 'COG', 'COD']) AS v;
SELECT c, country_key(c) AS key FROM sample ORDER BY c;
SET iscm.country_output = alpha2;
SELECT c FROM sample ORDER BY c;
SET iscm.country_output = numeric;
SELECT c FROM sample ORDER BY c;
SET iscm.country_output = name;
SELECT c FROM sample ORDER BY c;
SET iscm.country_output = alpha3;
SELECT c FROM sample ORDER BY c;
RESET iscm.country_output;
SHOW iscm.country_output;
SET iscm.country_output = 'iso';

-- Round trips of EVERY country: canonical code, then every output style
-- (text -> country -> text -> country): 0 mismatches.
SELECT count(*) AS countries, count(*) FILTER (WHERE country_key(code::country) <> key) AS mismatches
  FROM countries;
SET iscm.country_output = alpha3;
SELECT count(*) FILTER (WHERE country_key(code::country::text::country) <> key) AS mismatches,
       count(*) FILTER (WHERE code::country::text = code) AS printed_as_canonical_code
  FROM countries;
SET iscm.country_output = alpha2;
SELECT count(*) FILTER (WHERE country_key(code::country::text::country) <> key) AS mismatches,
       count(*) FILTER (WHERE code::country::text = alpha2) AS printed_as_alpha2
  FROM countries;
SET iscm.country_output = numeric;
SELECT count(*) FILTER (WHERE country_key(code::country::text::country) <> key) AS mismatches,
       count(*) FILTER (WHERE code::country::text = lpad("numeric"::text, 3, '0')) AS printed_as_numeric
  FROM countries;
SET iscm.country_output = name;
SELECT count(*) FILTER (WHERE country_key(code::country::text::country) <> key) AS mismatches,
       count(*) FILTER (WHERE code::country::text = name_en) AS printed_as_name
  FROM countries;
-- those whose English name is ambiguous or names another entity print their code
SELECT code, name_en, code::country AS printed FROM countries WHERE code::country::text <> name_en ORDER BY key;
RESET iscm.country_output;

-- Every display name reads back as its country, except the few listed
-- (ambiguous, or shared with another entity).
SELECT 'en' AS lang, code, name_en AS name, try_country(name_en) AS reads_as
  FROM countries WHERE try_country(name_en) IS DISTINCT FROM code::country
UNION ALL
SELECT 'fr', code, name_fr, try_country(name_fr)
  FROM countries WHERE try_country(name_fr) IS DISTINCT FROM code::country
UNION ALL
SELECT 'es', code, name_es, try_country(name_es)
  FROM countries WHERE try_country(name_es) IS DISTINCT FROM code::country
ORDER BY 1, 2;
SELECT count(official_name) AS official_names,
       count(*) FILTER (WHERE official_name IS NOT NULL AND try_country(official_name) IS DISTINCT FROM code::country) AS official_mismatches,
       count(common_name) AS common_names,
       count(*) FILTER (WHERE common_name IS NOT NULL AND try_country(common_name) IS DISTINCT FROM code::country) AS common_mismatches
  FROM countries;

-- Every row of iscm.country_names reads back as its country; every ambiguous
-- name reads as nothing, and its candidates include the row's country.
SELECT count(*) > 1000 AS many_names,
       count(*) FILTER (WHERE NOT ambiguous AND country_key(try_country(normalized)) IS DISTINCT FROM key) AS mismatches,
       count(*) FILTER (WHERE ambiguous AND try_country(normalized) IS NOT NULL) AS ambiguous_accepted,
       count(*) FILTER (WHERE ambiguous AND NOT EXISTS (
           SELECT FROM country_candidates(normalized, 10) c
            WHERE c.match = 'ambiguous' AND country_key(c.country) = key)) AS ambiguous_missing
  FROM country_names;
-- normalized names are fixed points of the normalizer
SELECT count(*) AS not_normalized FROM country_names WHERE normalize_country_name(normalized) <> normalized;

-- Binary I/O: the 16-bit key, big-endian.
SELECT c, country_send(c) AS binary, country_key(c) FROM sample ORDER BY c;
CREATE TEMP TABLE sample_copy (c country);
SELECT current_setting('data_directory') || '/iscm_country_io.bin' AS binfile \gset
COPY sample TO :'binfile' (FORMAT binary);
COPY sample_copy FROM :'binfile' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE s.c IS NULL) AS lost
  FROM sample_copy x LEFT JOIN sample s ON s.c = x.c;
-- an unknown key and key 0 are rejected (SQLSTATE 22P03), and so is a field
-- longer than 2 bytes even when it starts with a valid key (DEU = 2153)
COPY (SELECT 5::int2) TO :'binfile' (FORMAT binary);
COPY sample_copy FROM :'binfile' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
COPY (SELECT 0::int2) TO :'binfile' (FORMAT binary);
COPY sample_copy FROM :'binfile' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
COPY (SELECT 2153 * 65536) TO :'binfile' (FORMAT binary);
COPY sample_copy FROM :'binfile' (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
-- a valid key written as int2 reads back
COPY (SELECT country_key('DEU')::int2) TO :'binfile' (FORMAT binary);
COPY sample_copy FROM :'binfile' (FORMAT binary);
SELECT c, count(*) FROM sample_copy WHERE c = 'DEU' GROUP BY c;
