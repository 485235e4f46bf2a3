/*
 * survey_quantile_core.h — the byte format of iscm.design_sample (the rows of
 * a numeric item with their design) and R survey's svyquantile on it, in
 * pure C.
 *
 * design_sample, version 1 (integers and IEEE 754 doubles big-endian):
 *   u8  version (1)   u8 flags (0)   u32 nrow   u32 dlen
 *   dlen bytes: the design as a design_summary (survey_design_core.h) with no
 *               categories and no cells: strata with their fpc, PSUs, and in
 *               its missing count the rows without a value (outside the
 *               domain, their PSUs still in the design)
 *   nrow rows:  u32 psu, f64 value, f64 weight
 * Rows: every row with a value (finite), its weight (finite, >= 0, not -0)
 * and its PSU, sorted by (value, weight, psu).  A row costs 20 bytes.
 */
#ifndef ISCM_SURVEY_QUANTILE_CORE_H
#define ISCM_SURVEY_QUANTILE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "survey_design_core.h"

#define SAMPLE_FORMAT_VERSION	1

#define SAMPLE_HEADER_SIZE		(2 + 4 + 4)
#define SAMPLE_ROW_SIZE			(4 + 8 + 8)

typedef struct SampleRow
{
	double		value;
	double		weight;
	uint32_t	psu;
} SampleRow;

/*
 * A decoded sample: the design part as a DesignData (flags, strata with
 * their npsu, PSUs; no categories or cells), and the rows.
 */
typedef struct SampleData
{
	DesignData	design;
	uint32_t	nrow;
	SampleRow  *rows;
} SampleData;

/*
 * The counts of the header and of the design in it; each bounded by len, so
 * arrays of these sizes are safe to allocate.
 */
extern DesignStatus design_sample_counts(const uint8_t *buf, size_t len, uint32_t *nstrata,
										 uint32_t *npsu, uint32_t *nrow);

/* decode and validate into out, whose arrays hold the counts above */
extern DesignStatus design_sample_decode(const uint8_t *buf, size_t len, SampleData *out);

/* bytes the encoding takes, and the encoding (s valid, sorted) */
extern size_t design_sample_size(const SampleData *s);
extern void design_sample_encode(uint8_t *out, const SampleData *s);

/* order of rows in the format: value, weight, psu */
extern int	design_sample_row_compare(const SampleRow *a, const SampleRow *b);

/*
 * svyquantile's qrule = "math" (survey 4.1's default) at p in [0, 1] over the
 * rows with a weight > 0, in the order of the format: the first value whose
 * cumulative weight share reaches p, except that R takes the next value when
 * p falls short of the first row's share (as R's qs() does).  NAN without
 * such rows.
 */
extern double design_sample_quantile(const SampleData *s, double p);

/* svyquantile's figures at one p */
typedef struct SampleQuantile
{
	double		quantile;
	double		lower;			/* NAN where R gives NaN */
	double		upper;
	double		se;
} SampleQuantile;

/*
 * svyquantile(~y, d, p, alpha = 1 - level, interval.type = "mean") with
 * d = subset(design, !is.na(y)): Woodruff's interval, the quantiles at the
 * limits of svymean(y <= q)'s t interval on degf(d), and SE = width /
 * (2 t).  Scratch: num, den, z of npsu doubles, present of nstrata bytes.
 */
extern DesignEstimateStatus design_sample_quantile_ci(const SampleData *s, double p, double level,
													  DesignLonely lonely, const double *popsize,
													  double *num, double *den, double *z,
													  uint8_t *present, SampleQuantile *out,
													  uint32_t *bad_stratum);

#endif							/* ISCM_SURVEY_QUANTILE_CORE_H */
