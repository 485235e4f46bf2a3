#!/usr/bin/env python3
"""Check that the statements of the seed data quote their documents faithfully.

    check_statement_sources.py DATA_DIR SEEDS_DIR

For every row of data/statements.csv whose source_document is a seed document
('seed 000' ... 'seed 004'), its quote (or, without one, the statement itself)
must appear in that document, pieces separated by " ... " in order; every
party's as_written text must appear in it too; and every phrase quoted ("...")
in the source of data/documents.csv must appear in the seed document it cites.
Normalization as in check_survey_sources.py, and an en dash reads as a hyphen.  Prints each problem; exit status
1 when there is any.
"""
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_survey_sources import contains_in_order, normalize  # noqa: E402


def latin1(text):
    # the install script must load into LATIN1 databases, so the data writes
    # a hyphen where a document has an en dash
    return normalize(text).replace('\u2013', '-')


def pieces(text):
    return [p.strip() for p in latin1(text).rstrip('.').split('...') if p.strip()]


def main(data_dir, seeds_dir):
    by_number = {}
    for name in os.listdir(seeds_dir):
        if name.endswith('.txt'):
            with open(os.path.join(seeds_dir, name), encoding='utf-8') as f:
                by_number['seed ' + name[:3]] = latin1(f.read())

    def rows(name):
        with open(os.path.join(data_dir, name), newline='', encoding='utf-8') as f:
            return list(csv.DictReader(f))

    problems = []
    statements = {r['id']: r for r in rows('statements.csv')}
    for r in statements.values():
        doc = by_number.get(r['source_document'])
        if doc is None:
            continue
        missing = contains_in_order(doc, pieces(r['quote'] or r['statement']))
        if missing:
            problems.append(f"statement {r['id']}: not in {r['source_document']}: {missing!r}")
    for r in rows('statement_parties.csv'):
        s = statements.get(r['statement_id'])
        if s is None:
            problems.append(f"party {r['id']}: no statement {r['statement_id']}")
            continue
        doc = by_number.get(s['source_document'])
        if doc is not None and r['as_written']:
            missing = contains_in_order(doc, pieces(r['as_written']))
            if missing:
                problems.append(f"party {r['id']}: as_written {missing!r} not in {s['source_document']}")
    for r in rows('documents.csv'):
        for cited in re.split(r';\s*', r['source']):
            m = re.match(r'(seed \d{3})\b', cited)
            if not m or m.group(1) not in by_number:
                continue
            for quoted in re.findall(r'"([^"]+)"', cited):
                missing = contains_in_order(by_number[m.group(1)], pieces(quoted))
                if missing:
                    problems.append(f"document {r['code']}: {missing!r} not in {m.group(1)}")

    for p in problems:
        print(p)
    print(f'{len(statements)} statements checked, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
