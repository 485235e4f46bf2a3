/*
 * country_ops.c — comparison, btree and hash support for iscm.country.
 *
 * Values compare by key, so the sort order is: current countries by alpha-3,
 * then former countries by alpha-3, then the M49-only areas by M49 code
 * (country.h).  It never depends on iscm.country_output or on names.
 */
#include "compat.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/sortsupport.h"

#include "country.h"

static inline int
key_cmp(CountryKey a, CountryKey b)
{
	return (a > b) - (a < b);
}

#define COUNTRY_CMP_FUNC(fname, test) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	CountryKey	a = PG_GETARG_COUNTRY(0); \
	CountryKey	b = PG_GETARG_COUNTRY(1); \
	PG_RETURN_BOOL(test); \
}

COUNTRY_CMP_FUNC(country_eq, a == b)
COUNTRY_CMP_FUNC(country_ne, a != b)
COUNTRY_CMP_FUNC(country_lt, a < b)
COUNTRY_CMP_FUNC(country_le, a <= b)
COUNTRY_CMP_FUNC(country_gt, a > b)
COUNTRY_CMP_FUNC(country_ge, a >= b)

PG_FUNCTION_INFO_V1(country_cmp);
Datum
country_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(key_cmp(PG_GETARG_COUNTRY(0), PG_GETARG_COUNTRY(1)));
}

static int
country_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return key_cmp(DatumGetCountryKey(a), DatumGetCountryKey(b));
}

PG_FUNCTION_INFO_V1(country_sortsupport);
Datum
country_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = country_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(country_hash);
Datum
country_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_COUNTRY(0));
}

PG_FUNCTION_INFO_V1(country_hash_extended);
Datum
country_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_COUNTRY(0), PG_GETARG_INT64(1));
}

/* Smaller / larger of two countries, for the min() and max() aggregates. */
PG_FUNCTION_INFO_V1(country_smaller);
Datum
country_smaller(PG_FUNCTION_ARGS)
{
	CountryKey	a = PG_GETARG_COUNTRY(0);
	CountryKey	b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(country_larger);
Datum
country_larger(PG_FUNCTION_ARGS)
{
	CountryKey	a = PG_GETARG_COUNTRY(0);
	CountryKey	b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a > b ? a : b);
}
