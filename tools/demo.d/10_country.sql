-- iscm demo: the country type reads the spellings migration data uses and joins them.
\pset footer off
SET search_path = iscm, public;

\echo
\echo '== One State, many spellings: codes, M49, World Bank and French/Spanish names all compare equal'
SELECT spelling, spelling::country AS country, country_name(spelling::country) AS iso_name,
       spelling::country = 'CIV'::country AS same_as_civ
  FROM unnest(ARRAY['CI', 'CIV', '384', 'Ivory Coast', 'Côte d’Ivoire', 'cote d''ivoire',
                    'Costa de Marfil', 'the Ivory Coast']) AS spelling;

\echo
\echo '== States as the seed documents spell them, with their M49 region'
SELECT written, written::country AS code, country_name(written::country) AS iso_name, region_name(written::country) AS region,
       subregion_name(written::country) AS subregion
  FROM unnest(ARRAY['DRC', 'Republic of El Salvador', 'the Netherlands', 'Tanzania', 'Moldova',
                    'Russian Federation', 'UK', 'Turkey', 'Czech Republic']) AS written;

\echo
\echo '== Former countries are values of their own, with their successors'
SELECT c AS country, country_name(c) AS name, withdrawn(c), array_to_string(successors(c)::text[], ',') AS successors
  FROM unnest(ARRAY['USSR', 'Yugoslavia', 'Czechoslovakia', 'Zaire']::country[]) AS c;

\echo
\echo '== Reviewing a messy column before casting it: candidates with how they matched'
SELECT input, alpha3, name, match, round(score::numeric, 2) AS score
  FROM unnest(ARRAY['Korea', 'Phillipines', 'Congo, Dem. Rep.', 'N/A']) AS input,
       LATERAL country_candidates(input, 3)
 ORDER BY input, score DESC, alpha3;

\echo
\echo '== Schemes that collide with ISO only when named: COW "AUS" is Austria, Eurostat "EL" is Greece'
SELECT country_from_code('AUS', 'cow_letter') AS cow_aus, country_from_code('255', 'cow') AS cow_255,
       country_from_code('EL', 'eurostat') AS eurostat_el, country_code('DEU', 'cow_letter') AS germany_in_cow;
