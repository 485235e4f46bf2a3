/*
 * survey_design_fuzz.c — libFuzzer target for the design_summary byte format
 * and its estimators (src/core/survey_design_core.c): what design_summary_recv,
 * the text input and the deserialize function of design_agg decode.
 *
 * Invariants for a payload the decoder accepts:
 *   - every name lies inside the payload and holds no NUL; strata,
 *     categories, PSUs and cells are in the documented order; every PSU's
 *     stratum and every cell's indexes are in range; the strata's PSU counts
 *     add up to the PSUs;
 *   - re-encoding what was read gives back the same bytes (one byte form per
 *     value);
 *   - the estimators run on it under every lonely PSU rule without reading
 *     outside the arrays, and a share they define lies in [0, 1];
 *   - so does the Rao-Scott test, with the categories read as a 2-row table,
 *     and a P it gives lies in [0, 1].
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "survey_design_core.h"
#include "fuzz_check.h"

static void
fuzz_design(const uint8_t *buf, size_t len)
{
	uint32_t	nstrata,
				ncat,
				npsu,
				ncell;
	DesignData	d;
	DesignStatus st;
	uint64_t	psus = 0;

	st = design_summary_counts(buf, len, &nstrata, &ncat, &npsu, &ncell);
	FUZZ_CHECK(design_status_message(st) != NULL);
	if (st != DESIGN_OK)
		return;
	memset(&d, 0, sizeof(d));
	d.strata = calloc(nstrata + 1, sizeof(DesignStratum));
	d.cats = calloc(ncat + 1, sizeof(DesignCategory));
	d.psus = calloc(npsu + 1, sizeof(DesignPsu));
	d.cells = calloc(ncell + 1, sizeof(DesignCell));
	FUZZ_CHECK(d.strata && d.cats && d.psus && d.cells);
	st = design_summary_decode(buf, len, &d);
	FUZZ_CHECK(design_status_message(st) != NULL);
	if (st == DESIGN_OK)
	{
		uint8_t    *again;
		double	   *popsize = calloc(nstrata + 1, sizeof(double));
		double	   *num = calloc(npsu + 1, sizeof(double));
		double	   *den = calloc(npsu + 1, sizeof(double));
		double	   *z = calloc(npsu + 1, sizeof(double));
		uint8_t    *present = calloc(nstrata + 1, 1);

		FUZZ_CHECK(popsize && num && den && z && present);
		for (uint32_t h = 0; h < d.nstrata; h++)
		{
			const DesignStratum *s = &d.strata[h];

			FUZZ_CHECK(s->len == 0 || ((const uint8_t *) s->name >= buf &&
									   (const uint8_t *) s->name + s->len <= buf + len));
			FUZZ_CHECK(s->len == 0 || memchr(s->name, 0, s->len) == NULL);
			FUZZ_CHECK(s->npsu >= 1);
			psus += s->npsu;
			if (h > 0)
				FUZZ_CHECK(design_name_compare(d.strata[h - 1].isnull, d.strata[h - 1].name,
											   d.strata[h - 1].len, s->isnull, s->name, s->len) < 0);
		}
		FUZZ_CHECK(psus == d.npsu);
		for (uint32_t p = 0; p < d.npsu; p++)
		{
			FUZZ_CHECK(d.psus[p].stratum < d.nstrata);
			FUZZ_CHECK(p == 0 || d.psus[p - 1].stratum <= d.psus[p].stratum);
		}
		for (uint32_t i = 0; i < d.ncell; i++)
		{
			FUZZ_CHECK(d.cells[i].psu < d.npsu && d.cells[i].category < d.ncat);
			FUZZ_CHECK(isfinite(d.cells[i].weight) && d.cells[i].weight >= 0.0);
			FUZZ_CHECK(d.cells[i].rows >= 1 && d.cells[i].nonzero <= d.cells[i].rows);
		}
		FUZZ_CHECK(design_summary_size(&d) == len);
		again = malloc(len);
		FUZZ_CHECK(again != NULL);
		design_summary_encode(again, &d);
		FUZZ_CHECK(memcmp(again, buf, len) == 0);
		free(again);

		for (int rule = 0; rule < DESIGN_LONELY_INVALID; rule++)
		{
			uint32_t	bad = 0;

			if (design_popsize(&d, popsize, &bad) != DESIGN_ESTIMATE_OK)
			{
				FUZZ_CHECK(bad < d.nstrata || d.nstrata == 0);
				for (uint32_t h = 0; h < d.nstrata; h++)
					popsize[h] = INFINITY;
			}
			for (uint32_t c = 0; c < d.ncat && c < 4; c++)
			{
				DesignEstimate e;
				double		lo,
							hi;

				if (design_estimate_category(&d, c, (DesignLonely) rule, popsize, num, den, z,
											 present, &e, &bad) != DESIGN_ESTIMATE_OK)
				{
					FUZZ_CHECK(bad < d.nstrata);
					continue;
				}
				if (e.defined)
				{
					FUZZ_CHECK(e.ratio >= 0.0 && e.ratio <= 1.0 + 1e-12);
					FUZZ_CHECK(e.df >= 0);
					for (int m = 0; m < DESIGN_CI_INVALID; m++)
						design_ciprop((DesignCiMethod) m, e.ratio, e.ratio_var, (double) e.df,
									  (double) e.rows, 0.95, &lo, &hi);
				}
				(void) design_deff_share(&e, rule % 2 == 0);
			}
			if (!(d.flags & (DESIGN_FLAG_NUMERIC | DESIGN_FLAG_MULTIPLE)) && d.ncat >= 3 && d.ncat <= 60)
			{
				uint32_t	row_of[60],
							col_of[60],
							nc = (d.ncat + 1) / 2;
				double	   *work = calloc(design_chisq_work(&d, 2, nc) + 1, sizeof(double));
				DesignChisq r;

				FUZZ_CHECK(work != NULL);
				for (uint32_t k = 0; k < d.ncat; k++)
				{
					row_of[k] = k % 2;
					col_of[k] = k / 2;
				}
				for (int s = 0; s < DESIGN_CHISQ_INVALID; s++)
					if (design_chisq(&d, row_of, col_of, 2, nc, (DesignChisqStatistic) s, (DesignLonely) rule,
									 popsize, work, present, &r, &bad) == DESIGN_ESTIMATE_OK &&
						!isnan(r.p_value))
						FUZZ_CHECK(r.p_value >= -1e-12 && r.p_value <= 1.0 + 1e-12);
				free(work);
			}
		}
		free(popsize);
		free(num);
		free(den);
		free(z);
		free(present);
	}
	free(d.strata);
	free(d.cats);
	free(d.psus);
	free(d.cells);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const FuzzMode modes[] = {fuzz_design};

	return fuzz_dispatch(data, size, modes, sizeof(modes) / sizeof(modes[0]));
}
