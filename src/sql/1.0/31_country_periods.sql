-- Existence over time: in which periods each value of iscm.country was a member
-- of ISO 3166 (basis 'iso') and of the Correlates of War state system (basis
-- 'cow'), with the sources' own dates (data/country_periods.csv, written by
-- tools/gen_country_producer_names.py).  countries_on() answers "which units
-- existed on this date", so that a 1990 table is joined on Yugoslavia rather
-- than Slovenia; country_years is the country-year panel of both bases.

CREATE TABLE @extschema@.country_periods (
    basis    text NOT NULL CHECK (basis ~ '^[a-z][a-z0-9_]*$'),
    country  @extschema@.country NOT NULL,
    start_date date NOT NULL,
    end_date date,
    code     text NOT NULL CHECK (code ~ '\S'),
    name     text NOT NULL CHECK (name ~ '\S'),
    source   text NOT NULL CHECK (source ~ '\S'),
    is_seed  boolean NOT NULL DEFAULT false,
    CONSTRAINT end_not_before_start CHECK (end_date >= start_date)
);
CREATE INDEX country_periods_basis_idx ON @extschema@.country_periods (basis, start_date);
COMMENT ON TABLE @extschema@.country_periods IS
    'Periods in which a country was a member of ISO 3166 (basis iso: from the year its code was first assigned, 1974 for the first edition, to its ISO 3166-3 withdrawal date) or of the Correlates of War state system (basis cow, v2016 dates); users may add rows of their own basis.';
COMMENT ON COLUMN @extschema@.country_periods.basis IS 'Whose membership: iso (ISO 3166-1 and 3166-3), cow (COW State System Membership v2016), or a basis of the user''s.';
COMMENT ON COLUMN @extschema@.country_periods.country IS 'The value of iscm.country that the member was during the period.';
COMMENT ON COLUMN @extschema@.country_periods.start_date IS 'First day of membership (for ISO 3166-1 codes, 1 January of the year the code was first assigned).';
COMMENT ON COLUMN @extschema@.country_periods.end_date IS 'Last day of membership; NULL while it lasts (a COW state still a member at the end of v2016, a current ISO code).';
COMMENT ON COLUMN @extschema@.country_periods.code IS 'The member''s code in the source: ISO alpha-2 or alpha-4, COW state number.';
COMMENT ON COLUMN @extschema@.country_periods.name IS 'The member''s name in the source.';
COMMENT ON COLUMN @extschema@.country_periods.source IS 'Source of the period and its dates.';
COMMENT ON COLUMN @extschema@.country_periods.is_seed IS 'True for rows loaded by CREATE EXTENSION (read-only, not dumped); false for user rows.';

-- @load @extschema@.country_periods data/country_periods.csv

CREATE FUNCTION @extschema@.countries_on(on_date date, basis text DEFAULT 'iso')
RETURNS @extschema@.country_set
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    result @extschema@.country_set;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @extschema@.country_periods p WHERE p.basis OPERATOR(pg_catalog.=) countries_on.basis) THEN
        RAISE EXCEPTION USING
            ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('unknown basis of country periods: "%s"', countries_on.basis),
            HINT = 'Use iso (ISO 3166 membership) or cow (Correlates of War state system), or a basis of your own rows in iscm.country_periods.';
    END IF;
    SELECT @extschema@.country_set_agg(p.country) INTO result
      FROM @extschema@.country_periods p
     WHERE p.basis OPERATOR(pg_catalog.=) countries_on.basis
       AND p.start_date OPERATOR(pg_catalog.<=) countries_on.on_date
       AND (p.end_date IS NULL OR p.end_date OPERATOR(pg_catalog.>=) countries_on.on_date);
    RETURN coalesce(result, '{}'::@extschema@.country_set);
END
$$;
COMMENT ON FUNCTION @extschema@.countries_on(date, text) IS
    'The countries that were members of ISO 3166 (basis iso, the default) or of the COW state system (basis cow) on a date, as a country_set; 22023 for an unknown basis.';

CREATE VIEW @extschema@.country_years AS
    SELECT p.basis,
           @extschema@.canonical_code(p.country) AS country_code,
           @extschema@.country_name(p.country, 'en'::text) AS country_name,
           y.year::integer AS year,
           p.name AS source_name,
           p.code AS source_code
      FROM @extschema@.country_periods p,
           LATERAL pg_catalog.generate_series(pg_catalog.date_part('year', p.start_date)::integer,
                                              pg_catalog.date_part('year', coalesce(p.end_date, pg_catalog.now()::date))::integer) AS y(year);
COMMENT ON VIEW @extschema@.country_years IS
    'Country-year panel: one row per basis (iso, cow), country and calendar year in which it was a member for at least a day, with the name and code the source gives it; plain types for BI tools.';
COMMENT ON COLUMN @extschema@.country_years.basis IS 'iso or cow (or a basis of user rows in iscm.country_periods).';
COMMENT ON COLUMN @extschema@.country_years.country_code IS 'Canonical code of the country (reads back as iscm.country).';
COMMENT ON COLUMN @extschema@.country_years.country_name IS 'English short name of the country.';
COMMENT ON COLUMN @extschema@.country_years.year IS 'Calendar year.';
COMMENT ON COLUMN @extschema@.country_years.source_name IS 'Name of the member in the source (COW''s "Yugoslavia" for 1950).';
COMMENT ON COLUMN @extschema@.country_years.source_code IS 'Code of the member in the source (ISO alpha-2 or alpha-4, COW state number).';
