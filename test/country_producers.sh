#!/bin/bash
# Every country name as the data producers publish it (data/country_producer_names.csv:
# World Bank, UN M49, UN DESA, UNHCR, IMF, Eurostat, ECB, FAO, IOC, GENC, FIPS, COW,
# Gleditsch-Ward, Polity, V-Dem, WVS, DHS, the UN's names in its six languages) is read
# through '...'::iscm.country and compared with the country the name denotes.
#
# A row is a hit when the name reads as its expected country, or is refused when it
# denotes none ("-"); a miss when a country's name is refused; wrong when it reads as
# another country, which is worse than an error.  The check prints each producer's
# hit rate and fails when
#   - a producer's hit rate is below MIN_HIT_PERCENT (99.5), or
#   - any name of any list reads as a wrong country, or
#   - a row that is not a hit is missing from test/country_producers.expected (the
#     list of known misses: producer, name, expected, what it reads as), or reads
#     differently from what that list says.
# Listed rows that have become hits are reported, so the list can shrink.
. "$(dirname "$0")/lib/common.sh"
set -o pipefail
MIN_HIT_PERCENT=${MIN_HIT_PERCENT:-99.5}
data=$ISCM_TOP/data/country_producer_names.csv
known=$ISCM_TOP/test/country_producers.expected
db=iscm_rel_producers
new_db "$db"

psql_q "$db" <<SQL || exit 1
CREATE EXTENSION iscm;
CREATE TABLE producer_names (n serial, producer text, name text, code text, years text, expected text, source text);
\copy producer_names (producer, name, code, years, expected, source) FROM '$data' CSV HEADER
CREATE TABLE known_misses (producer text, name text, expected text, got text);
\copy known_misses FROM '$known' CSV HEADER
-- The type's own input function, as a cast would call it; a refusal is NULL.
CREATE FUNCTION read_as(t text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE c iscm.country;
BEGIN
    c := t::iscm.country;
    RETURN CASE WHEN iscm.is_former(c) THEN iscm.alpha4(c) ELSE iscm.canonical_code(c) END;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END \$\$;
CREATE TABLE outcome AS
SELECT n, producer, name, expected, coalesce(read_as(name), '-') AS got FROM producer_names;
SQL

echo "producer    names  hits  hit%    missed  wrong"
psql_val "$db" "
SELECT format('%-10s %6s %5s %7s %7s %6s', producer, count(*), count(*) FILTER (WHERE got = expected),
              round(100.0 * count(*) FILTER (WHERE got = expected) / count(*), 2),
              count(*) FILTER (WHERE got = '-' AND expected <> '-'),
              count(*) FILTER (WHERE got <> expected AND got <> '-'))
  FROM outcome GROUP BY producer ORDER BY min(n)" | sed 's/^/  /' || exit 1
psql_val "$db" "
SELECT format('all        %6s %5s %7s %7s %6s', count(*), count(*) FILTER (WHERE got = expected),
              round(100.0 * count(*) FILTER (WHERE got = expected) / count(*), 2),
              count(*) FILTER (WHERE got = '-' AND expected <> '-'),
              count(*) FILTER (WHERE got <> expected AND got <> '-'))
  FROM outcome" | sed 's/^/  /' || exit 1

fail=0
low=$(psql_val "$db" "
SELECT string_agg(format('%s %s%%', producer, pct), ', ') FROM (
  SELECT producer, round(100.0 * count(*) FILTER (WHERE got = expected) / count(*), 2) AS pct
    FROM outcome GROUP BY producer) s
 WHERE pct < $MIN_HIT_PERCENT") || exit 1
if [ -n "$low" ]; then
    echo "FAIL: hit rate below $MIN_HIT_PERCENT%: $low"; fail=1
fi
wrong=$(psql_val "$db" "
SELECT format('%s | %s | expected %s, reads as %s', producer, name, expected, got)
  FROM outcome WHERE got <> expected AND got <> '-' ORDER BY 1") || exit 1
if [ -n "$wrong" ]; then
    echo "FAIL: names read as a wrong country:"
    echo "$wrong" | sed 's/^/  /'; fail=1
fi
new=$(psql_val "$db" "
SELECT format('%s | %s | expected %s, reads as %s', o.producer, o.name, o.expected, o.got)
  FROM outcome o
 WHERE o.got <> o.expected
   AND NOT EXISTS (SELECT 1 FROM known_misses k WHERE (k.producer, k.name, k.expected, k.got) = (o.producer, o.name, o.expected, o.got))
 ORDER BY 1") || exit 1
if [ -n "$new" ]; then
    echo "FAIL: names not read as expected and not listed in test/country_producers.expected:"
    echo "$new" | sed 's/^/  /'; fail=1
fi
fixed=$(psql_val "$db" "
SELECT format('%s | %s | %s', k.producer, k.name, k.expected)
  FROM known_misses k JOIN outcome o USING (producer, name, expected)
 WHERE o.got = o.expected ORDER BY 1") || exit 1
if [ -n "$fixed" ]; then
    echo "now read as expected (remove from test/country_producers.expected):"
    echo "$fixed" | sed 's/^/  /'
fi
stale=$(psql_val "$db" "
SELECT format('%s | %s', k.producer, k.name) FROM known_misses k
 WHERE NOT EXISTS (SELECT 1 FROM producer_names p WHERE (p.producer, p.name, p.expected) = (k.producer, k.name, k.expected))") || exit 1
if [ -n "$stale" ]; then
    echo "FAIL: test/country_producers.expected lists rows that are not in the data:"
    echo "$stale" | sed 's/^/  /'; fail=1
fi
exit $fail
