/*
 * survey_answer_access.c — accessors that read figures out of an
 * iscm.answer_summary: counts, shares, intervals, the mode, the JSON and
 * human-readable forms, and the difference of two rounds.
 */

#include "compat.h"

#include <math.h>

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "server_util.h"
#include "survey_common.h"
#include "survey_design_core.h"
#include "survey_stats.h"

PG_FUNCTION_INFO_V1(answer_summary_respondents);
PG_FUNCTION_INFO_V1(answer_summary_missing);
PG_FUNCTION_INFO_V1(answer_summary_total);
PG_FUNCTION_INFO_V1(answer_summary_count);
PG_FUNCTION_INFO_V1(answer_summary_share);
PG_FUNCTION_INFO_V1(answer_summary_effective_n);
PG_FUNCTION_INFO_V1(answer_summary_weighted);
PG_FUNCTION_INFO_V1(answer_summary_multiple_choice);
PG_FUNCTION_INFO_V1(answer_summary_mode);
PG_FUNCTION_INFO_V1(answer_summary_categories);
PG_FUNCTION_INFO_V1(answer_summary_to_jsonb);
PG_FUNCTION_INFO_V1(answer_summary_describe);
PG_FUNCTION_INFO_V1(answer_summary_ci);
PG_FUNCTION_INFO_V1(answer_summary_ci_lower);
PG_FUNCTION_INFO_V1(answer_summary_ci_upper);
PG_FUNCTION_INFO_V1(answer_summary_share_difference);
PG_FUNCTION_INFO_V1(answer_summary_has_se);
PG_FUNCTION_INFO_V1(answer_summary_category_total);
PG_FUNCTION_INFO_V1(answer_summary_variance);
PG_FUNCTION_INFO_V1(answer_summary_se);
PG_FUNCTION_INFO_V1(answer_summary_cv);
PG_FUNCTION_INFO_V1(answer_summary_deff);
PG_FUNCTION_INFO_V1(answer_summary_total_se);

/* figures of one category */
typedef struct CategoryFigures
{
	int64		count;
	double		weight;
	double		weight_sq;		/* on the summary's scale (survey_format.h) */
} CategoryFigures;

#define DECLARE_HINT \
	"A category nobody gave is 0 only when it is declared: " \
	"iscm.with_categories(s, ARRAY['yes', 'no', ...]) with the question's allowed answers."

/* false for a category the summary does not know */
static bool
category_lookup(const AnswerSummaryView *view, text *category, CategoryFigures *f)
{
	int64		i = answer_summary_find(view, VARDATA_ANY(category), VARSIZE_ANY_EXHDR(category));
	SurveyCategory c;

	if (i < 0)
		return false;
	c = answer_summary_category(view, (uint32) i);
	f->count = c.count;
	f->weight = c.weight;
	f->weight_sq = c.weight_sq;
	return true;
}

pg_noreturn static void unknown_category(const AnswerSummaryView *view, text *category);

/* ERROR 22023 listing the categories the summary knows */
static void
unknown_category(const AnswerSummaryView *view, text *category)
{
	SurveyCategory *cats = palloc(sizeof(SurveyCategory) * (view->ncat + 1));

	for (uint32 i = 0; i < view->ncat; i++)
	{
		CHECK_FOR_INTERRUPTS();
		cats[i] = answer_summary_category(view, i);
	}
	survey_unknown_category(VARDATA_ANY(category), VARSIZE_ANY_EXHDR(category),
							cats, view->ncat, DECLARE_HINT);
}

/*
 * The figures of a category the summary knows: one that was given, or one
 * declared (with count 0) by iscm.with_categories.  Any other category is an
 * error, not a silent 0: 'Yes' for 'yes', or a typo, would read as "nobody".
 */
static CategoryFigures
category_figures(const AnswerSummaryView *view, text *category)
{
	CategoryFigures f;

	if (!category_lookup(view, category, &f))
		unknown_category(view, category);
	return f;
}

static bool
is_weighted(const AnswerSummaryView *view)
{
	return (view->flags & SURVEY_FLAG_WEIGHTED) != 0;
}

/* share of a category; false when undefined (nobody answered, or all weights 0) */
static bool
share_of(const AnswerSummaryView *view, CategoryFigures f, double *share)
{
	if (is_weighted(view))
	{
		if (!(view->weight_sum > 0.0))
			return false;
		*share = f.weight / view->weight_sum;
		if (*share > 1.0)
			*share = 1.0;		/* rounding of the sums */
		return true;
	}
	if (view->respondents == 0)
		return false;
	*share = (double) f.count / (double) view->respondents;
	return true;
}

/* sample size behind the share: respondents, or Kish's n_eff when weighted */
static double
sample_size(const AnswerSummaryView *view)
{
	return answer_summary_n_eff(view);
}

Datum
answer_summary_respondents(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_INT64(view.respondents);
}

Datum
answer_summary_missing(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_INT64(view.missing);
}

Datum
answer_summary_total(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_INT64(view.respondents + view.missing);
}

Datum
answer_summary_count(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_INT64(category_figures(&view, PG_GETARG_TEXT_PP(1)).count);
}

Datum
answer_summary_share(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	double		share;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	if (!share_of(&view, category_figures(&view, PG_GETARG_TEXT_PP(1)), &share))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(share);
}

Datum
answer_summary_effective_n(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_FLOAT8(sample_size(&view));
}

Datum
answer_summary_weighted(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_BOOL(is_weighted(&view));
}

Datum
answer_summary_multiple_choice(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_BOOL((view.flags & SURVEY_FLAG_MULTIPLE) != 0);
}

Datum
answer_summary_mode(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	int64		best = -1;
	double		best_value = -1.0;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	/* no share is defined when all weights are 0: neither is the most common answer */
	if (is_weighted(&view) && !(view.weight_sum > 0.0))
		PG_RETURN_NULL();
	for (uint32 i = 0; i < view.ncat; i++)
	{
		SurveyCategory c = answer_summary_category(&view, i);
		double		value = is_weighted(&view) ? c.weight : (double) c.count;

		CHECK_FOR_INTERRUPTS();
		if (c.count == 0)
			continue;			/* declared, nobody gave it */
		if (value > best_value)
		{
			best = i;
			best_value = value;
		}
	}
	if (best < 0)
		PG_RETURN_NULL();
	{
		SurveyCategory c = answer_summary_category(&view, (uint32) best);

		PG_RETURN_TEXT_P(cstring_to_text_with_len(c.text, (int) c.len));
	}
}

static void *
categories_start(FunctionCallInfo fcinfo, uint64 *max_calls)
{
	AnswerSummaryView *view = palloc(sizeof(AnswerSummaryView));

	/* PG_GETARG_VARLENA_P copies into the multi-call context: the view stays valid */
	answer_summary_read(PG_GETARG_VARLENA_P(0), view);
	*max_calls = view->ncat;
	return view;
}

Datum
answer_summary_categories(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	AnswerSummaryView *view;

	if (SRF_IS_FIRSTCALL())
		srf_first_call(fcinfo, categories_start, true, "iscm.categories");
	funcctx = SRF_PERCALL_SETUP();
	view = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		SurveyCategory c = answer_summary_category(view, (uint32) funcctx->call_cntr);
		CategoryFigures f = {c.count, c.weight};
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		double		share;

		values[0] = PointerGetDatum(cstring_to_text_with_len(c.text, (int) c.len));
		values[1] = Int64GetDatum(c.count);
		if (share_of(view, f, &share))
			values[2] = Float8GetDatum(share);
		else
			nulls[2] = true;
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

Datum
answer_summary_to_jsonb(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	StringInfoData buf;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	initStringInfo(&buf);
	answer_summary_write_json(&buf, &view);
	PG_RETURN_POINTER(survey_json_parse(buf.data));
}

/* round(100 k / n) half up, exactly while 200 n fits in 64 bits */
static int64
percent_half_up(int64 k, int64 n)
{
	if (n <= PG_INT64_MAX / 200)
		return (200 * k + n) / (2 * n);
	return (int64) floor(100.0 * ((double) k / (double) n) + 0.5);
}

/*
 * A whole percentage for a label, never claiming "none" or "all" falsely: a
 * share above 0 that rounds to 0 reads "<1", one below 1 that rounds to 100
 * reads ">99" (1 of 300 is not 0%).
 */
static const char *
percent_label(int64 rounded, bool none, bool all)
{
	if (rounded == 0 && !none)
		return "<1";
	if (rounded == 100 && !all)
		return ">99";
	return psprintf(INT64_FORMAT, rounded);
}

/*
 * '26 of 53 (49%)'.  The unweighted percentage is rounded half up in exact
 * integers, so it agrees with the published figure and with GRIM.  Weighted:
 * '26 of 53 unweighted (weighted 47%)', as the counts are those of
 * respondents while the percentage is of weights, and a reader would
 * otherwise take 26/53 for 47%.
 */
Datum
answer_summary_describe(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	CategoryFigures f;
	double		share;
	const char *counts_label;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	f = category_figures(&view, PG_GETARG_TEXT_PP(1));
	counts_label = is_weighted(&view) ? " unweighted" : "";

	if (!PG_ARGISNULL(2))
	{
		int32		threshold = PG_GETARG_INT32(2);

		if (threshold < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("disclosure threshold must be >= 0, not %d", threshold));
		/* the rule of iscm.suppress: 0 < count < threshold is withheld */
		if (f.count > 0 && f.count < threshold)
			PG_RETURN_TEXT_P(cstring_to_text(psprintf("fewer than %d of " INT64_FORMAT "%s",
													   threshold, view.respondents, counts_label)));
	}
	if (!share_of(&view, f, &share))
		PG_RETURN_TEXT_P(cstring_to_text(psprintf(INT64_FORMAT " of " INT64_FORMAT "%s",
												  f.count, view.respondents, counts_label)));
	if (is_weighted(&view))
		PG_RETURN_TEXT_P(cstring_to_text(psprintf(INT64_FORMAT " of " INT64_FORMAT "%s (weighted %s%%)",
												  f.count, view.respondents, counts_label,
												  percent_label((int64) floor(share * 100.0 + 0.5),
																share <= 0.0, share >= 1.0))));
	PG_RETURN_TEXT_P(cstring_to_text(psprintf(INT64_FORMAT " of " INT64_FORMAT " (%s%%)",
											  f.count, view.respondents,
											  percent_label(percent_half_up(f.count, view.respondents),
															f.count == 0,
															f.count == view.respondents))));
}

/* ---- confidence intervals ------------------------------------------------ */

typedef struct IntervalResult
{
	bool		known;
	double		estimate;
	SurveyInterval interval;
	const char *method;
	double		level;
} IntervalResult;

/* ci(s, category, method, level, population): NULL in the first four gives NULL */
static bool
interval_from_args(FunctionCallInfo fcinfo, IntervalResult *r)
{
	AnswerSummaryView view;
	SurveyCiMethod method;
	CategoryFigures f;
	double		population = 0.0;
	double		n;

	for (int i = 0; i < 4; i++)
		if (PG_ARGISNULL(i))
			return false;
	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	method = survey_ci_method_arg(PG_GETARG_TEXT_PP(2));
	r->method = survey_ci_method_name(method);
	r->level = survey_level_arg(PG_GETARG_FLOAT8(3));
	if (!PG_ARGISNULL(4))
	{
		int64		N = PG_GETARG_INT64(4);

		if (N < 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("population size must not be negative, not " INT64_FORMAT, N),
					errdetail("The population is the number of units the respondents were drawn from, a count >= 1."),
					errhint("Give the size of the population (for example 193 UN member States), or NULL for no finite population correction."));
		if (N == 0)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("population size must not be 0"),
					errdetail("The population is the number of units the respondents were drawn from, a count >= 1; NULL, not 0, means no finite population correction."),
					errhint("Give the size of the population (for example 193 UN member States), or NULL for no finite population correction."));
		if (N < view.respondents)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("population size " INT64_FORMAT " is smaller than the " INT64_FORMAT " respondents",
							N, view.respondents),
					errhint("Give the size of the population the respondents were drawn from (for example 193 UN member States), or NULL for no finite population correction."));
		population = (double) N;
	}

	f = category_figures(&view, PG_GETARG_TEXT_PP(1));
	n = sample_size(&view);
	r->known = share_of(&view, f, &r->estimate) && n > 0.0;
	if (r->known)
		r->interval = survey_proportion_interval(method,
												 is_weighted(&view) ? r->estimate * n : (double) f.count,
												 n, r->level,
												 population, (double) view.respondents);
	else
		r->interval.lower = r->interval.upper = 0.0;
	return true;
}

Datum
answer_summary_ci(PG_FUNCTION_ARGS)
{
	IntervalResult r;

	if (!interval_from_args(fcinfo, &r))
		PG_RETURN_NULL();
	return survey_interval_datum(fcinfo, r.known, r.estimate, r.interval, r.method, r.level);
}

Datum
answer_summary_ci_lower(PG_FUNCTION_ARGS)
{
	IntervalResult r;

	if (!interval_from_args(fcinfo, &r) || !r.known)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.interval.lower);
}

Datum
answer_summary_ci_upper(PG_FUNCTION_ARGS)
{
	IntervalResult r;

	if (!interval_from_args(fcinfo, &r) || !r.known)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r.interval.upper);
}

/* p1 - p2 between two independent rounds, Newcombe's hybrid score interval */
Datum
answer_summary_share_difference(PG_FUNCTION_ARGS)
{
	AnswerSummaryView v1,
				v2;
	text	   *category = PG_GETARG_TEXT_PP(2);
	double		level = survey_level_arg(PG_GETARG_FLOAT8(3));
	double		p1,
				p2,
				n1,
				n2;
	bool		known;
	CategoryFigures f1,
				f2;
	SurveyInterval interval = {0.0, 0.0};

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &v1);
	answer_summary_read(PG_GETARG_VARLENA_PP(1), &v2);
	/* a share of respondents is not a share of choices, nor a weighted share an unweighted one */
	answer_summary_check_kinds(v1.flags, v1.respondents == 0 && v1.missing == 0,
							   v2.flags, v2.respondents == 0 && v2.missing == 0, "compare");
	n1 = sample_size(&v1);
	n2 = sample_size(&v2);

	/*
	 * A category given in one round only is 0 in the other (a change to or
	 * from nobody); in neither round it is a mistake, as for share().
	 */
	if (!category_lookup(&v1, category, &f1))
	{
		if (!category_lookup(&v2, category, &f2))
			unknown_category(&v1, category);
		f1.count = 0;
		f1.weight = 0.0;
	}
	else if (!category_lookup(&v2, category, &f2))
	{
		f2.count = 0;
		f2.weight = 0.0;
	}
	known = share_of(&v1, f1, &p1) && share_of(&v2, f2, &p2) && n1 > 0.0 && n2 > 0.0;
	if (known)
		interval = survey_newcombe_difference(is_weighted(&v1) ? p1 * n1 : (double) f1.count, n1,
											  is_weighted(&v2) ? p2 * n2 : (double) f2.count, n2,
											  level);
	return survey_interval_datum(fcinfo, known, known ? p1 - p2 : 0.0, interval,
								 "newcombe_hybrid_score", level);
}

/* ---- standard errors: R's svydesign(ids = ~1, weights = ~w) ---------------- */

/*
 * The rows of the design are the summary's respondents and its item
 * non-response: R's svymean(..., na.rm = TRUE) and subset() keep the rows
 * without an answer in the design (their PSUs count in n/(n-1)), which is
 * also what design_agg(answer, weight) does, so both give the same figures.
 * The estimator is the design's (survey_design_core.c), from the sums a
 * summary keeps; an unweighted summary is one whose weights are all 1.
 */
static bool
has_squares(const AnswerSummaryView *view)
{
	return answer_summary_has_squares(view);
}

Datum
answer_summary_has_se(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	PG_RETURN_BOOL(has_squares(&view));
}

/* the estimate of the category (argument 1) of the summary (argument 0) */
static DesignEstimate
answer_estimate(FunctionCallInfo fcinfo)
{
	AnswerSummaryView view;
	CategoryFigures f;
	DesignEstimate e;
	double		nn,
				dd;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	f = category_figures(&view, PG_GETARG_TEXT_PP(1));
	if (!has_squares(&view))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("answer summary has no sums of squared weights per category"),
				errdetail("It is a weighted summary of format 1, stored by iscm 1.0 or rolled up with such a summary; a standard error needs the sum of the squared weights of each category."),
				errhint("Aggregate the answers again with answer_agg or choices_agg (format 2); share, total and effective_n still read from this summary, and iscm.has_se(s) tells the summaries apart."));
	if (!is_weighted(&view))
	{
		/* every weight 1: the squares are the counts */
		nn = view.respondents > 0 ? (double) f.count / (double) view.respondents : 0.0;
		dd = 1.0;
	}
	else if (view.flags & SURVEY_FLAG_SQ_MEAN)
	{
		nn = f.weight_sq;
		dd = view.weight_sq;
	}
	else
	{
		nn = view.weight_sum > 0.0 ? f.weight_sq / view.weight_sum : 0.0;
		dd = view.weight_sum > 0.0 ? view.weight_sq / view.weight_sum : 0.0;
	}
	/* a share's indicator is 0 or 1, so num^2 = num den per row */
	design_estimate_rows(view.respondents + view.missing, f.weight,
						 is_weighted(&view) ? view.weight_sum : (double) view.respondents,
						 nn, nn, dd, &e);
	e.rows = view.respondents;
	e.nonzero = view.nonzero;
	e.df = view.nonzero > 0 ? view.nonzero - 1 : 0;
	return e;
}

Datum
answer_summary_category_total(PG_FUNCTION_ARGS)
{
	AnswerSummaryView view;
	CategoryFigures f;

	answer_summary_read(PG_GETARG_VARLENA_PP(0), &view);
	f = category_figures(&view, PG_GETARG_TEXT_PP(1));
	PG_RETURN_FLOAT8(f.weight);
}

Datum
answer_summary_variance(PG_FUNCTION_ARGS)
{
	DesignEstimate e = answer_estimate(fcinfo);

	if (isnan(e.ratio_var))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(e.ratio_var);
}

Datum
answer_summary_se(PG_FUNCTION_ARGS)
{
	DesignEstimate e = answer_estimate(fcinfo);

	if (isnan(e.ratio_var))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(e.ratio_var));
}

Datum
answer_summary_cv(PG_FUNCTION_ARGS)
{
	DesignEstimate e = answer_estimate(fcinfo);

	if (isnan(e.ratio_var) || !(e.ratio > 0.0))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(e.ratio_var) / e.ratio);
}

Datum
answer_summary_deff(PG_FUNCTION_ARGS)
{
	DesignEstimate e = answer_estimate(fcinfo);
	double		v = design_deff_share(&e, PG_GETARG_BOOL(2));

	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

Datum
answer_summary_total_se(PG_FUNCTION_ARGS)
{
	DesignEstimate e = answer_estimate(fcinfo);

	if (isnan(e.total_var))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(e.total_var));
}
