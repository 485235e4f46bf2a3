-- Bulk loading of participations.  Users load state-year panels of hundreds
-- of thousands of rows; the checks of 1.0 ran per row (a PL/pgSQL overlap
-- query and an advisory lock for each row, about 170 microseconds a row, and
-- a COPY of 100,000 rows ran out of lock memory).  Here the same guarantees
-- hold at set level:
--  * the partial_date domain's check and period_range() (evaluated three
--    times a row by the generated period columns) are C functions with the
--    same results and errors;
--  * a row trigger, in C, only normalizes the period (default bases, end
--    before start), as before;
--  * the overlap check runs once per statement over the rows the statement
--    wrote (AFTER ... REFERENCING NEW TABLE), as one join against the table.
-- A single-row INSERT or UPDATE fails with the same SQLSTATE, message,
-- detail and hint as in 1.0; a statement of many rows names, in addition,
-- the offending new row (id and source), since a statement-level error has
-- no COPY line to point at.

-- The partial_date domain's check and period_range() (which every row
-- evaluates three times, for its generated period, certain and possible
-- columns) in C, with the same arguments, defaults, results and errors,
-- word for word: a PL/pgSQL call with its own search_path costs tens of
-- microseconds, a C call one.  The domain and the generated columns refer to
-- the functions by oid, so they follow.
CREATE OR REPLACE FUNCTION @extschema@.partial_date_valid(value text)
RETURNS boolean
LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'governance_partial_date_valid';

CREATE OR REPLACE FUNCTION @extschema@.period_range(start_date @extschema@.partial_date, start_basis text,
                                                    end_date @extschema@.partial_date, end_basis text,
                                                    reading text DEFAULT 'stated')
RETURNS daterange
LANGUAGE c IMMUTABLE PARALLEL SAFE
AS 'MODULE_PATHNAME', 'governance_period_range';

-- Row level: what 1.0's _normalize_period() did for participations, in C
-- (a PL/pgSQL row trigger alone cost more than the table's indexes): the
-- default bases, and the cheap comparison of an end with a start first (an
-- end lies wholly before a start exactly when, cut to the coarser of the two
-- precisions, it sorts before it in byte order).  Only then is the error
-- built, by _normalize_period() itself, so that it reads as in 1.0.
CREATE FUNCTION @extschema@._normalize_participation()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'governance_normalize_participation';
COMMENT ON FUNCTION @extschema@._normalize_participation() IS
'Row trigger on participations: default bases (began/ended), NULL basis for a missing date, error 23514 when the end lies wholly before the start (raised by _normalize_period). The overlap check is _check_participation_overlaps(), once per statement.';

-- Statement level: every row the statement wrote against every other row of
-- the same participant, mechanism and role, the statement's own rows
-- included.  Writers of the same keys are serialized by transaction-level
-- advisory locks taken before the check: one per key for a statement of few
-- keys (under a shared lock on the whole table's key), the table's key alone
-- for a larger one (a lock per row of a 100,000-row load would exhaust the
-- lock table).  The check then reads with a fresh snapshot and sees what a
-- concurrent writer of the same keys committed (READ COMMITTED).
CREATE FUNCTION @extschema@._check_participation_overlaps()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- The plan of the check is kept for the session: one made for a bulk
-- statement looks costly enough to be JIT-compiled again at every later
-- statement, single rows included, for a handful of index probes.
SET jit = off
-- A bulk statement's check hashes its rows' keys and periods (about 100
-- bytes a row): in one batch up to some 300,000 rows, where the default
-- 4MB made it sort both sides to disk instead.
SET work_mem = '64MB'
AS $$
DECLARE
    table_key CONSTANT bigint := hashtextextended('iscm.participations: every key', 0);
    n_rows bigint;
    n_keys bigint;
    clash record;
    clash_ids record;
    who text;
BEGIN
    SELECT count(*) INTO n_rows FROM new_rows;
    -- (counting the keys of a bulk statement would cost more than its check)
    IF n_rows <= 1000 THEN
        SELECT count(DISTINCT (n.mechanism, n.state::text, n.organization, n.role)) FILTER (WHERE n.period IS NOT NULL)
          INTO n_keys
          FROM new_rows n;
        IF n_keys = 0 THEN
            RETURN NULL;
        END IF;
    END IF;
    IF n_rows <= 1000 AND n_keys <= 64 THEN
        PERFORM pg_advisory_xact_lock_shared(table_key);
        PERFORM pg_advisory_xact_lock(k.key)
           FROM (SELECT DISTINCT hashtextextended(concat_ws(E'\x1f', 'iscm.participations', n.mechanism,
                                                            coalesce(n.state::text, n.organization), n.role), 0) AS key
                   FROM new_rows n WHERE n.period IS NOT NULL ORDER BY 1) AS k;
    ELSE
        PERFORM pg_advisory_xact_lock(table_key);
    END IF;
    IF n_rows > 1000 THEN
        -- A bulk statement: planned now, for the rows it wrote (the planner
        -- then hashes them and joins the table at once rather than probing
        -- the index row by row), on the key and period columns alone; the
        -- rest of the two rows is read only when they clash.
        EXECUTE $check$
            SELECT c.id, c.other_id
              FROM (SELECT n.id, p.id AS other_id
                      FROM new_rows n
                      JOIN @extschema@.participations p
                        ON p.state OPERATOR(@extschema@.=) n.state AND p.mechanism = n.mechanism AND p.role = n.role
                       AND p.id <> n.id AND p.period && n.period
                    UNION ALL
                    SELECT n.id, p.id
                      FROM new_rows n
                      JOIN @extschema@.participations p
                        ON p.organization = n.organization AND p.state IS NULL AND n.state IS NULL
                       AND p.mechanism = n.mechanism AND p.role = n.role AND p.id <> n.id AND p.period && n.period) AS c
             -- of two written rows that overlap, the later one is the offender
             ORDER BY c.other_id < c.id DESC, c.id, c.other_id
             LIMIT 1
        $check$ INTO clash_ids;
        IF clash_ids.id IS NULL THEN
            RETURN NULL;
        END IF;
        SELECT n.id, n.mechanism, n.state, n.organization, n.role, n.start_date, n.start_basis,
               n.end_date, n.end_basis, n.source, p.id AS other_id, p.start_date AS other_start_date,
               p.start_basis AS other_start_basis, p.end_date AS other_end_date,
               p.end_basis AS other_end_basis, p.source AS other_source
          INTO clash
          FROM new_rows n, @extschema@.participations p
         WHERE n.id = clash_ids.id AND p.id = clash_ids.other_id;
    ELSE
        -- Per written row, the first other row it overlaps, through the index of
        -- its kind of participant (state or organization first): a lateral join,
        -- so that a one-row statement costs one index probe whatever the plan
        -- cached from an earlier bulk statement.
        SELECT n.id, n.mechanism, n.state, n.organization, n.role, n.start_date, n.start_basis, n.end_date,
               n.end_basis, n.source, o.id AS other_id, o.start_date AS other_start_date,
               o.start_basis AS other_start_basis, o.end_date AS other_end_date, o.end_basis AS other_end_basis,
               o.source AS other_source
          INTO clash
          FROM new_rows n
         CROSS JOIN LATERAL (
               SELECT u.*
                 FROM (SELECT p.id, p.start_date, p.start_basis, p.end_date, p.end_basis, p.source
                         FROM @extschema@.participations p
                        WHERE n.state IS NOT NULL AND p.state OPERATOR(@extschema@.=) n.state
                          AND p.mechanism = n.mechanism AND p.role = n.role AND p.id <> n.id AND p.period && n.period
                       UNION ALL
                       SELECT p.id, p.start_date, p.start_basis, p.end_date, p.end_basis, p.source
                         FROM @extschema@.participations p
                        WHERE n.state IS NULL AND p.organization = n.organization AND p.state IS NULL
                          AND p.mechanism = n.mechanism AND p.role = n.role AND p.id <> n.id AND p.period && n.period) AS u
                -- of two written rows that overlap, the later one is the offender
                ORDER BY u.id < n.id DESC, u.id
                LIMIT 1) AS o
         WHERE n.period IS NOT NULL
         ORDER BY o.id < n.id DESC, n.id
         LIMIT 1;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    who := coalesce(@extschema@.country_name(clash.state, 'en'::text), clash.organization);
    RAISE EXCEPTION USING
        ERRCODE = 'exclusion_violation',
        MESSAGE = format('%s already has an overlapping period as %s of %s', who, clash.role, clash.mechanism),
        DETAIL = CASE WHEN n_rows = 1
                      THEN format('New period %s overlaps period %s of row %s (source: %s).',
                                  @extschema@.period_label(clash.start_date, clash.start_basis, clash.end_date, clash.end_basis),
                                  @extschema@.period_label(clash.other_start_date, clash.other_start_basis,
                                                           clash.other_end_date, clash.other_end_basis),
                                  clash.other_id, clash.other_source)
                      ELSE format('New period %s of row %s (source: %s), one of the %s rows the statement wrote, overlaps period %s of row %s (source: %s).',
                                  @extschema@.period_label(clash.start_date, clash.start_basis, clash.end_date, clash.end_basis),
                                  clash.id, clash.source, n_rows,
                                  @extschema@.period_label(clash.other_start_date, clash.other_start_basis,
                                                           clash.other_end_date, clash.other_end_basis),
                                  clash.other_id, clash.other_source)
                 END,
        HINT = 'Periods of one participant in one role may not overlap: end or correct the existing period, or merge the rows.';
END
$$;
COMMENT ON FUNCTION @extschema@._check_participation_overlaps() IS
'Statement trigger on participations (INSERT and UPDATE, transition table new_rows): refuses, with 23P01, a written row whose stated period overlaps another row of the same participant, mechanism and role, naming both periods, the other row and its source (and the written row when the statement wrote several).';

-- Index entries only for the participants of each kind: a State's row has no
-- organization to look up, and the other way round.  The mechanism index
-- ends with the State, so that whichever index the planner takes for the
-- overlap check, it finds the participant's rows by all three columns.
DROP INDEX @extschema@.participations_mechanism_idx;
CREATE INDEX participations_mechanism_idx ON @extschema@.participations (mechanism, role, state);
DROP INDEX @extschema@.participations_state_idx;
DROP INDEX @extschema@.participations_organization_idx;
CREATE INDEX participations_state_idx ON @extschema@.participations (state, mechanism, role) WHERE state IS NOT NULL;
CREATE INDEX participations_organization_idx ON @extschema@.participations (organization, mechanism, role) WHERE organization IS NOT NULL;

DROP TRIGGER validate_period ON @extschema@.participations;
DROP FUNCTION @extschema@._check_participation();
CREATE TRIGGER validate_period BEFORE INSERT OR UPDATE ON @extschema@.participations
    FOR EACH ROW EXECUTE FUNCTION @extschema@._normalize_participation();
COMMENT ON TRIGGER validate_period ON @extschema@.participations IS
    'Runs _normalize_participation(): default bases, and refuses an end before the start (23514); overlaps are refused per statement (refuse_overlaps_on_insert, refuse_overlaps_on_update).';
CREATE TRIGGER refuse_overlaps_on_insert AFTER INSERT ON @extschema@.participations
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._check_participation_overlaps();
COMMENT ON TRIGGER refuse_overlaps_on_insert ON @extschema@.participations IS
    'Runs _check_participation_overlaps() once per INSERT or COPY over the rows it wrote: overlapping periods of one participant in one role fail with 23P01.';
CREATE TRIGGER refuse_overlaps_on_update AFTER UPDATE ON @extschema@.participations
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@._check_participation_overlaps();
COMMENT ON TRIGGER refuse_overlaps_on_update ON @extschema@.participations IS
    'Runs _check_participation_overlaps() once per UPDATE over the rows it changed: overlapping periods of one participant in one role fail with 23P01.';
