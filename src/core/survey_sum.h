/*
 * survey_sum.h — compensated (Neumaier) summation of survey weights.
 *
 * A plain running sum of doubles depends on the order of the terms in its
 * last bits, so a parallel plan (partial sums combined) gave a weight_sum a
 * few ulps away from the serial one.  Neumaier's variant of Kahan summation
 * keeps the rounding error of every addition in a second double; the result
 * sum + comp is within about one ulp of the exact sum of the terms for any
 * order and any grouping, as long as no partial sum overflows.  Pure C.
 */
#ifndef ISCM_SURVEY_SUM_H
#define ISCM_SURVEY_SUM_H

#include <math.h>

typedef struct SurveySum
{
	double		sum;			/* running sum */
	double		comp;			/* accumulated rounding error of sum */
} SurveySum;

static inline void
survey_sum_add(SurveySum *s, double x)
{
	double		t = s->sum + x;

	if (fabs(s->sum) >= fabs(x))
		s->comp += (s->sum - t) + x;
	else
		s->comp += (x - t) + s->sum;
	s->sum = t;
}

/* add another compensated sum: its sum as a term, its error as error */
static inline void
survey_sum_merge(SurveySum *s, const SurveySum *other)
{
	survey_sum_add(s, other->sum);
	s->comp += other->comp;
}

static inline double
survey_sum_value(const SurveySum *s)
{
	return s->sum + s->comp;
}

/*
 * A sum of squares (or products) of weights anywhere in the double range.
 * Weights of 1e-200 have squares that underflow to 0 and weights of 1e200
 * squares that overflow, yet shares and effective sample sizes only depend on
 * ratios of the sums.  So the sum is kept as 2^(2 exp) times a compensated
 * sum whose terms are scaled into a safe range; exp changes (by an exact
 * rescaling with a power of two) when a term would not fit.
 */
typedef struct SurveySquareSum
{
	SurveySum	scaled;			/* the sum times 2^(-2 exp) */
	int			exp;
} SurveySquareSum;

/* scaled terms stay within 2^-SURVEY_SQUARE_RANGE .. 2^SURVEY_SQUARE_RANGE */
#define SURVEY_SQUARE_RANGE 600

static inline void
survey_square_rescale(SurveySquareSum *s, int exp)
{
	s->scaled.sum = ldexp(s->scaled.sum, 2 * (s->exp - exp));
	s->scaled.comp = ldexp(s->scaled.comp, 2 * (s->exp - exp));
	s->exp = exp;
}

/* add p q (p, q >= 0 and finite) */
static inline void
survey_square_add_product(SurveySquareSum *s, double p, double q)
{
	int			ep,
				eq,
				e;
	double		mantissa;

	if (p == 0.0 || q == 0.0)
		return;
	mantissa = frexp(p, &ep) * frexp(q, &eq);
	e = ep + eq - 2 * s->exp;
	/*
	 * A term too large for the scale, or the first term too small for it,
	 * moves the scale to the term.  A later small term is negligible next to
	 * the sum, which holds a term of about 1 from then on.
	 */
	if (e > SURVEY_SQUARE_RANGE ||
		(e < -SURVEY_SQUARE_RANGE && survey_sum_value(&s->scaled) == 0.0))
	{
		survey_square_rescale(s, (ep + eq) / 2);
		e = ep + eq - 2 * s->exp;
	}
	survey_sum_add(&s->scaled, ldexp(mantissa, e));
}

/* add w^2: a plain multiply and add while the scale is 1 and w^2 is safe */
static inline void
survey_square_add(SurveySquareSum *s, double w)
{
	if (s->exp == 0 && w <= 0x1p300 && (w >= 0x1p-300 || w == 0.0))
		survey_sum_add(&s->scaled, w * w);
	else
		survey_square_add_product(s, w, w);
}

static inline void
survey_square_merge(SurveySquareSum *s, const SurveySquareSum *other)
{
	SurveySquareSum o = *other;

	if (o.scaled.sum == 0.0 && o.scaled.comp == 0.0)
		return;
	if (s->scaled.sum == 0.0 && s->scaled.comp == 0.0)
	{
		*s = o;
		return;
	}
	if (o.exp > s->exp)
		survey_square_rescale(s, o.exp);
	else
		survey_square_rescale(&o, s->exp);
	survey_sum_merge(&s->scaled, &o.scaled);
}

#endif							/* ISCM_SURVEY_SUM_H */
