-- Membership of the mechanisms as public sources state it.  The rows
-- themselves are participations (23_participation.sql); this fragment keeps
-- what a list of rows cannot say by itself: how many members a source counts
-- (so that a list can be held to its source, and disagreeing counts stay side
-- by side), and, for every mechanism, whether its list is complete, partial,
-- impossible (membership open to all UN or IOM Member States) or not found.
-- Views for BI tools flatten participations into one row per member and role
-- and compare the current member lists of every pair of mechanisms.

CREATE SEQUENCE @extschema@.membership_counts_id_seq START 1000000;
CREATE TABLE @extschema@.membership_counts (
    id               bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.membership_counts_id_seq'::pg_catalog.regclass),
    mechanism        text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    role             text REFERENCES @extschema@.participation_roles ON UPDATE CASCADE,
    participant_kind text NOT NULL CONSTRAINT participant_kind_known CHECK (participant_kind IN ('state', 'organization')),
    stated           text NOT NULL CHECK (stated ~ '\S'),
    minimum          int NOT NULL CHECK (minimum >= 0),
    maximum          int,
    as_of            @extschema@.partial_date,
    is_default       boolean NOT NULL DEFAULT false,
    note             text,
    source           text NOT NULL CHECK (source ~ '\S'),
    is_seed          boolean NOT NULL DEFAULT false,
    CONSTRAINT maximum_not_below_minimum CHECK (maximum >= minimum),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.membership_counts_id_seq OWNED BY @extschema@.membership_counts.id;
COMMENT ON SEQUENCE @extschema@.membership_counts_id_seq IS 'Ids of user rows of membership_counts (from 1000000; seed rows use ids below).';
CREATE INDEX membership_counts_mechanism_idx ON @extschema@.membership_counts (mechanism);
COMMENT ON TABLE @extschema@.membership_counts IS 'How many members (of a role and kind) a source counts for a mechanism on a date, as it words it (''comprising 12 countries''); the default rows are the counts the seed lists follow, the others disagreeing claims kept beside them.';
COMMENT ON COLUMN @extschema@.membership_counts.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.membership_counts.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.membership_counts.role IS 'Role counted (participation_roles); NULL when the source counts every role together (''57 partner and observer countries'').';
COMMENT ON COLUMN @extschema@.membership_counts.participant_kind IS 'state or organization.';
COMMENT ON COLUMN @extschema@.membership_counts.stated IS 'The count in the source''s words (''12'', ''eleven + seven'', ''more than 20'').';
COMMENT ON COLUMN @extschema@.membership_counts.minimum IS 'Smallest number the words allow.';
COMMENT ON COLUMN @extschema@.membership_counts.maximum IS 'Largest number the words allow; NULL when unbounded (''more than 20'').';
COMMENT ON COLUMN @extschema@.membership_counts.as_of IS 'Date the count speaks of, at the precision of the source; NULL for an undated source (compared with undated participations).';
COMMENT ON COLUMN @extschema@.membership_counts.is_default IS 'True when the seed list follows this count (the default reading); false for a claim that disagrees with it.';
COMMENT ON COLUMN @extschema@.membership_counts.note IS 'The quote stating the count, and remarks.';
COMMENT ON COLUMN @extschema@.membership_counts.source IS 'URL or document of the count.';
COMMENT ON COLUMN @extschema@.membership_counts.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE TABLE @extschema@.membership_coverage (
    mechanism   text PRIMARY KEY REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    coverage    text NOT NULL CONSTRAINT coverage_known CHECK (coverage IN ('complete', 'partial', 'open', 'unlisted')),
    explanation text NOT NULL CHECK (explanation ~ '\S'),
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.membership_coverage IS 'For each mechanism, how far participations list its members: complete (every member a source names, sized as the source counts), partial (the source counts more than it names), open (no list can exist: open to all UN or IOM Member States) or unlisted (no source naming them was found), with the reason.';
COMMENT ON COLUMN @extschema@.membership_coverage.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.membership_coverage.coverage IS 'complete, partial, open or unlisted.';
COMMENT ON COLUMN @extschema@.membership_coverage.explanation IS 'What the list holds or why there is none.';
COMMENT ON COLUMN @extschema@.membership_coverage.source IS 'Sources of the list, or of the statement that there is none.';
COMMENT ON COLUMN @extschema@.membership_coverage.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

-- @load @extschema@.membership_counts data/membership_counts.csv
-- @load @extschema@.membership_coverage data/membership_coverage.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.membership_counts_id_seq', '');

-- A participation is current when nothing says it ended (open, or its end
-- only attested) and no later record of the same participant in the same
-- mechanism supersedes it (Turkmenistan: founding member of the Almaty
-- Process in 2013, observer as of 2023).
CREATE VIEW @extschema@.membership_long AS
SELECT p.id AS participation_id,
       p.mechanism,
       m.name AS mechanism_name,
       m.kind AS mechanism_kind,
       CASE WHEN p.state IS NOT NULL THEN 'state' ELSE 'organization' END AS participant_kind,
       @extschema@.alpha3(p.state) AS alpha3,
       p.organization,
       coalesce(@extschema@.country_name(p.state, 'en'::text), o.name) AS participant_name,
       p.role,
       lower(p.period) AS date_from,
       upper(p.period) - 1 AS date_to,
       p.start_date::text AS from_as_stated,
       p.start_basis,
       p.end_date::text AS to_as_stated,
       p.end_basis,
       @extschema@.period_label(p.start_date, p.start_basis, p.end_date, p.end_basis) AS period,
       (coalesce(p.end_basis, 'attested') = 'attested'
        AND NOT EXISTS (SELECT 1
                          FROM @extschema@.participations q
                         WHERE q.mechanism = p.mechanism
                           AND q.state IS NOT DISTINCT FROM p.state
                           AND q.organization IS NOT DISTINCT FROM p.organization
                           AND q.id <> p.id
                           AND lower(q.period) > coalesce(lower(p.period), '-infinity'::date))) AS is_current,
       p.note,
       p.source
  FROM @extschema@.participations p
  JOIN @extschema@.mechanisms m ON m.code = p.mechanism
  LEFT JOIN @extschema@.organizations o ON o.code = p.organization;
COMMENT ON VIEW @extschema@.membership_long IS 'Long format for BI tools: one row per mechanism, member (State or organization), role and period, with dates, whether the membership is current, the quote and the source.';
COMMENT ON COLUMN @extschema@.membership_long.participation_id IS 'Row id in participations.';
COMMENT ON COLUMN @extschema@.membership_long.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.membership_long.mechanism_name IS 'Mechanism name.';
COMMENT ON COLUMN @extschema@.membership_long.mechanism_kind IS 'global process, inter-regional forum, regional consultative process or inter-agency group.';
COMMENT ON COLUMN @extschema@.membership_long.participant_kind IS 'state or organization.';
COMMENT ON COLUMN @extschema@.membership_long.alpha3 IS 'ISO 3166 alpha-3 code of the State (NULL for an organization).';
COMMENT ON COLUMN @extschema@.membership_long.organization IS 'Organization code (NULL for a State).';
COMMENT ON COLUMN @extschema@.membership_long.participant_name IS 'English name of the State, or name of the organization.';
COMMENT ON COLUMN @extschema@.membership_long.role IS 'member, observer, associate, partner, participant or secretariat.';
COMMENT ON COLUMN @extschema@.membership_long.date_from IS 'First day under the stated reading (NULL: undated).';
COMMENT ON COLUMN @extschema@.membership_long.date_to IS 'Last day under the stated reading (NULL: open or undated).';
COMMENT ON COLUMN @extschema@.membership_long.from_as_stated IS 'Start as the source gives it (''2013'', ''2021-10-27'').';
COMMENT ON COLUMN @extschema@.membership_long.start_basis IS 'began (joined within from_as_stated) or attested (the source only says it held then).';
COMMENT ON COLUMN @extschema@.membership_long.to_as_stated IS 'End as the source gives it (NULL: open).';
COMMENT ON COLUMN @extschema@.membership_long.end_basis IS 'ended (left within to_as_stated) or attested (still held then).';
COMMENT ON COLUMN @extschema@.membership_long.period IS 'Readable period (''as of 2024-06'', ''2013 .. open'').';
COMMENT ON COLUMN @extschema@.membership_long.is_current IS 'True when no source says it ended and no later record of the same participant in the mechanism supersedes it.';
COMMENT ON COLUMN @extschema@.membership_long.note IS 'The quote stating the fact, and remarks.';
COMMENT ON COLUMN @extschema@.membership_long.source IS 'URL or document of the row.';

CREATE VIEW @extschema@.membership_overlap_matrix AS
WITH current_members AS (
    SELECT l.mechanism, @extschema@.country_set_agg(l.alpha3::@extschema@.country) AS members
      FROM @extschema@.membership_long l
     WHERE l.is_current AND l.role = 'member' AND l.participant_kind = 'state'
     GROUP BY l.mechanism
)
SELECT a.mechanism AS mechanism_a,
       b.mechanism AS mechanism_b,
       @extschema@.cardinality(a.members) AS members_a,
       @extschema@.cardinality(b.members) AS members_b,
       @extschema@.cardinality(a.members OPERATOR(@extschema@.&) b.members) AS shared,
       @extschema@.jaccard(a.members, b.members) AS jaccard,
       (SELECT pg_catalog.string_agg(@extschema@.alpha3(c), ',' ORDER BY @extschema@.alpha3(c))
          FROM @extschema@.unnest(a.members OPERATOR(@extschema@.&) b.members) AS c) AS shared_alpha3
  FROM current_members a CROSS JOIN current_members b;
COMMENT ON VIEW @extschema@.membership_overlap_matrix IS 'Overlap matrix of the current member States (membership_long.is_current, role member) of every ordered pair of mechanisms, diagonal included.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.mechanism_a IS 'Row mechanism code.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.mechanism_b IS 'Column mechanism code.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.members_a IS 'Current member States of mechanism_a.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.members_b IS 'Current member States of mechanism_b.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.shared IS 'States that are current members of both.';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.jaccard IS 'shared / States in either (1 on the diagonal).';
COMMENT ON COLUMN @extschema@.membership_overlap_matrix.shared_alpha3 IS 'The shared States as comma-separated alpha-3 codes, sorted (NULL when none).';

CREATE VIEW @extschema@.membership_count_check AS
SELECT c.id,
       c.mechanism,
       c.role,
       c.participant_kind,
       c.stated,
       c.minimum,
       c.maximum,
       c.as_of::text AS as_of,
       c.is_default,
       listed.n AS listed,
       listed.n >= c.minimum AND listed.n <= coalesce(c.maximum, listed.n) AS matches,
       c.note,
       c.source
  FROM @extschema@.membership_counts c
 CROSS JOIN LATERAL (
        SELECT count(DISTINCT coalesce(@extschema@.alpha3(p.state), p.organization))::int AS n
          FROM @extschema@.participations p
         WHERE p.mechanism = c.mechanism
           AND (c.role IS NULL OR p.role = c.role)
           AND (p.state IS NOT NULL) = (c.participant_kind = 'state')
           AND CASE WHEN c.as_of IS NULL THEN p.start_date IS NULL AND p.end_date IS NULL
                    ELSE p.period @> @extschema@.partial_date_first(c.as_of) END) AS listed;
COMMENT ON VIEW @extschema@.membership_count_check IS 'Every count a source states beside the number of participants recorded for the same mechanism, role and kind on the first day of its date (undated counts against undated rows); matches tells whether the list has the size the source states.';
COMMENT ON COLUMN @extschema@.membership_count_check.id IS 'membership_counts row id.';
COMMENT ON COLUMN @extschema@.membership_count_check.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.membership_count_check.role IS 'Role counted (NULL: every role).';
COMMENT ON COLUMN @extschema@.membership_count_check.participant_kind IS 'state or organization.';
COMMENT ON COLUMN @extschema@.membership_count_check.stated IS 'The count in the source''s words.';
COMMENT ON COLUMN @extschema@.membership_count_check.minimum IS 'Smallest number the words allow.';
COMMENT ON COLUMN @extschema@.membership_count_check.maximum IS 'Largest number the words allow (NULL: unbounded).';
COMMENT ON COLUMN @extschema@.membership_count_check.as_of IS 'Date the count speaks of, as the source gives it.';
COMMENT ON COLUMN @extschema@.membership_count_check.is_default IS 'True when the seed list follows this count.';
COMMENT ON COLUMN @extschema@.membership_count_check.listed IS 'Distinct participants recorded for that date, role and kind (stated reading).';
COMMENT ON COLUMN @extschema@.membership_count_check.matches IS 'True when listed lies between minimum and maximum.';
COMMENT ON COLUMN @extschema@.membership_count_check.note IS 'The quote stating the count.';
COMMENT ON COLUMN @extschema@.membership_count_check.source IS 'URL or document of the count.';

CREATE FUNCTION @extschema@.membership_basis(mechanism text, on_date date, role text DEFAULT 'member')
RETURNS TABLE (mechanism_code text, coverage text, listed int, attested boolean, nearest_as_of text,
               stated text, explanation text, source text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH args AS MATERIALIZED (
        SELECT @extschema@.mechanism_code(membership_basis.mechanism) AS code,
               @extschema@._check_participation_role(membership_basis.role) AS role
    ),
    nearest AS (
        SELECT c.as_of, c.stated, c.source,
               @extschema@.partial_date_range(c.as_of) @> membership_basis.on_date AS attested
          FROM args JOIN @extschema@.membership_counts c
            ON c.mechanism = args.code AND c.role = args.role AND c.participant_kind = 'state'
         WHERE c.is_default AND c.as_of IS NOT NULL
         ORDER BY abs(@extschema@.partial_date_first(c.as_of) - membership_basis.on_date), c.id
         LIMIT 1
    )
    SELECT args.code,
           cov.coverage,
           @extschema@.cardinality(@extschema@.members_on(args.code, membership_basis.on_date, args.role)),
           coalesce(n.attested, false),
           n.as_of::text,
           n.stated,
           CASE
               WHEN cov.coverage IN ('open', 'unlisted') THEN 'No member list: ' || cov.explanation
               WHEN n.as_of IS NULL THEN 'No source states a count of States in this role; the list cannot be checked for this date.'
               WHEN n.attested THEN pg_catalog.format('The source speaks of %s (%s States stated).', n.as_of, n.stated)
               ELSE pg_catalog.format('No source speaks of %s: the nearest list is as of %s (%s States stated); '
                                      'use reading ''possible'' to carry it to this date.',
                                      membership_basis.on_date, n.as_of, n.stated)
           END,
           coalesce(n.source, cov.source)
      FROM args
      LEFT JOIN @extschema@.membership_coverage cov ON cov.mechanism = args.code
      LEFT JOIN nearest n ON true;
END;
COMMENT ON FUNCTION @extschema@.membership_basis(text, date, text) IS
'Whether a mechanism''s list of States in a role (default member) is attested for a date: the States listed on it (stated reading), the nearest count a source states, and an explanation when no list speaks of that date or none exists.';
