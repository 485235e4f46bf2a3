-- iscm.country: States that only changed their name, the forms data producers
-- write (qualifiers, slashes, their own spellings), and names in the UN's six
-- languages and in Portuguese, German and Italian.
SET search_path = iscm, public;

-- A renamed State reads as its successor by every name and former code.
SELECT v, v::country AS country, is_former(v::country) AS former
  FROM unnest(ARRAY['Burma', 'BUR', 'BUMM', 'Zaire', 'Zaïre', 'ZAR', 'ZRCD', 'East Timor', 'TMP', 'TPTL',
                    'Dahomey', 'DHY', 'DYBJ', 'Upper Volta', 'HVO', 'HVBF', 'New Hebrides', 'NHB', 'NHVU',
                    'Southern Rhodesia', 'Rhodesia', 'RHO', 'RHZW', 'French Afars and Issas', 'AFI', 'AIDJ',
                    'BYS', 'BYAA', 'Birmanie', 'Zaïre (République du)']) AS v;
SELECT country_from_code('BUR', 'alpha3') AS bur, country_from_code('zrcd', 'alpha4') AS zrcd,
       country_code('MMR', 'alpha4') AS mmr_alpha4, country_code('COD', 'alpha3') AS cod_alpha3;
-- Its withdrawn alpha-2 is still never read (BU, ZR were not reused, but others were).
SELECT country_from_code('BU', 'alpha2');
-- States that dissolved, split or merged stay values of their own.
SELECT v, v::country AS country, is_former(v::country) AS former, successors(v::country) AS successors
  FROM unnest(ARRAY['USSR', 'SUN', 'Yugoslavia', 'Czechoslovakia', 'Serbia and Montenegro',
                    'German Democratic Republic', 'South Yemen', 'Netherlands Antilles', 'North Vietnam']) AS v;
-- The history: former names, codes and the date ISO changed them.
SELECT * FROM country_renames ORDER BY country;
SELECT count(*) AS values_of_the_type, count(*) FILTER (WHERE is_former) AS former FROM countries;
SELECT count(*) AS renamed_in_countries FROM countries c JOIN country_renames r ON r.former_alpha4 = c.alpha4;

-- "Congo" is the Republic of the Congo; the DRC keeps every form of its name.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Congo', 'CONGO', 'the Congo', 'Congo, Rep.', 'Congo-Brazzaville', 'Congo, Dem. Rep.',
                    'D.R. Congo', 'Dem. Rep. Congo', 'Democratic Republic of the Congo',
                    'Congo Democratic Republic', 'Congo, Democratic Republic of (Zaire)', 'DRC', 'RDC']) AS v;

-- "<name> (<qualifier>)": the country of the name, unless the qualifier names another one.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Mayotte (FR - part of EU as of 01.01.2014)', 'Saint Martin (FR)', 'Germany (Prussia)',
                    'Russia (Soviet Union)', 'Sri Lanka (Ceylon)', 'Zimbabwe (Rhodesia)', 'Iran (Persia)',
                    'Vietnam (Annam/Cochin China/Tonkin)', 'China (the People''s Republic of)',
                    'Netherlands (Kingdom of the)', 'Pays-Bas (Royaume des)', 'Gambia (Islamic Republic of the)',
                    'Turkey (Ottoman Empire)', 'Kosovo (under UNSCR 1244)']) AS v;
SELECT 'Niger (Nigeria)'::country;
SELECT 'Congo (DR)'::country;
SELECT 'Korea (Peninsula)'::country;
-- "<name>/<name>": the one country every part names.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Burma/Myanmar', 'Palestine/Gaza', 'Myanmar / Burma', 'Côte d''Ivoire/Ivory Coast']) AS v;
SELECT v, try_country(v) AS country
  FROM unnest(ARRAY['Palestine/British Mandate', 'Sudan/South Sudan', 'Serbia/Montenegro', 'N/A', 'n/a / n/a',
                    '/', 'Germany/']) AS v;

-- Spellings the producers use.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Faeroe Islands', 'Faroes', 'US Virgin Islands', 'Virgin Islands, US', 'TFYR Macedonia',
                    'Antigua', 'West Bank', 'Gaza Strip', 'Svalbard', 'Jan Mayen', 'Bonaire, Saint Eustatius and Saba',
                    'Venezuela, Bolivarian Republic', 'US Minor Is.', 'French Southern and Antarctic Lands',
                    'Serbia and Kosovo: S/RES/1244 (1999)', 'German Federal Republic', 'Germany East',
                    'Yemen North', 'Yemen South', 'Vietnam North', 'Sudan-North', 'Tanzania/Tanganyika',
                    'Italy/Sardinia']) AS v;
-- Names that denote no value of the type are refused, never guessed.
SELECT v, try_country(v) AS country
  FROM unnest(ARRAY['Bavaria', 'Papal States', 'Prussia', 'Sardinia', 'Stateless', 'Tibetan', 'Korea',
                    'Republic of Vietnam', 'Zanzibar']) AS v;

-- The UN's names in its six languages; CLDR and iso-codes names in Portuguese, German, Italian.
SELECT v, v::country AS country
  FROM unnest(ARRAY['Arabia Saudita', 'Kazajstán', 'Nueva Zelandia', 'Trinidad y Tabago', 'Saint-Kitts-et-Nevis',
                    'Российская Федерация', 'Россия', 'Германия', '中国', '德国', '俄罗斯联邦', 'ألمانيا',
                    'المملكة العربية السعودية', 'Alemanha', 'Suíça', 'Deutschland', 'Schweiz', 'Germania',
                    'Svizzera', 'Costa d''Avorio', 'Elfenbeinküste', 'Côte d’Ivoire']) AS v;
SELECT lang, count(*) > 150 AS many FROM country_names WHERE lang IS NOT NULL GROUP BY lang ORDER BY lang;
SELECT count(*) AS un_names FROM country_names WHERE kind = 'un';
