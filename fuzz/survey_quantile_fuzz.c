/*
 * survey_quantile_fuzz.c — libFuzzer target for the design_sample byte format
 * and svyquantile (src/core/survey_quantile_core.c), and for the likelihood
 * interval of svyciprop (src/core/survey_likelihood.c).
 *
 * Mode 0, a design_sample payload (what design_sample_recv and the text
 * input decode).  Invariants for a payload the decoder accepts:
 *   - every row's PSU is in range, its value finite, its weight finite and
 *     >= 0, the rows in (value, weight, psu) order;
 *   - re-encoding what was read gives back the same bytes;
 *   - a quantile is one of the values; under every
 *     lonely PSU rule the Woodruff limits are values too, lower <= upper.
 * Mode 1, eight doubles (p, variance, df, rows, nonzero, level, two spline
 * abscissae): the likelihood limits are NaN or in [0, 1] with lower <= upper
 * (up to rounding);
 * the FMM spline through points of a monotone profile interpolates them.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "survey_likelihood.h"
#include "survey_quantile_core.h"
#include "fuzz_check.h"

static bool
is_value(const SampleData *s, double v)
{
	for (uint32_t i = 0; i < s->nrow; i++)
		if (s->rows[i].value == v)
			return true;
	return false;
}

static void
fuzz_sample(const uint8_t *buf, size_t len)
{
	uint32_t	nstrata,
				npsu,
				nrow;
	SampleData	s;
	DesignStatus st;

	st = design_sample_counts(buf, len, &nstrata, &npsu, &nrow);
	FUZZ_CHECK(design_status_message(st) != NULL);
	if (st != DESIGN_OK)
		return;
	memset(&s, 0, sizeof(s));
	s.design.strata = calloc(nstrata + 1, sizeof(DesignStratum));
	s.design.psus = calloc(npsu + 1, sizeof(DesignPsu));
	s.rows = calloc(nrow + 1, sizeof(SampleRow));
	FUZZ_CHECK(s.design.strata && s.design.psus && s.rows);
	st = design_sample_decode(buf, len, &s);
	FUZZ_CHECK(design_status_message(st) != NULL);
	if (st == DESIGN_OK)
	{
		uint8_t    *again = malloc(len);
		double	   *popsize = calloc(nstrata + 1, sizeof(double));
		double	   *num = calloc(npsu + 1, sizeof(double));
		double	   *den = calloc(npsu + 1, sizeof(double));
		double	   *z = calloc(npsu + 1, sizeof(double));
		uint8_t    *present = calloc(nstrata + 1, 1);

		FUZZ_CHECK(again && popsize && num && den && z && present);
		for (uint32_t i = 0; i < s.nrow; i++)
		{
			FUZZ_CHECK(s.rows[i].psu < s.design.npsu);
			FUZZ_CHECK(isfinite(s.rows[i].value));
			FUZZ_CHECK(isfinite(s.rows[i].weight) && s.rows[i].weight >= 0.0);
			FUZZ_CHECK(i == 0 || design_sample_row_compare(&s.rows[i - 1], &s.rows[i]) <= 0);
		}
		FUZZ_CHECK(design_sample_size(&s) == len);
		design_sample_encode(again, &s);
		FUZZ_CHECK(memcmp(again, buf, len) == 0);
		free(again);
		for (int k = 0; k <= 20; k++)
		{
			double		q = design_sample_quantile(&s, k / 20.0);

			if (isnan(q))
				continue;
			FUZZ_CHECK(is_value(&s, q));
		}
		for (int rule = 0; rule < DESIGN_LONELY_INVALID; rule++)
		{
			uint32_t	bad = 0;
			SampleQuantile r;

			if (design_popsize(&s.design, popsize, &bad) != DESIGN_ESTIMATE_OK)
				for (uint32_t h = 0; h < s.design.nstrata; h++)
					popsize[h] = INFINITY;
			if (design_sample_quantile_ci(&s, 0.5, 0.95, (DesignLonely) rule, popsize, num, den, z,
										  present, &r, &bad) != DESIGN_ESTIMATE_OK)
			{
				FUZZ_CHECK(bad < s.design.nstrata);
				continue;
			}
			FUZZ_CHECK(isnan(r.lower) || is_value(&s, r.lower));
			FUZZ_CHECK(isnan(r.upper) || is_value(&s, r.upper));
			if (!isnan(r.lower) && !isnan(r.upper))
				FUZZ_CHECK(r.lower <= r.upper);
		}
		free(popsize);
		free(num);
		free(den);
		free(z);
		free(present);
	}
	free(s.design.strata);
	free(s.design.psus);
	free(s.rows);
}

static void
fuzz_likelihood(const uint8_t *buf, size_t len)
{
	double		a[8] = {0};
	double		lo,
				hi;
	double		x[LIKELIHOOD_MAX_POINTS],
				y[LIKELIHOOD_MAX_POINTS],
				xo[3 * LIKELIHOOD_MAX_POINTS],
				yo[3 * LIKELIHOOD_MAX_POINTS];
	int			k;

	memcpy(a, buf, len < sizeof(a) ? len : sizeof(a));
	design_ciprop_likelihood(a[0], a[1], a[2], a[3], a[4], a[5], &lo, &hi);
	FUZZ_CHECK(isnan(lo) || (lo >= 0.0 && lo <= 1.0));
	FUZZ_CHECK(isnan(hi) || (hi >= 0.0 && hi <= 1.0));
	/* at a level near 0 both limits are p up to rounding */
	if (!isnan(lo) && !isnan(hi))
		FUZZ_CHECK(lo <= hi + 1e-9);
	/* a spline through k points of a strictly increasing function passes through them */
	if (!(isfinite(a[6]) && isfinite(a[7]) && fabs(a[6]) < 1e6 && fabs(a[7]) < 1e6))
		return;
	k = 2 + (int) (len % (LIKELIHOOD_MAX_POINTS - 1));
	for (int i = 0; i < k; i++)
	{
		x[i] = i == 0 ? a[6] : x[i - 1] + 1.0 + fabs(a[7]) * (i % 3);
		y[i] = tanh((x[i] - a[6]) / (1.0 + fabs(a[7])));
	}
	likelihood_spline_fmm(x, y, k, 3 * k, xo, yo);
	FUZZ_CHECK(xo[0] == x[0] && fabs(xo[3 * k - 1] - x[k - 1]) <= 1e-9 * (1.0 + fabs(x[k - 1])));
	FUZZ_CHECK(fabs(yo[0] - y[0]) <= 1e-9 && fabs(yo[3 * k - 1] - y[k - 1]) <= 1e-6);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const FuzzMode modes[] = {fuzz_sample, fuzz_likelihood};

	return fuzz_dispatch(data, size, modes, sizeof(modes) / sizeof(modes[0]));
}
