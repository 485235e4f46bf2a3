-- Regression tests for the audit of the survey aggregates: percentages that
-- round to 0 or 100, inconsistent weights in the text and binary forms,
-- categories absent from a summary, the byte order of the binary form, and
-- weighted sums that do not depend on the grouping.
\set VERBOSITY default
SET extra_float_digits = 0;

-- 4. describe() never prints a false 0% or 100%
SELECT iscm.describe(s, 'a') AS one_of_300, iscm.describe(s, 'b') AS rest
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END) AS s
          FROM generate_series(1, 300) AS i) q;
SELECT iscm.describe(s, 'a') AS all_of_them
  FROM (SELECT iscm.answer_agg('a') AS s FROM generate_series(1, 300)) q;
SELECT iscm.describe(s, 'a') AS weighted_small, iscm.describe(s, 'b') AS weighted_large
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END, CASE WHEN i = 1 THEN 0.001 ELSE 1 END) AS s
          FROM generate_series(1, 10) AS i) q;
-- 0 < count < threshold is withheld, as iscm.suppress does; a zero is not
SELECT iscm.describe(s, 'a', 5) AS one, iscm.describe(s, 'b', 5) AS many
  FROM (SELECT iscm.answer_agg(CASE WHEN i = 1 THEN 'a' ELSE 'b' END) AS s
          FROM generate_series(1, 300) AS i) q;
