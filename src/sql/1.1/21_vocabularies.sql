-- Seed-row protection and the controlled vocabularies of the governance registry.
--
-- Every registry table has is_seed: true for rows CREATE EXTENSION loads from
-- data/*.csv, false (the default) for rows users add.  pg_dump dumps only user
-- rows (pg_extension_config_dump ... 'WHERE NOT is_seed'), so seed rows must
-- never change after loading: an edited seed row would silently revert on
-- restore.  _protect_seed_rows() makes them read-only and refuses user rows
-- that claim to be seed rows.  The install script lifts the guard while it
-- loads data by setting iscm_seed.loading (a placeholder setting, not a GUC
-- of the module, so no reserved prefix is needed).  The triggers carry WHEN
-- conditions on is_seed, so user rows never pay for a PL/pgSQL call.

SET LOCAL iscm_seed.loading = on;

CREATE FUNCTION @extschema@._protect_seed_rows()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, @extschema@
AS $$
BEGIN
    IF current_setting('iscm_seed.loading', true) = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
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
            MESSAGE = format('only the extension''s install script may add seed rows to %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME),
            DETAIL = 'pg_dump skips rows with is_seed = true, so such a row would be lost on restore.',
            HINT = 'Leave is_seed at its default (false).';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@._protect_seed_rows() IS
'Trigger: seed rows (is_seed) are read-only and only the install script may add them.';

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
COMMENT ON COLUMN @extschema@.participation_roles.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

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
COMMENT ON COLUMN @extschema@.event_levels.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

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
COMMENT ON COLUMN @extschema@.event_roles.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

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
COMMENT ON COLUMN @extschema@.framework_items.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

CREATE TRIGGER seed_rows_read_only BEFORE UPDATE OR DELETE ON @extschema@.participation_roles
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_read_only ON @extschema@.participation_roles IS
    'Seed rows (is_seed) of participation_roles are read-only: UPDATE or DELETE of one fails with 55000, since pg_dump does not dump seed rows and a change would be lost on restore.';
CREATE TRIGGER seed_rows_added_by_install_only BEFORE INSERT OR UPDATE ON @extschema@.participation_roles
    FOR EACH ROW WHEN (NEW.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_added_by_install_only ON @extschema@.participation_roles IS
    'Only the install script may add seed rows to participation_roles or mark a row is_seed (55000 otherwise): pg_dump skips such rows.';
CREATE TRIGGER seed_rows_read_only BEFORE UPDATE OR DELETE ON @extschema@.event_levels
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_read_only ON @extschema@.event_levels IS
    'Seed rows (is_seed) of event_levels are read-only: UPDATE or DELETE of one fails with 55000, since pg_dump does not dump seed rows and a change would be lost on restore.';
CREATE TRIGGER seed_rows_added_by_install_only BEFORE INSERT OR UPDATE ON @extschema@.event_levels
    FOR EACH ROW WHEN (NEW.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_added_by_install_only ON @extschema@.event_levels IS
    'Only the install script may add seed rows to event_levels or mark a row is_seed (55000 otherwise): pg_dump skips such rows.';
CREATE TRIGGER seed_rows_read_only BEFORE UPDATE OR DELETE ON @extschema@.event_roles
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_read_only ON @extschema@.event_roles IS
    'Seed rows (is_seed) of event_roles are read-only: UPDATE or DELETE of one fails with 55000, since pg_dump does not dump seed rows and a change would be lost on restore.';
CREATE TRIGGER seed_rows_added_by_install_only BEFORE INSERT OR UPDATE ON @extschema@.event_roles
    FOR EACH ROW WHEN (NEW.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_added_by_install_only ON @extschema@.event_roles IS
    'Only the install script may add seed rows to event_roles or mark a row is_seed (55000 otherwise): pg_dump skips such rows.';
CREATE TRIGGER seed_rows_read_only BEFORE UPDATE OR DELETE ON @extschema@.framework_items
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_read_only ON @extschema@.framework_items IS
    'Seed rows (is_seed) of framework_items are read-only: UPDATE or DELETE of one fails with 55000, since pg_dump does not dump seed rows and a change would be lost on restore.';
CREATE TRIGGER seed_rows_added_by_install_only BEFORE INSERT OR UPDATE ON @extschema@.framework_items
    FOR EACH ROW WHEN (NEW.is_seed) EXECUTE FUNCTION @extschema@._protect_seed_rows();
COMMENT ON TRIGGER seed_rows_added_by_install_only ON @extschema@.framework_items IS
    'Only the install script may add seed rows to framework_items or mark a row is_seed (55000 otherwise): pg_dump skips such rows.';

ALTER TABLE @extschema@.participation_roles ALTER COLUMN is_seed SET DEFAULT true;
-- @load iscm.participation_roles data/participation_roles.csv
ALTER TABLE @extschema@.participation_roles ALTER COLUMN is_seed SET DEFAULT false;
ALTER TABLE @extschema@.event_levels ALTER COLUMN is_seed SET DEFAULT true;
-- @load iscm.event_levels data/event_levels.csv
ALTER TABLE @extschema@.event_levels ALTER COLUMN is_seed SET DEFAULT false;
ALTER TABLE @extschema@.event_roles ALTER COLUMN is_seed SET DEFAULT true;
-- @load iscm.event_roles data/event_roles.csv
ALTER TABLE @extschema@.event_roles ALTER COLUMN is_seed SET DEFAULT false;
ALTER TABLE @extschema@.framework_items ALTER COLUMN is_seed SET DEFAULT true;
-- @load iscm.framework_items data/framework_items.csv
ALTER TABLE @extschema@.framework_items ALTER COLUMN is_seed SET DEFAULT false;

SELECT pg_catalog.pg_extension_config_dump('@extschema@.participation_roles', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_levels', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.event_roles', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.framework_items', 'WHERE NOT is_seed');
