#!/usr/bin/env python3
"""Check that every seed row names its source.

    check_seed_sources.py DATA_DIR SCRATCH_DIR

For every data/*.csv (any area's):
  - a column named "source" must be non-blank in every row;
  - a file without one must have source columns named *_source or source_*
    (survey_questions.wording_source, survey_published_figures.source_file
    and .source_section), each non-blank in every row;
  - a file with neither is accepted only as a reference vocabulary whose
    source is one stated document, listed in data/README.md under
    "## Reference vocabularies" as "- `file.csv`: <the document>".
Every row must also have as many fields as the header.  The checker first
proves on planted faults that it catches each of these, then checks data/.
"""
import csv, glob, os, re, sys

def vocabularies(datadir):
    """file -> stated source, from the Reference vocabularies section of data/README.md"""
    listed, section = {}, False
    try:
        lines = open(os.path.join(datadir, 'README.md'), encoding='utf-8').read().splitlines()
    except FileNotFoundError:
        return listed
    for line in lines:
        if line.startswith('## '):
            section = line.strip().lower() == '## reference vocabularies'
        m = re.match(r'- `([^`/]+\.csv)`: *(\S.*)$', line) if section else None
        if m:
            listed[m.group(1)] = m.group(2)
    return listed

def problems(datadir):
    out, listed = [], vocabularies(datadir)
    files = sorted(glob.glob(os.path.join(datadir, '*.csv')))
    for path in files:
        name = os.path.basename(path)
        with open(path, newline='', encoding='utf-8') as f:
            rows = list(csv.reader(f))
        if not rows:
            out.append(f'{name}: empty file, no header'); continue
        header, body = rows[0], rows[1:]
        for n, row in enumerate(body, start=2):
            if len(row) != len(header):
                out.append(f'{name}:{n}: {len(row)} fields, header has {len(header)}')
        if 'source' in header:
            cols = ['source']
        else:
            cols = [c for c in header if c.endswith('_source') or c.startswith('source_')]
        if not cols:
            if name not in listed:
                out.append(f'{name}: no source column, and not listed in data/README.md '
                           'under "## Reference vocabularies" with its source document')
            continue
        for c in cols:
            i = header.index(c)
            for n, row in enumerate(body, start=2):
                if i >= len(row) or not row[i].strip():
                    out.append(f'{name}:{n}: empty {c}')
    for name in sorted(set(listed) - {os.path.basename(p) for p in files}):
        out.append(f'data/README.md lists {name}, which does not exist')
    return out, len(files)

def self_test(scratch):
    os.makedirs(scratch, exist_ok=True)
    for p in glob.glob(os.path.join(scratch, '*')):
        os.remove(p)
    fixtures = {
        'good.csv': 'code,source\na,seed 001\n',
        'blank.csv': 'code,source\na,seed 001\nb,  \n',
        'missing_field.csv': 'code,note,source\na,,seed 001\nb,x\n',
        'sub_sources.csv': 'code,wording_source,source_file\na,seed 004,004.txt\nb,seed 004,\n',
        'nosource.csv': 'code,title\na,A\n',
        'vocab.csv': 'code,title\na,A\n',
        'README.md': '# data\n\n## Reference vocabularies\n\n- `vocab.csv`: A/RES/73/195\n- `gone.csv`: X\n',
    }
    for name, text in fixtures.items():
        with open(os.path.join(scratch, name), 'w', encoding='utf-8') as f:
            f.write(text)
    got, _ = problems(scratch)
    expect = ['blank.csv:3: empty source', 'missing_field.csv:3: 2 fields',
              'missing_field.csv:3: empty source', 'sub_sources.csv:3: empty source_file',
              'nosource.csv: no source column', 'data/README.md lists gone.csv']
    unexpected = [g for g in got if not any(g.startswith(e) for e in expect)]
    missed = [e for e in expect if not any(g.startswith(e) for g in got)]
    if missed or unexpected:
        print('self-test failed: missed', missed, 'unexpected', unexpected)
        sys.exit(2)

self_test(sys.argv[2])
found, nfiles = problems(sys.argv[1])
for p in found:
    print(p)
listed = vocabularies(sys.argv[1])
print(f'{nfiles} seed files checked ({len(listed)} reference vocabularies listed in data/README.md), '
      f'{len(found)} problems')
sys.exit(1 if found else 0)
