/*
 * survey_published.c — checks and protection of published figures: GRIM
 * consistency of reported percentages and disclosure control of counts.
 */
#include "compat.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "server_util.h"
#include "survey_grim.h"

PG_FUNCTION_INFO_V1(survey_grim_consistent);
PG_FUNCTION_INFO_V1(survey_grim_candidates);
PG_FUNCTION_INFO_V1(survey_grim_consistent_rounding);
PG_FUNCTION_INFO_V1(survey_grim_candidates_rounding);
PG_FUNCTION_INFO_V1(survey_grim_roundings);
PG_FUNCTION_INFO_V1(survey_suppress);

static GrimFigure
figure_arg(text *reported)
{
	GrimFigure	figure;
	GrimStatus	status = survey_grim_parse(VARDATA_ANY(reported), VARSIZE_ANY_EXHDR(reported), &figure);

	if (status != GRIM_OK)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("invalid reported percentage \"%s\"", text_to_cstring(reported)),
				errdetail("%s",
						  status == GRIM_TOO_MANY_DECIMALS ? "At most 6 decimals are supported." :
						  status == GRIM_OUT_OF_RANGE ? "A percentage of respondents is between 0 and 100." :
						  "Expected a decimal number as printed, such as 84, 84.0 or 32.5%."),
				errhint("Write the figure exactly as published: its decimals set the rounding tested."));
	return figure;
}

static GrimRounding
rounding_arg(text *name)
{
	char	   *chars = text_to_cstring(name);
	GrimRounding rounding = survey_grim_rounding_from_name(chars);

	if (rounding == GRIM_ROUNDING_INVALID)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown rounding rule \"%s\"", chars),
				errdetail("Valid rules are: " GRIM_ROUNDING_NAMES "."),
				errhint("\"up\" and \"down\" are not taken, being read both ways: "
						"half_up or ceiling, half_down or truncate."));
	return rounding;
}

static int64
n_arg(int64 n, const char *what)
{
	if (n < 1 || n > GRIM_MAX_N)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s must be between 1 and %d, not " INT64_FORMAT, what, GRIM_MAX_N, n));
	return n;
}

/*
 * grim_candidates lists about max_n^2 / (200 * 10^d) rows (every k of every
 * n), and a set-returning function in FROM is materialized whole; past
 * 100 * 10^d every n fits some k anyway, so a large max_n only floods.
 */
static int64
max_n_arg(int64 max_n)
{
	if (max_n < 1 || max_n > GRIM_MAX_CANDIDATE_N)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("max_n must be between 1 and %d, not " INT64_FORMAT,
						GRIM_MAX_CANDIDATE_N, max_n),
				errdetail("Up to %d denominators give at most about 500 000 candidates; "
						  "the list grows with the square of max_n.", GRIM_MAX_CANDIDATE_N),
				errhint("For one large denominator use iscm.grim_consistent(reported, n); "
						"every n of 100 or more fits some k of a whole percentage."));
	return max_n;
}

Datum
survey_grim_consistent(PG_FUNCTION_ARGS)
{
	GrimFigure	figure = figure_arg(PG_GETARG_TEXT_PP(0));
	int64		n = n_arg(PG_GETARG_INT32(1), "number of respondents n");
	int64		lo,
				hi;

	PG_RETURN_BOOL(grim_k_range(figure, n, &lo, &hi));
}

Datum
survey_grim_consistent_rounding(PG_FUNCTION_ARGS)
{
	GrimFigure	figure = figure_arg(PG_GETARG_TEXT_PP(0));
	int64		n = n_arg(PG_GETARG_INT32(1), "number of respondents n");
	GrimRounding rounding = rounding_arg(PG_GETARG_TEXT_PP(2));
	int64		lo,
				hi;

	PG_RETURN_BOOL(grim_k_range_rounding(figure, n, rounding, &lo, &hi));
}

/* the rules (canonical names, in the order of GrimRounding) under which some k of n gives the figure */
Datum
survey_grim_roundings(PG_FUNCTION_ARGS)
{
	GrimFigure	figure = figure_arg(PG_GETARG_TEXT_PP(0));
	int64		n = n_arg(PG_GETARG_INT32(1), "number of respondents n");
	Datum		names[GRIM_ROUNDINGS];
	int			count = 0;

	for (int rule = 0; rule < GRIM_ROUNDINGS; rule++)
	{
		int64		lo,
					hi;

		if (grim_k_range_rounding(figure, n, (GrimRounding) rule, &lo, &hi))
			names[count++] = CStringGetTextDatum(survey_grim_rounding_name((GrimRounding) rule));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(names, count, TEXTOID, -1, false, TYPALIGN_INT));
}

typedef struct CandidateScan
{
	GrimFigure	figure;
	GrimRounding rounding;
	int64		max_n;
	int64		n;				/* current denominator */
	int64		k;				/* next numerator to return */
	int64		k_max;
} CandidateScan;

/* move to the next (k, n) that produces the figure; false when done */
static bool
next_candidate(CandidateScan *scan)
{
	while (scan->k > scan->k_max)
	{
		CHECK_FOR_INTERRUPTS();
		if (++scan->n > scan->max_n)
			return false;
		if (!grim_k_range_rounding(scan->figure, scan->n, scan->rounding, &scan->k, &scan->k_max))
			scan->k = scan->k_max + 1;
	}
	return true;
}

/* max_calls stays 0: next_candidate says when the scan ends */
static void *
candidates_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	CandidateScan *scan = palloc(sizeof(CandidateScan));

	scan->figure = figure_arg(PG_GETARG_TEXT_PP(0));
	scan->max_n = max_n_arg(PG_GETARG_INT32(1));
	/* the 1.0 form has two arguments and rounds half up */
	scan->rounding = PG_NARGS() > 2 ? rounding_arg(PG_GETARG_TEXT_PP(2)) : GRIM_HALF_UP;
	scan->n = 0;
	scan->k = 1;
	scan->k_max = 0;
	return scan;
}

static Datum
grim_candidates_next(FunctionCallInfo fcinfo)
{
	FuncCallContext *funcctx;
	CandidateScan *scan;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, candidates_start, true, "iscm.grim_candidates");
	funcctx = SRF_PERCALL_SETUP();
	scan = funcctx->user_fctx;
	if (next_candidate(scan))
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int32GetDatum((int32) scan->k);
		values[1] = Int32GetDatum((int32) scan->n);
		scan->k++;
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

Datum
survey_grim_candidates(PG_FUNCTION_ARGS)
{
	return grim_candidates_next(fcinfo);
}

Datum
survey_grim_candidates_rounding(PG_FUNCTION_ARGS)
{
	return grim_candidates_next(fcinfo);
}

/*
 * A count below the disclosure threshold is not published, except 0: an empty
 * cell identifies nobody (the rule survey_table applies, cell by cell).
 */
Datum
survey_suppress(PG_FUNCTION_ARGS)
{
	int64		count = PG_GETARG_INT64(0);
	int32		threshold = PG_GETARG_INT32(1);

	if (count < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("count must be >= 0, not " INT64_FORMAT, count),
				errhint("A count of respondents cannot be negative."));
	if (threshold < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("disclosure threshold must be >= 0, not %d", threshold),
				errhint("Counts below the threshold are suppressed; 0 suppresses nothing."));
	if (count > 0 && count < threshold)
		PG_RETURN_NULL();
	PG_RETURN_INT64(count);
}
