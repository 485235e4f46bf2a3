\set copy_binary_echo :ECHO
\set ECHO none
-- Binary COPY from SQL, for the regression tests of the receive functions
-- (included with \i, quietly: the routines live in pg_temp).  Files go to the
-- server's data directory (its working directory), under a name of this
-- backend, and the COPY that reads one removes it.

-- pg_temp.copy_binary_round_trip(source, target): every row of table source
-- through COPY ... (FORMAT binary), so through the send and receive functions
-- of its columns, into table target.
CREATE PROCEDURE pg_temp.copy_binary_round_trip(source regclass, target regclass)
LANGUAGE plpgsql AS $$
DECLARE
    f text := 'iscm_copy_binary_' || pg_backend_pid() || '.bin';
BEGIN
    EXECUTE format('COPY %s TO PROGRAM %L (FORMAT binary)', source, 'cat > ' || f);
    EXECUTE format('COPY %s FROM PROGRAM %L (FORMAT binary)', target, 'cat ' || f || ' && rm ' || f);
END $$;

-- pg_temp.copy_binary_receive(payload, type): payload, the bytes of one value
-- as the type's send function would write them, read by binary COPY into a
-- column of that type.  Returns the value as text, or the SQLSTATE and
-- message the receive function raised.
CREATE FUNCTION pg_temp.copy_binary_receive(payload bytea, typ regtype) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    f text := 'iscm_copy_binary_' || pg_backend_pid() || '.bin';
    -- COPY's binary signature, flags and header extension; one row of one field; the trailer
    lo oid := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                               || '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea);
    result text;
BEGIN
    PERFORM lo_export(lo, f);
    PERFORM lo_unlink(lo);
    EXECUTE format('CREATE TEMP TABLE incoming (v %s)', typ);
    BEGIN
        EXECUTE format('COPY incoming FROM PROGRAM %L (FORMAT binary)', 'cat ' || f || ' && rm ' || f);
        SELECT v::text INTO result FROM incoming;
    EXCEPTION WHEN OTHERS THEN
        result := SQLSTATE || ': ' || SQLERRM;
    END;
    DROP TABLE incoming;
    RETURN result;
END $$;
\set ECHO :copy_binary_echo
