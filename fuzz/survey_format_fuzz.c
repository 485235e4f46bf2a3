/*
 * survey_format_fuzz.c — libFuzzer target for the byte formats of the survey
 * summaries (src/core/survey_format.c): the validators and in-place readers behind
 * answer_summary_recv, transition_summary_recv, disposition_summary_recv and
 * the deserialize functions of the survey aggregates.
 *
 * The first input byte picks the format, the rest is the payload, in an
 * exactly-sized buffer.  Invariants for a payload the validator accepts:
 *   - the view agrees with the validator, and every category it hands out lies
 *     inside the payload, holds no NUL, and categories are strictly increasing
 *     in survey_category_compare order; find() of each category gives its index;
 *   - counts and weights obey the documented rules (answer counts >= 0, single
 *     choice sums to respondents, multiple choice each <= respondents, weights
 *     finite, >= 0 and 0 for a count of 0; cell counts >= 1 summing to at most
 *     2^63 - 1, cells strictly increasing with indexes in range, weighted
 *     cells' weights finite, >= 0 and summing to a finite total, the weight
 *     of an unweighted cell its count);
 *   - format 2 (per-category squares): each category's square sum is finite,
 *     >= 0, 0 for a count of 0, at most the header's; 0 <= nonzero <=
 *     respondents; the standard errors computed from them
 *     (design_estimate_rows, as the answer_summary accessors call it) are
 *     never negative;
 *   - re-encoding what was read gives back the same bytes: an accepted value
 *     has one byte form, so byte-wise equality and hashing stay consistent.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "survey_design_core.h"
#include "survey_format.h"
#include "fuzz_check.h"

static void
check_category(const uint8_t *buf, size_t len, SurveyCategory c)
{
	const uint8_t *t = (const uint8_t *) c.text;

	FUZZ_CHECK(c.len == 0 || (t >= buf && t + c.len <= buf + len));
	FUZZ_CHECK(c.len == 0 || memchr(t, 0, c.len) == NULL);
}

/*
 * The unordered views (binary receive) accept whatever the ordered ones do,
 * and hand out only categories inside the buffer.
 */
static void
fuzz_unordered(const uint8_t *buf, size_t len, SurveyFormatStatus ordered_status, bool answer)
{
	AnswerSummaryView a;
	TransitionSummaryView t;
	SurveyFormatStatus st = answer ? answer_summary_view_unordered(buf, len, &a)
		: transition_summary_view_unordered(buf, len, &t);
	uint32_t	ncat = answer ? a.ncat : t.ncat;

	FUZZ_CHECK(survey_format_status_message(st) != NULL);
	if (ordered_status == SURVEY_FORMAT_OK)
		FUZZ_CHECK(st == SURVEY_FORMAT_OK);
	if (st != SURVEY_FORMAT_OK)
		return;
	for (uint32_t i = 0; i < ncat; i++)
		check_category(buf, len, answer ? answer_summary_category(&a, i) : transition_summary_category(&t, i));
	if (!answer)
		for (uint32_t i = 0; i < t.ncell; i++)
		{
			TransitionCell c = transition_summary_cell(&t, i);

			FUZZ_CHECK(c.before <= t.ncat && c.after <= t.ncat && c.count >= 1);
		}
}

/* the squares of format 2 and the standard errors the accessors derive from them */
static void
fuzz_answer_estimates(const AnswerSummaryView *v, const SurveyCategory *cats)
{
	bool		weighted = (v->flags & SURVEY_FLAG_WEIGHTED) != 0;
	double		den = weighted ? v->weight_sum : (double) v->respondents;

	for (uint32_t i = 0; i < v->ncat; i++)
	{
		SurveyCategory c = cats[i];
		DesignEstimate e;
		double		nn,
					dd;

		FUZZ_CHECK(isfinite(c.weight_sq) && c.weight_sq >= 0 && (c.count > 0 || c.weight_sq == 0));
		if (weighted)
			FUZZ_CHECK(c.weight_sq <= v->weight_sq * (1 + 1e-9) + (double) v->respondents * 5e-324);
		if (!(den > 0))
			continue;
		if (!weighted)
		{
			nn = (double) c.count / den;
			dd = 1.0;
		}
		else if (v->flags & SURVEY_FLAG_SQ_MEAN)
		{
			nn = c.weight_sq;
			dd = v->weight_sq;
		}
		else
		{
			nn = c.weight_sq / den;
			dd = v->weight_sq / den;
		}
		design_estimate_rows(v->respondents + v->missing, c.weight, den, nn, nn, dd, &e);
		FUZZ_CHECK(!(e.ratio_var < 0) && !(e.total_var < 0));
		FUZZ_CHECK(e.defined && e.ratio >= 0 && e.ratio <= 1 + 1e-8);
	}
}

static void
fuzz_answer(const uint8_t *buf, size_t len)
{
	SurveyFormatStatus st = answer_summary_validate(buf, len);
	AnswerSummaryView v;
	SurveyCategory *cats;
	size_t		strings = 0;
	int64_t		sum = 0;
	uint8_t    *again;
	bool		weighted;

	FUZZ_CHECK(survey_format_status_message(st) != NULL);
	FUZZ_CHECK(answer_summary_view(buf, len, &v) == st);
	fuzz_unordered(buf, len, st, true);
	if (st != SURVEY_FORMAT_OK)
		return;
	/* Kish's n: 0 to respondents, whatever the scale of the weights */
	FUZZ_CHECK(answer_summary_n_eff(&v) >= 0 && answer_summary_n_eff(&v) <= (double) v.respondents);
	weighted = (v.flags & SURVEY_FLAG_WEIGHTED) != 0;
	FUZZ_CHECK(v.respondents >= 0 && v.missing >= 0);
	if (weighted)
		FUZZ_CHECK(isfinite(v.weight_sum) && v.weight_sum >= 0 && isfinite(v.weight_sq) && v.weight_sq >= 0);
	FUZZ_CHECK(v.ncat <= len);	/* each entry takes bytes */
	cats = malloc((v.ncat + 1) * sizeof(SurveyCategory));
	FUZZ_CHECK(cats != NULL);
	for (uint32_t i = 0; i < v.ncat; i++)
	{
		cats[i] = answer_summary_category(&v, i);
		check_category(buf, len, cats[i]);
		/* 0: a category declared with iscm.with_categories that nobody gave */
		FUZZ_CHECK(cats[i].count >= 0);
		if (v.flags & SURVEY_FLAG_MULTIPLE)
			FUZZ_CHECK(cats[i].count <= v.respondents);
		else
			sum += cats[i].count;
		if (weighted)
			FUZZ_CHECK(isfinite(cats[i].weight) && cats[i].weight >= 0 &&
					   (cats[i].count > 0 || cats[i].weight == 0));
		if (i > 0)
			FUZZ_CHECK(survey_category_compare(cats[i - 1].text, cats[i - 1].len, cats[i].text, cats[i].len) < 0);
		FUZZ_CHECK(answer_summary_find(&v, cats[i].text, cats[i].len) == (int64_t) i);
		strings += cats[i].len;
	}
	if (!(v.flags & SURVEY_FLAG_MULTIPLE))
		FUZZ_CHECK(sum == v.respondents);
	FUZZ_CHECK(v.nonzero >= 0 && v.nonzero <= v.respondents);
	if (answer_summary_has_squares(&v))
		fuzz_answer_estimates(&v, cats);
	FUZZ_CHECK(answer_summary_size(v.ncat, strings, v.flags) == len);
	again = malloc(len);
	FUZZ_CHECK(again != NULL);
	answer_summary_encode(again, v.flags, v.respondents, v.missing, v.weight_sum, v.weight_sq, v.nonzero,
						  cats, v.ncat);
	FUZZ_CHECK(memcmp(again, buf, len) == 0);
	free(again);
	free(cats);
}

static void
fuzz_transition(const uint8_t *buf, size_t len)
{
	SurveyFormatStatus st = transition_summary_validate(buf, len);
	TransitionSummaryView v;
	SurveyCategory *cats;
	TransitionCell *cells;
	size_t		strings = 0;
	uint8_t    *again;
	int64_t		total = 0;
	double		weight_total = 0.0;
	bool		weighted;

	FUZZ_CHECK(survey_format_status_message(st) != NULL);
	FUZZ_CHECK(transition_summary_view(buf, len, &v) == st);
	fuzz_unordered(buf, len, st, false);
	if (st != SURVEY_FORMAT_OK)
		return;
	FUZZ_CHECK(v.ncat <= len && v.ncell <= len);
	FUZZ_CHECK((v.flags & ~SURVEY_FLAG_WEIGHTED) == 0);
	weighted = (v.flags & SURVEY_FLAG_WEIGHTED) != 0;
	cats = malloc((v.ncat + 1) * sizeof(SurveyCategory));
	cells = malloc((v.ncell + 1) * sizeof(TransitionCell));
	FUZZ_CHECK(cats != NULL && cells != NULL);
	for (uint32_t i = 0; i < v.ncat; i++)
	{
		cats[i] = transition_summary_category(&v, i);
		check_category(buf, len, cats[i]);
		if (i > 0)
			FUZZ_CHECK(survey_category_compare(cats[i - 1].text, cats[i - 1].len, cats[i].text, cats[i].len) < 0);
		FUZZ_CHECK(transition_summary_find(&v, cats[i].text, cats[i].len) == (int64_t) i);
		strings += cats[i].len;
	}
	for (uint32_t i = 0; i < v.ncell; i++)
	{
		cells[i] = transition_summary_cell(&v, i);
		FUZZ_CHECK(cells[i].before <= v.ncat && cells[i].after <= v.ncat);
		FUZZ_CHECK(cells[i].count >= 1 && cells[i].count <= INT64_MAX - total);
		total += cells[i].count;
		if (weighted)
		{
			FUZZ_CHECK(isfinite(cells[i].weight) && cells[i].weight >= 0 && !signbit(cells[i].weight));
			weight_total += cells[i].weight;
			FUZZ_CHECK(isfinite(weight_total));
		}
		else
			FUZZ_CHECK(cells[i].weight == (double) cells[i].count);
		if (i > 0)
			FUZZ_CHECK(cells[i - 1].before < cells[i].before ||
					   (cells[i - 1].before == cells[i].before && cells[i - 1].after < cells[i].after));
	}
	FUZZ_CHECK(transition_summary_size(v.ncat, strings, v.ncell, weighted) == len);
	again = malloc(len);
	FUZZ_CHECK(again != NULL);
	transition_summary_encode(again, v.flags, cats, v.ncat, cells, v.ncell);
	FUZZ_CHECK(memcmp(again, buf, len) == 0);
	free(again);
	free(cells);
	free(cats);
}

static void
fuzz_disposition(const uint8_t *buf, size_t len)
{
	int64_t		counts[DISPOSITION_CODES];
	uint8_t		again[DISPOSITION_SUMMARY_SIZE];
	SurveyFormatStatus st = disposition_summary_validate(buf, len);

	FUZZ_CHECK(survey_format_status_message(st) != NULL);
	FUZZ_CHECK(disposition_summary_decode(buf, len, counts) == st);
	if (st != SURVEY_FORMAT_OK)
		return;
	FUZZ_CHECK(len == DISPOSITION_SUMMARY_SIZE);
	for (int i = 0; i < DISPOSITION_CODES; i++)
		FUZZ_CHECK(counts[i] >= 0);
	disposition_summary_encode(again, counts);
	FUZZ_CHECK(memcmp(again, buf, len) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const FuzzMode modes[] = {fuzz_answer, fuzz_transition, fuzz_disposition};

	return fuzz_dispatch(data, size, modes, sizeof(modes) / sizeof(modes[0]));
}
