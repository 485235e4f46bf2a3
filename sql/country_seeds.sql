-- iscm.country: every State named in the seed documents (the IOM ISCM
-- assessment, GFMD and regional-process reports) resolves from the spelling
-- used there.  The list, test/fixtures/seed_country_names.csv, was built by
-- trying every capitalized phrase of the seeds and keeping the State names
-- (not the fragments "Bosnia" of "Bosnia and Herzegovina" or "Salvador" of
-- "El Salvador"); tools/gen_country_data.py --check reads the same file.
SET search_path = iscm, public;

CREATE TEMP TABLE seed_states (spelling text, expected text, source text);
\copy seed_states FROM PROGRAM 'cat "$PG_ABS_SRCDIR/test/fixtures/seed_country_names.csv"' (FORMAT csv, HEADER)

-- Each spelling, what it reads as, and whether that is the expected State.
SELECT spelling, spelling::country AS country, name(spelling::country) AS name,
       canonical_code(spelling::country) = expected AS ok
  FROM seed_states ORDER BY spelling;
SELECT count(*) AS spellings, count(DISTINCT expected) AS states,
       count(*) FILTER (WHERE try_country(spelling) IS DISTINCT FROM expected::country) AS mismatches
  FROM seed_states;
DROP TABLE seed_states;
