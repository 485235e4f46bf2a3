-- GRIM consistency of published percentages and disclosure control.
CREATE SCHEMA survey_grim_test;
SET search_path = survey_grim_test, public;

-- Published vectors (Brown & Heathers 2017 and survey-statistics.md)
SELECT reported, n, iscm.grim_consistent(reported, n) AS consistent, expected,
       iscm.grim_consistent(reported, n) = expected AS ok
  FROM (VALUES ('32.5', 438, false), ('35.6', 455, true), ('21.7', 501, false), ('39.3', 516, true),
               ('71', 43, false), ('69.8', 43, true), ('72.1', 43, true), ('70', 43, true)) v(reported, n, expected);
-- "11%" with n <= 60: exactly (1,9), (2,18-19), (3,27-28), (4,35-38), (5,44-47), (6,53-57)
SELECT string_agg(format('(%s,%s)', k, n), ' ' ORDER BY n, k) FROM iscm.grim_candidates('11%', 60);
-- With n = 53, 47 of the 101 integer percentages are impossible
SELECT count(*) FILTER (WHERE NOT iscm.grim_consistent(p::text, 53)) AS impossible FROM generate_series(0, 100) p;
-- The 2008 GFMD paper (seed 004) reports shares "of the States that responded" (53):
-- 26 of 53 = 49%, 77% and 79% fit; 84%, 73%, 67%, 82% and 90% cannot come from 53 respondents
-- (those items had item non-response; the last column lists denominators that fit).
SELECT reported, iscm.grim_consistent(reported, 53) AS fits_53,
       (SELECT string_agg(format('%s/%s', k, n), ' ' ORDER BY n DESC) FROM iscm.grim_candidates(reported, 53)
         WHERE n >= 45) AS denominators_45_to_53
  FROM unnest(ARRAY['49', '84', '77', '79', '73', '67', '82', '90']) reported;
-- decimals matter: 84 vs 84.0 (84.0 needs the rounding to one decimal)
SELECT iscm.grim_consistent('84', 53) AS "84", iscm.grim_consistent('84.0', 53) AS "84.0",
       iscm.grim_consistent('84.9', 53) AS "84.9", iscm.grim_consistent(' 84.9 % ', 53) AS "blanks and %";
-- half up: 1/8 = 12.5% rounds to 13, 1/40 = 2.5% to 3
SELECT iscm.grim_consistent('13', 8), iscm.grim_consistent('12', 8), iscm.grim_consistent('3', 40),
       iscm.grim_consistent('2', 40);
-- 0% and 100% are always consistent; candidates are exhaustive against brute force
SELECT iscm.grim_consistent('0', 7), iscm.grim_consistent('100', 7), iscm.grim_consistent('100.000', 999999);
SELECT count(*) AS mismatches
  FROM generate_series(1, 120) n, generate_series(0, 100) p
 WHERE iscm.grim_consistent(p::text, n)
       <> EXISTS (SELECT 1 FROM generate_series(0, n) k WHERE round(100.0 * k / n) = p);
SELECT count(*) AS mismatches
  FROM generate_series(1, 60) n, generate_series(0, 1000) p10
 WHERE iscm.grim_consistent(to_char(p10 / 10.0, 'FM990.0'), n)
       <> EXISTS (SELECT 1 FROM generate_series(0, n) k WHERE round(1000.0 * k / n) = p10);
SELECT (SELECT count(*) FROM iscm.grim_candidates('33.3', 200))
     = (SELECT count(*) FROM generate_series(1, 200) n, generate_series(0, n) k WHERE round(1000.0 * k / n) = 333)
       AS candidates_exhaustive;
-- errors
SELECT iscm.grim_consistent('101', 10);
SELECT iscm.grim_consistent('12.1234567', 10);
SELECT iscm.grim_consistent('about 12', 10);
SELECT iscm.grim_consistent('84.', 10);
SELECT iscm.grim_consistent('84', 0);
SELECT * FROM iscm.grim_candidates('84', -1);
-- max_n is bounded: the list grows with max_n squared (this once ran 501 s and filled the disk)
SELECT count(*) FROM iscm.grim_candidates('50', 1000000);
SELECT count(*) FROM iscm.grim_candidates('50', 10001);
SELECT count(*) AS candidates_at_the_bound FROM iscm.grim_candidates('50', 10000);

-- Rounding rules.  1/8 = 12.5%: half up and ceiling give 13, half down, half
-- even (12 is even) and truncation give 12.
SELECT reported, iscm.grim_roundings(reported, 8) AS roundings,
       iscm.grim_consistent(reported, 8, 'half_up') AS half_up, iscm.grim_consistent(reported, 8, 'half_down') AS half_down,
       iscm.grim_consistent(reported, 8, 'half_even') AS half_even, iscm.grim_consistent(reported, 8, 'truncate') AS truncate,
       iscm.grim_consistent(reported, 8, 'ceiling') AS ceiling
  FROM unnest(ARRAY['12', '13', '37.5', '38', '37', '100', '0']) reported;
-- 3/8 = 37.5%: half even goes to 38, as 37 is odd
SELECT iscm.grim_consistent('38', 8, 'half_even') AS "38", iscm.grim_consistent('37', 8, 'half_even') AS "37";
-- every rule against brute force in exact numeric (half even by the parity of the floor at a tie)
SELECT rule, count(*) AS mismatches
  FROM unnest(ARRAY['half_up', 'half_down', 'half_even', 'truncate', 'ceiling']) rule,
       generate_series(1, 60) n, generate_series(0, 1000) p10
 WHERE iscm.grim_consistent(to_char(p10 / 10.0, 'FM990.0'), n, rule)
       <> EXISTS (SELECT 1 FROM generate_series(0, n) k,
                         LATERAL (SELECT 1000.0 * k / n AS t, floor(1000.0 * k / n) AS f) x
                   WHERE CASE rule
                             WHEN 'half_up' THEN floor(t + 0.5)
                             WHEN 'half_down' THEN ceil(t - 0.5)
                             WHEN 'half_even' THEN CASE WHEN t - f = 0.5 THEN f + (f::int8 % 2) ELSE round(t) END
                             WHEN 'truncate' THEN f
                             WHEN 'ceiling' THEN ceil(t) END = p10)
 GROUP BY rule ORDER BY rule;
-- the two-argument forms round half up
SELECT count(*) FILTER (WHERE iscm.grim_consistent(p::text, n) <> iscm.grim_consistent(p::text, n, 'half_up')) AS differ
  FROM generate_series(1, 80) n, generate_series(0, 100) p;
SELECT (SELECT array_agg(c ORDER BY c) FROM iscm.grim_candidates('33.3', 200) c)
     = (SELECT array_agg(c ORDER BY c) FROM iscm.grim_candidates('33.3', 200, 'HALF_UP') c) AS candidates_half_up;
SELECT (SELECT count(*) FROM iscm.grim_candidates('33.3', 200, 'truncate'))
     = (SELECT count(*) FROM generate_series(1, 200) n, generate_series(0, n) k WHERE floor(1000.0 * k / n) = 333)
       AS candidates_truncate;
SELECT string_agg(format('(%s,%s)', k, n), ' ' ORDER BY n, k) FROM iscm.grim_candidates('12', 9, 'ceiling');
-- names in any case and scrutiny's synonyms; "up" and "down" are refused as ambiguous
SELECT iscm.grim_consistent('13', 8, 'Half_Up') AS half_up, iscm.grim_consistent('12', 8, 'EVEN') AS even,
       iscm.grim_consistent('12', 8, 'floor') AS floor, iscm.grim_consistent('12', 8, 'trunc') AS trunc,
       iscm.grim_consistent('13', 8, 'ceil') AS ceil, iscm.grim_consistent('13', 8, 'anti_trunc') AS anti_trunc;
\set VERBOSITY default
SELECT iscm.grim_consistent('13', 8, 'up');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM iscm.grim_candidates('13', 8, 'banker');
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.grim_roundings('13', 0);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.grim_roundings('1.2.3', 8);
\echo :LAST_ERROR_SQLSTATE

-- The seed figures under every rule: half_up agrees with published_figure_check,
-- and the figures that only another rule makes possible are listed.
SELECT count(*) AS percentages,
       count(*) FILTER (WHERE r.half_up IS NOT DISTINCT FROM c.percent_consistent) AS half_up_as_check,
       count(*) FILTER (WHERE r.possible_roundings = '') AS under_no_rule,
       count(*) FILTER (WHERE NOT r.half_up AND r.possible_roundings <> '') AS under_another_rule_only
  FROM iscm.published_figure_roundings r
  JOIN iscm.published_figure_check c USING (survey, figure)
 WHERE r.possible_roundings IS NOT NULL;
SELECT survey, figure, percent, stated_n, possible_roundings
  FROM iscm.published_figure_roundings
 WHERE NOT half_up AND possible_roundings <> ''
 ORDER BY survey, figure;

-- Disclosure control: counts 0 < c < threshold are not published; 0 is
-- (an empty cell names nobody), as in survey_table; a negative count is an error
SELECT c, iscm.suppress(c, 5) FROM (VALUES (0::int8), (1), (4), (5), (26)) v(c);
SELECT iscm.suppress(-1, 5);
SELECT iscm.suppress(3, 0);
SELECT iscm.suppress(3, -1);
SELECT iscm.describe(s, 'yes', 5), iscm.describe(s, 'no', 5), iscm.describe(s, 'no', 0)
  FROM (SELECT iscm.answer_agg(a) AS s FROM (VALUES ('yes'), ('yes'), ('no'), ('no'), ('no'), ('no'), ('no')) v(a)) q;

DROP SCHEMA survey_grim_test CASCADE;
