-- The hash values of iscm.country and iscm.country_set, pinned.
--
-- They decide where rows live: the shard of a Citus table distributed by a
-- country or country_set column (country_hash, country_set_hash: FUNCTION 1
-- of the default hash operator classes) and the partition of a table
-- PARTITION BY HASH (the extended functions, seeded).  A release that changed
-- them would leave existing rows in shards and partitions where lookups no
-- longer find them, so every value below is a promise (doc/country.md,
-- doc/country_set.md).  A new country adds a row here; no existing row may
-- change.  The values are those of a little-endian machine, as PostgreSQL's
-- own hash functions are.
SET search_path = iscm, public;

-- the functions the default hash operator classes use, which Citus and hash
-- partitioning call
SELECT opc.opcname, amp.amprocnum, amp.amproc::regproc
  FROM pg_opclass opc
  JOIN pg_amproc amp ON amp.amprocfamily = opc.opcfamily
 WHERE opc.opcname IN ('country_hash_ops', 'country_set_hash_ops')
   AND opc.opcmethod = (SELECT oid FROM pg_am WHERE amname = 'hash')
 ORDER BY 1, 2;

-- every country the type can hold: 32-bit hash, extended hash with seed 0 and
-- with the seed of PARTITION BY HASH (HASH_PARTITION_SEED)
SELECT key, code, country_hash(code::country) AS hash,
       country_hash_extended(code::country, 0) AS hash_ext_0,
       country_hash_extended(code::country, 8816678312871386365) AS hash_ext_partition
  FROM countries
 ORDER BY key;

-- a sample of sets: empty, single countries, pairs, a region, former countries
SELECT s AS set, country_set_hash(s) AS hash,
       country_set_hash_extended(s, 0) AS hash_ext_0,
       country_set_hash_extended(s, 8816678312871386365) AS hash_ext_partition
  FROM unnest(ARRAY['{}', '{AFG}', '{ZWE}', '{FRA}', '{XKX}', '{SUN}', '{830}',
                    '{BEL,PHL}', '{FRA,DEU}', '{SEN,CIV,BEL}', '{USA,MEX,CAN}',
                    '{SUN,YUG,CSK,DDR}', '{AUT,BEL,BGR,HRV,CYP,CZE,DNK,EST,FIN,FRA,DEU,GRC,HUN,IRL,ITA,LVA,LTU,LUX,MLT,NLD,POL,PRT,ROU,SVK,SVN,ESP,SWE}',
                    '{DZA,EGY,LBY,MAR,TUN,ESH,SDN}', '{ARG,BOL,BRA,CHL,COL,ECU,GUY,PRY,PER,SUR,URY,VEN}',
                    '{CHN,IND,IDN,PAK,BGD,NGA}']::country_set[]) WITH ORDINALITY u(s, i)
 ORDER BY i;

-- a country hashes as its key does as an int4 (a set hashes the bytes of its
-- keys, its storage format without the version byte, with hash_any)
SELECT count(*) AS countries,
       count(*) FILTER (WHERE country_hash(code::country) <> hashint4(key)) AS other_hash,
       count(*) FILTER (WHERE country_hash_extended(code::country, 8816678312871386365)
                              <> hashint4extended(key, 8816678312871386365)) AS other_hash_ext
  FROM countries;
-- the same value hashes the same whatever way it was written
SELECT country_set_hash('{CIV,SEN}') = country_set_hash('{Senegal,Côte d''Ivoire}') AS same_set,
       country_hash('FR') = country_hash('250') AS same_country;

-- what that means for a table partitioned by hash: each country's partition
CREATE TABLE hash_pinned_parts (c country, n int) PARTITION BY HASH (c);
CREATE TABLE hash_pinned_p0 PARTITION OF hash_pinned_parts FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE hash_pinned_p1 PARTITION OF hash_pinned_parts FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hash_pinned_p2 PARTITION OF hash_pinned_parts FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE hash_pinned_p3 PARTITION OF hash_pinned_parts FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO hash_pinned_parts
SELECT code::country, key FROM countries WHERE alpha3 IN ('BEL', 'CIV', 'FRA', 'MEX', 'PHL', 'SEN', 'USA', 'ZWE');
SELECT tableoid::regclass AS partition, string_agg(c::text, ',' ORDER BY c) AS countries
  FROM hash_pinned_parts GROUP BY 1 ORDER BY 1;
DROP TABLE hash_pinned_parts;
