-- A world choropleth: Natural Earth's 1:110m countries (public domain),
-- simplified once by tools/gen_world_map.R into data/world_map_110m.csv (SVG
-- path data, equirectangular, 720 x 360 px), filled by a category per
-- country.  Reference: doc/reporting.md, Charts.

CREATE TABLE @extschema@.world_map_shapes (
    ne_code text PRIMARY KEY,
    country @extschema@.country UNIQUE,
    ne_name text NOT NULL,
    path text NOT NULL CHECK (path ~ '^M[0-9 MLZ]+Z$'),
    source text NOT NULL CHECK (source ~ '\S'),
    is_seed boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.world_map_shapes IS
    'Outline of each country of Natural Earth''s 1:110m map as SVG path data (equirectangular, 2 px a degree, x = 2 (lon + 180), y = 2 (90 - lat)), read by iscm.world_map_svg';
COMMENT ON COLUMN @extschema@.world_map_shapes.ne_code IS 'Natural Earth''s adm0_a3 code of the feature';
COMMENT ON COLUMN @extschema@.world_map_shapes.country IS 'The country the feature is; NULL for an area without an ISO 3166 code (Northern Cyprus, Somaliland)';
COMMENT ON COLUMN @extschema@.world_map_shapes.ne_name IS 'Natural Earth''s long name of the feature';
COMMENT ON COLUMN @extschema@.world_map_shapes.path IS 'SVG path data of the outline, in whole px of the 720 x 360 frame';
COMMENT ON COLUMN @extschema@.world_map_shapes.source IS 'Where the outline comes from (Natural Earth release, feature)';
-- @load @extschema@.world_map_shapes data/world_map_110m.csv

CREATE FUNCTION @extschema@.world_map_svg(countries @extschema@.country[], categories text[],
                                          title text, description text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    width constant double precision := 740;
    body text;
    missing text;
    legend record;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.format(
               '<path d="%s" fill="%s" stroke="#fff" stroke-width="0.5"><title>%s</title></path>',
               w.path, coalesce(@extschema@._svg_colour(g.n::integer), '#e6e6e6'),
               @extschema@._xml_escape((w.ne_name || ': ' || coalesce(g.category, 'no data'))::text)),
               E'\n' ORDER BY w.ne_code)
      INTO body
      FROM @extschema@.world_map_shapes AS w
      LEFT JOIN @extschema@._country_categories(countries::@extschema@.country[], categories::text[], title::text) AS g
             ON g.country OPERATOR(@extschema@.=) w.country;
    SELECT pg_catalog.string_agg(@extschema@.canonical_code(g.country::@extschema@.country), ' ' ORDER BY @extschema@.canonical_code(g.country::@extschema@.country))
      INTO missing
      FROM @extschema@._country_categories(countries::@extschema@.country[], categories::text[], title::text) AS g
     WHERE NOT EXISTS (SELECT FROM @extschema@.world_map_shapes AS w WHERE w.country OPERATOR(@extschema@.=) g.country);
    legend := @extschema@._svg_legend(countries::@extschema@.country[], categories::text[], width::double precision);
    RETURN @extschema@._svg_document(width::double precision, (370 + legend.height + CASE WHEN missing IS NULL THEN 0 ELSE 20 END)::double precision, title::text, (coalesce(description || ' ', '')
        || 'World map (Natural Earth 1:110m, equirectangular) with each country filled by the colour of its category;'
        || ' the legend below gives each category''s number, colour, count and the codes of its countries; grey: no data.')::text, ('<g transform="translate(10,0)">' || E'\n' || body || E'\n</g>\n'
        || pg_catalog.format(E'<g transform="translate(0,370)">\n%s</g>', legend.svg)
        || CASE WHEN missing IS NULL THEN ''
                ELSE @extschema@._svg_text((10)::double precision, (370 + legend.height + 14)::double precision, ('Too small to draw at this scale: ' || missing)::text, ''::text) END)::text);
END
$$;
COMMENT ON FUNCTION @extschema@.world_map_svg(@extschema@.country[], text[], text, text) IS
    'SVG world map (Natural Earth 1:110m) with each country filled by its category (countries[i] has categories[i]), a legend with the codes of each category, and the countries too small to draw listed';
