#!/bin/bash
# A query cancel or statement_timeout stops iscm's functions promptly, also
# inside one call over a large value: every loop over user-sized data checks
# for interrupts (sorts too).  Each long function runs once to the end, then
# again with a statement_timeout that fires a quarter of the way into the work
# (after its inputs are read), and must then end, one way or the other, in
# less than half of what the full run needed after that point; without the
# checks each ran on to the end (1.2 to 10 s on the shared machine).  Text output of these
# values checks too, but takes only about 0.5 s either way.
#
# A check rather than a pg_regress file: it compares wall-clock times, which
# the suite under valgrind (tools/run-long-checks) would distort.
. "$ISCM_TOP/test/lib/common.sh"
db=iscm_rel_cancel
new_db "$db"

cat >"$ISCM_TMP/cancel_case.sql" <<'SQL'
SELECT pg_temp.elapsed_ms(:'read') AS read_ms \gset
SELECT pg_temp.elapsed_ms(:'work') AS full_ms \gset
SELECT :read_ms + (:full_ms - :read_ms) / 4 AS timeout_ms \gset
SET statement_timeout = :timeout_ms;
SELECT :'case', pg_temp.verdict(pg_temp.elapsed_ms(:'work'), :full_ms, :timeout_ms);
RESET statement_timeout;
SQL
out=$(cd "$ISCM_TMP" && psql_q "$db" -A -t <<'SQL'
CREATE EXTENSION iscm;
SET search_path = iscm, public;

-- elapsed_ms(query): how long the query takes, in milliseconds, cancelled or not
CREATE FUNCTION pg_temp.elapsed_ms(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
BEGIN
    BEGIN
        EXECUTE query;
    EXCEPTION WHEN query_canceled THEN
        NULL;
    END;
    RETURN ceil(extract(epoch FROM clock_timestamp() - started) * 1000);
END $$;
-- stopped early: after the timeout fired, the call took less than half of
-- what the full run still needed from that point
CREATE FUNCTION pg_temp.verdict(cancelled_ms int, full_ms int, timeout_ms int) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN full_ms - timeout_ms < 400 THEN 'too small to tell (' || full_ms || ' ms)'
                WHEN cancelled_ms - timeout_ms < (full_ms - timeout_ms) / 2 THEN 'stopped early'
                ELSE 'ran on: ' || cancelled_ms || ' of ' || full_ms || ' ms, timeout ' || timeout_ms END
$$;

-- large inputs: a million distinct transitions, a million categories, a
-- million more to declare, and a country set literal of twenty million
-- elements naming every country with a numeric code (stored uncompressed)
CREATE TEMP TABLE big_transitions AS
SELECT transition_agg((i % 1000)::text, (i / 1000)::text) AS t FROM generate_series(0, 999999) i;
CREATE TEMP TABLE big_answers AS
SELECT answer_agg('answer ' || i) AS s FROM generate_series(1, 1000000) i;
CREATE TEMP TABLE big_declared AS
SELECT array_agg('declared ' || i) AS categories FROM generate_series(1, 1000000) i;
CREATE TEMP TABLE big_literal (text text);
ALTER TABLE big_literal ALTER COLUMN text SET STORAGE EXTERNAL;
INSERT INTO big_literal
SELECT '{' || repeat(string_agg(c::text, ',') || ',', 20000000 / count(*)::int) || 'PHL}'
  FROM (SELECT DISTINCT try_country(i::text) AS c FROM generate_series(1, 999) i) q
 WHERE c IS NOT NULL;
SELECT 'inputs', pairs(t), respondents(s), cardinality(categories), length(text) > 60000000,
       cardinality(text::country_set)
  FROM big_transitions, big_answers, big_declared, big_literal;

-- The rollups combine four copies of their input, so that even a fast machine
-- spends well over the 400 ms a verdict needs.
-- Each case: read, a query that only reads the inputs (detoasting them, which
-- PostgreSQL interrupts by itself); work, the function under test.  The
-- timeout fires a quarter of the way from the end of reading to the end of
-- the full run.
\set case 'transition rollup'
\set read 'SELECT pairs(t) FROM big_transitions, generate_series(1, 4)'
\set work 'SELECT rollup(t) FROM big_transitions, generate_series(1, 4)'
\ir cancel_case.sql
\set case 'answer rollup'
\set read 'SELECT respondents(s) FROM big_answers, generate_series(1, 4)'
\set work 'SELECT rollup(s) FROM big_answers, generate_series(1, 4)'
\ir cancel_case.sql
\set case 'with_categories'
\set read 'SELECT respondents(s), cardinality(categories) FROM big_answers, big_declared'
\set work 'SELECT respondents(with_categories(s, categories)) FROM big_answers, big_declared'
\ir cancel_case.sql
\set case 'country_set input'
\set read 'SELECT length(text) FROM big_literal'
\set work 'SELECT text::country_set FROM big_literal'
\ir cancel_case.sql
SQL
) || exit 1
echo "$out"
want='inputs|1000000|1000000|1000000|t|252
transition rollup|stopped early
answer rollup|stopped early
with_categories|stopped early
country_set input|stopped early'
if [ "$out" != "$want" ]; then
    echo "some function ran on past statement_timeout:"; diff <(echo "$want") <(echo "$out"); exit 1
fi
echo "every long function stopped early under statement_timeout"
