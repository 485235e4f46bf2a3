/*
 * country_set_ops.c — set algebra on iscm.country_set: containment, overlap,
 * union, intersection, difference, membership of one country, cardinality,
 * Jaccard similarity and unnesting.
 *
 * Every operation is a single merge pass over the two sorted key sequences,
 * reading the big-endian keys where they lie (no decoding, no sorting).
 */
#include "country_set.h"

#include "funcapi.h"

#include "server_util.h"

PG_FUNCTION_INFO_V1(country_set_contains);
PG_FUNCTION_INFO_V1(country_set_contained);
PG_FUNCTION_INFO_V1(country_set_overlaps);
PG_FUNCTION_INFO_V1(country_set_contains_country);
PG_FUNCTION_INFO_V1(country_set_country_in);
PG_FUNCTION_INFO_V1(country_set_union);
PG_FUNCTION_INFO_V1(country_set_intersect);
PG_FUNCTION_INFO_V1(country_set_minus);
PG_FUNCTION_INFO_V1(country_set_cardinality);
PG_FUNCTION_INFO_V1(country_set_jaccard);
PG_FUNCTION_INFO_V1(country_set_unnest);

/* Is every key of b in a? */
static bool
set_contains(const CountrySetView *a, const CountrySetView *b)
{
	int			i = 0;

	if (b->n > a->n)
		return false;
	for (int j = 0; j < b->n; j++)
	{
		CountryKey	want = country_set_view_key(b, j);

		/* a must still hold at least as many keys as b has left */
		while (i < a->n && country_set_view_key(a, i) < want)
		{
			if (a->n - i <= b->n - j)
				return false;
			i++;
		}
		if (i == a->n || country_set_view_key(a, i) != want)
			return false;
		i++;
	}
	return true;
}

static int
intersection_size(const CountrySetView *a, const CountrySetView *b)
{
	int			i = 0,
				j = 0,
				common = 0;

	while (i < a->n && j < b->n)
	{
		CountryKey	ka = country_set_view_key(a, i);
		CountryKey	kb = country_set_view_key(b, j);

		common += (ka == kb);
		i += (ka <= kb);
		j += (kb <= ka);
	}
	return common;
}

static bool
set_overlaps(const CountrySetView *a, const CountrySetView *b)
{
	int			i = 0,
				j = 0;

	while (i < a->n && j < b->n)
	{
		CountryKey	ka = country_set_view_key(a, i);
		CountryKey	kb = country_set_view_key(b, j);

		if (ka == kb)
			return true;
		i += (ka < kb);
		j += (kb < ka);
	}
	return false;
}

/* bsearch() comparator: a CountryKey against a big-endian stored key */
static int
compare_stored_key(const void *key, const void *stored)
{
	CountryKey	a = *(const CountryKey *) key;
	CountryKey	b = country_set_key_at(stored, 0);

	return (a > b) - (a < b);
}

static bool
set_has(const CountrySetView *set, CountryKey key)
{
	return bsearch(&key, set->keys, (size_t) set->n, COUNTRY_SET_KEY_BYTES, compare_stored_key) != NULL;
}

Datum
country_set_contains(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_BOOL(set_contains(&a, &b));
}

Datum
country_set_contained(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_BOOL(set_contains(&b, &a));
}

Datum
country_set_overlaps(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_BOOL(set_overlaps(&a, &b));
}

Datum
country_set_contains_country(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);

	PG_RETURN_BOOL(set_has(&set, PG_GETARG_COUNTRY(1)));
}

Datum
country_set_country_in(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_BOOL(set_has(&set, PG_GETARG_COUNTRY(0)));
}

/*
 * Union, intersection and difference write into a result sized for the
 * largest possible outcome and then shrink its length word.
 */
typedef enum CombineOp
{
	OP_UNION,
	OP_INTERSECT,
	OP_MINUS
} CombineOp;

static struct varlena *
combine_sets(const CountrySetView *a, const CountrySetView *b, CombineOp op)
{
	int			bound = op == OP_UNION ? a->n + b->n : op == OP_INTERSECT ? Min(a->n, b->n) : a->n;
	struct varlena *result = country_set_allocate(bound);
	uint8_t    *out;
	int			i = 0,
				j = 0,
				n = 0;

	out = (uint8_t *) VARDATA(result) + 1;

	while (i < a->n && j < b->n)
	{
		CountryKey	ka = country_set_view_key(a, i);
		CountryKey	kb = country_set_view_key(b, j);

		if (ka == kb)
		{
			if (op != OP_MINUS)
				country_set_put_key(out, n++, ka);
			i++, j++;
		}
		else if (ka < kb)
		{
			if (op != OP_INTERSECT)
				country_set_put_key(out, n++, ka);
			i++;
		}
		else
		{
			if (op == OP_UNION)
				country_set_put_key(out, n++, kb);
			j++;
		}
	}
	if (op != OP_INTERSECT)
		for (; i < a->n; i++)
			country_set_put_key(out, n++, country_set_view_key(a, i));
	if (op == OP_UNION)
		for (; j < b->n; j++)
			country_set_put_key(out, n++, country_set_view_key(b, j));

	SET_VARSIZE(result, VARHDRSZ + 1 + n * COUNTRY_SET_KEY_BYTES);
	return result;
}

Datum
country_set_union(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_POINTER(combine_sets(&a, &b, OP_UNION));
}

Datum
country_set_intersect(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_POINTER(combine_sets(&a, &b, OP_INTERSECT));
}

Datum
country_set_minus(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);

	PG_RETURN_POINTER(combine_sets(&a, &b, OP_MINUS));
}

Datum
country_set_cardinality(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);

	PG_RETURN_INT32(set.n);
}

/* |A ∩ B| / |A ∪ B|; two empty sets are identical, so their similarity is 1. */
Datum
country_set_jaccard(PG_FUNCTION_ARGS)
{
	CountrySetView a = PG_GETARG_COUNTRY_SET_VIEW(0);
	CountrySetView b = PG_GETARG_COUNTRY_SET_VIEW(1);
	int			common;

	if (a.n == 0 && b.n == 0)
		PG_RETURN_FLOAT8(1.0);
	common = intersection_size(&a, &b);
	PG_RETURN_FLOAT8((double) common / (double) (a.n + b.n - common));
}

static void *
unnest_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	CountrySetView *set = palloc(sizeof(CountrySetView));

	/* a detoasted copy in the multi-call context outlives this call */
	*set = country_set_view((struct varlena *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0)));
	*max_calls = set->n;
	return set;
}

/* The countries of a set in key order, one row each. */
Datum
country_set_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	CountrySetView *set;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, unnest_start, false, "iscm.unnest");
	funcctx = SRF_PERCALL_SETUP();
	set = (CountrySetView *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* not inside SRF_RETURN_NEXT(), which bumps call_cntr first */
		Datum		country = CountryKeyGetDatum(country_set_view_key(set, (int) funcctx->call_cntr));

		SRF_RETURN_NEXT(funcctx, country);
	}
	SRF_RETURN_DONE(funcctx);
}
