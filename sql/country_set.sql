-- iscm.country_set: text and binary I/O, casts, comparison, set operators.
CREATE SCHEMA cset;
SET search_path = cset, iscm, public;

-- ---- text input ---------------------------------------------------------------
SELECT '{}'::country_set AS empty,
       '  { }  '::country_set AS empty_with_spaces,
       '{SEN,CIV}'::country_set AS two,
       '{ SEN , CIV , SEN }'::country_set AS duplicates_collapse,
       '{"SEN","CIV"}'::country_set AS quoted;

-- Output is in key order (alpha-3 order for current countries), whatever the input order.
SELECT '{ZWE,AFG,BEL,PHL}'::country_set;

-- Names with commas, braces or quotes are double-quoted; backslash escapes the next character.
SELECT '{"Congo, Dem. Rep.", SEN}'::country_set AS comma_in_name,
       '{"S\EN"}'::country_set AS backslash_escape;

-- Every spelling iscm.country accepts: alpha-2, alpha-3, numeric with or without
-- leading zeros, code aliases (EL, UK, XK), names in English, French and Spanish,
-- any case, accents or none, curly or straight apostrophes, a leading "the",
-- former countries and M49-only areas.
SELECT '{SN, sen, 686, Senegal, Sénégal, "  the gambia ", EL, UK, XK, 4, 004, AFG,
         "Côte d’Ivoire", Cote d''Ivoire, "Congo, Dem. Rep.", "Korea, Republic of",
         SUN, 830, Allemagne, Alemania}'::country_set AS spellings;

-- Output follows iscm.country_output, quoting names that need it, and reads back.
SET iscm.country_output = name;
SELECT '{COD,COG,CIV,KOR,SUN,830,XKX,USA}'::country_set AS by_name;
SET iscm.country_output = numeric;
SELECT '{COD,COG,CIV,KOR,SUN,830,XKX,USA}'::country_set AS by_numeric;
SET iscm.country_output = alpha2;
SELECT '{COD,COG,CIV,KOR,SUN,830,XKX,USA}'::country_set AS by_alpha2;
RESET iscm.country_output;
-- the set of every country the type knows reads back from its text in every output style
CREATE TABLE cset.styles (style text);
INSERT INTO cset.styles VALUES ('alpha3'), ('alpha2'), ('numeric'), ('name');
CREATE FUNCTION cset.round_trips(style text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE everything country_set; as_text text;
BEGIN
    SELECT country_set_agg(code::country) INTO everything FROM iscm.countries;
    PERFORM set_config('iscm.country_output', style, true);
    as_text := everything::text;
    PERFORM set_config('iscm.country_output', 'alpha3', true);
    RETURN as_text::country_set = everything AND cardinality(everything) = (SELECT count(*) FROM iscm.countries);
END $$;
SELECT style, cset.round_trips(style) FROM cset.styles;

-- ---- text input errors ----------------------------------------------------------
SELECT 'SEN'::country_set;                   -- no braces
SELECT '{SEN,CIV'::country_set;              -- unterminated
SELECT '{SEN,{CIV}}'::country_set;           -- nested
SELECT '{{SEN}}'::country_set;               -- nested at the start
SELECT '{SEN,,CIV}'::country_set;            -- empty element
SELECT '{SEN,}'::country_set;                -- trailing comma
SELECT '{,SEN}'::country_set;                -- leading comma
SELECT '{"SEN}'::country_set;                -- unterminated quote
SELECT '{"SEN" CIV}'::country_set;           -- junk after a quoted element
SELECT '{SEN"CIV"}'::country_set;            -- quote inside an unquoted element
SELECT '{SEN} x'::country_set;               -- junk after the set
SELECT '{Congo, Dem. Rep.}'::country_set;    -- unquoted comma splits the name: " Dem. Rep." is no country
SELECT '{SEN,Atlantis}'::country_set;        -- bad element: the country type's error and hint

-- ---- binary format: version byte 1, then big-endian 16-bit keys ------------------
SELECT country_set_send('{}') AS empty,
       country_set_send('{BEL}') AS bel,
       country_set_send('{BEL,PHL}') AS bel_phl;

-- Binary round trip through COPY (FORMAT binary), which uses send and receive.
CREATE TABLE cset.io (id int, s country_set);
INSERT INTO cset.io VALUES (1, '{}'), (2, '{BEL}'), (3, '{AFG,BEL,PHL,SEN,USA,ZWE}'),
                           (4, '{"Congo, Dem. Rep.",SEN}');
-- (files go to the data directory: the server writes them and reads them back)
SELECT current_setting('data_directory') || '/country_set.bin' AS binfile,
       current_setting('data_directory') || '/country_set_raw.bin' AS rawfile \gset
COPY cset.io TO :'binfile' WITH (FORMAT binary);
CREATE TABLE cset.io_back (LIKE cset.io);
COPY cset.io_back FROM :'binfile' WITH (FORMAT binary);
SELECT a.id, a.s, b.s AS back, a.s = b.s AS same
  FROM cset.io a JOIN cset.io_back b USING (id) ORDER BY id;

-- Receive validates: a bytea column copied out in binary has the same field bytes,
-- so copying it into a country_set column feeds those bytes to the receive function.
CREATE TABLE cset.raw (b bytea);
CREATE TABLE cset.one (s country_set);
-- a valid payload written by hand: {BEL,PHL}
INSERT INTO cset.raw VALUES ('\x010318285e');
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
SELECT s FROM cset.one;
-- and invalid ones, each rejected with SQLSTATE 22P03
\set VERBOSITY sqlstate
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x');  -- no version byte
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x020318');  -- unknown version
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x01031828');  -- half a key
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x01285e0318');  -- not sorted
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x0103180318');  -- duplicate
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x010000');  -- key 0 is never a country
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
TRUNCATE cset.raw;
INSERT INTO cset.raw VALUES ('\x01ffff');  -- key 65535: no country has it
COPY cset.raw TO :'rawfile' WITH (FORMAT binary);
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
\set VERBOSITY default
-- the same, with the full message for one of them
COPY cset.one FROM :'rawfile' WITH (FORMAT binary);
SELECT count(*) AS rows_loaded FROM cset.one;

-- ---- casts -------------------------------------------------------------------------
SELECT 'SEN'::country::country_set AS from_country,
       ARRAY['SEN', 'CIV', 'SEN']::country[]::country_set AS from_array,
       '{SEN,CIV}'::country_set::country[] AS to_array,
       (ARRAY[]::country[])::country_set AS from_empty_array,
       ('{}'::country_set)::country[] AS to_empty_array;
SELECT ARRAY['SEN', NULL]::country[]::country_set;   -- NULL elements are an error
-- assignment casts: a country or a country array stores into a country_set column
INSERT INTO cset.one VALUES ('SEN'::country), (ARRAY['CIV', 'SEN']::country[]);
SELECT s FROM cset.one ORDER BY s;

-- ---- comparison: lexicographic over sorted keys; btree and hash opclasses ----------
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne, a >= b AS ge, a > b AS gt,
       country_set_cmp(a, b) AS cmp
  FROM (VALUES ('{}'::country_set, '{}'::country_set),
               ('{}', '{AFG}'),
               ('{AFG}', '{AFG,BEL}'),
               ('{AFG,BEL}', '{BEL}'),
               ('{BEL,SEN}', '{BEL,PHL}'),
               ('{SEN,BEL}', '{BEL,SEN}')) v(a, b);
-- equal sets hash equally, whatever the spelling or order they were written in
SELECT country_set_hash('{SEN,CIV}') = country_set_hash('{ "CIV" , SEN, CIV }') AS same_hash,
       country_set_hash_extended('{SEN,CIV}', 7) = country_set_hash_extended('{CIV,SEN}', 7) AS same_hash_extended,
       country_set_hash_extended('{SEN,CIV}', 0) & 4294967295
           = country_set_hash('{SEN,CIV}')::bigint & 4294967295 AS seed_0_matches_hash,
       country_set_hash_extended('{SEN,CIV}', 0) <> country_set_hash_extended('{SEN,CIV}', 1) AS seeds_differ;
-- GROUP BY and DISTINCT work through either opclass
CREATE TABLE cset.g (s country_set);
INSERT INTO cset.g VALUES ('{SEN,CIV}'), ('{CIV,SEN}'), ('{}'), ('{BEL}'), ('{}'), ('{BEL,PHL}'), ('{CIV,SEN}');
SET enable_hashagg = off;
SELECT s, count(*) FROM cset.g GROUP BY s ORDER BY s;
SET enable_hashagg = on;
SET enable_sort = off;
SELECT s, count(*) FROM cset.g GROUP BY s ORDER BY count(*) DESC, s::text;
RESET enable_sort;
SELECT count(DISTINCT s) FROM cset.g;
CREATE INDEX ON cset.g USING btree (s);
CREATE INDEX ON cset.g USING hash (s);
SET enable_seqscan = off;
SELECT count(*) FROM cset.g WHERE s = '{CIV,SEN}';
RESET enable_seqscan;
-- a hash join and a merge join on country_set
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT count(*) FROM cset.g a JOIN cset.g b ON a.s = b.s;
SET enable_hashjoin = off;
SET enable_mergejoin = on;
SELECT count(*) FROM cset.g a JOIN cset.g b ON a.s = b.s;
RESET enable_hashjoin;
RESET enable_nestloop;
RESET enable_mergejoin;

-- ---- set operators ------------------------------------------------------------------
SELECT a, b,
       a @> b AS contains, a <@ b AS contained, a && b AS overlaps,
       a | b AS "union", a & b AS intersection, a - b AS difference,
       cardinality(a) AS card_a, jaccard(a, b)
  FROM (VALUES ('{}'::country_set, '{}'::country_set),
               ('{BEL}', '{}'),
               ('{}', '{BEL}'),
               ('{BEL,PHL}', '{PHL}'),
               ('{BEL,PHL}', '{BEL,PHL}'),
               ('{BEL,PHL}', '{PHL,SEN}'),
               ('{AFG,BEL}', '{PHL,SEN}'),
               ('{AFG,SEN,USA}', '{BEL,SEN,ZWE}')) v(a, b);
-- one country against a set, either way round
SELECT '{BEL,PHL}'::country_set @> 'PHL'::country AS has_phl,
       '{BEL,PHL}'::country_set @> 'SEN'::country AS has_sen,
       'PHL'::country <@ '{BEL,PHL}'::country_set AS phl_in,
       'SEN'::country <@ '{}'::country_set AS sen_in_empty;
-- Jaccard: 1 for equal sets (two empty sets included), 0 for disjoint ones
SELECT jaccard('{}', '{}') AS empty_empty, jaccard('{}', '{BEL}') AS empty_other,
       jaccard('{BEL}', '{BEL}') AS same, jaccard('{BEL}', '{PHL}') AS disjoint,
       jaccard('{BEL,PHL,SEN}', '{PHL,SEN,USA}') AS half;

-- ---- unnest ----------------------------------------------------------------------------
SELECT c, pg_typeof(c) FROM unnest('{USA,BEL,"Congo, Dem. Rep."}'::country_set) AS c;
SELECT count(*) FROM unnest('{}'::country_set);
SELECT cardinality(s), (SELECT count(*) FROM unnest(s)) FROM cset.io ORDER BY id;

-- NULLs: every function and operator is strict
SELECT NULL::country_set @> '{BEL}', cardinality(NULL::country_set), jaccard(NULL, '{}');

DROP SCHEMA cset CASCADE;
