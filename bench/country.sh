#!/bin/bash
# Benchmark of iscm.country against PostgreSQL's own types, measured in one run
# on the same server, printed as ratios (lower is better):
#
#   parse alpha-3   count(x::iscm.country) over 1M alpha-3 codes
#                   vs count(x::int4) over 1M short integers (int4in)   target <= 1.0
#   parse names     count(x::iscm.country) over 1M English names
#                   vs the same integer baseline                        target <= 2.0
#   hash join       two 1M-row tables joined on iscm.country (hash semi join)
#                   vs the same rows joined on text alpha-3 codes       target <= 1.0
#
# Each candidate runs RUNS times (default 5) alternating with its baseline in
# one session, with EXPLAIN (ANALYZE, TIMING OFF); medians are compared.  Parallel query is off so both sides get
# one core.  Run against the private server of tools/run-tests:
#
#   ISCM_KEEP=1 tools/run-tests country && bench/country.sh
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1091
[ -z "${PGHOST:-}" ] && [ -f "$TOP/.tmp/env" ] && . "$TOP/.tmp/env"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-5}
DB=${ISCM_BENCH_DB:-iscm_bench}

psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

dropdb --if-exists "$DB" >/dev/null 2>&1 || true
createdb "$DB"
[ -n "${ISCM_BENCH_KEEP:-}" ] || trap 'dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT

psql_q <<SQL
CREATE EXTENSION iscm;
SET search_path = iscm, public;
-- Codes and names drawn from the countries the type knows; integers 1..999
-- written as text like the codes (1 to 3 characters).
CREATE TABLE codes AS SELECT code FROM countries WHERE NOT is_former AND length(code) = 3;
CREATE TABLE names AS SELECT name_en AS name FROM countries
  WHERE NOT is_former AND try_country(name_en) = code::country;
CREATE TABLE t_int AS
  SELECT (1 + (i * 7919::bigint) % 999)::text AS x FROM generate_series(1, $ROWS) i;
CREATE TABLE t_alpha3 AS
  SELECT (SELECT code FROM codes OFFSET (i * 7919::bigint) % (SELECT count(*) FROM codes) LIMIT 1) AS x
    FROM generate_series(1, 1000) i;
INSERT INTO t_alpha3 SELECT a.x FROM t_alpha3 a, generate_series(1, $ROWS / 1000 - 1);
CREATE TABLE t_name AS
  SELECT (SELECT name FROM names OFFSET (i * 7919::bigint) % (SELECT count(*) FROM names) LIMIT 1) AS x
    FROM generate_series(1, 1000) i;
INSERT INTO t_name SELECT a.x FROM t_name a, generate_series(1, $ROWS / 1000 - 1);
-- join inputs: the same codes as country and as text, two independent orders
CREATE TABLE j1_text AS SELECT x AS c FROM t_alpha3;
CREATE TABLE j2_text AS SELECT x AS c FROM t_alpha3 ORDER BY md5(x || random()::text);
CREATE TABLE j1_country AS SELECT c::country AS c FROM j1_text;
CREATE TABLE j2_country AS SELECT c::country AS c FROM j2_text;
VACUUM ANALYZE t_int, t_alpha3, t_name, j1_text, j2_text, j1_country, j2_country;
SQL

# Run a baseline and a candidate query alternately RUNS times in one session
# (so both see the same load on a shared machine); print the median execution
# times (ms) of each: "baseline candidate".
paired_medians() {
    local baseline=$1 candidate=$2 script
    script="SET search_path = iscm, public;
SET max_parallel_workers_per_gather = 0;
SET enable_mergejoin = off; SET enable_nestloop = off;
SET work_mem = '256MB';
"
    for _ in $(seq "$RUNS"); do
        script+="EXPLAIN (ANALYZE, TIMING OFF) $baseline;
EXPLAIN (ANALYZE, TIMING OFF) $candidate;
"
    done
    psql_q -At <<<"$script" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p' |
        awk '{ if (NR % 2) b[++nb] = $1; else c[++nc] = $1 }
             function median(a, n,   i, j, t) {
                 for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                 return a[int((n + 1) / 2)]
             }
             END { print median(b, nb), median(c, nc) }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

echo "iscm.country benchmark: $ROWS rows, median of $RUNS runs, parallel query off"
echo "plan of the joins:"
psql_q -At -c "SET search_path = iscm, public; SET max_parallel_workers_per_gather = 0; SET enable_mergejoin = off; SET enable_nestloop = off;
  EXPLAIN (COSTS OFF) SELECT count(*) FROM j1_country WHERE c IN (SELECT c FROM j2_country)" | sed 's/^/    /'

read -r int_ms alpha3_ms <<<"$(paired_medians "SELECT count(x::int4) FROM t_int" "SELECT count(x::iscm.country) FROM t_alpha3")"
read -r int2_ms name_ms <<<"$(paired_medians "SELECT count(x::int4) FROM t_int" "SELECT count(x::iscm.country) FROM t_name")"
read -r text_join_ms country_join_ms <<<"$(paired_medians \
    "SELECT count(*) FROM j1_text WHERE c IN (SELECT c FROM j2_text)" \
    "SELECT count(*) FROM j1_country WHERE c IN (SELECT c FROM j2_country)")"

printf '%-44s %10s ms\n' "baseline: text -> int4 (int4in)" "$int_ms"
printf '%-44s %10s ms   ratio %s  (target <= 1.0)\n' "text -> country, alpha-3 codes" "$alpha3_ms" "$(ratio "$alpha3_ms" "$int_ms")"
printf '%-44s %10s ms\n' "baseline: text -> int4 (int4in), again" "$int2_ms"
printf '%-44s %10s ms   ratio %s  (target <= 2.0)\n' "text -> country, English names" "$name_ms" "$(ratio "$name_ms" "$int2_ms")"
printf '%-44s %10s ms\n' "baseline: hash join on text alpha-3" "$text_join_ms"
printf '%-44s %10s ms   ratio %s  (target <= 1.0)\n' "hash join on country" "$country_join_ms" "$(ratio "$country_join_ms" "$text_join_ms")"
