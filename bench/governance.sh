#!/bin/bash
# Governance registry benchmark, on generated user rows (60 mechanisms, 150
# States, two non-overlapping membership periods per State and mechanism):
#
#   overlap matrix   iscm.membership_overlap(date) — country_set_agg per
#                    mechanism, then & / cardinality / jaccard per pair —
#                    against the plain-SQL baseline: a self-join of the
#                    participations valid on the date, grouped by pair.
#   loading          inserting the same rows into iscm.participations (seed
#                    guard, period normalization and the overlap check with
#                    its advisory lock) against a plain table of the same
#                    shape without triggers.
#
# Every figure is the best of several runs, printed with its ratio to the
# baseline measured in the same run; the answers of both methods are compared
# before any time is printed.  Run with tools/run-bench governance.
set -eu
REPS=${ISCM_BENCH_REPS:-5}

psql -X -q -v ON_ERROR_STOP=1 -v reps="$REPS" <<'SQL'
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_gov CASCADE;
CREATE SCHEMA bench_gov;
SET search_path = bench_gov, iscm, public;
SET max_parallel_workers_per_gather = 0;

\o /dev/null
SELECT setseed(0.17);
DELETE FROM iscm.participations WHERE mechanism LIKE 'BENCH-%';
DELETE FROM iscm.mechanisms WHERE code LIKE 'BENCH-%';
INSERT INTO iscm.mechanisms (code, name, kind, founded, source)
SELECT format('BENCH-%s', m), format('Bench mechanism %s', m), 'regional consultative process', '1990', 'bench'
  FROM generate_series(1, 60) m;

-- 150 current States (alpha-3 order), each in a random third of the mechanisms,
-- with two periods: [y1, y2] and [y2 + 2, open).
CREATE TABLE states AS
SELECT row_number() OVER (ORDER BY alpha3) AS pos, alpha3::iscm.country AS c
  FROM iscm.countries WHERE NOT is_former AND alpha3 IS NOT NULL ORDER BY alpha3 LIMIT 150;
CREATE TABLE rows_to_load AS
SELECT mechanism, state, y1, y1 + (random() * 10)::int AS y2
  FROM (SELECT format('BENCH-%s', m) AS mechanism, s.c AS state, 1990 + (random() * 15)::int AS y1
          FROM generate_series(1, 60) m, states s
         WHERE random() < 0.33) AS r;
CREATE TABLE plain (LIKE iscm.participations INCLUDING DEFAULTS);

CREATE FUNCTION best_ms(q text, reps int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best float8 := 'Infinity';
BEGIN
    EXECUTE q;                                    -- warm caches
    FOR i IN 1 .. reps LOOP
        t0 := clock_timestamp();
        EXECUTE q;
        best := least(best, 1000 * extract(epoch FROM clock_timestamp() - t0)::float8);
    END LOOP;
    RETURN best;
END $$;
CREATE FUNCTION answer(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN EXECUTE q INTO r; RETURN r; END $$;

-- ---- loading ----------------------------------------------------------------------
CREATE TABLE load_times (ord int, name text, rows bigint, ms float8);
CREATE FUNCTION load_into(target text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE format($q$
        INSERT INTO %s (mechanism, state, role, start_date, end_date, source)
        SELECT mechanism, state, 'member', y1::text, y2::text, 'bench' FROM bench_gov.rows_to_load
        UNION ALL
        SELECT mechanism, state, 'member', (y2 + 2)::text, NULL, 'bench' FROM bench_gov.rows_to_load$q$, target);
    RETURN 1000 * extract(epoch FROM clock_timestamp() - t0)::float8;
END $$;
INSERT INTO load_times SELECT 1, 'iscm.participations (checks)', 2 * (SELECT count(*) FROM rows_to_load), load_into('iscm.participations');
INSERT INTO load_times SELECT 2, 'plain table, no triggers', 2 * (SELECT count(*) FROM rows_to_load), load_into('bench_gov.plain');
ANALYZE iscm.participations;

-- ---- overlap matrix ---------------------------------------------------------------
CREATE TABLE results (label text, ord int, name text, answer text, ms float8);
CREATE TABLE question (label text, d date);
INSERT INTO question VALUES ('2000-06-30', '2000-06-30'), ('2010-06-30', '2010-06-30'), ('2024-06-30', '2024-06-30');
CREATE TABLE method (ord int, name text, q text);
INSERT INTO method VALUES
  (1, 'membership_overlap (country_set)',
   $q$SELECT count(*) || '/' || sum(shared) || '/' || round(sum(jaccard)::numeric, 6) FROM iscm.membership_overlap(%L)$q$),
  (2, 'SQL self-join',
   $q$WITH m AS (SELECT mechanism, state FROM iscm.participations WHERE role = 'member' AND state IS NOT NULL AND period @> %1$L::date),
           n AS (SELECT mechanism, count(*) AS k FROM m GROUP BY mechanism),
           s AS (SELECT a.mechanism AS ma, b.mechanism AS mb, count(*) AS shared FROM m a JOIN m b ON a.state = b.state GROUP BY 1, 2),
           x AS (SELECT na.mechanism AS ma, nb.mechanism AS mb, coalesce(s.shared, 0) AS shared,
                        coalesce(s.shared, 0)::float8 / (na.k + nb.k - coalesce(s.shared, 0)) AS jaccard
                   FROM n na CROSS JOIN n nb LEFT JOIN s ON s.ma = na.mechanism AND s.mb = nb.mechanism)
      SELECT count(*) || '/' || sum(shared) || '/' || round(sum(jaccard)::numeric, 6) FROM x$q$);
SELECT set_config('bench.reps', :'reps', false);
DO $$
DECLARE qn record; m record; q text; reps int := current_setting('bench.reps')::int;
BEGIN
    FOR qn IN SELECT * FROM bench_gov.question LOOP
        FOR m IN SELECT * FROM bench_gov.method ORDER BY ord LOOP
            q := format(m.q, qn.d);
            INSERT INTO bench_gov.results VALUES (qn.label, m.ord, m.name, bench_gov.answer(q), bench_gov.best_ms(q, reps));
        END LOOP;
    END LOOP;
END $$;
\o

\echo
\echo 'Loading membership rows (ratio = time / plain-table time)'
SELECT l.name AS target, l.rows, round(l.ms::numeric, 1) AS ms,
       round((l.ms / b.ms)::numeric, 2) AS ratio, round((1000 * l.ms / l.rows)::numeric, 1) AS us_per_row
  FROM load_times l, load_times b WHERE b.ord = 2 ORDER BY l.ord;

\echo
\echo 'Overlap matrix of 60 mechanisms on a date (best of' :reps 'runs; ratio = time / SQL self-join time)'
SELECT r.label AS on_date, r.name AS method, r.answer AS "pairs/shared/sum(jaccard)",
       CASE WHEN r.answer = b.answer THEN 'ok' ELSE 'MISMATCH' END AS check,
       round(r.ms::numeric, 2) AS ms, round((r.ms / b.ms)::numeric, 2) AS ratio
  FROM results r JOIN results b ON b.label = r.label AND b.ord = 2
 ORDER BY r.label, r.ord;

DELETE FROM iscm.participations WHERE mechanism LIKE 'BENCH-%';
DELETE FROM iscm.mechanisms WHERE code LIKE 'BENCH-%';
DROP SCHEMA bench_gov CASCADE;
SQL
