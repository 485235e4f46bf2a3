-- Invariants of the seed data: chair terms agree with the calendar, every
-- event of a chaired mechanism falls in a chair term, who answered a
-- questionnaire is recorded once with a basis, every row names its source and
-- the place in it, and what is inferred says so.  Each query lists the rows
-- that break its rule (none), or shows the answers the calendar demands.
SET client_min_messages = warning;
SET datestyle = ISO;
\set SHOW_CONTEXT never

-- ---- chairs ---------------------------------------------------------------

-- No mechanism has two current chair terms on a day unless the rows say why:
-- co-chairs share one term (identical dates), and consecutive terms may share
-- the unit of their handover (the one ends and the next begins in the same
-- stated month or year) when the later term's note says so.
WITH terms AS (
    SELECT c.mechanism, c.start_date, c.end_date, c.period,
           string_agg(coalesce(iscm.alpha3(c.holder_state), c.holder_organization, 'unknown'), ' & ' ORDER BY c.id) AS holders,
           coalesce(bool_or(c.note ~* 'handover'), false) AS says_handover
      FROM iscm.chairs c
     WHERE c.is_seed AND c.period IS NOT NULL
     GROUP BY c.mechanism, c.start_date, c.start_basis, c.end_date, c.end_basis, c.period
)
SELECT a.mechanism, a.holders, iscm.period_label(a.start_date, NULL, a.end_date, NULL) AS term,
       b.holders AS also_current, iscm.period_label(b.start_date, NULL, b.end_date, NULL) AS other_term
  FROM terms a
  JOIN terms b ON b.mechanism = a.mechanism AND b.period && a.period
              AND (lower(a.period), coalesce(upper(a.period), 'infinity')) < (lower(b.period), coalesce(upper(b.period), 'infinity'))
 WHERE NOT (a.end_date = b.start_date AND b.says_handover
            AND (a.period * b.period) <@ iscm.partial_date_range(a.end_date))
 ORDER BY 1, 3, 5;

-- Every dated event of a mechanism that has chairs falls inside its chair terms.
SELECT e.mechanism, e.code, e.start_date, e.end_date
  FROM iscm.events e
 WHERE e.is_seed AND e.period IS NOT NULL
   AND EXISTS (SELECT 1 FROM iscm.chairs c WHERE c.mechanism = e.mechanism AND c.period IS NOT NULL)
   AND NOT (SELECT range_agg(c.period) FROM iscm.chairs c WHERE c.mechanism = e.mechanism AND c.period IS NOT NULL) @> e.period
 ORDER BY 1, 2;

-- On every day of a summit, the chair that held it answers, and only its term.
SELECT e.code, e.start_date, e.end_date, host.names AS host, on_days.chairs, on_days.terms,
       coalesce(on_days.terms = 1 AND on_days.chairs LIKE '%' || host.names || '%', false) AS host_is_the_chair
  FROM iscm.events e
 CROSS JOIN LATERAL (
       SELECT string_agg(iscm.country_name(ep.state), ' & ' ORDER BY ep.id) AS names
         FROM iscm.event_participants ep
        WHERE ep.event = e.code AND ep.role = 'host') AS host
 CROSS JOIN LATERAL (
       SELECT string_agg(DISTINCT c.holder, ' & ') AS chairs, count(DISTINCT c.period)::int AS terms
         FROM generate_series(lower(e.period), upper(e.period) - 1, interval '1 day') AS d,
              iscm.chair_on(e.mechanism, d::date) AS c) AS on_days
 WHERE e.is_seed AND e.level = 'summit' AND e.mechanism IS NOT NULL AND e.period IS NOT NULL
 ORDER BY e.start_date;

-- The days the audit named: a summit day answers its host, a handover within
-- the year is resolved to the month, a gap is an explicit unknown.
SELECT d AS day, (SELECT string_agg(c.holder, ' & ' ORDER BY c.holder) FROM iscm.chair_on('GFMD', d) c) AS gfmd_chair
  FROM unnest(ARRAY['2014-03-01', '2014-07-01', '2020-01-22', '2020-02-01', '2021-01-26', '2021-06-01', '2024-01-24', '2024-02-15']::date[]) AS d;
SELECT "position", holders, period FROM iscm.troika_on('GFMD', '2014-03-01');
SELECT "position", holders, period FROM iscm.troika_on('IGC', '2017-06-20');

-- ---- who answered a questionnaire: one record, with a basis per row -----------

-- Respondents are survey records (survey_respondents), never event roles.
SELECT count(*) AS respondent_event_roles FROM iscm.event_participants WHERE is_seed AND role = 'respondent';
SELECT survey, basis, count(*) AS respondents,
       string_agg(respondent, ',' ORDER BY respondent) FILTER (WHERE basis = 'inferred') AS inferred
  FROM iscm.survey_respondents WHERE is_seed
 GROUP BY survey, basis ORDER BY survey, basis;
-- An inferred respondent's source says from what; none outnumbers the stated count.
SELECT survey, respondent, source FROM iscm.survey_respondents
 WHERE is_seed AND basis = 'inferred' AND source !~ 'inferred respondent: \S';
SELECT s.code, s.n_respondents_stated, count(r.*) AS stored
  FROM iscm.surveys s JOIN iscm.survey_respondents r ON r.survey = s.code
 GROUP BY s.code, s.n_respondents_stated
HAVING count(r.*) > s.n_respondents_stated;

-- ---- every seed row names its source and the place in it ------------------------

-- A citation of a seed document names a place in it (section, paragraph,
-- footnote, annex, title ...); the reference file names its section; a web
-- page comes with a quoted sentence; a work ticket is not a source.
CREATE FUNCTION pg_temp.citation_problem(source text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE
    WHEN source IS NULL OR source !~ '\S' THEN 'no source'
    WHEN source ~* '\missue [0-9]+' THEN 'a work ticket, not a document'
    WHEN source ~ 'seed [0-9]{3}(_\S+)?(?!\s+(§|fn |footnote|Section|Annex|title|heading|[Ii]ntroduction|para |table|co-host|suggested|preliminary|GFMD §|date line|"At the))'
        THEN 'a seed document without a place'
    WHEN source ~ 'iscm-domain\.md(?!: \S)' THEN 'the reference file without a section'
    WHEN EXISTS (SELECT 1 FROM regexp_split_to_table(source, ';\s*(?=seed |iscm-domain|https?://)') AS c
                  WHERE c ~ 'https?://' AND c !~ '\("[^"]+"') THEN 'a web page without a quoted sentence'
END;
CREATE TEMP VIEW seed_source_columns AS
SELECT c.table_name::text, c.column_name::text
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
 WHERE c.table_schema = 'iscm'
   AND (c.column_name IN ('source', 'source_section', 'source_place') OR c.column_name LIKE '%\_source')
   AND EXISTS (SELECT 1 FROM information_schema.columns s
                WHERE s.table_schema = 'iscm' AND s.table_name = c.table_name AND s.column_name = 'is_seed');
CREATE FUNCTION pg_temp.citation_problems() RETURNS TABLE (table_name text, column_name text, problem text, n bigint, example text)
LANGUAGE plpgsql AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM seed_source_columns ORDER BY 1, 2 LOOP
        RETURN QUERY EXECUTE format(
            'SELECT %L, %L, p, count(*), min(s) FROM (SELECT %I AS s, pg_temp.citation_problem(%I) AS p FROM iscm.%I WHERE is_seed) AS x
              WHERE p IS NOT NULL GROUP BY p',
            r.table_name, r.column_name, r.column_name, r.column_name, r.table_name);
    END LOOP;
END
$$;
-- The columns checked (every table with seed rows; statement_parties is
-- sourced through its statement).
SELECT table_name, string_agg(column_name, ', ' ORDER BY column_name) AS source_columns FROM seed_source_columns GROUP BY 1 ORDER BY 1;
SELECT t.table_name FROM information_schema.columns t
 WHERE t.table_schema = 'iscm' AND t.column_name = 'is_seed'
   AND t.table_name NOT IN (SELECT table_name FROM seed_source_columns)
   AND t.table_name NOT IN (SELECT table_name FROM information_schema.views WHERE table_schema = 'iscm')
 ORDER BY 1;
SELECT * FROM pg_temp.citation_problems() ORDER BY 1, 2, 3;
-- The rule itself, on citations it must refuse and accept.
SELECT s, pg_temp.citation_problem(s) AS problem
  FROM unnest(ARRAY['seed 002', 'seed 003 note', 'seed 004 (Manila 2008)', 'issue 3', 'iscm-domain.md',
                    'https://example.org/page', 'seed 002 co-host para', 'seed 004 §2.3 para 3 ("15 States")',
                    'iscm-domain.md: GFMD chairs; https://example.org/page ("A sentence.")']) AS s;

-- ---- what is inferred says so ------------------------------------------------

-- The rows the audit found to rest on an inference say so.
SELECT 'event_participants' AS tbl, e.event || ' ' || e.organization || ' ' || e.role AS row_key,
       concat_ws(' ', e.detail, e.source) ~* 'inferred' AS marked
  FROM iscm.event_participants e WHERE e.event = 'ISCM-2019-GATHERING' AND e.role = 'presenter'
UNION ALL
SELECT 'events', code, concat_ws(' ', note, source) ~* 'inferred' FROM iscm.events WHERE code = 'UNESCO-2007-05-10'
UNION ALL
SELECT 'structures', mechanism || ' ' || name, concat_ws(' ', description, source) ~* 'inferred'
  FROM iscm.structures WHERE mechanism = 'GMG' AND name = 'Troika'
UNION ALL
SELECT 'mechanisms', code, concat_ws(' ', note, source) ~* 'inferred' FROM iscm.mechanisms WHERE code = 'Tripoli Process'
UNION ALL
SELECT 'chairs', mechanism || ' ' || coalesce(iscm.alpha3(holder_state), 'unknown') || ' ' || start_date,
       concat_ws(' ', note, source) ~* 'inferred'
  FROM iscm.chairs WHERE id IN (7, 13, 54)
UNION ALL
SELECT 'survey_respondents', survey || ' ' || respondent, basis = 'inferred'
  FROM iscm.survey_respondents WHERE survey = 'gfmd-2008' AND respondent IN ('MEX', 'DNK', 'GRC', 'ESP', 'FIN', 'EST', 'CYP', 'JPN', 'LTU')
 ORDER BY 1, 2;

-- ---- the audit's other findings stay fixed --------------------------------------

-- ILO is rapporteur of session 1.2 only, not of Round Table 3.
SELECT event, role FROM iscm.event_participants WHERE organization = 'ILO' AND role = 'rapporteur' ORDER BY event;
-- The IGC aliases are names sources use.
SELECT alias, source ~ '^https?://' AS web_source FROM iscm.mechanism_aliases WHERE mechanism = 'IGC';
-- Formal consultations: the paper names monthly and every 1-3 months only.
SELECT code, allowed_answers FROM iscm.survey_questions WHERE survey = 'gfmd-2008' AND code LIKE '%consultation_frequency' ORDER BY code;
-- The 2008 questionnaire's note counts the 58 States the text names.
SELECT note ~ 'names 58 States' AS counts_58 FROM iscm.events WHERE code = 'GFMD-2008-Q';
