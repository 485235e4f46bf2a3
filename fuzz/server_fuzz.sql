-- Fuzz the input and receive functions of every iscm type inside the server.
--
-- Receive functions take a StringInfo and cannot be called from SQL, so the
-- bytes reach them the way a driver's would: through binary COPY.  A binary
-- COPY field carries no type, so a bytea payload written with
--   COPY (SELECT payload) TO file (FORMAT binary)
-- is read back by COPY sink FROM file (FORMAT binary) as the raw bytes of
-- the sink column's type, i.e. handed to its typreceive.  Text input goes
-- through a cast from text.  Payloads are mutations of real values (the
-- userdata.every_type table built from test/fixtures/literals and the
-- extension's own tables): bytes flipped, truncated, extended, lengths and
-- version bytes overwritten with extreme values, two samples spliced, or
-- random bytes.  Each payload runs in its own subtransaction.
--
-- Rules checked:
--   * rejection is a user error (SQLSTATE class 22 or 54; 08P01 for a binary
--     message too short, as core types report it), never
--     an internal error (XX000 = elog reached by user input) or anything else;
--   * whatever is accepted prints, and reading that text back gives the same
--     value, whose binary form equals the accepted value's;
--   * the server survives (checked by the caller).
-- psql variables: iterations (per type and interface), seed (0..1), dir (server-writable).
SET client_min_messages = warning;
SELECT set_config('iscm_fuzz.iterations', :'iterations', false),
       set_config('iscm_fuzz.dir', :'dir', false),
       setseed(:'seed') \gset
CREATE TEMP TABLE fuzz_findings (typ text, interface text, sqlstate text, message text, payload bytea);
CREATE TEMP TABLE fuzz_counts (typ text, interface text, tried int, accepted int, rejected int);

CREATE FUNCTION pg_temp.rand_int(lo int, hi int) RETURNS int LANGUAGE sql AS
$$ SELECT lo + floor(random() * (hi - lo + 1))::int $$;

CREATE FUNCTION pg_temp.rand_bytes(n int) RETURNS bytea LANGUAGE sql AS
$$ SELECT coalesce(string_agg(set_byte('\x00'::bytea, 0, floor(random() * 256)::int), ''), '') FROM generate_series(1, n) $$;

CREATE FUNCTION pg_temp.mutate_bytes(p bytea, other bytea) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
    n int := length(p);
    k int;
    edge int[] := '{0,1,127,128,255}';
BEGIN
    CASE pg_temp.rand_int(0, 8)
    WHEN 0 THEN                                            -- flip a few bytes
        FOR i IN 1 .. pg_temp.rand_int(1, 3) LOOP
            IF n > 0 THEN p := set_byte(p, pg_temp.rand_int(0, n - 1), pg_temp.rand_int(0, 255)); END IF;
        END LOOP;
    WHEN 1 THEN p := substring(p FROM 1 FOR pg_temp.rand_int(0, greatest(n - 1, 0)));   -- truncate
    WHEN 2 THEN p := p || pg_temp.rand_bytes(pg_temp.rand_int(1, 16));                  -- trailing garbage
    WHEN 3 THEN                                            -- extreme 32-bit value (a length or count field)
        k := pg_temp.rand_int(0, greatest(n - 1, 0));
        p := substring(p FROM 1 FOR k)
             || (ARRAY['\xffffffff', '\x7fffffff', '\x80000000', '\x00000000', '\x00010000', '\x0000ffff']::bytea[])[pg_temp.rand_int(1, 6)]
             || substring(p FROM k + 5);
    WHEN 4 THEN                                            -- version / tag byte
        IF n > 0 THEN p := set_byte(p, 0, edge[pg_temp.rand_int(1, 5)] + pg_temp.rand_int(0, 1)); END IF;
    WHEN 5 THEN p := substring(p FROM 1 FOR pg_temp.rand_int(0, n)) || substring(other FROM pg_temp.rand_int(1, length(other) + 1));
    WHEN 6 THEN p := pg_temp.rand_bytes(pg_temp.rand_int(0, 40));                       -- noise
    WHEN 7 THEN p := p || p;                                                            -- doubled
    ELSE                                                   -- insert or delete a run
        k := pg_temp.rand_int(0, n);
        IF random() < 0.5 THEN
            p := substring(p FROM 1 FOR k) || pg_temp.rand_bytes(pg_temp.rand_int(1, 8)) || substring(p FROM k + 1);
        ELSE
            p := substring(p FROM 1 FOR k) || substring(p FROM k + 1 + pg_temp.rand_int(1, 8));
        END IF;
    END CASE;
    RETURN p;
END $$;

CREATE FUNCTION pg_temp.mutate_text(s text, other text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    alphabet text[] := ARRAY[',', '{', '}', '(', ')', '[', ']', '"', '''', '\', ' ', E'\t', E'\n', '-', '+', '.',
                             ':', ';', '=', '*', '%', '_', '0', '9', 'A', 'z', 'é', 'ß', '’', '‐', U&'\200B',
                             U&'\FEFF', U&'\00A0', '&', 'Ω', '𝔘', '中', 'NULL', 'N/A', 'the '];
    n int := length(s);
    k int;
BEGIN
    CASE pg_temp.rand_int(0, 7)
    WHEN 0 THEN                                            -- replace characters
        FOR i IN 1 .. pg_temp.rand_int(1, 3) LOOP
            k := pg_temp.rand_int(1, greatest(n, 1));
            s := overlay(s PLACING alphabet[pg_temp.rand_int(1, cardinality(alphabet))] FROM k FOR 1);
        END LOOP;
    WHEN 1 THEN s := left(s, pg_temp.rand_int(0, greatest(n - 1, 0)));
    WHEN 2 THEN                                            -- insert
        k := pg_temp.rand_int(0, n);
        s := left(s, k) || alphabet[pg_temp.rand_int(1, cardinality(alphabet))] || substr(s, k + 1);
    WHEN 3 THEN s := left(s, pg_temp.rand_int(0, n)) || substr(other, pg_temp.rand_int(1, length(other) + 1));
    WHEN 4 THEN s := repeat(s || alphabet[pg_temp.rand_int(1, 3)], pg_temp.rand_int(2, 400));   -- long lists
    WHEN 5 THEN s := upper(s) || ' ' || lower(other);
    WHEN 6 THEN s := repeat(alphabet[pg_temp.rand_int(1, cardinality(alphabet))], pg_temp.rand_int(0, 3000));
    ELSE s := (SELECT string_agg(alphabet[pg_temp.rand_int(1, cardinality(alphabet))], '') FROM generate_series(1, pg_temp.rand_int(0, 30)));
    END CASE;
    RETURN coalesce(s, '');
END $$;

DO $do$
DECLARE
    iterations int := current_setting('iscm_fuzz.iterations')::int;
    file text := current_setting('iscm_fuzz.dir') || '/payload.bin';
    t record;
    bin bytea[];
    txt text[];
    payload bytea;
    input text;
    tried int; accepted int; rejected int;
    state text; msg text;
    bad int;
BEGIN
    FOR t IN
        SELECT ty.oid, ty.typname, format_type(ty.oid, NULL) AS fmt, ty.typsend::regproc AS send, ty.typreceive <> 0 AS has_recv
          FROM pg_depend d
          JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
          JOIN pg_type ty ON ty.oid = d.objid
         WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_type'::regclass AND d.deptype = 'e'
           AND ty.typtype = 'b' AND ty.typelem = 0 AND ty.typname NOT LIKE '\_%'
         ORDER BY ty.typname
    LOOP
        EXECUTE format('SELECT array_agg(%1$I::text), array_agg(%2$s(%1$I)) FROM userdata.every_type WHERE %1$I IS NOT NULL',
                       'c_' || t.typname, t.send) INTO txt, bin;
        IF txt IS NULL THEN
            RAISE EXCEPTION 'no sample values of type %', t.fmt;
        END IF;
        EXECUTE format('CREATE TEMP TABLE sink_bin (v %s)', t.fmt);
        EXECUTE format('CREATE TEMP TABLE sink_txt (v %s)', t.fmt);

        -- binary input, through COPY
        tried := 0; accepted := 0; rejected := 0;
        IF t.has_recv THEN
            FOR i IN 1 .. iterations LOOP
                payload := pg_temp.mutate_bytes(bin[pg_temp.rand_int(1, cardinality(bin))], bin[pg_temp.rand_int(1, cardinality(bin))]);
                IF random() < 0.3 THEN
                    payload := pg_temp.mutate_bytes(payload, bin[pg_temp.rand_int(1, cardinality(bin))]);
                END IF;
                tried := tried + 1;
                EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', payload, file);
                BEGIN
                    EXECUTE format('COPY sink_bin FROM %L (FORMAT binary)', file);
                    accepted := accepted + 1;
                EXCEPTION WHEN OTHERS THEN
                    rejected := rejected + 1;
                    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                    -- 08P01: pq_getmsg* ran out of bytes, as core types report it
                    IF left(state, 2) NOT IN ('22', '54') AND state <> '08P01' THEN
                        INSERT INTO fuzz_findings VALUES (t.typname, 'receive', state, msg, payload);
                    END IF;
                END;
            END LOOP;
            INSERT INTO fuzz_counts VALUES (t.typname, 'receive', tried, accepted, rejected);
        END IF;

        -- text input, through a cast
        tried := 0; accepted := 0; rejected := 0;
        FOR i IN 1 .. iterations LOOP
            input := pg_temp.mutate_text(txt[pg_temp.rand_int(1, cardinality(txt))], txt[pg_temp.rand_int(1, cardinality(txt))]);
            IF random() < 0.3 THEN
                input := pg_temp.mutate_text(input, txt[pg_temp.rand_int(1, cardinality(txt))]);
            END IF;
            tried := tried + 1;
            BEGIN
                EXECUTE format('INSERT INTO sink_txt SELECT $1::%s', t.fmt) USING input;
                accepted := accepted + 1;
            EXCEPTION WHEN OTHERS THEN
                rejected := rejected + 1;
                GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                IF left(state, 2) NOT IN ('22', '54') THEN
                    INSERT INTO fuzz_findings VALUES (t.typname, 'input', state, msg, convert_to(input, 'UTF8'));
                END IF;
            END;
        END LOOP;
        INSERT INTO fuzz_counts VALUES (t.typname, 'input', tried, accepted, rejected);

        -- what was accepted must print, read back equal, and send the same bytes
        FOR i IN 1 .. 2 LOOP
            BEGIN
                EXECUTE format($q$SELECT count(*), (array_agg(%3$s(v)))[1] FROM %1$s
                                   WHERE v::text::%2$s::text IS DISTINCT FROM v::text
                                      OR %3$s(v::text::%2$s) IS DISTINCT FROM %3$s(v)$q$,
                               (ARRAY['sink_bin', 'sink_txt'])[i], t.fmt, t.send) INTO bad, payload;
                IF bad > 0 THEN
                    INSERT INTO fuzz_findings VALUES (t.typname, (ARRAY['receive', 'input'])[i], 'roundtrip',
                        bad || ' accepted values do not survive output and input unchanged', payload);
                END IF;
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
                INSERT INTO fuzz_findings VALUES (t.typname, (ARRAY['receive', 'input'])[i], state,
                    'an accepted value cannot be printed and read back: ' || msg, NULL);
            END;
        END LOOP;
        DROP TABLE sink_bin;
        DROP TABLE sink_txt;
    END LOOP;
END
$do$;

\pset footer off
SELECT typ AS type, interface, tried, accepted, rejected FROM fuzz_counts ORDER BY 1, 2;
SELECT typ AS type, interface, sqlstate, message, count(*), min(encode(payload, 'hex')) AS example
  FROM fuzz_findings GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
DO $$
BEGIN
    IF EXISTS (SELECT FROM fuzz_findings) THEN
        RAISE EXCEPTION 'server fuzzing found % problems (listed above)', (SELECT count(*) FROM fuzz_findings);
    END IF;
END $$;
