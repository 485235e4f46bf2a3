-- Documents and what they state.  The registry's other tables hold facts of a
-- fixed shape (a chair, a meeting, a membership); much of what the sources say
-- has no such shape: the benefits States name, the challenges a mechanism
-- faces, a recommendation, a policy a State adopted, the questions put to a
-- panel, the regional frameworks States cite.  Each of those is a statement:
-- made in a document, at a place in it, of a kind, about or by parties (States,
-- organizations, mechanisms and their structures, events, other documents).
-- The words stay the document's; the parties make the statement queryable.
-- Seed documents and statements follow the same rules as user rows, so a user
-- adds a new document's statements the same way.

CREATE TABLE @extschema@.document_kinds (
    kind        text PRIMARY KEY CHECK (kind ~ '\S'),
    description text NOT NULL,
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.document_kinds IS 'Kinds of documents (report, concept note, working paper, handbook, resolution, protocol ...).';
COMMENT ON COLUMN @extschema@.document_kinds.kind IS 'Kind name, referenced by documents.kind.';
COMMENT ON COLUMN @extschema@.document_kinds.description IS 'What the kind means.';
COMMENT ON COLUMN @extschema@.document_kinds.source IS 'Where a document of this kind is named, with the place.';
COMMENT ON COLUMN @extschema@.document_kinds.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE TABLE @extschema@.statement_kinds (
    kind        text PRIMARY KEY CHECK (kind ~ '\S'),
    description text NOT NULL,
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.statement_kinds IS 'Kinds of statements (benefit, challenge, recommendation, policy adopted, framework cited, question ...).';
COMMENT ON COLUMN @extschema@.statement_kinds.kind IS 'Kind name, referenced by statements.kind.';
COMMENT ON COLUMN @extschema@.statement_kinds.description IS 'What the kind means.';
COMMENT ON COLUMN @extschema@.statement_kinds.source IS 'Where a statement of this kind is made, with the place.';
COMMENT ON COLUMN @extschema@.statement_kinds.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE TABLE @extschema@.documents (
    code                text PRIMARY KEY CHECK (code ~ '^\S(.*\S)?$'),
    title               text NOT NULL CHECK (title ~ '\S'),
    kind                text NOT NULL REFERENCES @extschema@.document_kinds ON UPDATE CASCADE,
    author_state        @extschema@.country,
    author_organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    author_mechanism    text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    author_person       text CHECK (author_person ~ '\S'),
    issued              @extschema@.partial_date,
    symbol              text UNIQUE CHECK (symbol ~ '^\S+$'),
    url                 text CONSTRAINT document_url_is_http CHECK (url ~ '^https?://\S+$'),
    part_of             text REFERENCES @extschema@.documents ON UPDATE CASCADE,
    note                text,
    source              text NOT NULL CHECK (source ~ '\S'),
    is_seed             boolean NOT NULL DEFAULT false,
    CONSTRAINT document_not_part_of_itself CHECK (part_of IS DISTINCT FROM code)
);
CREATE INDEX documents_part_of_idx ON @extschema@.documents (part_of);
COMMENT ON TABLE @extschema@.documents IS 'Documents that make statements or that statements are about: the seed documents themselves (code ''seed 000'' ... ''seed 004''), reports, joint documents with their URLs, resolutions, protocols, handbooks.';
COMMENT ON COLUMN @extschema@.documents.code IS 'Key of the document; the seed documents are ''seed 000'' ... ''seed 004'', as sources cite them.';
COMMENT ON COLUMN @extschema@.documents.title IS 'Title as the sources give it.';
COMMENT ON COLUMN @extschema@.documents.kind IS 'Kind (document_kinds).';
COMMENT ON COLUMN @extschema@.documents.author_state IS 'Authoring State, where a source names one.';
COMMENT ON COLUMN @extschema@.documents.author_organization IS 'Authoring organization, where a source names one.';
COMMENT ON COLUMN @extschema@.documents.author_mechanism IS 'Authoring mechanism (the GMG of its joint documents), where a source names one.';
COMMENT ON COLUMN @extschema@.documents.author_person IS 'Authoring person or office, as the source names it.';
COMMENT ON COLUMN @extschema@.documents.issued IS 'When it was issued, adopted or endorsed, at the precision of the source.';
COMMENT ON COLUMN @extschema@.documents.symbol IS 'Official symbol (UN document symbol such as A/71/728), where a source gives it.';
COMMENT ON COLUMN @extschema@.documents.url IS 'Address where a source says the document is published.';
COMMENT ON COLUMN @extschema@.documents.part_of IS 'Enclosing document, or NULL.';
COMMENT ON COLUMN @extschema@.documents.note IS 'Remarks, e.g. what the sources say about its versions.';
COMMENT ON COLUMN @extschema@.documents.source IS 'Where the document is named or described, with the place.';
COMMENT ON COLUMN @extschema@.documents.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE SEQUENCE @extschema@.statements_id_seq START 1000000;
CREATE TABLE @extschema@.statements (
    id              bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.statements_id_seq'::pg_catalog.regclass),
    source_document text NOT NULL REFERENCES @extschema@.documents ON UPDATE CASCADE,
    source_place    text NOT NULL CONSTRAINT statement_has_a_place CHECK (source_place ~ '\S'),
    kind            text NOT NULL REFERENCES @extschema@.statement_kinds ON UPDATE CASCADE,
    statement       text NOT NULL CHECK (statement ~ '\S'),
    quote           text CHECK (quote ~ '\S'),
    period_start    @extschema@.partial_date,
    period_end      @extschema@.partial_date,
    period          daterange GENERATED ALWAYS AS (
                        CASE WHEN period_start IS NOT NULL
                                  AND @extschema@.partial_date_last(coalesce(period_end, period_start))
                                      >= @extschema@.partial_date_first(period_start)
                             THEN pg_catalog.daterange(@extschema@.partial_date_first(period_start),
                                                       @extschema@.partial_date_last(coalesce(period_end, period_start)), '[]')
                        END) STORED,
    basis           text NOT NULL DEFAULT 'stated' CONSTRAINT statement_basis_known CHECK (basis IN ('stated', 'inferred')),
    tentative       boolean NOT NULL DEFAULT false,
    note            text,
    is_seed         boolean NOT NULL DEFAULT false,
    CONSTRAINT statement_period_in_order
        CHECK (period_start IS NULL OR period_end IS NULL
               OR @extschema@.partial_date_last(period_end) >= @extschema@.partial_date_first(period_start)),
    CONSTRAINT period_end_needs_period_start CHECK (period_end IS NULL OR period_start IS NOT NULL),
    CONSTRAINT inferred_statement_says_from_what CHECK (basis = 'stated' OR coalesce(note, '') ~ '\S'),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.statements_id_seq OWNED BY @extschema@.statements.id;
COMMENT ON SEQUENCE @extschema@.statements_id_seq IS 'Ids of user rows of statements (from 1000000; seed rows use ids below).';
CREATE INDEX statements_source_document_idx ON @extschema@.statements (source_document);
CREATE INDEX statements_kind_idx ON @extschema@.statements (kind);
COMMENT ON TABLE @extschema@.statements IS 'What a document states, at a place in it, of a kind (benefit, challenge, recommendation, policy adopted ...), in the document''s words; who makes it and whom it is about are in statement_parties.';
COMMENT ON COLUMN @extschema@.statements.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.statements.source_document IS 'The document that makes the statement (or reports it).';
COMMENT ON COLUMN @extschema@.statements.source_place IS 'Where in that document: section, paragraph, footnote, annex (required: every statement names its place).';
COMMENT ON COLUMN @extschema@.statements.kind IS 'Kind of statement (statement_kinds).';
COMMENT ON COLUMN @extschema@.statements.statement IS 'The statement, in the document''s words or close to them.';
COMMENT ON COLUMN @extschema@.statements.quote IS 'The exact words of the document, where the statement shortens them.';
COMMENT ON COLUMN @extschema@.statements.period_start IS 'Start of the time the statement refers to, at the precision of the document (NULL: undated).';
COMMENT ON COLUMN @extschema@.statements.period_end IS 'End of that time (NULL: the start date only).';
COMMENT ON COLUMN @extschema@.statements.period IS 'Days the statement refers to (whole stated units); NULL when undated.';
COMMENT ON COLUMN @extschema@.statements.basis IS 'stated: the document says it; inferred: a curator''s reading of the document, explained in note.';
COMMENT ON COLUMN @extschema@.statements.tentative IS 'True when the document states it as likely, planned or suggested.';
COMMENT ON COLUMN @extschema@.statements.note IS 'Remarks; for an inferred statement, what it is inferred from (required).';
COMMENT ON COLUMN @extschema@.statements.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE SEQUENCE @extschema@.statement_parties_id_seq START 1000000;
CREATE TABLE @extschema@.statement_parties (
    id           bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.statement_parties_id_seq'::pg_catalog.regclass),
    statement_id bigint NOT NULL REFERENCES @extschema@.statements ON DELETE CASCADE,
    role         text NOT NULL CONSTRAINT statement_party_role_known CHECK (role IN ('by', 'by one of', 'about', 'cited')),
    state        @extschema@.country,
    organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    mechanism    text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    structure    text,
    event        text REFERENCES @extschema@.events ON UPDATE CASCADE,
    document     text REFERENCES @extschema@.documents ON UPDATE CASCADE,
    person       text CHECK (person ~ '\S'),
    as_written   text CHECK (as_written ~ '\S'),
    is_seed      boolean NOT NULL DEFAULT false,
    FOREIGN KEY (mechanism, structure) REFERENCES @extschema@.structures (mechanism, name) ON UPDATE CASCADE,
    CONSTRAINT party_is_one_thing
        CHECK (num_nonnulls(state, organization, mechanism, event, document) = 1
               OR (num_nonnulls(state, organization, mechanism, event, document) = 0 AND person IS NOT NULL)),
    CONSTRAINT speaker_is_an_actor CHECK (role NOT IN ('by', 'by one of') OR num_nulls(event, document) = 2),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.statement_parties_id_seq OWNED BY @extschema@.statement_parties.id;
COMMENT ON SEQUENCE @extschema@.statement_parties_id_seq IS 'Ids of user rows of statement_parties (from 1000000; seed rows use ids below).';
CREATE INDEX statement_parties_statement_idx ON @extschema@.statement_parties (statement_id);
CREATE INDEX statement_parties_state_idx ON @extschema@.statement_parties (state);
CREATE INDEX statement_parties_organization_idx ON @extschema@.statement_parties (organization);
CREATE INDEX statement_parties_mechanism_idx ON @extschema@.statement_parties (mechanism);
COMMENT ON TABLE @extschema@.statement_parties IS 'Who makes a statement and whom or what it is about: a State, an organization, a mechanism or one of its structures, an event, a document, or a person (alone or for a State or organization).';
COMMENT ON COLUMN @extschema@.statement_parties.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.statement_parties.statement_id IS 'The statement.';
COMMENT ON COLUMN @extschema@.statement_parties.role IS 'by: makes the statement; by one of: one of a group the document names together as making it, without saying each did; about: the statement is about it; cited: the statement cites it (a framework, an instrument, the document where it was first made).';
COMMENT ON COLUMN @extschema@.statement_parties.state IS 'The State (or the State a person speaks for).';
COMMENT ON COLUMN @extschema@.statement_parties.organization IS 'The organization (or the organization a person speaks for).';
COMMENT ON COLUMN @extschema@.statement_parties.mechanism IS 'The mechanism; with structure, the mechanism of that structure.';
COMMENT ON COLUMN @extschema@.statement_parties.structure IS 'A structure of the mechanism (structures.name): Steering Group, Support Unit, Troika ...';
COMMENT ON COLUMN @extschema@.statement_parties.event IS 'The event (only as about or cited).';
COMMENT ON COLUMN @extschema@.statement_parties.document IS 'The document (only as about or cited).';
COMMENT ON COLUMN @extschema@.statement_parties.person IS 'A person or office as the document names it; alone, or for the State or organization of the row.';
COMMENT ON COLUMN @extschema@.statement_parties.as_written IS 'The party as the document writes it (CEEAC, the Democratic Republic of Congo), where that differs from the registry''s name.';
COMMENT ON COLUMN @extschema@.statement_parties.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

-- @load @extschema@.document_kinds data/document_kinds.csv
-- @load @extschema@.statement_kinds data/statement_kinds.csv
-- @load @extschema@.documents data/documents.csv
-- @load @extschema@.statements data/statements.csv
-- @load @extschema@.statement_parties data/statement_parties.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.statements_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.statement_parties_id_seq', '');

-- ---- reporting views (plain column types) --------------------------------------

CREATE VIEW @extschema@.statement_party_report AS
SELECT p.id,
       p.statement_id,
       s.source_document,
       s.source_place,
       s.kind,
       s.statement,
       s.basis,
       s.tentative,
       lower(s.period) AS first_day,
       upper(s.period) - 1 AS last_day,
       p.role,
       CASE WHEN p.state IS NOT NULL THEN 'state'
            WHEN p.organization IS NOT NULL THEN 'organization'
            WHEN p.structure IS NOT NULL THEN 'structure'
            WHEN p.mechanism IS NOT NULL THEN 'mechanism'
            WHEN p.event IS NOT NULL THEN 'event'
            WHEN p.document IS NOT NULL THEN 'document'
            ELSE 'person' END AS party_kind,
       coalesce(p.person || ' (' || coalesce(@extschema@.country_name(p.state, 'en'::text), p.organization) || ')',
                @extschema@.country_name(p.state, 'en'::text), p.organization, p.mechanism || coalesce(' ' || p.structure, ''),
                p.event, p.document, p.person) AS party,
       @extschema@.alpha3(p.state) AS alpha3,
       p.organization,
       p.mechanism,
       p.structure,
       p.event,
       p.document,
       p.person,
       p.as_written,
       p.is_seed
  FROM @extschema@.statement_parties p
  JOIN @extschema@.statements s ON s.id = p.statement_id;
COMMENT ON VIEW @extschema@.statement_party_report IS 'One row per party of a statement (long format for BI filters): the statement, its document and place, and the party with its role (by, by one of, about, cited).';
COMMENT ON COLUMN @extschema@.statement_party_report.id IS 'Party row id.';
COMMENT ON COLUMN @extschema@.statement_party_report.statement_id IS 'Statement id.';
COMMENT ON COLUMN @extschema@.statement_party_report.source_document IS 'Document that makes the statement.';
COMMENT ON COLUMN @extschema@.statement_party_report.source_place IS 'Place in that document.';
COMMENT ON COLUMN @extschema@.statement_party_report.kind IS 'Kind of statement.';
COMMENT ON COLUMN @extschema@.statement_party_report.statement IS 'The statement.';
COMMENT ON COLUMN @extschema@.statement_party_report.basis IS 'stated or inferred.';
COMMENT ON COLUMN @extschema@.statement_party_report.tentative IS 'Stated as likely, planned or suggested.';
COMMENT ON COLUMN @extschema@.statement_party_report.first_day IS 'First day the statement refers to (NULL: undated).';
COMMENT ON COLUMN @extschema@.statement_party_report.last_day IS 'Last day the statement refers to (NULL: undated).';
COMMENT ON COLUMN @extschema@.statement_party_report.role IS 'by, by one of, about or cited.';
COMMENT ON COLUMN @extschema@.statement_party_report.party_kind IS 'state, organization, mechanism, structure, event, document or person.';
COMMENT ON COLUMN @extschema@.statement_party_report.party IS 'State name, organization code, mechanism code (with the structure), event code, document code or person (with the State or organization it speaks for).';
COMMENT ON COLUMN @extschema@.statement_party_report.alpha3 IS 'Alpha-3 code of the State.';
COMMENT ON COLUMN @extschema@.statement_party_report.organization IS 'Organization code.';
COMMENT ON COLUMN @extschema@.statement_party_report.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.statement_party_report.structure IS 'Structure of the mechanism.';
COMMENT ON COLUMN @extschema@.statement_party_report.event IS 'Event code.';
COMMENT ON COLUMN @extschema@.statement_party_report.document IS 'Document code.';
COMMENT ON COLUMN @extschema@.statement_party_report.person IS 'Person or office.';
COMMENT ON COLUMN @extschema@.statement_party_report.as_written IS 'The party as the document writes it.';
COMMENT ON COLUMN @extschema@.statement_party_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.statement_report AS
SELECT s.id,
       s.source_document,
       d.title AS document_title,
       s.source_place,
       s.kind,
       s.statement,
       s.quote,
       s.period_start::text AS period_start,
       s.period_end::text AS period_end,
       lower(s.period) AS first_day,
       upper(s.period) - 1 AS last_day,
       s.basis,
       s.tentative,
       pr.by_parties,
       pr.by_one_of,
       pr.about,
       pr.cited,
       pr.alpha3s,
       s.note,
       s.is_seed
  FROM @extschema@.statements s
  JOIN @extschema@.documents d ON d.code = s.source_document
  LEFT JOIN LATERAL (
      SELECT pg_catalog.string_agg(r.party, ' | ' ORDER BY r.id) FILTER (WHERE r.role = 'by') AS by_parties,
             pg_catalog.string_agg(r.party, ' | ' ORDER BY r.id) FILTER (WHERE r.role = 'by one of') AS by_one_of,
             pg_catalog.string_agg(r.party, ' | ' ORDER BY r.id) FILTER (WHERE r.role = 'about') AS about,
             pg_catalog.string_agg(r.party, ' | ' ORDER BY r.id) FILTER (WHERE r.role = 'cited') AS cited,
             pg_catalog.string_agg(DISTINCT r.alpha3::text, ' | ' ORDER BY r.alpha3::text) FILTER (WHERE r.alpha3 IS NOT NULL) AS alpha3s
        FROM @extschema@.statement_party_report r
       WHERE r.statement_id = s.id
  ) AS pr ON true;
COMMENT ON VIEW @extschema@.statement_report IS 'One row per statement: document, place, kind, the words, the period it refers to, basis, and its parties by role.';
COMMENT ON COLUMN @extschema@.statement_report.id IS 'Statement id.';
COMMENT ON COLUMN @extschema@.statement_report.source_document IS 'Document that makes the statement.';
COMMENT ON COLUMN @extschema@.statement_report.document_title IS 'Title of that document.';
COMMENT ON COLUMN @extschema@.statement_report.source_place IS 'Place in that document.';
COMMENT ON COLUMN @extschema@.statement_report.kind IS 'Kind of statement.';
COMMENT ON COLUMN @extschema@.statement_report.statement IS 'The statement.';
COMMENT ON COLUMN @extschema@.statement_report.quote IS 'The exact words, where the statement shortens them.';
COMMENT ON COLUMN @extschema@.statement_report.period_start IS 'Start of the time referred to, as the document gives it.';
COMMENT ON COLUMN @extschema@.statement_report.period_end IS 'End of the time referred to, as the document gives it.';
COMMENT ON COLUMN @extschema@.statement_report.first_day IS 'First day referred to (NULL: undated).';
COMMENT ON COLUMN @extschema@.statement_report.last_day IS 'Last day referred to (NULL: undated).';
COMMENT ON COLUMN @extschema@.statement_report.basis IS 'stated or inferred.';
COMMENT ON COLUMN @extschema@.statement_report.tentative IS 'Stated as likely, planned or suggested.';
COMMENT ON COLUMN @extschema@.statement_report.by_parties IS 'Parties that make the statement, '' | ''-separated (one row each in statement_party_report).';
COMMENT ON COLUMN @extschema@.statement_report.by_one_of IS 'Parties named together as making it, not each, '' | ''-separated (one row each in statement_party_report).';
COMMENT ON COLUMN @extschema@.statement_report.about IS 'Parties the statement is about, '' | ''-separated (one row each in statement_party_report).';
COMMENT ON COLUMN @extschema@.statement_report.cited IS 'Parties, frameworks and documents it cites, '' | ''-separated (one row each in statement_party_report).';
COMMENT ON COLUMN @extschema@.statement_report.alpha3s IS 'Alpha-3 codes of every State among the parties, in any role, '' | ''-separated (one row each in statement_party_report).';
COMMENT ON COLUMN @extschema@.statement_report.note IS 'Remarks; for inferred statements, what they are inferred from.';
COMMENT ON COLUMN @extschema@.statement_report.is_seed IS 'True for seed rows.';

CREATE VIEW @extschema@.document_report AS
SELECT d.code,
       d.title,
       d.kind,
       d.issued::text AS issued,
       @extschema@.partial_date_precision(d.issued) AS issued_precision,
       coalesce(@extschema@.country_name(d.author_state, 'en'::text), d.author_organization, d.author_mechanism, d.author_person) AS author,
       CASE WHEN d.author_state IS NOT NULL THEN 'state'
            WHEN d.author_organization IS NOT NULL THEN 'organization'
            WHEN d.author_mechanism IS NOT NULL THEN 'mechanism'
            WHEN d.author_person IS NOT NULL THEN 'person' END AS author_kind,
       d.author_person,
       d.symbol,
       d.url,
       d.part_of,
       (SELECT count(*)::int FROM @extschema@.statements s WHERE s.source_document = d.code) AS statements_made,
       (SELECT count(DISTINCT p.statement_id)::int FROM @extschema@.statement_parties p WHERE p.document = d.code) AS statements_about,
       d.note,
       d.source,
       d.is_seed
  FROM @extschema@.documents d;
COMMENT ON VIEW @extschema@.document_report IS 'One row per document: kind, issue date at its precision, author, symbol, URL, how many statements it makes and how many statements cite or are about it.';
COMMENT ON COLUMN @extschema@.document_report.code IS 'Document code.';
COMMENT ON COLUMN @extschema@.document_report.title IS 'Title.';
COMMENT ON COLUMN @extschema@.document_report.kind IS 'Kind of document.';
COMMENT ON COLUMN @extschema@.document_report.issued IS 'Issue date as the source gives it.';
COMMENT ON COLUMN @extschema@.document_report.issued_precision IS 'year, month or day.';
COMMENT ON COLUMN @extschema@.document_report.author IS 'Authoring State (name), organization, mechanism or person.';
COMMENT ON COLUMN @extschema@.document_report.author_kind IS 'state, organization, mechanism or person.';
COMMENT ON COLUMN @extschema@.document_report.author_person IS 'Authoring person or office, also when an organization is named.';
COMMENT ON COLUMN @extschema@.document_report.symbol IS 'Official symbol.';
COMMENT ON COLUMN @extschema@.document_report.url IS 'Published address.';
COMMENT ON COLUMN @extschema@.document_report.part_of IS 'Enclosing document.';
COMMENT ON COLUMN @extschema@.document_report.statements_made IS 'Statements recorded from this document.';
COMMENT ON COLUMN @extschema@.document_report.statements_about IS 'Statements that cite this document or are about it.';
COMMENT ON COLUMN @extschema@.document_report.note IS 'Remarks.';
COMMENT ON COLUMN @extschema@.document_report.source IS 'Where the document is named.';
COMMENT ON COLUMN @extschema@.document_report.is_seed IS 'True for seed rows.';
