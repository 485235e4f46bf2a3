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

#endif							/* ISCM_SURVEY_SUM_H */
