-- iscm.country: every object of the country type has a COMMENT ON (BI tools and
-- \dd show them), I/O and support functions, casts, operator families and view
-- columns included.  Each query lists what lacks one: all must be empty.
SET search_path = iscm, public;

-- functions and aggregates taking or returning a country, or backing its views
SELECT p.oid::regprocedure AS function_without_comment
  FROM pg_proc p
 WHERE p.pronamespace = 'iscm'::regnamespace
   AND ('iscm.country'::regtype = ANY (p.proargtypes) OR p.prorettype = 'iscm.country'::regtype
        OR p.prorettype = 'iscm.country[]'::regtype
        OR p.oid IN ('iscm.country_sortsupport(internal)'::regprocedure, 'iscm.country_recv(internal)'::regprocedure,
                     'iscm._countries()'::regprocedure, 'iscm._country_names()'::regprocedure,
                     'iscm._m49_regions()'::regprocedure, 'iscm.country_candidates(text, integer)'::regprocedure,
                     'iscm.normalize_country_name(text)'::regprocedure))
   AND p.proname !~ '^country_set'
   AND 'iscm.country_set'::regtype <> ALL (p.proargtypes) AND p.prorettype <> 'iscm.country_set'::regtype
   AND obj_description(p.oid, 'pg_proc') IS NULL
 ORDER BY 1;
SELECT count(*) AS functions_on_country
  FROM pg_proc p
 WHERE p.pronamespace = 'iscm'::regnamespace AND p.proname !~ '^country_set'
   AND ('iscm.country'::regtype = ANY (p.proargtypes) OR p.prorettype = 'iscm.country'::regtype);

-- casts between country and built-in types (casts to country_set belong to that type)
SELECT c.castsource::regtype AS source, c.casttarget::regtype AS target
  FROM pg_cast c
 WHERE 'iscm.country'::regtype IN (c.castsource, c.casttarget)
   AND 'iscm.country_set'::regtype NOT IN (c.castsource, c.casttarget)
   AND obj_description(c.oid, 'pg_cast') IS NULL;
SELECT c.castsource::regtype AS source, c.casttarget::regtype AS target, c.castcontext
  FROM pg_cast c
 WHERE 'iscm.country'::regtype IN (c.castsource, c.casttarget)
   AND 'iscm.country_set'::regtype NOT IN (c.castsource, c.casttarget)
 ORDER BY c.castsource::regtype::text, c.casttarget::regtype::text;

-- operators, operator classes and families
SELECT o.oid::regoperator AS operator_without_comment
  FROM pg_operator o
 WHERE o.oprleft = 'iscm.country'::regtype AND o.oprright = 'iscm.country'::regtype
   AND obj_description(o.oid, 'pg_operator') IS NULL;
SELECT a.amname, c.opcname AS class_without_comment
  FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
 WHERE c.opcintype = 'iscm.country'::regtype AND obj_description(c.oid, 'pg_opclass') IS NULL;
SELECT a.amname, f.opfname AS family_without_comment
  FROM pg_opfamily f JOIN pg_am a ON a.oid = f.opfmethod
 WHERE f.opfname IN ('country_ops', 'country_hash_ops') AND f.opfnamespace = 'iscm'::regnamespace
   AND obj_description(f.oid, 'pg_opfamily') IS NULL;
SELECT count(*) AS families FROM pg_opfamily f
 WHERE f.opfname IN ('country_ops', 'country_hash_ops') AND f.opfnamespace = 'iscm'::regnamespace;

-- the type, the views and every column of them
SELECT obj_description('iscm.country'::regtype, 'pg_type') IS NOT NULL AS type_commented;
SELECT c.relname AS view_without_comment
  FROM pg_class c
 WHERE c.oid IN ('iscm.countries'::regclass, 'iscm.country_names'::regclass, 'iscm.m49_regions'::regclass)
   AND obj_description(c.oid, 'pg_class') IS NULL;
SELECT a.attrelid::regclass AS view, a.attname AS column_without_comment
  FROM pg_attribute a
 WHERE a.attrelid IN ('iscm.countries'::regclass, 'iscm.country_names'::regclass, 'iscm.m49_regions'::regclass)
   AND a.attnum > 0 AND NOT a.attisdropped AND col_description(a.attrelid, a.attnum) IS NULL;
SELECT count(*) AS view_columns FROM pg_attribute a
 WHERE a.attrelid IN ('iscm.countries'::regclass, 'iscm.country_names'::regclass, 'iscm.m49_regions'::regclass)
   AND a.attnum > 0 AND NOT a.attisdropped;
