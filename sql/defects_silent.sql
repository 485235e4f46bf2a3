-- Input that used to be accepted silently now gets a precise error, or is
-- accepted for the reason the reference docs give.
SET search_path = iscm, public;

-- A disposition summary lists every code: one left out is not read as 0.
SELECT '{"format": 1}'::disposition_summary;
SELECT '{"format": 1, "I": 3, "P": 0, "R": 0, "NC": 0, "O": 0, "UH": 0, "UO": 0}'::disposition_summary;
SELECT '{"format": 1, "I": 3, "P": 0, "R": 0, "NC": 0, "O": 0, "UH": 0, "UO": 0, "NE": 0}'::disposition_summary;

-- AAPOR interview codes have no sub-codes: 1.12 is refused, not read as 1.1
SELECT disposition_agg(d) FROM (VALUES ('1.12')) v(d);
SELECT disposition_agg(d) FROM (VALUES ('1.10')) v(d);
SELECT disposition_agg(d) FROM (VALUES ('1.0')) v(d);
SELECT disposition_agg(d) FROM (VALUES ('1.1'), ('1.2'), ('2.12'), ('2.111'), ('3.19'), ('4.70')) v(d);

-- An unweighted summary carries no weights: they would be dropped unread.
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"yes": 1}, "weights": {"yes": 7}}'::answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"yes": 1}, "weight_sum": 7}'::answer_summary;
SELECT '{"format": 1, "kind": "single", "weighted": false, "respondents": 1, "missing": 0, "counts": {"yes": 1}, "weight_sq_sum": 49}'::answer_summary;

-- A transition listed twice is refused, not merged.
SELECT '{"format": 1, "transitions": [["yes", "no", 2], ["yes", "no", 1]]}'::transition_summary;
-- Both answers missing is a respondent who skipped the item in both rounds:
-- kept (transition_agg counts such rows), shown by transitions(), never a pair.
SELECT t, pairs(t) FROM (VALUES ('{"format": 1, "transitions": [[null, null, 4], ["yes", "no", 1]]}'::transition_summary)) v(t);
SELECT * FROM transitions((SELECT transition_agg(a, b) FROM (VALUES (NULL, NULL), ('yes', 'no')) v(a, b)));

-- One respondent's choices are a list: a 2-D array is not flattened.
SELECT choices_agg(c) FROM (VALUES (ARRAY[['a', 'b'], ['c', 'd']])) v(c);
SELECT choices_agg(c, 1.0) FROM (VALUES (ARRAY[['a'], ['b']])) v(c);
SELECT choices_agg(c) FROM (VALUES (ARRAY['a', 'b']), ('{}'::text[])) v(c);

-- share_difference compares shares of one kind: of respondents (single
-- choice) or of respondents choosing (multiple choice), weighted or not.
CREATE TEMP TABLE rounds AS
SELECT answer_agg(a) AS single, choices_agg(ARRAY[a]) AS multiple, answer_agg(a, 1.0) AS weighted,
       (SELECT answer_agg(x) FROM (SELECT NULL::text AS x WHERE false) e) AS empty
  FROM (VALUES ('yes'), ('no'), ('yes')) v(a);
SELECT share_difference(single, multiple, 'yes') FROM rounds;
SELECT share_difference(single, weighted, 'yes') FROM rounds;
SELECT share_difference(multiple, weighted, 'yes') FROM rounds;
SELECT share_difference(single, single, 'yes') AS same_kind, share_difference(multiple, empty, 'yes') AS against_empty
  FROM rounds;

-- Numeric country codes are numbers: leading zeros carry nothing, as for int4
-- input (documented in doc/country.md).
SELECT v::country AS country, v::int AS as_int4
  FROM (VALUES ('250'), ('0250'), ('0000000000000000000000250')) v(v);

-- rollup adds weights as they are: summaries weighted on different scales
-- pool with the larger scale dominating (documented in doc/survey.md; rescale
-- first, e.g. so that each round's weights sum to its respondents).
SELECT share(rollup(s), 'yes') AS pooled_yes
  FROM (SELECT answer_agg(a, w) AS s FROM (VALUES ('yes', 1.0)) v(a, w)
        UNION ALL
        SELECT answer_agg(a, w) FROM (VALUES ('no', 1000.0)) v(a, w)) q;
