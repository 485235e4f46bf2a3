-- A query cancel or statement_timeout stops iscm's functions promptly, also
-- inside one call over a large value: every loop over user-sized data checks
-- for interrupts (sorts too).  Each long function runs once on a large input
-- under statement_timeout = 100ms and must end, one way or the other, within
-- 0.8 s; without the checks each ran on for 2 to 5 s.  (Text output of these
-- values checks too, but takes only about 0.5 s either way.)
SET search_path = iscm, public;

-- ends_within(query, bound): did the statement end (finished or cancelled) within bound?
CREATE FUNCTION pg_temp.ends_within(query text, bound interval) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
BEGIN
    BEGIN
        EXECUTE query;
    EXCEPTION WHEN query_canceled THEN
        NULL;
    END;
    RETURN CASE WHEN clock_timestamp() - started < bound THEN 'ended in time'
                ELSE 'ran on for ' || (clock_timestamp() - started)::text END;
END $$;

-- large inputs, built without a timeout: a million distinct transitions, a
-- million categories, a country set literal of ten million elements naming
-- every country with a numeric code (stored uncompressed, so that reading it
-- is quick next to parsing it)
CREATE TEMP TABLE big_transitions AS
SELECT transition_agg((i % 1000)::text, (i / 1000)::text) AS t FROM generate_series(0, 999999) i;
CREATE TEMP TABLE big_answers AS
SELECT answer_agg('answer ' || i) AS s FROM generate_series(1, 1000000) i;
CREATE TEMP TABLE big_declared AS
SELECT array_agg('declared ' || i) AS categories FROM generate_series(1, 1000000) i;
CREATE TEMP TABLE big_literal (text text);
ALTER TABLE big_literal ALTER COLUMN text SET STORAGE EXTERNAL;
INSERT INTO big_literal
SELECT '{' || repeat(string_agg(c::text, ',') || ',', 10000000 / count(*)::int) || 'PHL}'
  FROM (SELECT DISTINCT try_country(i::text) AS c FROM generate_series(1, 999) i) q
 WHERE c IS NOT NULL;
SELECT pairs(t) AS pairs, respondents(s) AS respondents, length(text) > 30000000 AS long_literal,
       cardinality(text::country_set) AS literal_countries
  FROM big_transitions, big_answers, big_literal;

SET statement_timeout = '100ms';
-- rollup: merges one value of a million cells or categories, then sorts them
-- in the final function
SELECT pg_temp.ends_within('SELECT rollup(t) FROM big_transitions', '0.8 s') AS transition_rollup;
SELECT pg_temp.ends_within('SELECT rollup(s) FROM big_answers', '0.8 s') AS answer_rollup;
-- declaring a million more categories
SELECT pg_temp.ends_within('SELECT respondents(with_categories(s, categories)) FROM big_answers, big_declared', '0.8 s') AS with_categories;
-- a set literal of ten million elements
SELECT pg_temp.ends_within('SELECT text::country_set FROM big_literal', '0.8 s') AS country_set_input;
RESET statement_timeout;
