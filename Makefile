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
