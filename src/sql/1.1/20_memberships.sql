-- Members of more mechanisms, each row with its source and quote: the
-- Budapest Process (IOM's overviews of 2013 and 2017), the 45th Member State
-- of the Bali Process, the 50th State of the Prague Process, and two
-- mechanisms new to the registry, MARRI (Western Balkans) and the Andean
-- Committee of Migration Authorities; the OCAM (its 2019 members, IOM's
-- Technical Secretariat, a presidency pro tempore of 2022); the 68 members of
-- the Tripoli Process that IOM's page shows before its copies break off;
-- the PIDC's 21 as of June 2024, when they were counted 21; a Khartoum
-- Process count of 2024; Germany's Khartoum Process chair
-- (handed over on 17 April 2024) after an explicit unknown term from 2021 and
-- MARRI's chair of 2016.  The rows go through the same checks as user rows
-- (periods, overlaps); the seed-row guards stay in place.

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

-- Egypt's Khartoum Process chairmanship began on the day Germany handed it
-- over, 17 April 2024 (the seed row says April 2024).
ALTER TABLE @extschema@.chairs DISABLE TRIGGER seed_rows_read_only;
ALTER TABLE @extschema@.chairs DISABLE TRIGGER seed_rows_added_by_install_only;
UPDATE @extschema@.chairs
   SET start_date = '2024-04-17',
       note = note || ' Began on 17 April 2024, at the handover from Germany (Egypt Today, 2 May 2024).',
       source = source || '; https://www.egypttoday.com/Article/1/132025/Egypt-begins-chairmanship-term-of-Khartoum-Process-concerned-with-migration ("Germany handed over the chairmanship of the Khartoum Process to Egypt on April 17")'
 WHERE id = 500017 AND is_seed;
ALTER TABLE @extschema@.chairs ENABLE TRIGGER seed_rows_added_by_install_only;
ALTER TABLE @extschema@.chairs ENABLE TRIGGER seed_rows_read_only;

ALTER TABLE @extschema@.membership_coverage DISABLE TRIGGER seed_rows_read_only;
ALTER TABLE @extschema@.membership_coverage DISABLE TRIGGER seed_rows_added_by_install_only;
UPDATE @extschema@.membership_coverage
   SET explanation = '37 Rome Declaration signatories and 4 later members, 41 in all, named by the process; no source counts 41: Egypt Today counts 36 (May 2024), MENA 40 (April 2025). The default reading follows the list the process names.',
       source = source || '; https://www.egypttoday.com/Article/1/132025/Egypt-begins-chairmanship-term-of-Khartoum-Process-concerned-with-migration ("The entity, also called the EU-Horn of Africa Migration Route Initiative, was founded in 2014, and now, has 36 member states."); https://mena.org.eg/news/dbcall/table/textnews/id/11131620 ("the Khartoum Process that includes 40 countries")'
 WHERE mechanism = 'Khartoum Process' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET explanation = '21 member immigration agencies (States and territories) named by IOM and counted 21 by the Solomon Islands Government (June 2024); the PIDC''s Annual Report 2014 counted 18.',
       source = source || '; https://www.einpresswire.com/article/722207018/pacific-immigration-development-community-holds-regional-annual-meeting-in-solomon-islands ("Pacific Immigration Development Community''s (PIDC) 21 member countries")'
 WHERE mechanism = 'PIDC' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET coverage = 'complete',
       explanation = 'The seven member countries whose migration directorates form the Commission and Mexico as permanent observer, named in its presentation of 17 January 2019 (no count stated); IOM Technical Secretariat since January 1999. The Dominican Republic held the presidency pro tempore in December 2022 but no source lists it among the members.',
       source = 'https://slideplayer.es/slide/15477574/ ("La OCAM está conformada por los (las) Directores (as) de Migración de los países miembros: Departamento de Inmigración y Nacionalidad de Belice Dirección General de Migración y Extranjería , Costa Rica Dirección General de Migración, El Salvador Dirección General de Migración y Extranjería, Honduras Dirección General de Migración, Guatemala Dirección General de Migración, Nicaragua Dirección Nacional de Migración y Naturalización, Panamá Instituto Nacional de Migración, México (Observador permanente)"); https://triangulonorteca.iom.int/regional-integration ("From January 1999, IOM assumed the Technical Secretariat of the OCAM")'
 WHERE mechanism = 'OCAM' AND is_seed;
UPDATE @extschema@.membership_coverage
   SET coverage = 'partial',
       explanation = 'IOM counts "82 Members (53 AU Member States and 28 EU Member States)" (53 and 28 add to 81) on an undated page and lists them, but the copies of the page consulted break off before the end of the list: the 68 members they show are recorded, undated.',
       source = 'https://www.iom.int/tripoli-process-joint-africa-eu-declaration-migration-and-development ("82 Members (53 AU Member States and 28 EU Member States)")'
 WHERE mechanism = 'Tripoli Process' AND is_seed;
ALTER TABLE @extschema@.membership_coverage ENABLE TRIGGER seed_rows_added_by_install_only;
ALTER TABLE @extschema@.membership_coverage ENABLE TRIGGER seed_rows_read_only;
