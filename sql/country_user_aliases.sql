-- User aliases: parse_country() reads iscm.country_user_aliases before the
-- built-in parser; the type's input never reads a table.
SET search_path = iscm, public;

SELECT p.proname, p.provolatile FROM pg_proc p
 WHERE p.pronamespace = 'iscm'::regnamespace
   AND p.proname IN ('country_in', 'country', 'try_country', 'parse_country', 'try_parse_country', 'country_candidates')
 ORDER BY 1, 2;
SELECT parse_country('Zaïre') AS builtin, try_parse_country('Our Republic') AS unknown;
SELECT parse_country('Our Republic');

INSERT INTO country_user_aliases (alias, country, note) VALUES
    ('Our Republic', 'SEN', 'survey 2019 free-text answers'),
    ('Congo', 'COD', 'the 2019 survey writes Congo for the DRC'),
    ('R.D. del Congo', 'COD', NULL);
SELECT alias, normalized, country FROM country_user_aliases ORDER BY alias;
-- the alias wins over the built-in reading; the type itself does not change
SELECT parse_country('our  republic') AS ours, parse_country('CONGO') AS congo_by_alias, 'Congo'::country AS congo_by_type,
       try_parse_country('r d del congo') AS rd, parse_country('SEN') AS code;
SELECT * FROM country_candidates('Congo', 3);
SELECT count(*) AS rows FROM country_candidates('Congo', 0);
-- two aliases may not normalize alike, nor be blank
INSERT INTO country_user_aliases (alias, country) VALUES ('our republic', 'GMB');
INSERT INTO country_user_aliases (alias, country) VALUES (' - ', 'GMB');
-- the table is dumped as user data
SELECT c.relname FROM pg_extension e, unnest(e.extconfig) AS t(oid) JOIN pg_class c ON c.oid = t.oid
 WHERE e.extname = 'iscm' AND c.relname IN ('country_user_aliases', 'country_periods') ORDER BY 1;
-- an index on the immutable input stays valid: aliases never reach it
CREATE TABLE t_alias (raw text);
INSERT INTO t_alias VALUES ('Our Republic'), ('Senegal');
SELECT raw, try_country(raw) AS by_type, parse_country(raw) AS by_parse_country FROM t_alias ORDER BY raw;
DROP TABLE t_alias;
DELETE FROM country_user_aliases;
