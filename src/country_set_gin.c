/*
 * country_set_gin.c — GIN support for iscm.country_set (operator class
 * country_set_gin_ops).  Index keys are the country keys of a set, as int4.
 *
 * Strategies (numbered like the core array_ops):
 *   1  &&  overlaps                       exact
 *   2  @>  contains set                   exact
 *   3  <@  is contained by set            needs recheck (other keys unseen)
 *   4  =   equals                         needs recheck
 *   5  @>  contains one country           exact
 *
 * Empty sets are indexed as GIN's "empty item", so <@ and = find them.
 */
#include "country_set.h"

#include "access/gin.h"
#include "access/stratnum.h"

#define STRATEGY_OVERLAPS			1
#define STRATEGY_CONTAINS			2
#define STRATEGY_CONTAINED			3
#define STRATEGY_EQUAL				4
#define STRATEGY_CONTAINS_COUNTRY	5

PG_FUNCTION_INFO_V1(country_set_gin_extract_value);
PG_FUNCTION_INFO_V1(country_set_gin_extract_query);
PG_FUNCTION_INFO_V1(country_set_gin_consistent);
PG_FUNCTION_INFO_V1(country_set_gin_triconsistent);

static Datum *
keys_as_entries(const CountrySetView *set)
{
	Datum	   *entries = palloc(Max(set->n, 1) * sizeof(Datum));

	for (int i = 0; i < set->n; i++)
		entries[i] = Int32GetDatum((int32) country_set_view_key(set, i));
	return entries;
}

Datum
country_set_gin_extract_value(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);

	*nentries = set.n;
	PG_RETURN_POINTER(keys_as_entries(&set));
}

Datum
country_set_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *search_mode = (int32 *) PG_GETARG_POINTER(6);
	CountrySetView set;

	if (strategy == STRATEGY_CONTAINS_COUNTRY)
	{
		Datum	   *entries = palloc(sizeof(Datum));

		entries[0] = Int32GetDatum((int32) PG_GETARG_COUNTRY(0));
		*nentries = 1;
		PG_RETURN_POINTER(entries);
	}

	set = PG_GETARG_COUNTRY_SET_VIEW(0);
	*nentries = set.n;
	switch (strategy)
	{
		case STRATEGY_OVERLAPS:
			/* nothing overlaps {}: zero entries in default mode match nothing */
			break;
		case STRATEGY_CONTAINS:
			/* every set contains {} */
			if (set.n == 0)
				*search_mode = GIN_SEARCH_MODE_ALL;
			break;
		case STRATEGY_CONTAINED:
			/* {} is contained in anything, and carries no key to find it by */
			*search_mode = GIN_SEARCH_MODE_INCLUDE_EMPTY;
			break;
		case STRATEGY_EQUAL:
			if (set.n == 0)
				*search_mode = GIN_SEARCH_MODE_INCLUDE_EMPTY;
			break;
		default:
			elog(ERROR, "country_set_gin_extract_query: unknown strategy %d", strategy);
	}
	PG_RETURN_POINTER(keys_as_entries(&set));
}

Datum
country_set_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nentries = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	switch (strategy)
	{
		case STRATEGY_OVERLAPS:
			*recheck = false;
			for (int i = 0; i < nentries; i++)
				if (check[i])
					PG_RETURN_BOOL(true);
			PG_RETURN_BOOL(false);
		case STRATEGY_CONTAINS:
		case STRATEGY_CONTAINS_COUNTRY:
		case STRATEGY_EQUAL:
			/* = needs every query key present, and then a check for no others */
			*recheck = (strategy == STRATEGY_EQUAL);
			for (int i = 0; i < nentries; i++)
				if (!check[i])
					PG_RETURN_BOOL(false);
			PG_RETURN_BOOL(true);
		case STRATEGY_CONTAINED:
			/* the index cannot tell whether the item has keys outside the query */
			*recheck = true;
			PG_RETURN_BOOL(true);
		default:
			elog(ERROR, "country_set_gin_consistent: unknown strategy %d", strategy);
	}
	PG_RETURN_BOOL(false);
}

Datum
country_set_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nentries = PG_GETARG_INT32(3);
	GinTernaryValue result;

	switch (strategy)
	{
		case STRATEGY_OVERLAPS:
			result = GIN_FALSE;
			for (int i = 0; i < nentries; i++)
			{
				if (check[i] == GIN_TRUE)
					PG_RETURN_GIN_TERNARY_VALUE(GIN_TRUE);
				if (check[i] == GIN_MAYBE)
					result = GIN_MAYBE;
			}
			break;
		case STRATEGY_CONTAINS:
		case STRATEGY_CONTAINS_COUNTRY:
		case STRATEGY_EQUAL:
			result = strategy == STRATEGY_EQUAL ? GIN_MAYBE : GIN_TRUE;
			for (int i = 0; i < nentries; i++)
			{
				if (check[i] == GIN_FALSE)
					PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
				if (check[i] == GIN_MAYBE)
					result = GIN_MAYBE;
			}
			break;
		case STRATEGY_CONTAINED:
			result = GIN_MAYBE;
			break;
		default:
			elog(ERROR, "country_set_gin_triconsistent: unknown strategy %d", strategy);
			result = GIN_FALSE;
	}
	PG_RETURN_GIN_TERNARY_VALUE(result);
}
