-- Membership as country sets: the States of a mechanism on a date as an
-- iscm.country_set (10_country_set.sql), the overlap matrix between
-- mechanisms, built from the set operators and iscm.jaccard.

CREATE FUNCTION @extschema@.members_on(mechanism text, on_date date, role text DEFAULT 'member', reading text DEFAULT 'stated')
RETURNS @extschema@.country_set
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT @extschema@.country_set_agg(p.state)
      FROM @extschema@.participants_on(members_on.mechanism, members_on.on_date, members_on.role, members_on.reading) AS p
     WHERE p.state IS NOT NULL;
END;
COMMENT ON FUNCTION @extschema@.members_on(text, date, text, text) IS
'States in a mechanism on a date with a role (default member; NULL for every role) under a reading, as a country_set (empty set when none).';

CREATE FUNCTION @extschema@.membership_overlap(on_date date, role text DEFAULT 'member', reading text DEFAULT 'stated')
RETURNS TABLE (mechanism_a text, mechanism_b text, members_a int, members_b int, shared int, jaccard float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH args AS MATERIALIZED (
        SELECT @extschema@._check_participation_role(membership_overlap.role) AS role, @extschema@._check_reading(membership_overlap.reading) AS reading
    ),
    earliest AS MATERIALIZED (
        -- only the possible reading is bounded by founding dates
        SELECT m.code, CASE WHEN args.reading = 'possible' THEN coalesce(@extschema@._earliest_founding(m.code), '-infinity')
                            ELSE '-infinity' END AS day
          FROM @extschema@.mechanisms m, args
    ),
    sets AS (
        SELECT p.mechanism, @extschema@.country_set_agg(p.state) AS members
          FROM args, participations p JOIN earliest e ON e.code = p.mechanism
         WHERE p.state IS NOT NULL
           AND (args.role IS NULL OR p.role = args.role)
           AND CASE args.reading WHEN 'stated' THEN p.period WHEN 'certain' THEN p.certain ELSE p.possible END
               OPERATOR(pg_catalog.@>) membership_overlap.on_date
           AND membership_overlap.on_date >= e.day
         GROUP BY p.mechanism
    )
    SELECT a.mechanism, b.mechanism, @extschema@.cardinality(a.members), @extschema@.cardinality(b.members),
           @extschema@.cardinality(a.members OPERATOR(@extschema@.&) b.members), @extschema@.jaccard(a.members, b.members)
      FROM sets a CROSS JOIN sets b
     ORDER BY 1, 2;
END;
COMMENT ON FUNCTION @extschema@.membership_overlap(date, text, text) IS
'Overlap matrix on a date: for every ordered pair of mechanisms with States in the role (diagonal included), their sizes, the States they share and the Jaccard index.';
