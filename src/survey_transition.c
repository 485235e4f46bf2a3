/*
 * survey_transition.c — iscm.transition_summary: panel transitions of one
 * item between two rounds for the same respondents, with McNemar's tests and
 * Newcombe's paired interval.
 *
 * The aggregate state holds two dictionaries: category strings -> index, and
 * cells keyed by the 8 bytes (before index + 1, after index + 1), 0 = NULL,
 * with the count of each cell and, for transition_agg(before, after, weight),
 * the compensated sum of its weights.
 */
#include "compat.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "server_util.h"
#include "survey_common.h"
#include "survey_dict.h"
#include "survey_format.h"

PG_FUNCTION_INFO_V1(transition_summary_in);
PG_FUNCTION_INFO_V1(transition_summary_out);
PG_FUNCTION_INFO_V1(transition_summary_recv);
PG_FUNCTION_INFO_V1(transition_agg_trans);
PG_FUNCTION_INFO_V1(transition_rollup_trans);
PG_FUNCTION_INFO_V1(transition_agg_final);
PG_FUNCTION_INFO_V1(transition_summary_combine);
PG_FUNCTION_INFO_V1(transition_summary_serialize);
PG_FUNCTION_INFO_V1(transition_summary_deserialize);
PG_FUNCTION_INFO_V1(transition_summary_transitions);
PG_FUNCTION_INFO_V1(transition_summary_pairs);
PG_FUNCTION_INFO_V1(transition_summary_mcnemar);
PG_FUNCTION_INFO_V1(transition_summary_paired_difference);
PG_FUNCTION_INFO_V1(transition_summary_to_jsonb);

typedef struct TransitionState
{
	SurveyDict	categories;
	SurveyDict	cells;
	bool		weighted;		/* the cells' weights are kept (SURVEY_FLAG_WEIGHTED) */
} TransitionState;

#define TYPE_NAME "iscm.transition_summary"

static void
transition_summary_read(struct varlena *value, TransitionSummaryView *view)
{
	survey_format_check(transition_summary_view((const uint8 *) VARDATA_ANY(value),
												VARSIZE_ANY_EXHDR(value), view),
						TYPE_NAME);
}

static TransitionState *
transition_state_new(MemoryContext cxt)
{
	TransitionState *st = MemoryContextAlloc(cxt, sizeof(TransitionState));

	survey_dict_init(&st->categories, cxt);
	survey_dict_init(&st->cells, cxt);
	st->weighted = false;
	return st;
}

/* the state of a transition function, made on the first row */
static TransitionState *
transition_state_current(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	TransitionState *st = aggregate_state_arg(fcinfo, 0);

	return st != NULL ? st : transition_state_new(cxt);
}

static void
add_cell(TransitionState *st, uint32 before, uint32 after, int64 count)
{
	uint32		key[2] = {before, after};
	SurveyDictEntry *e = survey_dict_entry(&st->cells, (const char *) key,
												 sizeof(key));

	if (pg_add_s64_overflow(e->count, count, &e->count))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("transition summary count out of range"));
}

static void
add_weighted_cell(TransitionState *st, uint32 before, uint32 after, int64 count, double weight)
{
	uint32		key[2] = {before, after};
	SurveyDictEntry *e = survey_dict_entry(&st->cells, (const char *) key,
										   sizeof(key));

	if (pg_add_s64_overflow(e->count, count, &e->count))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("transition summary count out of range"));
	survey_sum_add(&e->weight, weight);
}

/*
 * The kind (weighted or not) of a state that takes in the cells of another
 * state or summary.  Weighted and unweighted counts do not add up; an empty
 * one (no pairs: zero rows, or only declared categories) goes with either
 * kind, which keeps rollup associative, and a result with no pairs at all is
 * weighted when one of its parts was.
 */
static void
transition_state_adopt_kind(TransitionState *st, bool weighted, bool other_empty)
{
	if (other_empty)
	{
		if (st->cells.n == 0)
			st->weighted |= weighted;
		return;
	}
	if (st->cells.n == 0)
		st->weighted = weighted;
	else if (st->weighted != weighted)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot merge transition summaries of different kinds: %s and %s",
					   st->weighted ? "weighted" : "unweighted",
					   weighted ? "weighted" : "unweighted"),
				errhint("Use summaries of the same aggregate: transition_agg(before, after) or "
						"transition_agg(before, after, weight)."));
}

/* the number of a category in the state: 0 for NULL, else dictionary index + 1 */
static uint32
category_number(TransitionState *st, const char *chars, uint32 len)
{
	return survey_dict_lookup_fast(&st->categories, chars, len) + 1;
}

static void
merge_view(TransitionState *st, const TransitionSummaryView *view)
{
	uint32	   *slot = palloc(sizeof(uint32) * (view->ncat + 1));
	bool		weighted = (view->flags & SURVEY_FLAG_WEIGHTED) != 0;

	transition_state_adopt_kind(st, weighted, view->ncell == 0);

	slot[0] = 0;
	for (uint32 i = 0; i < view->ncat; i++)
	{
		SurveyCategory c = transition_summary_category(view, i);

		CHECK_FOR_INTERRUPTS();
		slot[i + 1] = category_number(st, c.text, c.len);
	}
	for (uint32 i = 0; i < view->ncell; i++)
	{
		TransitionCell c = transition_summary_cell(view, i);

		CHECK_FOR_INTERRUPTS();
		if (weighted)
			add_weighted_cell(st, slot[c.before], slot[c.after], c.count, c.weight);
		else
			add_cell(st, slot[c.before], slot[c.after], c.count);
	}
	pfree(slot);
}

static int
compare_cells(const void *a, const void *b, void *arg)
{
	const TransitionCell *x = a;
	const TransitionCell *y = b;

	if (x->before != y->before)
		return x->before < y->before ? -1 : 1;
	if (x->after != y->after)
		return x->after < y->after ? -1 : 1;
	return 0;
}

/* a category with the slot it had before sorting */
typedef struct SlottedCategory
{
	SurveyCategory category;
	uint32		slot;
} SlottedCategory;

static int
compare_slotted(const void *a, const void *b, void *arg)
{
	return survey_compare_categories(&((const SlottedCategory *) a)->category,
									 &((const SlottedCategory *) b)->category, arg);
}

/* the stored value of categories and cells already in the order of the format */
static struct varlena *
transition_build(uint8 flags, const SurveyCategory *cats, uint32 ncat, size_t string_bytes,
				 const TransitionCell *cells, uint32 ncell)
{
	size_t		size = transition_summary_size(ncat, string_bytes, ncell,
											   (flags & SURVEY_FLAG_WEIGHTED) != 0);
	struct varlena *result;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("transition summary too large"));
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	transition_summary_encode((uint8 *) VARDATA(result), flags, cats, ncat, cells, ncell);
	return result;
}

/*
 * The byte form of categories (any order) and cells naming them by slot (0 =
 * no answer, k = cats[k-1]), in any order: categories sorted by bytes, cells
 * renumbered and sorted.  Not validated: see transition_from_parts.
 */
static struct varlena *
transition_encode_parts(uint8 flags, const SurveyCategory *cats, uint32 ncat, TransitionCell *cells, uint32 ncell)
{
	SlottedCategory *sorted = palloc(sizeof(SlottedCategory) * ((size_t) ncat + 1));
	SurveyCategory *ordered = palloc(sizeof(SurveyCategory) * ((size_t) ncat + 1));
	uint32	   *rank = palloc(sizeof(uint32) * ((size_t) ncat + 1));
	size_t		string_bytes = 0;
	struct varlena *result;

	for (uint32 i = 0; i < ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		sorted[i].category = cats[i];
		sorted[i].slot = i + 1;
	}
	survey_sort(sorted, ncat, sizeof(SlottedCategory), compare_slotted, NULL);
	rank[0] = 0;
	for (uint32 i = 0; i < ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		ordered[i] = sorted[i].category;
		rank[sorted[i].slot] = i + 1;
		string_bytes += sorted[i].category.len;
	}
	for (uint32 i = 0; i < ncell; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cells[i].before = rank[cells[i].before];
		cells[i].after = rank[cells[i].after];
	}
	survey_sort(cells, ncell, sizeof(TransitionCell), compare_cells, NULL);

	result = transition_build(flags, ordered, ncat, string_bytes, cells, ncell);
	pfree(sorted);
	pfree(ordered);
	pfree(rank);
	return result;
}

/*
 * A summary from figures that come from outside (the JSON text form or the
 * binary form), checked by the one validator of survey_format.c, so both
 * forms accept exactly the same values.  NULL, with the reason in *status,
 * when they do not make a summary.
 */
static struct varlena *
transition_from_parts(uint8 flags, const SurveyCategory *cats, uint32 ncat, TransitionCell *cells, uint32 ncell,
					  SurveyFormatStatus *status)
{
	struct varlena *result = transition_encode_parts(flags, cats, ncat, cells, ncell);

	*status = transition_summary_validate((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ);
	if (*status != SURVEY_FORMAT_OK)
	{
		pfree(result);
		return NULL;
	}
	return result;
}

static struct varlena *
transition_state_encode(const TransitionState *st)
{
	uint32		ncat = st ? st->categories.n : 0;
	uint32		ncell = st ? st->cells.n : 0;
	SurveyCategory *cats = palloc(sizeof(SurveyCategory) * ((size_t) ncat + 1));
	TransitionCell *cells = palloc(sizeof(TransitionCell) * ((size_t) ncell + 1));
	int64		total = 0;
	double		weight_total = 0.0;
	bool		weighted = st && st->weighted;

	for (uint32 i = 0; i < ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i].text = st->categories.entries[i].text;
		cats[i].len = st->categories.entries[i].len;
		cats[i].count = 0;
		cats[i].weight = 0.0;
	}
	for (uint32 i = 0; i < ncell; i++)
	{
		uint32		key[2];

		CHECK_FOR_INTERRUPTS();
		memcpy(key, st->cells.entries[i].text, sizeof(key));
		cells[i].before = key[0];
		cells[i].after = key[1];
		cells[i].count = st->cells.entries[i].count;
		cells[i].weight = weighted ? survey_sum_value(&st->cells.entries[i].weight) : 0.0;
		weight_total += cells[i].weight;
		/* each cell fits in an int64 (add_cell checks); their total must too */
		if (pg_add_s64_overflow(total, cells[i].count, &total))
			ereport(ERROR,
					errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("transition summary count out of range"),
					errdetail("The pairs add up to more than " INT64_FORMAT ".", PG_INT64_MAX));
	}
	/* finite weights can add up to an infinite total (a cell's sum or all of them) */
	if (!isfinite(weight_total))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("sum of survey weights out of range"),
				errhint("Rescale the weights, for example so that they sum to the number of respondents."));
	return transition_encode_parts(weighted ? SURVEY_FLAG_WEIGHTED : 0, cats, ncat, cells, ncell);
}

/* ---- aggregate ------------------------------------------------------------ */

/*
 * The rows of the transition functions, shared by the state kept as internal
 * (the aggregates of 1.0) and as an expanded summary (1.1).
 */

/* one (before, after) pair: arguments 1 and 2, NULL = no answer in that round */
static inline void
transition_state_add_pair(TransitionState *st, FunctionCallInfo fcinfo)
{
	uint32		before = 0,
				after = 0;

	if (!PG_ARGISNULL(1))
	{
		text	   *t = PG_GETARG_TEXT_PP(1);

		before = category_number(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	if (!PG_ARGISNULL(2))
	{
		text	   *t = PG_GETARG_TEXT_PP(2);

		after = category_number(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	add_cell(st, before, after, 1);
}

/*
 * One weighted pair: arguments 1 and 2 as above, argument 3 the weight.  A
 * respondent who answered in neither round enters no estimate, so the
 * weight may be NULL there (counted as 0), as answer_agg allows for a NULL
 * answer; a weight that is given is checked all the same.
 */
static inline void
transition_state_add_weighted_pair(TransitionState *st, FunctionCallInfo fcinfo)
{
	uint32		before = 0,
				after = 0;
	double		w;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2) && PG_ARGISNULL(3))
		w = 0.0;
	else
		w = survey_weight_arg(fcinfo, 3);
	if (!PG_ARGISNULL(1))
	{
		text	   *t = PG_GETARG_TEXT_PP(1);

		before = category_number(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	if (!PG_ARGISNULL(2))
	{
		text	   *t = PG_GETARG_TEXT_PP(2);

		after = category_number(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	st->weighted = true;
	add_weighted_cell(st, before, after, 1, w);
}

/* a stored summary (argument 1; NULL is skipped) */
static void
transition_state_add_summary(TransitionState *st, FunctionCallInfo fcinfo)
{
	if (!PG_ARGISNULL(1))
	{
		TransitionSummaryView view;

		transition_summary_read(PG_GETARG_VARLENA_PP(1), &view);
		merge_view(st, &view);
	}
}

/* the cells and declared categories of another state, its categories renumbered into st's */
static void
transition_state_merge(TransitionState *st, const TransitionState *other)
{
	transition_state_adopt_kind(st, other->weighted, other->cells.n == 0);
	/* every category, also those no cell names (declared by with_categories) */
	for (uint32 i = 0; i < other->categories.n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		(void) category_number(st, other->categories.entries[i].text, other->categories.entries[i].len);
	}
	for (uint32 i = 0; i < other->cells.n; i++)
	{
		uint32		key[2];
		uint32		slot[2];

		CHECK_FOR_INTERRUPTS();
		memcpy(key, other->cells.entries[i].text, sizeof(key));
		for (int side = 0; side < 2; side++)
		{
			const SurveyDictEntry *c = key[side] ? &other->categories.entries[key[side] - 1] : NULL;

			slot[side] = c ? category_number(st, c->text, c->len) : 0;
		}
		if (other->weighted)
		{
			uint32		k[2] = {slot[0], slot[1]};
			SurveyDictEntry *e = survey_dict_entry(&st->cells, (const char *) k, sizeof(k));

			if (pg_add_s64_overflow(e->count, other->cells.entries[i].count, &e->count))
				ereport(ERROR,
						errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("transition summary count out of range"));
			survey_sum_merge(&e->weight, &other->cells.entries[i].weight);
		}
		else
			add_cell(st, slot[0], slot[1], other->cells.entries[i].count);
	}
}

Datum
transition_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_agg_trans");
	TransitionState *st = transition_state_current(fcinfo, cxt);

	transition_state_add_pair(st, fcinfo);
	PG_RETURN_POINTER(st);
}

Datum
transition_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_rollup_trans");
	TransitionState *st = transition_state_current(fcinfo, cxt);

	transition_state_add_summary(st, fcinfo);
	PG_RETURN_POINTER(st);
}

Datum
transition_agg_final(PG_FUNCTION_ARGS)
{
	(void) aggregate_context(fcinfo, "transition_agg_final");
	PG_RETURN_POINTER(transition_state_encode(aggregate_state_arg(fcinfo, 0)));
}

Datum
transition_summary_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_summary_combine");
	TransitionState *a = aggregate_state_arg(fcinfo, 0);
	TransitionState *b = aggregate_state_arg(fcinfo, 1);

	if (b == NULL)
		return aggregate_keep_first(fcinfo);
	if (a == NULL)
		a = transition_state_new(cxt);
	transition_state_merge(a, b);
	PG_RETURN_POINTER(a);
}

Datum
transition_summary_serialize(PG_FUNCTION_ARGS)
{
	(void) aggregate_context(fcinfo, "transition_summary_serialize");
	PG_RETURN_BYTEA_P(transition_state_encode((TransitionState *) PG_GETARG_POINTER(0)));
}

Datum
transition_summary_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_summary_deserialize");
	TransitionSummaryView view;
	TransitionState *st;

	transition_summary_read((struct varlena *) PG_GETARG_BYTEA_PP(0), &view);
	st = transition_state_new(cxt);
	merge_view(st, &view);
	PG_RETURN_POINTER(st);
}

/* ---- the state as an expanded transition_summary (the aggregates of 1.1) -- */

/*
 * As in survey_answer.c: the state type is iscm.transition_summary, so that
 * Citus can split the aggregates; in memory it is the TransitionState above
 * behind an expanded-object header (server_util.h), changed in place row by
 * row and written in the stored format only when it leaves the aggregate.
 */
typedef struct TransitionExpanded
{
	ExpandedObjectHeader hdr;
	TransitionState st;
} TransitionExpanded;

static Size transition_expanded_flat_size(ExpandedObjectHeader *eoh);
static void transition_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size);

static const ExpandedObjectMethods transition_expanded_methods = {
	transition_expanded_flat_size,
	transition_expanded_flatten
};

static Size
transition_expanded_flat_size(ExpandedObjectHeader *eoh)
{
	const TransitionState *st = &((TransitionExpanded *) eoh)->st;
	size_t		string_bytes = 0;
	size_t		size;

	for (uint32 i = 0; i < st->categories.n; i++)
		string_bytes += st->categories.entries[i].len;
	size = transition_summary_size(st->categories.n, string_bytes, st->cells.n, st->weighted);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("transition summary too large"));
	return VARHDRSZ + size;
}

static struct varlena *
transition_expanded_encode(ExpandedObjectHeader *eoh)
{
	return (struct varlena *) transition_state_encode(&((TransitionExpanded *) eoh)->st);
}

static void
transition_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	expanded_state_flatten(eoh, transition_expanded_encode, result, allocated_size, "transition_summary");
}

static TransitionExpanded *
transition_expanded_new(MemoryContext aggcxt)
{
	MemoryContext cxt = aggregate_state_context(aggcxt);
	TransitionExpanded *x = MemoryContextAllocZero(cxt, sizeof(TransitionExpanded));

	EOH_init_header(&x->hdr, &transition_expanded_methods, cxt);
	survey_dict_init(&x->st.categories, cxt);
	survey_dict_init(&x->st.cells, cxt);
	x->st.weighted = false;
	return x;
}

static void
transition_state_merge_datum(TransitionState *st, Datum value)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &transition_expanded_methods);

	if (eoh != NULL)
		transition_state_merge(st, &((TransitionExpanded *) eoh)->st);
	else
	{
		TransitionSummaryView view;

		transition_summary_read((struct varlena *) PG_DETOAST_DATUM_PACKED(value), &view);
		merge_view(st, &view);
	}
}

static inline TransitionExpanded *
transition_expanded_arg(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, aggcxt, &transition_expanded_methods);
	TransitionExpanded *x;

	if (likely(eoh != NULL))
		return (TransitionExpanded *) eoh;
	x = transition_expanded_new(aggcxt);
	if (!PG_ARGISNULL(0))
		transition_state_merge_datum(&x->st, PG_GETARG_DATUM(0));
	return x;
}

PG_FUNCTION_INFO_V1(transition_agg_expanded_trans);
Datum
transition_agg_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_agg_trans");
	TransitionExpanded *x = transition_expanded_arg(fcinfo, cxt);

	transition_state_add_pair(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(transition_agg_weighted_expanded_trans);
Datum
transition_agg_weighted_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_agg_weighted_trans");
	TransitionExpanded *x = transition_expanded_arg(fcinfo, cxt);

	transition_state_add_weighted_pair(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(transition_rollup_expanded_trans);
Datum
transition_rollup_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_rollup_trans");
	TransitionExpanded *x = transition_expanded_arg(fcinfo, cxt);

	transition_state_add_summary(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(transition_summary_expanded_combine);
Datum
transition_summary_expanded_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "transition_summary_combine");
	TransitionExpanded *x;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	x = transition_expanded_arg(fcinfo, cxt);
	transition_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(transition_agg_expanded_final);
Datum
transition_agg_expanded_final(PG_FUNCTION_ARGS)
{
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "transition_agg_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(transition_state_encode(NULL));
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &transition_expanded_methods);
	if (eoh != NULL)
		PG_RETURN_POINTER(transition_state_encode(&((TransitionExpanded *) eoh)->st));
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}

/* the same, but zero rows give an empty weighted summary, as answer_agg's weighted form does */
PG_FUNCTION_INFO_V1(transition_agg_weighted_expanded_final);
Datum
transition_agg_weighted_expanded_final(PG_FUNCTION_ARGS)
{
	TransitionState empty;

	(void) aggregate_context(fcinfo, "transition_agg_weighted_final");
	if (!PG_ARGISNULL(0))
		return transition_agg_expanded_final(fcinfo);
	survey_dict_init(&empty.categories, CurrentMemoryContext);
	survey_dict_init(&empty.cells, CurrentMemoryContext);
	empty.weighted = true;
	PG_RETURN_POINTER(transition_state_encode(&empty));
}

/* ---- I/O ---------------------------------------------------------------------- */

/*
 * The message is the byte format of survey_format.h, except that category
 * texts are in the client encoding, as textrecv reads text (pq_getmsgtext),
 * and categories and cells may therefore come in any order.
 */
Datum
transition_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8 *bytes = (const uint8 *) buf->data + buf->cursor;
	TransitionSummaryView view;
	struct varlena *result;
	SurveyFormatStatus status = transition_summary_view_unordered(bytes, (size_t) (buf->len - buf->cursor),
																  &view);

	if (status == SURVEY_FORMAT_OK)
	{
		SurveyCategory *cats = palloc(sizeof(SurveyCategory) * ((size_t) view.ncat + 1));
		TransitionCell *cells = palloc(sizeof(TransitionCell) * ((size_t) view.ncell + 1));

		for (uint32 i = 0; i < view.ncell; i++)
		{
			CHECK_FOR_INTERRUPTS();
			cells[i] = transition_summary_cell(&view, i);
		}
		for (uint32 i = 0; i < view.ncat; i++)
		{
			CHECK_FOR_INTERRUPTS();
			cats[i] = transition_summary_category(&view, i);
		}
		/* the texts follow the cells, in entry order */
		buf->cursor += (int) (view.strings - bytes);
		survey_recv_category_texts(buf, cats, view.ncat);
		result = transition_from_parts(view.flags, cats, view.ncat, cells, view.ncell, &status);
		if (result != NULL)
			PG_RETURN_POINTER(result);
	}
	survey_recv_error(status, TYPE_NAME);
}

/* category texts converted to the client encoding, as textsend sends text */
bytea *
transition_summary_send_bytes(struct varlena *value)
{
	TransitionSummaryView view;
	SurveyCategory *cats;
	TransitionCell *cells;
	size_t		string_bytes = 0;
	struct varlena *wire = value;
	StringInfoData buf;

	transition_summary_read(value, &view);
	cats = palloc(sizeof(SurveyCategory) * ((size_t) view.ncat + 1));
	for (uint32 i = 0; i < view.ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i] = transition_summary_category(&view, i);
	}
	if (survey_categories_to_client(cats, view.ncat, &string_bytes))
	{
		/* the cells as stored; only the texts (and so their lengths) change */
		cells = palloc(sizeof(TransitionCell) * ((size_t) view.ncell + 1));
		for (uint32 i = 0; i < view.ncell; i++)
		{
			CHECK_FOR_INTERRUPTS();
			cells[i] = transition_summary_cell(&view, i);
		}
		wire = transition_build(view.flags, cats, view.ncat, string_bytes, cells, view.ncell);
	}
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(wire), VARSIZE_ANY_EXHDR(wire));
	return pq_endtypsend(&buf);
}

static void
write_side(StringInfo buf, const TransitionSummaryView *view, uint32 slot)
{
	if (slot == 0)
		appendStringInfoString(buf, "null");
	else
	{
		SurveyCategory c = transition_summary_category(view, slot - 1);

		survey_json_string(buf, c.text, c.len);
	}
}

/*
 * Which categories some cell names; the others were declared with
 * with_categories.  used[k] for category k (0-based).
 */
static bool *
categories_used(const TransitionSummaryView *view)
{
	bool	   *used = palloc0(sizeof(bool) * ((size_t) view->ncat + 1));

	for (uint32 i = 0; i < view->ncell; i++)
	{
		TransitionCell c = transition_summary_cell(view, i);

		CHECK_FOR_INTERRUPTS();
		if (c.before)
			used[c.before - 1] = true;
		if (c.after)
			used[c.after - 1] = true;
	}
	return used;
}

/*
 * The text form.  The keys of weights and declared categories appear only
 * when there are any, so an unweighted summary without declared categories
 * reads as it always did.
 */
static char *
transition_json(const TransitionSummaryView *view)
{
	StringInfoData buf;
	bool		weighted = (view->flags & SURVEY_FLAG_WEIGHTED) != 0;
	bool	   *used = categories_used(view);
	bool		first = true;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"format\": %d, ", SURVEY_FORMAT_VERSION);
	if (weighted)
		appendStringInfoString(&buf, "\"weighted\": true, ");
	appendStringInfoString(&buf, "\"transitions\": [");
	for (uint32 i = 0; i < view->ncell; i++)
	{
		TransitionCell c = transition_summary_cell(view, i);

		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfoChar(&buf, '[');
		write_side(&buf, view, c.before);
		appendStringInfoString(&buf, ", ");
		write_side(&buf, view, c.after);
		appendStringInfo(&buf, ", " INT64_FORMAT, c.count);
		if (weighted)
		{
			appendStringInfoString(&buf, ", ");
			survey_json_float(&buf, c.weight);
		}
		appendStringInfoChar(&buf, ']');
	}
	appendStringInfoChar(&buf, ']');
	for (uint32 k = 0; k < view->ncat; k++)
	{
		CHECK_FOR_INTERRUPTS();
		if (used[k])
			continue;
		appendStringInfoString(&buf, first ? ", \"declared\": [" : ", ");
		first = false;
		write_side(&buf, view, k + 1);
	}
	if (!first)
		appendStringInfoChar(&buf, ']');
	appendStringInfoChar(&buf, '}');
	pfree(used);
	return buf.data;
}

Datum
transition_summary_out(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_CSTRING(transition_json(&view));
}

Datum
transition_summary_in(PG_FUNCTION_ARGS)
{
	static const char *const keys[] = {"format", "weighted", "transitions", "declared", NULL};
	char	   *str = PG_GETARG_CSTRING(0);
	Jsonb	   *jb = survey_json_parse_input(str, fcinfo->context);
	JsonbValue	v;
	int64		format;
	char	   *unknown;
	bool		weighted = false;
	int			width;
	SurveyDict	categories;
	TransitionCell *cells;
	uint32		ncell = 0;
	SurveyCategory *cats;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	struct varlena *result;
	SurveyFormatStatus status;

	if (jb == NULL)
		return (Datum) 0;		/* soft error, already reported */
	if ((unknown = survey_json_unknown_key(jb, keys)) != NULL)
		return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, psprintf("Unexpected key %s; expected format, weighted, transitions and declared.", unknown));
	if (!survey_json_key(&jb->root, "format", &v) || !survey_json_int64(&v, &format) ||
		format != SURVEY_FORMAT_VERSION)
		return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, psprintf("Key \"format\" must be %d.", SURVEY_FORMAT_VERSION));
	if (survey_json_key(&jb->root, "weighted", &v))
	{
		if (v.type != jbvBool)
			return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "Key \"weighted\" must be true or false.");
		weighted = v.val.boolean;
	}
	width = weighted ? 4 : 3;

	survey_dict_init(&categories, CurrentMemoryContext);
	/* declared categories first: their order does not matter, the value is sorted */
	if (survey_json_key(&jb->root, "declared", &v))
	{
		if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
			return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "Key \"declared\" must be an array of category strings.");
		it = JsonbIteratorInit(v.val.binary.data);
		while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		{
			CHECK_FOR_INTERRUPTS();
			if (tok != WJB_ELEM)
				continue;
			if (v.type != jbvString)
				return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "Key \"declared\" must be an array of category strings.");
			(void) survey_dict_lookup_fast(&categories, v.val.string.val, v.val.string.len);
		}
	}
	if (!survey_json_key(&jb->root, "transitions", &v) || v.type != jbvBinary ||
		!JsonContainerIsArray(v.val.binary.data))
		return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, weighted ?
									 "Key \"transitions\" must be an array of [before, after, count, weight] quadruples." :
									 "Key \"transitions\" must be an array of [before, after, count] triples.");

	cells = palloc(sizeof(TransitionCell) * ((size_t) JsonContainerSize(v.val.binary.data) + 1));
	it = JsonbIteratorInit(v.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		JsonbValue *side[2];
		JsonbValue *cnt;
		uint32		slot[2];
		int64		count;
		double		weight = 0.0;

		CHECK_FOR_INTERRUPTS();
		if (tok != WJB_ELEM)
			continue;
		if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
			JsonContainerSize(v.val.binary.data) != (uint32) width)
			return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, weighted ?
										 "Each transition of a weighted summary must be an array [before, after, count, weight]." :
										 "Each transition must be an array [before, after, count].");
		side[0] = getIthJsonbValueFromContainer(v.val.binary.data, 0);
		side[1] = getIthJsonbValueFromContainer(v.val.binary.data, 1);
		cnt = getIthJsonbValueFromContainer(v.val.binary.data, 2);
		for (int s = 0; s < 2; s++)
		{
			if (side[s]->type == jbvNull)
				slot[s] = 0;
			else if (side[s]->type == jbvString)
				slot[s] = survey_dict_lookup_fast(&categories, side[s]->val.string.val,
												  side[s]->val.string.len) + 1;
			else
				return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "The answers of a transition must be strings or null.");
		}
		if (!survey_json_int64(cnt, &count) || count < 1)
			return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "The count of a transition must be an integer >= 1.");
		if (weighted &&
			!survey_json_float8(getIthJsonbValueFromContainer(v.val.binary.data, 3), &weight))
			return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, "The weight of a transition must be a number.");
		cells[ncell].before = slot[0];
		cells[ncell].after = slot[1];
		cells[ncell].count = count;
		cells[ncell].weight = weight + 0.0;	/* -0 is 0 */
		ncell++;
	}
	cats = palloc(sizeof(SurveyCategory) * ((size_t) categories.n + 1));
	for (uint32 i = 0; i < categories.n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i].text = categories.entries[i].text;
		cats[i].len = categories.entries[i].len;
		cats[i].count = 0;
		cats[i].weight = 0.0;
	}
	result = transition_from_parts(weighted ? SURVEY_FLAG_WEIGHTED : 0, cats, categories.n, cells, ncell, &status);
	if (result == NULL)
		return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, psprintf("%s.", survey_format_status_message(status)));
	PG_RETURN_POINTER(result);
}

/* ---- accessors ------------------------------------------------------------- */

Datum
transition_summary_to_jsonb(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_POINTER(survey_json_parse(transition_json(&view)));
}

static void *
transitions_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	TransitionSummaryView *view = palloc(sizeof(TransitionSummaryView));

	/* PG_GETARG_VARLENA_P copies into the multi-call context: the view stays valid */
	transition_summary_read(PG_GETARG_VARLENA_P(0), view);
	*max_calls = view->ncell;
	return view;
}

Datum
transition_summary_transitions(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	TransitionSummaryView *view;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, transitions_start, true, "iscm.transitions");
	funcctx = SRF_PERCALL_SETUP();
	view = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		TransitionCell c = transition_summary_cell(view, (uint32) funcctx->call_cntr);
		Datum		values[3];
		bool		nulls[3] = {c.before == 0, c.after == 0, false};

		if (c.before)
		{
			SurveyCategory cat = transition_summary_category(view, c.before - 1);

			values[0] = PointerGetDatum(cstring_to_text_with_len(cat.text, (int) cat.len));
		}
		if (c.after)
		{
			SurveyCategory cat = transition_summary_category(view, c.after - 1);

			values[1] = PointerGetDatum(cstring_to_text_with_len(cat.text, (int) cat.len));
		}
		values[2] = Int64GetDatum(c.count);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* *total += n for counts read from a summary; ERROR instead of overflow */
static void
add_count(int64 *total, int64 n)
{
	if (pg_add_s64_overflow(*total, n, total))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("transition summary count out of range"));
}

/* the 2x2 table of complete pairs for "answered category": yes/no before x after */
typedef struct PairedTable
{
	int64		yes_yes;
	int64		yes_no;			/* answered it before, not after */
	int64		no_yes;			/* took it up */
	int64		no_no;
} PairedTable;

static PairedTable
paired_table(const TransitionSummaryView *view, text *category)
{
	int64		found = transition_summary_find(view, VARDATA_ANY(category),
												VARSIZE_ANY_EXHDR(category));
	uint32		slot;
	PairedTable t = {0, 0, 0, 0};

	/* given in neither round: a mistake ('Yes' for 'yes'), not "no change" */
	if (found < 0)
	{
		SurveyCategory *cats = palloc(sizeof(SurveyCategory) * (view->ncat + 1));

		for (uint32 i = 0; i < view->ncat; i++)
		{
			CHECK_FOR_INTERRUPTS();
			cats[i] = transition_summary_category(view, i);
		}
		survey_unknown_category(VARDATA_ANY(category), VARSIZE_ANY_EXHDR(category),
								cats, view->ncat,
								"A transition summary knows the answers given in either round and those declared "
								"with iscm.with_categories(t, ARRAY['yes', 'no', ...]); declare the question's "
								"answers to test one that nobody gave.");
	}
	slot = (uint32) found + 1;

	for (uint32 i = 0; i < view->ncell; i++)
	{
		TransitionCell c = transition_summary_cell(view, i);
		bool		before,
					after;

		CHECK_FOR_INTERRUPTS();
		if (c.before == 0 || c.after == 0)
			continue;
		before = slot != 0 && c.before == slot;
		after = slot != 0 && c.after == slot;
		if (before && after)
			add_count(&t.yes_yes, c.count);
		else if (before)
			add_count(&t.yes_no, c.count);
		else if (after)
			add_count(&t.no_yes, c.count);
		else
			add_count(&t.no_no, c.count);
	}
	return t;
}

Datum
transition_summary_pairs(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;
	int64		pairs = 0;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	for (uint32 i = 0; i < view.ncell; i++)
	{
		TransitionCell c = transition_summary_cell(&view, i);

		CHECK_FOR_INTERRUPTS();
		if (c.before != 0 && c.after != 0)
			add_count(&pairs, c.count);
	}
	PG_RETURN_INT64(pairs);
}

/*
 * McNemar's test and Newcombe's interval take the cells as counts of
 * independently sampled pairs.  Weighted cell totals are estimates of
 * population counts: put into these formulas as if they were counts, their
 * scale (weights summing to the population or to n) would set the P value,
 * and with design weights the variance ignores the design.  The paired change
 * is the mean of d = [after = c] - [before = c] over complete pairs, whose
 * design-based estimate and standard error design_value_agg gives.
 */
static void
check_unweighted(const TransitionSummaryView *view, const char *what)
{
	if (view->flags & SURVEY_FLAG_WEIGHTED)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s needs an unweighted transition summary", what),
				errdetail("Weighted counts are estimates of population counts, not counts of sampled pairs; "
						  "a test or interval that takes them as counts is not valid."),
				errhint("For the design-based paired change of category c, aggregate "
						"iscm.design_value_agg(((after = c)::int - (before = c)::int)::float8, weight[, stratum, psu]) "
						"(NULL, outside the domain, for a respondent missing a round) and read iscm.mean, "
						"iscm.mean_se, iscm.mean_ci_lower and iscm.mean_ci_upper; iscm.cells(t) gives the weighted flows."));
}

Datum
transition_summary_mcnemar(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;
	SurveyMcNemarMethod method = survey_mcnemar_method_arg(PG_GETARG_TEXT_PP(2));
	PairedTable t;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	check_unweighted(&view, "mcnemar");
	t = paired_table(&view, PG_GETARG_TEXT_PP(1));
	PG_RETURN_FLOAT8(survey_mcnemar(method, t.yes_no, t.no_yes));
}

/* change after - before, Newcombe's square-and-add interval with "after" as the first measure */
Datum
transition_summary_paired_difference(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;
	double		level = survey_level_arg(PG_GETARG_FLOAT8(2));
	PairedTable t;
	double		n;
	SurveyInterval interval = {0.0, 0.0};

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	check_unweighted(&view, "paired_difference");
	t = paired_table(&view, PG_GETARG_TEXT_PP(1));
	n = (double) t.yes_yes + t.yes_no + t.no_yes + t.no_no;
	if (n > 0)
		interval = survey_newcombe_paired(t.yes_yes, t.no_yes, t.yes_no, t.no_no, level);
	return survey_interval_datum(fcinfo, n > 0, n > 0 ? (t.no_yes - t.yes_no) / n : 0.0,
								 interval, "newcombe_paired", level);
}

/* ---- weights and declared categories ---------------------------------------- */

PG_FUNCTION_INFO_V1(transition_summary_weighted);
Datum
transition_summary_weighted(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_BOOL((view.flags & SURVEY_FLAG_WEIGHTED) != 0);
}

/*
 * iscm.with_categories(t, categories): t with every listed category it lacks
 * added, in neither round's answers (the concept of answer_summary's
 * with_categories).  mcnemar and paired_difference refuse a category the
 * summary does not know, since a typo must not read as "nobody changed"; a
 * caller who knows the question's answers declares them here, and the
 * category then has its (empty) row and column in cells().
 */
PG_FUNCTION_INFO_V1(transition_summary_with_categories);
Datum
transition_summary_with_categories(PG_FUNCTION_ARGS)
{
	TransitionSummaryView view;
	ArrayType  *declared = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	SurveyDict	dict;
	SurveyCategory *cats;
	TransitionCell *cells;

	transition_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	deconstruct_array(declared, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	/* the summary's categories keep their numbers (dictionary index = view index) */
	survey_dict_init(&dict, CurrentMemoryContext);
	for (uint32 i = 0; i < view.ncat; i++)
	{
		SurveyCategory c = transition_summary_category(&view, i);

		CHECK_FOR_INTERRUPTS();
		(void) survey_dict_lookup(&dict, c.text, c.len);
	}
	for (int i = 0; i < n; i++)
	{
		text	   *t;

		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("declared categories must not contain NULL"),
					errhint("Non-response in a round is the NULL side of a transition, not a category."));
		t = DatumGetTextPP(elems[i]);
		(void) survey_dict_lookup(&dict, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	if (dict.n == view.ncat)
		PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));

	cats = palloc(sizeof(SurveyCategory) * ((size_t) dict.n + 1));
	for (uint32 i = 0; i < dict.n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i].text = dict.entries[i].text;
		cats[i].len = dict.entries[i].len;
		cats[i].count = 0;
		cats[i].weight = 0.0;
	}
	cells = palloc(sizeof(TransitionCell) * ((size_t) view.ncell + 1));
	for (uint32 i = 0; i < view.ncell; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cells[i] = transition_summary_cell(&view, i);
	}
	PG_RETURN_POINTER(transition_encode_parts(view.flags, cats, dict.n, cells, view.ncell));
}

/* the state of iscm.cells(t): the summary and where the walk over its stored cells is */
typedef struct CellsWalk
{
	TransitionSummaryView view;
	uint32		next_cell;		/* the first stored cell not yet returned */
	double		pairs_weight;	/* total weight (count when unweighted) of complete pairs */
} CellsWalk;

static void *
cells_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	CellsWalk  *walk = palloc0(sizeof(CellsWalk));
	uint64		side;

	/* PG_GETARG_VARLENA_P copies into the multi-call context: the view stays valid */
	transition_summary_read(PG_GETARG_VARLENA_P(0), &walk->view);
	for (uint32 i = 0; i < walk->view.ncell; i++)
	{
		TransitionCell c = transition_summary_cell(&walk->view, i);

		CHECK_FOR_INTERRUPTS();
		if (c.before != 0 && c.after != 0)
			walk->pairs_weight += c.weight;
	}
	side = (uint64) walk->view.ncat + 1;
	*max_calls = side * side;
	return walk;
}

/*
 * Every (before, after) of the categories the summary knows, non-response
 * (NULL) included, in the stored order of the cells (NULL first, then the
 * categories in byte order), with 0 where nobody made that transition.
 */
PG_FUNCTION_INFO_V1(transition_summary_cells);
Datum
transition_summary_cells(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	CellsWalk  *walk;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, cells_start, true, "iscm.cells");
	funcctx = SRF_PERCALL_SETUP();
	walk = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		uint64		side = (uint64) walk->view.ncat + 1;
		uint32		before = (uint32) (funcctx->call_cntr / side);
		uint32		after = (uint32) (funcctx->call_cntr % side);
		bool		weighted = (walk->view.flags & SURVEY_FLAG_WEIGHTED) != 0;
		int64		count = 0;
		double		weight = 0.0;
		Datum		values[5];
		bool		nulls[5] = {before == 0, after == 0, false, !weighted, false};

		if (walk->next_cell < walk->view.ncell)
		{
			TransitionCell c = transition_summary_cell(&walk->view, walk->next_cell);

			if (c.before == before && c.after == after)
			{
				count = c.count;
				weight = c.weight;
				walk->next_cell++;
			}
		}
		if (before)
		{
			SurveyCategory cat = transition_summary_category(&walk->view, before - 1);

			values[0] = PointerGetDatum(cstring_to_text_with_len(cat.text, (int) cat.len));
		}
		if (after)
		{
			SurveyCategory cat = transition_summary_category(&walk->view, after - 1);

			values[1] = PointerGetDatum(cstring_to_text_with_len(cat.text, (int) cat.len));
		}
		values[2] = Int64GetDatum(count);
		values[3] = Float8GetDatum(weight);
		/* a share of the complete pairs: none for non-response, or when no pair weighs anything */
		nulls[4] = before == 0 || after == 0 || !(walk->pairs_weight > 0.0);
		values[4] = Float8GetDatum(nulls[4] ? 0.0 : (weighted ? weight : (double) count) / walk->pairs_weight);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
