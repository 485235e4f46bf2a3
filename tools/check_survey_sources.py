#!/usr/bin/env python3
"""Check that the survey seed data quotes its sources faithfully.

    check_survey_sources.py DATA_DIR SEEDS_DIR

Every published figure's quote must appear in its source document (pieces
separated by " ... " in order), its as_written text in the quote, and every
State named in data/survey_figure_attributions.csv, and every phrase quoted
("...") in a respondent's or answer's source, in the seed document it cites.
Markdown emphasis, footnote superscripts and line breaks are ignored.
Prints each problem; exit status 1 when there is any.
"""
import csv
import os
import re
import sys

SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'


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


def main(data_dir, seeds_dir):
    seeds = {}
    for name in os.listdir(seeds_dir):
        if name.endswith('.txt'):
            with open(os.path.join(seeds_dir, name), encoding='utf-8') as f:
                seeds[name] = normalize(f.read())
    by_number = {name[:3]: text for name, text in seeds.items()}
    problems = []

    def rows(name):
        with open(os.path.join(data_dir, name), newline='', encoding='utf-8') as f:
            return list(csv.DictReader(f))

    for r in rows('survey_published_figures.csv'):
        doc = seeds.get(r['source_file'])
        if doc is None:
            problems.append(f"figure {r['figure']}: unknown source file {r['source_file']}")
            continue
        quote = normalize(r['quote'])
        missing = contains_in_order(doc, [p.strip() for p in quote.split(' ... ')])
        if missing:
            problems.append(f"figure {r['figure']}: not in {r['source_file']}: {missing!r}")
        if normalize(r['as_written']) not in quote:
            problems.append(f"figure {r['figure']}: as_written {r['as_written']!r} not in its quote")

    def cited_doc(source):
        m = re.match(r'seed (\d{3})\b', source)
        return by_number.get(m.group(1)) if m else None

    for name in ('survey_figure_attributions.csv',):
        for r in rows(name):
            doc = cited_doc(r['source'])
            if doc is None or normalize(r['name_as_written']) not in doc:
                problems.append(f"{name}: {r['name_as_written']!r} not found in {r['source']!r}")

    for name, what in (('survey_respondents.csv', 'respondent'), ('survey_answers.csv', 'respondent')):
        for r in rows(name):
            doc = cited_doc(r['source'])
            if doc is None:
                problems.append(f"{name}: {r[what]}: source {r['source']!r} names no seed")
                continue
            for quoted in re.findall(r'"([^"]+)"', r['source']):
                missing = contains_in_order(doc, [p.strip() for p in normalize(quoted).split('...') if p.strip()])
                if missing:
                    problems.append(f"{name}: {r[what]}: {missing!r} not in {r['source']!r}")

    for p in problems:
        print(p)
    print(f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
