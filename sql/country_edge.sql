-- iscm.country: the edge cases of doc/country.md and the shared country-data
-- reference, each checked on its own.
SET search_path = iscm, public;

-- Kosovo: one value whatever the code or name.
SELECT v, v::country AS country, country_key(v::country) = country_key('XKX') AS is_kosovo
  FROM unnest(ARRAY['XK', 'XKX', 'XKK', 'KSV', 'xk', 'Kosovo']) AS v;
SELECT country_from_code('KOS', 'cow_letter') AS cow_letter, country_from_code('XK', 'eurostat') AS eurostat;
-- 983 is CLDR's (private-use) numeric for Kosovo: read as text and as an integer,
-- but it is no ISO or M49 code, so the named numeric schemes and numeric_code() do not give it.
SELECT v, v::country AS country FROM unnest(ARRAY['983', '0983', ' 983 ']) AS v;
SELECT 983::country AS from_integer, numeric_code('XKX') AS numeric_code,
       country_code('XKX', 'numeric') AS numeric_scheme_code, try_country('984') AS not_984;
SELECT country, match, matched, score FROM country_candidates('983');
SET iscm.country_output = numeric;
SELECT '983'::country AS kosovo_printed_as_numeric;
RESET iscm.country_output;
SELECT country_from_code('983', 'numeric');
SELECT country_from_code('983', 'm49');
SELECT 'XKX'::country::integer;

-- NA is Namibia; placeholders are not.
SELECT 'NA'::country AS na, 'na'::country AS lower_na, 'Namibia'::country AS namibia;
SELECT try_country(v) AS country, v
  FROM unnest(ARRAY['N/A', 'n/a', 'n.a.', '#N/A', '-', '--', '', '   ', 'NULL', 'null', 'None', 'NaN', 'unknown', '?', '..']) AS v;

-- EU codes EL and UK.
SELECT 'EL'::country AS el, 'UK'::country AS uk, 'GR'::country AS gr, 'GB'::country AS gb;

-- French Southern Territories: ATF now, FQHH the former entity with the same alpha-3.
SELECT 'ATF'::country AS atf, 'FQHH'::country AS fqhh, 'ATF'::country = 'FQHH'::country AS same,
       is_former('ATF') AS atf_former, is_former('FQHH') AS fqhh_former, alpha3('FQHH') AS fqhh_alpha3;

-- CS meant Czechoslovakia and Serbia and Montenegro: not accepted; the alpha-3
-- and alpha-4 of each are.
SELECT try_country('CS') AS cs, 'CSK'::country AS csk, 'CSHH'::country AS cshh,
       'SCG'::country AS scg, 'CSXX'::country AS csxx;

-- The USSR is SUN, never Russia; the same for Yugoslavia and Serbia.
SELECT v, v::country AS country, is_former(v::country) AS former
  FROM unnest(ARRAY['SUN', 'SUHH', 'USSR', 'Soviet Union', 'Russia', 'Russian Federation', 'RUS',
                    'YUG', 'Yugoslavia', 'Serbia', 'DDR', 'East Germany', 'Germany']) AS v;
SELECT successors('SUN') AS ussr_successors, successors('YUG') AS yugoslavia_successors, successors('DEU') AS germany;

-- Old alpha-2 codes now worn by others read as the current holder.
SELECT v, v::country AS country FROM unnest(ARRAY['AI', 'BQ', 'GE', 'SK']) AS v;

-- COW codes only with the scheme named: AUS is Australia, COW AUS is Austria.
SELECT 'AUS'::country AS iso_aus, country_from_code('AUS', 'cow_letter') AS cow_aus,
       country_from_code('GMY', 'cow_letter') AS cow_gmy, country_from_code('2', 'cow') AS cow_2,
       country_from_code('002', 'cow') AS cow_002, country_from_code('255', 'cow') AS cow_255;
SELECT try_country('GMY') AS gmy_without_scheme;

-- Names that contain other names match whole names only.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Niger', 'Nigeria', 'Dominica', 'Dominican Republic', 'Sudan', 'South Sudan',
                    'Samoa', 'American Samoa', 'Guinea', 'Equatorial Guinea', 'Guinea-Bissau',
                    'Papua New Guinea', 'Oman', 'Romania', 'India', 'British Indian Ocean Territory',
                    'Mali', 'Somalia', 'Iran', 'Iraq']) AS v;

-- Ambiguous names are not guessed ("Congo" alone is the Republic of the Congo, as ISO and the UN name it).
SELECT v, try_country(v) AS country,
       (SELECT string_agg(alpha3, ', ' ORDER BY alpha3) FROM country_candidates(v) WHERE match = 'ambiguous') AS candidates
  FROM unnest(ARRAY['Korea', 'Congo', 'Virgin Islands']) AS v;

-- Inverted World Bank / IMF forms.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Congo, Dem. Rep.', 'Congo, Rep.', 'Korea, Rep.', 'Korea, Dem. People''s Rep.',
                    'Gambia, The', 'Egypt, Arab Rep.', 'Iran, Islamic Rep.', 'Venezuela, RB',
                    'Micronesia, Fed. Sts.', 'Lao PDR', 'Yemen, Rep.', 'Bahamas, The']) AS v;

-- Dotted and abbreviated forms of real datasets and map layers (curated
-- aliases, data/country_aliases.csv).  Dots are never stripped as such: "n.a."
-- and "N.A." stay placeholders, and "NA" alone is Namibia.
SELECT v, v::country AS country, normalize_country_name(v) AS normalized
  FROM unnest(ARRAY['U.S.A.', 'U.S.A', 'u.s.a.', 'U. S. A.', 'U.S.', 'U.K.', 'S. Korea', 'N. Korea',
                    'Czech Rep.', 'Dem. Rep. Congo', 'Rep. of Korea', 'Dem. Rep. Korea', 'Dominican Rep.',
                    'Central African Rep.', 'Bosnia and Herz.', 'Eq. Guinea', 'S. Sudan', 'Solomon Is.',
                    'U.S. Virgin Is.', 'British Virgin Is.', 'St. Vin. and Gren.']) AS v;
SELECT v, try_country(v) AS country, normalize_country_name(v) AS normalized
  FROM unnest(ARRAY['n.a.', 'N.A.', 'N.A', 'n. a.', 'NA', 'N.D.']) AS v;

-- Accents, curly apostrophes, dashes, extra spaces, a leading "the", case,
-- zero-width and non-breaking spaces, soft hyphens.
SELECT format('%L', v) AS v, v::country AS country, normalize_country_name(v) AS normalized
  FROM unnest(ARRAY['Côte d’Ivoire', 'COTE D''IVOIRE', 'Côte d‘Ivoire', 'Cote  d Ivoire',
                    '  The   Gambia ', 'the Netherlands', 'THE NETHERLANDS',
                    E'Ger\u200Bmany', E'\uFEFFGermany', E'United\u00A0Kingdom', E'Bos\u00ADnia and Herzegovina',
                    'Bosnia & Herzegovina', 'Bosnia–Herzegovina', 'São Tomé and Príncipe', 'Åland Islands',
                    'Curaçao', 'Réunion', 'Timor-Leste']) AS v;

-- Decomposed (NFD) text, as macOS file names and some PDFs give it: combining
-- marks are dropped, so it reads like the precomposed (NFC) text.
SELECT E'Tu\u0308rkiye'::country AS turkiye, E'Co\u0302te d\u2019Ivoire'::country AS cote_d_ivoire,
       normalize_country_name(E'Co\u0302te d\u2019Ivoire') AS normalized,
       try_country(E'Re\u0301union') AS reunion, try_country(E'Vie\u0323\u0302t Nam') AS viet_nam;
SELECT v, normalize(v, NFD) <> v AS decomposed, normalize(v, NFD)::country AS from_nfd,
       normalize(v, NFD)::country = v::country AS same, normalize_country_name(normalize(v, NFD)) AS normalized
  FROM unnest(ARRAY['Türkiye', 'Côte d’Ivoire', 'São Tomé and Príncipe', 'Curaçao', 'Åland Islands',
                    'République démocratique du Congo', 'Turquía', 'Sénégal', 'México', 'Perú']) AS v;
-- marks of every combining block, even on a letter that takes none
SELECT normalize_country_name(v) AS normalized, try_country(v) AS country
  FROM unnest(ARRAY[E'Peru\u0301', E'Pe\u1AB0ru', E'P\u1DC0eru', E'Peru\u20DD', E'Per\uFE20u',
                    E'\u0301Peru', E'Peru \u0301']) AS v;
SELECT country, match, matched FROM country_candidates(E'Tu\u0308rkiye', 1);
-- a misspelling in NFD still gets a hint that reads like its NFC twin
SELECT E'Tu\u0308rkiyye'::country;

-- Channel Islands and Sark: legacy M49 areas.
SELECT v, v::country AS country, country_key(v::country) AS key, region_name(v::country) AS region,
       subregion_name(v::country) AS subregion
  FROM unnest(ARRAY['830', 'CHI', 'Channel Islands', '680', 'Sark']) AS v;

-- M49 regions and aggregates are not countries.
SELECT v, try_country(v) FROM unnest(ARRAY['001', '002', '150', '419', '902', '934', '1']) AS v;
