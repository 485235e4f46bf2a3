-- What drivers send with their default settings: pgjdbc binds setString as
-- varchar, psycopg's binary mode binds str as text.  Stored into iscm columns
-- such parameters are read by the type's input function (assignment casts);
-- elsewhere they are not converted silently.
CREATE TABLE driver_target (
    origin iscm.country,
    members iscm.country_set,
    answers iscm.answer_summary,
    panel iscm.transition_summary,
    dispositions iscm.disposition_summary
);

-- 1. INSERT and UPDATE of varchar and text parameters into every iscm type.
PREPARE insert_varchar(varchar, varchar, varchar, varchar, varchar) AS
    INSERT INTO driver_target VALUES ($1, $2, $3, $4, $5);
PREPARE insert_text(text, text, text, text, text) AS
    INSERT INTO driver_target VALUES ($1, $2, $3, $4, $5);
EXECUTE insert_varchar('Germany', '{DEU,"Côte d''Ivoire"}',
    '{"format": 1, "kind": "single", "weighted": false, "respondents": 3, "missing": 1, "counts": {"no": 1, "yes": 2}}',
    '{"format": 1, "transitions": [["no", "yes", 2]]}',
    '{"format": 1, "I": 5, "P": 0, "R": 1, "NC": 0, "O": 0, "UH": 0, "UO": 0, "NE": 0}');
EXECUTE insert_text('FRA', '{SEN}',
    '{"format": 1, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"yes": 1}}',
    '{"format": 1, "transitions": []}',
    '{"format": 1, "I": 1, "P": 0, "R": 0, "NC": 0, "O": 0, "UH": 0, "UO": 0, "NE": 0}');
PREPARE update_varchar(varchar, varchar) AS
    UPDATE driver_target SET members = $2 WHERE origin OPERATOR(iscm.=) CAST($1 AS iscm.country);
EXECUTE update_varchar('FRA', '{FRA,DEU}');
SELECT origin, members, iscm.describe(answers, 'yes'), iscm.pairs(panel),
       iscm.aapor_rate(dispositions, 'RR1') FROM driver_target ORDER BY origin;

-- a bad string fails as a bad literal would, with its detail and hint
EXECUTE insert_varchar('Korea', NULL, NULL, NULL, NULL);
EXECUTE insert_text(NULL, '{DEU,Narnia}', NULL, NULL, NULL);
EXECUTE insert_text(NULL, NULL, '{"format": 1, "kind": "single"}', NULL, NULL);

-- 2. No implicit conversion: comparisons and calls need the type named, so a
-- string never silently meets a built-in of the same name.
SET search_path = public, iscm;
PREPARE compare_varchar(varchar) AS SELECT count(*) FROM driver_target WHERE origin = $1;
PREPARE compare_cast(varchar) AS SELECT count(*) FROM driver_target WHERE origin = CAST($1 AS iscm.country);
EXECUTE compare_cast('Allemagne');
EXECUTE compare_cast('DEU');
PREPARE share_cast(varchar) AS SELECT iscm.share(CAST($1 AS iscm.answer_summary), 'yes');
EXECUTE share_cast('{"format": 1, "kind": "single", "weighted": false, "respondents": 4, "missing": 0, "counts": {"no": 1, "yes": 3}}');

-- 3. No iscm function a string argument could confuse with a built-in: the
-- only names iscm shares with pg_catalog functions of the same arity are
-- aggregates and set functions made for iscm's own types, which an untyped
-- argument makes ambiguous (an error), and the cast functions text(country)
-- and int4(country), named after their target type as PostgreSQL's own are
-- (on a string they are the built-ins, which return the string or its number).
-- The country name accessor is country_name: pg_catalog.name(text) would
-- take a name('DEU') and return 'DEU'.
SELECT p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS iscm_arguments
  FROM pg_catalog.pg_proc AS p
 WHERE p.pronamespace = 'iscm'::regnamespace
   AND EXISTS (SELECT FROM pg_catalog.pg_proc AS q
                WHERE q.pronamespace = 'pg_catalog'::regnamespace AND q.proname = p.proname
                  AND q.pronargs BETWEEN p.pronargs - p.pronargdefaults AND p.pronargs)
 ORDER BY 1, 2;
SELECT country_name('DEU'), country_name('Allemagne', 'es');
SELECT cardinality('{DEU,FRA}');
SELECT mode('{"format": 1, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"yes": 1}}');
RESET search_path;
DROP TABLE driver_target;
