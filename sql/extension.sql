-- The extension installs into schema iscm at the default version.
SELECT extname, extversion, extrelocatable, n.nspname AS schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE extname = 'iscm';
-- Every version from the oldest has an update path to the default.
SELECT source, target, path
  FROM pg_extension_update_paths('iscm')
 WHERE target = (SELECT default_version FROM pg_available_extensions WHERE name = 'iscm')
 ORDER BY source;
