-- Queries over the registry: resolve a mechanism, chairs and troikas on a date,
-- chair timelines, participants on a date, memberships of a State over time.
-- Every "on a date" function takes a reading ('stated' by default, 'certain',
-- 'possible'; see period_range) so that a year-precision source is never
-- silently turned into a day.

CREATE FUNCTION @extschema@.mechanism_code(mechanism text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result text;
BEGIN
    SELECT m.code INTO result
      FROM @extschema@.mechanisms m
     WHERE lower(m.code) = lower(mechanism_code.mechanism) OR lower(m.acronym) = lower(mechanism_code.mechanism)
           OR lower(m.name) = lower(mechanism_code.mechanism)
     ORDER BY lower(m.code) = lower(mechanism_code.mechanism) DESC, lower(m.acronym) = lower(mechanism_code.mechanism) DESC
     LIMIT 1;
    IF result IS NULL THEN
        SELECT a.mechanism INTO result FROM @extschema@.mechanism_aliases a WHERE lower(a.alias) = lower(mechanism_code.mechanism);
    END IF;
    IF result IS NULL THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown mechanism "%s"', mechanism),
            HINT = 'Give a code, acronym, name or alias from iscm.mechanisms: '
                   || (SELECT string_agg(m.code, ', ' ORDER BY m.code) FROM @extschema@.mechanisms m) || '.';
    END IF;
    RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.mechanism_code(text) IS
'Code of a mechanism given by code, acronym, full name or alias (case-insensitive); error 22023 listing the known codes otherwise.';

CREATE FUNCTION @extschema@._check_reading(reading text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF reading IS NULL OR reading NOT IN ('stated', 'certain', 'possible') THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown reading "%s"', reading),
            HINT = 'Use ''stated'' (whole stated units, the default), ''certain'' or ''possible''.';
    END IF;
    RETURN reading;
END
$$;
COMMENT ON FUNCTION @extschema@._check_reading(text) IS 'The reading itself if it is stated, certain or possible; error 22023 otherwise.';

CREATE FUNCTION @extschema@._check_participation_role(role text)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF role IS NOT NULL AND NOT EXISTS (SELECT 1 FROM @extschema@.participation_roles r WHERE r.role = _check_participation_role.role) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown participation role "%s"', role),
            HINT = 'Known roles: ' || (SELECT string_agg(r.role, ', ' ORDER BY r.role) FROM @extschema@.participation_roles r)
                   || '; NULL means every role.';
    END IF;
    RETURN role;
END
$$;
COMMENT ON FUNCTION @extschema@._check_participation_role(text) IS 'The role itself if participation_roles knows it (or NULL); error 22023 otherwise.';

CREATE FUNCTION @extschema@._earliest_founding(mechanism text)
RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT pg_catalog.min(d)
      FROM (SELECT @extschema@.partial_date_first(m.founded) AS d FROM @extschema@.mechanisms m WHERE m.code = _earliest_founding.mechanism
            UNION ALL
            SELECT @extschema@.partial_date_first(c.value::@extschema@.partial_date)
              FROM @extschema@.mechanism_claims c
             WHERE c.mechanism = _earliest_founding.mechanism AND c.attribute = 'founded'
               AND c.value ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') AS f;
END;
COMMENT ON FUNCTION @extschema@._earliest_founding(text) IS
'Earliest day any source allows for the founding of a mechanism (NULL if unknown); bounds the possible reading.';

CREATE FUNCTION @extschema@._party_label(state @extschema@.country, organization text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN coalesce(@extschema@.country_name(state, 'en'::text), organization);
COMMENT ON FUNCTION @extschema@._party_label(@extschema@.country, text) IS 'Display label of a State (its English name) or an organization (its code).';

CREATE FUNCTION @extschema@.chair_on(mechanism text, on_date date, reading text DEFAULT 'stated')
RETURNS TABLE (holder text, holder_kind text, role text, period text, theme text, certain boolean, source text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    -- arguments are checked once, in a one-row CTE, not once per row
    WITH args AS MATERIALIZED (
        SELECT @extschema@.mechanism_code(chair_on.mechanism) AS code, @extschema@._check_reading(chair_on.reading) AS reading
    )
    SELECT coalesce(@extschema@._party_label(c.holder_state, c.holder_organization), 'unknown'),
           CASE WHEN c.holder_unknown THEN 'unknown' WHEN c.holder_state IS NOT NULL THEN 'state' ELSE 'organization' END,
           c.role,
           @extschema@.period_label(c.start_date, c.start_basis, c.end_date, c.end_basis),
           c.theme,
           coalesce(c.certain OPERATOR(pg_catalog.@>) chair_on.on_date, false),
           c.source
      FROM args JOIN @extschema@.chairs c ON c.mechanism = args.code
     WHERE CASE args.reading WHEN 'stated' THEN c.period WHEN 'certain' THEN c.certain ELSE c.possible END OPERATOR(pg_catalog.@>) chair_on.on_date
     ORDER BY c.role, pg_catalog.lower(c.period), 1;
END;
COMMENT ON FUNCTION @extschema@.chair_on(text, date, text) IS
'Chairs of a mechanism on a date (several rows for co-chairs or when year-precision terms overlap); certain tells whether the sources guarantee that day.';

CREATE FUNCTION @extschema@._chair_terms(mechanism text)
RETURNS TABLE (term int, holders text[], roles text[], period text, start_date text, end_date text,
               stated daterange, certain daterange, possible daterange, unknown boolean,
               themes text[], notes text[], sources text[])
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH grouped AS (
        SELECT pg_catalog.array_agg(coalesce(@extschema@._party_label(c.holder_state, c.holder_organization), 'unknown') ORDER BY c.role, c.id) AS holders,
               pg_catalog.array_agg(c.role ORDER BY c.role, c.id) AS roles,
               @extschema@.period_label(c.start_date, c.start_basis, c.end_date, c.end_basis) AS period,
               c.start_date::text AS start_date, c.end_date::text AS end_date,
               c.start_basis, c.end_basis,
               (pg_catalog.array_agg(c.period))[1] AS stated, (pg_catalog.array_agg(c.certain))[1] AS certain, (pg_catalog.array_agg(c.possible))[1] AS possible,
               pg_catalog.bool_or(c.holder_unknown) AS unknown,
               pg_catalog.array_agg(DISTINCT c.theme) FILTER (WHERE c.theme IS NOT NULL) AS themes,
               pg_catalog.array_agg(DISTINCT c.note) FILTER (WHERE c.note IS NOT NULL) AS notes,
               pg_catalog.array_agg(DISTINCT c.source) AS sources
          FROM @extschema@.chairs c
         WHERE c.mechanism = _chair_terms.mechanism
         GROUP BY c.start_date, c.start_basis, c.end_date, c.end_basis
    )
    SELECT (pg_catalog.row_number() OVER (ORDER BY pg_catalog.lower(g.stated) NULLS LAST, pg_catalog.upper(g.stated) NULLS LAST,
                                g.start_date, g.start_basis, g.end_date, g.end_basis))::int,
           g.holders, g.roles, g.period, g.start_date, g.end_date, g.stated, g.certain, g.possible,
           g.unknown, g.themes, g.notes, g.sources
      FROM grouped g
     ORDER BY 1;
END;
COMMENT ON FUNCTION @extschema@._chair_terms(text) IS
'Chair terms of a mechanism (by code): rows sharing the same period form one term (co-chairs); terms numbered by start.';

CREATE FUNCTION @extschema@.chair_timeline(mechanism text)
RETURNS TABLE (term int, holders text[], roles text[], period text, first_day date, last_day date,
               unknown boolean, themes text[], notes text[], sources text[])
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT t.term, t.holders, t.roles, t.period, pg_catalog.lower(t.stated), pg_catalog.upper(t.stated) - 1,
           t.unknown, t.themes, t.notes, t.sources
      FROM @extschema@._chair_terms(@extschema@.mechanism_code(chair_timeline.mechanism)) AS t
     ORDER BY t.term;
END;
COMMENT ON FUNCTION @extschema@.chair_timeline(text) IS
'Chair terms of a mechanism in order: holders (co-chairs together, ''unknown'' for an unknown holder), period as stated, first and last day of the stated reading, themes, notes, sources.';

CREATE FUNCTION @extschema@.troika_on(mechanism text, on_date date, reading text DEFAULT 'stated')
RETURNS TABLE ("position" text, term int, holders text[], period text, certain boolean)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH t AS (
        SELECT x.*, CASE @extschema@._check_reading(troika_on.reading)
                        WHEN 'stated' THEN x.stated WHEN 'certain' THEN x.certain ELSE x.possible
                    END AS r
          FROM @extschema@._chair_terms(@extschema@.mechanism_code(troika_on.mechanism)) AS x
    ),
    cur AS (
        SELECT pg_catalog.min(t.term) AS lo, pg_catalog.max(t.term) AS hi FROM t WHERE t.r OPERATOR(pg_catalog.@>) troika_on.on_date
    ),
    pick AS (
        SELECT 'previous' AS "position",
               coalesce(cur.lo - 1, (SELECT pg_catalog.max(t.term) FROM t WHERE pg_catalog.upper(t.r) <= troika_on.on_date)) AS term
          FROM cur
        UNION ALL
        SELECT 'current', t.term FROM t WHERE t.r OPERATOR(pg_catalog.@>) troika_on.on_date
        UNION ALL
        SELECT 'next', coalesce(cur.hi + 1, (SELECT pg_catalog.min(t.term) FROM t WHERE pg_catalog.lower(t.r) > troika_on.on_date))
          FROM cur
    )
    SELECT p."position", t.term, t.holders, t.period,
           CASE WHEN p."position" = 'current' THEN coalesce(t.certain OPERATOR(pg_catalog.@>) troika_on.on_date, false) END
      FROM pick p JOIN t ON t.term = p.term
     ORDER BY t.term;
END;
COMMENT ON FUNCTION @extschema@.troika_on(text, date, text) IS
'Troika of a mechanism on a date: previous, current and next chair terms (several current rows when stated terms overlap, none in a gap with no term).';

CREATE FUNCTION @extschema@.participants_on(mechanism text, on_date date, role text DEFAULT 'member', reading text DEFAULT 'stated')
RETURNS TABLE (participant text, participant_kind text, state @extschema@.country, organization text,
               role text, period text, certain boolean, source text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH args AS MATERIALIZED (
        SELECT m.code, @extschema@._check_participation_role(participants_on.role) AS role, r.reading,
               -- the possible reading never reaches before the earliest founding date any source gives
               CASE WHEN r.reading = 'possible' THEN coalesce(@extschema@._earliest_founding(m.code), '-infinity') ELSE '-infinity' END AS earliest
          FROM (SELECT @extschema@.mechanism_code(participants_on.mechanism) AS code) AS m,
               (SELECT @extschema@._check_reading(participants_on.reading) AS reading) AS r
    )
    SELECT @extschema@._party_label(p.state, p.organization),
           CASE WHEN p.state IS NOT NULL THEN 'state' ELSE 'organization' END,
           p.state, p.organization, p.role,
           @extschema@.period_label(p.start_date, p.start_basis, p.end_date, p.end_basis),
           coalesce(p.certain OPERATOR(pg_catalog.@>) participants_on.on_date, false),
           p.source
      FROM args JOIN @extschema@.participations p ON p.mechanism = args.code
     WHERE (args.role IS NULL OR p.role = args.role)
       AND CASE args.reading WHEN 'stated' THEN p.period WHEN 'certain' THEN p.certain ELSE p.possible END OPERATOR(pg_catalog.@>) participants_on.on_date
       AND participants_on.on_date >= args.earliest
     ORDER BY 2 DESC, 1, p.role;
END;
COMMENT ON FUNCTION @extschema@.participants_on(text, date, text, text) IS
'States and organizations in a mechanism on a date with a role (default member; NULL for every role) under a reading; certain tells whether the sources guarantee that day.';

CREATE FUNCTION @extschema@.memberships_of(state @extschema@.country)
RETURNS TABLE (mechanism text, mechanism_name text, mechanism_kind text, record text, role text,
               period text, first_day date, last_day date, source text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT m.code, m.name, m.kind, x.record, x.role, x.period, pg_catalog.lower(x.stated), pg_catalog.upper(x.stated) - 1, x.source
      FROM (SELECT p.mechanism, 'participation' AS record, p.role,
                   @extschema@.period_label(p.start_date, p.start_basis, p.end_date, p.end_basis) AS period, p.period AS stated, p.source
              FROM @extschema@.participations p WHERE p.state OPERATOR(@extschema@.=) memberships_of.state
            UNION ALL
            SELECT c.mechanism, 'chair', c.role,
                   @extschema@.period_label(c.start_date, c.start_basis, c.end_date, c.end_basis), c.period, c.source
              FROM @extschema@.chairs c WHERE c.holder_state OPERATOR(@extschema@.=) memberships_of.state) AS x
      JOIN @extschema@.mechanisms m ON m.code = x.mechanism
     ORDER BY pg_catalog.lower(x.stated) NULLS LAST, m.code, x.record DESC, x.role;
END;
COMMENT ON FUNCTION @extschema@.memberships_of(@extschema@.country) IS
'A State''s participations and chair terms in every mechanism over time, oldest first (undated rows last).';

CREATE FUNCTION @extschema@.states_in_at_least(n int, on_date date, role text DEFAULT 'member', reading text DEFAULT 'stated')
RETURNS TABLE (state @extschema@.country, mechanism_count int, mechanisms text[])
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF n IS NULL OR n < 1 THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('n must be at least 1, not %s', coalesce(n::text, 'NULL'));
    END IF;
    PERFORM @extschema@._check_reading(reading), @extschema@._check_participation_role(role);
    RETURN QUERY
        WITH earliest AS MATERIALIZED (
            -- only the possible reading is bounded by founding dates
            SELECT m.code, CASE WHEN reading = 'possible' THEN coalesce(@extschema@._earliest_founding(m.code), '-infinity')
                                ELSE '-infinity' END AS day
              FROM @extschema@.mechanisms m
        )
        SELECT p.state, count(DISTINCT p.mechanism)::int, pg_catalog.array_agg(DISTINCT p.mechanism ORDER BY p.mechanism)
          FROM @extschema@.participations p JOIN earliest e ON e.code = p.mechanism
         WHERE p.state IS NOT NULL
           AND (states_in_at_least.role IS NULL OR p.role = states_in_at_least.role)
           AND CASE reading WHEN 'stated' THEN p.period WHEN 'certain' THEN p.certain ELSE p.possible END @> on_date
           AND on_date >= e.day
         GROUP BY p.state
        HAVING count(DISTINCT p.mechanism) >= n
         ORDER BY 2 DESC, 1;
END
$$;
COMMENT ON FUNCTION @extschema@.states_in_at_least(int, date, text, text) IS
'States that are in n or more mechanisms on a date (with a role, default member; NULL for any role), with the mechanisms.';
