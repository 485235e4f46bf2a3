-- Documents and statements: the facts the seed documents state that have no
-- table of their own (benefits, challenges, recommendations, policies, the
-- GMG's joint documents, the panel questions ...), queryable with their
-- document and place; constraints that keep user rows right; reporting views
-- with plain column types.
SET client_min_messages = warning;
SET datestyle = ISO;
\set SHOW_CONTEXT never

-- ---- the seed -----------------------------------------------------------------
SELECT (SELECT count(*) FROM iscm.documents) AS documents, (SELECT count(*) FROM iscm.statements) AS statements,
       (SELECT count(*) FROM iscm.statement_parties) AS parties,
       (SELECT bool_and(is_seed) FROM iscm.statements) AS all_seed;
SELECT source_document, count(*) AS statements FROM iscm.statements GROUP BY 1 ORDER BY 1;

-- The GMG's seven joint documents of the IOM chairmanship, with the URLs of seed 001 fn 8-13.
SELECT d.code, d.url IS NOT NULL AS has_url, d.source
  FROM iscm.documents d
  JOIN iscm.statement_parties p ON p.document = d.code
  JOIN iscm.statements s ON s.id = p.statement_id
 WHERE s.kind = 'output' AND s.source_document = 'seed 001' AND s.statement LIKE '%joint document%'
 ORDER BY s.id;
-- The Handbook (adopted 2010), the SRSG report and its recommendations, the Operating Modalities.
SELECT code, title, kind, author, issued, symbol, statements_about FROM iscm.document_report
 WHERE code IN ('iom-handbook-2010', 'A/71/728', 'gfmd-operating-modalities') ORDER BY code;
SELECT source_place, statement, by_parties, cited FROM iscm.statement_report
 WHERE 'A/71/728' = ANY (string_to_array(cited, ' | ')) ORDER BY id;
SELECT about FROM iscm.statement_report WHERE kind = 'structure' AND source_document = 'seed 000';

-- Statements about a State: Nigeria's national policy (GFMD 2014-2015), Morocco's benefits and institutions.
SELECT kind, statement, first_day, last_day FROM iscm.statement_report WHERE alpha3s LIKE '%NGA%';
SELECT source_document, source_place, kind, role, statement
  FROM iscm.statement_party_report WHERE alpha3 = 'MAR' ORDER BY statement_id;
-- The benefits the 13 States named: each type once, the 13 as a group, not each.
SELECT count(*) AS benefit_types, min(cardinality(string_to_array(by_one_of, ' | '))) AS states, bool_and(by_parties IS NULL) AS none_by_one_state
  FROM iscm.statement_report WHERE kind = 'benefit' AND source_place = '§5 para 2';
-- Funding, challenges, participation of the GFMD; the GMG's challenges and five improvement ideas.
SELECT source_document, kind, count(*) FROM iscm.statement_report
 WHERE kind IN ('funding', 'challenge', 'improvement proposal', 'participation', 'review', 'contribution')
 GROUP BY 1, 2 ORDER BY 1, 2;
-- The GMG's admission procedure and the applicants of January-June 2007.
SELECT kind, statement, period_start, period_end FROM iscm.statement_report
 WHERE kind IN ('admission procedure', 'membership application') ORDER BY id;
-- The side event's seven panel questions.
SELECT count(*) AS questions, min(first_day) AS day FROM iscm.statement_report
 WHERE kind = 'question' AND 'GCM-2017-06-20-SE' = ANY (string_to_array(about, ' | '));
-- The regional frameworks States cite, as the paper writes them.
SELECT organization, as_written FROM iscm.statement_party_report
 WHERE role = 'cited' AND party_kind = 'organization' AND source_place = '§3 para 2' ORDER BY id;
-- Documents the 2008 paper cites with their dates: ECOWAS 1979, EU 2005 and 2007, MERCOSUR 2002.
SELECT code, author, issued FROM iscm.document_report
 WHERE code IN ('ecowas-free-movement-1979', 'eu-global-approach-2005', 'eu-pcd-report-2007', 'mercosur-residence-2002')
 ORDER BY issued;
-- Dated facts about States, in time order.
SELECT period_start, statement FROM iscm.statement_report
 WHERE source_document = 'seed 004' AND kind IN ('institution established', 'policy adopted', 'programme')
   AND period_start IS NOT NULL
 ORDER BY period_start, id;

-- The reporting views have plain column types only.
SELECT c.relname, string_agg(DISTINCT format_type(a.atttypid, a.atttypmod), ', ') AS types
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'iscm'::regnamespace AND c.relname IN ('document_report', 'statement_report', 'statement_party_report')
   AND a.attnum > 0
 GROUP BY c.relname ORDER BY c.relname;

-- ---- user rows: a new document's statements, added the same way -------------------
INSERT INTO iscm.documents (code, title, kind, author_mechanism, issued, url, source)
VALUES ('gfmd-2024-summit-report', 'Report of the 14th GFMD Summit', 'report', 'GFMD', '2024-03',
        'https://example.org/gfmd-2024-report.pdf', 'test: user document')
RETURNING code, is_seed;
INSERT INTO iscm.statements (source_document, source_place, kind, statement, period_start, period_end)
VALUES ('gfmd-2024-summit-report', 'p. 4', 'recommendation', 'Keep policy coherence on the agenda.', '2024-01-23', '2024-01-25')
RETURNING id >= 1000000 AS user_id_range, period, basis, is_seed;
INSERT INTO iscm.statement_parties (statement_id, role, state)
SELECT max(id), 'by', 'France' FROM iscm.statements WHERE NOT is_seed
RETURNING id >= 1000000 AS user_id_range, role, state;
INSERT INTO iscm.statement_parties (statement_id, role, mechanism, structure)
SELECT max(id), 'about', 'GFMD', 'Steering Group' FROM iscm.statements WHERE NOT is_seed
RETURNING role, mechanism, structure;
SELECT statement, by_parties, about, alpha3s, is_seed FROM iscm.statement_report WHERE NOT is_seed;

-- ---- what is refused, and how ------------------------------------------------
-- (terse: the failing rows would show sequence-generated ids)
\set VERBOSITY terse
-- every statement names its place
INSERT INTO iscm.statements (source_document, source_place, kind, statement)
VALUES ('gfmd-2024-summit-report', ' ', 'recommendation', 'No place.');
\echo :LAST_ERROR_SQLSTATE
-- an inferred statement says from what
INSERT INTO iscm.statements (source_document, source_place, kind, statement, basis)
VALUES ('gfmd-2024-summit-report', 'p. 5', 'view', 'A reading.', 'inferred');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statements (source_document, source_place, kind, statement, basis)
VALUES ('gfmd-2024-summit-report', 'p. 5', 'view', 'A reading.', 'guessed');
\echo :LAST_ERROR_SQLSTATE
-- the time referred to may not end before it starts
INSERT INTO iscm.statements (source_document, source_place, kind, statement, period_start, period_end)
VALUES ('gfmd-2024-summit-report', 'p. 6', 'view', 'Backwards.', '2024', '2023-12');
\echo :LAST_ERROR_SQLSTATE
-- unknown kinds, documents, structures: foreign keys
INSERT INTO iscm.statements (source_document, source_place, kind, statement)
VALUES ('gfmd-2024-summit-report', 'p. 7', 'rumour', 'Unknown kind.');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statements (source_document, source_place, kind, statement)
VALUES ('no-such-document', 'p. 7', 'view', 'Unknown document.');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statement_parties (statement_id, role, mechanism, structure)
SELECT max(id), 'about', 'GFMD', 'Politburo' FROM iscm.statements WHERE NOT is_seed;
\echo :LAST_ERROR_SQLSTATE
-- a party is one thing (or a person); a document or an event does not speak
INSERT INTO iscm.statement_parties (statement_id, role, state, organization)
SELECT max(id), 'about', 'France', 'IOM' FROM iscm.statements WHERE NOT is_seed;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statement_parties (statement_id, role)
SELECT max(id), 'about' FROM iscm.statements WHERE NOT is_seed;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statement_parties (statement_id, role, document)
SELECT max(id), 'by', 'seed 004' FROM iscm.statements WHERE NOT is_seed;
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statement_parties (statement_id, role, state)
SELECT max(id), 'signed by', 'France' FROM iscm.statements WHERE NOT is_seed;
\echo :LAST_ERROR_SQLSTATE
-- documents: a URL is an http(s) address, a document is not part of itself, symbols are unique
INSERT INTO iscm.documents (code, title, kind, url, source) VALUES ('x', 'X', 'report', 'www.example.org', 'test');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.documents (code, title, kind, part_of, source) VALUES ('y', 'Y', 'report', 'y', 'test');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.documents (code, title, kind, symbol, source) VALUES ('z', 'Z', 'report', 'A/71/728', 'test');
\echo :LAST_ERROR_SQLSTATE
-- user rows may not pose as seed rows or take seed ids; seed rows are read-only
INSERT INTO iscm.statements (id, source_document, source_place, kind, statement)
VALUES (5, 'gfmd-2024-summit-report', 'p. 8', 'view', 'A seed id.');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
UPDATE iscm.statements SET statement = 'changed' WHERE id = 1;
\echo :LAST_ERROR_SQLSTATE
DELETE FROM iscm.documents WHERE code = 'seed 000';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO iscm.statement_kinds (kind, description, source, is_seed) VALUES ('rumour', 'Hearsay', 'test', true);
\echo :LAST_ERROR_SQLSTATE

-- Deleting a user statement deletes its parties; the seed is untouched.
DELETE FROM iscm.statements WHERE NOT is_seed;
SELECT count(*) FILTER (WHERE NOT is_seed) AS user_parties, count(*) AS parties FROM iscm.statement_parties;
DELETE FROM iscm.documents WHERE NOT is_seed;
