-- A text description of everything the iscm extension owns, free of OIDs, so
-- two installs can be compared with diff: every member object, and for each
-- kind the properties a user or the planner can observe.  Members are found
-- through pg_depend (deptype 'e'), so objects added later are covered.
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;
SET search_path = pg_catalog;
CREATE TEMP VIEW m AS
  SELECT d.classid, d.objid
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
   WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'iscm';

SELECT 'extension ' || extname || ' ' || extversion || ' schema ' || extnamespace::regnamespace
       || ' relocatable ' || extrelocatable
       || ' config ' || coalesce((SELECT string_agg(c::regclass::text || ' ' || coalesce(w, ''), ', ' ORDER BY c::regclass::text)
                                    FROM unnest(extconfig, extcondition) AS u(c, w)), '')
  FROM pg_extension WHERE extname = 'iscm';

-- every member, with its comment
SELECT 'member ' || pg_describe_object(classid, objid, 0) || coalesce(' -- ' || obj_description(objid, classid::regclass::name), ' -- (no comment)')
  FROM m ORDER BY 1;

-- functions: full definition (signature, volatility, strictness, parallel safety, cost, settings, body)
SELECT 'function ' || p.oid::regprocedure || E'\n' ||
       CASE WHEN p.prokind = 'a' THEN
         (SELECT format('aggregate kind=%s direct=%s sfunc=%s stype=%s space=%s final=%s extra=%s modify=%s combine=%s serial=%s deserial=%s msfunc=%s minv=%s mstype=%s mfinal=%s initval=%s minitval=%s sortop=%s parallel=%s',
                        aggkind, aggnumdirectargs, aggtransfn::regprocedure, aggtranstype::regtype, aggtransspace,
                        aggfinalfn::regprocedure, aggfinalextra, aggfinalmodify, aggcombinefn::regprocedure,
                        aggserialfn::regprocedure, aggdeserialfn::regprocedure, aggmtransfn::regprocedure,
                        aggminvtransfn::regprocedure, aggmtranstype::regtype, aggmfinalfn::regprocedure,
                        agginitval, aggminitval, aggsortop::regoperator, p.proparallel)
            FROM pg_aggregate WHERE aggfnoid = p.oid)
       ELSE pg_get_functiondef(p.oid) || format(' leakproof=%s support=%s acl=%s', p.proleakproof, p.prosupport, p.proacl)
       END
  FROM m JOIN pg_proc p ON p.oid = m.objid WHERE m.classid = 'pg_proc'::regclass ORDER BY 1;

-- types
SELECT format('type %s len=%s byval=%s type=%s category=%s preferred=%s delim=%s in=%s out=%s recv=%s send=%s modin=%s modout=%s analyze=%s subscript=%s elem=%s array=%s align=%s storage=%s notnull=%s base=%s typmod=%s ndims=%s collation=%s default=%s acl=%s',
              format_type(t.oid, NULL), typlen, typbyval, typtype, typcategory, typispreferred, typdelim,
              typinput::regprocedure, typoutput::regprocedure, typreceive::regprocedure, typsend::regprocedure,
              typmodin::regprocedure, typmodout::regprocedure, typanalyze::regprocedure, typsubscript::regprocedure,
              format_type(typelem, NULL), format_type(typarray, NULL), typalign, typstorage, typnotnull,
              format_type(typbasetype, NULL), typtypmod, typndims, typcollation::regcollation, typdefault, typacl)
       || coalesce(' labels=' || (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '')
       || coalesce(' constraints=' || (SELECT string_agg(conname || ' ' || pg_get_constraintdef(c.oid), '; ' ORDER BY conname)
                                         FROM pg_constraint c WHERE c.contypid = t.oid), '')
       || coalesce(' range=' || (SELECT format('%s %s %s %s', rngsubtype::regtype, rngsubopc, rngcanonical, rngsubdiff)
                                   FROM pg_range WHERE rngtypid = t.oid), '')
  FROM m JOIN pg_type t ON t.oid = m.objid WHERE m.classid = 'pg_type'::regclass ORDER BY 1;

-- operators
SELECT format('operator %s kind=%s merges=%s hashes=%s result=%s proc=%s commutator=%s negator=%s restrict=%s join=%s',
              o.oid::regoperator, oprkind, oprcanmerge, oprcanhash, oprresult::regtype, oprcode::regprocedure,
              nullif(oprcom, 0)::regoperator, nullif(oprnegate, 0)::regoperator, oprrest::regprocedure, oprjoin::regprocedure)
  FROM m JOIN pg_operator o ON o.oid = m.objid WHERE m.classid = 'pg_operator'::regclass ORDER BY 1;

-- operator classes and the operators and support functions of their families
SELECT format('opclass %s.%s using %s family %s for %s default=%s storage=%s',
              opcnamespace::regnamespace, opcname, a.amname, f.opfname, format_type(opcintype, NULL), opcdefault, format_type(opckeytype, NULL))
  FROM m JOIN pg_opclass c ON c.oid = m.objid JOIN pg_am a ON a.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily
 WHERE m.classid = 'pg_opclass'::regclass ORDER BY 1;
SELECT format('amop %s %s (%s,%s) strategy %s %s purpose=%s sortfamily=%s', a.amname, f.opfname,
              format_type(amoplefttype, NULL), format_type(amoprighttype, NULL), amopstrategy, amopopr::regoperator,
              amoppurpose, amopsortfamily)
  FROM m JOIN pg_opfamily f ON f.oid = m.objid JOIN pg_am a ON a.oid = f.opfmethod JOIN pg_amop o ON o.amopfamily = f.oid
 WHERE m.classid = 'pg_opfamily'::regclass ORDER BY 1;
SELECT format('amproc %s %s (%s,%s) %s %s', a.amname, f.opfname,
              format_type(amproclefttype, NULL), format_type(amprocrighttype, NULL), amprocnum, amproc::regprocedure)
  FROM m JOIN pg_opfamily f ON f.oid = m.objid JOIN pg_am a ON a.oid = f.opfmethod JOIN pg_amproc p ON p.amprocfamily = f.oid
 WHERE m.classid = 'pg_opfamily'::regclass ORDER BY 1;

-- casts
SELECT format('cast %s -> %s func=%s context=%s method=%s', format_type(castsource, NULL), format_type(casttarget, NULL),
              nullif(castfunc, 0)::regprocedure, castcontext, castmethod)
  FROM m JOIN pg_cast c ON c.oid = m.objid WHERE m.classid = 'pg_cast'::regclass ORDER BY 1;

-- relations: columns, defaults, constraints, indexes, triggers, view text, policies, sequences, privileges
SELECT format('relation %s kind=%s persistence=%s options=%s rls=%s acl=%s', c.oid::regclass, relkind, relpersistence,
              reloptions, relrowsecurity, relacl)
  FROM m JOIN pg_class c ON c.oid = m.objid WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
SELECT format('column %s.%s #%s %s notnull=%s default=%s identity=%s generated=%s collation=%s -- %s',
              c.oid::regclass, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
              pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, nullif(a.attcollation, 0)::regcollation,
              col_description(c.oid, a.attnum))
  FROM m JOIN pg_class c ON c.oid = m.objid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
 WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
SELECT format('constraint %s on %s: %s', conname, conrelid::regclass, pg_get_constraintdef(co.oid))
  FROM m JOIN pg_constraint co ON co.conrelid = m.objid WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
SELECT 'index ' || pg_get_indexdef(i.indexrelid)
  FROM m JOIN pg_index i ON i.indrelid = m.objid WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
SELECT 'trigger ' || pg_get_triggerdef(t.oid)
  FROM m JOIN pg_trigger t ON t.tgrelid = m.objid WHERE m.classid = 'pg_class'::regclass AND NOT t.tgisinternal ORDER BY 1;
SELECT 'view ' || c.oid::regclass || E'\n' || pg_get_viewdef(c.oid)
  FROM m JOIN pg_class c ON c.oid = m.objid WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('v', 'm') ORDER BY 1;
SELECT format('policy %s on %s cmd=%s permissive=%s roles=%s using=%s check=%s', polname, polrelid::regclass, polcmd,
              polpermissive, polroles::regrole[], pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid))
  FROM m JOIN pg_policy p ON p.polrelid = m.objid WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
SELECT format('sequence %s type=%s start=%s increment=%s max=%s min=%s cache=%s cycle=%s', seqrelid::regclass,
              seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle)
  FROM m JOIN pg_sequence s ON s.seqrelid = m.objid WHERE m.classid = 'pg_class'::regclass ORDER BY 1;
