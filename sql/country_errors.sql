-- iscm.country: what bad input reports (SQLSTATE, message, detail, hint).
SET search_path = iscm, public;
\set VERBOSITY default

-- Placeholders for missing values: 22P02, use NULL.
SELECT ''::country;
\echo :LAST_ERROR_SQLSTATE
SELECT '   '::country;
SELECT 'N/A'::country;
\echo :LAST_ERROR_SQLSTATE
SELECT '-'::country;
SELECT 'NULL'::country;
SELECT 'n.a.'::country;
SELECT 'unknown'::country;

-- Ambiguous names list their candidates with codes.
SELECT 'Korea'::country;
\echo :LAST_ERROR_SQLSTATE
SELECT ' virgin  islands '::country;
-- "Congo" is the Republic of the Congo (ISO 3166-1, UN); a qualifier never makes it either one
SELECT 'Congo'::country, 'the Congo'::country, 'Congo (Kinshasa)'::country;
SELECT 'Congo (Zaire)'::country;

-- Unknown names suggest the nearest known ones.
SELECT 'Germny'::country;
\echo :LAST_ERROR_SQLSTATE
SELECT 'Nigerria'::country;
SELECT 'Phillipines'::country;
SELECT 'Untied States'::country;
SELECT 'Atlantis'::country;
SELECT 'Xyzzy Plugh'::country;
SELECT 'Cuab'::country;

-- Codes that are not countries.
SELECT 'XYZ'::country;
SELECT 'QQ'::country;
SELECT 'CS'::country;
SELECT '999'::country;
SELECT '002'::country;
SELECT '150'::country;
SELECT '902'::country;
SELECT '12345'::country;
SELECT 'GMY'::country;

-- Overlong input is rejected before normalizing, and echoed cut short.
SELECT repeat('Germany ', 100)::country;

-- Casts and functions.
SELECT 2::country;
\echo :LAST_ERROR_SQLSTATE
SELECT 150::country;
SELECT int4('SUN'::country);
\echo :LAST_ERROR_SQLSTATE
SELECT int4('XKX'::country);
SELECT country_from_code('USA', 'iso');
\echo :LAST_ERROR_SQLSTATE
SELECT country_code('USA', 'fips');
SELECT country_from_code('ZZ', 'alpha2');
\echo :LAST_ERROR_SQLSTATE
SELECT country_from_code('002', 'm49');
SELECT country_from_code('830', 'numeric');
SELECT country_name('USA', 'de');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM country_candidates('USA', -1);

-- try_country never fails.
SELECT label, try_country(v)
  FROM (VALUES ('Korea', 'Korea'), ('Germny', 'Germny'), ('N/A', 'N/A'), ('empty', ''), ('002', '002'),
               ('10000 x', repeat('x', 10000)), ('10 zero-width spaces + Germany', repeat(E'\u200B', 10) || 'Germany'),
               ('1000 zero-width spaces + Germany', repeat(E'\u200B', 1000) || 'Germany'),
               ('control characters', E'\x01\x02'), ('emoji', '🏳️')) AS x(label, v);

-- Soft errors: pg_input_is_valid() (PostgreSQL 16 and later) would use them;
-- here the COPY of a bad value names the line.
CREATE TEMP TABLE t (c country);
COPY t FROM stdin;
USA
Germany
Korea
\.
