-- Participation over time (Popolo Membership) and chairs (a Post held through
-- a Membership).  Periods are two partial dates with a basis each; three
-- generated dateranges give the stated, certain and possible readings so that
-- "as of" queries are plain range containment.
--
-- Overlap rule: one participant may not hold the same role in the same
-- mechanism in two periods whose stated ranges overlap.  A GiST exclusion
-- constraint would need btree_gist (for the text and country keys), which
-- users' databases may lack; the constraint trigger below instead serializes
-- writers of one (mechanism, participant, role) key with a transaction-level
-- advisory lock, then looks for an overlapping row and reports both periods
-- with SQLSTATE 23P01 (exclusion_violation).

CREATE SEQUENCE @extschema@.participations_id_seq START 1000000;
CREATE TABLE @extschema@.participations (
    id           bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.participations_id_seq'::pg_catalog.regclass),
    mechanism    text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    state        @extschema@.country,
    organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    role         text NOT NULL REFERENCES @extschema@.participation_roles ON UPDATE CASCADE,
    start_date   @extschema@.partial_date,
    start_basis  text CONSTRAINT start_basis_known CHECK (start_basis IN ('began', 'attested')),
    end_date     @extschema@.partial_date,
    end_basis    text CONSTRAINT end_basis_known CHECK (end_basis IN ('ended', 'attested')),
    period       daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'stated')) STORED,
    certain      daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'certain')) STORED,
    possible     daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'possible')) STORED,
    note         text,
    source       text NOT NULL CHECK (source ~ '\S'),
    is_seed      boolean NOT NULL DEFAULT false,
    CONSTRAINT participant_is_state_or_organization CHECK ((state IS NULL) <> (organization IS NULL)),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.participations_id_seq OWNED BY @extschema@.participations.id;
COMMENT ON SEQUENCE @extschema@.participations_id_seq IS 'Ids of user rows of participations (from 1000000; seed rows use ids below).';
CREATE INDEX participations_mechanism_idx ON @extschema@.participations (mechanism, role);
CREATE INDEX participations_state_idx ON @extschema@.participations (state, mechanism, role);
CREATE INDEX participations_organization_idx ON @extschema@.participations (organization, mechanism, role);
COMMENT ON TABLE @extschema@.participations IS 'A State or an organization in a mechanism, with a role and a period (Popolo Membership). Periods of one participant in one role may not overlap.';
COMMENT ON COLUMN @extschema@.participations.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.participations.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.participations.state IS 'The participating State; NULL when the participant is an organization.';
COMMENT ON COLUMN @extschema@.participations.organization IS 'The participating organization; NULL when the participant is a State.';
COMMENT ON COLUMN @extschema@.participations.role IS 'member, observer, associate, partner, participant, secretariat ... (participation_roles).';
COMMENT ON COLUMN @extschema@.participations.start_date IS 'Start at the precision of the source; NULL when the source gives no date (undated row).';
COMMENT ON COLUMN @extschema@.participations.start_basis IS '''began'': the participation began within start_date; ''attested'': the source only says it held as of start_date.';
COMMENT ON COLUMN @extschema@.participations.end_date IS 'End at the precision of the source; NULL when no end is stated (open).';
COMMENT ON COLUMN @extschema@.participations.end_basis IS '''ended'': it ended within end_date; ''attested'': the source only says it still held as of end_date.';
COMMENT ON COLUMN @extschema@.participations.period IS 'Stated reading: from the first day of start_date to the last day of end_date (open end unbounded); NULL when undated.';
COMMENT ON COLUMN @extschema@.participations.certain IS 'Certain reading: only the days the sources guarantee (may be empty).';
COMMENT ON COLUMN @extschema@.participations.possible IS 'Possible reading: every day the sources allow (attested bounds extend without limit).';
COMMENT ON COLUMN @extschema@.participations.note IS 'Remarks, in the source''s terms where useful.';
COMMENT ON COLUMN @extschema@.participations.source IS 'Source of the row (seed file and section, or public source).';

CREATE SEQUENCE @extschema@.chairs_id_seq START 1000000;
CREATE TABLE @extschema@.chairs (
    id                  bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.chairs_id_seq'::pg_catalog.regclass),
    mechanism           text NOT NULL REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    holder_state        @extschema@.country,
    holder_organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    holder_unknown      boolean NOT NULL DEFAULT false,
    role                text NOT NULL DEFAULT 'chair' CONSTRAINT chair_role_known CHECK (role IN ('chair', 'co-chair')),
    start_date          @extschema@.partial_date,
    start_basis         text CONSTRAINT start_basis_known CHECK (start_basis IN ('began', 'attested')),
    end_date            @extschema@.partial_date,
    end_basis           text CONSTRAINT end_basis_known CHECK (end_basis IN ('ended', 'attested')),
    period              daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'stated')) STORED,
    certain             daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'certain')) STORED,
    possible            daterange GENERATED ALWAYS AS (@extschema@.period_range(start_date, start_basis, end_date, end_basis, 'possible')) STORED,
    theme               text,
    note                text,
    source              text NOT NULL CHECK (source ~ '\S'),
    is_seed             boolean NOT NULL DEFAULT false,
    CONSTRAINT chair_holder_is_state_organization_or_unknown
        CHECK (num_nonnulls(holder_state, holder_organization) = CASE WHEN holder_unknown THEN 0 ELSE 1 END),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.chairs_id_seq OWNED BY @extschema@.chairs.id;
COMMENT ON SEQUENCE @extschema@.chairs_id_seq IS 'Ids of user rows of chairs (from 1000000; seed rows use ids below).';
CREATE INDEX chairs_mechanism_idx ON @extschema@.chairs (mechanism);
CREATE INDEX chairs_holder_state_idx ON @extschema@.chairs (holder_state);
COMMENT ON TABLE @extschema@.chairs IS 'Who held the chair of a mechanism for which period; co-chairs share a period; a term whose holder no source names is an explicit row with holder_unknown.';
COMMENT ON COLUMN @extschema@.chairs.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.chairs.mechanism IS 'Mechanism code.';
COMMENT ON COLUMN @extschema@.chairs.holder_state IS 'Chairing State, or NULL.';
COMMENT ON COLUMN @extschema@.chairs.holder_organization IS 'Chairing organization, or NULL.';
COMMENT ON COLUMN @extschema@.chairs.holder_unknown IS 'True for a term whose holder no source names (a gap is unknown, not empty); then both holder columns are NULL.';
COMMENT ON COLUMN @extschema@.chairs.role IS '''chair'' or ''co-chair''.';
COMMENT ON COLUMN @extschema@.chairs.start_date IS 'Start of the term at the precision of the source; NULL when undated.';
COMMENT ON COLUMN @extschema@.chairs.start_basis IS '''began'' or ''attested'' (see participations.start_basis).';
COMMENT ON COLUMN @extschema@.chairs.end_date IS 'End of the term at the precision of the source; NULL when open.';
COMMENT ON COLUMN @extschema@.chairs.end_basis IS '''ended'' or ''attested'' (see participations.end_basis).';
COMMENT ON COLUMN @extschema@.chairs.period IS 'Stated reading of the term (whole stated units).';
COMMENT ON COLUMN @extschema@.chairs.certain IS 'Certain reading of the term.';
COMMENT ON COLUMN @extschema@.chairs.possible IS 'Possible reading of the term.';
COMMENT ON COLUMN @extschema@.chairs.theme IS 'Theme of the chairmanship, where known.';
COMMENT ON COLUMN @extschema@.chairs.note IS 'Remarks (e.g. ''as printed'', the summit date).';
COMMENT ON COLUMN @extschema@.chairs.source IS 'Source of the row.';

-- Shared by both triggers: fill the default basis, refuse an end before the start.
CREATE FUNCTION @extschema@._normalize_period(INOUT start_date @extschema@.partial_date, INOUT start_basis text,
                                              INOUT end_date @extschema@.partial_date, INOUT end_basis text,
                                              what text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    start_basis := CASE WHEN start_date IS NOT NULL THEN coalesce(start_basis, 'began') END;
    end_basis := CASE WHEN end_date IS NOT NULL THEN coalesce(end_basis, 'ended') END;
    IF start_date IS NOT NULL AND end_date IS NOT NULL
       AND @extschema@.partial_date_last(end_date) < @extschema@.partial_date_first(start_date) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            MESSAGE = format('%s ends before it starts', what),
            DETAIL = format('Start %s, end %s: the whole end date lies before the start date.', start_date, end_date),
            HINT = 'Check the order of start_date and end_date.';
    END IF;
END
$$;
COMMENT ON FUNCTION @extschema@._normalize_period(@extschema@.partial_date, text, @extschema@.partial_date, text, text) IS
'Trigger helper: default bases (began/ended), NULL basis for a missing date, error 23514 when the end lies wholly before the start.';

CREATE FUNCTION @extschema@._check_participation()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    who text := coalesce(@extschema@.country_name(NEW.state, 'en'::text), NEW.organization);
    new_period daterange;
    norm record;
    other record;
BEGIN
    norm := @extschema@._normalize_period(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis,
                                          format('participation of %s in %s', who, NEW.mechanism));
    NEW.start_basis := norm.start_basis;
    NEW.end_basis := norm.end_basis;
    new_period := @extschema@.period_range(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis, 'stated'::text);
    IF new_period IS NULL THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(concat_ws(E'\x1f', 'iscm.participations', NEW.mechanism, who, NEW.role), 0));
    -- two statements so that each can use its index (state or organization first)
    IF NEW.state IS NOT NULL THEN
        SELECT p.id, p.start_date, p.start_basis, p.end_date, p.end_basis, p.source INTO other
          FROM @extschema@.participations p
         WHERE p.state OPERATOR(@extschema@.=) NEW.state AND p.mechanism = NEW.mechanism AND p.role = NEW.role
           AND p.id <> NEW.id AND p.period && new_period
         LIMIT 1;
    ELSE
        SELECT p.id, p.start_date, p.start_basis, p.end_date, p.end_basis, p.source INTO other
          FROM @extschema@.participations p
         WHERE p.organization = NEW.organization AND p.mechanism = NEW.mechanism AND p.role = NEW.role
           AND p.id <> NEW.id AND p.period && new_period
         LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'exclusion_violation',
            MESSAGE = format('%s already has an overlapping period as %s of %s', who, NEW.role, NEW.mechanism),
            DETAIL = format('New period %s overlaps period %s of row %s (source: %s).',
                            @extschema@.period_label(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis),
                            @extschema@.period_label(other.start_date, other.start_basis, other.end_date, other.end_basis),
                            other.id, other.source),
            HINT = 'Periods of one participant in one role may not overlap: end or correct the existing period, or merge the rows.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._check_participation() IS
'Trigger on participations: normalizes the period, refuses an end before the start (23514) and overlapping periods of one participant in one role (23P01).';

CREATE FUNCTION @extschema@._check_chair()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    who text := coalesce(@extschema@.country_name(NEW.holder_state, 'en'::text), NEW.holder_organization, 'unknown holder');
    new_period daterange;
    norm record;
    other record;
BEGIN
    norm := @extschema@._normalize_period(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis,
                                          format('%s term of %s in %s', NEW.role, who, NEW.mechanism));
    NEW.start_basis := norm.start_basis;
    NEW.end_basis := norm.end_basis;
    new_period := @extschema@.period_range(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis, 'stated'::text);
    IF new_period IS NULL OR NEW.holder_unknown THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended(concat_ws(E'\x1f', 'iscm.chairs', NEW.mechanism, who, NEW.role), 0));
    SELECT c.id, c.start_date, c.start_basis, c.end_date, c.end_basis, c.source INTO other
      FROM @extschema@.chairs c
     WHERE c.mechanism = NEW.mechanism AND c.role = NEW.role
       AND (c.holder_state OPERATOR(@extschema@.=) NEW.holder_state OR (c.holder_state IS NULL AND NEW.holder_state IS NULL))
       AND c.holder_organization IS NOT DISTINCT FROM NEW.holder_organization
       AND NOT c.holder_unknown
       AND c.id <> NEW.id AND c.period && new_period
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'exclusion_violation',
            MESSAGE = format('%s already holds an overlapping %s term of %s', who, NEW.role, NEW.mechanism),
            DETAIL = format('New term %s overlaps term %s of row %s (source: %s).',
                            @extschema@.period_label(NEW.start_date, NEW.start_basis, NEW.end_date, NEW.end_basis),
                            @extschema@.period_label(other.start_date, other.start_basis, other.end_date, other.end_basis),
                            other.id, other.source),
            HINT = 'Terms of one holder in one role may not overlap; co-chairs are separate rows with role ''co-chair''.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._check_chair() IS
'Trigger on chairs: normalizes the period, refuses an end before the start (23514) and overlapping terms of one holder in one role (23P01).';

CREATE TRIGGER validate_period BEFORE INSERT OR UPDATE ON @extschema@.participations
    FOR EACH ROW EXECUTE FUNCTION @extschema@._check_participation();
COMMENT ON TRIGGER validate_period ON @extschema@.participations IS
    'Runs _check_participation(): normalizes the period, refuses an end before the start (23514) and overlapping periods of one participant in one role (23P01).';
CREATE TRIGGER validate_period BEFORE INSERT OR UPDATE ON @extschema@.chairs
    FOR EACH ROW EXECUTE FUNCTION @extschema@._check_chair();
COMMENT ON TRIGGER validate_period ON @extschema@.chairs IS
    'Runs _check_chair(): normalizes the period, refuses an end before the start (23514) and overlapping terms of one holder in one role (23P01).';

-- @load @extschema@.participations data/participations.csv
-- @load @extschema@.chairs data/chairs.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.participations_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.chairs_id_seq', '');
