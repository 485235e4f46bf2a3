-- Governance registry: seed data loaded by CREATE EXTENSION, and the facts the
-- issue asks for, read back through the query functions.
SET client_min_messages = warning;
SET datestyle = ISO;

-- Seed rows per table; every seed row names its source.
SELECT t.table_name, t.rows, t.without_source
  FROM (VALUES
    ('organizations',       (SELECT count(*) FROM iscm.organizations),       (SELECT count(*) FROM iscm.organizations WHERE source !~ '\S')),
    ('mechanisms',          (SELECT count(*) FROM iscm.mechanisms),          (SELECT count(*) FROM iscm.mechanisms WHERE source !~ '\S')),
    ('mechanism_aliases',   (SELECT count(*) FROM iscm.mechanism_aliases),   (SELECT count(*) FROM iscm.mechanism_aliases WHERE source !~ '\S')),
    ('mechanism_claims',    (SELECT count(*) FROM iscm.mechanism_claims),    (SELECT count(*) FROM iscm.mechanism_claims WHERE source !~ '\S')),
    ('mechanism_relations', (SELECT count(*) FROM iscm.mechanism_relations), (SELECT count(*) FROM iscm.mechanism_relations WHERE source !~ '\S')),
    ('structures',          (SELECT count(*) FROM iscm.structures),          (SELECT count(*) FROM iscm.structures WHERE source !~ '\S')),
    ('participations',      (SELECT count(*) FROM iscm.participations),      (SELECT count(*) FROM iscm.participations WHERE source !~ '\S')),
    ('chairs',              (SELECT count(*) FROM iscm.chairs),              (SELECT count(*) FROM iscm.chairs WHERE source !~ '\S')),
    ('events',              (SELECT count(*) FROM iscm.events),              (SELECT count(*) FROM iscm.events WHERE source !~ '\S')),
    ('event_participants',  (SELECT count(*) FROM iscm.event_participants),  (SELECT count(*) FROM iscm.event_participants WHERE source !~ '\S')),
    ('themes',              (SELECT count(*) FROM iscm.themes),              (SELECT count(*) FROM iscm.themes WHERE source !~ '\S')),
    ('theme_mappings',      (SELECT count(*) FROM iscm.theme_mappings),      (SELECT count(*) FROM iscm.theme_mappings WHERE source !~ '\S')),
    ('framework_items',     (SELECT count(*) FROM iscm.framework_items),     (SELECT count(*) FROM iscm.framework_items WHERE source !~ '\S'))) AS t(table_name, rows, without_source)
 ORDER BY 1;

-- No seed source maps a theme to a framework item: every seed mapping is an
-- editorial reading, and its source says so and cites the theme's own source.
SELECT m.basis, count(*) AS mappings,
       count(*) FILTER (WHERE m.source LIKE 'iscm editorial mapping of theme ' || t.id || ' (worded in ' || t.source || ') to %') AS citing_theme_source
  FROM iscm.theme_mappings m JOIN iscm.themes t ON t.id = m.theme_id
 GROUP BY m.basis ORDER BY 1;
SELECT sum(themes) AS mapped, sum(stated_mappings) AS stated FROM iscm.theme_coverage;

-- Every row of every registry table is a seed row after CREATE EXTENSION.
SELECT bool_and(is_seed) AS all_seed FROM (
    SELECT is_seed FROM iscm.organizations UNION ALL SELECT is_seed FROM iscm.mechanisms
    UNION ALL SELECT is_seed FROM iscm.participations UNION ALL SELECT is_seed FROM iscm.chairs
    UNION ALL SELECT is_seed FROM iscm.events UNION ALL SELECT is_seed FROM iscm.event_participants
    UNION ALL SELECT is_seed FROM iscm.themes UNION ALL SELECT is_seed FROM iscm.theme_mappings) AS s;

-- All seed mechanisms, by kind.
SELECT kind, count(*) AS mechanisms, string_agg(code, ', ' ORDER BY code) AS codes
  FROM iscm.mechanisms GROUP BY kind ORDER BY kind;

-- Mechanisms resolve by code, acronym, name and alias, case-insensitively.
SELECT q, iscm.mechanism_code(q)
  FROM unnest(ARRAY['gfmd', 'Global Migration Group', 'Puebla Process', 'budapest process',
                    'Euro-African Dialogue on Migration and Development',
                    'Ministerial Consultation On Overseas Employment and Contractual Labour for Countries of Origin and Destination in Asia']) AS q;

-- Fact 1: on 2008-10-29 the GFMD troika is Belgium, the Philippines, Greece.
SELECT * FROM iscm.troika_on('GFMD', '2008-10-29');
-- Fact 2: on 2007-03-01 the GMG chair is IOM (with its theme).
SELECT holder, holder_kind, role, period, theme, certain FROM iscm.chair_on('GMG', '2007-03-01');
-- Fact 3: the GMG had 10 members at the end of June 2007, under every reading.
SELECT r AS reading, count(p.*) AS members, string_agg(p.participant, ', ' ORDER BY p.participant) AS who
  FROM unnest(ARRAY['stated', 'certain', 'possible']) AS r,
       LATERAL iscm.participants_on('GMG', '2007-06-30', 'member', r) AS p
 GROUP BY r ORDER BY r;
-- ... and 16 as at 31 August 2012 (A/68/283), the count seed 001 gives.
SELECT count(*) FROM iscm.participants_on('GMG', '2012-08-31');
-- The possible reading stretches attested periods but never before the GMG existed (2006).
SELECT count(*) AS possible_2005 FROM iscm.participants_on('GMG', '2005-12-31', reading => 'possible');
SELECT count(*) AS possible_2006 FROM iscm.participants_on('GMG', '2006-01-01', reading => 'possible');

-- The GMG troika of 2 May 2007 matches seed 001 (IOM, UNHCR, UNDESA briefed as the troika).
SELECT "position", holders FROM iscm.troika_on('GMG', '2007-05-02');
SELECT participant FROM iscm.meeting_role_report WHERE event = 'GMG-2007-05-02-BRIEFING' ORDER BY 1;

-- GFMD chair timeline: co-chairs share a term; the gaps 2021-22 and early 2024 are explicit unknowns.
SELECT term, holders, roles, period, first_day, last_day, unknown FROM iscm.chair_timeline('GFMD');
-- GMG gaps are unknown, not empty: H1 2009, H1 2012, H2 2013, 2015 (and 2016).
SELECT term, holders, period, unknown FROM iscm.chair_timeline('GMG') WHERE unknown;
SELECT * FROM iscm.chair_on('GMG', '2015-05-01');
-- UNITAR's June 2009 start "as printed": the unknown first half of 2009 ends in May.
SELECT holder, period, certain FROM iscm.chair_on('GMG', '2009-06-15');
-- IGC terms are known by year only: in the handover year 2008 two terms are current, neither certain.
SELECT * FROM iscm.troika_on('IGC', '2008-10-29');
SELECT holder, period, certain FROM iscm.chair_on('IGC', '2008-10-29', 'certain');
-- In a gap with no term at all the troika has no current row.
SELECT "position", holders, period FROM iscm.troika_on('Budapest Process', '1990-01-01');
SELECT term, holders, roles, period FROM iscm.chair_timeline('Budapest Process');

-- Sources that disagree stay visible side by side.
SELECT code, founded, founded_claims, founding_disputed
  FROM iscm.mechanism_overview WHERE code IN ('Budapest Process', 'MTM', 'Almaty Process', 'SACM') ORDER BY code;
SELECT code, reported_members FROM iscm.mechanism_overview WHERE code IN ('IGC', 'ADD') ORDER BY code;

-- The GMG's six meetings of January–June 2007 with dates, places and levels.
SELECT start_date, level, city, alpha3 FROM iscm.meeting_report
 WHERE mechanism = 'GMG' AND level IN ('principals', 'working level') ORDER BY start_date;

-- The 2007 GFMD agenda: round tables 1.1–3.4 and their coordinating governments.
SELECT e.code, e.start_date, to_char(e.start_time, 'HH24:MI') AS starts,
       (SELECT string_agg(iscm.country_name(ep.state), ', ' ORDER BY ep.id) FROM iscm.event_participants ep
         WHERE ep.event = e.code AND ep.role = 'coordinating government') AS coordinating
  FROM iscm.events e WHERE e.parent LIKE 'GFMD-2007-RT_' ORDER BY e.code;

-- Annex 2: involvement of GMG agencies (rows per role).
SELECT role, string_agg(organization, ', ' ORDER BY organization) AS agencies
  FROM iscm.event_participants WHERE source LIKE '%Annex 2%' GROUP BY role ORDER BY role;

-- The 2017 side event: parent session, co-hosts and panel (preliminary, hence tentative).
SELECT title, parent, start_date, start_time, venue FROM iscm.meeting_report WHERE code = 'GCM-2017-06-20-SE';
SELECT role, participant, tentative FROM iscm.meeting_role_report
 WHERE event = 'GCM-2017-06-20-SE' ORDER BY role, id;

-- Memberships of one State over time (participations and chair terms).
SELECT mechanism, record, role, period, first_day, last_day FROM iscm.memberships_of('Philippines');
SELECT mechanism, record, role, period FROM iscm.memberships_of('NOR');

-- Partial dates keep their precision.
SELECT d, iscm.partial_date_precision(d) AS precision, iscm.partial_date_first(d) AS first_day,
       iscm.partial_date_last(d) AS last_day, iscm.partial_date_range(d) AS days
  FROM unnest(ARRAY['2007', '2007-06', '2008-02', '2007-06-30']::iscm.partial_date[]) AS d;
SELECT r, iscm.period_range('2007', 'began', '2008', 'ended', r) AS begun_2007_ended_2008,
       iscm.period_range('2007-06', 'attested', '2012-08-31', 'attested', r) AS attested,
       iscm.period_range('2006', 'began', NULL, NULL, r) AS open_end,
       iscm.period_range(NULL, NULL, NULL, NULL, r) AS undated
  FROM unnest(ARRAY['stated', 'certain', 'possible']) AS r;
SELECT iscm.period_label('2007-01', 'began', '2007-06', 'ended'), iscm.period_label('2008', 'began', '2008', 'ended'),
       iscm.period_label('2007-06', 'attested', '2012-08-31', 'attested'), iscm.period_label('2019', 'attested', '2019', 'attested'),
       iscm.period_label('2006', 'began', NULL, NULL), iscm.period_label(NULL, NULL, NULL, NULL);
