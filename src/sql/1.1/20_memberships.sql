-- Members of more mechanisms, each row with its source and quote: the
-- Budapest Process (IOM's overviews of 2013 and 2017), the 45th Member State
-- of the Bali Process, the 50th State of the Prague Process, and two
-- mechanisms new to the registry, MARRI (Western Balkans) and the Andean
-- Committee of Migration Authorities; an explicit unknown Khartoum Process
-- chair term (2021 to March 2024) and MARRI's chair of 2016.  The rows go
-- through the same checks as user rows (periods, overlaps); the seed-row
-- guards stay in place.

-- @append @extschema@.mechanisms data/mechanisms_1_1.csv
-- @append @extschema@.mechanism_aliases data/mechanism_aliases_1_1.csv
-- @append @extschema@.mechanism_claims data/mechanism_claims_1_1.csv
-- @append @extschema@.participations data/participations_1_1.csv
-- @append @extschema@.membership_counts data/membership_counts_1_1.csv
-- @append @extschema@.membership_coverage data/membership_coverage_1_1.csv
-- @append @extschema@.chairs data/chairs_1_1.csv

-- Seed rows of 1.0 that the new rows complete.  Seed rows are read-only for
-- every session; only this script lifts the guards, for these statements.
ALTER TABLE @extschema@.membership_counts DISABLE TRIGGER seed_rows_read_only;
ALTER TABLE @extschema@.membership_counts DISABLE TRIGGER seed_rows_added_by_install_only;
-- The Prague Process list now has the size its own page states.
UPDATE @extschema@.membership_counts SET is_default = true WHERE id = 500026 AND is_seed;
ALTER TABLE @extschema@.membership_counts ENABLE TRIGGER seed_rows_added_by_install_only;
ALTER TABLE @extschema@.membership_counts ENABLE TRIGGER seed_rows_read_only;

ALTER TABLE @extschema@.membership_coverage DISABLE TRIGGER seed_rows_read_only;
ALTER TABLE @extschema@.membership_coverage DISABLE TRIGGER seed_rows_added_by_install_only;
UPDATE @extschema@.membership_coverage
   SET coverage = 'complete',
       explanation = '49 participating States named and counted by IOM''s overviews of principal RCPs (October 2013, 2017), with 4 Silk Routes participating countries and 5 observers (2013); IOM''s process page says "over 50 governments" without naming them.',
       source = 'https://www.yumpu.com/en/document/view/22344016/overview-of-principal-rcps-international-organization-for-migration ("Albania, Armenia, Austria, Azerbaijan, Belarus, ... Ukraine, United Kingdom and Uzbekistan (Total: 49)"); https://fdocuments.us/document/overview-of-principal-iscms-2017-the-red-cross-icrc-the-regional-network-for-civil.html ("(Total 49)"); https://www.iom.int/budapest-process ("It includes over 50 governments and numerous international organizations.")'
 WHERE mechanism = 'Budapest Process' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET coverage = 'complete',
       explanation = 'IOM counts 45 Member States and names 44; Myanmar, named among the members of the Ad Hoc Group, is read as the 45th (inferred). The 4 member organizations are complete.',
       source = 'https://www.iom.int/node/30036 ("Member States (45 States)"); https://en.goc.gov.tr/the-bali-process ("The members of Ad Hoc Group are Afghanistan, Australia, Bangladesh, India, Indonesia, Malaysia, Maldives, New Zealand, Myanmar, Pakistan"); https://baliprocess.dev.juicebox.com.au/about/about-the-bali-process ("45 Member States and 4 Member Organisations")'
 WHERE mechanism = 'Bali Process' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET coverage = 'complete',
       explanation = 'The process counts 50 participating States as of 2018 and names 49, 27 of them EU Member States; the Slovak Presidency counted 28 EU Member States among 50 in 2016, so the United Kingdom is read as the 50th (inferred).',
       source = 'https://www.pragueprocess.eu/en/about/states-partners ("As of 2018, the following 50 states are participants of the Prague Process"); https://www.parlementairemonitor.nl/9353000/1/j9tvgajcor7dxyk_j9vvij5epmj1ey0/vk7niivh99zb?ctx=vga3buzdwirl&tab=1&start_tab0=340 ("This concerns cooperation and information exchange between 50 countries, including 28 EU Member States, Eastern Partnership countries and other countries.")'
 WHERE mechanism = 'Prague Process' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET explanation = 'The five IOC Member States named and counted by the IOC (France for Réunion); IOM says the MiDIOCC brings the IOC Member States together.'
 WHERE mechanism = 'MiDIOCC' AND is_seed;
ALTER TABLE @extschema@.membership_coverage ENABLE TRIGGER seed_rows_added_by_install_only;
ALTER TABLE @extschema@.membership_coverage ENABLE TRIGGER seed_rows_read_only;
