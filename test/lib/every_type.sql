-- Build a user table with a column of every type the iscm extension defines
-- (base, enum, domain and range types found through pg_depend, so types added
-- by later areas are covered without editing this file), plus an array column
-- of each, filled with:
--   * the known-good literals of test/fixtures/literals/<type>.txt (loaded by
--     common.sh into the temp table pg_temp.type_literals), and
--   * up to 20 distinct values of that type found in the extension's own tables.
-- Every column gets an index of each access method that has a default operator
-- class for its type, so a restore rebuilds them with the type's own functions.
--
-- psql variable tbl: the table to create (schema-qualified; the schema must exist).
-- A type with no value from either source is an error: add literals for it.
SET client_min_messages = warning;
SELECT set_config('iscm_rel.tbl', :'tbl', false) \gset
DO $do$
DECLARE
    tbl text := current_setting('iscm_rel.tbl');
    t record;
    vals text[];
    cols text[] := '{}';
    nrows int := 0;
    col text;
    am text;
    sql text;
BEGIN
    CREATE TEMP TABLE every_type_values (col text, ord int, literal text) ON COMMIT DROP;
    FOR t IN
        SELECT ty.oid, ty.typname, format_type(ty.oid, NULL) AS fmt
          FROM pg_depend d
          JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
          JOIN pg_type ty ON ty.oid = d.objid
         WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_type'::regclass
           AND d.deptype = 'e' AND ty.typtype IN ('b', 'e', 'd', 'r') AND ty.typelem = 0
           AND ty.typname NOT LIKE '\_%'
         ORDER BY ty.typname
    LOOP
        -- known-good literals, each must parse
        SELECT coalesce(array_agg(l.literal ORDER BY l.n), '{}') INTO vals
          FROM pg_temp.type_literals l WHERE l.typname = t.typname;
        FOR i IN 1 .. coalesce(array_length(vals, 1), 0) LOOP
            EXECUTE format('SELECT %L::%s::text', vals[i], t.fmt) INTO sql;
            vals[i] := sql;
        END LOOP;
        -- values the extension itself stores in columns of this type
        FOR sql IN
            SELECT format('SELECT array_agg(v) FROM (SELECT DISTINCT %I::text AS v FROM %s WHERE %I IS NOT NULL ORDER BY 1 LIMIT 20) s',
                          a.attname, c.oid::regclass, a.attname)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'v', 'm')
              JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
                   AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
              JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'iscm'
             WHERE a.atttypid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
        LOOP
            EXECUTE sql INTO STRICT sql;
            vals := vals || coalesce(sql::text[], '{}');
        END LOOP;
        SELECT coalesce(array_agg(DISTINCT v), '{}') INTO vals FROM unnest(vals) v;
        IF cardinality(vals) = 0 THEN
            RAISE EXCEPTION 'no value of type % to test with', t.fmt
                USING HINT = format('List known-good literals in test/fixtures/literals/%s.txt', t.typname);
        END IF;
        col := 'c_' || t.typname;
        cols := cols || format('%I %s', col, t.fmt) || format('%I %s[]', col || '_arr', t.fmt);
        INSERT INTO every_type_values SELECT col, o, v FROM unnest(vals) WITH ORDINALITY AS u(v, o);
        nrows := greatest(nrows, cardinality(vals));
    END LOOP;
    IF cardinality(cols) = 0 THEN
        EXECUTE format('CREATE TABLE %s (id int PRIMARY KEY)', tbl);
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE %s (id int PRIMARY KEY, %s)', tbl, array_to_string(cols, ', '));
    EXECUTE format('INSERT INTO %s (id) SELECT g FROM generate_series(0, %s) g', tbl, nrows);
    FOR col IN SELECT DISTINCT v.col FROM every_type_values v ORDER BY 1 LOOP
        SELECT format_type(atttypid, NULL) INTO sql FROM pg_attribute
         WHERE attrelid = tbl::regclass AND attname = col;
        -- row i holds value i; its array holds values i .. i+2 (row 0 stays NULL)
        EXECUTE format($$UPDATE %1$s t SET %2$I = v.literal::%3$s,
                             %4$I = (SELECT array_agg(w.literal::%3$s ORDER BY w.ord) FROM pg_temp.every_type_values w
                                      WHERE w.col = %5$L AND w.ord BETWEEN v.ord AND v.ord + 2)
                         FROM pg_temp.every_type_values v WHERE v.col = %5$L AND t.id = v.ord$$,
                       tbl, col, sql, col || '_arr', col);
        FOR am IN
            SELECT a.amname FROM pg_opclass oc JOIN pg_am a ON a.oid = oc.opcmethod
             WHERE oc.opcintype = (SELECT atttypid FROM pg_attribute WHERE attrelid = tbl::regclass AND attname = col)
               AND oc.opcdefault ORDER BY 1
        LOOP
            EXECUTE format('CREATE INDEX ON %s USING %s (%I)', tbl, am, col);
        END LOOP;
    END LOOP;
END
$do$;
