-- Run, as the planting role, the statements of iscm_rel.plants (from
-- iscm_rel.plant_ddl, test/lib/call_sites.sql), each row in a subtransaction
-- of its own.  A row that fails is counted as not plantable: its exact
-- signature is the callee itself, or it needs a type no role can declare
-- (unknown) or a type that does not exist yet (a later version's, or any of
-- iscm's before it is installed), or it is a window function without
-- arguments.  Any other failure stops the script.
SET client_min_messages = warning;
SET search_path = pg_catalog, pg_temp;
DO $do$
DECLARE
    p record;
    stmt text;
    made int := 0;
    failed int := 0;
    reasons text := '';
BEGIN
    FOR p IN SELECT * FROM iscm_rel.plants ORDER BY what LOOP
        BEGIN
            FOREACH stmt IN ARRAY p.ddl LOOP
                EXECUTE stmt;
            END LOOP;
            made := made + 1;
        EXCEPTION WHEN duplicate_function OR duplicate_object OR feature_not_supported OR undefined_object OR invalid_schema_name
                       OR raise_exception THEN
            failed := failed + 1;
            reasons := reasons || p.what || ': ' || SQLERRM || E'\n';
        END;
    END LOOP;
    RAISE WARNING 'plants: % planted, % not plantable', made, failed;
    PERFORM set_config('iscm_rel.unplantable', reasons, false);
END
$do$;
SELECT current_setting('iscm_rel.unplantable') AS unplantable \gset
\echo :unplantable
