/*
 * survey_design_core.h — design-based estimation (R survey's one-stage Taylor
 * linearisation) and the byte format of iscm.design_summary, in pure C.
 *
 * No PostgreSQL headers: the decoder accepts or rejects any byte sequence
 * without reading outside it, and the estimators are plain numerics, so both
 * are testable and fuzzable outside a server.
 *
 * design_summary, version 1 (integers and IEEE 754 doubles big-endian):
 *   u8  version (1)        u8  flags (bit 0: an fpc was given; bit 1: numeric;
 *                                      bit 2: multiple choice)
 *   u32 nstrata  u32 ncat  u32 npsu  u32 ncell  i64 missing
 *   nstrata strata:    u8 isnull, f64 fpc, u32 len, len bytes (name)
 *   ncat categories:   u32 len, len bytes
 *   npsu PSUs:         u32 stratum, u8 anonymous, u32 len, len bytes (name)
 *   ncell cells:       u32 psu, u32 category, f64 weight, i64 rows, i64 nonzero
 *                      [numeric: f64 wy, f64 wyy]
 * Strata are strictly sorted (the NULL stratum first, then by bytes, a shorter
 * prefix first), categories likewise; PSUs sorted by stratum, within one
 * stratum the named ones strictly by bytes, then the anonymous ones (rows
 * without a PSU: each its own PSU, name empty).  Every stratum has a PSU.
 * Cells strictly sorted by (psu, category): weight = sum of the weights of the
 * rows of that PSU that gave that category, rows = their number (>= 1),
 * nonzero = how many of them have a weight > 0 (weight > 0 exactly when
 * nonzero > 0).  missing = rows with no answer (they count in their PSU).
 * fpc: without flag bit 0 every fpc is 0; with it every fpc is finite and
 * > 0, a population size or a sampling fraction as R's as.fpc tells them apart.
 * A numeric summary (design_value_agg: a numeric answer per row) has one
 * category, the empty name, and its cells also carry the sums of w*y and
 * w*y^2 over their rows (finite; 0 when weight is 0; wyy >= 0).
 * A multiple-choice summary (design_choices_agg) has, besides the cells of the
 * categories chosen, one cell per PSU with category index ncat: the
 * respondents of that PSU (the base of the shares), the last cell of its PSU;
 * a category's cell never exceeds it (rows, nonzero, weight up to 1e-9).
 */
#ifndef ISCM_SURVEY_DESIGN_CORE_H
#define ISCM_SURVEY_DESIGN_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DESIGN_FORMAT_VERSION	1
#define DESIGN_FLAG_FPC			0x01
#define DESIGN_FLAG_NUMERIC		0x02
#define DESIGN_FLAG_MULTIPLE	0x04

#define DESIGN_HEADER_SIZE		(2 + 4 * 4 + 8)
#define DESIGN_STRATUM_MIN		(1 + 8 + 4)
#define DESIGN_CATEGORY_MIN		4
#define DESIGN_PSU_MIN			(4 + 1 + 4)
#define DESIGN_CELL_SIZE		(4 + 4 + 8 + 8 + 8)
#define DESIGN_VALUE_CELL_SIZE	(DESIGN_CELL_SIZE + 8 + 8)

typedef enum DesignStatus
{
	DESIGN_OK = 0,
	DESIGN_TRUNCATED,
	DESIGN_BAD_VERSION,
	DESIGN_BAD_FLAGS,
	DESIGN_BAD_ORDER,			/* strata, categories, PSUs or cells out of order or repeated */
	DESIGN_BAD_INDEX,			/* a stratum, PSU or category index out of range */
	DESIGN_BAD_NAME,			/* NUL byte in a name, a named anonymous PSU, a named NULL stratum */
	DESIGN_BAD_FPC,
	DESIGN_BAD_WEIGHT,
	DESIGN_BAD_COUNT,
	DESIGN_EMPTY_STRATUM,
	DESIGN_TRAILING_BYTES
} DesignStatus;

extern const char *design_status_message(DesignStatus status);

typedef struct DesignStratum
{
	const char *name;
	uint32_t	len;
	bool		isnull;
	double		fpc;			/* as given; 0 = none */
	uint32_t	npsu;			/* PSUs in the design (filled by the decoder) */
} DesignStratum;

typedef struct DesignCategory
{
	const char *name;
	uint32_t	len;
} DesignCategory;

typedef struct DesignPsu
{
	uint32_t	stratum;
	bool		anonymous;
	const char *name;
	uint32_t	len;
} DesignPsu;

typedef struct DesignCell
{
	uint32_t	psu;
	uint32_t	category;
	double		weight;
	int64_t		rows;
	int64_t		nonzero;
	double		wy;				/* numeric summaries only */
	double		wyy;
} DesignCell;

/* A decoded design summary; the names point into the decoded bytes. */
typedef struct DesignData
{
	uint8_t		flags;
	uint32_t	nstrata;
	uint32_t	ncat;
	uint32_t	npsu;
	uint32_t	ncell;
	int64_t		missing;
	DesignStratum *strata;
	DesignCategory *cats;
	DesignPsu  *psus;
	DesignCell *cells;
} DesignData;

/*
 * The counts of the header.  Each count is bounded by len (every entry takes
 * at least a few bytes), so arrays of these sizes are safe to allocate.
 */
extern DesignStatus design_summary_counts(const uint8_t *buf, size_t len, uint32_t *nstrata,
										  uint32_t *ncat, uint32_t *npsu, uint32_t *ncell);

/* decode and validate into out, whose arrays hold the counts given above */
extern DesignStatus design_summary_decode(const uint8_t *buf, size_t len, DesignData *out);

/* bytes the encoding of d takes, and the encoding (d valid, sorted) */
extern size_t design_summary_size(const DesignData *d);
extern void design_summary_encode(uint8_t *out, const DesignData *d);

/* order of names: the NULL name first, then memcmp, a shorter prefix first */
extern int	design_name_compare(bool anull, const char *a, uint32_t alen,
								bool bnull, const char *b, uint32_t blen);

/* ---- estimation ---------------------------------------------------------- */

/* options(survey.lonely.psu = ...) */
typedef enum DesignLonely
{
	DESIGN_LONELY_FAIL,
	DESIGN_LONELY_REMOVE,
	DESIGN_LONELY_ADJUST,
	DESIGN_LONELY_CERTAINTY,
	DESIGN_LONELY_AVERAGE,
	DESIGN_LONELY_INVALID
} DesignLonely;

#define DESIGN_LONELY_NAMES "fail, remove, adjust, certainty, average"

extern DesignLonely design_lonely_from_name(const char *name);

typedef enum DesignEstimateStatus
{
	DESIGN_ESTIMATE_OK = 0,
	DESIGN_ESTIMATE_LONELY,		/* a stratum with one PSU under "fail"; *bad_stratum says which */
	DESIGN_ESTIMATE_FPC_MIXED,	/* some fpc > 1 and some < 1 */
	DESIGN_ESTIMATE_FPC_SMALL	/* population below the PSUs sampled; *bad_stratum */
} DesignEstimateStatus;

/*
 * Figures for one estimand: a ratio (num / den per PSU: a share, a mean) and
 * the total of num, as svymean / svytotal on the domain of the rows that
 * entered den (rows of other PSUs and strata still count in the design).
 */
typedef struct DesignEstimate
{
	bool		defined;		/* den > 0 */
	double		ratio;			/* sum num / sum den */
	double		ratio_var;		/* its linearised variance */
	double		total;			/* sum num */
	double		total_var;
	double		den;			/* sum den: the estimated domain size */
	int64_t		rows;			/* rows in the domain (any weight) */
	int64_t		nonzero;		/* rows in the domain with a weight > 0 */
	int64_t		df;				/* PSUs - strata among rows of the domain with weight > 0 */
} DesignEstimate;

/* per stratum population of PSUs from the fpc values of d (R's as.fpc) */
extern DesignEstimateStatus design_popsize(const DesignData *d, double *popsize,
										   uint32_t *bad_stratum);

/*
 * The estimate for category cat (a share among the rows that answered), with
 * scratch arrays of d->npsu doubles (num, den, z) and d->nstrata bytes
 * (present: strata with a row in the domain) given by the caller.
 */
extern DesignEstimateStatus design_estimate_category(const DesignData *d, uint32_t cat,
													 DesignLonely lonely, const double *popsize,
													 double *num, double *den, double *z,
													 uint8_t *present, DesignEstimate *out,
													 uint32_t *bad_stratum);

/*
 * The generic form: num[] and den[] per PSU already filled, present[] per
 * stratum (NULL: every stratum), out->rows, nonzero and df set by the caller.
 */
extern DesignEstimateStatus design_estimate_ratio(const DesignData *d, DesignLonely lonely,
												  const double *popsize, const uint8_t *present,
												  const double *num, const double *den, double *z,
												  DesignEstimate *out, uint32_t *bad_stratum);

/*
 * The same estimate for a design of n_rows rows, each its own PSU, without
 * strata or fpc (R's ids = ~1), from sums over the rows instead of per-PSU
 * arrays (what iscm.answer_summary keeps): num and den are the sums of the
 * rows' num and den, nn, nd and dd the sums of num^2, num den and den^2
 * divided by den (so that weights anywhere in the double range need not be
 * squared).  Rows outside the domain count in n_rows with num = den = 0, as
 * R's subset keeps them.  The variances are NAN when n_rows < 2 (a lonely
 * PSU), ratio and ratio_var when den is 0; rows, nonzero and df are the
 * caller's.
 */
extern void design_estimate_rows(int64_t n_rows, double num, double den, double nn, double nd,
								 double dd, DesignEstimate *out);

/* svymean(..., deff = TRUE) of a share p: without replacement unless replace */
extern double design_deff_share(const DesignEstimate *e, bool replace);

/*
 * The mean and total of a numeric summary (svymean / svytotal of the value
 * over the rows that have one); scratch as design_estimate_category.  *s2 is
 * svyvar's weighted variance of the values, n/(n-1) included (NAN when n < 2).
 */
extern DesignEstimateStatus design_estimate_value(const DesignData *d, DesignLonely lonely,
												  const double *popsize, double *num, double *den,
												  double *z, uint8_t *present, DesignEstimate *out,
												  double *s2, uint32_t *bad_stratum);

/* deff of a mean with svyvar s2 */
extern double design_deff_mean(const DesignEstimate *e, double s2, bool replace);

/* Student's t quantile (df > 0; df = INFINITY gives the normal quantile) */
extern double design_t_quantile(double p, double df);

/* svyciprop methods */
typedef enum DesignCiMethod
{
	DESIGN_CI_LOGIT,
	DESIGN_CI_LIKELIHOOD,
	DESIGN_CI_ASIN,
	DESIGN_CI_BETA,
	DESIGN_CI_MEAN,
	DESIGN_CI_XLOGIT,
	DESIGN_CI_INVALID
} DesignCiMethod;

#define DESIGN_CI_NAMES "logit, likelihood, asin, beta, mean, xlogit"

extern DesignCiMethod design_ci_method_from_name(const char *name);

/*
 * svyciprop interval for share p with variance var on df degrees of freedom
 * (df <= 0: R's qt gives NaN, and so do the limits); rows = nrow(design).
 */
extern void design_ciprop(DesignCiMethod method, double p, double var, double df, double rows,
						  double level, double *lower, double *upper);

/* ---- Rao-Scott test of independence (svychisq) ------------------------- */

typedef enum DesignChisqStatistic
{
	DESIGN_CHISQ_F,				/* statistic = "F": second-order, F on (d0, d0 nu) */
	DESIGN_CHISQ_CHISQ,			/* statistic = "Chisq": first-order, X^2 / mean eigenvalue */
	DESIGN_CHISQ_INVALID
} DesignChisqStatistic;

extern DesignChisqStatistic design_chisq_statistic_from_name(const char *name);

typedef struct DesignChisq
{
	double		statistic;		/* F, or Pearson's X^2 for "Chisq" */
	double		ndf;			/* d0, or (nr - 1)(nc - 1) */
	double		ddf;			/* d0 nu; NAN for "Chisq" */
	double		p_value;
} DesignChisq;

/*
 * svychisq(~a + b, design, statistic) on a summary of the pairs of answers:
 * category k of d is the pair (row_of[k], col_of[k]), 0 <= row_of[k] < nr,
 * 0 <= col_of[k] < nc, no pair twice; nr, nc >= 2.  Scratch: work must hold
 * design_chisq_work(d, nr, nc) doubles.  Rows missing an answer count in N
 * (d->missing) and their PSUs in nu, as R counts them.
 */
extern size_t design_chisq_work(const DesignData *d, uint32_t nr, uint32_t nc);
extern DesignEstimateStatus design_chisq(const DesignData *d, const uint32_t *row_of,
										 const uint32_t *col_of, uint32_t nr, uint32_t nc,
										 DesignChisqStatistic statistic, DesignLonely lonely,
										 const double *popsize, double *work, uint8_t *present,
										 DesignChisq *out, uint32_t *bad_stratum);

/* upper tails: F(d1, d2) and chi-square(df) */
extern double design_f_upper(double f, double d1, double d2);
extern double design_chisq_upper(double x, double df);

#endif							/* ISCM_SURVEY_DESIGN_CORE_H */
