#!/bin/bash
# PGXN: META.json and the archive "make dist" builds.
#   1. META.json validates against PGXN Meta Spec 1.0.0 (a JSON Schema written
#      from the spec, test/lib/pgxn-meta-1.0.0.schema.json), and the schema
#      rejects metadata that breaks the spec (so the validation can fail);
#   2. META.json agrees with the tree: name and provided extension are the
#      Makefile's EXTENSION, its version is iscm.control's default_version
#      (1.2 is 1.2.0) and debian/changelog's upstream version, its file the
#      first version's base script (the only full one), the licence is
#      LICENSE's, the oldest PostgreSQL it requires is debian/pgversions' oldest;
#   3. "make dist" in a fresh clone of HEAD builds iscm-<version>.zip, every
#      entry under iscm-<version>/, with META.json, the licence files, the file
#      META.json names as the extension, and install scripts that are up to date
#      (building from the archive runs no generator).
# Needs python3-jsonschema (tools/setup-debian); exit 77 without it.
set -u
: "${ISCM_TOP:?run through tools/run-tests}" "${ISCM_TMP:?run through tools/run-tests}"
python3 -c 'import jsonschema' 2>/dev/null || { echo "skipped: python3-jsonschema is not installed (tools/setup-debian installs it)"; exit 77; }
cd "$ISCM_TOP" || exit 1
work=$ISCM_TMP/meta_json
rm -rf "$work" && mkdir -p "$work" || exit 1
problems=0

# ---- 1 and 2 --------------------------------------------------------------------------
python3 - "$ISCM_TOP" <<'EOF' || problems=$((problems + 1))
import copy, json, os, re, sys
import jsonschema

top = sys.argv[1]
def read(path):
    with open(os.path.join(top, path), encoding='utf-8') as f:
        return f.read()

schema = json.loads(read('test/lib/pgxn-meta-1.0.0.schema.json'))
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)
meta = json.loads(read('META.json'))
problems = []
for e in sorted(validator.iter_errors(meta), key=lambda e: list(e.absolute_path)):
    problems.append('META.json %s: %s' % ('/'.join(map(str, e.absolute_path)) or '(top)', e.message))

# The schema must reject what the spec forbids.
def mutated(change):
    m = copy.deepcopy(meta)
    change(m)
    return m
bad = {
    'no license': lambda m: m.pop('license'),
    'unknown license name': lambda m: m.update(license='postgres'),
    'no provides': lambda m: m.pop('provides'),
    'extension without file': lambda m: next(iter(m['provides'].values())).pop('file'),
    'two-part version': lambda m: m.update(version='1.2'),
    'name with a space': lambda m: m.update(name='is cm'),
    'one-letter name': lambda m: m.update(name='i'),
    'unknown top-level key': lambda m: m.update(licence='postgresql'),
    'meta-spec 2.0.0': lambda m: m['meta-spec'].update(version='2.0.0'),
    'bad version range': lambda m: m.update(prereqs={'runtime': {'requires': {'PostgreSQL': '>= 15'}}}),
    'unknown prereq phase': lambda m: m.update(prereqs={'install': {'requires': {'PostgreSQL': '0'}}}),
    'absolute docfile': lambda m: next(iter(m['provides'].values())).update(docfile='/README.md'),
    'path leaving the distribution': lambda m: next(iter(m['provides'].values())).update(file='../x.sql'),
    'tag with a slash': lambda m: m.update(tags=['a/b']),
    'bad release_status': lambda m: m.update(release_status='final'),
    'mailto without a domain': lambda m: m.update(resources={'bugtracker': {'mailto': 'nobody'}}),
}
for what, change in bad.items():
    if validator.is_valid(mutated(change)):
        problems.append('the schema accepts META.json with %s' % what)
good = {
    'custom x_ key': lambda m: m.update(x_note='fine'),
    'license list': lambda m: m.update(license=['postgresql', 'mit']),
    'license map': lambda m: m.update(license={'PostgreSQL': 'https://www.postgresql.org/about/licence'}),
    'version range list': lambda m: m.update(prereqs={'test': {'requires': {'pgTAP': '>= 1.0.0, != 1.1.0, < 2.0.0'}}}),
    'any version': lambda m: m.update(prereqs={'build': {'requires': {'PostgreSQL': 0}}}),
}
for what, change in good.items():
    if not validator.is_valid(mutated(change)):
        problems.append('the schema rejects META.json with %s' % what)

# Agreement with the rest of the tree.
extension = re.search(r'^EXTENSION\s*=\s*(\S+)', read('Makefile'), re.M).group(1)
default = re.search(r"^default_version\s*=\s*'([^']+)'", read(extension + '.control'), re.M).group(1)
as_semver = default + '.0' * (2 - default.count('.'))
changelog = re.match(r'\S+ \(([^)]+)\)', read('debian/changelog')).group(1)
upstream = re.sub(r'-[^-]*$', '', re.sub(r'^\d+:', '', changelog))
pg_oldest = re.search(r'^(\d+)', read('debian/pgversions'), re.M).group(1)
licence_title = read('LICENSE').splitlines()[0].strip()

def expect(what, got, want):
    if got != want:
        problems.append('%s is %r, expected %r' % (what, got, want))
expect('META.json name', meta.get('name'), extension)
expect('META.json provides', sorted(meta.get('provides', {})), [extension])
ext = meta.get('provides', {}).get(extension, {})
expect('META.json version', meta.get('version'), as_semver)
expect('META.json provides.%s.version' % extension, ext.get('version'), as_semver)
# The only full script is the first version's; later versions are update scripts run after it.
first = min(os.listdir(os.path.join(top, 'src', 'sql')), key=lambda v: tuple(int(p) for p in v.split('.')))
expect('META.json provides.%s.file' % extension, ext.get('file'), 'scripts/%s--%s.sql' % (extension, first))
expect('debian/changelog upstream version', upstream, meta.get('version'))
expect('META.json license for LICENSE "%s"' % licence_title, meta.get('license'),
       'postgresql' if licence_title.lower().startswith('postgresql licen') else '?')
expect('META.json PostgreSQL prerequisite', meta.get('prereqs', {}).get('runtime', {}).get('requires', {}).get('PostgreSQL'),
       '>= %s.0.0' % pg_oldest)
if 'docfile' in ext and not os.path.isfile(os.path.join(top, ext['docfile'])):
    problems.append('META.json docfile %s does not exist' % ext['docfile'])
for p in problems:
    print('PROBLEM:', p)
print('META.json: %s %s, %d problems; schema rejects %d broken variants' % (meta.get('name'), meta.get('version'), len(problems), len(bad)))
sys.exit(1 if problems else 0)
EOF

# ---- 3. make dist ----------------------------------------------------------------------
git clone -q --shared "$ISCM_TOP" "$work/clone" || exit 1
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
    echo "note: make dist archives HEAD; uncommitted changes are not checked"
fi
if ! make -C "$work/clone" -s dist >"$work/dist.log" 2>&1; then
    cat "$work/dist.log"; echo "PROBLEM: make dist failed"; exit 1
fi
python3 - "$work/clone" "$work/unpacked" <<'EOF' || problems=$((problems + 1))
import glob, json, os, subprocess, sys, time, zipfile
clone, out = sys.argv[1], sys.argv[2]
meta = json.load(open(os.path.join(clone, 'META.json'), encoding='utf-8'))
prefix = '%s-%s/' % (meta['name'], meta['version'])
archive = os.path.join(clone, prefix[:-1] + '.zip')
problems = []
if not os.path.isfile(archive):
    print('PROBLEM: make dist did not write %s (found %s)' % (os.path.basename(archive),
          [os.path.basename(z) for z in glob.glob(os.path.join(clone, '*.zip'))]))
    sys.exit(1)
with zipfile.ZipFile(archive) as z:
    names = z.namelist()
    problems += ['entry outside %s: %s' % (prefix, n) for n in names if not n.startswith(prefix)][:5]
    # Unpack keeping the archive's times, as unzip does.
    for info in z.infolist():
        path = z.extract(info, out)
        t = time.mktime(info.date_time + (0, 0, -1))
        os.utime(path, (t, t))
root = os.path.join(out, prefix)
ext = meta['provides'][meta['name']]
for f in ['META.json', 'LICENSE', 'NOTICE', 'Makefile', meta['name'] + '.control', ext['file'], ext.get('docfile', 'META.json')]:
    if not os.path.isfile(os.path.join(root, f)):
        problems.append('%s is not in the archive' % f)
if open(os.path.join(root, 'META.json'), 'rb').read() != open(os.path.join(clone, 'META.json'), 'rb').read():
    problems.append("the archive's META.json differs from the committed one")
tracked = set(subprocess.run(['git', '-C', clone, 'ls-files'], capture_output=True, text=True, check=True).stdout.split())
in_archive = set(n[len(prefix):] for n in names if not n.endswith('/'))
missing = sorted(tracked - in_archive)
problems += ['committed file %s is not in the archive' % f for f in missing[:5]]
added = sorted(in_archive - tracked)
# Building from the archive must not regenerate anything: every generated file is
# up to date ("make -q" answers 0) and the generator is never needed.
scripts = [f for f in added if f.endswith('.sql')]
if not scripts and ext['file'] not in tracked:
    problems.append('no generated install script is in the archive')
for f in added:
    q = subprocess.run(['make', '-q', '-C', root, f], capture_output=True, text=True)
    if q.returncode != 0:
        problems.append('%s in the archive is out of date: building from the archive would regenerate it' % f)
for p in problems:
    print('PROBLEM:', p)
print('%s: %d entries, %d generated files added (%s)' % (os.path.basename(archive), len(names), len(added), ' '.join(added)))
sys.exit(1 if problems else 0)
EOF
[ "$problems" -eq 0 ]
