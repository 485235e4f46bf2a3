-- Seed-row protection and the controlled vocabularies of the governance registry.
--
-- Every registry and survey table has is_seed: true for rows the extension's
-- scripts load from data/*.csv, false (the default) for rows users add.
-- pg_dump dumps only user rows (pg_extension_config_dump ... 'WHERE NOT
-- is_seed'), so seed rows must never change after loading: an edited seed row
-- would silently revert on restore.  _protect_seed_rows() makes them
-- read-only, refuses user rows that claim to be seed rows and a TRUNCATE that
-- would remove seed rows.  Its triggers are set up by the "-- @load" lines
-- (tools/assemble_script.py), the same for every seed table; they carry WHEN
-- conditions on is_seed, so user rows never pay for a PL/pgSQL call.  Nothing
-- a session can set turns the guard off: the scripts load seed rows with the
-- INSERT trigger disabled, which only the tables' owner can do.

CREATE FUNCTION @extschema@._protect_seed_rows()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    has_seed_rows boolean;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('SELECT EXISTS (SELECT FROM %I.%I WHERE is_seed)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
           INTO has_seed_rows;
        IF has_seed_rows THEN
            RAISE EXCEPTION USING
                ERRCODE = 'object_not_in_prerequisite_state',
                MESSAGE = format('cannot truncate %I.%I: it holds seed rows', TG_TABLE_SCHEMA, TG_TABLE_NAME),
                DETAIL = 'Seed rows come from the extension''s data files and are read-only.',
                HINT = format('DELETE FROM %I.%I WHERE NOT is_seed removes the rows users added.', TG_TABLE_SCHEMA, TG_TABLE_NAME);
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_seed THEN
        RAISE EXCEPTION USING
            ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = format('seed rows of %I.%I are read-only', TG_TABLE_SCHEMA, TG_TABLE_NAME),
            DETAIL = 'Seed rows come from the extension''s data files; pg_dump does not dump them, so a change would be lost on restore.',
            HINT = 'Add a user row (is_seed = false) with your own source instead.';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.is_seed THEN
        RAISE EXCEPTION USING
            ERRCODE = 'object_not_in_prerequisite_state',
            MESSAGE = format('only the extension''s scripts may add seed rows to %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME),
            DETAIL = 'pg_dump skips rows with is_seed = true, so such a row would be lost on restore.',
            HINT = 'Leave is_seed at its default (false).';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@._protect_seed_rows() IS
'Trigger: seed rows (is_seed) are read-only, only the extension''s scripts may add them, and a table holding them cannot be truncated (55000).';

CREATE TABLE @extschema@.participation_roles (
    role        text PRIMARY KEY CHECK (role ~ '\S'),
    description text NOT NULL,
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.participation_roles IS 'Roles a State or organization can have in a mechanism (member, observer ...).';
COMMENT ON COLUMN @extschema@.participation_roles.role IS 'Role name, referenced by participations.role.';
COMMENT ON COLUMN @extschema@.participation_roles.description IS 'What the role means.';
COMMENT ON COLUMN @extschema@.participation_roles.source IS 'Where the role comes from.';

CREATE TABLE @extschema@.event_levels (
    level       text PRIMARY KEY CHECK (level ~ '\S'),
    description text NOT NULL,
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.event_levels IS 'Levels of meetings and events (summit, principals, working level, round table ...).';
COMMENT ON COLUMN @extschema@.event_levels.level IS 'Level name, referenced by events.level.';
COMMENT ON COLUMN @extschema@.event_levels.description IS 'What the level means.';
COMMENT ON COLUMN @extschema@.event_levels.source IS 'Where the level comes from.';

CREATE TABLE @extschema@.event_roles (
    role        text PRIMARY KEY CHECK (role ~ '\S'),
    description text NOT NULL,
    source      text NOT NULL CHECK (source ~ '\S'),
    is_seed     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.event_roles IS 'Roles in a meeting or event (coordinating government, rapporteur, speaker, background paper ...).';
COMMENT ON COLUMN @extschema@.event_roles.role IS 'Role name, referenced by event_participants.role.';
COMMENT ON COLUMN @extschema@.event_roles.description IS 'What the role means.';
COMMENT ON COLUMN @extschema@.event_roles.source IS 'Where the role comes from.';

CREATE TABLE @extschema@.framework_items (
    framework text NOT NULL CONSTRAINT framework_known CHECK (framework IN ('GCM', 'MiGOF', 'MGI')),
    code      text NOT NULL CHECK (code ~ '\S'),
    number    int NOT NULL CHECK (number > 0),
    title     text NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('objective', 'principle', 'domain')),
    source    text NOT NULL CHECK (source ~ '\S'),
    is_seed   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (framework, code)
);
COMMENT ON TABLE @extschema@.framework_items IS 'Controlled vocabularies for thematic priorities: the 23 objectives of the Global Compact for Migration (GCM), MiGOF principles and objectives, MGI domains.';
COMMENT ON COLUMN @extschema@.framework_items.framework IS '''GCM'', ''MiGOF'' or ''MGI''.';
COMMENT ON COLUMN @extschema@.framework_items.code IS 'Item code within the framework: GCM ''1''..''23'', MiGOF ''P1''..''P3'' and ''O1''..''O3'', MGI ''1''..''6''.';
COMMENT ON COLUMN @extschema@.framework_items.number IS 'Item number within its kind (for sorting).';
COMMENT ON COLUMN @extschema@.framework_items.title IS 'Short title of the item.';
COMMENT ON COLUMN @extschema@.framework_items.kind IS '''objective'', ''principle'' or ''domain''.';
COMMENT ON COLUMN @extschema@.framework_items.source IS 'Where the item comes from.';

-- @load @extschema@.participation_roles data/participation_roles.csv
-- @load @extschema@.event_levels data/event_levels.csv
-- @load @extschema@.event_roles data/event_roles.csv
-- @load @extschema@.framework_items data/framework_items.csv

