-- Existence over time: iscm.country_periods, countries_on(), country_years.
SET search_path = iscm, public;

-- A 1990 table is about Yugoslavia, not Slovenia; a 1995 one about Slovenia.
SELECT d, basis, countries_on(d, basis) @> '{YUCS}' AS yugoslavia, countries_on(d, basis) @> '{SVN}' AS slovenia,
       countries_on(d, basis) @> '{SUN}' AS ussr, countries_on(d, basis) @> '{RUS}' AS russia,
       countries_on(d, basis) @> '{DDR}' AS gdr, countries_on(d, basis) @> '{DEU}' AS germany
  FROM unnest(ARRAY['1985-06-30', '1990-06-30', '1995-06-30', '2005-06-30', '2020-06-30']::date[]) AS d,
       unnest(ARRAY['iso', 'cow']) AS basis
 ORDER BY basis, d;
-- ISO: every current entry today; COW: the independent States.
SELECT cardinality(countries_on('2020-01-01')) AS iso_2020, cardinality(countries_on('2016-06-30', 'cow')) AS cow_2016,
       cardinality(countries_on('1900-01-01', 'cow')) AS cow_1900, cardinality(countries_on('1970-01-01')) AS iso_1970;
-- Renamed States are one value throughout; split ones end and their successors begin.
SELECT countries_on('1980-01-01') @> '{MMR,COD,BFA,TLS}' AS renamed_there_in_1980,
       countries_on('1993-01-01', 'cow') @> '{CZE,SVK}' AS czech_and_slovak_1993,
       countries_on('1992-12-31', 'cow') @> '{CSK}' AS czechoslovakia_1992;
-- COW's Yugoslavia (345) is the value of the time: Serbia, Yugoslavia, Serbia and Montenegro, Serbia.
SELECT country, start_date, end_date, code, name FROM country_periods
 WHERE basis = 'cow' AND code IN ('345', '365', '816') ORDER BY code, start_date;
SELECT basis, year, country_code, source_name FROM country_years
 WHERE country_code IN ('YUG', 'SCG', 'SRB', 'SVN') AND year IN (1950, 1992, 2004, 2010)
 ORDER BY basis, year, country_code;
SELECT countries_on('2000-01-01', 'gleditsch');
\echo :LAST_ERROR_SQLSTATE
-- Users add periods of their own basis; seed rows are read-only.
INSERT INTO country_periods (basis, country, start_date, end_date, code, name, source)
VALUES ('survey_waves', 'PHL', '2007-01-01', '2008-12-31', 'PH', 'Philippines', 'GFMD survey waves 2007-2008'),
       ('survey_waves', 'MEX', '2008-01-01', NULL, 'MX', 'Mexico', 'GFMD survey waves 2008-');
SELECT countries_on('2007-06-30', 'survey_waves') AS wave_2007, countries_on('2010-06-30', 'survey_waves') AS wave_2010;
UPDATE country_periods SET end_date = '1991-01-01' WHERE basis = 'cow' AND code = '345';
\echo :LAST_ERROR_SQLSTATE
DELETE FROM country_periods WHERE basis = 'survey_waves';
SELECT count(*) AS seed_rows, count(*) FILTER (WHERE source !~ '\S') AS without_source FROM country_periods;
