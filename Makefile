# iscm — PostgreSQL extension, built with PGXS.
#
# Install scripts are assembled from fragments: src/sql/<version>/NN_name.sql
# holds what version <version> adds.  iscm--<first>.sql is the base script,
# iscm--<a>--<b>.sql the deltas, and iscm--<last>.sql the full script for a
# fresh install (base + every delta, so both paths create the same objects).
# A fragment line "-- @load <schema.table> <data/file.csv>" is replaced by
# INSERTs generated from the CSV (see tools/assemble_script.py).

EXTENSION    = iscm
MODULE_big   = iscm
EXT_VERSIONS = 1.0 1.1 1.2

PG_CONFIG ?= pg_config
PYTHON    ?= python3

first_version = $(firstword $(EXT_VERSIONS))
last_version  = $(lastword $(EXT_VERSIONS))
pairs = $(join $(addsuffix --,$(filter-out $(last_version),$(EXT_VERSIONS))),$(wordlist 2,99,$(EXT_VERSIONS)))

OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
PG_CPPFLAGS = -I$(srcdir)/src
SHLIB_LINK += -lm

SCRIPT_SOURCES = $(sort $(wildcard src/sql/*/*.sql)) $(sort $(wildcard data/*.csv)) tools/assemble_script.py
DATA_built = $(EXTENSION)--$(first_version).sql \
             $(EXTENSION)--$(last_version).sql \
             $(foreach p,$(pairs),$(EXTENSION)--$(p).sql)

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION) --inputdir=$(srcdir)

EXTRA_CLEAN = results regression.diffs regression.out .tmp .tmp_install

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS tracks no header dependencies: rebuild every object when any header
# changes (a stale object compiled against an old struct layout can crash the server).
$(OBJS) $(OBJS:.o=.bc): $(wildcard src/*.h)

$(EXTENSION)--$(first_version).sql: $(SCRIPT_SOURCES)
	$(PYTHON) tools/assemble_script.py --srcdir $(srcdir) --to $(first_version) > $@.tmp && mv $@.tmp $@

$(EXTENSION)--$(last_version).sql: $(SCRIPT_SOURCES)
	$(PYTHON) tools/assemble_script.py --srcdir $(srcdir) --to $(last_version) > $@.tmp && mv $@.tmp $@

$(EXTENSION)--%.sql: $(SCRIPT_SOURCES)
	$(PYTHON) tools/assemble_script.py --srcdir $(srcdir) --delta $* > $@.tmp && mv $@.tmp $@

.PHONY: test demo bench
test: all
	tools/run-tests
demo:
	tools/demo
bench: all
	tools/run-bench

# PGXN source distribution: iscm-<version>.zip holding the committed tree
# (git archive HEAD) under iscm-<version>/, plus the install scripts the build
# generates, so that installing from it needs no generator.  The version is
# META.json's.
DIST_VERSION = $(shell sed -n 's/^  "version": "\([^"]*\)",*$$/\1/p' META.json)
DIST_NAME    = $(EXTENSION)-$(DIST_VERSION)
DIST_ADDED   = $(filter-out $(shell git ls-files -- $(DATA_built)),$(DATA_built))

.PHONY: dist
dist: $(DATA_built)
	@test -n "$(DIST_VERSION)" || { echo "dist: no top-level \"version\" in META.json" >&2; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=no)" || \
		{ echo "dist: the archive is HEAD and the install scripts are built from the working tree: commit first" >&2; exit 1; }
	git archive --format=zip --prefix=$(DIST_NAME)/ $(addprefix --add-file=,$(DIST_ADDED)) -o $(DIST_NAME).zip HEAD
