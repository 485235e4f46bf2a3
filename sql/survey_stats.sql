-- Interval estimators, differences of proportions and McNemar's tests against
-- (1) every published vector of doc/survey.md / survey-statistics.md, to its
-- printed precision, and (2) figures computed by R 4.2 (bench/survey_r_reference.R:
-- prop.test(correct = FALSE), binom.test, qbeta, mcnemar.test), to 1e-9.
CREATE SCHEMA survey_stats_test;
SET search_path = survey_stats_test, public;

-- x of n answered yes, as a stored summary (its text form)
CREATE FUNCTION yes_of(x int, n int) RETURNS iscm.answer_summary
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT format('{"format": 1, "kind": "single", "weighted": false, "respondents": %s, "missing": 0, "counts": {%s}}',
                        n, '"yes": ' || x || ', "no": ' || (n - x))::iscm.answer_summary $$;  -- 0 = declared, nobody gave it
-- a panel: before x after counts of yes/no
CREATE FUNCTION panel(yy int, yn int, ny int, nn int) RETURNS iscm.transition_summary
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT iscm.transition_agg(b, a)
            FROM (SELECT 'yes', 'yes' FROM generate_series(1, yy)
                  UNION ALL SELECT 'yes', 'no' FROM generate_series(1, yn)
                  UNION ALL SELECT 'no', 'yes' FROM generate_series(1, ny)
                  UNION ALL SELECT 'no', 'no' FROM generate_series(1, nn)) v(b, a) $$;

-- 1. Published vectors, 95%, rounded to the digits they were printed with.
CREATE TABLE published (x int, n int, method text, lower numeric, upper numeric, digits int, source text);
INSERT INTO published VALUES
  (81, 263, 'wilson', 0.2553, 0.3662, 4, 'Newcombe 1998, Table I'),
  (81, 263, 'clopper_pearson', 0.2527, 0.3676, 4, 'Newcombe 1998, Table I'),
  (15, 148, 'wilson', 0.0624, 0.1605, 4, 'Newcombe 1998, Table I'),
  (15, 148, 'clopper_pearson', 0.0578, 0.1617, 4, 'Newcombe 1998, Table I'),
  (0, 20, 'wilson', 0, 0.1611, 4, 'Newcombe 1998, Table I'),
  (0, 20, 'clopper_pearson', 0, 0.1684, 4, 'Newcombe 1998, Table I'),
  (1, 29, 'wilson', 0.0061, 0.1718, 4, 'Newcombe 1998, Table I'),
  (1, 29, 'clopper_pearson', 0.0009, 0.1776, 4, 'Newcombe 1998, Table I'),
  (37, 43, 'wilson', 0.7273641, 0.9344428, 7, 'binom package docs'),
  (37, 43, 'jeffreys', 0.7348110, 0.9395927, 7, 'binom package docs'),
  (37, 43, 'clopper_pearson', 0.7206752, 0.9470234, 7, 'binom package docs'),
  (37, 43, 'agresti_coull', 0.7235600, 0.9382469, 7, 'binom package docs'),
  (42, 43, 'clopper_pearson', 0.8771095, 0.9994114, 7, 'binom package docs'),
  (13, 16, 'wilson', 0.5699, 0.9341, 4, 'Brown, Cai, DasGupta 2001'),
  (13, 16, 'clopper_pearson', 0.5435, 0.9595, 4, 'Brown, Cai, DasGupta 2001'),
  (13, 16, 'jeffreys', 0.5792, 0.9442, 4, 'Brown, Cai, DasGupta 2001'),
  (10, 10, 'clopper_pearson', 0.6915, 1, 4, 'Newcombe 1998'),
  (0, 10, 'clopper_pearson', 0, 0.3085, 4, 'Newcombe 1998');

SELECT x || '/' || n AS "case", method,
       round(iscm.ci_lower(yes_of(x, n), 'yes', method)::numeric, digits) AS lower,
       round(iscm.ci_upper(yes_of(x, n), 'yes', method)::numeric, digits) AS upper,
       round(iscm.ci_lower(yes_of(x, n), 'yes', method)::numeric, digits) = lower
         AND round(iscm.ci_upper(yes_of(x, n), 'yes', method)::numeric, digits) = upper AS ok
  FROM published ORDER BY n, x, method;

-- Newcombe hybrid score interval for p1 - p2 (Newcombe 1998b, Table II)
SELECT x1 || '/' || n1 || ' - ' || x2 || '/' || n2 AS "case",
       round((d).estimate::numeric, 4) AS estimate,
       round((d).lower::numeric, 4) AS lower, round((d).upper::numeric, 4) AS upper,
       round((d).lower::numeric, 4) = lo AND round((d).upper::numeric, 4) = hi AS ok, (d).method
  FROM (VALUES (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090),
               (10, 10, 0, 20, 0.6791, 1), (84, 101, 89, 105, -0.1177, 0.0851)) v(x1, n1, x2, n2, lo, hi),
       LATERAL (SELECT iscm.share_difference(yes_of(x1, n1), yes_of(x2, n2), 'yes') AS d) s;

-- Paired [[59, 6], [16, 80]] (Newcombe 1998a example): here 16 moved yes -> no and
-- 6 no -> yes, so the change after - before is (6 - 16)/161 = -0.0621.
SELECT round((d).estimate::numeric, 4) AS estimate, round((d).lower::numeric, 4) AS lower,
       round((d).upper::numeric, 4) AS upper, (d).method
  FROM (SELECT iscm.paired_difference(panel(59, 16, 6, 80), 'yes') AS d) s;
SELECT m AS method, round(iscm.mcnemar(panel(59, 16, 6, 80), 'yes', m)::numeric, 6) AS p
  FROM unnest(ARRAY['asymptotic', 'corrected', 'exact', 'mid_p']) m;
SELECT iscm.pairs(panel(59, 16, 6, 80));

-- 2. Agreement with R to 1e-9 (levels 0.8 to 0.999, every method, edge cases).
CREATE TABLE r_intervals (x int, n int, level float8, method text, lower float8, upper float8);
INSERT INTO r_intervals VALUES
(81, 263, 0.8, 'wilson', 0.27278813300373861, 0.34556474709263157),
(81, 263, 0.8, 'clopper_pearson', 0.27079526717899555, 0.34737717438783333),
(81, 263, 0.8, 'jeffreys', 0.27262363564710113, 0.34542456211893224),
(81, 263, 0.8, 'agresti_coull', 0.2727687471165921, 0.34558413297977791),
(81, 263, 0.8, 'wald', 0.27150262058471941, 0.34446696116433007),
(81, 263, 0.8, 'logit', 0.27274681548676072, 0.34561185333082733),
(81, 263, 0.95, 'wilson', 0.25528851987827428, 0.36620957698280016),
(81, 263, 0.95, 'clopper_pearson', 0.25273674558527121, 0.3676219226013514),
(81, 263, 0.95, 'jeffreys', 0.25452193499102344, 0.36564749917408246),
(81, 263, 0.95, 'agresti_coull', 0.25522066518999675, 0.36627743167107751),
(81, 263, 0.95, 'wald', 0.25219012621310721, 0.36377945553594226),
(81, 263, 0.95, 'logit', 0.25514751140681063, 0.36638177303036173),
(81, 263, 0.99, 'wilson', 0.24013690268760776, 0.38528250231822986),
(81, 263, 0.99, 'clopper_pearson', 0.23683735816553864, 0.38625832566974494),
(81, 263, 0.99, 'jeffreys', 0.23858004766093202, 0.38426823916736541),
(81, 263, 0.99, 'agresti_coull', 0.23998703260147508, 0.38543237240436251),
(81, 263, 0.99, 'wald', 0.23465817194163152, 0.38131140980741796),
(81, 263, 0.99, 'logit', 0.23983146450296922, 0.38567919695144903),
(81, 263, 0.999, 'wilson', 0.22346252870656999, 0.40769221070687606),
(81, 263, 0.999, 'clopper_pearson', 0.2190117043607048, 0.40813807057233364),
(81, 263, 0.999, 'jeffreys', 0.22070140470951788, 0.40613480821975689),
(81, 263, 0.999, 'agresti_coull', 0.22316248062436217, 0.40799225878908407),
(81, 263, 0.999, 'wald', 0.21431274537206296, 0.40165683637698651),
(81, 263, 0.999, 'logit', 0.22286223785680259, 0.40852863946005163),
(15, 148, 0.8, 'wilson', 0.073808504615902007, 0.13764479889400499),
(15, 148, 0.8, 'clopper_pearson', 0.07049526774052331, 0.14078083667887609),
(15, 148, 0.8, 'jeffreys', 0.073372702646005206, 0.13697687957386684),
(15, 148, 0.8, 'agresti_coull', 0.073513280821605645, 0.13794002268830136),
(15, 148, 0.8, 'wald', 0.069559562715683643, 0.13314313998701907),
(15, 148, 0.8, 'logit', 0.073689086008704469, 0.13785243814465778),
(15, 148, 0.95, 'wilson', 0.062386399530736283, 0.160487241723308),
(15, 148, 0.95, 'clopper_pearson', 0.057844010083448555, 0.16165049034947898),
(15, 148, 0.95, 'jeffreys', 0.060448517009296439, 0.1576431434787412),
(15, 148, 0.95, 'agresti_coull', 0.061385974928797285, 0.16148766632524703),
(15, 148, 0.95, 'wald', 0.052730006408793974, 0.14997269629390875),
(15, 148, 0.95, 'logit', 0.062027983475877659, 0.16131673788927231),
(15, 148, 0.99, 'wilson', 0.053644869613964856, 0.18326735011315248),
(15, 148, 0.99, 'clopper_pearson', 0.047744559728836782, 0.18187753153827613),
(15, 148, 0.99, 'jeffreys', 0.050098479119583914, 0.17770351456140576),
(15, 148, 0.99, 'agresti_coull', 0.051519451370486247, 0.18539276835663113),
(15, 148, 0.99, 'wald', 0.037452072553945975, 0.16525063014875674),
(15, 148, 0.99, 'logit', 0.052956320917116342, 0.18531868030961349),
(15, 148, 0.999, 'wilson', 0.045175649167684906, 0.21188027100421408),
(15, 148, 0.999, 'clopper_pearson', 0.037611861939207014, 0.20678736311786083),
(15, 148, 0.999, 'jeffreys', 0.039675997675963144, 0.20244303556412246),
(15, 148, 0.999, 'agresti_coull', 0.041144745108444805, 0.21591117506345414),
(15, 148, 0.999, 'wald', 0.019722384433308857, 0.18298031826939387),
(15, 148, 0.999, 'logit', 0.044001190582473315, 0.21652080311415589),
(0, 20, 0.8, 'wilson', 0, 0.075886979110764446),
(0, 20, 0.8, 'clopper_pearson', 0, 0.10874906186625444),
(0, 20, 0.8, 'jeffreys', 0, 0.064612002792833967),
(0, 20, 0.8, 'agresti_coull', 0, 0.090575814965055818),
(0, 20, 0.8, 'wald', 0, 0),
(0, 20, 0.95, 'wilson', 0, 0.1611251580528193),
(0, 20, 0.95, 'clopper_pearson', 0, 0.16843347098308536),
(0, 20, 0.95, 'jeffreys', 0, 0.1166389829048754),
(0, 20, 0.95, 'agresti_coull', 0, 0.18980956054248876),
(0, 20, 0.95, 'wald', 0, 0),
(0, 20, 0.99, 'wilson', 0, 0.24910540109875334),
(0, 20, 0.99, 'clopper_pearson', 0, 0.23272950098907452),
(0, 20, 0.99, 'jeffreys', 0, 0.17675409743668991),
(0, 20, 0.99, 'agresti_coull', 0, 0.28936254513752901),
(0, 20, 0.99, 'wald', 0, 0),
(0, 20, 0.999, 'wilson', 0, 0.35123000339115296),
(0, 20, 0.999, 'clopper_pearson', 0, 0.31616944795416935),
(0, 20, 0.999, 'jeffreys', 0, 0.25846845598951862),
(0, 20, 0.999, 'agresti_coull', 0, 0.4011124594991004),
(0, 20, 0.999, 'wald', 0, 0),
(1, 29, 0.8, 'wilson', 0.010372169057183479, 0.10849506902959481),
(1, 29, 0.8, 'clopper_pearson', 0.0036265294299977998, 0.12761955695295257),
(1, 29, 0.8, 'jeffreys', 0.010112271514357549, 0.10303211330053852),
(1, 29, 0.8, 'agresti_coull', 0.0046960265654143393, 0.11417121152136395),
(1, 29, 0.8, 'wald', 0, 0.077905586617419004),
(1, 29, 0.8, 'logit', 0.0095991028636100394, 0.11629750507528372),
(1, 29, 0.95, 'wilson', 0.006113214292762661, 0.17175521879320282),
(1, 29, 0.95, 'clopper_pearson', 0.0008726468835799228, 0.17764429548872285),
(1, 29, 0.95, 'jeffreys', 0.0037461736490570774, 0.1500776860022317),
(1, 29, 0.95, 'agresti_coull', 0, 0.18628650856170603),
(1, 29, 0.95, 'wald', 0, 0.10089224323967212),
(1, 29, 0.95, 'logit', 0.0048358017190536715, 0.20791354461391848),
(1, 29, 0.99, 'wilson', 0.004061494196883818, 0.23825425313641294),
(1, 29, 0.99, 'clopper_pearson', 0.0001728313327215183, 0.22960030657503938),
(1, 29, 0.99, 'jeffreys', 0.0012466372380502042, 0.20014312087676944),
(1, 29, 0.99, 'agresti_coull', 0, 0.2619604439081451),
(1, 29, 0.99, 'wald', 0, 0.1217596156774777),
(1, 29, 0.99, 'logit', 0.0025896817345130944, 0.32942612108869879),
(1, 29, 0.999, 'wilson', 0.0027109952635726801, 0.31936658576902738),
(1, 29, 0.999, 'clopper_pearson', 1.7245542386417258e-05, 0.29606180244772673),
(1, 29, 0.999, 'jeffreys', 0.00026570265942793938, 0.26540506642598494),
(1, 29, 0.999, 'agresti_coull', 0, 0.3526891904817826),
(1, 29, 0.999, 'wald', 0, 0.14597571771944801),
(1, 29, 0.999, 'logit', 0.0012529820331893524, 0.50414144383247084),
(37, 43, 0.8, 'wilson', 0.77943206758132311, 0.91497544111695639),
(37, 43, 0.8, 'clopper_pearson', 0.76792141718179918, 0.92503358120582879),
(37, 43, 0.8, 'jeffreys', 0.78135996456753631, 0.91611912288565389),
(37, 43, 0.8, 'agresti_coull', 0.77819364426113302, 0.91621386443714647),
(37, 43, 0.8, 'wald', 0.79274621715672888, 0.9281840154014106),
(37, 43, 0.8, 'logit', 0.77818823478019483, 0.91553548070152346),
(37, 43, 0.95, 'wilson', 0.72736412032617148, 0.93444276572035112),
(37, 43, 0.95, 'clopper_pearson', 0.72067519968585081, 0.9470234261331828),
(37, 43, 0.95, 'jeffreys', 0.7348110135400574, 0.93959269396609946),
(37, 43, 0.95, 'agresti_coull', 0.72355999368338086, 0.93824689236314207),
(37, 43, 0.95, 'wald', 0.75689799738901842, 0.96403223516912107),
(37, 43, 0.95, 'logit', 0.72243366197772818, 0.9359412003910349),
(37, 43, 0.99, 'wilson', 0.67673938960777824, 0.94782119423278899),
(37, 43, 0.99, 'clopper_pearson', 0.67506442763239982, 0.96272287784627519),
(37, 43, 0.99, 'jeffreys', 0.68962456030885577, 0.95662439195049387),
(37, 43, 0.99, 'agresti_coull', 0.66951211559041635, 0.95504846825015111),
(37, 43, 0.99, 'wald', 0.72435485005714706, 0.99657538250099242),
(37, 43, 0.99, 'logit', 0.6649694402316505, 0.95039554216068189),
(37, 43, 0.999, 'wilson', 0.61646635667478866, 0.95944673405855374),
(37, 43, 0.999, 'clopper_pearson', 0.61977847761092164, 0.9763780591883533),
(37, 43, 0.999, 'jeffreys', 0.63457592926428963, 0.97173767340652117),
(37, 43, 0.999, 'agresti_coull', 0.60462946549628993, 0.97128362523705258),
(37, 43, 0.999, 'wald', 0.6865892818762811, 1),
(37, 43, 0.999, 'logit', 0.59169488546965643, 0.96329124453758808),
(42, 43, 0.8, 'wilson', 0.92539226101064131, 0.99301766984837325),
(42, 43, 0.8, 'clopper_pearson', 0.91252720916005348, 0.99755275484874206),
(42, 43, 0.8, 'jeffreys', 0.92948896352255972, 0.99318829996910352),
(42, 43, 0.8, 'agresti_coull', 0.92126282696574635, 0.99714710389326866),
(42, 43, 0.8, 'wald', 0.94728925249545615, 1),
(42, 43, 0.8, 'logit', 0.91989720878295778, 0.99353192721268668),
(42, 43, 0.95, 'wilson', 0.8794100655939282, 0.99588291272566609),
(42, 43, 0.95, 'clopper_pearson', 0.87710951729866038, 0.99941138706840682),
(42, 43, 0.95, 'jeffreys', 0.89641931002925712, 0.99747918613269704),
(42, 43, 0.95, 'agresti_coull', 0.86840236815206628, 1),
(42, 43, 0.95, 'wald', 0.93169675254542084, 1),
(42, 43, 0.95, 'logit', 0.85252074059233895, 0.996733711274565),
(42, 43, 0.99, 'wilson', 0.82876801356676244, 0.99726372635140692),
(42, 43, 0.99, 'clopper_pearson', 0.83956729557893672, 0.9998834360540223),
(42, 43, 0.99, 'jeffreys', 0.86056240686504426, 0.99916147634341723),
(42, 43, 0.99, 'agresti_coull', 0.8099813637212101, 1),
(42, 43, 0.99, 'wald', 0.91754182305563758, 1),
(42, 43, 0.99, 'logit', 0.75608906955365207, 0.9982457939479632),
(42, 43, 0.999, 'wilson', 0.76351846934653111, 0.99817303775240573),
(42, 43, 0.999, 'clopper_pearson', 0.79030720414749556, 0.99998836925271484),
(42, 43, 0.999, 'jeffreys', 0.81269837846480286, 0.99982130948739334),
(42, 43, 0.999, 'agresti_coull', 0.73554504027448009, 1),
(42, 43, 0.999, 'wald', 0.90111535547122457, 1),
(42, 43, 0.999, 'logit', 0.60065628689895401, 0.99914805718843103),
(13, 16, 0.8, 'wilson', 0.66081824369105269, 0.9059988844735567),
(13, 16, 0.8, 'clopper_pearson', 0.62877775602235775, 0.92903363978884401),
(13, 16, 0.8, 'jeffreys', 0.66403397604238557, 0.90818151973762185),
(13, 16, 0.8, 'agresti_coull', 0.65772677164465243, 0.90909035651995707),
(13, 16, 0.8, 'wald', 0.68744864122390048, 0.93755135877609952),
(13, 16, 0.8, 'logit', 0.6559927770090197, 0.90781029900967236),
(13, 16, 0.95, 'wilson', 0.56991119038025873, 0.93408400928571866),
(13, 16, 0.95, 'clopper_pearson', 0.54354345376838831, 0.95952626609405411),
(13, 16, 0.95, 'jeffreys', 0.57921482776429267, 0.94418701610999123),
(13, 16, 0.95, 'agresti_coull', 0.56197841082308364, 0.94201678884289364),
(13, 16, 0.95, 'wald', 0.62125045061897521, 1),
(13, 16, 0.95, 'logit', 0.55254413646274336, 0.9382961169882621),
(13, 16, 0.99, 'wilson', 0.49057850275226822, 0.95121719776570246),
(13, 16, 0.99, 'clopper_pearson', 0.46563830198029138, 0.97769205963290995),
(13, 16, 0.99, 'jeffreys', 0.50045439968214311, 0.96694402918344724),
(13, 16, 0.99, 'agresti_coull', 0.47804328151148578, 0.9637524190064849),
(13, 16, 0.99, 'wald', 0.56115548679876848, 1),
(13, 16, 0.99, 'logit', 0.45424980003080584, 0.95755557680372805),
(13, 16, 0.999, 'wilson', 0.40817928434126116, 0.96457163672199275),
(13, 16, 0.999, 'clopper_pearson', 0.37835656001966583, 0.99005414833155059),
(13, 16, 0.999, 'jeffreys', 0.4108972061697142, 0.98366101854384069),
(13, 16, 0.999, 'agresti_coull', 0.39162080166205387, 0.98113011940119987),
(13, 16, 0.999, 'wald', 0.49141667418994534, 1),
(13, 16, 0.999, 'logit', 0.34495571141093784, 0.97272049125355009),
(10, 10, 0.8, 'wilson', 0.85893131790945909, 1),
(10, 10, 0.8, 'clopper_pearson', 0.79432823472428138, 1),
(10, 10, 0.8, 'jeffreys', 0.87642579367131979, 1),
(10, 10, 0.8, 'agresti_coull', 0.83329728222427057, 1),
(10, 10, 0.8, 'wald', 1, 1),
(10, 10, 0.95, 'wilson', 0.72246720013711085, 1),
(10, 10, 0.95, 'clopper_pearson', 0.69150289218123917, 1),
(10, 10, 0.95, 'jeffreys', 0.78280373249078949, 1),
(10, 10, 0.95, 'agresti_coull', 0.6791126942494542, 1),
(10, 10, 0.95, 'wald', 1, 1),
(10, 10, 0.99, 'wilson', 0.60114590669509194, 1),
(10, 10, 0.99, 'clopper_pearson', 0.58870401865247468, 1),
(10, 10, 0.99, 'jeffreys', 0.68116536440582864, 1),
(10, 10, 0.99, 'agresti_coull', 0.54822515937664917, 1),
(10, 10, 0.99, 'wald', 1, 1),
(10, 10, 0.999, 'wilson', 0.4801329122211932, 1),
(10, 10, 0.999, 'clopper_pearson', 0.4676242239113107, 1),
(10, 10, 0.999, 'jeffreys', 0.55425585503957098, 1),
(10, 10, 0.999, 'agresti_coull', 0.4238294529195612, 1),
(10, 10, 0.999, 'wald', 1, 1),
(0, 1, 0.8, 'wilson', 0, 0.6215524967746473),
(0, 1, 0.8, 'clopper_pearson', 0, 0.90000000000000002),
(0, 1, 0.8, 'jeffreys', 0, 0.64864280197437241),
(0, 1, 0.8, 'agresti_coull', 0, 0.67565026308732101),
(0, 1, 0.8, 'wald', 0, 0),
(0, 1, 0.95, 'wilson', 0, 0.79345068562276255),
(0, 1, 0.95, 'clopper_pearson', 0, 0.97499999999999998),
(0, 1, 0.95, 'jeffreys', 0, 0.85325368369042476),
(0, 1, 0.95, 'agresti_coull', 0, 0.83250051452058693),
(0, 1, 0.95, 'wald', 0, 0),
(0, 1, 0.99, 'wilson', 0, 0.86902245671981404),
(0, 1, 0.99, 'clopper_pearson', 0, 0.995),
(0, 1, 0.99, 'jeffreys', 0, 0.94876345442456467),
(0, 1, 0.99, 'agresti_coull', 0, 0.89660274389957129),
(0, 1, 0.99, 'wald', 0, 0),
(0, 1, 0.999, 'wilson', 0, 0.91545175181683636),
(0, 1, 0.999, 'clopper_pearson', 0, 0.99950000000000006),
(0, 1, 0.999, 'jeffreys', 0, 0.9888703064966845),
(0, 1, 0.999, 'agresti_coull', 0, 0.93440913835149364),
(0, 1, 0.999, 'wald', 0, 0),
(1, 1, 0.8, 'wilson', 0.37844750322535275, 1),
(1, 1, 0.8, 'clopper_pearson', 0.099999999999999978, 1),
(1, 1, 0.8, 'jeffreys', 0.35135719802562759, 1),
(1, 1, 0.8, 'agresti_coull', 0.32434973691267899, 1),
(1, 1, 0.8, 'wald', 1, 1),
(1, 1, 0.95, 'wilson', 0.2065493143772375, 1),
(1, 1, 0.95, 'clopper_pearson', 0.025000000000000022, 1),
(1, 1, 0.95, 'jeffreys', 0.14674631630957519, 1),
(1, 1, 0.95, 'agresti_coull', 0.16749948547941307, 1),
(1, 1, 0.95, 'wald', 1, 1),
(1, 1, 0.99, 'wilson', 0.1309775432801859, 1),
(1, 1, 0.99, 'clopper_pearson', 0.0050000000000000044, 1),
(1, 1, 0.99, 'jeffreys', 0.051236545575435347, 1),
(1, 1, 0.99, 'agresti_coull', 0.10339725610042866, 1),
(1, 1, 0.99, 'wald', 1, 1),
(1, 1, 0.999, 'wilson', 0.084548248183163616, 1),
(1, 1, 0.999, 'clopper_pearson', 0.00050000000000000044, 1),
(1, 1, 0.999, 'jeffreys', 0.011129693503316303, 1),
(1, 1, 0.999, 'agresti_coull', 0.065590861648506416, 1),
(1, 1, 0.999, 'wald', 1, 1),
(500, 1000, 0.8, 'wilson', 0.47975350990729071, 0.52024649009270929),
(500, 1000, 0.8, 'clopper_pearson', 0.47925099084977479, 0.52074900915022515),
(500, 1000, 0.8, 'jeffreys', 0.47975026722761832, 0.52024973277238162),
(500, 1000, 0.8, 'agresti_coull', 0.47975350990729065, 0.52024649009270929),
(500, 1000, 0.8, 'wald', 0.47973689056962249, 0.52026310943037757),
(500, 1000, 0.8, 'logit', 0.47974797649095263, 0.52025202350904742),
(500, 1000, 0.95, 'wilson', 0.46906960036810419, 0.53093039963189581),
(500, 1000, 0.95, 'clopper_pearson', 0.46854917297179194, 0.53145082702820812),
(500, 1000, 0.95, 'jeffreys', 0.46904771269911394, 0.53095228730088606),
(500, 1000, 0.95, 'agresti_coull', 0.46906960036810419, 0.53093039963189581),
(500, 1000, 0.95, 'wald', 0.46901024838477195, 0.5309897516152281),
(500, 1000, 0.95, 'logit', 0.46904986945636395, 0.53095013054363605),
(500, 1000, 0.99, 'wilson', 0.45940700521208488, 0.54059299478791523),
(500, 1000, 0.99, 'clopper_pearson', 0.458852553307045, 0.541147446692955),
(500, 1000, 0.99, 'jeffreys', 0.45935016063005663, 0.54064983936994337),
(500, 1000, 0.99, 'agresti_coull', 0.45940700521208483, 0.54059299478791512),
(500, 1000, 0.99, 'wald', 0.45927256268490119, 0.54072743731509876),
(500, 1000, 0.99, 'logit', 0.45936239838400528, 0.54063760161599461),
(500, 1000, 0.999, 'wilson', 0.44825160445246093, 0.55174839554753907),
(500, 1000, 0.999, 'clopper_pearson', 0.44762941985860422, 0.55237058014139628),
(500, 1000, 0.999, 'jeffreys', 0.4481256323237392, 0.55187436767626119),
(500, 1000, 0.999, 'agresti_coull', 0.44825160445246093, 0.55174839554753907),
(500, 1000, 0.999, 'wald', 0.44797220413408106, 0.55202779586591899),
(500, 1000, 0.999, 'logit', 0.44815917254482729, 0.5518408274551726),
(3, 100000, 0.8, 'wilson', 1.4544517064981889e-05, 6.1877971943109387e-05),
(3, 100000, 0.8, 'clopper_pearson', 1.1020702762205818e-05, 6.6806601164432684e-05),
(3, 100000, 0.8, 'jeffreys', 1.4165611328125855e-05, 6.0084129076067491e-05),
(3, 100000, 0.8, 'agresti_coull', 1.3160547574917981e-05, 6.3261941433173283e-05),
(3, 100000, 0.8, 'wald', 7.8032087189339713e-06, 5.2196791281066034e-05),
(3, 100000, 0.8, 'logit', 1.431485525382154e-05, 6.2870669394961607e-05),
(3, 100000, 0.95, 'wilson', 1.0202758544517339e-05, 8.8208049251767303e-05),
(3, 100000, 0.95, 'clopper_pearson', 6.1867639589220374e-06, 8.7670202566361965e-05),
(3, 100000, 0.95, 'jeffreys', 8.4494158254862758e-06, 8.0061617091517322e-05),
(3, 100000, 0.95, 'agresti_coull', 5.730816897350858e-06, 9.2679990898933773e-05),
(3, 100000, 0.95, 'wald', 0, 6.3947062804885658e-05),
(3, 100000, 0.95, 'logit', 9.6756749440962502e-06, 9.3012795827759307e-05),
(3, 100000, 0.99, 'wilson', 7.5776171475226885e-06, 0.00011876296629561285),
(3, 100000, 0.99, 'clopper_pearson', 3.3786619663850174e-06, 0.00010977039641065186),
(3, 100000, 0.99, 'jeffreys', 4.9463280120544184e-06, 0.00010138482697588744),
(3, 100000, 0.99, 'agresti_coull', 0, 0.00012790622241211965),
(3, 100000, 0.99, 'wald', 0, 7.4614003028611474e-05),
(3, 100000, 0.99, 'logit', 6.7804437659598795e-06, 0.00013272412140865838),
(3, 100000, 0.999, 'wilson', 5.5301259549844485e-06, 0.00016272731756561065),
(3, 100000, 0.999, 'clopper_pearson', 1.4970523492341227e-06, 0.0001393326144942518),
(3, 100000, 0.999, 'jeffreys', 2.4244023214521393e-06, 0.00013008200330202736),
(3, 100000, 0.999, 'agresti_coull', 0, 0.0001795611092262401),
(3, 100000, 0.999, 'wald', 0, 8.6992739915741412e-05),
(3, 100000, 0.999, 'logit', 4.4880032952580959e-06, 0.00020050553415077856),
(99999, 100000, 0.8, 'wilson', 0.99996656794633376, 0.99999700890771925),
(99999, 100000, 0.8, 'clopper_pearson', 0.99996110336030708, 0.99999894639539844),
(99999, 100000, 0.8, 'jeffreys', 0.99996874346719677, 0.9999970781250932),
(99999, 100000, 0.8, 'agresti_coull', 0.99996449415468602, 0.99999908269936688),
(99999, 100000, 0.8, 'wald', 0.99997718454842233, 1),
(99999, 100000, 0.8, 'logit', 0.99996397846175256, 0.99999722393531565),
(99999, 100000, 0.95, 'wilson', 0.99994335290340985, 0.99999823475226979),
(99999, 100000, 0.95, 'clopper_pearson', 0.99994428483965225, 0.99999974682195225),
(99999, 100000, 0.95, 'jeffreys', 0.99995325895751808, 0.99999892102147148),
(99999, 100000, 0.95, 'agresti_coull', 0.99993729954156674, 1),
(99999, 100000, 0.95, 'wald', 0.99997040045815311, 1),
(99999, 100000, 0.95, 'logit', 0.99992901292005487, 0.99999859136676139),
(99999, 100000, 0.99, 'wilson', 0.9999148308185043, 0.99999882594427014),
(99999, 100000, 0.99, 'clopper_pearson', 0.99992570109378609, 0.99999994987458307),
(99999, 100000, 0.99, 'jeffreys', 0.99993581111738294, 0.99999964139029485),
(99999, 100000, 0.99, 'agresti_coull', 0.99990331129470589, 1),
(99999, 100000, 0.99, 'wald', 0.99996424183575638, 1),
(99999, 100000, 0.99, 'logit', 0.99986859214818202, 0.99999923909582644),
(99999, 100000, 0.999, 'wilson', 0.99987252259372905, 0.99999921563219296),
(99999, 100000, 0.999, 'clopper_pearson', 0.9999000177236429, 0.99999999499874959),
(99999, 100000, 0.999, 'jeffreys', 0.99991135372654083, 0.99999992360497569),
(99999, 100000, 0.999, 'agresti_coull', 0.9998525467438123, 1),
(99999, 100000, 0.999, 'wald', 0.99995709489721196, 1),
(99999, 100000, 0.999, 'logit', 0.99973149494618196, 0.99999962766022332),
(26, 53, 0.8, 'wilson', 0.40418008762010033, 0.57751909711147043),
(26, 53, 0.8, 'clopper_pearson', 0.39475914209797042, 0.58693411183680544),
(26, 53, 0.8, 'jeffreys', 0.40389726850404256, 0.57773501467700028),
(26, 53, 0.8, 'agresti_coull', 0.4041796377135099, 0.57751954701806085),
(26, 53, 0.8, 'wald', 0.40256438326499644, 0.57856769220670168),
(26, 53, 0.8, 'logit', 0.40374804120959007, 0.57795684913892198),
(26, 53, 0.95, 'wilson', 0.36124249847843243, 0.62116470885320041),
(26, 53, 0.95, 'clopper_pearson', 0.35061843971063966, 0.63160460603179791),
(26, 53, 0.95, 'jeffreys', 0.35948405541701173, 0.62264756463866466),
(26, 53, 0.95, 'agresti_coull', 0.3612410402853663, 0.62116616704626659),
(26, 53, 0.95, 'wald', 0.35597912139158694, 0.62515295408011118),
(26, 53, 0.95, 'logit', 0.35978908024984491, 0.62264709409749885),
(26, 53, 0.99, 'wilson', 0.32486476745122528, 0.6583665273610998),
(26, 53, 0.99, 'clopper_pearson', 0.3121173199084939, 0.67074806494543915),
(26, 53, 0.99, 'jeffreys', 0.32065533137872188, 0.66209288824603907),
(26, 53, 0.99, 'agresti_coull', 0.32486183163347115, 0.65836946317885392),
(26, 53, 0.99, 'wald', 0.31368884727299018, 0.66744322819870794),
(26, 53, 0.99, 'logit', 0.3218023883638309, 0.66150772612150566),
(26, 53, 0.999, 'wilson', 0.2862613027238326, 0.69807148544286346),
(26, 53, 0.999, 'clopper_pearson', 0.26978061116229302, 0.71400109325690297),
(26, 53, 0.999, 'jeffreys', 0.27785373665161561, 0.70578388793988545),
(26, 53, 0.999, 'agresti_coull', 0.28625613857855442, 0.69807664958814164),
(26, 53, 0.999, 'wald', 0.26461196437883844, 0.71652011109285962),
(26, 53, 0.999, 'logit', 0.28052105190744198, 0.70399561047857484);
SELECT count(*) AS r_intervals,
       count(*) FILTER (WHERE abs(iscm.ci_lower(s, 'yes', method, level) - lower) < 1e-9
                          AND abs(iscm.ci_upper(s, 'yes', method, level) - upper) < 1e-9) AS agree
  FROM r_intervals, LATERAL (SELECT yes_of(x, n) AS s) s;
-- (lists any disagreement)
SELECT x, n, level, method, lower, iscm.ci_lower(s, 'yes', method, level) AS ours_lower,
       upper, iscm.ci_upper(s, 'yes', method, level) AS ours_upper
  FROM r_intervals, LATERAL (SELECT yes_of(x, n) AS s) s
 WHERE NOT (abs(iscm.ci_lower(s, 'yes', method, level) - lower) < 1e-9
            AND abs(iscm.ci_upper(s, 'yes', method, level) - upper) < 1e-9);

CREATE TABLE r_mcnemar (yy int, yn int, ny int, nn int, asymptotic float8, corrected float8, exact float8, mid_p float8);
INSERT INTO r_mcnemar VALUES
(59, 16, 6, 80, 0.033006257661232441, 0.055008833629265723, 0.05247879028320316, 0.034689664840698284),
(10, 3, 12, 20, 0.020136751550346353, 0.038867103812417238, 0.035156250000000014, 0.021270751953125049),
(5, 0, 7, 5, 0.0081509715935027018, 0.023342202012890875, 0.015625000000000007, 0.0078125000000000052),
(8, 4, 4, 9, 1, 1, 1, 1),
(30, 1, 0, 30, 0.31731050786291415, 1, 1, 0.5),
(200, 40, 61, 300, 0.036655715551416064, 0.046582742523015468, 0.046044066929342861, 0.037066767438560626);
SELECT yy, yn, ny, nn,
       abs(iscm.mcnemar(t, 'yes', 'asymptotic') - asymptotic) < 1e-9 AS asymptotic,
       abs(iscm.mcnemar(t, 'yes', 'corrected') - corrected) < 1e-9 AS corrected,
       abs(iscm.mcnemar(t, 'yes', 'exact') - exact) < 1e-9 AS exact,
       abs(iscm.mcnemar(t, 'yes', 'mid_p') - mid_p) < 1e-9 AS mid_p
  FROM r_mcnemar, LATERAL (SELECT panel(yy, yn, ny, nn) AS t) p;

-- 3. Finite population correction: Wald with FPC is p +- z sqrt((1 - n/N) p(1-p)/n);
-- a census (N = n) knows the share exactly; N < n is an error.
SELECT abs(iscm.ci_upper(s, 'yes', 'wald', 0.95, 193)
           - (26.0/53 + 1.959963984540054 * sqrt((1 - 53.0/193) * (26.0/53) * (27.0/53) / 53))) < 1e-12 AS wald_fpc,
       iscm.ci_lower(s, 'yes', 'wilson', 0.95, 193) > iscm.ci_lower(s, 'yes') AS narrower,
       (iscm.ci(s, 'yes', 'clopper_pearson', 0.95, 53)).* 
  FROM (SELECT yes_of(26, 53) AS s) q;
SELECT iscm.ci(yes_of(26, 53), 'yes', 'wilson', 0.95, 52);

-- 4. Bad parameters: clear errors with the valid values.
SELECT iscm.ci(yes_of(26, 53), 'yes', 'binomial');
SELECT iscm.ci(yes_of(26, 53), 'yes', 'wilson', 0);
SELECT iscm.ci(yes_of(26, 53), 'yes', 'wilson', 1);
SELECT iscm.ci(yes_of(26, 53), 'yes', 'wilson', 'NaN');
SELECT iscm.share_difference(yes_of(1, 2), yes_of(1, 2), 'yes', 95);
SELECT iscm.mcnemar(panel(1, 1, 1, 1), 'yes', 'fisher');
-- NULL parameters give NULL, not an error
SELECT iscm.ci(yes_of(26, 53), 'yes', NULL) IS NULL AS null_method,
       iscm.ci_lower(yes_of(26, 53), NULL) IS NULL AS null_category;

-- 5. Levels and methods agree in direction: 99% contains 95% contains 80%.
SELECT method,
       bool_and(iscm.ci_lower(s, 'yes', method, 0.99) <= iscm.ci_lower(s, 'yes', method, 0.95)
            AND iscm.ci_lower(s, 'yes', method, 0.95) <= iscm.ci_lower(s, 'yes', method, 0.80)
            AND iscm.ci_upper(s, 'yes', method, 0.80) <= iscm.ci_upper(s, 'yes', method, 0.95)
            AND iscm.ci_upper(s, 'yes', method, 0.95) <= iscm.ci_upper(s, 'yes', method, 0.99)) AS nested
  FROM unnest(ARRAY['wilson', 'clopper_pearson', 'jeffreys', 'agresti_coull', 'wald', 'logit']) method,
       (SELECT yes_of(x, 40) AS s FROM generate_series(0, 40) x) s
 GROUP BY method ORDER BY method;

-- 6. Method names in any case; 'exact' is Clopper-Pearson, reported under its
-- canonical name.
SELECT (iscm.ci(yes_of(26, 53), 'yes', 'exact')).*;
SELECT iscm.ci(yes_of(26, 53), 'yes', 'Exact') = iscm.ci(yes_of(26, 53), 'yes', 'clopper_pearson') AS exact_is_cp,
       iscm.ci(yes_of(26, 53), 'yes', 'WILSON') = iscm.ci(yes_of(26, 53), 'yes', 'wilson') AS upper_case,
       iscm.ci_lower(yes_of(26, 53), 'yes', 'Agresti_Coull') = iscm.ci_lower(yes_of(26, 53), 'yes', 'agresti_coull') AS mixed_case,
       iscm.ci_upper(yes_of(26, 53), 'yes', 'EXACT', 0.9) = iscm.ci_upper(yes_of(26, 53), 'yes', 'clopper_pearson', 0.9) AS upper_exact,
       iscm.mcnemar(panel(59, 16, 6, 80), 'yes', 'Mid_P') = iscm.mcnemar(panel(59, 16, 6, 80), 'yes', 'mid_p') AS mcnemar_case;

-- 7. A weighted summary whose weights are all 0 has no share, and so no mode;
-- one with a positive weight has both.
SELECT iscm.share(s, 'yes') IS NULL AS share_null, iscm.mode(s) IS NULL AS mode_null
  FROM (SELECT iscm.answer_agg(a, 0.0) AS s FROM (VALUES ('yes'), ('no'), ('no')) v(a)) q;
SELECT iscm.share(s, 'no') AS share_no, iscm.mode(s) AS mode
  FROM (SELECT iscm.answer_agg(a, w) AS s FROM (VALUES ('yes', 0.0), ('no', 0.5), ('no', 0.0)) v(a, w)) q;
SELECT iscm.share(s, 'b') IS NULL AS share_null, iscm.mode(s) IS NULL AS mode_null
  FROM (SELECT iscm.choices_agg(a, 0.0) AS s FROM (VALUES (ARRAY['a', 'b']), (ARRAY['b'])) v(a)) q;

-- 8. A population of 0 or below has its own message, not "smaller than the respondents".
SELECT iscm.ci(yes_of(26, 53), 'yes', 'wilson', 0.95, 0);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.ci_lower(yes_of(26, 53), 'yes', 'wilson', 0.95, -193);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.ci_upper(yes_of(0, 0), 'yes', 'wilson', 0.95, 0);
\echo :LAST_ERROR_SQLSTATE

-- 9. A non-respondent's weight, when given, is checked as a respondent's is
-- (NULL stays allowed: it enters no estimate).
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 1.0), (NULL, -1.0)) v(a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.answer_agg(a, w) FROM (VALUES ('yes', 1.0), (NULL, 'NaN')) v(a, w);
SELECT iscm.choices_agg(a, w) FROM (VALUES (ARRAY['yes'], 1.0), (NULL, '-Infinity')) v(a, w);
\echo :LAST_ERROR_SQLSTATE
SELECT iscm.missing(iscm.answer_agg(a, w)) AS missing, iscm.respondents(iscm.answer_agg(a, w)) AS respondents
  FROM (VALUES ('yes', 1.0), (NULL, NULL), (NULL, 2.0)) v(a, w);
SELECT iscm.missing(iscm.choices_agg(a, w)) AS missing
  FROM (VALUES (ARRAY['yes'], 1.0), (NULL, NULL), (NULL, 0.0)) v(a, w);

-- 10. describe on weighted data says that the counts are unweighted.
SELECT iscm.describe(s, 'yes') AS weighted, iscm.describe(s, 'yes', 5) AS suppressed,
       iscm.describe(z, 'yes') AS zero_weights, iscm.describe(yes_of(26, 53), 'yes') AS unweighted
  FROM (SELECT iscm.answer_agg(a, w) AS s, iscm.answer_agg(a, 0.0) AS z
          FROM (VALUES ('yes', 3.0), ('yes', 1.0), ('no', 0.5)) v(a, w)) q;

DROP SCHEMA survey_stats_test CASCADE;
