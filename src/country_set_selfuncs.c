/*
 * country_set_selfuncs.c — planner statistics for iscm.country_set.
 *
 * ANALYZE (country_set_typanalyze) keeps, besides the standard statistics
 * used by = and the btree operators, two slots of its own:
 *
 *   STATISTIC_KIND_COUNTRY_FREQ   values: the country keys seen (int4, sorted);
 *                                 numbers: for each, the fraction of non-NULL
 *                                 sampled sets containing it, then one more
 *                                 number: the frequency assumed for a country
 *                                 never seen (half of one sampled set).
 *   STATISTIC_KIND_CARDINALITY    numbers: fraction of non-NULL sampled sets
 *                                 having 0, 1, 2, ... countries (the last bin
 *                                 also holds every larger set).
 *
 * There are never more than a few hundred countries, so the first slot holds
 * every country seen, not just the most common ones.  The restriction
 * estimators for @>, <@ and && combine these assuming countries occur
 * independently of one another — crude for regional mechanisms, but far
 * better than a constant, which gives "contains USA and DEU" and "contains
 * two rare countries" the same estimate.  Without statistics they fall
 * back to the fixed selectivity of contsel.
 */
#include "country_set.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"
#include "nodes/nodeFuncs.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"

/* Private statistics kinds (numbers outside the ranges PostgreSQL and PostGIS use). */
#define STATISTIC_KIND_COUNTRY_FREQ		8401
#define STATISTIC_KIND_CARDINALITY		8402

#define CARDINALITY_BINS				512
#define DEFAULT_COUNTRY_SET_SEL			0.005

PG_FUNCTION_INFO_V1(country_set_typanalyze);
PG_FUNCTION_INFO_V1(country_set_contains_sel);
PG_FUNCTION_INFO_V1(country_set_contained_sel);
PG_FUNCTION_INFO_V1(country_set_overlaps_sel);

/* ---- ANALYZE --------------------------------------------------------------------- */

typedef struct AnalyzeExtra
{
	AnalyzeAttrComputeStatsFunc std_compute_stats;
	void	   *std_extra_data;
} AnalyzeExtra;

static int
free_slot(VacAttrStats *stats)
{
	for (int slot = 0; slot < STATISTIC_NUM_SLOTS; slot++)
		if (stats->stakind[slot] == 0)
			return slot;
	return -1;
}

static void
compute_country_set_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
						  int samplerows, double totalrows)
{
	AnalyzeExtra *extra = (AnalyzeExtra *) stats->extra_data;
	uint32	   *key_count = palloc0(sizeof(uint32) * (PG_UINT16_MAX + 1));
	uint32	   *card_count = palloc0(sizeof(uint32) * CARDINALITY_BINS);
	int			nonnull = 0;
	int			distinct = 0;
	int			bins = 1;
	int			slot;
	MemoryContext old;

	/* the standard statistics first: MCVs and histogram for = and the btree order */
	stats->extra_data = extra->std_extra_data;
	extra->std_compute_stats(stats, fetchfunc, samplerows, totalrows);
	stats->extra_data = extra;
	if (!stats->stats_valid)
		return;

	for (int row = 0; row < samplerows; row++)
	{
		bool		isnull;
		Datum		value = fetchfunc(stats, row, &isnull);
		struct varlena *detoasted;
		CountrySetView set;

		analyze_delay_point();
		if (isnull)
			continue;
		detoasted = PG_DETOAST_DATUM_PACKED(value);
		set = country_set_view(detoasted);
		nonnull++;
		for (int i = 0; i < set.n; i++)
			key_count[country_set_view_key(&set, i)]++;
		card_count[Min(set.n, CARDINALITY_BINS - 1)]++;
		bins = Max(bins, Min(set.n, CARDINALITY_BINS - 1) + 1);
		if ((Pointer) detoasted != DatumGetPointer(value))
			pfree(detoasted);
	}
	if (nonnull == 0)
		return;
	for (int key = 0; key <= PG_UINT16_MAX; key++)
		distinct += (key_count[key] > 0);

	old = MemoryContextSwitchTo(stats->anl_context);

	if ((slot = free_slot(stats)) >= 0)
	{
		Datum	   *values = palloc(sizeof(Datum) * Max(distinct, 1));
		float4	   *numbers = palloc(sizeof(float4) * (distinct + 1));
		int			n = 0;

		for (int key = 0; key <= PG_UINT16_MAX; key++)
		{
			if (key_count[key] == 0)
				continue;
			values[n] = Int32GetDatum(key);
			numbers[n] = (float4) key_count[key] / nonnull;
			n++;
		}
		numbers[n] = 0.5f / nonnull;
		stats->stakind[slot] = STATISTIC_KIND_COUNTRY_FREQ;
		stats->staop[slot] = InvalidOid;
		stats->stacoll[slot] = InvalidOid;
		stats->stavalues[slot] = values;
		stats->numvalues[slot] = n;
		stats->stanumbers[slot] = numbers;
		stats->numnumbers[slot] = n + 1;
		stats->statypid[slot] = INT4OID;
		stats->statyplen[slot] = sizeof(int32);
		stats->statypbyval[slot] = true;
		stats->statypalign[slot] = TYPALIGN_INT;
	}
	if ((slot = free_slot(stats)) >= 0)
	{
		float4	   *numbers = palloc(sizeof(float4) * bins);

		for (int c = 0; c < bins; c++)
			numbers[c] = (float4) card_count[c] / nonnull;
		stats->stakind[slot] = STATISTIC_KIND_CARDINALITY;
		stats->staop[slot] = InvalidOid;
		stats->stacoll[slot] = InvalidOid;
		stats->stanumbers[slot] = numbers;
		stats->numnumbers[slot] = bins;
		stats->numvalues[slot] = 0;
	}
	MemoryContextSwitchTo(old);
	pfree(key_count);
	pfree(card_count);
}

Datum
country_set_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);
	AnalyzeExtra *extra;

	if (!std_typanalyze(stats))
		PG_RETURN_BOOL(false);
	extra = palloc(sizeof(AnalyzeExtra));
	extra->std_compute_stats = stats->compute_stats;
	extra->std_extra_data = stats->extra_data;
	stats->compute_stats = compute_country_set_stats;
	stats->extra_data = extra;
	PG_RETURN_BOOL(true);
}

/* ---- restriction estimators ------------------------------------------------------- */

typedef enum SetPredicate
{
	PRED_CONTAINS,				/* column ⊇ constant (a set or one country) */
	PRED_CONTAINED,				/* column ⊆ constant */
	PRED_OVERLAPS				/* column ∩ constant ≠ ∅ */
} SetPredicate;

typedef struct ColumnStats
{
	AttStatsSlot freq;
	AttStatsSlot card;
	bool		have_card;
} ColumnStats;

/* bsearch() comparator: an int32 key against an int4 Datum of the statistics */
static int
compare_key_datum(const void *key, const void *datum)
{
	int32		a = *(const int32 *) key;
	int32		b = DatumGetInt32(*(const Datum *) datum);

	return (a > b) - (a < b);
}

static double
key_frequency(const ColumnStats *cs, CountryKey key)
{
	int32		k = key;
	const Datum *found = cs->freq.nvalues == 0 ? NULL :
		bsearch(&k, cs->freq.values, (size_t) cs->freq.nvalues, sizeof(Datum), compare_key_datum);

	if (found == NULL)
		return cs->freq.numbers[cs->freq.nvalues];	/* a country the sample never saw */
	return cs->freq.numbers[found - cs->freq.values];
}

static double
estimate(const ColumnStats *cs, SetPredicate pred, const CountryKey *keys, int nkeys)
{
	double		sel;

	switch (pred)
	{
		case PRED_CONTAINS:
			sel = 1.0;
			for (int i = 0; i < nkeys; i++)
				sel *= key_frequency(cs, keys[i]);
			return sel;
		case PRED_OVERLAPS:
			sel = 1.0;
			for (int i = 0; i < nkeys; i++)
				sel *= 1.0 - key_frequency(cs, keys[i]);
			return 1.0 - sel;
		case PRED_CONTAINED:
			{
				/*
				 * A set of c countries lies within the constant if each of its
				 * countries does: p^c, p being the share of all memberships
				 * that fall on the constant's countries.
				 */
				double		mean_card = 0,
							in_query = 0,
							p;

				if (!cs->have_card)
					return DEFAULT_COUNTRY_SET_SEL;
				for (int c = 0; c < cs->card.nnumbers; c++)
					mean_card += c * cs->card.numbers[c];
				for (int i = 0; i < nkeys; i++)
					in_query += key_frequency(cs, keys[i]);
				p = mean_card > 0 ? Min(1.0, in_query / mean_card) : 1.0;
				sel = 0;
				for (int c = 0; c < cs->card.nnumbers; c++)
					sel += cs->card.numbers[c] * pow(p, c);
				return sel;
			}
	}
	return DEFAULT_COUNTRY_SET_SEL;
}

/*
 * The country frequency slot, checked for the shape ANALYZE gives it.  A
 * sample in which no set held any country (only empty sets) stores no
 * values, and pg_statistic then has a NULL stavalues that
 * get_attstatsslot(ATTSTATSSLOT_VALUES) refuses with an internal error: such
 * a slot is read for its numbers alone (just the never-seen frequency).
 */
static bool
frequency_slot(HeapTuple statsTuple, AttStatsSlot *freq)
{
	if (!get_attstatsslot(freq, statsTuple, STATISTIC_KIND_COUNTRY_FREQ, InvalidOid,
						  ATTSTATSSLOT_NUMBERS))
		return false;
	if (freq->nnumbers > 1)
	{
		free_attstatsslot(freq);
		if (!get_attstatsslot(freq, statsTuple, STATISTIC_KIND_COUNTRY_FREQ, InvalidOid,
							  ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
			return false;
	}
	if (freq->nnumbers != freq->nvalues + 1)
	{
		free_attstatsslot(freq);
		return false;
	}
	return true;
}

/*
 * The OID of iscm's type name: in the estimator's own schema, where the
 * extension creates both.  Anyone may name these estimators in an operator of
 * their own, so the operands' types are checked before their bytes are read.
 */
static Oid
extension_type(FunctionCallInfo fcinfo, const char *name)
{
	Oid			schema = get_func_namespace(fcinfo->flinfo->fn_oid);

	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum(name), ObjectIdGetDatum(schema));
}

/* a country_set column against a country_set or country constant: what the statistics describe */
static bool
operands_are_ours(FunctionCallInfo fcinfo, Oid column_type, Oid constant_type)
{
	Oid			set_type = extension_type(fcinfo, "country_set");

	return OidIsValid(set_type) && getBaseType(column_type) == set_type &&
		(getBaseType(constant_type) == set_type ||
		 getBaseType(constant_type) == extension_type(fcinfo, "country"));
}

static double
restriction_selectivity(FunctionCallInfo fcinfo, SetPredicate pred)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	Const	   *constant;
	CountryKey *keys;
	int			nkeys;
	ColumnStats cs;
	double		nullfrac;
	double		sel;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		return DEFAULT_COUNTRY_SET_SEL;
	if (!IsA(other, Const))
	{
		ReleaseVariableStats(vardata);
		return DEFAULT_COUNTRY_SET_SEL;
	}
	constant = (Const *) other;
	if (constant->constisnull)
	{
		ReleaseVariableStats(vardata);
		return 0.0;
	}

	/* statistics describe country_set columns; a country column has none */
	if (!operands_are_ours(fcinfo, vardata.vartype, constant->consttype))
	{
		ReleaseVariableStats(vardata);
		return DEFAULT_COUNTRY_SET_SEL;
	}
	if (constant->constlen == -1)
	{
		/* set against set: "constant @> column" is "column <@ constant" */
		CountrySetView set = country_set_view((struct varlena *) PG_DETOAST_DATUM_PACKED(constant->constvalue));

		if (!varonleft && pred != PRED_OVERLAPS)
			pred = pred == PRED_CONTAINS ? PRED_CONTAINED : PRED_CONTAINS;
		nkeys = set.n;
		keys = palloc(sizeof(CountryKey) * Max(nkeys, 1));
		for (int i = 0; i < nkeys; i++)
			keys[i] = country_set_view_key(&set, i);
	}
	else
	{
		/* one country (2 bytes, by value): the column contains it, on whichever side */
		pred = PRED_CONTAINS;
		nkeys = 1;
		keys = palloc(sizeof(CountryKey));
		keys[0] = DatumGetCountryKey(constant->constvalue);
	}

	if (!HeapTupleIsValid(vardata.statsTuple) || !frequency_slot(vardata.statsTuple, &cs.freq))
	{
		ReleaseVariableStats(vardata);
		return DEFAULT_COUNTRY_SET_SEL;
	}
	cs.have_card = get_attstatsslot(&cs.card, vardata.statsTuple, STATISTIC_KIND_CARDINALITY,
									InvalidOid, ATTSTATSSLOT_NUMBERS);
	nullfrac = ((Form_pg_statistic) GETSTRUCT(vardata.statsTuple))->stanullfrac;

	sel = estimate(&cs, pred, keys, nkeys) * (1.0 - nullfrac);

	free_attstatsslot(&cs.freq);
	if (cs.have_card)
		free_attstatsslot(&cs.card);
	ReleaseVariableStats(vardata);
	CLAMP_PROBABILITY(sel);
	return sel;
}

Datum
country_set_contains_sel(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(restriction_selectivity(fcinfo, PRED_CONTAINS));
}

Datum
country_set_contained_sel(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(restriction_selectivity(fcinfo, PRED_CONTAINED));
}

Datum
country_set_overlaps_sel(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(restriction_selectivity(fcinfo, PRED_OVERLAPS));
}
