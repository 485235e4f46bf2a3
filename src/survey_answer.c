/*
 * survey_answer.c — iscm.answer_summary: the type, its aggregates
 * (answer_agg, choices_agg, rollup) and the aggregate state they share.
 *
 * The state is an in-memory dictionary of categories (survey_dict.c); the
 * stored value, the binary I/O and the serialized state all use the byte
 * format of survey_format.h.  Accessors live in survey_answer_access.c.
 */

#include "compat.h"

#include <math.h>

#include "catalog/pg_type_d.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "server_util.h"
#include "survey_common.h"

#define TYPE_NAME "iscm.answer_summary"

PG_FUNCTION_INFO_V1(answer_summary_in);
PG_FUNCTION_INFO_V1(answer_summary_out);
PG_FUNCTION_INFO_V1(answer_summary_recv);
PG_FUNCTION_INFO_V1(answer_agg_trans);
PG_FUNCTION_INFO_V1(answer_agg_weighted_trans);
PG_FUNCTION_INFO_V1(choices_agg_trans);
PG_FUNCTION_INFO_V1(choices_agg_weighted_trans);
PG_FUNCTION_INFO_V1(answer_rollup_trans);
PG_FUNCTION_INFO_V1(answer_agg_final);
PG_FUNCTION_INFO_V1(answer_agg_weighted_final);
PG_FUNCTION_INFO_V1(choices_agg_final);
PG_FUNCTION_INFO_V1(choices_agg_weighted_final);
PG_FUNCTION_INFO_V1(answer_rollup_final);
PG_FUNCTION_INFO_V1(answer_summary_combine);
PG_FUNCTION_INFO_V1(answer_summary_serialize);
PG_FUNCTION_INFO_V1(answer_summary_deserialize);
PG_FUNCTION_INFO_V1(answer_summary_with_categories);

/* ---- reading stored values ----------------------------------------------- */

void
answer_summary_read(struct varlena *value, AnswerSummaryView *view)
{
	survey_format_check(answer_summary_view((const uint8 *) VARDATA_ANY(value),
											VARSIZE_ANY_EXHDR(value), view),
						TYPE_NAME);
}

/* ---- the aggregate state --------------------------------------------------- */

static AnswerState *
answer_state_new(MemoryContext cxt, uint8 flags)
{
	AnswerState *st = MemoryContextAllocZero(cxt, sizeof(AnswerState));

	survey_dict_init(&st->dict, cxt);
	st->flags = flags;
	return st;
}

static bool
answer_state_empty(const AnswerState *st)
{
	return st->respondents == 0 && st->missing == 0;
}

/*
 * Summaries of different kinds cannot be merged or compared, except that an
 * empty one (zero rows) is neutral whatever its kind: that keeps rollup
 * associative.
 */
void
answer_summary_check_kinds(uint8 flags_a, bool empty_a, uint8 flags_b, bool empty_b,
						   const char *action)
{
	flags_a &= ANSWER_KIND_FLAGS;
	flags_b &= ANSWER_KIND_FLAGS;
	if (empty_a || empty_b || flags_a == flags_b)
		return;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("cannot %s summaries of different kinds: %s %s and %s %s", action,
					(flags_a & SURVEY_FLAG_WEIGHTED) ? "weighted" : "unweighted",
					(flags_a & SURVEY_FLAG_MULTIPLE) ? "multiple-choice" : "single-choice",
					(flags_b & SURVEY_FLAG_WEIGHTED) ? "weighted" : "unweighted",
					(flags_b & SURVEY_FLAG_MULTIPLE) ? "multiple-choice" : "single-choice"),
			errhint("Use summaries of the same aggregate: answer_agg or choices_agg, both with or both without weights."));
}

static void
answer_state_adopt_flags(AnswerState *st, uint8 flags, bool other_empty)
{
	flags &= ANSWER_KIND_FLAGS;
	answer_summary_check_kinds(st->flags, answer_state_empty(st), flags, other_empty, "combine");
	if (!other_empty)
		st->flags = flags;
}

static void
add_count(int64 *total, int64 n)
{
	if (pg_add_s64_overflow(*total, n, total))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("answer summary count out of range"));
}

static void
answer_state_merge_view(AnswerState *st, const AnswerSummaryView *view)
{
	double		sq_scale = (view->flags & SURVEY_FLAG_SQ_MEAN) ? view->weight_sum : 1.0;
	bool		squares = (view->flags & SURVEY_FLAG_CAT_SQ) != 0;

	answer_state_adopt_flags(st, view->flags, view->respondents == 0 && view->missing == 0);
	for (uint32 i = 0; i < view->ncat; i++)
	{
		SurveyCategory c = answer_summary_category(view, i);
		SurveyDictEntry *e;

		CHECK_FOR_INTERRUPTS();
		e = survey_dict_entry(&st->dict, c.text, c.len);

		add_count(&e->count, c.count);
		survey_sum_add(&e->weight, c.weight);
		if (squares)
			survey_square_add_product(&e->weight_sq, c.weight_sq, sq_scale);
	}
	/* a weighted version 1 summary with respondents cannot tell the pooled squares */
	if (!answer_summary_has_squares(view))
		st->squares_lost = true;
	add_count(&st->nonzero, view->nonzero);
	add_count(&st->respondents, view->respondents);
	add_count(&st->missing, view->missing);
	survey_sum_add(&st->weight_sum, view->weight_sum);
	if (view->flags & SURVEY_FLAG_SQ_MEAN)
		survey_square_add_product(&st->weight_sq, view->weight_sq, view->weight_sum);
	else
		survey_square_add_product(&st->weight_sq, view->weight_sq, 1.0);
}

static void
answer_state_merge(AnswerState *st, const AnswerState *other)
{
	answer_state_adopt_flags(st, other->flags, answer_state_empty(other));
	for (uint32 i = 0; i < other->dict.n; i++)
	{
		const SurveyDictEntry *o = &other->dict.entries[i];
		SurveyDictEntry *e;

		CHECK_FOR_INTERRUPTS();
		e = survey_dict_entry(&st->dict, o->text, o->len);

		add_count(&e->count, o->count);
		survey_sum_merge(&e->weight, &o->weight);
		survey_square_merge(&e->weight_sq, &o->weight_sq);
	}
	st->squares_lost |= other->squares_lost;
	add_count(&st->nonzero, other->nonzero);
	add_count(&st->respondents, other->respondents);
	add_count(&st->missing, other->missing);
	survey_sum_merge(&st->weight_sum, &other->weight_sum);
	survey_square_merge(&st->weight_sq, &other->weight_sq);
}

static struct varlena *
answer_summary_build(uint8 flags, int64 respondents, int64 missing,
					 double weight_sum, double weight_sq, int64 nonzero,
					 SurveyCategory *cats, uint32 ncat)
{
	size_t		string_bytes = 0;
	size_t		size;
	struct varlena *result;

	for (uint32 i = 0; i < ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		string_bytes += cats[i].len;
	}
	size = answer_summary_size(ncat, string_bytes, flags);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("answer summary too large"));
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	answer_summary_encode((uint8 *) VARDATA(result), flags, respondents, missing,
						  weight_sum, weight_sq, nonzero, cats, ncat);
	return result;
}

/*
 * The flags a state is written with: a weighted one with respondents keeps
 * its per-category squares (version 2) unless it pooled a summary without them.
 */
static uint8
answer_state_flags(const AnswerState *st)
{
	if ((st->flags & SURVEY_FLAG_WEIGHTED) && !st->squares_lost && st->respondents > 0)
		return st->flags | SURVEY_FLAG_CAT_SQ;
	return st->flags;
}

/* the stored value of a state (categories sorted; the state is not changed) */
static struct varlena *
answer_state_encode(const AnswerState *st)
{
	size_t		string_bytes;
	SurveyCategory *cats;
	uint32	   *order;
	struct varlena *result;
	double		weight_sum = survey_sum_value(&st->weight_sum);
	double		weight_sq = 0.0;
	uint8		flags = answer_state_flags(st);
	int64		total;

	/* each count and weight fits, but their totals can overflow */
	if (pg_add_s64_overflow(st->respondents, st->missing, &total))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("answer summary count out of range"),
				errdetail("Respondents (" INT64_FORMAT ") and item non-response (" INT64_FORMAT
						  ") add up to more than " INT64_FORMAT ".",
						  st->respondents, st->missing, PG_INT64_MAX));
	if (!isfinite(weight_sum))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("sum of survey weights out of range"),
				errhint("Rescale the weights, for example so that they sum to the number of respondents."));
	if (flags & SURVEY_FLAG_WEIGHTED)
		flags |= answer_summary_weight_sq(survey_sum_value(&st->weight_sq.scaled), st->weight_sq.exp,
										  weight_sum, &weight_sq);
	order = palloc(sizeof(uint32) * ((size_t) st->dict.n + 1));
	cats = survey_dict_sorted(&st->dict, order, &string_bytes);
	if (flags & SURVEY_FLAG_CAT_SQ)
		for (uint32 i = 0; i < st->dict.n; i++)
		{
			const SurveySquareSum *sq = &st->dict.entries[order[i]].weight_sq;

			cats[i].weight_sq = answer_summary_category_sq(survey_sum_value(&sq->scaled), sq->exp,
														   weight_sum, flags);
		}
	result = answer_summary_build(flags, st->respondents, st->missing,
								  weight_sum, weight_sq, st->nonzero, cats, st->dict.n);
	pfree(cats);
	pfree(order);
	return result;
}

static struct varlena *
empty_summary(uint8 flags)
{
	return answer_summary_build(flags, 0, 0, 0.0, 0.0, 0, NULL, 0);
}

/* ---- transition functions ------------------------------------------------ */

/*
 * A text argument read in place.  Short and plain values (nearly all answers)
 * skip the out-of-line detoast call; compressed or external ones are
 * detoasted into the per-row context.
 */
static inline struct varlena *
text_arg_in_place(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = (struct varlena *) PG_GETARG_POINTER(argno);

	if (unlikely(VARATT_IS_COMPRESSED(v) || VARATT_IS_EXTERNAL(v)))
		v = pg_detoast_datum_packed(v);
	return v;
}

/* the state of a transition function, made on the first row */
static inline AnswerState *
answer_state_current(FunctionCallInfo fcinfo, MemoryContext cxt, uint8 flags)
{
	AnswerState *st = aggregate_state_arg(fcinfo, 0);

	return st != NULL ? st : answer_state_new(cxt, flags);
}

/*
 * A non-respondent's weight enters no estimate, so NULL is allowed there; a
 * weight that is given is checked all the same, as a negative or infinite one
 * is a broken weight column whichever rows it is on.
 */
static void
missing_weight_check(FunctionCallInfo fcinfo, int argno)
{
	if (!PG_ARGISNULL(argno))
		(void) survey_weight_arg(fcinfo, argno);
}

/*
 * The rows of the transition functions, shared by the state kept as internal
 * (the aggregates of 1.0) and as an expanded summary (1.1): argument 1 is the
 * answer (NULL = item non-response), argument 2 the weight.
 */
static inline void
answer_state_add(AnswerState *st, FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(1))
		st->missing++;
	else
	{
		struct varlena *answer = text_arg_in_place(fcinfo, 1);
		uint32		i = survey_dict_lookup_fast(&st->dict, VARDATA_ANY(answer),
												VARSIZE_ANY_EXHDR(answer));

		st->dict.entries[i].count++;
		st->respondents++;
	}
}

static inline void
answer_state_add_weighted(AnswerState *st, FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(1))
	{
		missing_weight_check(fcinfo, 2);
		st->missing++;
	}
	else
	{
		double		w = survey_weight_arg(fcinfo, 2);
		struct varlena *answer = text_arg_in_place(fcinfo, 1);
		SurveyDictEntry *e = survey_dict_entry(&st->dict, VARDATA_ANY(answer),
												 VARSIZE_ANY_EXHDR(answer));

		e->count++;
		survey_sum_add(&e->weight, w);
		survey_square_add(&e->weight_sq, w);
		st->respondents++;
		st->nonzero += w > 0.0;
		survey_sum_add(&st->weight_sum, w);
		survey_square_add(&st->weight_sq, w);
	}
}

Datum
answer_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_agg_trans");
	AnswerState *st = answer_state_current(fcinfo, cxt, 0);

	answer_state_add(st, fcinfo);
	PG_RETURN_POINTER(st);
}

Datum
answer_agg_weighted_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_agg_weighted_trans");
	AnswerState *st = answer_state_current(fcinfo, cxt, SURVEY_FLAG_WEIGHTED);

	answer_state_add_weighted(st, fcinfo);
	PG_RETURN_POINTER(st);
}

/* one respondent's choices: each category counts once, NULL elements are ignored */
static void
add_choices(AnswerState *st, ArrayType *choices, double w)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int64		row = st->respondents;

	/* deconstruct_array would flatten {{a,b},{c,d}}: one respondent's choices are a list */
	if (ARR_NDIM(choices) > 1)
		ereport(ERROR,
				errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				errmsg("the choices of one respondent must be a one-dimensional array, not %d-dimensional",
						ARR_NDIM(choices)),
				errhint("Pass each respondent's choices as text[], one row per respondent."));
	deconstruct_array(choices, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	for (int j = 0; j < nelems; j++)
	{
		text	   *choice;
		SurveyDictEntry *e;

		CHECK_FOR_INTERRUPTS();
		if (nulls[j])
			continue;
		choice = DatumGetTextPP(elems[j]);
		e = survey_dict_entry(&st->dict, VARDATA_ANY(choice),
												 VARSIZE_ANY_EXHDR(choice));
		if (e->stamp == row)
			continue;
		e->stamp = row;
		e->count++;
		survey_sum_add(&e->weight, w);
		if (st->flags & SURVEY_FLAG_WEIGHTED)
			survey_square_add(&e->weight_sq, w);
	}
	st->respondents++;
	if (st->flags & SURVEY_FLAG_WEIGHTED)
	{
		st->nonzero += w > 0.0;
		survey_sum_add(&st->weight_sum, w);
		survey_square_add(&st->weight_sq, w);
	}
}

/* one respondent's choices (argument 1, NULL = item non-response), weighted or not */
static inline void
choices_state_add(AnswerState *st, FunctionCallInfo fcinfo, bool weighted)
{
	if (PG_ARGISNULL(1))
	{
		if (weighted)
			missing_weight_check(fcinfo, 2);
		st->missing++;
	}
	else
		add_choices(st, PG_GETARG_ARRAYTYPE_P(1), weighted ? survey_weight_arg(fcinfo, 2) : 1.0);
}

/* a stored summary (argument 1; NULL is skipped) */
static void
answer_state_add_summary(AnswerState *st, FunctionCallInfo fcinfo)
{
	if (!PG_ARGISNULL(1))
	{
		AnswerSummaryView view;

		answer_summary_read(PG_GETARG_VARLENA_PP(1), &view);
		answer_state_merge_view(st, &view);
	}
}

Datum
choices_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "choices_agg_trans");
	AnswerState *st = answer_state_current(fcinfo, cxt, SURVEY_FLAG_MULTIPLE);

	choices_state_add(st, fcinfo, false);
	PG_RETURN_POINTER(st);
}

Datum
choices_agg_weighted_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "choices_agg_weighted_trans");
	AnswerState *st = answer_state_current(fcinfo, cxt, SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED);

	choices_state_add(st, fcinfo, true);
	PG_RETURN_POINTER(st);
}

Datum
answer_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_rollup_trans");
	AnswerState *st = answer_state_current(fcinfo, cxt, 0);

	answer_state_add_summary(st, fcinfo);
	PG_RETURN_POINTER(st);
}

/* ---- final functions: zero rows give an empty summary of the right kind -- */

static Datum
final_summary(FunctionCallInfo fcinfo, uint8 flags)
{
	(void) aggregate_context(fcinfo, "answer summary final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(empty_summary(flags));
	PG_RETURN_POINTER(answer_state_encode((AnswerState *) PG_GETARG_POINTER(0)));
}

Datum
answer_agg_final(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, 0);
}

Datum
answer_agg_weighted_final(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, SURVEY_FLAG_WEIGHTED);
}

Datum
choices_agg_final(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, SURVEY_FLAG_MULTIPLE);
}

Datum
choices_agg_weighted_final(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED);
}

Datum
answer_rollup_final(PG_FUNCTION_ARGS)
{
	return final_summary(fcinfo, 0);
}

/* ---- parallel aggregation -------------------------------------------------- */

Datum
answer_summary_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_summary_combine");
	AnswerState *a = aggregate_state_arg(fcinfo, 0);
	AnswerState *b = aggregate_state_arg(fcinfo, 1);

	if (b == NULL)
		return aggregate_keep_first(fcinfo);
	if (a == NULL)
		a = answer_state_new(cxt, b->flags);	/* copy: b may live elsewhere */
	answer_state_merge(a, b);
	PG_RETURN_POINTER(a);
}

Datum
answer_summary_serialize(PG_FUNCTION_ARGS)
{
	(void) aggregate_context(fcinfo, "answer_summary_serialize");
	PG_RETURN_BYTEA_P(answer_state_encode((AnswerState *) PG_GETARG_POINTER(0)));
}

Datum
answer_summary_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_summary_deserialize");
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	AnswerSummaryView view;
	AnswerState *st;

	answer_summary_read((struct varlena *) bytes, &view);
	st = answer_state_new(cxt, view.flags & ANSWER_KIND_FLAGS);
	answer_state_merge_view(st, &view);
	PG_RETURN_POINTER(st);
}

/* ---- the state as an expanded answer_summary (the aggregates of 1.1) ------ */

/*
 * The aggregates' state type is iscm.answer_summary itself, so that planners
 * that move partial states between processes or nodes as values (Citus) can
 * split them.  In memory the state is the AnswerState above behind an
 * expanded-object header (server_util.h), changed in place row by row; it is
 * written in the stored format only when it leaves the aggregate.
 */
typedef struct AnswerExpanded
{
	ExpandedObjectHeader hdr;
	AnswerState st;
} AnswerExpanded;

static Size answer_expanded_flat_size(ExpandedObjectHeader *eoh);
static void answer_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size);

static const ExpandedObjectMethods answer_expanded_methods = {
	answer_expanded_flat_size,
	answer_expanded_flatten
};

static Size
answer_expanded_flat_size(ExpandedObjectHeader *eoh)
{
	const AnswerState *st = &((AnswerExpanded *) eoh)->st;
	size_t		string_bytes = 0;
	size_t		size;

	for (uint32 i = 0; i < st->dict.n; i++)
		string_bytes += st->dict.entries[i].len;
	size = answer_summary_size(st->dict.n, string_bytes, answer_state_flags(st));
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("answer summary too large"));
	return VARHDRSZ + size;
}

static struct varlena *
answer_expanded_encode(ExpandedObjectHeader *eoh)
{
	return (struct varlena *) answer_state_encode(&((AnswerExpanded *) eoh)->st);
}

static void
answer_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	expanded_state_flatten(eoh, answer_expanded_encode, result, allocated_size, "answer_summary");
}

static AnswerExpanded *
answer_expanded_new(MemoryContext aggcxt, uint8 flags)
{
	MemoryContext cxt = aggregate_state_context(aggcxt);
	AnswerExpanded *x = MemoryContextAllocZero(cxt, sizeof(AnswerExpanded));

	EOH_init_header(&x->hdr, &answer_expanded_methods, cxt);
	survey_dict_init(&x->st.dict, cxt);
	x->st.flags = flags;
	return x;
}

/* merge a summary into st: a stored one, or the state of another aggregate */
static void
answer_state_merge_datum(AnswerState *st, Datum value)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &answer_expanded_methods);

	if (eoh != NULL)
		answer_state_merge(st, &((AnswerExpanded *) eoh)->st);
	else
	{
		AnswerSummaryView view;

		answer_summary_read((struct varlena *) PG_DETOAST_DATUM_PACKED(value), &view);
		answer_state_merge_view(st, &view);
	}
}

/*
 * The state argument of a transition or combine function: the summary the
 * aggregate owns, to be changed in place; otherwise a new one, empty of kind
 * flags when the argument is NULL, else a copy of the summary given.
 */
static inline AnswerExpanded *
answer_expanded_arg(FunctionCallInfo fcinfo, MemoryContext aggcxt, uint8 flags)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, aggcxt, &answer_expanded_methods);
	AnswerExpanded *x;

	if (likely(eoh != NULL))
		return (AnswerExpanded *) eoh;
	x = answer_expanded_new(aggcxt, flags);
	if (!PG_ARGISNULL(0))
		answer_state_merge_datum(&x->st, PG_GETARG_DATUM(0));
	return x;
}

PG_FUNCTION_INFO_V1(answer_agg_expanded_trans);
Datum
answer_agg_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_agg_trans");
	AnswerExpanded *x = answer_expanded_arg(fcinfo, cxt, 0);

	answer_state_add(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(answer_agg_weighted_expanded_trans);
Datum
answer_agg_weighted_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_agg_weighted_trans");
	AnswerExpanded *x = answer_expanded_arg(fcinfo, cxt, SURVEY_FLAG_WEIGHTED);

	answer_state_add_weighted(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(choices_agg_expanded_trans);
Datum
choices_agg_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "choices_agg_trans");
	AnswerExpanded *x = answer_expanded_arg(fcinfo, cxt, SURVEY_FLAG_MULTIPLE);

	choices_state_add(&x->st, fcinfo, false);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(choices_agg_weighted_expanded_trans);
Datum
choices_agg_weighted_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "choices_agg_weighted_trans");
	AnswerExpanded *x = answer_expanded_arg(fcinfo, cxt, SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED);

	choices_state_add(&x->st, fcinfo, true);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(answer_rollup_expanded_trans);
Datum
answer_rollup_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_rollup_trans");
	AnswerExpanded *x = answer_expanded_arg(fcinfo, cxt, 0);

	answer_state_add_summary(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/*
 * Either state may be NULL (no row reached that partial aggregate); a new
 * state for a NULL first one takes the kind of the second, so that an empty
 * weighted partial stays weighted.
 */
PG_FUNCTION_INFO_V1(answer_summary_expanded_combine);
Datum
answer_summary_expanded_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "answer_summary_combine");
	AnswerExpanded *x;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	x = answer_expanded_arg(fcinfo, cxt, 0);
	if (PG_ARGISNULL(0))
	{
		ExpandedObjectHeader *eoh = aggregate_expanded_datum(PG_GETARG_DATUM(1), &answer_expanded_methods);
		AnswerSummaryView view;

		if (eoh != NULL)
			x->st.flags = ((AnswerExpanded *) eoh)->st.flags & ANSWER_KIND_FLAGS;
		else
		{
			answer_summary_read(PG_GETARG_VARLENA_PP(1), &view);
			x->st.flags = view.flags & ANSWER_KIND_FLAGS;
		}
	}
	answer_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* zero rows give an empty summary of the aggregate's kind; a state is not changed */
static Datum
expanded_final(FunctionCallInfo fcinfo, uint8 flags)
{
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "answer summary final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(empty_summary(flags));
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &answer_expanded_methods);
	if (eoh != NULL)
		PG_RETURN_POINTER(answer_state_encode(&((AnswerExpanded *) eoh)->st));
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}

PG_FUNCTION_INFO_V1(answer_agg_expanded_final);
Datum
answer_agg_expanded_final(PG_FUNCTION_ARGS)
{
	return expanded_final(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(answer_agg_weighted_expanded_final);
Datum
answer_agg_weighted_expanded_final(PG_FUNCTION_ARGS)
{
	return expanded_final(fcinfo, SURVEY_FLAG_WEIGHTED);
}

PG_FUNCTION_INFO_V1(choices_agg_expanded_final);
Datum
choices_agg_expanded_final(PG_FUNCTION_ARGS)
{
	return expanded_final(fcinfo, SURVEY_FLAG_MULTIPLE);
}

PG_FUNCTION_INFO_V1(choices_agg_weighted_expanded_final);
Datum
choices_agg_weighted_expanded_final(PG_FUNCTION_ARGS)
{
	return expanded_final(fcinfo, SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED);
}

PG_FUNCTION_INFO_V1(answer_rollup_expanded_final);
Datum
answer_rollup_expanded_final(PG_FUNCTION_ARGS)
{
	return expanded_final(fcinfo, 0);
}

/* ---- one way in: text input and binary receive ----------------------------- */

/*
 * A summary from figures that come from outside (the JSON text form or the
 * binary form): categories sorted into byte order, then checked by the one
 * validator of survey_format.c, so both forms accept exactly the same values.
 * NULL, with the reason in *status, when they do not make a summary.
 */
static struct varlena *
answer_summary_from_parts(uint8 flags, int64 respondents, int64 missing,
						  double weight_sum, double weight_sq, int64 nonzero,
						  SurveyCategory *cats, uint32 ncat, SurveyFormatStatus *status)
{
	struct varlena *result;

	survey_sort(cats, ncat, sizeof(SurveyCategory), survey_compare_categories, NULL);
	result = answer_summary_build(flags, respondents, missing, weight_sum, weight_sq, nonzero,
								  cats, ncat);
	*status = answer_summary_validate((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ);
	if (*status != SURVEY_FORMAT_OK)
	{
		pfree(result);
		return NULL;
	}
	return result;
}

/* ---- binary I/O: the stored format, with texts in the client encoding ---- */

/*
 * The message is the byte format of survey_format.h, except that category
 * texts are in the client encoding, as textrecv reads text (pq_getmsgtext),
 * and may therefore come in any order: they are sorted again once converted.
 */
Datum
answer_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8 *bytes = (const uint8 *) buf->data + buf->cursor;
	AnswerSummaryView view;
	SurveyCategory *cats;
	struct varlena *result;
	SurveyFormatStatus status = answer_summary_view_unordered(bytes, (size_t) (buf->len - buf->cursor),
															  &view);

	if (status == SURVEY_FORMAT_OK)
	{
		cats = palloc(sizeof(SurveyCategory) * ((size_t) view.ncat + 1));
		for (uint32 i = 0; i < view.ncat; i++)
		{
			CHECK_FOR_INTERRUPTS();
			cats[i] = answer_summary_category(&view, i);
		}
		/* the texts follow the entries, in entry order */
		buf->cursor += (int) (view.strings - bytes);
		survey_recv_category_texts(buf, cats, view.ncat);
		result = answer_summary_from_parts(view.flags, view.respondents, view.missing,
										   view.weight_sum, view.weight_sq, view.nonzero,
										   cats, view.ncat, &status);
		if (result != NULL)
			PG_RETURN_POINTER(result);
	}
	survey_recv_error(status, TYPE_NAME);
}

/* category texts converted to the client encoding, as textsend sends text */
bytea *
answer_summary_send_bytes(struct varlena *value)
{
	AnswerSummaryView view;
	SurveyCategory *cats;
	bool		converted;
	struct varlena *wire;
	StringInfoData buf;

	answer_summary_read(value, &view);
	cats = palloc(sizeof(SurveyCategory) * ((size_t) view.ncat + 1));
	for (uint32 i = 0; i < view.ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i] = answer_summary_category(&view, i);
	}
	converted = survey_categories_to_client(cats, view.ncat, NULL);
	wire = converted ? answer_summary_build(view.flags, view.respondents, view.missing,
											view.weight_sum, view.weight_sq, view.nonzero,
											cats, view.ncat)
		: value;
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(wire), VARSIZE_ANY_EXHDR(wire));
	return pq_endtypsend(&buf);
}

/* ---- text I/O: the JSON document of doc/survey.md ------------------------ */

void
answer_summary_write_json(StringInfo buf, const AnswerSummaryView *view)
{
	bool		weighted = (view->flags & SURVEY_FLAG_WEIGHTED) != 0;
	bool		squares = (view->flags & SURVEY_FLAG_CAT_SQ) != 0;

	appendStringInfo(buf, "{\"format\": %d, \"kind\": \"%s\", \"weighted\": %s, "
					 "\"respondents\": " INT64_FORMAT ", \"missing\": " INT64_FORMAT,
					 squares ? SURVEY_FORMAT_VERSION_SQUARES : SURVEY_FORMAT_VERSION,
					 (view->flags & SURVEY_FLAG_MULTIPLE) ? "multiple" : "single",
					 weighted ? "true" : "false", view->respondents, view->missing);
	if (weighted)
	{
		appendStringInfoString(buf, ", \"weight_sum\": ");
		survey_json_float(buf, view->weight_sum);
		appendStringInfoString(buf, (view->flags & SURVEY_FLAG_SQ_MEAN) ?
							   ", \"weight_sq_mean\": " : ", \"weight_sq_sum\": ");
		survey_json_float(buf, view->weight_sq);
	}
	if (squares)
		appendStringInfo(buf, ", \"nonzero\": " INT64_FORMAT, view->nonzero);
	appendStringInfoString(buf, ", \"counts\": {");
	for (uint32 i = 0; i < view->ncat; i++)
	{
		SurveyCategory c = answer_summary_category(view, i);

		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoString(buf, ", ");
		survey_json_string(buf, c.text, c.len);
		appendStringInfo(buf, ": " INT64_FORMAT, c.count);
	}
	appendStringInfoChar(buf, '}');
	if (weighted)
	{
		appendStringInfoString(buf, ", \"weights\": {");
		for (uint32 i = 0; i < view->ncat; i++)
		{
			SurveyCategory c = answer_summary_category(view, i);

			CHECK_FOR_INTERRUPTS();
			if (i > 0)
				appendStringInfoString(buf, ", ");
			survey_json_string(buf, c.text, c.len);
			appendStringInfoString(buf, ": ");
			survey_json_float(buf, c.weight);
		}
		appendStringInfoChar(buf, '}');
	}
	if (squares)
	{
		appendStringInfoString(buf, (view->flags & SURVEY_FLAG_SQ_MEAN) ?
							   ", \"weight_sq_means\": {" : ", \"weight_sq_sums\": {");
		for (uint32 i = 0; i < view->ncat; i++)
		{
			SurveyCategory c = answer_summary_category(view, i);

			CHECK_FOR_INTERRUPTS();
			if (i > 0)
				appendStringInfoString(buf, ", ");
			survey_json_string(buf, c.text, c.len);
			appendStringInfoString(buf, ": ");
			survey_json_float(buf, c.weight_sq);
		}
		appendStringInfoChar(buf, '}');
	}
	appendStringInfoChar(buf, '}');
}

Datum
answer_summary_out(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	StringInfoData buf;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	initStringInfo(&buf);
	answer_summary_write_json(&buf, &view);
	PG_RETURN_CSTRING(buf.data);
}

/* the figures of the JSON text form before its categories */
typedef struct AnswerJson
{
	uint8		flags;
	int64		respondents;
	int64		missing;
	double		weight_sum;
	double		weight_sq;
	int64		nonzero;
	bool		sq_means;		/* format 2: the category squares are given as means */
	JsonbValue	counts;			/* object: category -> count */
	JsonbValue	weights;		/* object: category -> weight sum (weighted only) */
	JsonbValue	squares;		/* format 2: object: category -> sum of squared weights */
} AnswerJson;

/* the weight figures of a weighted summary; NULL, or what is wrong */
static const char *
answer_json_weights(Jsonb *jb, AnswerJson *a)
{
	JsonbValue	v,
				sq_v,
				mean_v;
	bool		has_sum = survey_json_key(&jb->root, "weight_sq_sum", &sq_v);
	bool		has_mean = survey_json_key(&jb->root, "weight_sq_mean", &mean_v);

	if (has_sum == has_mean)
		return "A weighted summary needs one of \"weight_sq_sum\" (the sum of the squared weights) and \"weight_sq_mean\" (that sum divided by weight_sum).";
	if (!survey_json_key(&jb->root, "weight_sum", &v) || !survey_json_float8(&v, &a->weight_sum) ||
		!survey_json_float8(has_mean ? &mean_v : &sq_v, &a->weight_sq))
		return psprintf("A weighted summary needs numbers \"weight_sum\" and \"%s\".",
						has_mean ? "weight_sq_mean" : "weight_sq_sum");
	if (has_mean && !(a->weight_sum > 0.0) && a->weight_sq != 0.0)
		return psprintf("%s.", survey_format_status_message(SURVEY_FORMAT_BAD_WEIGHT_SQ_MEAN));
	if (has_mean)
		a->flags |= answer_summary_weight_sq_from_mean(a->weight_sq, a->weight_sum, &a->weight_sq);
	if (!survey_json_key(&jb->root, "weights", &a->weights) || a->weights.type != jbvBinary ||
		!JsonContainerIsObject(a->weights.val.binary.data))
		return "A weighted summary needs an object \"weights\" mapping each category to its weight sum.";
	if (a->flags & SURVEY_FLAG_CAT_SQ)
	{
		/* the categories' squares on the scale the header was written in */
		const char *key = has_mean ? "weight_sq_means" : "weight_sq_sums";

		a->sq_means = has_mean;
		if (survey_json_key(&jb->root, has_mean ? "weight_sq_sums" : "weight_sq_means", &v))
			return psprintf("Key \"%s\" goes with \"%s\"; this summary has \"%s\".",
							has_mean ? "weight_sq_sums" : "weight_sq_means",
							has_mean ? "weight_sq_sum" : "weight_sq_mean",
							has_mean ? "weight_sq_mean" : "weight_sq_sum");
		if (!survey_json_key(&jb->root, key, &a->squares) || a->squares.type != jbvBinary ||
			!JsonContainerIsObject(a->squares.val.binary.data))
			return psprintf("A summary of format 2 needs an object \"%s\" mapping each category to the sum of its squared weights%s.",
							key, has_mean ? " divided by weight_sum" : "");
		if (!survey_json_key(&jb->root, "nonzero", &v) || !survey_json_int64(&v, &a->nonzero))
			return "A summary of format 2 needs an integer \"nonzero\": the respondents with a weight > 0.";
	}
	return NULL;
}

/* every key but the categories' figures; NULL, or what is wrong */
static const char *
answer_json_figures(Jsonb *jb, AnswerJson *a)
{
	static const char *const keys[] = {"format", "kind", "weighted", "respondents", "missing",
		"weight_sum", "weight_sq_sum", "weight_sq_mean", "nonzero", "counts", "weights",
	"weight_sq_sums", "weight_sq_means", NULL};
	static const char *const weight_keys[] = {"weight_sum", "weight_sq_sum", "weight_sq_mean",
	"weights", NULL};
	static const char *const square_keys[] = {"nonzero", "weight_sq_sums", "weight_sq_means", NULL};
	JsonbValue	v;
	char	   *unknown;
	int64		format;

	if ((unknown = survey_json_unknown_key(jb, keys)) != NULL)
		return psprintf("Unexpected key %s; expected format, kind, weighted, respondents, missing, counts, weight_sum, weight_sq_sum (or weight_sq_mean), weights, and with format 2 nonzero and weight_sq_sums (or weight_sq_means).", unknown);
	if (!survey_json_key(&jb->root, "format", &v) || !survey_json_int64(&v, &format) ||
		(format != SURVEY_FORMAT_VERSION && format != SURVEY_FORMAT_VERSION_SQUARES))
		return psprintf("Key \"format\" must be %d or %d.", SURVEY_FORMAT_VERSION,
						SURVEY_FORMAT_VERSION_SQUARES);
	if (format == SURVEY_FORMAT_VERSION_SQUARES)
		a->flags |= SURVEY_FLAG_CAT_SQ;
	else
		for (const char *const *k = square_keys; *k != NULL; k++)
			if (survey_json_key(&jb->root, *k, &v))
				return psprintf("Key \"%s\" belongs to format %d, and this summary has \"format\": %d.",
								*k, SURVEY_FORMAT_VERSION_SQUARES, SURVEY_FORMAT_VERSION);
	if (!survey_json_key(&jb->root, "kind", &v) || v.type != jbvString)
		return "Key \"kind\" must be \"single\" or \"multiple\".";
	if (v.val.string.len == 8 && memcmp(v.val.string.val, "multiple", 8) == 0)
		a->flags |= SURVEY_FLAG_MULTIPLE;
	else if (!(v.val.string.len == 6 && memcmp(v.val.string.val, "single", 6) == 0))
		return "Key \"kind\" must be \"single\" or \"multiple\".";
	if (!survey_json_key(&jb->root, "weighted", &v) || v.type != jbvBool)
		return "Key \"weighted\" must be true or false.";
	if (v.val.boolean)
		a->flags |= SURVEY_FLAG_WEIGHTED;
	else if (a->flags & SURVEY_FLAG_CAT_SQ)
		return psprintf("Format %d is for weighted summaries; an unweighted one is format %d.",
						SURVEY_FORMAT_VERSION_SQUARES, SURVEY_FORMAT_VERSION);
	if (!survey_json_key(&jb->root, "respondents", &v) || !survey_json_int64(&v, &a->respondents) ||
		a->respondents < 0)
		return "Key \"respondents\" must be an integer >= 0.";
	if (!survey_json_key(&jb->root, "missing", &v) || !survey_json_int64(&v, &a->missing) ||
		a->missing < 0)
		return "Key \"missing\" must be an integer >= 0.";
	if (a->flags & SURVEY_FLAG_WEIGHTED)
	{
		const char *problem = answer_json_weights(jb, a);

		if (problem != NULL)
			return problem;
	}
	else
	{
		for (const char *const *k = weight_keys; *k != NULL; k++)
			if (survey_json_key(&jb->root, *k, &v))
				return psprintf("Key \"%s\" belongs to a weighted summary, and this one has \"weighted\": false.", *k);
	}
	if (!survey_json_key(&jb->root, "counts", &a->counts) || a->counts.type != jbvBinary ||
		!JsonContainerIsObject(a->counts.val.binary.data))
		return "Key \"counts\" must be an object mapping each category to its count.";
	return NULL;
}

/* the categories with their counts (and weight sums); NULL, or what is wrong */
static const char *
answer_json_categories(const AnswerJson *a, SurveyCategory **cats_out, uint32 *ncat_out)
{
	SurveyCategory *cats = palloc(sizeof(SurveyCategory) * (JsonContainerSize(a->counts.val.binary.data) + 1));
	uint32		ncat = 0;
	JsonbIterator *it = JsonbIteratorInit(a->counts.val.binary.data);
	JsonbIteratorToken tok;
	JsonbValue	v;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		SurveyCategory *c;

		CHECK_FOR_INTERRUPTS();
		if (tok != WJB_KEY)
			continue;
		c = &cats[ncat++];
		c->text = survey_json_cstring(&v);
		c->len = v.val.string.len;
		tok = JsonbIteratorNext(&it, &v, true);
		if (!survey_json_int64(&v, &c->count) || c->count < 0)
			return psprintf("The count of category \"%s\" must be an integer >= 0 (0: declared, nobody gave it).", c->text);
		c->weight = 0.0;
		if (a->flags & SURVEY_FLAG_WEIGHTED)
		{
			JsonbValue	w;

			if (!survey_json_key(a->weights.val.binary.data, c->text, &w) ||
				!survey_json_float8(&w, &c->weight))
				return psprintf("Category \"%s\" has no weight sum in \"weights\".", c->text);
		}
		c->weight_sq = 0.0;
		if (a->flags & SURVEY_FLAG_CAT_SQ)
		{
			JsonbValue	w;

			if (!survey_json_key(a->squares.val.binary.data, c->text, &w) ||
				!survey_json_float8(&w, &c->weight_sq))
				return psprintf("Category \"%s\" has no sum of squared weights in \"%s\".", c->text,
								a->sq_means ? "weight_sq_means" : "weight_sq_sums");
			/* the header's mean became a sum (it is a normal double): so do the categories' */
			if (a->sq_means && !(a->flags & SURVEY_FLAG_SQ_MEAN))
				c->weight_sq *= a->weight_sum;
		}
	}
	if ((a->flags & SURVEY_FLAG_WEIGHTED) && JsonContainerSize(a->weights.val.binary.data) != ncat)
		return "\"weights\" and \"counts\" must list the same categories.";
	if ((a->flags & SURVEY_FLAG_CAT_SQ) && JsonContainerSize(a->squares.val.binary.data) != ncat)
		return psprintf("\"%s\" and \"counts\" must list the same categories.",
						a->sq_means ? "weight_sq_means" : "weight_sq_sums");
	*cats_out = cats;
	*ncat_out = ncat;
	return NULL;
}

Datum
answer_summary_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Jsonb	   *jb = survey_json_parse_input(str, fcinfo->context);
	AnswerJson	a = {0};
	SurveyCategory *cats = NULL;
	uint32		ncat = 0;
	const char *problem;

	if (jb == NULL)
		return (Datum) 0;		/* soft error, already reported */
	problem = answer_json_figures(jb, &a);
	if (problem == NULL)
		problem = answer_json_categories(&a, &cats, &ncat);
	if (problem == NULL)
	{
		SurveyFormatStatus status;
		struct varlena *result = answer_summary_from_parts(a.flags, a.respondents, a.missing,
														   a.weight_sum, a.weight_sq, a.nonzero,
														   cats, ncat, &status);

		if (result != NULL)
			PG_RETURN_POINTER(result);
		problem = psprintf("%s.", survey_format_status_message(status));
	}
	return survey_bad_text_input(fcinfo->context, TYPE_NAME, str, problem);
}

/* ---- declaring categories nobody gave ------------------------------------ */

/*
 * iscm.with_categories(s, categories): s with every listed category it lacks
 * added with count 0 (and weight 0).  The accessors refuse a category a
 * summary does not know, since a typo must not read as "nobody"; a caller
 * who knows the question's answers declares them here, and 0 is then a
 * result.  Counts, respondents and weights are unchanged.
 */
Datum
answer_summary_with_categories(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	ArrayType  *declared = PG_GETARG_ARRAYTYPE_P(1);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	SurveyCategory *cats;
	uint32		ncat = 0,
				kept = 0;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	deconstruct_array(declared, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	cats = palloc(sizeof(SurveyCategory) * ((size_t) view.ncat + n + 1));
	for (uint32 i = 0; i < view.ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[ncat++] = answer_summary_category(&view, i);
	}
	for (int i = 0; i < n; i++)
	{
		text	   *t;

		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("declared categories must not contain NULL"),
					errhint("Item non-response is counted by iscm.missing, not as a category."));
		t = DatumGetTextPP(elems[i]);
		if (answer_summary_find(&view, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)) >= 0)
			continue;
		cats[ncat].text = VARDATA_ANY(t);
		cats[ncat].len = VARSIZE_ANY_EXHDR(t);
		cats[ncat].count = 0;
		cats[ncat].weight = 0.0;
		cats[ncat].weight_sq = 0.0;
		ncat++;
	}
	if (ncat == view.ncat)
		PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));

	/* canonical order; a category declared twice is kept once */
	survey_sort(cats, ncat, sizeof(SurveyCategory), survey_compare_categories, NULL);
	for (uint32 i = 0; i < ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (kept == 0 || survey_compare_categories(&cats[kept - 1], &cats[i], NULL) != 0)
			cats[kept++] = cats[i];
	}
	PG_RETURN_POINTER(answer_summary_build(view.flags, view.respondents, view.missing,
										   view.weight_sum, view.weight_sq, view.nonzero,
										   cats, kept));
}
