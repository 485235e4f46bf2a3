-- Schema iscm_rel: the call sites test/lib/call_sites.py found (loaded into
-- iscm_rel.call_sites by the caller), resolved to names and type names, and
-- the signature a plant needs to match each one exactly.  Readable by every
-- role, so that the planting role can plant from it.
SET client_min_messages = warning;
CREATE SCHEMA iscm_rel;
GRANT USAGE ON SCHEMA iscm_rel TO PUBLIC;
CREATE TABLE iscm_rel.call_sites (kind text, callee oid, argtypes text, argnames text, result_type text, origin text);
GRANT SELECT ON iscm_rel.call_sites TO PUBLIC;

-- a type OID as call_sites.py writes it ("array:OID", "elem:OID", "*") as a type name
CREATE FUNCTION iscm_rel.type_name(t text) RETURNS text LANGUAGE sql STABLE
RETURN CASE WHEN t = '*' THEN '*'
            WHEN t LIKE 'array:%' THEN format_type((SELECT typarray FROM pg_type WHERE oid = substr(t, 7)::oid), NULL)
            WHEN t LIKE 'elem:%' THEN format_type((SELECT typelem FROM pg_type WHERE oid = substr(t, 6)::oid), NULL)
            WHEN t = '' THEN NULL
            ELSE format_type(t::oid, NULL) END;

CREATE VIEW iscm_rel.resolved_call_sites AS
SELECT c.kind, c.callee, c.origin,
       coalesce(p.proname::text, o.oprname::text, r.relname::text) AS callee_name,
       coalesce(p.pronamespace, o.oprnamespace, r.relnamespace) AS callee_schema,
       coalesce(p.proowner, o.oprowner, r.relowner) AS callee_owner,
       ARRAY(SELECT iscm_rel.type_name(t) FROM unnest(string_to_array(c.argtypes, ',')) WITH ORDINALITY AS u(t, i) ORDER BY i) AS argtypes,
       string_to_array(c.argnames, ',') AS argnames,
       iscm_rel.type_name(c.result_type) AS result_type
  FROM iscm_rel.call_sites c
  LEFT JOIN pg_proc p ON c.kind IN ('function', 'aggregate', 'window') AND p.oid = c.callee
  LEFT JOIN pg_operator o ON c.kind = 'operator' AND o.oid = c.callee
  LEFT JOIN pg_class r ON c.kind = 'relation' AND r.oid = c.callee;
GRANT SELECT ON iscm_rel.resolved_call_sites TO PUBLIC;

-- Parameter list and result of a function that a call of callee with these
-- argument types would pick over callee: the call's types for the parameters
-- it passes (the defaulted ones left out, spread variadic ones written out),
-- callee's output columns, the call's result type.
CREATE FUNCTION iscm_rel.plant_signature(callee oid, argtypes text[], argnames text[], result_type text,
                                         OUT params text, OUT returns text, OUT bare_return boolean)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    p pg_proc;
    alltypes oid[];
    modes "char"[];
    names text[];
    k int := 0;
    ins text[] := '{}';
    outs text[] := '{}';
    is_table boolean := false;
BEGIN
    SELECT * INTO p FROM pg_proc WHERE oid = callee;
    alltypes := coalesce(p.proallargtypes, p.proargtypes::oid[]);
    modes := coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[cardinality(alltypes)]));
    names := coalesce(p.proargnames, '{}');
    FOR i IN 1 .. coalesce(cardinality(alltypes), 0) LOOP
        IF modes[i] IN ('i', 'b', 'v') THEN
            k := k + 1;
            IF k <= cardinality(argtypes) THEN
                ins := ins || format('%s %I %s', CASE modes[i] WHEN 'b' THEN 'INOUT' ELSE 'IN' END,
                                     coalesce(nullif(argnames[k], ''), nullif(names[i], ''), 'a' || k), argtypes[k]);
            END IF;
        ELSIF modes[i] = 't' THEN
            is_table := true;
            outs := outs || format('%I %s', names[i], format_type(alltypes[i], NULL));
        ELSE
            outs := outs || format('OUT %I %s', names[i], format_type(alltypes[i], NULL));
        END IF;
    END LOOP;
    FOR i IN k + 1 .. cardinality(argtypes) LOOP
        ins := ins || format('IN %I %s', coalesce(nullif(argnames[i], ''), 'a' || i), argtypes[i]);
    END LOOP;
    IF is_table THEN
        params := array_to_string(ins, ', ');
        returns := format('TABLE(%s)', array_to_string(outs, ', '));
    ELSIF cardinality(outs) > 0 OR 'b' = ANY (modes) THEN
        params := array_to_string(ins || outs, ', ');
        returns := CASE WHEN p.proretset THEN 'SETOF record' ELSE 'record' END;
    ELSE
        params := array_to_string(ins, ', ');
        returns := CASE WHEN p.proretset THEN 'SETOF ' ELSE '' END || result_type;
    END IF;
    bare_return := p.proretset OR is_table OR cardinality(outs) > 0 OR 'b' = ANY (modes) OR result_type = 'void';
END
$$;
GRANT EXECUTE ON FUNCTION iscm_rel.plant_signature(oid, text[], text[], text) TO PUBLIC;

-- The statements that plant, in schema s, an object beating each call site:
-- one row per distinct site, its statements to run together.  Every plant
-- raises "iscm hijacked: <what> | <call stack>" when a function calls it (a
-- query's own call is the user's business and not reported) and returns NULL.
CREATE FUNCTION iscm_rel.plant_ddl(s text) RETURNS TABLE (what text, ddl text[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    site record;
    n int := 0;
    sig text;
    body text;
    params text;
    result text;
    bare boolean;
    args text;
BEGIN
    FOR site IN
        SELECT DISTINCT c.kind, c.callee_name, c.argtypes, c.argnames, c.result_type, c.callee
          FROM iscm_rel.resolved_call_sites c
         WHERE c.kind <> 'relation'
         ORDER BY 1, 2, 3, 4
    LOOP
        n := n + 1;
        what := format('%s %s(%s) in schema %s', site.kind, site.callee_name, array_to_string(site.argtypes, ', '), s);
        -- the plant's body, returning NULL (%s) or nothing
        body := format($b$DECLARE ctx text;
                          BEGIN
                              GET DIAGNOSTICS ctx = PG_CONTEXT;
                              IF strpos(ctx, E'\n') > 0 THEN
                                  RAISE WARNING 'iscm hijacked: %%%%', %L || ' | ' || replace(ctx, E'\n', ' | ');
                              END IF;
                              RETURN %%s;
                          END$b$, replace(what, '%', '%%'));
        args := array_to_string(site.argtypes, ', ');
        IF site.kind = 'function' THEN
            SELECT p.params, p.returns, p.bare_return INTO params, result, bare
              FROM iscm_rel.plant_signature(site.callee, site.argtypes, site.argnames, site.result_type) p;
            ddl := ARRAY[format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                                s, site.callee_name, params, result, format(body, CASE WHEN bare THEN '' ELSE 'NULL' END))];
        ELSIF site.kind IN ('aggregate', 'window') THEN
            IF site.argtypes = '{}' THEN
                ddl := ARRAY['DO $d$BEGIN RAISE EXCEPTION ''a window function without arguments: only C can define one''; END$d$'];
            ELSE
                ddl := ARRAY[
                    format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L', s, 'iscm_rel_step_' || n,
                           concat_ws(', ', site.result_type, CASE WHEN site.argtypes <> '{*}' THEN args END),
                           site.result_type, format(body, 'NULL')),
                    format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L', s, 'iscm_rel_final_' || n,
                           site.result_type, site.result_type, format(body, 'NULL')),
                    format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %I.%I, STYPE = %s, FINALFUNC = %I.%I)',
                           s, site.callee_name, CASE WHEN site.argtypes = '{*}' THEN '*' ELSE args END,
                           s, 'iscm_rel_step_' || n, site.result_type, s, 'iscm_rel_final_' || n)];
            END IF;
        ELSE
            ddl := ARRAY[
                format('CREATE FUNCTION %I.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                       s, 'iscm_rel_op_' || n, args, site.result_type, format(body, 'NULL')),
                format('CREATE OPERATOR %I.%s (%s FUNCTION = %I.%I)', s, site.callee_name,
                       CASE WHEN cardinality(site.argtypes) = 1 THEN format('RIGHTARG = %s,', site.argtypes[1])
                            ELSE format('LEFTARG = %s, RIGHTARG = %s,', site.argtypes[1], site.argtypes[2]) END,
                       s, 'iscm_rel_op_' || n)];
        END IF;
        RETURN NEXT;
    END LOOP;
END
$$;

-- Plants to be created elsewhere (another database, a later version)
CREATE TABLE iscm_rel.plants (what text, ddl text[]);
GRANT SELECT ON iscm_rel.plants TO PUBLIC;
