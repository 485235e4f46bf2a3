-- Binary I/O of the survey summaries.  Receive accepts only what text input
-- would accept (one validator per type), and category texts inside the binary
-- form are converted between the database and the client encoding, as
-- textrecv and textsend convert a text column.
SET search_path = iscm, public;

-- receive(payload, type): a one-row binary COPY of (text 'café', payload as type)
CREATE FUNCTION pg_temp.receive(payload bytea, typ regtype) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    -- in the server's data directory, under a name of this backend (never a
    -- shared directory another server's user may own)
    f text := 'iscm_defects_binary_' || pg_backend_pid() || '.bin';
    word bytea := convert_to('café', current_setting('client_encoding'));
    lo oid := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                               || '\x0002'::bytea || int4send(length(word)) || word
                               || int4send(length(payload)) || payload || '\xffff'::bytea);
    result text;
BEGIN
    PERFORM lo_export(lo, f);
    PERFORM lo_unlink(lo);
    EXECUTE format('CREATE TEMP TABLE incoming (t text, s %s)', typ);
    BEGIN
        EXECUTE format('COPY incoming FROM PROGRAM %L (FORMAT binary)', 'cat ' || f || ' && rm ' || f);
        SELECT CASE WHEN t = 'café' THEN '' ELSE 'text column garbled! ' END || s::text INTO result FROM incoming;
    EXCEPTION WHEN OTHERS THEN
        result := SQLSTATE || ': ' || SQLERRM;
    END;
    DROP TABLE incoming;
    RETURN result;
END $$;

-- 1. Receive refuses what text input refuses.
-- A transition category no cell uses is one declared with with_categories:
-- text input expresses it under "declared", so it survives a dump and
-- paired_difference(v, 'b') stays an answer.  Bytes: version 1, flags 0,
-- 2 categories, 1 cell (a -> a, 5), "ab".
SELECT pg_temp.receive('\x0100'::bytea || '\x00000002' || '\x00000001'
                       || '\x0000000000000001' || '\x0000000100000001'
                       || '\x00000001000000010000000000000005' || convert_to('ab', 'UTF8'),
                       'iscm.transition_summary') AS declared_category;
-- flags other than weighted (bit 1) are refused
SELECT pg_temp.receive('\x0104'::bytea || '\x00000000' || '\x00000000',
                       'iscm.transition_summary') AS unknown_flag;
-- the same pair twice, and counts past 2^63 - 1, as in text input
SELECT pg_temp.receive('\x0100'::bytea || '\x00000001' || '\x00000002' || '\x0000000000000001'
                       || '\x00000001000000010000000000000005' || '\x00000001000000010000000000000002'
                       || convert_to('a', 'UTF8'), 'iscm.transition_summary') AS duplicate_cell;
SELECT pg_temp.receive('\x0100'::bytea || '\x00000001' || '\x00000002' || '\x0000000000000001'
                       || '\x00000000000000017fffffffffffffff' || '\x00000001000000000000000000000001'
                       || convert_to('a', 'UTF8'), 'iscm.transition_summary') AS counts_past_int64;
-- the same category twice in an answer summary
SELECT pg_temp.receive('\x0100'::bytea || '\x00000002' || int8send(2) || int8send(0)
                       || int8send(1) || '\x0000000000000001' || int8send(1) || '\x0000000100000001'
                       || convert_to('aa', 'UTF8'), 'iscm.answer_summary') AS duplicate_category;
-- what the aggregates make goes through unchanged, for every type
CREATE TEMP TABLE made AS
SELECT answer_agg(a) AS single, choices_agg(ARRAY[a, 'z']) AS multiple, answer_agg(a, w) AS weighted,
       answer_agg(a, w * 1e-200) AS tiny_weights,
       transition_agg(a, b) AS transitions, disposition_agg(d) AS dispositions
  FROM (VALUES ('yes', 'no', 1.5, 'I'), ('no', NULL, 2.0, 'R'), (NULL, 'yes', 1.0, 'NE')) v(a, b, w, d);
SELECT pg_temp.receive(answer_summary_send(single), 'iscm.answer_summary') = single::text AS single,
       pg_temp.receive(answer_summary_send(multiple), 'iscm.answer_summary') = multiple::text AS multiple,
       pg_temp.receive(answer_summary_send(weighted), 'iscm.answer_summary') = weighted::text AS weighted,
       pg_temp.receive(answer_summary_send(tiny_weights), 'iscm.answer_summary') = tiny_weights::text AS tiny_weights,
       pg_temp.receive(transition_summary_send(transitions), 'iscm.transition_summary') = transitions::text AS transitions,
       pg_temp.receive(disposition_summary_send(dispositions), 'iscm.disposition_summary') = dispositions::text AS dispositions
  FROM made;

-- 2. Category texts follow the client encoding, like a text column.
-- (no literal outside ASCII is written while client_encoding is LATIN1: this
-- file is UTF-8)
CREATE TEMP TABLE accented AS
SELECT answer_agg(a) AS answers, transition_agg(a, b) AS transitions, 'café'::text AS word,
       convert_to('café', 'UTF8') AS utf8_bytes
  FROM (VALUES ('café', 'thé'), ('thé', 'café'), ('café', NULL)) v(a, b);
SET client_encoding = 'LATIN1';
-- sent: LATIN1 bytes, as textsend sends a text column
SELECT textsend(word) AS textsend_of_word,
       position(textsend(word) IN answer_summary_send(answers)) > 0 AS answers_sent_in_latin1,
       position(utf8_bytes IN answer_summary_send(answers)) = 0 AS answers_not_in_utf8,
       position(textsend(word) IN transition_summary_send(transitions)) > 0 AS transitions_sent_in_latin1
  FROM accented;
-- received: converted back, and equal to the value sent
SELECT pg_temp.receive(answer_summary_send(answers), 'iscm.answer_summary') = answers::text AS answers_round_trip,
       pg_temp.receive(transition_summary_send(transitions), 'iscm.transition_summary') = transitions::text AS transitions_round_trip
  FROM accented;
RESET client_encoding;
SELECT convert_from(convert_to(pg_temp.receive(answer_summary_send(answers), 'iscm.answer_summary'), 'UTF8'), 'UTF8') AS received_in_utf8
  FROM accented;
-- LATIN1 bytes received by a UTF8 client are bad input (22021), not stored as they came
SET client_encoding = 'LATIN1';
CREATE TEMP TABLE latin1_bytes AS SELECT answer_summary_send(answers) AS b FROM accented;
RESET client_encoding;
SELECT pg_temp.receive(b, 'iscm.answer_summary') AS latin1_bytes_as_utf8 FROM latin1_bytes;
-- a conversion can change the byte order of categories (WIN1252 puts the
-- euro sign 0x80 before é 0xE9; UTF8 after it): they are sorted again
CREATE TEMP TABLE euro AS
SELECT answer_agg(a) AS answers, transition_agg(a, b) AS transitions
  FROM (VALUES ('é', '€'), ('€', 'é'), ('€', '€')) v(a, b);
SET client_encoding = 'WIN1252';
SELECT pg_temp.receive(answer_summary_send(answers), 'iscm.answer_summary') = answers::text AS answers_round_trip,
       pg_temp.receive(transition_summary_send(transitions), 'iscm.transition_summary') = transitions::text AS transitions_round_trip
  FROM euro;
RESET client_encoding;
SELECT answers, transitions FROM euro;
