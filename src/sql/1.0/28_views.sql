-- Reporting views for BI tools: only plain column types (text, int, date,
-- boolean); States appear as alpha-3 code and English name.  A list is one
-- text with its items separated by ' | ' (no seed text contains that), since BI
-- filters and drivers' metadata handle arrays poorly; its long form, one row per
-- item, is a table or view named in the column's comment.

CREATE VIEW @extschema@.mechanism_overview AS
SELECT m.code,
       m.name,
       m.acronym,
       m.kind,
       m.founded::text AS founded,
       @extschema@.partial_date_precision(m.founded) AS founded_precision,
       (SELECT pg_catalog.string_agg(c.value || coalesce(' (as of ' || c.as_of::text || ')', '') || ' [' || c.source || ']', ' | ' ORDER BY c.id)
          FROM @extschema@.mechanism_claims c
         WHERE c.mechanism = m.code AND c.attribute = 'founded') AS founded_claims,
       EXISTS (SELECT 1 FROM @extschema@.mechanism_claims c
                WHERE c.mechanism = m.code AND c.attribute = 'founded' AND m.founded IS NOT NULL
                  AND c.value ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'
                  AND NOT @extschema@.partial_date_range(c.value::@extschema@.partial_date)
                          OPERATOR(pg_catalog.&&) @extschema@.partial_date_range(m.founded)) AS founding_disputed,
       m.secretariat,
       (SELECT pg_catalog.string_agg(r.relation || ': ' || coalesce(r.related_organization, r.related_mechanism), ' | ' ORDER BY r.id)
          FROM @extschema@.mechanism_relations r WHERE r.mechanism = m.code) AS related_bodies,
       m.status,
       m.status_as_of::text AS status_as_of,
       (SELECT pg_catalog.string_agg(c.value || coalesce(' (as of ' || c.as_of::text || ')', '') || ' [' || c.source || ']', ' | ' ORDER BY c.as_of NULLS FIRST, c.id)
          FROM @extschema@.mechanism_claims c
         WHERE c.mechanism = m.code AND c.attribute = 'members') AS reported_members,
       (SELECT pg_catalog.count(DISTINCT p.state)::int FROM @extschema@.participations p
         WHERE p.mechanism = m.code AND p.state IS NOT NULL) AS states_recorded,
       (SELECT pg_catalog.count(DISTINCT p.organization)::int FROM @extschema@.participations p
         WHERE p.mechanism = m.code AND p.organization IS NOT NULL) AS organizations_recorded,
       (SELECT pg_catalog.count(DISTINCT (c.start_date, c.start_basis, c.end_date, c.end_basis))::int
          FROM @extschema@.chairs c WHERE c.mechanism = m.code) AS chair_terms,
       (SELECT pg_catalog.count(*)::int FROM @extschema@.events e WHERE e.mechanism = m.code) AS events,
       (SELECT pg_catalog.count(*)::int FROM @extschema@.themes t WHERE t.mechanism = m.code) AS themes,
       (SELECT pg_catalog.string_agg(a.alias, ' | ' ORDER BY a.alias) FROM @extschema@.mechanism_aliases a WHERE a.mechanism = m.code) AS aliases,
       m.note,
       m.source,
       m.is_seed
  FROM @extschema@.mechanisms m;
COMMENT ON VIEW @extschema@.mechanism_overview IS 'One row per mechanism: kind, founding date with every other source''s claim, secretariat and related bodies, status, reported member counts, and how much the registry records about it.';
COMMENT ON COLUMN @extschema@.mechanism_overview.code IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.mechanism_overview.name IS 'Full name.';
COMMENT ON COLUMN @extschema@.mechanism_overview.acronym IS 'Acronym.';
COMMENT ON COLUMN @extschema@.mechanism_overview.kind IS 'global process, inter-regional forum, regional consultative process or inter-agency group.';
COMMENT ON COLUMN @extschema@.mechanism_overview.founded IS 'Founding date as the main source gives it (partial date).';
COMMENT ON COLUMN @extschema@.mechanism_overview.founded_precision IS 'year, month or day.';
COMMENT ON COLUMN @extschema@.mechanism_overview.founded_claims IS 'Founding dates given by other sources, each with its source, separated by " | " (long form: iscm.mechanism_claims, attribute founded).';
COMMENT ON COLUMN @extschema@.mechanism_overview.founding_disputed IS 'True when some source''s founding date cannot be the main one (Budapest Process 1993 vs 1991).';
COMMENT ON COLUMN @extschema@.mechanism_overview.secretariat IS 'Secretariat or host as the source words it.';
COMMENT ON COLUMN @extschema@.mechanism_overview.related_bodies IS 'Relations to organizations and mechanisms (''secretariat: ICMPD'', ''emerged from: HLD''), separated by " | " (long form: iscm.mechanism_relations).';
COMMENT ON COLUMN @extschema@.mechanism_overview.status IS 'active, dormant or ended where a source says so.';
COMMENT ON COLUMN @extschema@.mechanism_overview.status_as_of IS 'Date of the status.';
COMMENT ON COLUMN @extschema@.mechanism_overview.reported_members IS 'Member counts as sources report them, with date and source (disagreements side by side), separated by " | " (long form: iscm.mechanism_claims, attribute members).';
COMMENT ON COLUMN @extschema@.mechanism_overview.states_recorded IS 'Distinct States with a participation row (any role, any period).';
COMMENT ON COLUMN @extschema@.mechanism_overview.organizations_recorded IS 'Distinct organizations with a participation row (any role, any period).';
COMMENT ON COLUMN @extschema@.mechanism_overview.chair_terms IS 'Chair terms recorded (co-chairs count once).';
COMMENT ON COLUMN @extschema@.mechanism_overview.events IS 'Events recorded.';
COMMENT ON COLUMN @extschema@.mechanism_overview.themes IS 'Themes recorded.';
COMMENT ON COLUMN @extschema@.mechanism_overview.aliases IS 'Other names, separated by " | " (long form: iscm.mechanism_aliases).';
COMMENT ON COLUMN @extschema@.mechanism_overview.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.mechanism_overview.source IS 'Source of the mechanism row.';
COMMENT ON COLUMN @extschema@.mechanism_overview.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.membership_report AS
SELECT p.id,
       p.mechanism,
       m.name AS mechanism_name,
       CASE WHEN p.state IS NOT NULL THEN 'state' ELSE 'organization' END AS participant_kind,
       @extschema@.alpha3(p.state) AS alpha3,
       @extschema@.country_name(p.state, 'en'::text) AS country_name,
       p.organization,
       o.name AS organization_name,
       p.role,
       @extschema@.period_label(p.start_date, p.start_basis, p.end_date, p.end_basis) AS period,
       p.start_date::text AS start_date,
       @extschema@.partial_date_precision(p.start_date) AS start_precision,
       p.start_basis,
       p.end_date::text AS end_date,
       @extschema@.partial_date_precision(p.end_date) AS end_precision,
       p.end_basis,
       pg_catalog.lower(p.period) AS first_day,
       pg_catalog.upper(p.period) - 1 AS last_day,
       CASE WHEN NOT pg_catalog.isempty(p.certain) THEN pg_catalog.lower(p.certain) END AS certain_first_day,
       CASE WHEN NOT pg_catalog.isempty(p.certain) THEN pg_catalog.upper(p.certain) - 1 END AS certain_last_day,
       coalesce(pg_catalog.isempty(p.certain), true) AS never_certain,
       p.note,
       p.source,
       p.is_seed
  FROM @extschema@.participations p
  JOIN @extschema@.mechanisms m ON m.code = p.mechanism
  LEFT JOIN @extschema@.organizations o ON o.code = p.organization;
COMMENT ON VIEW @extschema@.membership_report IS 'One row per participation: mechanism, State (alpha-3 and name) or organization, role and period in every reading.';
COMMENT ON COLUMN @extschema@.membership_report.id IS 'Participation row id.';
COMMENT ON COLUMN @extschema@.membership_report.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.membership_report.mechanism_name IS 'Mechanism name.';
COMMENT ON COLUMN @extschema@.membership_report.participant_kind IS 'state or organization.';
COMMENT ON COLUMN @extschema@.membership_report.alpha3 IS 'ISO 3166 alpha-3 code of the State.';
COMMENT ON COLUMN @extschema@.membership_report.country_name IS 'English name of the State.';
COMMENT ON COLUMN @extschema@.membership_report.organization IS 'Organization code.';
COMMENT ON COLUMN @extschema@.membership_report.organization_name IS 'Organization name.';
COMMENT ON COLUMN @extschema@.membership_report.role IS 'member, observer, participant, secretariat ...';
COMMENT ON COLUMN @extschema@.membership_report.period IS 'Readable period (''by 2007-06 .. still 2012-08-31'').';
COMMENT ON COLUMN @extschema@.membership_report.start_date IS 'Start as the source gives it.';
COMMENT ON COLUMN @extschema@.membership_report.start_precision IS 'year, month or day.';
COMMENT ON COLUMN @extschema@.membership_report.start_basis IS 'began or attested.';
COMMENT ON COLUMN @extschema@.membership_report.end_date IS 'End as the source gives it (NULL: open).';
COMMENT ON COLUMN @extschema@.membership_report.end_precision IS 'year, month or day.';
COMMENT ON COLUMN @extschema@.membership_report.end_basis IS 'ended or attested.';
COMMENT ON COLUMN @extschema@.membership_report.first_day IS 'First day under the stated reading (NULL: undated).';
COMMENT ON COLUMN @extschema@.membership_report.last_day IS 'Last day under the stated reading (NULL: open or undated).';
COMMENT ON COLUMN @extschema@.membership_report.certain_first_day IS 'First day the sources guarantee.';
COMMENT ON COLUMN @extschema@.membership_report.certain_last_day IS 'Last day the sources guarantee (NULL: open).';
COMMENT ON COLUMN @extschema@.membership_report.never_certain IS 'True when no single day is guaranteed (year-precision start and end in the same year, or undated).';
COMMENT ON COLUMN @extschema@.membership_report.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.membership_report.source IS 'Source of the row.';
COMMENT ON COLUMN @extschema@.membership_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.chair_report AS
SELECT c.mechanism,
       m.name AS mechanism_name,
       (pg_catalog.dense_rank() OVER (PARTITION BY c.mechanism
                           ORDER BY pg_catalog.lower(c.period) NULLS LAST, pg_catalog.upper(c.period) NULLS LAST,
                                    c.start_date, c.start_basis, c.end_date, c.end_basis))::int AS term,
       coalesce(@extschema@.country_name(c.holder_state, 'en'::text), c.holder_organization, 'unknown') AS holder,
       CASE WHEN c.holder_unknown THEN 'unknown' WHEN c.holder_state IS NOT NULL THEN 'state' ELSE 'organization' END AS holder_kind,
       @extschema@.alpha3(c.holder_state) AS alpha3,
       c.holder_organization AS organization,
       c.role,
       @extschema@.period_label(c.start_date, c.start_basis, c.end_date, c.end_basis) AS period,
       c.start_date::text AS start_date,
       c.end_date::text AS end_date,
       pg_catalog.lower(c.period) AS first_day,
       pg_catalog.upper(c.period) - 1 AS last_day,
       c.theme,
       c.note,
       c.source,
       c.is_seed
  FROM @extschema@.chairs c
  JOIN @extschema@.mechanisms m ON m.code = c.mechanism;
COMMENT ON VIEW @extschema@.chair_report IS 'Chair timeline of every mechanism: one row per holder and term (co-chairs share a term number; unknown holders are explicit).';
COMMENT ON COLUMN @extschema@.chair_report.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.chair_report.mechanism_name IS 'Mechanism name.';
COMMENT ON COLUMN @extschema@.chair_report.term IS 'Term number within the mechanism, by start (as in chair_timeline).';
COMMENT ON COLUMN @extschema@.chair_report.holder IS 'State name, organization code or ''unknown''.';
COMMENT ON COLUMN @extschema@.chair_report.holder_kind IS 'state, organization or unknown.';
COMMENT ON COLUMN @extschema@.chair_report.alpha3 IS 'Alpha-3 code of a chairing State.';
COMMENT ON COLUMN @extschema@.chair_report.organization IS 'Code of a chairing organization.';
COMMENT ON COLUMN @extschema@.chair_report.role IS 'chair or co-chair.';
COMMENT ON COLUMN @extschema@.chair_report.period IS 'Readable period of the term.';
COMMENT ON COLUMN @extschema@.chair_report.start_date IS 'Start as the source gives it.';
COMMENT ON COLUMN @extschema@.chair_report.end_date IS 'End as the source gives it.';
COMMENT ON COLUMN @extschema@.chair_report.first_day IS 'First day under the stated reading.';
COMMENT ON COLUMN @extschema@.chair_report.last_day IS 'Last day under the stated reading (NULL: open).';
COMMENT ON COLUMN @extschema@.chair_report.theme IS 'Theme of the chairmanship.';
COMMENT ON COLUMN @extschema@.chair_report.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.chair_report.source IS 'Source of the row.';
COMMENT ON COLUMN @extschema@.chair_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.meeting_report AS
SELECT e.code,
       e.mechanism,
       e.parent,
       pe.title AS parent_title,
       e.title,
       e.level,
       e.start_date::text AS start_date,
       e.end_date::text AS end_date,
       @extschema@.partial_date_precision(e.start_date) AS date_precision,
       pg_catalog.lower(e.period) AS first_day,
       pg_catalog.upper(e.period) - 1 AS last_day,
       pg_catalog.to_char(e.start_time, 'HH24:MI') AS start_time,
       pg_catalog.to_char(e.end_time, 'HH24:MI') AS end_time,
       e.city,
       @extschema@.alpha3(e.country) AS alpha3,
       @extschema@.country_name(e.country, 'en'::text) AS country_name,
       e.venue,
       (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(': ', pg_catalog.concat_ws(', ', ep.person, coalesce(@extschema@.country_name(ep.state, 'en'::text), ep.organization, ep.mechanism)),
                                   ep.role || CASE WHEN ep.tentative THEN ' (tentative)' ELSE '' END),
                         ' | ' ORDER BY ep.role, ep.id)
          FROM @extschema@.event_participants ep WHERE ep.event = e.code) AS participants,
       e.note,
       e.source,
       e.is_seed
  FROM @extschema@.events e
  LEFT JOIN @extschema@.events pe ON pe.code = e.parent;
COMMENT ON VIEW @extschema@.meeting_report IS 'One row per meeting or event: mechanism, parent event, level, dates at their precision, place, participants with roles.';
COMMENT ON COLUMN @extschema@.meeting_report.code IS 'Event code.';
COMMENT ON COLUMN @extschema@.meeting_report.mechanism IS 'Mechanism code (NULL: none).';
COMMENT ON COLUMN @extschema@.meeting_report.parent IS 'Code of the enclosing event.';
COMMENT ON COLUMN @extschema@.meeting_report.parent_title IS 'Title of the enclosing event.';
COMMENT ON COLUMN @extschema@.meeting_report.title IS 'Title.';
COMMENT ON COLUMN @extschema@.meeting_report.level IS 'Level (summit, principals, working level, round table ...).';
COMMENT ON COLUMN @extschema@.meeting_report.start_date IS 'Start as the source gives it.';
COMMENT ON COLUMN @extschema@.meeting_report.end_date IS 'End as the source gives it.';
COMMENT ON COLUMN @extschema@.meeting_report.date_precision IS 'year, month or day.';
COMMENT ON COLUMN @extschema@.meeting_report.first_day IS 'First day the event may cover.';
COMMENT ON COLUMN @extschema@.meeting_report.last_day IS 'Last day the event may cover.';
COMMENT ON COLUMN @extschema@.meeting_report.start_time IS 'Local start time (HH:MI).';
COMMENT ON COLUMN @extschema@.meeting_report.end_time IS 'Local end time (HH:MI).';
COMMENT ON COLUMN @extschema@.meeting_report.city IS 'City.';
COMMENT ON COLUMN @extschema@.meeting_report.alpha3 IS 'Alpha-3 code of the country of the place.';
COMMENT ON COLUMN @extschema@.meeting_report.country_name IS 'Name of the country of the place.';
COMMENT ON COLUMN @extschema@.meeting_report.venue IS 'Venue or room.';
COMMENT ON COLUMN @extschema@.meeting_report.participants IS 'Participants with their roles (''Spain: coordinating government''), separated by " | " (long form: iscm.meeting_role_report).';
COMMENT ON COLUMN @extschema@.meeting_report.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.meeting_report.source IS 'Source of the row.';
COMMENT ON COLUMN @extschema@.meeting_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.meeting_role_report AS
SELECT ep.id,
       ep.event,
       e.title AS event_title,
       e.mechanism,
       pg_catalog.lower(e.period) AS first_day,
       CASE WHEN ep.state IS NOT NULL THEN 'state' WHEN ep.organization IS NOT NULL THEN 'organization'
            WHEN ep.mechanism IS NOT NULL THEN 'mechanism' ELSE 'person' END AS participant_kind,
       coalesce(@extschema@.country_name(ep.state, 'en'::text), ep.organization, ep.mechanism, ep.person) AS participant,
       @extschema@.alpha3(ep.state) AS alpha3,
       ep.organization,
       ep.mechanism AS participant_mechanism,
       ep.person,
       ep.role,
       ep.detail,
       ep.tentative,
       ep.source,
       ep.is_seed
  FROM @extschema@.event_participants ep
  JOIN @extschema@.events e ON e.code = ep.event;
COMMENT ON VIEW @extschema@.meeting_role_report IS 'One row per role played in an event (coordinating government, rapporteur, background paper, co-host, panelist ...).';
COMMENT ON COLUMN @extschema@.meeting_role_report.id IS 'Row id.';
COMMENT ON COLUMN @extschema@.meeting_role_report.event IS 'Event code.';
COMMENT ON COLUMN @extschema@.meeting_role_report.event_title IS 'Event title.';
COMMENT ON COLUMN @extschema@.meeting_role_report.mechanism IS 'Mechanism of the event.';
COMMENT ON COLUMN @extschema@.meeting_role_report.first_day IS 'First day of the event.';
COMMENT ON COLUMN @extschema@.meeting_role_report.participant_kind IS 'state, organization, mechanism or person.';
COMMENT ON COLUMN @extschema@.meeting_role_report.participant IS 'State name, organization code, mechanism code or person.';
COMMENT ON COLUMN @extschema@.meeting_role_report.alpha3 IS 'Alpha-3 code of the State.';
COMMENT ON COLUMN @extschema@.meeting_role_report.organization IS 'Organization code.';
COMMENT ON COLUMN @extschema@.meeting_role_report.participant_mechanism IS 'Participating mechanism code.';
COMMENT ON COLUMN @extschema@.meeting_role_report.person IS 'Named person.';
COMMENT ON COLUMN @extschema@.meeting_role_report.role IS 'Role in the event.';
COMMENT ON COLUMN @extschema@.meeting_role_report.detail IS 'What the source says.';
COMMENT ON COLUMN @extschema@.meeting_role_report.tentative IS 'Stated as likely, considered or preliminary.';
COMMENT ON COLUMN @extschema@.meeting_role_report.source IS 'Source of the row.';
COMMENT ON COLUMN @extschema@.meeting_role_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.theme_coverage AS
WITH theme_mechanism AS (
    SELECT t.id, t.theme, t.source, coalesce(t.mechanism, e.mechanism) AS mechanism
      FROM @extschema@.themes t
      LEFT JOIN @extschema@.events e ON e.code = t.event
)
SELECT tm.mechanism,
       f.framework,
       f.code,
       f.kind,
       f.number,
       f.title,
       pg_catalog.count(x.id)::int AS themes,
       coalesce(pg_catalog.string_agg(x.theme, ' | ' ORDER BY x.id), '') AS theme_texts,
       coalesce(pg_catalog.string_agg(DISTINCT x.source, ' | ' ORDER BY x.source), '') AS sources,
       pg_catalog.count(x.id) FILTER (WHERE x.basis = 'stated')::int AS stated_mappings
  FROM (SELECT DISTINCT mechanism FROM theme_mechanism) AS tm
 CROSS JOIN @extschema@.framework_items f
  LEFT JOIN (SELECT tmc.*, mp.framework, mp.code, mp.basis
               FROM theme_mechanism tmc
               JOIN @extschema@.theme_mappings mp ON mp.theme_id = tmc.id) AS x
         ON x.mechanism IS NOT DISTINCT FROM tm.mechanism AND x.framework = f.framework AND x.code = f.code
 GROUP BY tm.mechanism, f.framework, f.code, f.kind, f.number, f.title;
COMMENT ON VIEW @extschema@.theme_coverage IS 'For every mechanism with recorded themes and every framework item (23 GCM objectives, MiGOF, MGI): how many of its themes address the item (0 shows a gap). Themes of events outside any mechanism appear under a NULL mechanism.';
COMMENT ON COLUMN @extschema@.theme_coverage.mechanism IS 'Mechanism code (NULL: events outside any mechanism).';
COMMENT ON COLUMN @extschema@.theme_coverage.framework IS 'GCM, MiGOF or MGI.';
COMMENT ON COLUMN @extschema@.theme_coverage.code IS 'Item code.';
COMMENT ON COLUMN @extschema@.theme_coverage.kind IS 'objective, principle or domain.';
COMMENT ON COLUMN @extschema@.theme_coverage.number IS 'Item number.';
COMMENT ON COLUMN @extschema@.theme_coverage.title IS 'Item title.';
COMMENT ON COLUMN @extschema@.theme_coverage.themes IS 'Number of the mechanism''s themes mapped to the item.';
COMMENT ON COLUMN @extschema@.theme_coverage.theme_texts IS 'Those themes, in the sources'' words, separated by " | " ('''' when none; long form: iscm.theme_mapping_report).';
COMMENT ON COLUMN @extschema@.theme_coverage.sources IS 'The sources of those themes, separated by " | " ('''' when none).';
COMMENT ON COLUMN @extschema@.theme_coverage.stated_mappings IS 'How many of those mappings a source states (basis stated); the others are editorial readings (see theme_mappings.source).';
