/*
 * country_set_agg.c — aggregates that build country sets:
 *
 *   country_set_agg(country)          the set of the countries of the rows
 *   union_agg(country_set)            the union of the sets of the rows
 *   intersection_agg(country_set)     the countries in every set of the rows
 *
 * All three share one transition state (CountrySetState) and its serialized
 * form, so they run in parallel (partial aggregation) and NULL inputs are
 * skipped.  Zero rows give the empty set, not NULL: for
 * intersection_agg that is a convention — the intersection of no sets would be
 * every country, which no one wants as an answer.
 *
 * The state is a sorted array of keys plus, for country_set_agg, an unsorted
 * tail of new countries that is sorted in only once it has grown as large as
 * the sorted part (O(log n) amortized per row).  union_agg merges each input
 * set straight into the sorted part.  Either way the state stays about as
 * small as the set it will become.
 */
#include "country_set.h"

#include "libpq/pqformat.h"
#include "utils/memutils.h"

#include "server_util.h"

PG_FUNCTION_INFO_V1(country_set_agg_transfn);
PG_FUNCTION_INFO_V1(country_set_union_transfn);
PG_FUNCTION_INFO_V1(country_set_intersection_transfn);
PG_FUNCTION_INFO_V1(country_set_union_combinefn);
PG_FUNCTION_INFO_V1(country_set_intersection_combinefn);
PG_FUNCTION_INFO_V1(country_set_agg_finalfn);
PG_FUNCTION_INFO_V1(country_set_agg_serialfn);
PG_FUNCTION_INFO_V1(country_set_agg_deserialfn);

/* Serialized state: version byte, flags byte, then keys as in country_set_format.h. */
#define STATE_FORMAT_V1			1
#define STATE_FLAG_UNIVERSE		0x01
#define STATE_HEADER_BYTES		2

#define MIN_PENDING				64

typedef struct CountrySetState
{
	CountryKey *keys;			/* [0, nsorted) sorted and unique; [nsorted, n) not yet */
	int			nsorted;
	int			n;
	int			capacity;

	/*
	 * intersection_agg before its first set: stands for every country, the
	 * identity of intersection.  Never set for the union aggregates.
	 */
	bool		universe;
} CountrySetState;

/* an empty state whose keys live in cxt */
static void
country_set_state_init(CountrySetState *state, MemoryContext cxt, int capacity, bool universe)
{
	state->capacity = Max(capacity, MIN_PENDING);
	state->keys = MemoryContextAlloc(cxt, state->capacity * sizeof(CountryKey));
	state->nsorted = 0;
	state->n = 0;
	state->universe = universe;
}

static CountrySetState *
country_set_state_new(MemoryContext aggcontext, int capacity, bool universe)
{
	CountrySetState *state = MemoryContextAlloc(aggcontext, sizeof(CountrySetState));

	country_set_state_init(state, aggcontext, capacity, universe);
	return state;
}

/* the state of a transition function, made on the first row */
static CountrySetState *
country_set_state_current(FunctionCallInfo fcinfo, MemoryContext aggcontext, bool universe)
{
	CountrySetState *state = aggregate_state_arg(fcinfo, 0);

	return state != NULL ? state : country_set_state_new(aggcontext, MIN_PENDING, universe);
}

static CountrySetState *
state_copy(MemoryContext aggcontext, const CountrySetState *from)
{
	CountrySetState *state = country_set_state_new(aggcontext, from->n, from->universe);

	memcpy(state->keys, from->keys, from->n * sizeof(CountryKey));
	state->nsorted = from->nsorted;
	state->n = from->n;
	return state;
}

static void
state_compact(CountrySetState *state)
{
	if (state->nsorted < state->n)
	{
		state->n = (int) country_set_sort_unique(state->keys, (size_t) state->n);
		state->nsorted = state->n;
	}
}

/* Room for extra more keys; the array lives in the aggregate context already. */
static void
state_reserve(CountrySetState *state, int extra)
{
	if (state->n + extra > state->capacity)
	{
		/* first try to make room by deduplicating */
		state_compact(state);
		if (state->n + extra > state->capacity)
		{
			state->capacity = Max(state->capacity * 2, state->n + extra);
			state->keys = repalloc(state->keys, state->capacity * sizeof(CountryKey));
		}
	}
}

static int
compare_keys(const void *a, const void *b)
{
	CountryKey	x = *(const CountryKey *) a;
	CountryKey	y = *(const CountryKey *) b;

	return (x > y) - (x < y);
}

static bool
sorted_part_has(const CountrySetState *state, CountryKey key)
{
	return bsearch(&key, state->keys, (size_t) state->nsorted, sizeof(CountryKey), compare_keys) != NULL;
}

/*
 * One country: most rows repeat a country already seen, which a binary search
 * of the sorted part settles without writing anything.
 */
static void
state_add_country(CountrySetState *state, CountryKey key)
{
	if (sorted_part_has(state, key))
		return;
	state_reserve(state, 1);
	state->keys[state->n++] = key;
	if (state->n - state->nsorted >= Max(MIN_PENDING, state->nsorted))
		state_compact(state);
}

/*
 * A whole set (sorted, unique): merge it into the sorted state in place, from
 * the back, after counting how many of its keys are new — once a state holds
 * most countries, most sets add nothing and cost one read-only pass.
 */
static void
state_add_set(CountrySetState *state, const CountrySetView *set)
{
	int			i,
				j,
				k,
				added = 0;

	state_compact(state);
	for (i = 0, j = 0; j < set->n;)
	{
		CountryKey	key = country_set_view_key(set, j);

		if (i < state->n && state->keys[i] < key)
			i++;
		else
		{
			added += (i == state->n || state->keys[i] != key);
			j++;
		}
	}
	if (added == 0)
		return;

	state_reserve(state, added);
	i = state->n - 1;
	j = set->n - 1;
	k = state->n + added - 1;
	while (j >= 0)
	{
		CountryKey	key = country_set_view_key(set, j);

		if (i >= 0 && state->keys[i] > key)
			state->keys[k--] = state->keys[i--];
		else
		{
			if (i >= 0 && state->keys[i] == key)
				i--;
			state->keys[k--] = key;
			j--;
		}
	}
	state->n += added;
	state->nsorted = state->n;
}

/* Keep the keys of state that are also among the n sorted keys of other. */
static void
state_intersect(CountrySetState *state, const CountryKey *other, int n)
{
	int			i = 0,
				j = 0,
				kept = 0;

	state_compact(state);
	while (i < state->n && j < n)
	{
		if (state->keys[i] == other[j])
		{
			state->keys[kept++] = state->keys[i];
			i++, j++;
		}
		else if (state->keys[i] < other[j])
			i++;
		else
			j++;
	}
	state->n = state->nsorted = kept;
}

/* ---- transition functions ---------------------------------------------------- */

Datum
country_set_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_agg_transfn");
	CountrySetState *state = country_set_state_current(fcinfo, aggcontext, false);

	if (!PG_ARGISNULL(1))
		state_add_country(state, PG_GETARG_COUNTRY(1));
	PG_RETURN_POINTER(state);
}

Datum
country_set_union_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_union_transfn");
	CountrySetState *state = country_set_state_current(fcinfo, aggcontext, false);

	if (!PG_ARGISNULL(1))
	{
		/* detoasted in the per-call context, not the aggregate's */
		CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(1);

		state_add_set(state, &set);
	}
	PG_RETURN_POINTER(state);
}

Datum
country_set_intersection_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_intersection_transfn");
	CountrySetState *state = country_set_state_current(fcinfo, aggcontext, true);

	if (!PG_ARGISNULL(1))
	{
		CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(1);

		if (state->universe)
		{
			state_add_set(state, &set);
			state->universe = false;
		}
		else if (state->n > 0)
		{
			CountryKey *keys = palloc(Max(set.n, 1) * sizeof(CountryKey));

			for (int i = 0; i < set.n; i++)
				keys[i] = country_set_view_key(&set, i);
			state_intersect(state, keys, set.n);
			pfree(keys);
		}
	}
	PG_RETURN_POINTER(state);
}

/* ---- combine functions: any of the two states may be NULL -------------------- */

Datum
country_set_union_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_union_combinefn");
	CountrySetState *state1 = aggregate_state_arg(fcinfo, 0);
	CountrySetState *state2 = aggregate_state_arg(fcinfo, 1);

	if (state2 == NULL)
		return aggregate_keep_first(fcinfo);
	if (state1 == NULL)
		PG_RETURN_POINTER(state_copy(aggcontext, state2));

	state_reserve(state1, state2->n);
	memcpy(state1->keys + state1->n, state2->keys, state2->n * sizeof(CountryKey));
	state1->n += state2->n;
	state_compact(state1);
	PG_RETURN_POINTER(state1);
}

Datum
country_set_intersection_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_intersection_combinefn");
	CountrySetState *state1 = aggregate_state_arg(fcinfo, 0);
	CountrySetState *state2 = aggregate_state_arg(fcinfo, 1);

	/* a missing or still-universal state is the identity */
	if (state2 == NULL || state2->universe)
		return aggregate_keep_first(fcinfo);
	if (state1 == NULL || state1->universe)
		PG_RETURN_POINTER(state_copy(aggcontext, state2));

	state_compact(state2);
	state_intersect(state1, state2->keys, state2->n);
	PG_RETURN_POINTER(state1);
}

/* ---- final, serialize, deserialize -------------------------------------------------- */

/*
 * Compacting the state changes its layout, not its value, so the final
 * function may run more than once on the same state (window aggregates).
 */
Datum
country_set_agg_finalfn(PG_FUNCTION_ARGS)
{
	CountrySetState *state;

	(void) aggregate_context(fcinfo, "country_set_agg_finalfn");
	state = aggregate_state_arg(fcinfo, 0);
	if (state == NULL || state->universe)
		PG_RETURN_POINTER(country_set_from_sorted_keys(NULL, 0));
	state_compact(state);
	PG_RETURN_POINTER(country_set_from_sorted_keys(state->keys, state->n));
}

Datum
country_set_agg_serialfn(PG_FUNCTION_ARGS)
{
	CountrySetState *state;
	bytea	   *result;
	uint8_t    *out;

	(void) aggregate_context(fcinfo, "country_set_agg_serialfn");
	state = (CountrySetState *) PG_GETARG_POINTER(0);
	state_compact(state);

	result = palloc(VARHDRSZ + STATE_HEADER_BYTES + state->n * COUNTRY_SET_KEY_BYTES);
	SET_VARSIZE(result, VARHDRSZ + STATE_HEADER_BYTES + state->n * COUNTRY_SET_KEY_BYTES);
	out = (uint8_t *) VARDATA(result);
	out[0] = STATE_FORMAT_V1;
	out[1] = state->universe ? STATE_FLAG_UNIVERSE : 0;
	country_set_encode_keys(state->keys, (size_t) state->n, out + STATE_HEADER_BYTES);
	PG_RETURN_BYTEA_P(result);
}

Datum
country_set_agg_deserialfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_agg_deserialfn");
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	const uint8_t *in = (const uint8_t *) VARDATA_ANY(bytes);
	size_t		len = VARSIZE_ANY_EXHDR(bytes);
	size_t		nkeys = 0;
	size_t		bad_index = 0;
	CountrySetCheckStatus status;
	CountrySetState *state;

	if (len < STATE_HEADER_BYTES || in[0] != STATE_FORMAT_V1 || (in[1] & ~STATE_FLAG_UNIVERSE) != 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid serialized country set aggregate state"),
				errdetail("Expected format version %d and known flags in a %d-byte header.",
						  STATE_FORMAT_V1, STATE_HEADER_BYTES));
	status = country_set_check_keys(in + STATE_HEADER_BYTES, len - STATE_HEADER_BYTES,
									&nkeys, &bad_index);
	if (status != CSET_OK)
		country_set_report_bad_payload(status, bad_index, in + STATE_HEADER_BYTES);
	if ((in[1] & STATE_FLAG_UNIVERSE) && nkeys > 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid serialized country set aggregate state"),
				errdetail("A state standing for every country carries no keys."));

	state = country_set_state_new(aggcontext, (int) nkeys, (in[1] & STATE_FLAG_UNIVERSE) != 0);
	for (size_t i = 0; i < nkeys; i++)
		state->keys[i] = country_set_key_at(in + STATE_HEADER_BYTES, i);
	state->n = state->nsorted = (int) nkeys;
	PG_RETURN_POINTER(state);
}

/* ---- the state as an expanded country_set (the aggregates of 1.1) -------------- */

/*
 * The aggregates' state type is iscm.country_set itself, so that planners
 * that move partial states between processes or nodes as values (Citus) can
 * split them.  In memory the state is a CountrySetState behind an
 * expanded-object header (server_util.h), changed in place row by row and
 * written in the storage format only when it leaves the aggregate.  It never
 * stands for "every country": intersection_agg's state stays NULL until the
 * first set, and a NULL state is the identity of its combine function.
 */
typedef struct CountrySetExpanded
{
	ExpandedObjectHeader hdr;
	CountrySetState st;
} CountrySetExpanded;

/* compacting changes the layout of the state, not the set it stands for */
static Size
expanded_flat_size(ExpandedObjectHeader *eoh)
{
	CountrySetState *state = &((CountrySetExpanded *) eoh)->st;

	state_compact(state);
	return VARHDRSZ + 1 + (Size) state->n * COUNTRY_SET_KEY_BYTES;
}

static struct varlena *
expanded_encode(ExpandedObjectHeader *eoh)
{
	CountrySetState *state = &((CountrySetExpanded *) eoh)->st;

	state_compact(state);
	return (struct varlena *) country_set_from_sorted_keys(state->keys, state->n);
}

static void
expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	expanded_state_flatten(eoh, expanded_encode, result, allocated_size, "country_set");
}

static const ExpandedObjectMethods expanded_methods = {
	expanded_flat_size,
	expanded_flatten
};

/* a new state holding the n sorted keys */
static CountrySetExpanded *
expanded_new(MemoryContext aggcontext, const CountryKey *keys, int n)
{
	MemoryContext cxt = aggregate_state_context(aggcontext);
	CountrySetExpanded *x = MemoryContextAlloc(cxt, sizeof(CountrySetExpanded));

	EOH_init_header(&x->hdr, &expanded_methods, cxt);
	country_set_state_init(&x->st, cxt, n, false);
	if (n > 0)
		memcpy(x->st.keys, keys, n * sizeof(CountryKey));
	x->st.n = x->st.nsorted = n;
	return x;
}

/*
 * The sorted keys of a set given as a datum: those of a state (compacted
 * first), or of a stored value, copied into the current memory context.
 */
static const CountryKey *
datum_keys(Datum value, int *n)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &expanded_methods);
	CountrySetView set;
	CountryKey *keys;

	if (eoh != NULL)
	{
		CountrySetState *state = &((CountrySetExpanded *) eoh)->st;

		state_compact(state);
		*n = state->n;
		return state->keys;
	}
	set = country_set_view((struct varlena *) PG_DETOAST_DATUM_PACKED(value));
	keys = palloc(Max(set.n, 1) * sizeof(CountryKey));
	for (int i = 0; i < set.n; i++)
		keys[i] = country_set_view_key(&set, i);
	*n = set.n;
	return keys;
}

/*
 * Argument argno as the state of a transition or combine function: the set
 * the aggregate owns, to be changed in place; NULL for NULL; else a copy of
 * the set given.
 */
static inline CountrySetState *
expanded_arg(FunctionCallInfo fcinfo, int argno, MemoryContext aggcontext, CountrySetExpanded **x)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, argno, aggcontext, &expanded_methods);

	if (likely(eoh != NULL))
		*x = (CountrySetExpanded *) eoh;
	else if (PG_ARGISNULL(argno))
		*x = NULL;
	else
	{
		int			n;
		const CountryKey *keys = datum_keys(PG_GETARG_DATUM(argno), &n);

		*x = expanded_new(aggcontext, keys, n);
	}
	return *x ? &(*x)->st : NULL;
}

PG_FUNCTION_INFO_V1(country_set_agg_expanded_trans);
Datum
country_set_agg_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "country_set_agg_trans");
	CountrySetExpanded *x;
	CountrySetState *state = expanded_arg(fcinfo, 0, aggcontext, &x);

	if (state == NULL)
	{
		x = expanded_new(aggcontext, NULL, 0);
		state = &x->st;
	}
	if (!PG_ARGISNULL(1))
		state_add_country(state, PG_GETARG_COUNTRY(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(country_set_union_expanded_trans);
Datum
country_set_union_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "union_agg_trans");
	CountrySetExpanded *x;
	CountrySetState *state = expanded_arg(fcinfo, 0, aggcontext, &x);

	if (state == NULL)
	{
		x = expanded_new(aggcontext, NULL, 0);
		state = &x->st;
	}
	if (!PG_ARGISNULL(1))
	{
		/* detoasted in the per-call context, not the aggregate's */
		CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(1);

		state_add_set(state, &set);
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(country_set_intersection_expanded_trans);
Datum
country_set_intersection_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "intersection_agg_trans");
	CountrySetExpanded *x;
	CountrySetState *state;
	const CountryKey *keys;
	int			n;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	keys = datum_keys(PG_GETARG_DATUM(1), &n);
	state = expanded_arg(fcinfo, 0, aggcontext, &x);
	if (state == NULL)
		x = expanded_new(aggcontext, keys, n);	/* the first set */
	else if (state->n > 0)
		state_intersect(state, keys, n);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(country_set_union_expanded_combine);
Datum
country_set_union_expanded_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "union_agg_combine");
	CountrySetExpanded *x;
	CountrySetState *state;
	const CountryKey *keys;
	int			n;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	keys = datum_keys(PG_GETARG_DATUM(1), &n);
	state = expanded_arg(fcinfo, 0, aggcontext, &x);
	if (state == NULL)
		x = expanded_new(aggcontext, keys, n);
	else
	{
		state_reserve(state, n);
		memcpy(state->keys + state->n, keys, n * sizeof(CountryKey));
		state->n += n;
		state_compact(state);
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* a NULL state has seen no set: every country, the identity */
PG_FUNCTION_INFO_V1(country_set_intersection_expanded_combine);
Datum
country_set_intersection_expanded_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = aggregate_context(fcinfo, "intersection_agg_combine");
	CountrySetExpanded *x;
	CountrySetState *state;
	const CountryKey *keys;
	int			n;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	keys = datum_keys(PG_GETARG_DATUM(1), &n);
	state = expanded_arg(fcinfo, 0, aggcontext, &x);
	if (state == NULL)
		x = expanded_new(aggcontext, keys, n);
	else
		state_intersect(state, keys, n);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* zero rows (or no set) give the empty set; a state keeps its value */
PG_FUNCTION_INFO_V1(country_set_agg_expanded_final);
Datum
country_set_agg_expanded_final(PG_FUNCTION_ARGS)
{
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "country_set_agg_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(country_set_from_sorted_keys(NULL, 0));
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &expanded_methods);
	if (eoh != NULL)
	{
		CountrySetState *state = &((CountrySetExpanded *) eoh)->st;

		state_compact(state);
		PG_RETURN_POINTER(country_set_from_sorted_keys(state->keys, state->n));
	}
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}
