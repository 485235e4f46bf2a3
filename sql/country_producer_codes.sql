-- iscm.country: the data producers' own code schemes in country_from_code and
-- country_code (data/country_producer_codes.csv).
SET search_path = iscm, public;

SELECT scheme, code, country_from_code(code, scheme) AS country
  FROM (VALUES ('unhcr', 'ALG'), ('unhcr', 'SRB'), ('unhcr', 'COB'), ('unhcr', 'KOS'), ('unhcr', 'bes'),
               ('imf', '512'), ('imf', '0512'), ('imf', '134'), ('imf', '934'),
               ('fao', '4'), ('fao', '004'), ('fao', '79'),
               ('ioc', 'GER'), ('ioc', 'SUI'), ('ioc', 'KOS'),
               ('fips', 'GM'), ('fips', 'AU'), ('fips', 'AS'), ('fips', 'BM'),
               ('genc', 'XKS'), ('genc', 'DEU'), ('wb', 'CHI'), ('wb', 'XKX'), ('wb', 'DEU'), ('dhs', 'AF'),
               ('gw', '260'), ('gw', '255'), ('gw', '365'), ('gw', '816'), ('gw', '345'), ('gw', '0002'),
               ('gw_letter', 'GFR'), ('gw_letter', 'DRV'), ('gw_letter', 'GMY')) AS t(scheme, code)
 ORDER BY scheme, code;
-- The reverse: a country's code in each scheme (GW: the number in use last).
SELECT s AS scheme, country_code('DEU', s) AS deu, country_code('CHE', s) AS che, country_code('XKX', s) AS xkx,
       country_code('830', s) AS channel_islands, country_code('CSHH', s) AS czechoslovakia
  FROM unnest(ARRAY['unhcr', 'imf', 'fao', 'ioc', 'fips', 'genc', 'wb', 'dhs', 'gw', 'gw_letter']) AS s;
-- Every country's code reads back in its scheme.
SELECT s AS scheme, count(code) AS with_code,
       count(*) FILTER (WHERE code IS NOT NULL AND country_from_code(code, s) <> c) AS mismatches
  FROM unnest(ARRAY['unhcr', 'imf', 'fao', 'ioc', 'fips', 'genc', 'wb', 'dhs', 'gw', 'gw_letter']) AS s,
       LATERAL (SELECT c, country_code(c, s) AS code FROM (SELECT code::country AS c FROM countries) x) y
 GROUP BY s ORDER BY s;
-- A code that exists in one scheme only is an error that says so.
SELECT country_from_code('STA', 'unhcr');
\echo :LAST_ERROR_SQLSTATE
SELECT country_from_code('TIB', 'unhcr');
SELECT country_from_code('245', 'gw');
SELECT country_from_code('ZZZ', 'unhcr');
SELECT country_from_code('GER', 'unhcr');
-- Scheme names are case-insensitive.
SELECT country_from_code('sui', 'IOC') AS ioc, country_from_code('GFR', 'GW_Letter') AS gw_letter;
