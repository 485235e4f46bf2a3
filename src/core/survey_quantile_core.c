/*
 * survey_quantile_core.c — iscm.design_sample's byte format and svyquantile
 * of R's survey package (4.1: qrule "math", interval.type "mean", Woodruff
 * 1952) in pure C.
 */
#include "survey_quantile_core.h"

#include <math.h>
#include <string.h>

static uint32_t
rd_u32(const uint8_t *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

static double
rd_f64(const uint8_t *p)
{
	uint64_t	u = 0;
	double		v;

	for (int i = 0; i < 8; i++)
		u = u << 8 | p[i];
	memcpy(&v, &u, 8);
	return v;
}

static void
wr_u32(uint8_t *p, uint32_t v)
{
	for (int i = 3; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t) v;
}

static void
wr_f64(uint8_t *p, double v)
{
	uint64_t	u;

	memcpy(&u, &v, 8);
	for (int i = 7; i >= 0; i--, u >>= 8)
		p[i] = (uint8_t) u;
}

DesignStatus
design_sample_counts(const uint8_t *buf, size_t len, uint32_t *nstrata, uint32_t *npsu,
					 uint32_t *nrow)
{
	uint32_t	dlen,
				ncat,
				ncell;
	DesignStatus st;

	if (len < 1)
		return DESIGN_TRUNCATED;
	if (buf[0] != SAMPLE_FORMAT_VERSION)
		return DESIGN_BAD_VERSION;
	if (len < SAMPLE_HEADER_SIZE)
		return DESIGN_TRUNCATED;
	if (buf[1] != 0)
		return DESIGN_BAD_FLAGS;
	*nrow = rd_u32(buf + 2);
	dlen = rd_u32(buf + 6);
	if (dlen > len - SAMPLE_HEADER_SIZE)
		return DESIGN_TRUNCATED;
	/* in 64 bits the size of the rows cannot overflow */
	if ((uint64_t) *nrow * SAMPLE_ROW_SIZE != (uint64_t) (len - SAMPLE_HEADER_SIZE - dlen))
		return (uint64_t) *nrow * SAMPLE_ROW_SIZE > (uint64_t) (len - SAMPLE_HEADER_SIZE - dlen)
			? DESIGN_TRUNCATED : DESIGN_TRAILING_BYTES;
	st = design_summary_counts(buf + SAMPLE_HEADER_SIZE, dlen, nstrata, &ncat, npsu, &ncell);
	if (st != DESIGN_OK)
		return st;
	if (ncat != 0 || ncell != 0)
		return DESIGN_BAD_COUNT;
	return DESIGN_OK;
}

int
design_sample_row_compare(const SampleRow *a, const SampleRow *b)
{
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	if (a->psu != b->psu)
		return a->psu < b->psu ? -1 : 1;
	return 0;
}

DesignStatus
design_sample_decode(const uint8_t *buf, size_t len, SampleData *out)
{
	uint32_t	nstrata,
				npsu,
				dlen;
	DesignStatus st = design_sample_counts(buf, len, &nstrata, &npsu, &out->nrow);
	const uint8_t *r;

	if (st != DESIGN_OK)
		return st;
	dlen = rd_u32(buf + 6);
	st = design_summary_decode(buf + SAMPLE_HEADER_SIZE, dlen, &out->design);
	if (st != DESIGN_OK)
		return st;
	if (out->design.flags & ~DESIGN_FLAG_FPC)
		return DESIGN_BAD_FLAGS;
	r = buf + SAMPLE_HEADER_SIZE + dlen;
	for (uint32_t i = 0; i < out->nrow; i++, r += SAMPLE_ROW_SIZE)
	{
		SampleRow  *row = &out->rows[i];

		row->psu = rd_u32(r);
		row->value = rd_f64(r + 4);
		row->weight = rd_f64(r + 12);
		if (row->psu >= out->design.npsu)
			return DESIGN_BAD_INDEX;
		if (!isfinite(row->value))
			return DESIGN_BAD_COUNT;
		if (!isfinite(row->weight) || row->weight < 0.0 || signbit(row->weight))
			return DESIGN_BAD_WEIGHT;
		if (i > 0 && design_sample_row_compare(&out->rows[i - 1], row) > 0)
			return DESIGN_BAD_ORDER;
	}
	return DESIGN_OK;
}

size_t
design_sample_size(const SampleData *s)
{
	return SAMPLE_HEADER_SIZE + design_summary_size(&s->design) + (size_t) s->nrow * SAMPLE_ROW_SIZE;
}

void
design_sample_encode(uint8_t *out, const SampleData *s)
{
	size_t		dlen = design_summary_size(&s->design);
	uint8_t    *r;

	out[0] = SAMPLE_FORMAT_VERSION;
	out[1] = 0;
	wr_u32(out + 2, s->nrow);
	wr_u32(out + 6, (uint32_t) dlen);
	design_summary_encode(out + SAMPLE_HEADER_SIZE, &s->design);
	r = out + SAMPLE_HEADER_SIZE + dlen;
	for (uint32_t i = 0; i < s->nrow; i++, r += SAMPLE_ROW_SIZE)
	{
		wr_u32(r, s->rows[i].psu);
		wr_f64(r + 4, s->rows[i].value);
		wr_f64(r + 12, s->rows[i].weight);
	}
}

/*
 * R's qs() over the rows with a weight > 0: cumsum() and sum() accumulate in
 * long double and round each result to double, as here.
 */
double
design_sample_quantile(const SampleData *s, double p)
{
	long double acc = 0.0L;
	double		total,
				cut,
				cum_pos = 0.0;
	uint32_t	pos = UINT32_MAX,
				first = UINT32_MAX,
				next = UINT32_MAX;

	if (isnan(p))
		return NAN;
	for (uint32_t i = 0; i < s->nrow; i++)
		if (s->rows[i].weight > 0.0)
			acc += s->rows[i].weight;
	total = (double) acc;
	if (!(total > 0.0))
		return NAN;
	cut = p * total;
	acc = 0.0L;
	/* pos: the last row whose cumulative weight is <= p * total, else the first */
	for (uint32_t i = 0; i < s->nrow; i++)
	{
		double		cum;

		if (!(s->rows[i].weight > 0.0))
			continue;
		if (first == UINT32_MAX)
		{
			first = i;
			cum_pos = (double) (acc + s->rows[i].weight);
		}
		acc += s->rows[i].weight;
		cum = (double) acc;
		if (cum <= cut)
		{
			pos = i;
			cum_pos = cum;
			next = UINT32_MAX;
		}
		else if (next == UINT32_MAX && pos != UINT32_MAX)
			next = i;
	}
	if (pos == UINT32_MAX)
	{
		/* none reaches: R's last() gives the first row, and then qup, the row after it */
		pos = first;
		next = UINT32_MAX;
		for (uint32_t i = first + 1; i < s->nrow; i++)
			if (s->rows[i].weight > 0.0)
			{
				next = i;
				break;
			}
	}
	if (p - cum_pos / total == 0.0)
		return s->rows[pos].value;
	return s->rows[next == UINT32_MAX ? pos : next].value;
}

DesignEstimateStatus
design_sample_quantile_ci(const SampleData *s, double p, double level, DesignLonely lonely,
						  const double *popsize, double *num, double *den, double *z,
						  uint8_t *present, SampleQuantile *out, uint32_t *bad_stratum)
{
	const DesignData *d = &s->design;
	DesignEstimate e;
	DesignEstimateStatus st;
	uint32_t	psus = 0,
				strata = 0,
				last_stratum = UINT32_MAX;
	double		alpha = 1.0 - level,
				t,
				pl,
				pu;

	out->quantile = design_sample_quantile(s, p);
	out->lower = out->upper = out->se = NAN;
	memset(&e, 0, sizeof(e));
	for (uint32_t k = 0; k < d->npsu; k++)
		num[k] = den[k] = z[k] = 0.0;
	for (uint32_t h = 0; h < d->nstrata; h++)
		present[h] = 0;
	if (isnan(out->quantile))
		return DESIGN_ESTIMATE_OK;
	/* svymean(y <= q, d) on the domain of the rows with a value */
	for (uint32_t i = 0; i < s->nrow; i++)
	{
		const SampleRow *r = &s->rows[i];

		den[r->psu] += r->weight;
		if (r->value <= out->quantile)
			num[r->psu] += r->weight;
		present[d->psus[r->psu].stratum] = 1;
		e.rows++;
		if (r->weight > 0.0)
			e.nonzero++;
	}
	/* degf(d): PSUs and strata with a row of weight > 0 (z marks the PSUs) */
	for (uint32_t i = 0; i < s->nrow; i++)
		if (s->rows[i].weight > 0.0)
			z[s->rows[i].psu] = 1.0;
	for (uint32_t k = 0; k < d->npsu; k++)
		if (z[k] != 0.0)
		{
			psus++;
			if (d->psus[k].stratum != last_stratum)
			{
				last_stratum = d->psus[k].stratum;
				strata++;
			}
		}
	e.df = (int64_t) psus - (int64_t) strata;
	st = design_estimate_ratio(d, lonely, popsize, present, num, den, z, &e, bad_stratum);
	if (st != DESIGN_ESTIMATE_OK || !e.defined)
		return st;
	/* confint(svymean(...), level = 1 - alpha, df = degf(d)) */
	t = design_t_quantile(1.0 - alpha / 2.0, (double) e.df);
	pl = e.ratio - t * sqrt(e.ratio_var);
	pu = e.ratio + t * sqrt(e.ratio_var);
	if (!(isnan(pl) || pl < 0.0))
		out->lower = design_sample_quantile(s, pl);
	if (!(isnan(pu) || pu > 1.0))
		out->upper = design_sample_quantile(s, pu);
	out->se = (out->upper - out->lower) / (2.0 * t);
	return DESIGN_ESTIMATE_OK;
}
