/*
 * survey_design_core.c — the design_summary byte format and the one-stage
 * Taylor linearisation of R's survey package, in pure C.
 *
 * The estimators follow survey's svyrecvar / onestage / onestrat (Lumley,
 * "Complex Surveys", 2010, ch. 2-3 and the package sources): the influence
 * values of an estimator are totalled by PSU, centred within each stratum,
 * and their sum of squares scaled by (1 - n_h/N_h) n_h/(n_h - 1).
 */
#include "survey_design_core.h"

#include <math.h>
#include <string.h>

#include "survey_stats.h"

const char *
design_status_message(DesignStatus status)
{
	switch (status)
	{
		case DESIGN_OK:
			return "ok";
		case DESIGN_TRUNCATED:
			return "data is shorter than its header says";
		case DESIGN_BAD_VERSION:
			return "unknown format version";
		case DESIGN_BAD_FLAGS:
			return "unknown flags";
		case DESIGN_BAD_ORDER:
			return "strata, categories, PSUs or cells out of order or repeated";
		case DESIGN_BAD_INDEX:
			return "a stratum, PSU or category index is out of range";
		case DESIGN_BAD_NAME:
			return "a name holds a NUL byte or does not fit its kind";
		case DESIGN_BAD_FPC:
			return "a finite population correction is not finite and positive, or given without the flag";
		case DESIGN_BAD_WEIGHT:
			return "a weight is negative, not finite, or does not fit its counts";
		case DESIGN_BAD_COUNT:
			return "a count is out of range";
		case DESIGN_EMPTY_STRATUM:
			return "a stratum has no PSU";
		case DESIGN_TRAILING_BYTES:
			return "data is longer than its header says";
	}
	return "unknown status";
}

/* ---- big-endian primitives ------------------------------------------------ */

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

	memcpy(&u, &v, sizeof(u));
	return put_u64(p, u);
}

/* ---- the format ------------------------------------------------------------ */

int
design_name_compare(bool anull, const char *a, uint32_t alen,
					bool bnull, const char *b, uint32_t blen)
{
	int			c;

	if (anull || bnull)
		return (int) bnull - (int) anull == 0 ? 0 : (anull ? -1 : 1);
	c = memcmp(a, b, alen < blen ? alen : blen);
	if (c != 0)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

DesignStatus
design_summary_counts(const uint8_t *buf, size_t len, uint32_t *nstrata, uint32_t *ncat,
					  uint32_t *npsu, uint32_t *ncell)
{
	size_t		need;

	if (len < 1)
		return DESIGN_TRUNCATED;
	if (buf[0] != DESIGN_FORMAT_VERSION)
		return DESIGN_BAD_VERSION;
	if (len < DESIGN_HEADER_SIZE)
		return DESIGN_TRUNCATED;
	if ((buf[1] & ~(DESIGN_FLAG_FPC | DESIGN_FLAG_NUMERIC | DESIGN_FLAG_MULTIPLE)) != 0 ||
		((buf[1] & DESIGN_FLAG_NUMERIC) && (buf[1] & DESIGN_FLAG_MULTIPLE)))
		return DESIGN_BAD_FLAGS;
	*nstrata = get_u32(buf + 2);
	*ncat = get_u32(buf + 6);
	*npsu = get_u32(buf + 10);
	*ncell = get_u32(buf + 14);
	/* in 64 bits the minimal sizes cannot overflow */
	need = (size_t) DESIGN_HEADER_SIZE + (uint64_t) *nstrata * DESIGN_STRATUM_MIN +
		(uint64_t) *ncat * DESIGN_CATEGORY_MIN + (uint64_t) *npsu * DESIGN_PSU_MIN +
		(uint64_t) *ncell * ((buf[1] & DESIGN_FLAG_NUMERIC) ? DESIGN_VALUE_CELL_SIZE : DESIGN_CELL_SIZE);
	if (need > len)
		return DESIGN_TRUNCATED;
	return DESIGN_OK;
}

static bool
name_ok(const uint8_t *p, uint32_t n)
{
	return memchr(p, 0, n) == NULL;
}

DesignStatus
design_summary_decode(const uint8_t *buf, size_t len, DesignData *out)
{
	DesignStatus st;
	size_t		pos;
	int64_t		rows_total;
	bool		numeric;
	size_t		cell_size;

	st = design_summary_counts(buf, len, &out->nstrata, &out->ncat, &out->npsu, &out->ncell);
	if (st != DESIGN_OK)
		return st;
	out->flags = buf[1];
	out->missing = get_i64(buf + 18);
	if (out->missing < 0)
		return DESIGN_BAD_COUNT;
	rows_total = out->missing;
	pos = DESIGN_HEADER_SIZE;

	for (uint32_t i = 0; i < out->nstrata; i++)
	{
		DesignStratum *s = &out->strata[i];
		uint32_t	n;

		if (len - pos < DESIGN_STRATUM_MIN)
			return DESIGN_TRUNCATED;
		if (buf[pos] > 1)
			return DESIGN_BAD_NAME;
		s->isnull = buf[pos] == 1;
		s->fpc = get_f64(buf + pos + 1);
		n = get_u32(buf + pos + 9);
		pos += DESIGN_STRATUM_MIN;
		if (n > len - pos)
			return DESIGN_TRUNCATED;
		if (!name_ok(buf + pos, n) || (s->isnull && n != 0))
			return DESIGN_BAD_NAME;
		s->name = (const char *) buf + pos;
		s->len = n;
		s->npsu = 0;
		pos += n;
		if (out->flags & DESIGN_FLAG_FPC)
		{
			if (!isfinite(s->fpc) || !(s->fpc > 0.0))
				return DESIGN_BAD_FPC;
		}
		else if (s->fpc != 0.0 || signbit(s->fpc))
			return DESIGN_BAD_FPC;
		if (i > 0 && design_name_compare(out->strata[i - 1].isnull, out->strata[i - 1].name,
										 out->strata[i - 1].len, s->isnull, s->name, s->len) >= 0)
			return DESIGN_BAD_ORDER;
	}
	for (uint32_t i = 0; i < out->ncat; i++)
	{
		DesignCategory *c = &out->cats[i];
		uint32_t	n;

		if (len - pos < DESIGN_CATEGORY_MIN)
			return DESIGN_TRUNCATED;
		n = get_u32(buf + pos);
		pos += DESIGN_CATEGORY_MIN;
		if (n > len - pos)
			return DESIGN_TRUNCATED;
		if (!name_ok(buf + pos, n))
			return DESIGN_BAD_NAME;
		c->name = (const char *) buf + pos;
		c->len = n;
		pos += n;
		if (i > 0 && design_name_compare(false, out->cats[i - 1].name, out->cats[i - 1].len,
										 false, c->name, c->len) >= 0)
			return DESIGN_BAD_ORDER;
	}
	for (uint32_t i = 0; i < out->npsu; i++)
	{
		DesignPsu  *p = &out->psus[i];
		uint32_t	n;

		if (len - pos < DESIGN_PSU_MIN)
			return DESIGN_TRUNCATED;
		p->stratum = get_u32(buf + pos);
		if (buf[pos + 4] > 1)
			return DESIGN_BAD_NAME;
		p->anonymous = buf[pos + 4] == 1;
		n = get_u32(buf + pos + 5);
		pos += DESIGN_PSU_MIN;
		if (n > len - pos)
			return DESIGN_TRUNCATED;
		if (p->stratum >= out->nstrata)
			return DESIGN_BAD_INDEX;
		if (!name_ok(buf + pos, n) || (p->anonymous && n != 0))
			return DESIGN_BAD_NAME;
		p->name = (const char *) buf + pos;
		p->len = n;
		pos += n;
		if (out->strata[p->stratum].npsu == UINT32_MAX)
			return DESIGN_BAD_COUNT;
		out->strata[p->stratum].npsu++;
		if (i > 0)
		{
			const DesignPsu *q = &out->psus[i - 1];

			if (q->stratum > p->stratum)
				return DESIGN_BAD_ORDER;
			if (q->stratum == p->stratum)
			{
				if (q->anonymous && !p->anonymous)
					return DESIGN_BAD_ORDER;
				if (!q->anonymous && !p->anonymous &&
					design_name_compare(false, q->name, q->len, false, p->name, p->len) >= 0)
					return DESIGN_BAD_ORDER;
			}
		}
	}
	for (uint32_t h = 0; h < out->nstrata; h++)
		if (out->strata[h].npsu == 0)
			return DESIGN_EMPTY_STRATUM;
	numeric = (out->flags & DESIGN_FLAG_NUMERIC) != 0;
	cell_size = numeric ? DESIGN_VALUE_CELL_SIZE : DESIGN_CELL_SIZE;
	if (numeric && (out->ncat > 1 || (out->ncat == 1 && out->cats[0].len != 0) ||
					(out->ncat == 0 && out->ncell > 0)))
		return DESIGN_BAD_NAME;
	if ((size_t) out->ncell * cell_size != len - pos)
		return (size_t) out->ncell * cell_size > len - pos ? DESIGN_TRUNCATED : DESIGN_TRAILING_BYTES;
	for (uint32_t i = 0; i < out->ncell; i++)
	{
		DesignCell *c = &out->cells[i];
		const uint8_t *e = buf + pos + (size_t) i * cell_size;

		c->psu = get_u32(e);
		c->category = get_u32(e + 4);
		c->weight = get_f64(e + 8);
		c->rows = get_i64(e + 16);
		c->nonzero = get_i64(e + 24);
		c->wy = numeric ? get_f64(e + 32) : 0.0;
		c->wyy = numeric ? get_f64(e + 40) : 0.0;
		if (numeric && (!isfinite(c->wy) || !isfinite(c->wyy) || c->wyy < 0.0 ||
						signbit(c->wyy) || (c->nonzero == 0 && (c->wy != 0.0 || c->wyy != 0.0)) ||
						(c->wy == 0.0 && signbit(c->wy))))
			return DESIGN_BAD_WEIGHT;
		if (c->psu >= out->npsu || c->category > out->ncat ||
			(c->category == out->ncat && !(out->flags & DESIGN_FLAG_MULTIPLE)))
			return DESIGN_BAD_INDEX;
		if (i > 0 && (out->cells[i - 1].psu > c->psu ||
					  (out->cells[i - 1].psu == c->psu && out->cells[i - 1].category >= c->category)))
			return DESIGN_BAD_ORDER;
		if (c->rows < 1 || c->nonzero < 0 || c->nonzero > c->rows)
			return DESIGN_BAD_COUNT;
		if (!isfinite(c->weight) || c->weight < 0.0 || signbit(c->weight) ||
			(c->weight > 0.0) != (c->nonzero > 0))
			return DESIGN_BAD_WEIGHT;
		if (rows_total > INT64_MAX - c->rows)
			return DESIGN_BAD_COUNT;
		if (!(out->flags & DESIGN_FLAG_MULTIPLE) || c->category == out->ncat)
			rows_total += c->rows;
	}
	if (out->flags & DESIGN_FLAG_MULTIPLE)
	{
		/* each PSU's cells end with its respondents, which bound the others */
		uint32_t	i = 0;

		while (i < out->ncell)
		{
			uint32_t	j = i;
			const DesignCell *base;

			while (j + 1 < out->ncell && out->cells[j + 1].psu == out->cells[i].psu)
				j++;
			base = &out->cells[j];
			if (base->category != out->ncat)
				return DESIGN_BAD_COUNT;
			for (uint32_t k = i; k < j; k++)
				if (out->cells[k].rows > base->rows || out->cells[k].nonzero > base->nonzero ||
					out->cells[k].weight > base->weight * (1.0 + 1e-9))
					return DESIGN_BAD_WEIGHT;
			i = j + 1;
		}
	}
	return DESIGN_OK;
}

size_t
design_summary_size(const DesignData *d)
{
	size_t		n = DESIGN_HEADER_SIZE;

	for (uint32_t i = 0; i < d->nstrata; i++)
		n += DESIGN_STRATUM_MIN + d->strata[i].len;
	for (uint32_t i = 0; i < d->ncat; i++)
		n += DESIGN_CATEGORY_MIN + d->cats[i].len;
	for (uint32_t i = 0; i < d->npsu; i++)
		n += DESIGN_PSU_MIN + d->psus[i].len;
	return n + (size_t) d->ncell *
		((d->flags & DESIGN_FLAG_NUMERIC) ? DESIGN_VALUE_CELL_SIZE : DESIGN_CELL_SIZE);
}

void
design_summary_encode(uint8_t *out, const DesignData *d)
{
	uint8_t    *p = out;

	*p++ = DESIGN_FORMAT_VERSION;
	*p++ = d->flags;
	p = put_u32(p, d->nstrata);
	p = put_u32(p, d->ncat);
	p = put_u32(p, d->npsu);
	p = put_u32(p, d->ncell);
	p = put_i64(p, d->missing);
	for (uint32_t i = 0; i < d->nstrata; i++)
	{
		*p++ = d->strata[i].isnull ? 1 : 0;
		p = put_f64(p, (d->flags & DESIGN_FLAG_FPC) ? d->strata[i].fpc : 0.0);
		p = put_u32(p, d->strata[i].len);
		if (d->strata[i].len > 0)
			memcpy(p, d->strata[i].name, d->strata[i].len);
		p += d->strata[i].len;
	}
	for (uint32_t i = 0; i < d->ncat; i++)
	{
		p = put_u32(p, d->cats[i].len);
		if (d->cats[i].len > 0)
			memcpy(p, d->cats[i].name, d->cats[i].len);
		p += d->cats[i].len;
	}
	for (uint32_t i = 0; i < d->npsu; i++)
	{
		p = put_u32(p, d->psus[i].stratum);
		*p++ = d->psus[i].anonymous ? 1 : 0;
		p = put_u32(p, d->psus[i].len);
		if (d->psus[i].len > 0)
			memcpy(p, d->psus[i].name, d->psus[i].len);
		p += d->psus[i].len;
	}
	for (uint32_t i = 0; i < d->ncell; i++)
	{
		p = put_u32(p, d->cells[i].psu);
		p = put_u32(p, d->cells[i].category);
		p = put_f64(p, d->cells[i].weight);
		p = put_i64(p, d->cells[i].rows);
		p = put_i64(p, d->cells[i].nonzero);
		if (d->flags & DESIGN_FLAG_NUMERIC)
		{
			p = put_f64(p, d->cells[i].wy);
			p = put_f64(p, d->cells[i].wyy);
		}
	}
}

/* ---- estimation ------------------------------------------------------------ */

static int
name_is(const char *name, const char *want)
{
	for (; *name && *want; name++, want++)
	{
		char		c = *name;

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != *want)
			return 0;
	}
	return *name == '\0' && *want == '\0';
}

DesignLonely
design_lonely_from_name(const char *name)
{
	static const char *const names[] = {"fail", "remove", "adjust", "certainty", "average"};

	for (int i = 0; i < DESIGN_LONELY_INVALID; i++)
		if (name_is(name, names[i]))
			return (DesignLonely) i;
	return DESIGN_LONELY_INVALID;
}

DesignCiMethod
design_ci_method_from_name(const char *name)
{
	static const char *const names[] = {"logit", "likelihood", "asin", "beta", "mean", "xlogit"};

	for (int i = 0; i < DESIGN_CI_INVALID; i++)
		if (name_is(name, names[i]))
			return (DesignCiMethod) i;
	return DESIGN_CI_INVALID;
}

DesignEstimateStatus
design_popsize(const DesignData *d, double *popsize, uint32_t *bad_stratum)
{
	bool		any_above = false,
				any_below = false;

	for (uint32_t h = 0; h < d->nstrata; h++)
	{
		popsize[h] = INFINITY;
		if (d->flags & DESIGN_FLAG_FPC)
		{
			any_above |= d->strata[h].fpc > 1.0;
			any_below |= d->strata[h].fpc < 1.0;
		}
	}
	if (!(d->flags & DESIGN_FLAG_FPC))
		return DESIGN_ESTIMATE_OK;
	/* as.fpc: all >= 1 are population sizes, all <= 1 sampling fractions */
	if (any_above && any_below)
		return DESIGN_ESTIMATE_FPC_MIXED;
	for (uint32_t h = 0; h < d->nstrata; h++)
	{
		double		n = (double) d->strata[h].npsu;

		popsize[h] = any_above ? d->strata[h].fpc : n / d->strata[h].fpc;
		if (popsize[h] < n)
		{
			*bad_stratum = h;
			return DESIGN_ESTIMATE_FPC_SMALL;
		}
	}
	return DESIGN_ESTIMATE_OK;
}

/*
 * onestage + onestrat for one column of influence values, PSUs in stratum
 * order.  Lonely strata (one PSU in the design): "fail" refuses, "remove" and
 * "certainty" add nothing, "adjust" adds the square of the PSU's value (its
 * deviation from 0, the mean of the influence values of a mean, as survey 4.1
 * does), "average" gives them the average of the other strata.
 */
static DesignEstimateStatus
design_variance(const DesignData *d, const double *z, const double *popsize,
				const uint8_t *present, DesignLonely lonely, double *variance,
				uint32_t *bad_stratum)
{
	double		total = 0.0;
	uint32_t	lonely_strata = 0,
				nstrata = 0;
	uint32_t	i = 0;

	for (uint32_t h = 0; h < d->nstrata; h++)
	{
		uint32_t	n = d->strata[h].npsu;
		uint32_t	first = i;
		double		f,
					mean = 0.0,
					ss = 0.0;

		i += n;
		/* a stratum with no row in the domain is not in R's subset at all */
		if (present != NULL && !present[h])
			continue;
		nstrata++;
		/* onestrat: f = (N - n)/N, 1 without fpc; a census stratum adds nothing */
		f = isinf(popsize[h]) ? 1.0 : (popsize[h] - (double) n) / popsize[h];
		if (f < 0.0000001)
			continue;
		if (n == 1)
		{
			switch (lonely)
			{
				case DESIGN_LONELY_FAIL:
				case DESIGN_LONELY_INVALID:
					*bad_stratum = h;
					return DESIGN_ESTIMATE_LONELY;
				case DESIGN_LONELY_AVERAGE:
					lonely_strata++;
					continue;
				case DESIGN_LONELY_REMOVE:
				case DESIGN_LONELY_CERTAINTY:
					continue;
				case DESIGN_LONELY_ADJUST:
					total += f * z[first] * z[first];
					continue;
			}
		}
		for (uint32_t k = first; k < first + n; k++)
			mean += z[k];
		mean /= (double) n;
		for (uint32_t k = first; k < first + n; k++)
			ss += (z[k] - mean) * (z[k] - mean);
		total += f * (double) n / (double) (n - 1) * ss;
	}
	if (lonely_strata > 0 && lonely_strata == nstrata)
		total = NAN;
	else if (lonely_strata > 0)
		total *= (double) nstrata / (double) (nstrata - lonely_strata);
	*variance = total;
	return DESIGN_ESTIMATE_OK;
}

DesignEstimateStatus
design_estimate_ratio(const DesignData *d, DesignLonely lonely, const double *popsize,
					  const uint8_t *present, const double *num, const double *den, double *z,
					  DesignEstimate *out, uint32_t *bad_stratum)
{
	double		sn = 0.0,
				sd = 0.0;
	DesignEstimateStatus st;

	for (uint32_t k = 0; k < d->npsu; k++)
	{
		sn += num[k];
		sd += den[k];
	}
	out->total = sn;
	out->den = sd;
	out->defined = sd > 0.0;
	out->ratio = out->defined ? sn / sd : NAN;

	/* svytotal: the influence values are the weighted values themselves */
	st = design_variance(d, num, popsize, present, lonely, &out->total_var, bad_stratum);
	if (st != DESIGN_ESTIMATE_OK)
		return st;
	out->ratio_var = NAN;
	if (out->defined)
	{
		/* svymean: x w / sum w after removing the mean */
		for (uint32_t k = 0; k < d->npsu; k++)
			z[k] = (num[k] - out->ratio * den[k]) / sd;
		st = design_variance(d, z, popsize, present, lonely, &out->ratio_var, bad_stratum);
	}
	return st;
}

/*
 * design_variance for one stratum of n PSUs is n/(n-1) sum (z - mean z)^2.
 * For the ratio, z = (num - r den) / den sums to 0, so that is
 * n/(n-1) (nn - 2 r nd + r^2 dd) / den; for the total, z = num and the sum of
 * squares about the mean is den (nn - (num/den)(num/n)).
 */
void
design_estimate_rows(int64_t n_rows, double num, double den, double nn, double nd, double dd,
					 DesignEstimate *out)
{
	double		n = (double) n_rows,
				scale = n / (n - 1.0),
				ss;

	out->total = num;
	out->den = den;
	out->defined = den > 0.0;
	out->ratio = out->defined ? num / den : NAN;
	out->ratio_var = NAN;
	out->total_var = NAN;
	if (n_rows < 2)
		return;
	if (!out->defined)
	{
		/* no weight in the domain: num is 0 on every row */
		out->total_var = 0.0;
		return;
	}
	ss = nn - (num / den) * (num / n);
	out->total_var = scale * den * (ss > 0.0 ? ss : 0.0);
	ss = nn - 2.0 * out->ratio * nd + out->ratio * out->ratio * dd;
	out->ratio_var = scale * (ss > 0.0 ? ss : 0.0) / den;
}

DesignEstimateStatus
design_estimate_category(const DesignData *d, uint32_t cat, DesignLonely lonely,
						 const double *popsize, double *num, double *den, double *z,
						 uint8_t *present, DesignEstimate *out, uint32_t *bad_stratum)
{
	uint32_t	last_psu = UINT32_MAX;
	uint32_t	psus = 0,
				strata = 0,
				last_stratum = UINT32_MAX;

	for (uint32_t k = 0; k < d->npsu; k++)
		num[k] = den[k] = 0.0;
	for (uint32_t h = 0; h < d->nstrata; h++)
		present[h] = 0;
	out->rows = 0;
	out->nonzero = 0;
	for (uint32_t i = 0; i < d->ncell; i++)
	{
		const DesignCell *c = &d->cells[i];

		if (c->category == cat)
			num[c->psu] += c->weight;
		/* the base: every answer, or the respondents of a multiple-choice item */
		if ((d->flags & DESIGN_FLAG_MULTIPLE) && c->category != d->ncat)
			continue;
		den[c->psu] += c->weight;
		present[d->psus[c->psu].stratum] = 1;
		out->rows += c->rows;
		out->nonzero += c->nonzero;
		/* degf of the domain: PSUs and strata with a row of weight > 0 */
		if (c->nonzero > 0 && c->psu != last_psu)
		{
			last_psu = c->psu;
			psus++;
			if (d->psus[c->psu].stratum != last_stratum)
			{
				last_stratum = d->psus[c->psu].stratum;
				strata++;
			}
		}
	}
	out->df = (int64_t) psus - (int64_t) strata;
	return design_estimate_ratio(d, lonely, popsize, present, num, den, z, out, bad_stratum);
}

double
design_deff_share(const DesignEstimate *e, bool replace)
{
	double		n = (double) e->nonzero,
				p = e->ratio,
				s2,
				vsrs;

	if (!e->defined || e->nonzero < 2)
		return NAN;
	/* svyvar: the weighted variance with the n/(n-1) correction */
	s2 = p * (1.0 - p) * n / (n - 1.0);
	(void) vsrs;
	return design_deff_mean(e, s2, replace);
}

DesignEstimateStatus
design_estimate_value(const DesignData *d, DesignLonely lonely, const double *popsize,
					  double *num, double *den, double *z, uint8_t *present,
					  DesignEstimate *out, double *s2, uint32_t *bad_stratum)
{
	DesignEstimateStatus st;
	double		wyy = 0.0,
				n;

	/* category 0 is the only one: num = w y, den = w */
	for (uint32_t k = 0; k < d->npsu; k++)
		num[k] = 0.0;
	st = design_estimate_category(d, UINT32_MAX, lonely, popsize, num, den, z, present, out,
								  bad_stratum);
	(void) st;
	for (uint32_t i = 0; i < d->ncell; i++)
	{
		num[d->cells[i].psu] += d->cells[i].wy;
		wyy += d->cells[i].wyy;
	}
	st = design_estimate_ratio(d, lonely, popsize, present, num, den, z, out, bad_stratum);
	n = (double) out->nonzero;
	*s2 = NAN;
	if (out->defined && out->nonzero >= 2)
	{
		/* svyvar: sum w (y - mean)^2 / sum w * n / (n - 1), from the moments */
		double		v = wyy / out->den - out->ratio * out->ratio;

		*s2 = (v < 0.0 ? 0.0 : v) * n / (n - 1.0);
	}
	return st;
}

double
design_deff_mean(const DesignEstimate *e, double s2, bool replace)
{
	double		n = (double) e->nonzero,
				vsrs;

	if (!e->defined || isnan(s2))
		return NAN;
	if (replace)
		vsrs = s2 / n;
	else
	{
		if (e->den < n)
			return NAN;
		vsrs = s2 * (e->den - n) / (e->den * n);
	}
	return e->ratio_var / vsrs;
}

double
design_t_quantile(double p, double df)
{
	double		x,
				t;

	if (isnan(p) || isnan(df) || df <= 0.0)
		return NAN;
	if (isinf(df) || df > 1e20)
		return survey_normal_quantile(p);
	if (p == 0.5)
		return 0.0;
	if (df > 4e5)
	{
		/*
		 * R's pt() is pnorm(t (1 - v) / sqrt(1 + 2 v t^2)), v = 1/(4 df), for
		 * df > 4e5, and qt() inverts that pt(): the root in closed form.
		 */
		double		z = survey_normal_quantile(p),
					v = 1.0 / (4.0 * df);

		return z / sqrt((1.0 - v) * (1.0 - v) - 2.0 * v * z * z);
	}
	/* P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2) */
	x = survey_ibeta_inverse(2.0 * (p < 0.5 ? p : 1.0 - p), df / 2.0, 0.5);
	t = sqrt(df * (1.0 - x) / x);
	return p < 0.5 ? -t : t;
}

void
design_ciprop(DesignCiMethod method, double p, double var, double df, double rows,
			  double level, double *lower, double *upper)
{
	double		alpha = 1.0 - level;
	double		se = sqrt(var);
	double		t = design_t_quantile(1.0 - alpha / 2.0, df);

	*lower = *upper = NAN;
	switch (method)
	{
		case DESIGN_CI_MEAN:
			*lower = p - t * se;
			*upper = p + t * se;
			break;
		case DESIGN_CI_ASIN:
			{
				/* svycontrast(asin(sqrt(p))), then sin()^2 of the limits */
				double		a = asin(sqrt(p));
				double		s = se / (2.0 * sqrt(p * (1.0 - p)));
				double		l = sin(a - t * s),
							u = sin(a + t * s);

				*lower = l * l;
				*upper = u * u;
				break;
			}
		case DESIGN_CI_XLOGIT:
		case DESIGN_CI_LOGIT:
			{
				/*
				 * xlogit: svycontrast(log(p/(1-p))); logit: svyglm's Wald
				 * interval for the intercept of a quasibinomial model, whose
				 * coefficient is that logit and whose sandwich variance is
				 * the same delta-method variance.
				 */
				double		l = log(p / (1.0 - p));
				double		s = se / (p * (1.0 - p));

				*lower = 1.0 / (1.0 + exp(-(l - t * s)));
				*upper = 1.0 / (1.0 + exp(-(l + t * s)));
				break;
			}
		case DESIGN_CI_BETA:
			{
				double		n_eff = p * (1.0 - p) / var;
				double		r = design_t_quantile(alpha / 2.0, rows - 1.0) /
					design_t_quantile(alpha / 2.0, df);

				n_eff *= r * r;
				/*
				 * An effective size past 1e15 comes from a variance that is 0
				 * up to rounding: no interval (the incomplete beta would take
				 * seconds on such shapes).
				 */
				if (!(n_eff > 0.0 && n_eff <= 1e15))
					break;
				*lower = survey_ibeta_inverse(alpha / 2.0, n_eff * p, n_eff * (1.0 - p) + 1.0);
				*upper = survey_ibeta_inverse(1.0 - alpha / 2.0, n_eff * p + 1.0, n_eff * (1.0 - p));
				break;
			}
		case DESIGN_CI_LIKELIHOOD:
		case DESIGN_CI_INVALID:
			break;
	}
}

/* ---- Rao-Scott test of independence ---------------------------------------- */

DesignChisqStatistic
design_chisq_statistic_from_name(const char *name)
{
	if (name_is(name, "f"))
		return DESIGN_CHISQ_F;
	if (name_is(name, "chisq"))
		return DESIGN_CHISQ_CHISQ;
	return DESIGN_CHISQ_INVALID;
}

double
design_f_upper(double f, double d1, double d2)
{
	if (isnan(f) || isnan(d1) || isnan(d2) || !(d1 > 0.0) || !(d2 > 0.0))
		return NAN;
	if (f <= 0.0)
		return 1.0;
	if (isinf(f))
		return 0.0;
	/* P(F > f) = I_{d2 / (d2 + d1 f)}(d2/2, d1/2) */
	return survey_ibeta(d2 / (d2 + d1 * f), d2 / 2.0, d1 / 2.0);
}

/* regularized upper incomplete gamma Q(a, x): series below a + 1, else Lentz's continued fraction */
static double
gamma_upper(double a, double x)
{
	if (x <= 0.0)
		return 1.0;
	if (x < a + 1.0)
	{
		double		term = 1.0 / a,
					sum = term;

		for (int n = 1; n < 100000; n++)
		{
			term *= x / (a + n);
			sum += term;
			if (fabs(term) < fabs(sum) * 1e-17)
				break;
		}
		return 1.0 - sum * exp(-x + a * log(x) - lgamma(a));
	}
	else
	{
		double		tiny = 1e-300,
					b = x + 1.0 - a,
					c = 1.0 / tiny,
					dd = 1.0 / b,
					h = dd;

		for (int i = 1; i < 100000; i++)
		{
			double		an = -i * (i - a),
						del;

			b += 2.0;
			dd = an * dd + b;
			if (fabs(dd) < tiny)
				dd = tiny;
			c = b + an / c;
			if (fabs(c) < tiny)
				c = tiny;
			dd = 1.0 / dd;
			del = dd * c;
			h *= del;
			if (fabs(del - 1.0) < 1e-17)
				break;
		}
		return exp(-x + a * log(x) - lgamma(a)) * h;
	}
}

double
design_chisq_upper(double x, double df)
{
	if (isnan(x) || isnan(df) || !(df > 0.0))
		return NAN;
	if (isinf(x))
		return 0.0;
	return gamma_upper(df / 2.0, x / 2.0);
}

/*
 * onestage for K columns: V (K x K) of the influence totals z (npsu x K,
 * row-major), with the lonely PSU rules of design_variance.
 */
static DesignEstimateStatus
design_covariance(const DesignData *d, const double *z, uint32_t K, const double *popsize,
				  const uint8_t *present, DesignLonely lonely, double *mean, double *V,
				  uint32_t *bad_stratum)
{
	uint32_t	lonely_strata = 0,
				nstrata = 0,
				i = 0;

	for (size_t k = 0; k < (size_t) K * K; k++)
		V[k] = 0.0;
	for (uint32_t h = 0; h < d->nstrata; h++)
	{
		uint32_t	n = d->strata[h].npsu,
					first = i;
		double		f,
					scale;

		i += n;
		if (present != NULL && !present[h])
			continue;
		nstrata++;
		f = isinf(popsize[h]) ? 1.0 : (popsize[h] - (double) n) / popsize[h];
		if (f < 0.0000001)
			continue;
		for (uint32_t k = 0; k < K; k++)
			mean[k] = 0.0;
		if (n == 1)
		{
			switch (lonely)
			{
				case DESIGN_LONELY_FAIL:
				case DESIGN_LONELY_INVALID:
					*bad_stratum = h;
					return DESIGN_ESTIMATE_LONELY;
				case DESIGN_LONELY_AVERAGE:
					lonely_strata++;
					continue;
				case DESIGN_LONELY_REMOVE:
				case DESIGN_LONELY_CERTAINTY:
					continue;
				case DESIGN_LONELY_ADJUST:
					break;		/* not centred */
			}
			scale = f;
		}
		else
		{
			for (uint32_t p = first; p < first + n; p++)
				for (uint32_t k = 0; k < K; k++)
					mean[k] += z[(size_t) p * K + k];
			for (uint32_t k = 0; k < K; k++)
				mean[k] /= (double) n;
			scale = f * (double) n / (double) (n - 1);
		}
		for (uint32_t p = first; p < first + n; p++)
			for (uint32_t k = 0; k < K; k++)
			{
				double		zk = z[(size_t) p * K + k] - mean[k];

				if (zk == 0.0)
					continue;
				for (uint32_t l = 0; l < K; l++)
					V[(size_t) k * K + l] += scale * zk * (z[(size_t) p * K + l] - mean[l]);
			}
	}
	if (lonely_strata > 0)
	{
		double		x = lonely_strata == nstrata ? NAN : (double) nstrata / (double) (nstrata - lonely_strata);

		for (size_t k = 0; k < (size_t) K * K; k++)
			V[k] *= x;
	}
	return DESIGN_ESTIMATE_OK;
}

size_t
design_chisq_work(const DesignData *d, uint32_t nr, uint32_t nc)
{
	size_t		K = (size_t) nr * nc,
				m = (size_t) (nr - 1) * (nc - 1),
				q = nr + nc - 1;

	/* z, V, mean, p, T_i, X1 basis, C, D^-1 C, denom, numr, scratch */
	return (size_t) d->npsu * K + K * K + K + K + d->npsu + q * K + m * K + m * K + 2 * m * m + K;
}

/* solve A X = B in place (A m x m, B m x m, row-major), partial pivoting; false if singular */
static bool
solve_in_place(double *A, double *B, uint32_t m)
{
	for (uint32_t c = 0; c < m; c++)
	{
		uint32_t	piv = c;
		double		best = fabs(A[(size_t) c * m + c]);

		for (uint32_t r = c + 1; r < m; r++)
			if (fabs(A[(size_t) r * m + c]) > best)
			{
				best = fabs(A[(size_t) r * m + c]);
				piv = r;
			}
		if (!(best > 0.0))
			return false;
		if (piv != c)
			for (uint32_t j = 0; j < m; j++)
			{
				double		t = A[(size_t) c * m + j];

				A[(size_t) c * m + j] = A[(size_t) piv * m + j];
				A[(size_t) piv * m + j] = t;
				t = B[(size_t) c * m + j];
				B[(size_t) c * m + j] = B[(size_t) piv * m + j];
				B[(size_t) piv * m + j] = t;
			}
		for (uint32_t r = 0; r < m; r++)
		{
			double		factor;

			if (r == c || A[(size_t) r * m + c] == 0.0)
				continue;
			factor = A[(size_t) r * m + c] / A[(size_t) c * m + c];
			for (uint32_t j = 0; j < m; j++)
			{
				A[(size_t) r * m + j] -= factor * A[(size_t) c * m + j];
				B[(size_t) r * m + j] -= factor * B[(size_t) c * m + j];
			}
		}
	}
	for (uint32_t r = 0; r < m; r++)
		for (uint32_t j = 0; j < m; j++)
			B[(size_t) r * m + j] /= A[(size_t) r * m + r];
	return true;
}

DesignEstimateStatus
design_chisq(const DesignData *d, const uint32_t *row_of, const uint32_t *col_of,
			 uint32_t nr, uint32_t nc, DesignChisqStatistic statistic, DesignLonely lonely,
			 const double *popsize, double *work, uint8_t *present, DesignChisq *out,
			 uint32_t *bad_stratum)
{
	uint32_t	K = nr * nc,
				m = (nr - 1) * (nc - 1),
				q = nr + nc - 1;
	double	   *z = work,
			   *V = z + (size_t) d->npsu * K,
			   *mean = V + (size_t) K * K,
			   *p = mean + K,
			   *Ti = p + K,
			   *Q = Ti + d->npsu,
			   *C = Q + (size_t) q * K,
			   *DC = C + (size_t) m * K,
			   *denom = DC + (size_t) m * K,
			   *numr = denom + (size_t) m * m,
			   *tmp = numr + (size_t) m * m;
	double		W = 0.0,
				N = (double) d->missing,
				x2 = 0.0,
				tr = 0.0,
				tr2 = 0.0;
	DesignEstimateStatus st;
	int64_t		nu = (int64_t) d->npsu - (int64_t) d->nstrata;

	out->statistic = out->ndf = out->ddf = out->p_value = NAN;
	for (size_t k = 0; k < (size_t) d->npsu * K; k++)
		z[k] = 0.0;
	for (uint32_t k = 0; k < K; k++)
		p[k] = 0.0;
	for (uint32_t i = 0; i < d->npsu; i++)
		Ti[i] = 0.0;
	for (uint32_t h = 0; h < d->nstrata; h++)
		present[h] = 0;
	/* per PSU and cell k = row + nr col (expand.grid order) the weight totals */
	for (uint32_t i = 0; i < d->ncell; i++)
	{
		const DesignCell *c = &d->cells[i];
		uint32_t	k = row_of[c->category] + nr * col_of[c->category];

		z[(size_t) c->psu * K + k] += c->weight;
		Ti[c->psu] += c->weight;
		p[k] += c->weight;
		W += c->weight;
		N += (double) c->rows;
		present[d->psus[c->psu].stratum] = 1;
	}
	if (!(W > 0.0))
		return DESIGN_ESTIMATE_OK;
	for (uint32_t k = 0; k < K; k++)
		p[k] /= W;
	/* svymean(mm): influence totals (T_ik - p_k T_i) / W */
	for (uint32_t i = 0; i < d->npsu; i++)
		for (uint32_t k = 0; k < K; k++)
			z[(size_t) i * K + k] = (z[(size_t) i * K + k] - p[k] * Ti[i]) / W;
	st = design_covariance(d, z, K, popsize, present, lonely, mean, V, bad_stratum);
	if (st != DESIGN_ESTIMATE_OK)
		return st;

	/* Pearson's X^2 of svytable(Ntotal = N): cells N p_k, margins from them */
	for (uint32_t r = 0; r < nr; r++)
		for (uint32_t c = 0; c < nc; c++)
		{
			double		rs = 0.0,
						cs = 0.0,
						e,
						o = N * p[r + nr * c];

			for (uint32_t j = 0; j < nc; j++)
				rs += N * p[r + nr * j];
			for (uint32_t j = 0; j < nr; j++)
				cs += N * p[j + nr * c];
			e = rs * cs / N;
			x2 += (o - e) * (o - e) / e;
		}

	/* orthonormal basis of the main-effects columns (intercept, rows 2.., cols 2..) */
	for (uint32_t j = 0; j < q; j++)
	{
		double	   *v = Q + (size_t) j * K;

		for (uint32_t k = 0; k < K; k++)
		{
			uint32_t	r = k % nr,
						c = k / nr;

			v[k] = j == 0 ? 1.0 : (j < nr ? (r == j ? 1.0 : 0.0) : (c == j - nr + 1 ? 1.0 : 0.0));
		}
		for (uint32_t i = 0; i < j; i++)
		{
			double		dot = 0.0;

			for (uint32_t k = 0; k < K; k++)
				dot += v[k] * Q[(size_t) i * K + k];
			for (uint32_t k = 0; k < K; k++)
				v[k] -= dot * Q[(size_t) i * K + k];
		}
		{
			double		norm = 0.0;

			for (uint32_t k = 0; k < K; k++)
				norm += v[k] * v[k];
			norm = sqrt(norm);
			for (uint32_t k = 0; k < K; k++)
				v[k] /= norm;
		}
	}
	/* C: the interaction columns with their main-effects part removed (qr.resid) */
	for (uint32_t b = 0; b < m; b++)
	{
		double	   *v = C + (size_t) b * K;
		uint32_t	r = 1 + b % (nr - 1),
					c = 1 + b / (nr - 1);

		for (uint32_t k = 0; k < K; k++)
			v[k] = (k % nr == r && k / nr == c) ? 1.0 : 0.0;
		for (int pass = 0; pass < 2; pass++)
			for (uint32_t i = 0; i < q; i++)
			{
				double		dot = 0.0;

				for (uint32_t k = 0; k < K; k++)
					dot += v[k] * Q[(size_t) i * K + k];
				for (uint32_t k = 0; k < K; k++)
					v[k] -= dot * Q[(size_t) i * K + k];
			}
		for (uint32_t k = 0; k < K; k++)
			DC[(size_t) b * K + k] = p[k] == 0.0 ? 0.0 : v[k] / p[k];
	}
	/* denom = C' D^-1 C / N, numr = C' D^-1 V D^-1 C */
	for (uint32_t a = 0; a < m; a++)
	{
		for (uint32_t k = 0; k < K; k++)
		{
			double		s = 0.0;

			for (uint32_t l = 0; l < K; l++)
				s += DC[(size_t) a * K + l] * V[(size_t) l * K + k];
			tmp[k] = s;
		}
		for (uint32_t b = 0; b < m; b++)
		{
			double		s1 = 0.0,
						s2 = 0.0;

			for (uint32_t k = 0; k < K; k++)
			{
				s1 += C[(size_t) a * K + k] * DC[(size_t) b * K + k];
				s2 += tmp[k] * DC[(size_t) b * K + k];
			}
			denom[(size_t) a * m + b] = s1 / N;
			numr[(size_t) a * m + b] = s2;
		}
	}
	if (!solve_in_place(denom, numr, m))
		return DESIGN_ESTIMATE_OK;
	/* numr now holds Delta */
	for (uint32_t a = 0; a < m; a++)
	{
		tr += numr[(size_t) a * m + a];
		for (uint32_t b = 0; b < m; b++)
			tr2 += numr[(size_t) a * m + b] * numr[(size_t) b * m + a];
	}
	if (statistic == DESIGN_CHISQ_F)
	{
		double		d0 = tr * tr / tr2;

		out->statistic = x2 / tr;
		out->ndf = d0;
		out->ddf = d0 * (double) nu;
		out->p_value = design_f_upper(out->statistic, d0, d0 * (double) nu);
	}
	else
	{
		out->statistic = x2;
		out->ndf = (double) m;
		out->p_value = design_chisq_upper(x2 / (tr / (double) m), (double) m);
	}
	return DESIGN_ESTIMATE_OK;
}
