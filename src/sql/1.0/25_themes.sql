-- Thematic priorities of mechanisms, their events and chairs, mapped to the 23
-- objectives of the Global Compact for Migration (and MiGOF / MGI where that
-- fits better).  The theme text is the source's; the mapping is kept apart in
-- theme_mappings so that it can be disputed, and each mapping says whether it
-- is an editorial reading or stated by a source (basis) and names its source.
-- No seed source maps a theme to a framework item, so every seed mapping is
-- editorial.

CREATE SEQUENCE @extschema@.themes_id_seq START 1000000;
CREATE TABLE @extschema@.themes (
    id        bigint PRIMARY KEY DEFAULT pg_catalog.nextval('@extschema@.themes_id_seq'::pg_catalog.regclass),
    mechanism text REFERENCES @extschema@.mechanisms ON UPDATE CASCADE,
    event     text REFERENCES @extschema@.events ON UPDATE CASCADE,
    chair_id  bigint REFERENCES @extschema@.chairs,
    theme     text NOT NULL CHECK (theme ~ '\S'),
    as_of     @extschema@.partial_date,
    note      text,
    source    text NOT NULL CHECK (source ~ '\S'),
    is_seed   boolean NOT NULL DEFAULT false,
    CONSTRAINT theme_belongs_somewhere CHECK (num_nonnulls(mechanism, event) >= 1),
    CONSTRAINT seed_ids_reserved CHECK (is_seed OR id >= 1000000)
);
ALTER SEQUENCE @extschema@.themes_id_seq OWNED BY @extschema@.themes.id;
COMMENT ON SEQUENCE @extschema@.themes_id_seq IS 'Ids of user rows of themes (from 1000000; seed rows use ids below).';
CREATE INDEX themes_mechanism_idx ON @extschema@.themes (mechanism);
COMMENT ON TABLE @extschema@.themes IS 'Thematic priorities as the sources state them, for a mechanism, one of its events or a chairmanship.';
COMMENT ON COLUMN @extschema@.themes.id IS 'Row id: seed rows below 1000000, user rows from the sequence.';
COMMENT ON COLUMN @extschema@.themes.mechanism IS 'Mechanism code (NULL for themes of events outside any mechanism).';
COMMENT ON COLUMN @extschema@.themes.event IS 'Event the theme belongs to, or NULL.';
COMMENT ON COLUMN @extschema@.themes.chair_id IS 'Chair term whose theme this is, or NULL.';
COMMENT ON COLUMN @extschema@.themes.theme IS 'The theme in the source''s words.';
COMMENT ON COLUMN @extschema@.themes.as_of IS 'When the source states the theme.';
COMMENT ON COLUMN @extschema@.themes.note IS 'Remarks, e.g. why a theme is not mapped.';
COMMENT ON COLUMN @extschema@.themes.source IS 'Source of the theme.';

CREATE TABLE @extschema@.theme_mappings (
    theme_id  bigint NOT NULL REFERENCES @extschema@.themes ON DELETE CASCADE,
    framework text NOT NULL,
    code      text NOT NULL,
    basis     text NOT NULL CONSTRAINT mapping_basis_known CHECK (basis IN ('editorial', 'stated')),
    source    text NOT NULL CHECK (source ~ '\S'),
    is_seed   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (theme_id, framework, code),
    FOREIGN KEY (framework, code) REFERENCES @extschema@.framework_items ON UPDATE CASCADE
);
COMMENT ON TABLE @extschema@.theme_mappings IS 'Which framework items (GCM objectives, MiGOF, MGI) a theme addresses, each mapping with its basis (editorial reading or stated by a source) and its source.';
COMMENT ON COLUMN @extschema@.theme_mappings.theme_id IS 'Theme id.';
COMMENT ON COLUMN @extschema@.theme_mappings.framework IS 'GCM, MiGOF or MGI.';
COMMENT ON COLUMN @extschema@.theme_mappings.code IS 'Item code in framework_items.';
COMMENT ON COLUMN @extschema@.theme_mappings.basis IS 'editorial: a curator''s reading of the theme (every seed row); stated: a source itself links the theme to the item.';
COMMENT ON COLUMN @extschema@.theme_mappings.source IS 'Who made the mapping and from what: for editorial rows the curator, the theme''s source and the framework document; for stated rows the source that states it.';

-- @load @extschema@.themes data/themes.csv
-- @load @extschema@.theme_mappings data/theme_mappings.csv

SELECT pg_catalog.pg_extension_config_dump('@extschema@.themes_id_seq', '');
