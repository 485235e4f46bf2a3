#!/usr/bin/env python3
"""Check that the survey seed data quotes its sources faithfully.

    check_survey_sources.py DATA_DIR [SEEDS_DIR]

What the data shows by itself (always checked): every source of
data/survey_respondents.csv, survey_answers.csv and
survey_figure_attributions.csv cites a seed document by number ("seed 004
..."); every published figure's source_file is a seed file name
(NNN_<16 hex digits>.txt), one name per number, and its as_written text is in
its quote.

With SEEDS_DIR, the directory of seed documents (NNN_*.txt), also: every
figure's quote appears in its source document (pieces separated by " ... " in
order), every State named in survey_figure_attributions.csv and every phrase
quoted ("...") in a respondent's or answer's source appears in the seed
document cited, and every cited document exists.  Markdown emphasis, footnote
superscripts and line breaks are ignored.

The checker first proves on planted faults that it finds each kind of
problem.  Prints each problem; exit status 1 when there is any.
"""
import csv
import os
import re
import sys
import tempfile

SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
SEED_FILE = re.compile(r'^(\d{3})_[0-9a-f]{16}\.txt$')
CITED_SEED = re.compile(r'seed (\d{3})\b')


def normalize(text):
    text = text.replace('**', '').replace('*', '')
    text = re.sub('[' + SUPERSCRIPTS + ']+', '', text)
    text = text.replace('’', "'").replace('“', '"').replace('”', '"')
    return re.sub(r'\s+', ' ', text).strip()


def contains_in_order(haystack, pieces):
    pos = 0
    for piece in pieces:
        i = haystack.find(piece, pos)
        if i < 0:
            return piece
        pos = i + len(piece)
    return None


def read_seeds(seeds_dir):
    """file name -> normalized text of every seed document"""
    seeds = {}
    for name in os.listdir(seeds_dir):
        if name.endswith('.txt'):
            with open(os.path.join(seeds_dir, name), encoding='utf-8') as f:
                seeds[name] = normalize(f.read())
    return seeds


def rows(data_dir, name):
    with open(os.path.join(data_dir, name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def figure_problems(data_dir, seeds):
    problems, files = [], {}
    for r in rows(data_dir, 'survey_published_figures.csv'):
        quote = normalize(r['quote'])
        if normalize(r['as_written']) not in quote:
            problems.append(f"figure {r['figure']}: as_written {r['as_written']!r} not in its quote")
        m = SEED_FILE.match(r['source_file'])
        if not m:
            problems.append(f"figure {r['figure']}: source file {r['source_file']!r} is not a seed file name")
            continue
        if files.setdefault(m.group(1), r['source_file']) != r['source_file']:
            problems.append(f"figure {r['figure']}: seed {m.group(1)} is {files[m.group(1)]}, "
                            f"not {r['source_file']}")
        if seeds is None:
            continue
        doc = seeds.get(r['source_file'])
        if doc is None:
            problems.append(f"figure {r['figure']}: unknown source file {r['source_file']}")
            continue
        missing = contains_in_order(doc, [p.strip() for p in quote.split(' ... ')])
        if missing:
            problems.append(f"figure {r['figure']}: not in {r['source_file']}: {missing!r}")
    return problems


def citation_problems(data_dir, seeds):
    problems = []
    by_number = {name[:3]: text for name, text in (seeds or {}).items()}

    def cited(name, what, source):
        """the cited document's text, None without seeds; appends a problem when it cites none"""
        m = CITED_SEED.match(source)
        if not m:
            problems.append(f"{name}: {what}: source {source!r} names no seed")
        elif seeds is not None and m.group(1) not in by_number:
            problems.append(f"{name}: {what}: seed {m.group(1)} is not among the seed documents")
        else:
            return by_number.get(m.group(1))
        return None

    name = 'survey_figure_attributions.csv'
    for r in rows(data_dir, name):
        doc = cited(name, r['name_as_written'], r['source'])
        if doc is not None and normalize(r['name_as_written']) not in doc:
            problems.append(f"{name}: {r['name_as_written']!r} not found in {r['source']!r}")
    for name in ('survey_respondents.csv', 'survey_answers.csv'):
        for r in rows(data_dir, name):
            doc = cited(name, r['respondent'], r['source'])
            if doc is None:
                continue
            for quoted in re.findall(r'"([^"]+)"', r['source']):
                missing = contains_in_order(doc, [p.strip() for p in normalize(quoted).split('...') if p.strip()])
                if missing:
                    problems.append(f"{name}: {r['respondent']}: {missing!r} not in {r['source']!r}")
    return problems


def check(data_dir, seeds):
    return figure_problems(data_dir, seeds) + citation_problems(data_dir, seeds)


PLANTED = {
    '001_0123456789abcdef.txt': 'Three of the **five** States¹ said yes: Chile and Peru.\n',
    'survey_published_figures.csv': (
        'figure,quote,as_written,source_file\n'
        'good,Three of the five States said yes,Three,001_0123456789abcdef.txt\n'
        'unquoted,Three of the five States said yes,Four,001_0123456789abcdef.txt\n'
        'elsewhere,Two of the five,Two,001_0123456789abcdef.txt\n'
        'badname,Three,Three,notes.txt\n'
        'renamed,Three,Three,001_fedcba9876543210.txt\n'
        'absent,Three,Three,002_0123456789abcdef.txt\n'),
    'survey_figure_attributions.csv': (
        'name_as_written,source\n'
        'Chile,seed 001 para 1\n'
        'Bolivia,seed 001 para 1\n'
        'Peru,the 2008 paper\n'),
    'survey_respondents.csv': (
        'respondent,source\n'
        'CHL,"seed 001 (""Chile and Peru"")"\n'
        'PER,"seed 001 (""Peru and Chile"")"\n'
        'ARG,seed 009\n'),
    'survey_answers.csv': 'respondent,source\nCHL,seed 001\n',
}
PLANTED_WITHOUT_SEEDS = [
    "figure unquoted: as_written 'Four' not in its quote",
    "figure badname: source file 'notes.txt' is not a seed file name",
    "figure renamed: seed 001 is 001_0123456789abcdef.txt, not 001_fedcba9876543210.txt",
    "survey_figure_attributions.csv: Peru: source 'the 2008 paper' names no seed",
]
PLANTED_WITH_SEEDS = PLANTED_WITHOUT_SEEDS + [
    "figure elsewhere: not in 001_0123456789abcdef.txt: 'Two of the five'",
    "figure renamed: unknown source file 001_fedcba9876543210.txt",
    "figure absent: unknown source file 002_0123456789abcdef.txt",
    "survey_figure_attributions.csv: 'Bolivia' not found in 'seed 001 para 1'",
    "survey_respondents.csv: PER: 'Peru and Chile' not in 'seed 001 (\"Peru and Chile\")'",
    "survey_respondents.csv: ARG: seed 009 is not among the seed documents",
]


def self_test():
    """Does the checker find every planted fault, and nothing else?"""
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, text in PLANTED.items():
            with open(os.path.join(scratch, name), 'w', encoding='utf-8') as f:
                f.write(text)
        for seeds, expected in ((None, PLANTED_WITHOUT_SEEDS), (read_seeds(scratch), PLANTED_WITH_SEEDS)):
            got = check(scratch, seeds)
            mode = 'without' if seeds is None else 'with'
            failures += [f'self-test {mode} seeds: missed {p!r}' for p in expected if p not in got]
            failures += [f'self-test {mode} seeds: unexpected {p!r}' for p in got if p not in expected]
    return failures


def main(data_dir, seeds_dir=None):
    failures = self_test()
    if failures:
        print('\n'.join(failures))
        return 2
    seeds = read_seeds(seeds_dir) if seeds_dir else None
    problems = check(data_dir, seeds)
    for p in problems:
        print(p)
    if seeds is None:
        print('seed documents not given: checked the citations and quotes as the data states them, '
              'not against the documents (set ISCM_SEEDS to their directory)')
    print(f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
