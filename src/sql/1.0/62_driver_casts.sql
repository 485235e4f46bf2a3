-- Casts for drivers that send strings as typed parameters: pgjdbc binds
-- setString as varchar, psycopg's binary mode binds str as text.  PostgreSQL's
-- automatic I/O casts from string types are explicit only, so without these an
-- INSERT or UPDATE of such a parameter into a country, country_set or summary
-- column fails ("column ... is of type iscm.country_set but expression is of
-- type text").  Each is an assignment cast: it applies where a value is stored
-- into a column of the type, and there only, the string is read by the
-- type's input function with all of its checks (the same as a literal).
-- None is implicit, so they take no part in choosing operators or functions:
-- country_col = text_col stays an error, not a parse of every row
-- (doc/country.md, Casts), and no call of a built-in function on a string
-- becomes ambiguous.  Reference: doc/reporting.md, Drivers.

-- varchar is binary-coercible to text, so country(text) serves varchar too.
CREATE CAST (varchar AS @extschema@.country) WITH FUNCTION @extschema@.country(text) AS ASSIGNMENT;
COMMENT ON CAST (varchar AS @extschema@.country) IS
    'Assignment cast: reads a code or name as input does, so that a varchar parameter (pgjdbc setString) can be stored in a country column; not implicit, so comparisons with varchar stay errors';

CREATE CAST (text AS @extschema@.country_set) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.country_set) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.country_set) IS
    'Assignment cast through the text form ({DEU,FRA}), so that a text parameter (psycopg binary mode) can be stored in a country_set column';
COMMENT ON CAST (varchar AS @extschema@.country_set) IS
    'Assignment cast through the text form ({DEU,FRA}), so that a varchar parameter (pgjdbc setString) can be stored in a country_set column';

CREATE CAST (text AS @extschema@.answer_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.answer_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS @extschema@.transition_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.transition_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS @extschema@.disposition_summary) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.disposition_summary) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.answer_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a text parameter (psycopg binary mode) can be stored in an answer_summary column';
COMMENT ON CAST (varchar AS @extschema@.answer_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a varchar parameter (pgjdbc setString) can be stored in an answer_summary column';
COMMENT ON CAST (text AS @extschema@.transition_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a text parameter (psycopg binary mode) can be stored in a transition_summary column';
COMMENT ON CAST (varchar AS @extschema@.transition_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a varchar parameter (pgjdbc setString) can be stored in a transition_summary column';
COMMENT ON CAST (text AS @extschema@.disposition_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a text parameter (psycopg binary mode) can be stored in a disposition_summary column';
COMMENT ON CAST (varchar AS @extschema@.disposition_summary) IS
    'Assignment cast through the JSON text form, validated as input is, so that a varchar parameter (pgjdbc setString) can be stored in a disposition_summary column';
