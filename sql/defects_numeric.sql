-- Numeric edges of the survey summaries: totals past 2^63 - 1, beta
-- quantiles up to the largest count, survey weights at any scale.
SET search_path = iscm, public;

-- 1. Rolled-up totals that pass 2^63 - 1 are 22003, not a damaged value.
CREATE TEMP TABLE big AS
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 6000000000000000000, "missing": 0, "counts": {"yes": 6000000000000000000}}'::answer_summary AS s
UNION ALL
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 0, "missing": 4000000000000000000, "counts": {}}'::answer_summary;
SELECT rollup(s) FROM big;
SELECT rollup(s) FROM (SELECT s FROM big UNION ALL SELECT s FROM big) q;
-- a text form whose totals pass 2^63 - 1 is refused as such
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 6000000000000000000, "missing": 4000000000000000000, "counts": {"yes": 6000000000000000000}}'::answer_summary;

-- Transition cells summing past 2^63 - 1: refused on input (pairs() could not count them) ...
SELECT '{"format": 1, "transitions": [["a", "b", 9223372036854775807], ["b", "a", 1]]}'::transition_summary;
-- ... and by rollup, with 22003; up to 2^63 - 1 in all they are fine
SELECT rollup(t) FROM (VALUES ('{"format": 1, "transitions": [["a", "b", 5000000000000000000]]}'::transition_summary),
                              ('{"format": 1, "transitions": [["b", "a", 5000000000000000000]]}')) v(t);
SELECT pairs(t), mcnemar(t, 'a', 'asymptotic')
  FROM (VALUES ('{"format": 1, "transitions": [["a", "b", 9223372036854775806], ["b", "a", 1]]}'::transition_summary)) v(t);

-- 2. Clopper-Pearson and Jeffreys limits against reference quantiles.  The
-- references are R 4.2 qbeta() up to n = 1e16; for n = 2^63 - 1, where qbeta()
-- fails, mpmath at 40 digits (the Cornish-Fisher expansion of the beta
-- quantile for x = 0.3 n, whose first omitted term is below 1e-28; the
-- regularized incomplete beta, mpmath.betainc, for x = 5).  Every limit must agree to
-- 1e-13 relative.
CREATE TEMP TABLE reference (x bigint, n bigint, method text, lower float8, upper float8);
INSERT INTO reference VALUES
    (26, 53, 'clopper_pearson', 0.35061843971063966, 0.63160460603179791),
    (26, 53, 'jeffreys', 0.35948405541701173, 0.62264756463866466),
    (1, 10, 'clopper_pearson', 0.0025285785444617865, 0.44501611702819543),
    (1, 10, 'jeffreys', 0.011011673763161155, 0.38131477106661638),
    (0, 1000000, 'clopper_pearson', 0, 3.6888726502064855e-06),
    (0, 1000000, 'jeffreys', 0, 2.5119393107467855e-06),
    (30000000000000, 100000000000000, 'clopper_pearson', 0.29999991018316757, 0.30000008981684401),
    (30000000000000, 100000000000000, 'jeffreys', 0.29999991018317257, 0.30000008981683901),
    (3000000000000000, 10000000000000000, 'clopper_pearson', 0.29999999101831665, 0.30000000898168377),
    (3000000000000000, 10000000000000000, 'jeffreys', 0.29999999101831681, 0.30000000898168355),
    (2767011611056432742, 9223372036854775807, 'clopper_pearson', 0.2999999997042580945, 0.30000000029574191669),
    (2767011611056432742, 9223372036854775807, 'jeffreys', 0.2999999997042580945, 0.30000000029574191669),
    (5, 9223372036854775807, 'clopper_pearson', 1.7601874711670411436e-19, 1.2650830989683940255e-18),
    (5, 9223372036854775807, 'jeffreys', 2.0685212723660727844e-19, 1.1882882514894233505e-18);
CREATE TEMP TABLE measured AS
SELECT r.*, s, ci(s, 'yes', r.method) AS ci
  FROM reference r,
       LATERAL (SELECT format('{"format": 1, "kind": "single", "weighted": false, "respondents": %s, "missing": 0, "counts": {"yes": %s, "no": %s}}',
                              r.n, r.x, r.n - r.x)::answer_summary AS s) q;
SELECT x, n, method,
       abs((ci).lower - lower) <= 1e-13 * lower AS lower_ok,
       abs((ci).upper - upper) <= 1e-13 * upper AS upper_ok,
       (ci).lower <= (ci).estimate AND (ci).estimate <= (ci).upper AS contains_estimate
  FROM measured ORDER BY n, x, method;
-- the limits never cross (at n = 2^63 - 1 they once did)
SELECT x, n, method, (ci).lower < (ci).upper AS ordered FROM measured WHERE x > 0 ORDER BY n, x, method;

-- 3. Weights at any scale.  Shares and the effective sample size do not
-- depend on the scale of the weights; their squares leave the double range
-- below about 1e-154 and above 1e154, where the summary keeps the mean square
-- weight (weight_sq_mean) instead of their sum.
CREATE TEMP TABLE scales (scale float8);
INSERT INTO scales VALUES (1e-300), (1e-200), (1e-160), (1e-100), (1), (1e100), (1e154), (1e200), (1e300);
CREATE TEMP TABLE weighted AS
SELECT scale, answer_agg(a, w * scale) AS s
  FROM scales, (VALUES ('yes', 1.0), ('yes', 2.0), ('no', 3.0)) v(a, w)
 GROUP BY scale;
SELECT scale, round(effective_n(s)::numeric, 12) AS n_eff, share(s, 'yes') AS share_yes,
       round(ci_lower(s, 'yes')::numeric, 12) AS wilson_lower,
       s::text LIKE '%weight_sq_mean%' AS keeps_mean
  FROM weighted ORDER BY scale;
-- three respondents of weight 1e-200: n = 3, though each square underflows to 0
SELECT effective_n(answer_agg(a, 1e-200)) FROM (VALUES ('yes'), ('no'), ('yes')) v(a);
-- weights of every scale in one summary: the largest dominate
SELECT effective_n(answer_agg(a, w)), share(answer_agg(a, w), 'big')
  FROM (VALUES ('small', 1e-300), ('big', 1e300), ('big', 1e300), ('small', 1.0)) v(a, w);
-- text round trips, rollup and parallel plans keep the figures
SELECT scale, s::text::answer_summary::text = s::text AS text_round_trip,
       effective_n(rollup(s) OVER (PARTITION BY scale)) = effective_n(s) AS rollup_keeps_n
  FROM weighted ORDER BY scale;
SELECT scale, round(effective_n(rollup(s))::numeric, 12) AS n_eff, share(rollup(s), 'yes') AS share_yes
  FROM (SELECT scale, s FROM weighted UNION ALL SELECT scale, s FROM weighted) q
 GROUP BY scale ORDER BY scale;
CREATE TEMP TABLE many AS
SELECT i, CASE WHEN i % 3 = 0 THEN 'no' ELSE 'yes' END AS a, (1 + i % 5) * 1e-200 AS w
  FROM generate_series(1, 30000) i;
ANALYZE many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT round(effective_n(answer_agg(a, w))::numeric, 6) AS parallel_n_eff,
       round(effective_n(answer_agg(a, w * 1e200))::numeric, 6) AS unit_scale_n_eff
  FROM many;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- the text form: weight_sq_mean is read, kept only where it is needed, and checked
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 2e-200, "weight_sq_mean": 1e-200, "counts": {"yes": 2}, "weights": {"yes": 2e-200}}'::answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_mean": 2, "counts": {"yes": 2}, "weights": {"yes": 4}}'::answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 2e-200, "weight_sq_mean": 3e-200, "counts": {"yes": 2}, "weights": {"yes": 2e-200}}'::answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": true, "respondents": 2, "missing": 0, "weight_sum": 4, "weight_sq_sum": 8, "weight_sq_mean": 2, "counts": {"yes": 2}, "weights": {"yes": 4}}'::answer_summary;
