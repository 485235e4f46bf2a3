-- iscm.design_sample: design_quantile_agg and the svyquantile accessors
-- (figures against R: test/survey_quantile_r.sh), and svyciprop's likelihood
-- interval on a design_summary.

-- weighted quantiles: 1..10 with weight 1 (R's qs(): p = 0.5 reaches 5 exactly)
CREATE TEMP TABLE u AS SELECT g::float8 AS y, 1::float8 AS w FROM generate_series(1, 10) g;
SELECT p, iscm.quantile(s, p)
  FROM (SELECT iscm.design_quantile_agg(y, w) AS s FROM u) x,
       unnest(ARRAY[0, 0.05, 0.1, 0.15, 0.5, 0.55, 0.9, 1]::float8[]) p;
-- weights move the quantile; zero weights do not count; NULL values are outside the domain
SELECT iscm.quantile(iscm.design_quantile_agg(y, w), 0.5) AS weighted,
       iscm.quantile(iscm.design_quantile_agg(y, CASE WHEN y > 5 THEN 0 ELSE w END), 1) AS zero_weights_skipped,
       iscm.quantile(iscm.design_quantile_agg(CASE WHEN y > 8 THEN NULL ELSE y END, w), 1) AS null_values_outside
  FROM (SELECT y, CASE WHEN y = 10 THEN 20 ELSE 1 END::float8 AS w FROM u) v;

-- a stratified cluster design
CREATE TEMP TABLE s AS
SELECT g, CASE WHEN g % 13 = 0 THEN NULL ELSE (g * 37 % 101)::float8 END AS y, (1 + g % 3)::float8 AS w,
       'h' || g % 4 AS stratum, 'p' || g % 9 AS psu, (CASE g % 4 WHEN 0 THEN 40 ELSE 30 END)::float8 AS pop
  FROM generate_series(1, 400) g;
SELECT p, iscm.quantile(x, p), round(iscm.quantile_se(x, p)::numeric, 10) AS se,
       iscm.quantile_ci_lower(x, p), iscm.quantile_ci_upper(x, p, 0.9)
  FROM (SELECT iscm.design_quantile_agg(y, w, stratum, psu, pop) AS x FROM s) z,
       unnest(ARRAY[0.1, 0.5, 0.9, 1]::float8[]) p;
-- an interval of svymean(y <= q) past 0 or 1: NULL limit and SE, as R's NaN
SELECT p, iscm.quantile(x, p), iscm.quantile_ci_lower(x, p) AS lower, iscm.quantile_ci_upper(x, p) AS upper,
       iscm.quantile_se(x, p) AS se
  FROM (SELECT iscm.design_quantile_agg(y, w) AS x FROM u) z, unnest(ARRAY[0.1, 0.95]::float8[]) p;

-- zero rows: an empty sample, figures NULL
SELECT iscm.design_quantile_agg(y, w) AS empty FROM u WHERE false;
SELECT iscm.quantile(iscm.design_quantile_agg(y, w), 0.5) AS none,
       iscm.quantile_se(iscm.design_quantile_agg(y, w), 0.5) AS none_se FROM u WHERE false;
SELECT iscm.quantile(iscm.design_quantile_agg(NULL::float8, w, 'a', 'b'), 0.5) AS only_missing FROM u;

-- parallel and partial aggregation give the same sample as the serial plan
CREATE TEMP TABLE big AS
SELECT g % 5 AS q, (g * 7919 % 10007)::float8 / 7 AS y, 0.5 + g % 9 AS w,
       'h' || (g % 5) AS stratum, CASE WHEN g % 11 = 0 THEN NULL ELSE 'p' || (g % 61) END AS psu
  FROM generate_series(1, 60000) g;
CREATE TEMP TABLE serial AS SELECT q, iscm.design_quantile_agg(y, w, stratum, psu)::text AS t FROM big GROUP BY q;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 4; SET parallel_leader_participation = off;
CREATE TABLE pbig_quantile AS SELECT * FROM big;
ANALYZE pbig_quantile;
CREATE FUNCTION pg_temp.plan_has(q text, pattern text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line ~ pattern THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;
SELECT pg_temp.plan_has('SELECT q, iscm.design_quantile_agg(y, w, stratum, psu) FROM pbig_quantile GROUP BY q',
                        'Partial') AS partial_plan;
SELECT count(*) AS groups, bool_and(p.t = s.t) AS parallel_equals_serial
  FROM (SELECT q, iscm.design_quantile_agg(y, w, stratum, psu)::text AS t FROM pbig_quantile GROUP BY q) p
  JOIN serial s USING (q);
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE pbig_quantile;

-- the Citus split: the transition function per partition, each state through
-- its text form, the combine function over the states, the final function;
-- equals the direct aggregate (built from the catalog, for each form)
CREATE SCHEMA qsplit;
CREATE TABLE qsplit.rows AS
SELECT g % 6 AS part, CASE WHEN g % 17 = 0 THEN NULL ELSE (g * 31 % 97)::float8 END AS y,
       (g % 4)::float8 AS w, CASE WHEN g % 3 = 0 THEN NULL ELSE 's' || g % 3 END AS stratum,
       CASE WHEN g % 7 = 0 THEN NULL ELSE 'p' || g % 7 END AS psu,
       CASE WHEN g % 3 = 0 THEN 50 ELSE 20 END::float8 AS pop
  FROM generate_series(1, 3000) g WHERE g % 6 <> 5;
CREATE FUNCTION qsplit.split(agg regprocedure, args text, OUT direct text, OUT split text)
LANGUAGE plpgsql AS $$
DECLARE
    a pg_aggregate;
    argtypes text := pg_get_function_identity_arguments(agg);
BEGIN
    SELECT * INTO a FROM pg_aggregate WHERE aggfnoid = agg;
    EXECUTE format('CREATE AGGREGATE qsplit.partial(%s) (SFUNC = %s, STYPE = %s)',
                   argtypes, a.aggtransfn::regproc, a.aggtranstype::regtype);
    EXECUTE format('CREATE AGGREGATE qsplit.combine(%s) (SFUNC = %s, STYPE = %s, FINALFUNC = %s)',
                   a.aggtranstype::regtype, a.aggcombinefn::regproc, a.aggtranstype::regtype, a.aggfinalfn::regproc);
    EXECUTE format('SELECT (%s(%s))::text FROM qsplit.rows t', agg::regproc, args) INTO direct;
    EXECUTE format('SELECT (qsplit.combine(p::%s))::text
                      FROM generate_series(0, 5) parts(part),
                           LATERAL (SELECT (qsplit.partial(%s))::text AS p FROM qsplit.rows t
                                     WHERE t.part = parts.part) partial',
                   a.aggtranstype::regtype, args) INTO split;
    EXECUTE format('DROP AGGREGATE qsplit.partial(%s)', argtypes);
    EXECUTE format('DROP AGGREGATE qsplit.combine(%s)', a.aggtranstype::regtype);
END $$;
SELECT c.agg, s.split = s.direct AS split_equals_direct, length(s.direct) / 2 AS bytes,
       iscm.quantile(s.split::iscm.design_sample, 0.5) AS median
  FROM (VALUES ('iscm.design_quantile_agg(float8, float8)'::regprocedure, 'y, w'),
               ('iscm.design_quantile_agg(float8, float8, text, text)', 'y, w, stratum, psu'),
               ('iscm.design_quantile_agg(float8, float8, text, text, float8)', 'y, w, stratum, psu, pop')) c(agg, args),
       qsplit.split(c.agg, c.args) s;
DROP SCHEMA qsplit CASCADE;

-- text form round trip; binary round trip
SELECT iscm.design_quantile_agg(y, w, st, p, f)::text
  FROM (VALUES (2.5::float8, 1.5::float8, 'a', '1', 10::float8), (NULL, 2, 'a', '2', 10), (-1, 0, 'b', NULL, 10)) v(y, w, st, p, f);
CREATE TEMP TABLE d AS SELECT iscm.design_quantile_agg(y, w, stratum, psu, pop) AS x FROM s;
SELECT x::text::iscm.design_sample::text = x::text AS text_round_trip,
       iscm.design_sample_send(x) = iscm.design_sample_send(x::text::iscm.design_sample) AS send_stable
  FROM d;
\getenv abs_srcdir PG_ABS_SRCDIR
\set copy_binary :abs_srcdir '/test/lib/copy_binary.sql'
\i :copy_binary
CREATE FUNCTION pg_temp.receive(payload bytea) RETURNS text LANGUAGE sql
    RETURN pg_temp.copy_binary_receive(payload, 'iscm.design_sample');
SELECT pg_temp.receive(iscm.design_sample_send(x)) = x::text AS binary_round_trip FROM d;
SELECT pg_temp.receive('\x02'::bytea) AS bad_version;
SELECT pg_temp.receive('\x01'::bytea) AS truncated;
SELECT pg_temp.receive('\x01010000000000000000'::bytea) AS bad_flags;
-- every truncation and single-byte change is refused or valid, never a crash
CREATE TEMP TABLE small AS
SELECT iscm.design_sample_send(iscm.design_quantile_agg(y, w, st, p)) AS b
  FROM (VALUES (1.5::float8, 1.5::float8, 'a', '1'), (2, 0, 'a', '2'), (NULL, 1, 'b', '1'), (0.5, 2, 'b', NULL)) v(y, w, st, p);
SELECT count(*) AS truncations, count(*) FILTER (WHERE r LIKE '22P03%') AS refused
  FROM small, generate_series(0, length(b) - 1) n,
       LATERAL (SELECT pg_temp.receive(substr(b, 1, n)) AS r) x;
SELECT count(*) AS mutations, count(*) FILTER (WHERE r LIKE '22P03%') AS refused,
       count(*) FILTER (WHERE r NOT LIKE '22P03%' AND r::iscm.design_sample::text = r) AS accepted
  FROM small, generate_series(0, length(b) - 1) n, unnest(ARRAY[0, 1, 127, 255]) v,
       LATERAL (SELECT pg_temp.receive(set_byte(b, n, v)) AS r) x;

-- errors
\set VERBOSITY default
SELECT 'zz'::iscm.design_sample;
\echo :LAST_ERROR_SQLSTATE
SELECT '010'::iscm.design_sample;
SELECT '0200'::iscm.design_sample;
SELECT iscm.design_quantile_agg(1, NULL::float8);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.design_quantile_agg(1, -1::float8);
SELECT iscm.design_quantile_agg('Infinity'::float8, 1);
SELECT iscm.design_quantile_agg(1, 'NaN'::float8, 'a', 'b');
SELECT iscm.design_quantile_agg(1, 1, 'a', 'b', 0);
SELECT iscm.design_quantile_agg(1, 1, 'a', 'b', NULL::float8);
SELECT iscm.design_quantile_agg(1, 1, 'a', 'b' || g, g::float8) FROM generate_series(1, 2) g;
SELECT iscm.quantile(x, 1.5) FROM d;
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.quantile(x, 'NaN') FROM d;
SELECT iscm.quantile_se(x, 0.5, 1) FROM d;
SELECT iscm.quantile_ci_lower(x, 0.5, 0.95, 'drop') FROM d;
SELECT iscm.quantile_se(iscm.design_quantile_agg(y, 1, st, p), 0.5)
  FROM (VALUES (1::float8, 'a', '1'), (2, 'a', '2'), (3, 'b', '1')) v(y, st, p);
\echo :LAST_ERROR_SQLSTATE
SELECT round(iscm.quantile_se(x, 0.5, 0.95, 'remove')::numeric, 10) AS remove,
       round(iscm.quantile_se(x, 0.5, 0.95, 'ADJUST')::numeric, 10) AS adjust
  FROM (SELECT iscm.design_quantile_agg(y, 1, st, p) AS x
          FROM (VALUES (1::float8, 'a', '1'), (2, 'a', '2'), (3, 'b', '1'), (4, 'a', '1'), (5, 'a', '2')) v(y, st, p)) z;
SELECT iscm.quantile_se(iscm.design_quantile_agg(y, 1, st, '1', f), 0.5)
  FROM (VALUES (1::float8, 'a', 0.5::float8), (2, 'b', 20)) v(y, st, f);
SELECT iscm.quantile_se(iscm.design_quantile_agg(y, 1, 'a', p, 2), 0.5)
  FROM (VALUES (1::float8, '1'), (2, '2'), (3, '3')) v(y, p);
\set VERBOSITY terse

-- svyciprop(method = "likelihood") on a design_summary (figures against R:
-- test/survey_quantile_r.sh): inside the logit interval's neighbourhood, NULL
-- where R has no interval
CREATE TEMP TABLE a AS
SELECT (ARRAY['yes', 'no', 'no', 'intends'])[1 + g * 7 % 4] AS answer, (1 + g % 5)::float8 AS w,
       'h' || g % 3 AS stratum, 'p' || g % 8 AS psu
  FROM generate_series(1, 300) g;
SELECT c.category, round(iscm.share(s, c.category)::numeric, 10) AS share,
       round((iscm.ci(s, c.category, 'likelihood')).lower::numeric, 10) AS lower,
       round((iscm.ci(s, c.category, 'LIKELIHOOD', 0.99)).upper::numeric, 10) AS upper_99,
       iscm.ci_lower(s, c.category, 'likelihood') < iscm.share(s, c.category) AS below_share
  FROM (SELECT iscm.design_agg(answer, w, stratum, psu) AS s FROM a) x,
       (VALUES ('yes'), ('no'), ('intends')) c(category);
-- p = 1; one PSU in each stratum (df = 0, R: "zero or negative denominator df"): no interval
SELECT iscm.ci_lower(iscm.design_agg('yes', 1, 'a', 'b'), 'yes', 'likelihood', 0.95, 'certainty') AS p_one,
       iscm.ci_upper(iscm.design_agg(answer, w, stratum, 'one'), 'yes', 'likelihood', 0.95, 'adjust') AS df_zero
  FROM a;
