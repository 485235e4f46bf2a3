-- Meetings and events (Popolo Event) with parent events (a round table inside
-- a summit, a side event in the margin of a session) and the roles States,
-- organizations, mechanisms and named persons play in them.

CREATE TABLE @extschema@.events (
    code       text PRIMARY KEY CHECK (code ~ '\S'),
    mechanism  text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    parent     text REFERENCES @extschema@.events ON UPDATE CASCADE,
    title      text NOT NULL CHECK (title ~ '\S'),
    level      text NOT NULL REFERENCES @extschema@.event_levels ON UPDATE CASCADE,
    start_date @extschema@.partial_date,
    end_date   @extschema@.partial_date,
    start_time time,
    end_time   time,
    city       text,
    country    @extschema@.country,
    venue      text,
    period     daterange GENERATED ALWAYS AS (
                   CASE WHEN start_date IS NOT NULL
                        THEN daterange(@extschema@.partial_date_first(start_date),
                                       @extschema@.partial_date_last(coalesce(end_date, start_date)), '[]')
                   END) STORED,
    note       text,
    source     text NOT NULL CHECK (source ~ '\S'),
    is_seed    boolean NOT NULL DEFAULT false,
    CONSTRAINT event_not_its_own_parent CHECK (parent IS DISTINCT FROM code),
    CONSTRAINT end_date_needs_start_date CHECK (end_date IS NULL OR start_date IS NOT NULL),
    CONSTRAINT times_need_a_day CHECK (start_time IS NULL AND end_time IS NULL OR start_date IS NOT NULL)
);
CREATE INDEX events_mechanism_idx ON @extschema@.events (mechanism);
CREATE INDEX events_parent_idx ON @extschema@.events (parent);
COMMENT ON TABLE @extschema@.events IS 'Meetings and events of mechanisms (summits, principals and working level meetings, round tables, side events, questionnaires ...).';
COMMENT ON COLUMN @extschema@.events.code IS 'Key of the event (''GFMD-2007-RT1.2'').';
COMMENT ON COLUMN @extschema@.events.mechanism IS 'Mechanism the event belongs to; NULL for events of no mechanism (GCM consultations).';
COMMENT ON COLUMN @extschema@.events.parent IS 'Enclosing event (the summit of a round table), or NULL.';
COMMENT ON COLUMN @extschema@.events.title IS 'Title as the source gives it.';
COMMENT ON COLUMN @extschema@.events.level IS 'Level (event_levels): summit, principals, working level, round table, side event ...';
COMMENT ON COLUMN @extschema@.events.start_date IS 'First day at the precision of the source; NULL when the source gives no date.';
COMMENT ON COLUMN @extschema@.events.end_date IS 'Last day for events of several days; NULL for a one-day (or undated) event.';
COMMENT ON COLUMN @extschema@.events.start_time IS 'Local start time, where given.';
COMMENT ON COLUMN @extschema@.events.end_time IS 'Local end time, where given.';
COMMENT ON COLUMN @extschema@.events.city IS 'City.';
COMMENT ON COLUMN @extschema@.events.country IS 'Country of the place.';
COMMENT ON COLUMN @extschema@.events.venue IS 'Venue or room, where given.';
COMMENT ON COLUMN @extschema@.events.period IS 'Days the event may cover (whole stated units).';
COMMENT ON COLUMN @extschema@.events.note IS 'Remarks from the source.';
COMMENT ON COLUMN @extschema@.events.source IS 'Source of the row.';

-- One rule for both sides of a parent-child pair: a dated child lies within
-- its dated parent.  A new or moved child is checked against its parent, and a
-- parent whose dates change is checked against its children.
CREATE FUNCTION @extschema@._check_event()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    span daterange;     -- the days NEW may cover, as events.period will hold them
    p record;
    loop_found boolean;
BEGIN
    IF NEW.end_date IS NOT NULL
       AND @extschema@.partial_date_last(NEW.end_date) < @extschema@.partial_date_first(NEW.start_date) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            MESSAGE = format('event %s ends before it starts', NEW.code),
            DETAIL = format('Start %s, end %s.', NEW.start_date, NEW.end_date);
    END IF;
    IF NEW.start_date IS NOT NULL THEN
        span := daterange(@extschema@.partial_date_first(NEW.start_date),
                          @extschema@.partial_date_last(coalesce(NEW.end_date, NEW.start_date)), '[]');
    END IF;
    -- children can precede their parent within one statement (a COPY), so
    -- an inserted parent is checked too
    IF span IS NOT NULL AND (TG_OP = 'INSERT' OR span IS DISTINCT FROM OLD.period) THEN
        SELECT e.code, e.start_date, e.end_date INTO p
          FROM @extschema@.events e
         WHERE e.parent = CASE WHEN TG_OP = 'INSERT' THEN NEW.code ELSE OLD.code END
           AND e.period IS NOT NULL AND NOT span @> e.period
         ORDER BY e.code
         LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                MESSAGE = format('event %s would no longer contain its child event %s', NEW.code, p.code),
                DETAIL = format('Event %s%s; child %s%s.', NEW.start_date, ' .. ' || NEW.end_date, p.start_date, ' .. ' || p.end_date),
                HINT = 'A child event (a round table, a side event) must take place within the dates of its parent: move the children first.';
        END IF;
    END IF;
    IF NEW.parent IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT e.code, e.start_date, e.end_date, e.period INTO p FROM @extschema@.events e WHERE e.code = NEW.parent;
    IF FOUND AND span IS NOT NULL AND p.period IS NOT NULL AND NOT p.period @> span THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            MESSAGE = format('event %s lies outside its parent event %s', NEW.code, NEW.parent),
            DETAIL = format('Event %s%s; parent %s%s.', NEW.start_date, ' .. ' || NEW.end_date, p.start_date, ' .. ' || p.end_date),
            HINT = 'A child event (a round table, a side event) must take place within the dates of its parent.';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        WITH RECURSIVE up(code) AS (
            SELECT NEW.parent
            UNION
            SELECT e.parent FROM @extschema@.events e JOIN up ON e.code = up.code WHERE e.parent IS NOT NULL
        )
        SELECT bool_or(up.code = NEW.code) INTO loop_found FROM up;
        IF loop_found THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                MESSAGE = format('event %s would become its own ancestor', NEW.code);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._check_event() IS
'Trigger on events: refuses an end before the start, a child outside its parent''s dates, new parent dates that leave a child outside, and parent cycles (23514).';

CREATE SEQUENCE @extschema@.event_participants_id_seq START 1000000;
CREATE TABLE @extschema@.event_participants (
    id           bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.event_participants_id_seq'::pg_catalog.regclass),
    event        text NOT NULL REFERENCES @extschema@.events ON UPDATE CASCADE ON DELETE CASCADE,
    state        @extschema@.country,
    organization text REFERENCES @extschema@.organizations ON UPDATE CASCADE,
    mechanism    text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    person       text,
    role         text NOT NULL REFERENCES @extschema@.event_roles ON UPDATE CASCADE,
    detail       text,
    tentative    boolean NOT NULL DEFAULT false,
    source       text NOT NULL CHECK (source ~ '\S'),
    is_seed      boolean NOT NULL DEFAULT false,
    CONSTRAINT participant_is_one_state_organization_or_mechanism
        CHECK (num_nonnulls(state, organization, mechanism) = 1
               OR (num_nonnulls(state, organization, mechanism) = 0 AND person IS NOT NULL)),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.event_participants_id_seq OWNED BY @extschema@.event_participants.id;
COMMENT ON SEQUENCE @extschema@.event_participants_id_seq IS 'Ids of user rows of event_participants (from 1000000; seed rows use ids below).';
CREATE INDEX event_participants_event_idx ON @extschema@.event_participants (event);
CREATE INDEX event_participants_state_idx ON @extschema@.event_participants (state);
COMMENT ON TABLE @extschema@.event_participants IS 'Who played which role in an event: a State, an organization, a mechanism or a named person (for a State or organization).';
COMMENT ON COLUMN @extschema@.event_participants.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.event_participants.event IS 'Event code.';
COMMENT ON COLUMN @extschema@.event_participants.state IS 'Participating State (or the State a person represents).';
COMMENT ON COLUMN @extschema@.event_participants.organization IS 'Participating organization (or the organization a person represents).';
COMMENT ON COLUMN @extschema@.event_participants.mechanism IS 'Participating mechanism (IGC and ADD on a panel).';
COMMENT ON COLUMN @extschema@.event_participants.person IS 'Named person, as the source names them; may stand alone (''SRSG Sutherland'').';
COMMENT ON COLUMN @extschema@.event_participants.role IS 'Role (event_roles): coordinating government, rapporteur, speaker, background paper ...';
COMMENT ON COLUMN @extschema@.event_participants.detail IS 'What the source says about the role.';
COMMENT ON COLUMN @extschema@.event_participants.tentative IS 'True when the source states the role as likely, considered or preliminary.';
COMMENT ON COLUMN @extschema@.event_participants.source IS 'Source of the row.';

CREATE TRIGGER validate_dates BEFORE INSERT OR UPDATE ON @extschema@.events
    FOR EACH ROW EXECUTE FUNCTION @extschema@._check_event();
COMMENT ON TRIGGER validate_dates ON @extschema@.events IS
    'Runs _check_event(): refuses an end before the start, a child event outside its parent''s dates (whichever of the two changes) and parent cycles (23514).';

-- @load @extschema@.events data/events.csv
-- @load @extschema@.event_participants data/event_participants.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_participants_id_seq', '');
