/*
 * survey_format.c — encode, validate and read the summary byte formats
 * described in survey_format.h.  Pure C; safe on any input.
 */
#include "survey_format.h"
#include "survey_sum.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ANSWER_HEADER		22		/* version, flags, ncat, respondents, missing */
#define ANSWER_WEIGHTS		16
#define ANSWER_NONZERO		8		/* version 2 */
#define TRANSITION_HEADER	10
#define TRANSITION_ENTRY	8
#define TRANSITION_CELL		16
#define TRANSITION_CELL_WEIGHT	8		/* the f64 weight of a cell of a weighted summary */

const char *
survey_format_status_message(SurveyFormatStatus status)
{
	switch (status)
	{
		case SURVEY_FORMAT_OK:
			return "valid";
		case SURVEY_FORMAT_TRUNCATED:
			return "data is shorter than its header says";
		case SURVEY_FORMAT_BAD_VERSION:
			return "unknown format version";
		case SURVEY_FORMAT_BAD_FLAGS:
			return "unknown flags";
		case SURVEY_FORMAT_BAD_COUNT:
			return "count out of range or inconsistent with the number of respondents";
		case SURVEY_FORMAT_BAD_WEIGHT:
			return "weight sum is negative or not finite";
		case SURVEY_FORMAT_WEIGHTS_NOT_TOTAL:
			return "the category weights of a single-choice summary do not add up to weight_sum";
		case SURVEY_FORMAT_WEIGHT_ABOVE_TOTAL:
			return "a category weight is larger than weight_sum";
		case SURVEY_FORMAT_BAD_WEIGHT_SQ_SUM:
			return "weight_sq_sum must lie between weight_sum^2 / respondents and weight_sum^2 "
				"(no weights of the respondents give these sums)";
		case SURVEY_FORMAT_BAD_WEIGHT_SQ_MEAN:
			return "weight_sq_mean must lie between weight_sum / respondents and weight_sum "
				"(no weights of the respondents give these sums)";
		case SURVEY_FORMAT_SQ_MEAN_NOT_NEEDED:
			return "weight_sq_mean is for sums of squared weights that are not a normal double; "
				"this one is weight_sq_sum";
		case SURVEY_FORMAT_WEIGHT_WITHOUT_COUNT:
			return "a category with count 0 has a non-zero weight";
		case SURVEY_FORMAT_BAD_CATEGORY_SQ:
			return "a category's sum of squared weights is inconsistent with its weight or with weight_sq "
				"(each at most the total, 0 where the weight is 0, adding up to it for single choice)";
		case SURVEY_FORMAT_BAD_NONZERO:
			return "nonzero (respondents with a weight > 0) must lie between 0 and respondents, "
				"and be 0 exactly when weight_sum is 0";
		case SURVEY_FORMAT_BAD_CATEGORY:
			return "category is malformed, duplicated or out of order";
		case SURVEY_FORMAT_BAD_CELL:
			return "transition cell refers to an unknown category or is out of order";
		case SURVEY_FORMAT_DUPLICATE_CELL:
			return "a transition (before, after) is listed twice";
		case SURVEY_FORMAT_COUNT_OVERFLOW:
			return "the counts add up to more than 9223372036854775807";
		case SURVEY_FORMAT_TRAILING_BYTES:
			return "data is longer than its header says";
		case SURVEY_FORMAT_NO_MEMORY:
			return "out of memory";
	}
	return "unknown status";
}

/*
 * ---- big-endian (network order) primitives --------------------------------
 * Written and read byte by byte, so a value has the same bytes on every host
 * and in every role (stored, sent, serialized), as the send functions of the
 * country types and of PostgreSQL itself.
 */

static uint32_t
get_u32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) |
		(uint32_t) p[3];
}

static uint64_t
get_u64(const uint8_t *p)
{
	return ((uint64_t) get_u32(p) << 32) | (uint64_t) get_u32(p + 4);
}

static int64_t
get_i64(const uint8_t *p)
{
	uint64_t	u = get_u64(p);
	int64_t		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

static double
get_f64(const uint8_t *p)
{
	uint64_t	u = get_u64(p);
	double		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

static uint8_t *
put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) (v >> 24);
	p[1] = (uint8_t) (v >> 16);
	p[2] = (uint8_t) (v >> 8);
	p[3] = (uint8_t) v;
	return p + 4;
}

static uint8_t *
put_u64(uint8_t *p, uint64_t v)
{
	put_u32(p, (uint32_t) (v >> 32));
	return put_u32(p + 4, (uint32_t) v);
}

static uint8_t *
put_i64(uint8_t *p, int64_t v)
{
	uint64_t	u;

	memcpy(&u, &v, sizeof(u));
	return put_u64(p, u);
}

static uint8_t *
put_f64(uint8_t *p, double v)
{
	uint64_t	u;

	/* -0.0 + 0.0 is +0.0: every stored double (weights, sums) has one byte form */
	v += 0.0;
	memcpy(&u, &v, sizeof(u));
	return put_u64(p, u);
}

int
survey_category_compare(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

static bool
valid_weight(double w)
{
	/* no -0.0: it would print as -0 and read back as 0, a second byte form */
	return isfinite(w) && w >= 0.0 && !signbit(w);
}

/* a <= b up to the relative tolerance (b >= 0) */
static bool
at_most(double a, double b)
{
	return a <= b + SURVEY_WEIGHT_TOLERANCE * b;
}

/*
 * The sums of a weighted summary must come from some non-negative weights of
 * its respondents: (sum w)^2 / n <= sum w^2 <= (sum w)^2.  Compared through
 * square roots so that nothing overflows (1e308 and 1e-308 are refused, not
 * turned into an infinite effective sample size); the squares of tiny weights
 * underflow, so sum w^2 may be short by n times the least double.
 */
static bool
valid_weight_sums(double weight_sum, double weight_sq_sum, int64_t respondents)
{
	double		n = (double) respondents;

	if (!at_most(sqrt(weight_sq_sum), weight_sum))
		return false;
	/* DBL_MIN * DBL_EPSILON is the least subnormal (C11's DBL_TRUE_MIN); this file stays C99 */
	return at_most(weight_sum, sqrt(n * (weight_sq_sum + n * (DBL_MIN * DBL_EPSILON))));
}

/*
 * Check a table of (offset, length) category entries against the string
 * area: offsets are the running total, no NUL, and (when ordered) strictly
 * increasing order.
 * Returns the total string bytes through *used.
 */
static SurveyFormatStatus
check_categories(const uint8_t *entries, size_t stride, size_t name_at, uint32_t ncat,
				 const uint8_t *strings, size_t available, bool ordered, size_t *used)
{
	size_t		total = 0;
	const char *prev = NULL;
	uint32_t	prev_len = 0;

	for (uint32_t i = 0; i < ncat; i++)
	{
		const uint8_t *e = entries + (size_t) i * stride + name_at;
		uint32_t	offset = get_u32(e);
		uint32_t	len = get_u32(e + 4);
		const char *text;

		if (offset != total)
			return SURVEY_FORMAT_BAD_CATEGORY;
		if (len > available - total)
			return SURVEY_FORMAT_TRUNCATED;
		text = (const char *) strings + total;
		if (memchr(text, '\0', len) != NULL)
			return SURVEY_FORMAT_BAD_CATEGORY;
		if (ordered && prev != NULL && survey_category_compare(prev, prev_len, text, len) >= 0)
			return SURVEY_FORMAT_BAD_CATEGORY;
		prev = text;
		prev_len = len;
		total += len;
	}
	*used = total;
	return SURVEY_FORMAT_OK;
}

/* ---- answer_summary ------------------------------------------------------ */

static size_t
answer_entry_size(uint8_t flags)
{
	if (flags & SURVEY_FLAG_CAT_SQ)
		return 32;
	return (flags & SURVEY_FLAG_WEIGHTED) ? 24 : 16;
}

static size_t
answer_header_size(uint8_t flags)
{
	return ANSWER_HEADER + ((flags & SURVEY_FLAG_WEIGHTED) ? ANSWER_WEIGHTS : 0) +
		((flags & SURVEY_FLAG_CAT_SQ) ? ANSWER_NONZERO : 0);
}

/*
 * a <= b up to the relative tolerance, with room for n squares that
 * underflowed (each short by at most the least subnormal)
 */
static bool
at_most_squares(double a, double b, int64_t n)
{
	return a <= b + SURVEY_WEIGHT_TOLERANCE * b + (double) n * (DBL_MIN * DBL_EPSILON);
}

/* a sum of squares of positive weights that can be stored as it is */
static bool
is_normal(double v)
{
	return isfinite(v) && fabs(v) >= DBL_MIN;
}

/*
 * weight_sq given as the mean of the squares over weight_sum: between
 * weight_sum / n and weight_sum, and only when the sum of squares is not a
 * normal double (one byte form per value).
 */
static SurveyFormatStatus
check_weight_sq_mean(double weight_sum, double mean, int64_t respondents)
{
	if (!(weight_sum > 0.0) || respondents <= 0 ||
		!at_most(mean, weight_sum) || !at_most(weight_sum / (double) respondents, mean))
		return SURVEY_FORMAT_BAD_WEIGHT_SQ_MEAN;
	if (is_normal(mean * weight_sum))
		return SURVEY_FORMAT_SQ_MEAN_NOT_NEEDED;
	return SURVEY_FORMAT_OK;
}

static SurveyFormatStatus
answer_summary_parse(const uint8_t *buf, size_t len, bool ordered, AnswerSummaryView *view)
{
	size_t		header,
				stride,
				used;
	const uint8_t *strings;
	int64_t		sum = 0;
	SurveySum	weights = {0.0, 0.0};
	SurveySum	squares = {0.0, 0.0};
	bool		v2;
	SurveyFormatStatus status;

	if (buf == NULL || len < 2)
		return SURVEY_FORMAT_TRUNCATED;
	if (buf[0] != SURVEY_FORMAT_VERSION && buf[0] != SURVEY_FORMAT_VERSION_SQUARES)
		return SURVEY_FORMAT_BAD_VERSION;
	v2 = buf[0] == SURVEY_FORMAT_VERSION_SQUARES;
	if (buf[1] & ~(SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED | SURVEY_FLAG_SQ_MEAN |
				   SURVEY_FLAG_CAT_SQ))
		return SURVEY_FORMAT_BAD_FLAGS;
	if ((buf[1] & SURVEY_FLAG_SQ_MEAN) && !(buf[1] & SURVEY_FLAG_WEIGHTED))
		return SURVEY_FORMAT_BAD_FLAGS;
	/* the version and flag bit 3 say the same: one byte form per value */
	if (v2 != ((buf[1] & SURVEY_FLAG_CAT_SQ) != 0) || (v2 && !(buf[1] & SURVEY_FLAG_WEIGHTED)))
		return SURVEY_FORMAT_BAD_FLAGS;

	view->flags = buf[1];
	header = answer_header_size(view->flags);
	if (len < header)
		return SURVEY_FORMAT_TRUNCATED;
	view->ncat = get_u32(buf + 2);
	view->respondents = get_i64(buf + 6);
	view->missing = get_i64(buf + 14);
	view->weight_sum = 0.0;
	view->weight_sq = 0.0;
	if (view->respondents < 0 || view->missing < 0 ||
		view->missing > INT64_MAX - view->respondents)
		return SURVEY_FORMAT_BAD_COUNT;
	if (view->flags & SURVEY_FLAG_WEIGHTED)
	{
		view->weight_sum = get_f64(buf + 22);
		view->weight_sq = get_f64(buf + 30);
		if (!valid_weight(view->weight_sum) || !valid_weight(view->weight_sq))
			return SURVEY_FORMAT_BAD_WEIGHT;
	}
	view->nonzero = view->respondents;
	if (v2)
	{
		/* a summary without respondents has nothing to add: it is written as version 1 */
		if (view->respondents < 1)
			return SURVEY_FORMAT_BAD_COUNT;
		view->nonzero = get_i64(buf + 38);
		if (view->nonzero < 0 || view->nonzero > view->respondents ||
			(view->nonzero > 0) != (view->weight_sum > 0.0))
			return SURVEY_FORMAT_BAD_NONZERO;
	}

	stride = answer_entry_size(view->flags);
	if (view->ncat > (len - header) / stride)
		return SURVEY_FORMAT_TRUNCATED;
	view->entries = buf + header;
	strings = view->entries + (size_t) view->ncat * stride;
	view->strings = strings;

	for (uint32_t i = 0; i < view->ncat; i++)
	{
		const uint8_t *e = view->entries + (size_t) i * stride;
		int64_t		count = get_i64(e);

		if (count < 0 || count > view->respondents)
			return SURVEY_FORMAT_BAD_COUNT;
		if (view->flags & SURVEY_FLAG_WEIGHTED)
		{
			double		w = get_f64(e + 8);

			if (!valid_weight(w))
				return SURVEY_FORMAT_BAD_WEIGHT;
			if (count == 0 && w != 0.0)
				return SURVEY_FORMAT_WEIGHT_WITHOUT_COUNT;
			if (!at_most(w, view->weight_sum))
				return SURVEY_FORMAT_WEIGHT_ABOVE_TOTAL;
			survey_sum_add(&weights, w);
		}
		if (v2)
		{
			double		sq = get_f64(e + 16);

			if (!valid_weight(sq))
				return SURVEY_FORMAT_BAD_WEIGHT;
			if (count == 0 && sq != 0.0)
				return SURVEY_FORMAT_WEIGHT_WITHOUT_COUNT;
			if ((get_f64(e + 8) == 0.0 && sq != 0.0) ||
				!at_most_squares(sq, view->weight_sq, view->respondents))
				return SURVEY_FORMAT_BAD_CATEGORY_SQ;
			survey_sum_add(&squares, sq);
		}
		if (!(view->flags & SURVEY_FLAG_MULTIPLE))
		{
			/* sum <= respondents throughout, so this cannot overflow */
			if (count > view->respondents - sum)
				return SURVEY_FORMAT_BAD_COUNT;
			sum += count;
		}
	}
	if (!(view->flags & SURVEY_FLAG_MULTIPLE) && sum != view->respondents)
		return SURVEY_FORMAT_BAD_COUNT;
	if (view->flags & SURVEY_FLAG_WEIGHTED)
	{
		double		total = survey_sum_value(&weights);

		if (!(view->flags & SURVEY_FLAG_MULTIPLE) &&
			!(at_most(total, view->weight_sum) && at_most(view->weight_sum, total)))
			return SURVEY_FORMAT_WEIGHTS_NOT_TOTAL;
		if (view->flags & SURVEY_FLAG_SQ_MEAN)
		{
			status = check_weight_sq_mean(view->weight_sum, view->weight_sq, view->respondents);
			if (status != SURVEY_FORMAT_OK)
				return status;
		}
		else if (!valid_weight_sums(view->weight_sum, view->weight_sq, view->respondents))
			return SURVEY_FORMAT_BAD_WEIGHT_SQ_SUM;
		if (v2 && !(view->flags & SURVEY_FLAG_MULTIPLE))
		{
			double		sq_total = survey_sum_value(&squares);

			if (!at_most_squares(sq_total, view->weight_sq, view->respondents) ||
				!at_most_squares(view->weight_sq, sq_total, view->respondents))
				return SURVEY_FORMAT_BAD_CATEGORY_SQ;
		}
	}

	status = check_categories(view->entries, stride, stride - 8, view->ncat,
							  strings, len - (size_t) (strings - buf), ordered, &used);
	if (status != SURVEY_FORMAT_OK)
		return status;
	if (used != len - (size_t) (strings - buf))
		return SURVEY_FORMAT_TRAILING_BYTES;
	return SURVEY_FORMAT_OK;
}

SurveyFormatStatus
answer_summary_view(const uint8_t *buf, size_t len, AnswerSummaryView *view)
{
	return answer_summary_parse(buf, len, true, view);
}

SurveyFormatStatus
answer_summary_view_unordered(const uint8_t *buf, size_t len, AnswerSummaryView *view)
{
	return answer_summary_parse(buf, len, false, view);
}

uint8_t
answer_summary_weight_sq(double scaled, int exp, double weight_sum, double *weight_sq)
{
	double		sum = ldexp(scaled, 2 * exp);
	int			es,
				ew;
	double		fs,
				fw;

	if (scaled == 0.0 || is_normal(sum) || !(weight_sum > 0.0))
	{
		*weight_sq = sum;
		return 0;
	}
	/* sum / weight_sum, from the mantissas and exponents: neither side overflows */
	fs = frexp(scaled, &es);
	fw = frexp(weight_sum, &ew);
	return answer_summary_weight_sq_from_mean(ldexp(fs / fw, es + 2 * exp - ew), weight_sum,
											  weight_sq);
}

uint8_t
answer_summary_weight_sq_from_mean(double mean, double weight_sum, double *weight_sq)
{
	double		sum = mean * weight_sum;

	/* the product decides, as the validator checks it; 0 only when it is exact */
	if (mean == 0.0 || weight_sum == 0.0 || is_normal(sum))
	{
		*weight_sq = sum;
		return 0;
	}
	*weight_sq = mean;
	return SURVEY_FLAG_SQ_MEAN;
}

double
answer_summary_n_eff(const AnswerSummaryView *view)
{
	double		n_eff;

	if (!(view->flags & SURVEY_FLAG_WEIGHTED))
		return (double) view->respondents;
	if (!(view->weight_sq > 0.0))
		return 0.0;
	/* in this order nothing overflows; rounding may pass n by an ulp */
	if (view->flags & SURVEY_FLAG_SQ_MEAN)
		n_eff = view->weight_sum / view->weight_sq;
	else
		n_eff = view->weight_sum * (view->weight_sum / view->weight_sq);
	return fmin(n_eff, (double) view->respondents);
}

double
answer_summary_category_sq(double scaled, int exp, double weight_sum, uint8_t flags)
{
	int			es,
				ew;
	double		fs,
				fw;

	if (!(flags & SURVEY_FLAG_SQ_MEAN) || scaled == 0.0 || !(weight_sum > 0.0))
		return ldexp(scaled, 2 * exp);
	/* scaled 2^(2 exp) / weight_sum from the mantissas and exponents, as answer_summary_weight_sq */
	fs = frexp(scaled, &es);
	fw = frexp(weight_sum, &ew);
	return ldexp(fs / fw, es + 2 * exp - ew);
}

bool
answer_summary_has_squares(const AnswerSummaryView *view)
{
	return !(view->flags & SURVEY_FLAG_WEIGHTED) || (view->flags & SURVEY_FLAG_CAT_SQ) ||
		view->respondents == 0;
}

SurveyFormatStatus
answer_summary_validate(const uint8_t *buf, size_t len)
{
	AnswerSummaryView view;

	return answer_summary_view(buf, len, &view);
}

SurveyCategory
answer_summary_category(const AnswerSummaryView *view, uint32_t i)
{
	size_t		stride = answer_entry_size(view->flags);
	const uint8_t *e = view->entries + (size_t) i * stride;
	SurveyCategory c;

	c.count = get_i64(e);
	c.weight = (view->flags & SURVEY_FLAG_WEIGHTED) ? get_f64(e + 8) : (double) c.count;
	/* unweighted: a weight of 1 each; a version 1 weighted summary does not know it (0) */
	if (view->flags & SURVEY_FLAG_CAT_SQ)
		c.weight_sq = get_f64(e + 16);
	else
		c.weight_sq = (view->flags & SURVEY_FLAG_WEIGHTED) ? 0.0 : (double) c.count;
	c.text = (const char *) view->strings + get_u32(e + stride - 8);
	c.len = get_u32(e + stride - 4);
	return c;
}

/*
 * Binary search of the ncat category entries of a summary, stride bytes each
 * and sorted by text bytes; every entry ends in the text's (offset into
 * strings, length).  The index of text, or -1.  Not bsearch(): the comparison
 * needs strings, which its comparator cannot be given.
 */
static int64_t
find_category(const uint8_t *entries, size_t stride, uint32_t ncat, const uint8_t *strings,
			  const char *text, uint32_t len)
{
	int64_t		lo = 0,
				hi = (int64_t) ncat - 1;

	while (lo <= hi)
	{
		int64_t		mid = lo + (hi - lo) / 2;
		const uint8_t *e = entries + (size_t) mid * stride;
		int			cmp = survey_category_compare((const char *) strings + get_u32(e + stride - 8),
												  get_u32(e + stride - 4), text, len);

		if (cmp == 0)
			return mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int64_t
answer_summary_find(const AnswerSummaryView *view, const char *text, uint32_t len)
{
	return find_category(view->entries, answer_entry_size(view->flags), view->ncat, view->strings,
						 text, len);
}

size_t
answer_summary_size(uint32_t ncat, size_t string_bytes, uint8_t flags)
{
	return answer_header_size(flags) + (size_t) ncat * answer_entry_size(flags) + string_bytes;
}

void
answer_summary_encode(uint8_t *out, uint8_t flags, int64_t respondents,
					  int64_t missing, double weight_sum, double weight_sq,
					  int64_t nonzero, const SurveyCategory *cats, uint32_t ncat)
{
	bool		weighted = (flags & SURVEY_FLAG_WEIGHTED) != 0;
	bool		squares = (flags & SURVEY_FLAG_CAT_SQ) != 0;
	uint8_t    *p = out;
	uint8_t    *strings;
	uint32_t	offset = 0;

	*p++ = squares ? SURVEY_FORMAT_VERSION_SQUARES : SURVEY_FORMAT_VERSION;
	*p++ = flags;
	p = put_u32(p, ncat);
	p = put_i64(p, respondents);
	p = put_i64(p, missing);
	if (weighted)
	{
		p = put_f64(p, weight_sum);
		p = put_f64(p, weight_sq);
	}
	if (squares)
		p = put_i64(p, nonzero);
	strings = p + (size_t) ncat * answer_entry_size(flags);
	for (uint32_t i = 0; i < ncat; i++)
	{
		p = put_i64(p, cats[i].count);
		if (weighted)
			p = put_f64(p, cats[i].weight);
		if (squares)
			p = put_f64(p, cats[i].weight_sq);
		p = put_u32(p, offset);
		p = put_u32(p, cats[i].len);
		memcpy(strings + offset, cats[i].text, cats[i].len);
		offset += cats[i].len;
	}
}

/* ---- transition_summary -------------------------------------------------- */

static size_t
transition_cell_size(uint8_t flags)
{
	return TRANSITION_CELL + ((flags & SURVEY_FLAG_WEIGHTED) ? TRANSITION_CELL_WEIGHT : 0);
}

/*
 * A category no cell names is one declared with iscm.with_categories (the
 * text form lists it under "declared"), so every category is kept.
 */
static SurveyFormatStatus
transition_summary_parse(const uint8_t *buf, size_t len, bool ordered, TransitionSummaryView *view)
{
	size_t		rest,
				used,
				cell_size;
	int64_t		total = 0;
	double		weight_total = 0.0;
	SurveyFormatStatus status;

	if (buf == NULL || len < 2)
		return SURVEY_FORMAT_TRUNCATED;
	if (buf[0] != SURVEY_FORMAT_VERSION)
		return SURVEY_FORMAT_BAD_VERSION;
	if ((buf[1] & ~SURVEY_FLAG_WEIGHTED) != 0)
		return SURVEY_FORMAT_BAD_FLAGS;
	if (len < TRANSITION_HEADER)
		return SURVEY_FORMAT_TRUNCATED;
	view->flags = buf[1];
	cell_size = transition_cell_size(view->flags);
	view->ncat = get_u32(buf + 2);
	view->ncell = get_u32(buf + 6);
	rest = len - TRANSITION_HEADER;
	if (view->ncat > rest / TRANSITION_ENTRY)
		return SURVEY_FORMAT_TRUNCATED;
	rest -= (size_t) view->ncat * TRANSITION_ENTRY;
	if (view->ncell > rest / cell_size)
		return SURVEY_FORMAT_TRUNCATED;
	rest -= (size_t) view->ncell * cell_size;
	view->entries = buf + TRANSITION_HEADER;
	view->cells = view->entries + (size_t) view->ncat * TRANSITION_ENTRY;
	view->strings = view->cells + (size_t) view->ncell * cell_size;

	for (uint32_t i = 0; i < view->ncell; i++)
	{
		TransitionCell c = transition_summary_cell(view, i);

		if (c.count < 1)
			return SURVEY_FORMAT_BAD_COUNT;
		/* total <= INT64_MAX throughout, so this cannot overflow */
		if (c.count > INT64_MAX - total)
			return SURVEY_FORMAT_COUNT_OVERFLOW;
		total += c.count;
		if (view->flags & SURVEY_FLAG_WEIGHTED)
		{
			/* the shares divide by the total weight, which must be finite too */
			if (!valid_weight(c.weight))
				return SURVEY_FORMAT_BAD_WEIGHT;
			weight_total += c.weight;
			if (!isfinite(weight_total))
				return SURVEY_FORMAT_BAD_WEIGHT;
		}
		if (c.before > view->ncat || c.after > view->ncat)
			return SURVEY_FORMAT_BAD_CELL;
		if (ordered && i > 0)
		{
			TransitionCell p = transition_summary_cell(view, i - 1);

			if (p.before == c.before && p.after == c.after)
				return SURVEY_FORMAT_DUPLICATE_CELL;
			if (p.before > c.before || (p.before == c.before && p.after > c.after))
				return SURVEY_FORMAT_BAD_CELL;
		}
	}

	status = check_categories(view->entries, TRANSITION_ENTRY, 0, view->ncat,
							  view->strings, rest, ordered, &used);
	if (status != SURVEY_FORMAT_OK)
		return status;
	if (used != rest)
		return SURVEY_FORMAT_TRAILING_BYTES;
	return SURVEY_FORMAT_OK;
}

SurveyFormatStatus
transition_summary_view(const uint8_t *buf, size_t len, TransitionSummaryView *view)
{
	return transition_summary_parse(buf, len, true, view);
}

SurveyFormatStatus
transition_summary_view_unordered(const uint8_t *buf, size_t len, TransitionSummaryView *view)
{
	return transition_summary_parse(buf, len, false, view);
}

SurveyFormatStatus
transition_summary_validate(const uint8_t *buf, size_t len)
{
	TransitionSummaryView view;

	return transition_summary_view(buf, len, &view);
}

SurveyCategory
transition_summary_category(const TransitionSummaryView *view, uint32_t i)
{
	const uint8_t *e = view->entries + (size_t) i * TRANSITION_ENTRY;
	SurveyCategory c;

	c.text = (const char *) view->strings + get_u32(e);
	c.len = get_u32(e + 4);
	c.count = 0;
	c.weight = 0.0;
	c.weight_sq = 0.0;
	return c;
}

TransitionCell
transition_summary_cell(const TransitionSummaryView *view, uint32_t i)
{
	const uint8_t *e = view->cells + (size_t) i * transition_cell_size(view->flags);
	TransitionCell c;

	c.before = get_u32(e);
	c.after = get_u32(e + 4);
	c.count = get_i64(e + 8);
	c.weight = (view->flags & SURVEY_FLAG_WEIGHTED) ? get_f64(e + 16) : (double) c.count;
	return c;
}

int64_t
transition_summary_find(const TransitionSummaryView *view, const char *text, uint32_t len)
{
	return find_category(view->entries, TRANSITION_ENTRY, view->ncat, view->strings, text, len);
}

size_t
transition_summary_size(uint32_t ncat, size_t string_bytes, uint32_t ncell, bool weighted)
{
	return TRANSITION_HEADER + (size_t) ncat * TRANSITION_ENTRY +
		(size_t) ncell * transition_cell_size(weighted ? SURVEY_FLAG_WEIGHTED : 0) + string_bytes;
}

void
transition_summary_encode(uint8_t *out, uint8_t flags, const SurveyCategory *cats, uint32_t ncat,
						  const TransitionCell *cells, uint32_t ncell)
{
	uint8_t    *p = out;
	uint8_t    *strings;
	uint32_t	offset = 0;

	*p++ = SURVEY_FORMAT_VERSION;
	*p++ = flags;
	p = put_u32(p, ncat);
	p = put_u32(p, ncell);
	strings = p + (size_t) ncat * TRANSITION_ENTRY + (size_t) ncell * transition_cell_size(flags);
	for (uint32_t i = 0; i < ncat; i++)
	{
		p = put_u32(p, offset);
		p = put_u32(p, cats[i].len);
		memcpy(strings + offset, cats[i].text, cats[i].len);
		offset += cats[i].len;
	}
	for (uint32_t i = 0; i < ncell; i++)
	{
		p = put_u32(p, cells[i].before);
		p = put_u32(p, cells[i].after);
		p = put_i64(p, cells[i].count);
		if (flags & SURVEY_FLAG_WEIGHTED)
			p = put_f64(p, cells[i].weight);
	}
}

/* ---- disposition_summary ------------------------------------------------- */

SurveyFormatStatus
disposition_summary_decode(const uint8_t *buf, size_t len, int64_t *counts)
{
	if (buf == NULL || len < 2)
		return SURVEY_FORMAT_TRUNCATED;
	if (buf[0] != SURVEY_FORMAT_VERSION)
		return SURVEY_FORMAT_BAD_VERSION;
	if (buf[1] != 0)
		return SURVEY_FORMAT_BAD_FLAGS;
	if (len < DISPOSITION_SUMMARY_SIZE)
		return SURVEY_FORMAT_TRUNCATED;
	if (len > DISPOSITION_SUMMARY_SIZE)
		return SURVEY_FORMAT_TRAILING_BYTES;
	for (int i = 0; i < DISPOSITION_CODES; i++)
	{
		counts[i] = get_i64(buf + 2 + 8 * i);
		if (counts[i] < 0)
			return SURVEY_FORMAT_BAD_COUNT;
	}
	return SURVEY_FORMAT_OK;
}

SurveyFormatStatus
disposition_summary_validate(const uint8_t *buf, size_t len)
{
	int64_t		counts[DISPOSITION_CODES];

	return disposition_summary_decode(buf, len, counts);
}

void
disposition_summary_encode(uint8_t *out, const int64_t *counts)
{
	out[0] = SURVEY_FORMAT_VERSION;
	out[1] = 0;
	for (int i = 0; i < DISPOSITION_CODES; i++)
		put_i64(out + 2 + 8 * i, counts[i]);
}
