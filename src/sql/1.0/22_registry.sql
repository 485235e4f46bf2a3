-- The registry proper: organizations, mechanisms, their aliases, disputed or
-- additional claims, relations and internal structures (Popolo: Organization,
-- Post).  Natural text keys (code) keep data/*.csv readable and give seed rows
-- ids that never move.

CREATE TABLE @extschema@.organizations (
    code     text PRIMARY KEY CHECK (code ~ '\S'),
    name     text NOT NULL UNIQUE,
    acronym  text UNIQUE,
    kind     text NOT NULL CONSTRAINT organization_kind_known
             CHECK (kind IN ('UN entity', 'intergovernmental organization', 'regional organization',
                             'international financial institution', 'research institute', 'non-governmental organization', 'other')),
    note     text,
    source   text NOT NULL CHECK (source ~ '\S'),
    is_seed  boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.organizations IS 'Organizations that are not States (IOM, ILO, UNHCR, ICMPD, ECOWAS, the EU ...).';
COMMENT ON COLUMN @extschema@.organizations.code IS 'Key used by other tables: the acronym, or a short name where there is none.';
COMMENT ON COLUMN @extschema@.organizations.name IS 'Full name.';
COMMENT ON COLUMN @extschema@.organizations.acronym IS 'Acronym, where the organization has one.';
COMMENT ON COLUMN @extschema@.organizations.kind IS 'UN entity, intergovernmental organization, regional organization, international financial institution, research institute, non-governmental organization or other.';
COMMENT ON COLUMN @extschema@.organizations.note IS 'Remarks, e.g. how the sources spell the name.';
COMMENT ON COLUMN @extschema@.organizations.source IS 'Where the organization is named.';

CREATE TABLE @extschema@.mechanisms (
    code         text PRIMARY KEY CHECK (code ~ '\S'),
    name         text NOT NULL UNIQUE,
    acronym      text UNIQUE,
    kind         text NOT NULL CONSTRAINT mechanism_kind_known
                 CHECK (kind IN ('global process', 'inter-regional forum', 'regional consultative process', 'inter-agency group')),
    founded      @extschema@.partial_date,
    secretariat  text,
    status       text CONSTRAINT mechanism_status_known CHECK (status IN ('active', 'dormant', 'ended')),
    status_as_of @extschema@.partial_date,
    note         text,
    source       text NOT NULL CHECK (source ~ '\S'),
    is_seed      boolean NOT NULL DEFAULT false,
    CONSTRAINT status_as_of_needs_status CHECK (status_as_of IS NULL OR status IS NOT NULL)
);
COMMENT ON TABLE @extschema@.mechanisms IS 'Inter-State consultation mechanisms on migration (and the inter-agency groups around them).';
COMMENT ON COLUMN @extschema@.mechanisms.code IS 'Key used by other tables and accepted by every function: the acronym, or the short name where there is none (''Budapest Process'').';
COMMENT ON COLUMN @extschema@.mechanisms.name IS 'Full name.';
COMMENT ON COLUMN @extschema@.mechanisms.acronym IS 'Acronym, where there is one.';
COMMENT ON COLUMN @extschema@.mechanisms.kind IS 'global process, inter-regional forum, regional consultative process, or inter-agency group (GMG).';
COMMENT ON COLUMN @extschema@.mechanisms.founded IS 'Founding date at the precision of the main source; other sources'' dates are in mechanism_claims.';
COMMENT ON COLUMN @extschema@.mechanisms.secretariat IS 'Secretariat or host as the source words it; organizations involved are linked in mechanism_relations.';
COMMENT ON COLUMN @extschema@.mechanisms.status IS 'active, dormant or ended where a source says so; NULL when no source does.';
COMMENT ON COLUMN @extschema@.mechanisms.status_as_of IS 'Date of the source for status.';
COMMENT ON COLUMN @extschema@.mechanisms.note IS 'Remarks, including what the sources disagree on.';
COMMENT ON COLUMN @extschema@.mechanisms.source IS 'Where the mechanism and its founding date come from.';

CREATE TABLE @extschema@.mechanism_aliases (
    alias     text PRIMARY KEY CHECK (alias ~ '\S'),
    mechanism text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    source    text NOT NULL CHECK (source ~ '\S'),
    is_seed   boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX mechanism_aliases_lower_idx ON @extschema@.mechanism_aliases (lower(alias));
COMMENT ON TABLE @extschema@.mechanism_aliases IS 'Other names of a mechanism (Puebla Process for RCM ...); functions accept them.';
COMMENT ON COLUMN @extschema@.mechanism_aliases.alias IS 'The other name (unique, case-insensitively).';
COMMENT ON COLUMN @extschema@.mechanism_aliases.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.mechanism_aliases.source IS 'Where the alias is used.';

CREATE SEQUENCE @extschema@.mechanism_claims_id_seq START 1000000;
CREATE TABLE @extschema@.mechanism_claims (
    id        bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.mechanism_claims_id_seq'::pg_catalog.regclass),
    mechanism text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    attribute text NOT NULL CONSTRAINT claim_attribute_known CHECK (attribute IN ('founded', 'members', 'secretariat', 'status')),
    value     text NOT NULL CHECK (value ~ '\S'),
    as_of     @extschema@.partial_date,
    note      text,
    source    text NOT NULL CHECK (source ~ '\S'),
    is_seed   boolean NOT NULL DEFAULT false,
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.mechanism_claims_id_seq OWNED BY @extschema@.mechanism_claims.id;
COMMENT ON SEQUENCE @extschema@.mechanism_claims_id_seq IS 'Ids of user rows of mechanism_claims (from 1000000; seed rows use ids below).';
CREATE INDEX mechanism_claims_mechanism_idx ON @extschema@.mechanism_claims (mechanism);
COMMENT ON TABLE @extschema@.mechanism_claims IS 'What individual sources say about a mechanism where it adds to or disagrees with mechanisms: founding dates (Budapest Process 1993 vs 1991), reported member counts (IGC 17 and 19) ...';
COMMENT ON COLUMN @extschema@.mechanism_claims.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.mechanism_claims.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.mechanism_claims.attribute IS 'What the claim is about: founded, members, secretariat or status.';
COMMENT ON COLUMN @extschema@.mechanism_claims.value IS 'The value as the source gives it (''1991'', ''17'', ''56-57 + EC + ECOWAS'').';
COMMENT ON COLUMN @extschema@.mechanism_claims.as_of IS 'Date the value refers to, where the source gives one.';
COMMENT ON COLUMN @extschema@.mechanism_claims.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.mechanism_claims.source IS 'The source making the claim.';

CREATE SEQUENCE @extschema@.mechanism_relations_id_seq START 1000000;
CREATE TABLE @extschema@.mechanism_relations (
    id                   bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.mechanism_relations_id_seq'::pg_catalog.regclass),
    mechanism            text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    relation             text NOT NULL CONSTRAINT relation_known
                         CHECK (relation IN ('emerged from', 'grew out of', 'secretariat', 'hosted by', 'supported by', 'related to')),
    related_mechanism    text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    related_organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE ON DELETE CASCADE,
    note                 text,
    source               text NOT NULL CHECK (source ~ '\S'),
    is_seed              boolean NOT NULL DEFAULT false,
    CONSTRAINT related_is_mechanism_or_organization CHECK ((related_mechanism IS NULL) <> (related_organization IS NULL)),
    CONSTRAINT not_related_to_itself CHECK (related_mechanism IS DISTINCT FROM mechanism),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.mechanism_relations_id_seq OWNED BY @extschema@.mechanism_relations.id;
COMMENT ON SEQUENCE @extschema@.mechanism_relations_id_seq IS 'Ids of user rows of mechanism_relations (from 1000000; seed rows use ids below).';
CREATE INDEX mechanism_relations_mechanism_idx ON @extschema@.mechanism_relations (mechanism);
COMMENT ON TABLE @extschema@.mechanism_relations IS 'Related bodies: what a mechanism emerged or grew out of, which organization hosts or serves as its secretariat, other links.';
COMMENT ON COLUMN @extschema@.mechanism_relations.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.mechanism_relations.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.mechanism_relations.relation IS 'emerged from, grew out of, secretariat, hosted by, supported by or related to.';
COMMENT ON COLUMN @extschema@.mechanism_relations.related_mechanism IS 'The related mechanism (or NULL).';
COMMENT ON COLUMN @extschema@.mechanism_relations.related_organization IS 'The related organization (or NULL); exactly one of the two is set.';
COMMENT ON COLUMN @extschema@.mechanism_relations.note IS 'Remarks, in the source''s words where useful.';
COMMENT ON COLUMN @extschema@.mechanism_relations.source IS 'Where the relation is stated.';

CREATE TABLE @extschema@.structures (
    mechanism         text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE ON DELETE CASCADE,
    name              text NOT NULL CHECK (name ~ '\S'),
    kind              text NOT NULL CONSTRAINT structure_kind_known
                      CHECK (kind IN ('post', 'body', 'secretariat', 'platform', 'mechanism', 'network')),
    established       @extschema@.partial_date,
    host_organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    description       text,
    source            text NOT NULL CHECK (source ~ '\S'),
    is_seed           boolean NOT NULL DEFAULT false,
    PRIMARY KEY (mechanism, name)
);
COMMENT ON TABLE @extschema@.structures IS 'Posts and bodies inside a mechanism (Popolo Post): Chair-in-Office, Troika, Steering Group, Support Unit ...';
COMMENT ON COLUMN @extschema@.structures.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.structures.name IS 'Name of the structure.';
COMMENT ON COLUMN @extschema@.structures.kind IS 'post, body, secretariat, platform, mechanism or network.';
COMMENT ON COLUMN @extschema@.structures.established IS 'When it was set up, where a source says.';
COMMENT ON COLUMN @extschema@.structures.host_organization IS 'Organization hosting it, where a source says (IOM hosts the GFMD Support Unit).';
COMMENT ON COLUMN @extschema@.structures.description IS 'What it is or does, in the source''s terms.';
COMMENT ON COLUMN @extschema@.structures.source IS 'Where it is described.';

-- @load @extschema@.organizations data/organizations.csv
-- @load @extschema@.mechanisms data/mechanisms.csv
-- @load @extschema@.mechanism_aliases data/mechanism_aliases.csv
-- @load @extschema@.mechanism_claims data/mechanism_claims.csv
-- @load @extschema@.mechanism_relations data/mechanism_relations.csv
-- @load @extschema@.structures data/structures.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.mechanism_claims_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.mechanism_relations_id_seq', '');
