# iscm — PostgreSQL extension, built with PGXS.
#
# The SQL scripts are committed files in scripts/: iscm--<first>.sql is the base
# script, iscm--<a>--<b>.sql the update scripts (CREATE EXTENSION runs the base
# and then each update).  tools/build-scripts writes them from the fragments in
# src/sql/<version>/ and data/*.csv; a released version's scripts are frozen
# (tools/cut-release, scripts/released.sha256).  Building needs no Python.

EXTENSION  = iscm
MODULE_big = iscm

PG_CONFIG ?= pg_config

# src/*.c the server code, src/core/ the pure-C cores (no server headers;
# fuzz/ builds them alone), src/generated/ what tools/gen_country_data.py writes.
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c src/core/*.c src/generated/*.c)))
PG_CPPFLAGS = -I$(srcdir)/src -I$(srcdir)/src/core
# Every build warns about these; tools/run-tests (and so CI) adds -Werror, so a
# warning fails the suite.  fmgr functions need not use fcinfo, and { 0 }
# initializers are the idiom for zeroed structs.
PG_CFLAGS = -Wall -Wextra -Wshadow -Wno-unused-parameter -Wno-missing-field-initializers
SHLIB_LINK += -lm

DATA = $(patsubst $(srcdir)/%,%,$(sort $(wildcard $(srcdir)/scripts/$(EXTENSION)--*.sql)))

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION) --inputdir=$(srcdir)

EXTRA_CLEAN = results regression.diffs regression.out .tmp .tmp_install

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS tracks no header dependencies: rebuild every object when any header
# changes (a stale object compiled against an old struct layout can crash the server).
$(OBJS) $(OBJS:.o=.bc): $(wildcard src/*.h src/core/*.h)

.PHONY: test demo bench
test: all
	tools/run-tests
demo:
	tools/demo
bench: all
	tools/run-bench

# PGXN source distribution: iscm-<version>.zip holding the committed tree
# (git archive HEAD, install scripts included) under iscm-<version>/.  The
# version is META.json's.
DIST_VERSION = $(shell sed -n 's/^  "version": "\([^"]*\)",*$$/\1/p' META.json)
DIST_NAME    = $(EXTENSION)-$(DIST_VERSION)

.PHONY: dist
dist:
	@test -n "$(DIST_VERSION)" || { echo "dist: no top-level \"version\" in META.json" >&2; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=no)" || \
		{ echo "dist: the archive is HEAD: commit first" >&2; exit 1; }
	git archive --format=zip --prefix=$(DIST_NAME)/ -o $(DIST_NAME).zip HEAD
