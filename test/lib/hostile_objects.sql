-- Plant traps in schema :schema (run as the hostile role): functions,
-- aggregates and operators that a careless install or update script would pick
-- instead of pg_catalog's, because they match its arguments more exactly
-- (varchar or name where pg_catalog takes text, a concrete type where it takes
-- anyelement, text where it takes regclass, operator argument pairs
-- pg_catalog has no exact match for).  Every trap raises "iscm hijacked: ..."
-- when called; objects that merely reference one are found by pg_depend.
SET client_min_messages = warning;
SELECT set_config('iscm_rel.schema', :'schema', false) \gset
DO $do$
DECLARE
    s text := current_setting('iscm_rel.schema');
    names text[] := '{lower,upper,initcap,btrim,ltrim,rtrim,length,char_length,octet_length,substr,substring,
        replace,translate,regexp_replace,regexp_match,regexp_matches,regexp_split_to_array,split_part,
        string_to_array,array_to_string,concat,concat_ws,left,right,strpos,starts_with,lpad,rpad,repeat,
        to_char,to_number,to_date,to_timestamp,round,trunc,abs,ceil,floor,sqrt,ln,exp,power,mod,
        unnest,generate_series,array_length,cardinality,array_position,array_positions,array_append,
        array_prepend,array_cat,array_remove,array_agg,string_agg,count,sum,avg,min,max,bool_and,bool_or,
        every,jsonb_build_object,json_build_object,jsonb_agg,jsonb_object_agg,to_jsonb,row_to_json,
        current_setting,set_config,pg_extension_config_dump,quote_ident,quote_literal,quote_nullable,
        md5,encode,decode,int4,int8,text,numeric,float8,nextval,setval,currval,now,date_trunc,
        date_part,extract,make_date,age,hashtext,hashint4,hash_array,pg_get_userbyid,obj_description}';
    ops text[] := '{=,<>,<,>,<=,>=,+,-,*,/,||,~,~*,!~,~~,~~*,!~~,@>,<@,&&}';
    types text[] := ARRAY['text', 'varchar', 'bpchar', 'name', '"char"', 'oid', 'regclass', 'regtype', 'regproc',
                          'regprocedure', 'regnamespace', 'int2', 'int4', 'int8', 'numeric', 'float8', 'bool',
                          'jsonb', 'text[]', 'varchar[]'];
    p record;
    args text[];
    variant int;
    a text;
    r text;
    sig text;
    made int := 0;
    l text; rt text; o text;
BEGIN
    FOR p IN
        SELECT pr.proname, pr.prokind, pr.proretset,
               ARRAY(SELECT format_type(t, NULL) FROM unnest(pr.proargtypes::oid[]) t) AS argtypes,
               format_type(pr.prorettype, NULL) AS rettype
          FROM pg_proc pr
         WHERE pr.pronamespace = 'pg_catalog'::regnamespace AND pr.proname = ANY (names)
           AND pr.provariadic = 0 AND pr.proallargtypes IS NULL AND pr.prokind IN ('f', 'a')
           AND pr.pronargs BETWEEN 1 AND 4
           AND NOT EXISTS (SELECT FROM unnest(pr.proargtypes::oid[]) t WHERE t IN ('internal'::regtype, '"any"'::regtype, 'cstring'::regtype))
           AND pr.prorettype NOT IN ('internal'::regtype, 'trigger'::regtype, 'record'::regtype, 'cstring'::regtype)
    LOOP
        FOR variant IN 1 .. 4 LOOP
            args := '{}';
            FOREACH a IN ARRAY p.argtypes LOOP
                args := args || CASE
                    WHEN variant = 1 AND a IN ('text', 'character') THEN 'varchar'
                    WHEN variant = 2 AND a IN ('text', 'character') THEN 'name'
                    WHEN variant = 3 AND a IN ('regclass', 'oid', 'regtype', 'regproc') THEN 'text'
                    WHEN variant = 4 AND a IN ('integer', 'bigint', 'numeric') THEN 'smallint'
                    WHEN a IN ('anyelement', 'anynonarray', 'anycompatible', 'anycompatiblenonarray', 'anyenum') THEN 'text'
                    WHEN a IN ('anyarray', 'anycompatiblearray') THEN 'text[]'
                    ELSE a END;
            END LOOP;
            IF args = p.argtypes THEN CONTINUE; END IF;
            r := CASE WHEN p.rettype IN ('anyelement', 'anynonarray', 'anycompatible', 'anycompatiblenonarray', 'anyenum') THEN 'text'
                      WHEN p.rettype IN ('anyarray', 'anycompatiblearray') THEN 'text[]' ELSE p.rettype END;
            sig := format('%s(%s)', p.proname, array_to_string(args, ','));
            BEGIN
                IF p.prokind = 'f' THEN
                    EXECUTE format($f$CREATE FUNCTION %I.%I(%s) RETURNS %s%s LANGUAGE plpgsql AS
                                    'BEGIN RAISE WARNING ''iscm hijacked: %s in schema %s''; RETURN%s; END'$f$,
                                   s, p.proname, array_to_string(args, ','), CASE WHEN p.proretset THEN 'SETOF ' ELSE '' END, r,
                                   sig, s, CASE WHEN p.proretset OR r = 'void' THEN '' ELSE ' NULL' END);
                ELSE
                    -- the state has the result type, so a hijacked call still type-checks
                    -- and shows up as a dependency instead of a confusing type error
                    EXECUTE format($f$CREATE FUNCTION %I.%I(%s, %s) RETURNS %s LANGUAGE plpgsql AS
                                    'BEGIN RAISE WARNING ''iscm hijacked: aggregate %s in schema %s''; RETURN NULL; END'$f$,
                                   s, 'trap_sfunc_' || p.proname, r, array_to_string(args, ','), r, sig, s);
                    EXECUTE format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %I.%I, STYPE = %s)',
                                   s, p.proname, array_to_string(args, ','), s, 'trap_sfunc_' || p.proname, r);
                END IF;
                made := made + 1;
            EXCEPTION WHEN duplicate_function OR invalid_function_definition OR datatype_mismatch
                           OR wrong_object_type OR feature_not_supported OR invalid_parameter_value THEN
                NULL;
            END;
        END LOOP;
    END LOOP;
    -- an operator trap for every pair pg_catalog resolves only through a cast,
    -- returning what pg_catalog's choice returns, so the hijacked expression
    -- still type-checks and the install goes on to show every hijack
    FOREACH l IN ARRAY types LOOP
        FOREACH rt IN ARRAY types LOOP
            FOREACH o IN ARRAY ops LOOP
                CONTINUE WHEN EXISTS (SELECT FROM pg_operator WHERE oprname = o AND oprnamespace = 'pg_catalog'::regnamespace
                                         AND oprleft = l::regtype AND oprright = rt::regtype);
                BEGIN
                    EXECUTE format('SELECT pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)::text', l, o, rt) INTO r;
                EXCEPTION WHEN OTHERS THEN
                    CONTINUE;       -- pg_catalog has no reading of it at all
                END;
                made := made + 1;
                EXECUTE format($f$CREATE FUNCTION %I.%I(%s, %s) RETURNS %s LANGUAGE plpgsql AS
                                'BEGIN RAISE WARNING ''iscm hijacked: operator %s(%s, %s) in schema %s''; RETURN NULL; END'$f$,
                               s, 'trap_op_' || made, l, rt, r, o, l, rt, s);
                EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.%I)',
                               s, o, l, rt, s, 'trap_op_' || made);
            END LOOP;
        END LOOP;
    END LOOP;
    RAISE WARNING 'planted % traps in schema %', made, s;
END
$do$;
