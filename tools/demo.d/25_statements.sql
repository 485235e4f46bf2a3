-- iscm demo: what the seed documents state, with document and place.
\pset footer off

\echo
\echo '== The GMG joint documents coordinated by IOM in January-June 2007 (seed 001 §II, addresses in fn 8-13)'
SELECT d.title, coalesce(d.url, '(no address given)') AS url
  FROM iscm.statement_party_report AS p
  JOIN iscm.documents AS d ON d.code = p.document
 WHERE p.kind = 'output' AND p.source_document = 'seed 001' AND p.role = 'about' AND p.party_kind = 'document'
   AND p.statement LIKE '%joint document%'
 ORDER BY p.statement_id;

\echo
\echo '== What the documents state by or about Morocco'
SELECT source_document || ' ' || source_place AS "where", kind, role, statement
  FROM iscm.statement_party_report
 WHERE alpha3 = 'MAR' AND role IN ('by', 'about')
 ORDER BY first_day NULLS LAST, statement_id;

\echo
\echo '== The GFMD: funding and challenges (seed 000 §3), and how ISCMs take part (§4)'
SELECT kind, statement FROM iscm.statement_report
 WHERE source_document = 'seed 000' AND kind IN ('funding', 'challenge', 'participation')
 ORDER BY kind, id;

\echo
\echo '== Regional frameworks States cite (seed 004 §3 para 2), as the paper writes them'
SELECT string_agg(coalesce(as_written, party), '; ' ORDER BY id) AS frameworks
  FROM iscm.statement_party_report
 WHERE source_document = 'seed 004' AND source_place = '§3 para 2' AND role = 'cited';

\echo
\echo '== Documents and statements recorded, by kind of document'
SELECT kind, count(*) AS documents, sum(statements_made) AS statements_made, sum(statements_about) AS cited_or_about
  FROM iscm.document_report GROUP BY kind ORDER BY documents DESC, kind;
