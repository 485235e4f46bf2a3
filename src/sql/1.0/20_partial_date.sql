-- Partial dates and periods of the governance registry.
--
-- Sources give dates as "2007", "June 2007" or "9 July 2007".  A partial_date
-- keeps exactly that precision ('2007', '2007-06', '2007-07-09'); nothing in
-- iscm turns a year into a made-up day.  A period is a pair of partial dates
-- plus, for each end, its basis: a start "began" within its date or was only
-- "attested" as of that date (the source says "as of June 2007"); an end
-- "ended" within its date or was "attested" (still true as of that date).
-- period_range() turns such a pair into a daterange under one of three
-- readings (stated, certain, possible), documented in doc/governance.md.

CREATE FUNCTION @extschema@.partial_date_valid(value text)
RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    m int;
    d int;
BEGIN
    IF value !~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_datetime_format',
            MESSAGE = format('invalid partial date: "%s"', value),
            HINT = 'A partial date is YYYY, YYYY-MM or YYYY-MM-DD, for example 2007, 2007-06 or 2007-06-30.';
    END IF;
    IF substr(value, 1, 4)::int < 1 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'datetime_field_overflow',
            MESSAGE = format('invalid partial date: "%s"', value),
            DETAIL = 'Year 0000 does not exist.';
    END IF;
    IF length(value) >= 7 THEN
        m := substr(value, 6, 2)::int;
        IF m NOT BETWEEN 1 AND 12 THEN
            RAISE EXCEPTION USING
                ERRCODE = 'datetime_field_overflow',
                MESSAGE = format('invalid partial date: "%s"', value),
                DETAIL = format('Month %s is out of range 01..12.', substr(value, 6, 2));
        END IF;
    END IF;
    IF length(value) = 10 THEN
        d := substr(value, 9, 2)::int;
        IF d < 1 OR d > extract(day FROM (make_date(substr(value, 1, 4)::int, m, 1) + interval '1 month' - interval '1 day'))::int THEN
            RAISE EXCEPTION USING
                ERRCODE = 'datetime_field_overflow',
                MESSAGE = format('invalid partial date: "%s"', value),
                DETAIL = format('Day %s does not exist in %s.', substr(value, 9, 2), substr(value, 1, 7));
        END IF;
    END IF;
    RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.partial_date_valid(text) IS
'True for a valid partial date (YYYY, YYYY-MM or YYYY-MM-DD); raises 22007/22008 with the reason otherwise. Used by the partial_date domain.';

CREATE DOMAIN @extschema@.partial_date AS text
    CONSTRAINT partial_date_format CHECK (@extschema@.partial_date_valid(VALUE));
COMMENT ON DOMAIN @extschema@.partial_date IS
'A date at the precision a source gives it: ''2007'' (year), ''2007-06'' (month) or ''2007-06-30'' (day).';

CREATE FUNCTION @extschema@.partial_date_precision(value @extschema@.partial_date)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE pg_catalog.length(value) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END;
COMMENT ON FUNCTION @extschema@.partial_date_precision(@extschema@.partial_date) IS
'Precision of a partial date: ''year'', ''month'' or ''day''.';

CREATE FUNCTION @extschema@.partial_date_first(value @extschema@.partial_date)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.make_date(pg_catalog.substr(value, 1, 4)::int,
                            coalesce(nullif(pg_catalog.substr(value, 6, 2), '')::int, 1),
                            coalesce(nullif(pg_catalog.substr(value, 9, 2), '')::int, 1));
COMMENT ON FUNCTION @extschema@.partial_date_first(@extschema@.partial_date) IS
'First day a partial date can mean: ''2007'' gives 2007-01-01, ''2007-06'' gives 2007-06-01.';

CREATE FUNCTION @extschema@.partial_date_last(value @extschema@.partial_date)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE pg_catalog.length(value)
           WHEN 4 THEN pg_catalog.make_date(pg_catalog.substr(value, 1, 4)::int, 12, 31)
           WHEN 7 THEN (pg_catalog.make_date(pg_catalog.substr(value, 1, 4)::int, pg_catalog.substr(value, 6, 2)::int, 1)
                        OPERATOR(pg_catalog.+) interval '1 month')::date OPERATOR(pg_catalog.-) 1
           ELSE pg_catalog.make_date(pg_catalog.substr(value, 1, 4)::int, pg_catalog.substr(value, 6, 2)::int,
                                     pg_catalog.substr(value, 9, 2)::int)
       END;
COMMENT ON FUNCTION @extschema@.partial_date_last(@extschema@.partial_date) IS
'Last day a partial date can mean: ''2007'' gives 2007-12-31, ''2007-06'' gives 2007-06-30.';

CREATE FUNCTION @extschema@.partial_date_range(value @extschema@.partial_date)
RETURNS daterange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN pg_catalog.daterange(@extschema@.partial_date_first(value), @extschema@.partial_date_last(value), '[]'::text);
COMMENT ON FUNCTION @extschema@.partial_date_range(@extschema@.partial_date) IS
'Every day a partial date can mean, as a daterange: ''2007-06'' gives [2007-06-01,2007-07-01).';

CREATE FUNCTION @extschema@.period_range(start_date @extschema@.partial_date, start_basis text,
                                         end_date @extschema@.partial_date, end_basis text,
                                         reading text DEFAULT 'stated')
RETURNS daterange
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    lo date;            -- NULL = unbounded
    hi date;            -- exclusive; NULL = unbounded
BEGIN
    IF reading IS NULL OR reading NOT IN ('stated', 'certain', 'possible') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown reading "%s"', reading),
            HINT = 'Use ''stated'', ''certain'' or ''possible''.';
    END IF;
    IF start_basis NOT IN ('began', 'attested') OR end_basis NOT IN ('ended', 'attested') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown basis "%s" of the %s of a period',
                             CASE WHEN start_basis NOT IN ('began', 'attested') THEN start_basis ELSE end_basis END,
                             CASE WHEN start_basis NOT IN ('began', 'attested') THEN 'start' ELSE 'end' END),
            HINT = 'A start is ''began'' or ''attested'', an end ''ended'' or ''attested''; NULL means began or ended.';
    END IF;
    IF reading = 'possible' THEN
        IF start_date IS NOT NULL AND coalesce(start_basis, 'began') = 'began' THEN
            lo := @extschema@.partial_date_first(start_date);
        END IF;
        IF end_date IS NOT NULL AND coalesce(end_basis, 'ended') = 'ended' THEN
            hi := @extschema@.partial_date_last(end_date) + 1;
        END IF;
    ELSE
        -- an undated period has no stated or certain extent
        IF start_date IS NULL THEN
            RETURN NULL;
        END IF;
        IF reading = 'stated' THEN
            lo := @extschema@.partial_date_first(start_date);
            IF end_date IS NOT NULL THEN
                hi := @extschema@.partial_date_last(end_date) + 1;
            END IF;
        ELSE
            lo := @extschema@.partial_date_last(start_date);
            IF end_date IS NOT NULL THEN
                hi := CASE coalesce(end_basis, 'ended')
                          WHEN 'attested' THEN @extschema@.partial_date_last(end_date) + 1
                          ELSE @extschema@.partial_date_first(end_date)
                      END;
            END IF;
        END IF;
    END IF;
    IF lo IS NOT NULL AND hi IS NOT NULL AND lo >= hi THEN
        RETURN 'empty'::daterange;
    END IF;
    RETURN daterange(lo, hi, '[)');
END
$$;
COMMENT ON FUNCTION @extschema@.period_range(@extschema@.partial_date, text, @extschema@.partial_date, text, text) IS
'Days covered by a period of two partial dates under a reading: ''stated'' (whole stated units, the default), ''certain'' (only days the sources guarantee) or ''possible'' (every day the sources allow). NULL for an undated period under stated/certain.';

CREATE FUNCTION @extschema@.period_label(start_date @extschema@.partial_date, start_basis text,
                                         end_date @extschema@.partial_date, end_basis text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE
           WHEN start_date IS NULL AND end_date IS NULL THEN 'undated'
           WHEN start_date::text OPERATOR(pg_catalog.=) end_date::text AND start_basis = 'attested' AND end_basis = 'attested'
               THEN 'as of ' OPERATOR(pg_catalog.||) start_date::text
           WHEN start_date::text OPERATOR(pg_catalog.=) end_date::text
                AND coalesce(start_basis, 'began') = 'began' AND coalesce(end_basis, 'ended') = 'ended'
               THEN start_date::text
           ELSE pg_catalog.concat(CASE WHEN start_basis = 'attested' THEN 'by ' END,
                       coalesce(start_date::text, '?'),
                       ' .. ',
                       CASE WHEN end_date IS NULL THEN 'open' END,
                       CASE WHEN end_basis = 'attested' THEN 'still ' END,
                       end_date::text)
       END;
COMMENT ON FUNCTION @extschema@.period_label(@extschema@.partial_date, text, @extschema@.partial_date, text) IS
'Readable period: ''2007-01 .. 2007-06'', ''2008'', ''by 2007-06 .. still 2012-08-31'', ''as of 2019'', ''2006 .. open'' or ''undated''.';
