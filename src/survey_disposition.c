/*
 * survey_disposition.c — iscm.disposition_summary (AAPOR final disposition
 * counts), its aggregate, and the AAPOR outcome rates.
 */
#include "compat.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "common/int.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "server_util.h"
#include "survey_aapor.h"
#include "survey_common.h"
#include "survey_format.h"

PG_FUNCTION_INFO_V1(disposition_summary_in);
PG_FUNCTION_INFO_V1(disposition_summary_out);
PG_FUNCTION_INFO_V1(disposition_summary_recv);
PG_FUNCTION_INFO_V1(disposition_agg_trans);
PG_FUNCTION_INFO_V1(disposition_rollup_trans);
PG_FUNCTION_INFO_V1(disposition_agg_final);
PG_FUNCTION_INFO_V1(disposition_summary_combine);
PG_FUNCTION_INFO_V1(disposition_summary_serialize);
PG_FUNCTION_INFO_V1(disposition_summary_deserialize);
PG_FUNCTION_INFO_V1(disposition_summary_rate);
PG_FUNCTION_INFO_V1(disposition_counts_rate);
PG_FUNCTION_INFO_V1(disposition_summary_dispositions);
PG_FUNCTION_INFO_V1(disposition_summary_to_jsonb);

#define TYPE_NAME "iscm.disposition_summary"

StaticAssertDecl(DISP_NE + 1 == DISPOSITION_CODES,
				 "the disposition summary format holds one count per AAPOR disposition");

typedef struct DispositionState
{
	int64		counts[DISPOSITION_CODES];
} DispositionState;

static void
disposition_summary_read(struct varlena *value, int64 *counts)
{
	survey_format_check(disposition_summary_decode((const uint8 *) VARDATA_ANY(value),
												   VARSIZE_ANY_EXHDR(value), counts),
						TYPE_NAME);
}

static struct varlena *
disposition_encode(const int64 *counts)
{
	struct varlena *result = palloc(VARHDRSZ + DISPOSITION_SUMMARY_SIZE);

	SET_VARSIZE(result, VARHDRSZ + DISPOSITION_SUMMARY_SIZE);
	disposition_summary_encode((uint8 *) VARDATA(result), counts);
	return result;
}

static void
add_counts(int64 *totals, const int64 *n, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (pg_add_s64_overflow(totals[i], n[i], &totals[i]))
			ereport(ERROR,
					errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("disposition count out of range"));
}

static DispositionState *
disposition_state_new(MemoryContext cxt)
{
	return MemoryContextAllocZero(cxt, sizeof(DispositionState));
}

/* the state of a transition function, made on the first row */
static DispositionState *
disposition_state_current(FunctionCallInfo fcinfo, MemoryContext cxt)
{
	DispositionState *st = aggregate_state_arg(fcinfo, 0);

	return st != NULL ? st : disposition_state_new(cxt);
}

/*
 * The rows of the transition functions, shared by the state kept as internal
 * (the aggregates of 1.0) and as an expanded summary (1.1).
 */

/* one final disposition code (argument 1; NULL is skipped) */
static inline void
disposition_state_add_code(DispositionState *st, FunctionCallInfo fcinfo)
{
	if (!PG_ARGISNULL(1))
	{
		text	   *code = PG_GETARG_TEXT_PP(1);
		int			i = survey_disposition_from_name(VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code));

		if (i < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unknown AAPOR disposition code \"%s\"", text_to_cstring(code)),
					errhint("Valid codes are %s.", AAPOR_CODE_NAMES));
		st->counts[i]++;
	}
}

/* a stored summary (argument 1; NULL is skipped) */
static void
disposition_state_add_summary(DispositionState *st, FunctionCallInfo fcinfo)
{
	if (!PG_ARGISNULL(1))
	{
		int64		counts[DISPOSITION_CODES];

		disposition_summary_read(PG_GETARG_VARLENA_PP(1), counts);
		add_counts(st->counts, counts, DISPOSITION_CODES);
	}
}

Datum
disposition_agg_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_agg_trans");
	DispositionState *st = disposition_state_current(fcinfo, cxt);

	disposition_state_add_code(st, fcinfo);
	PG_RETURN_POINTER(st);
}

Datum
disposition_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_rollup_trans");
	DispositionState *st = disposition_state_current(fcinfo, cxt);

	disposition_state_add_summary(st, fcinfo);
	PG_RETURN_POINTER(st);
}

Datum
disposition_agg_final(PG_FUNCTION_ARGS)
{
	static const int64 zero[DISPOSITION_CODES] = {0};

	(void) aggregate_context(fcinfo, "disposition_agg_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(disposition_encode(zero));
	PG_RETURN_POINTER(disposition_encode(((DispositionState *) PG_GETARG_POINTER(0))->counts));
}

Datum
disposition_summary_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_summary_combine");
	DispositionState *a = aggregate_state_arg(fcinfo, 0);
	DispositionState *b = aggregate_state_arg(fcinfo, 1);

	if (b == NULL)
		return aggregate_keep_first(fcinfo);
	if (a == NULL)
		a = disposition_state_new(cxt);
	add_counts(a->counts, b->counts, DISPOSITION_CODES);
	PG_RETURN_POINTER(a);
}

Datum
disposition_summary_serialize(PG_FUNCTION_ARGS)
{
	(void) aggregate_context(fcinfo, "disposition_summary_serialize");
	PG_RETURN_BYTEA_P(disposition_encode(((DispositionState *) PG_GETARG_POINTER(0))->counts));
}

Datum
disposition_summary_deserialize(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_summary_deserialize");
	DispositionState *st = disposition_state_new(cxt);

	disposition_summary_read((struct varlena *) PG_GETARG_BYTEA_PP(0), st->counts);
	PG_RETURN_POINTER(st);
}

/* ---- the state as an expanded disposition_summary (the aggregates of 1.1) */

/*
 * As in survey_answer.c: the state type is iscm.disposition_summary, so that
 * Citus can split the aggregates; in memory it is the counts behind an
 * expanded-object header (server_util.h), written in the stored format only
 * when the state leaves the aggregate.
 */
typedef struct DispositionExpanded
{
	ExpandedObjectHeader hdr;
	DispositionState st;
} DispositionExpanded;

static Size
disposition_expanded_flat_size(ExpandedObjectHeader *eoh)
{
	return VARHDRSZ + DISPOSITION_SUMMARY_SIZE;
}

static void
disposition_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	Assert(allocated_size == VARHDRSZ + DISPOSITION_SUMMARY_SIZE);
	SET_VARSIZE(result, VARHDRSZ + DISPOSITION_SUMMARY_SIZE);
	disposition_summary_encode((uint8 *) VARDATA(result), ((DispositionExpanded *) eoh)->st.counts);
}

static const ExpandedObjectMethods disposition_expanded_methods = {
	disposition_expanded_flat_size,
	disposition_expanded_flatten
};

static DispositionExpanded *
disposition_expanded_new(MemoryContext aggcxt)
{
	MemoryContext cxt = aggregate_state_context(aggcxt);
	DispositionExpanded *x = MemoryContextAllocZero(cxt, sizeof(DispositionExpanded));

	EOH_init_header(&x->hdr, &disposition_expanded_methods, cxt);
	return x;
}

static void
disposition_state_merge_datum(DispositionState *st, Datum value)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &disposition_expanded_methods);

	if (eoh != NULL)
		add_counts(st->counts, ((DispositionExpanded *) eoh)->st.counts, DISPOSITION_CODES);
	else
	{
		int64		counts[DISPOSITION_CODES];

		disposition_summary_read((struct varlena *) PG_DETOAST_DATUM_PACKED(value), counts);
		add_counts(st->counts, counts, DISPOSITION_CODES);
	}
}

static inline DispositionExpanded *
disposition_expanded_arg(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, aggcxt, &disposition_expanded_methods);
	DispositionExpanded *x;

	if (likely(eoh != NULL))
		return (DispositionExpanded *) eoh;
	x = disposition_expanded_new(aggcxt);
	if (!PG_ARGISNULL(0))
		disposition_state_merge_datum(&x->st, PG_GETARG_DATUM(0));
	return x;
}

PG_FUNCTION_INFO_V1(disposition_agg_expanded_trans);
Datum
disposition_agg_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_agg_trans");
	DispositionExpanded *x = disposition_expanded_arg(fcinfo, cxt);

	disposition_state_add_code(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(disposition_rollup_expanded_trans);
Datum
disposition_rollup_expanded_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_rollup_trans");
	DispositionExpanded *x = disposition_expanded_arg(fcinfo, cxt);

	disposition_state_add_summary(&x->st, fcinfo);
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(disposition_summary_expanded_combine);
Datum
disposition_summary_expanded_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "disposition_summary_combine");
	DispositionExpanded *x;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	x = disposition_expanded_arg(fcinfo, cxt);
	disposition_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

PG_FUNCTION_INFO_V1(disposition_agg_expanded_final);
Datum
disposition_agg_expanded_final(PG_FUNCTION_ARGS)
{
	static const int64 zero[DISPOSITION_CODES] = {0};
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "disposition_agg_final");
	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(disposition_encode(zero));
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &disposition_expanded_methods);
	if (eoh != NULL)
		PG_RETURN_POINTER(disposition_encode(((DispositionExpanded *) eoh)->st.counts));
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}

/* ---- I/O ---------------------------------------------------------------------- */

static char *
disposition_json(const int64 *counts)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"format\": %d", SURVEY_FORMAT_VERSION);
	for (int i = 0; i < DISPOSITION_CODES; i++)
		appendStringInfo(&buf, ", \"%s\": " INT64_FORMAT, survey_disposition_names[i], counts[i]);
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

Datum
disposition_summary_out(PG_FUNCTION_ARGS)
{
	int64		counts[DISPOSITION_CODES];

	disposition_summary_read(PG_GETARG_VARLENA_PP(0), counts);
	PG_RETURN_CSTRING(disposition_json(counts));
}

Datum
disposition_summary_in(PG_FUNCTION_ARGS)
{
	static const char *const keys[] = {"format", "I", "P", "R", "NC", "O", "UH", "UO", "NE", NULL};
	char	   *str = PG_GETARG_CSTRING(0);
	Jsonb	   *jb = survey_json_parse_input(str, fcinfo->context);
	JsonbValue	v;
	int64		format;
	int64		counts[DISPOSITION_CODES];
	char	   *unknown;

	if (jb == NULL)
		return (Datum) 0;		/* soft error, already reported */
	if ((unknown = survey_json_unknown_key(jb, keys)) != NULL)
		ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type " TYPE_NAME ": \"%s\"", str),
						 errdetail("Unexpected key %s; expected format, I, P, R, NC, O, UH, UO, NE.", unknown));
	if (!survey_json_key(&jb->root, "format", &v) || !survey_json_int64(&v, &format) ||
		format != SURVEY_FORMAT_VERSION)
		ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type " TYPE_NAME ": \"%s\"", str),
						 errdetail("Key \"format\" must be %d.", SURVEY_FORMAT_VERSION));
	/* every code, 0 included: a code left out is more likely a slip than a known 0 */
	for (int i = 0; i < DISPOSITION_CODES; i++)
	{
		if (!survey_json_key(&jb->root, survey_disposition_names[i], &v))
			ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
							 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							 errmsg("invalid input syntax for type " TYPE_NAME ": \"%s\"", str),
							 errdetail("Key \"%s\" is missing.", survey_disposition_names[i]),
							 errhint("A disposition summary lists all eight codes I, P, R, NC, O, UH, UO, NE, with 0 for a code no case has."));
		if (!survey_json_int64(&v, &counts[i]) || counts[i] < 0)
			ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
							 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							 errmsg("invalid input syntax for type " TYPE_NAME ": \"%s\"", str),
							 errdetail("The count of %s must be an integer >= 0.",
									   survey_disposition_names[i]));
	}
	PG_RETURN_POINTER(disposition_encode(counts));
}

Datum
disposition_summary_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			len = buf->len - buf->cursor;
	const uint8 *bytes = (const uint8 *) pq_getmsgbytes(buf, len);
	int64		counts[DISPOSITION_CODES];
	SurveyFormatStatus status = disposition_summary_decode(bytes, (size_t) len, counts);

	if (status != SURVEY_FORMAT_OK)
		survey_recv_error(status, TYPE_NAME);
	PG_RETURN_POINTER(disposition_encode(counts));
}


/* ---- accessors -------------------------------------------------------------- */

Datum
disposition_summary_to_jsonb(PG_FUNCTION_ARGS)
{
	int64		counts[DISPOSITION_CODES];

	disposition_summary_read(PG_GETARG_VARLENA_PP(0), counts);
	PG_RETURN_POINTER(survey_json_parse(disposition_json(counts)));
}

static void *
dispositions_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	int64	   *counts = palloc(sizeof(int64) * DISPOSITION_CODES);

	disposition_summary_read(PG_GETARG_VARLENA_PP(0), counts);
	*max_calls = DISPOSITION_CODES;
	return counts;
}

Datum
disposition_summary_dispositions(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	int64	   *counts;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, dispositions_start, true, "iscm.dispositions");
	funcctx = SRF_PERCALL_SETUP();
	counts = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(survey_disposition_names[funcctx->call_cntr]);
		values[1] = Int64GetDatum(counts[funcctx->call_cntr]);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

static SurveyAaporRate
rate_arg(text *name)
{
	char	   *s = text_to_cstring(name);
	SurveyAaporRate rate = survey_aapor_rate_from_name(s);

	if (rate == AAPOR_INVALID)
		survey_unknown_name("AAPOR outcome rate", s, "Valid rates are " AAPOR_RATE_NAMES ".");
	return rate;
}

static double
e_arg(double e)
{
	if (!(e >= 0.0 && e <= 1.0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("e, the estimated eligible share of cases of unknown eligibility, must be within [0, 1], not %g", e));
	return e;
}

/* aapor_rate(d, rate, e DEFAULT NULL): e NULL = estimated from known eligibility */
Datum
disposition_summary_rate(PG_FUNCTION_ARGS)
{
	int64		counts[DISPOSITION_CODES];
	double		c[DISPOSITION_CODES];
	SurveyAaporRate rate;
	double		e = 0.0;
	double		result;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	disposition_summary_read(PG_GETARG_VARLENA_PP(0), counts);
	rate = rate_arg(PG_GETARG_TEXT_PP(1));
	for (int i = 0; i < DISPOSITION_CODES; i++)
		c[i] = (double) counts[i];
	if (!PG_ARGISNULL(2))
		e = e_arg(PG_GETARG_FLOAT8(2));
	else if (survey_aapor_rate_needs_e(rate) && !survey_aapor_estimate_e(c, &e))
		PG_RETURN_NULL();
	if (!survey_aapor_rate(rate, c, e, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}

/* aapor_rate(rate, i, p, r, nc, o, uh, uo, e DEFAULT NULL) */
Datum
disposition_counts_rate(PG_FUNCTION_ARGS)
{
	double		c[DISPOSITION_CODES];
	SurveyAaporRate rate;
	double		e = 0.0;
	double		result;

	for (int i = 0; i < 8; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	rate = rate_arg(PG_GETARG_TEXT_PP(0));
	for (int i = 0; i < DISP_NE; i++)
	{
		int64		v = PG_GETARG_INT64(i + 1);

		if (v < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("disposition count %s must be >= 0, not " INT64_FORMAT,
							survey_disposition_names[i], v));
		c[i] = (double) v;
	}
	c[DISP_NE] = 0.0;
	if (!PG_ARGISNULL(8))
		e = e_arg(PG_GETARG_FLOAT8(8));
	else if (survey_aapor_rate_needs_e(rate))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("AAPOR rate %s needs e, the estimated eligible share of cases of unknown eligibility",
						text_to_cstring(PG_GETARG_TEXT_PP(0))),
				errhint("Pass e (between 0 and 1), or use aapor_rate on a disposition_summary, which estimates it from the not-eligible cases."));
	if (!survey_aapor_rate(rate, c, e, &result))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(result);
}
