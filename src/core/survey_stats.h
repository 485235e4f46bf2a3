/*
 * survey_stats.h — the statistics behind the survey accessors, in pure C.
 *
 * No PostgreSQL headers: the functions are plain numerics, testable and
 * fuzzable on their own.  Every function is written from the published
 * formulas (references in doc/survey.md); none is copied from GPL or
 * Numerical Recipes code.
 */
#ifndef ISCM_SURVEY_STATS_H
#define ISCM_SURVEY_STATS_H

#include <stdbool.h>
#include <stdint.h>

/* Confidence interval methods for a single proportion. */
typedef enum SurveyCiMethod
{
	SURVEY_CI_WILSON,
	SURVEY_CI_CLOPPER_PEARSON,
	SURVEY_CI_JEFFREYS,
	SURVEY_CI_AGRESTI_COULL,
	SURVEY_CI_WALD,
	SURVEY_CI_LOGIT,
	SURVEY_CI_INVALID
} SurveyCiMethod;

/* names match in any ASCII case; "exact" is Clopper-Pearson */
#define SURVEY_CI_METHOD_NAMES "wilson, clopper_pearson (or exact), jeffreys, agresti_coull, wald, logit"

/* McNemar test variants. */
typedef enum SurveyMcNemarMethod
{
	SURVEY_MCNEMAR_ASYMPTOTIC,
	SURVEY_MCNEMAR_CORRECTED,
	SURVEY_MCNEMAR_EXACT,
	SURVEY_MCNEMAR_MID_P,
	SURVEY_MCNEMAR_INVALID
} SurveyMcNemarMethod;

#define SURVEY_MCNEMAR_METHOD_NAMES "asymptotic, corrected, exact, mid_p"

typedef struct SurveyInterval
{
	double		lower;
	double		upper;
} SurveyInterval;

extern SurveyCiMethod survey_ci_method_from_name(const char *name);
/* the canonical (lower-case, first) name of a method */
extern const char *survey_ci_method_name(SurveyCiMethod method);
extern SurveyMcNemarMethod survey_mcnemar_method_from_name(const char *name);

/* Standard normal quantile (full double precision). */
extern double survey_normal_quantile(double p);

/* z such that P(|Z| <= z) = level. */
extern double survey_two_sided_z(double level);

/* Regularized incomplete beta I_x(a, b) and its inverse in x. */
extern double survey_ibeta(double x, double a, double b);
extern double survey_ibeta_inverse(double p, double a, double b);

/* Binomial distribution, computed in log space. */
extern double survey_binom_pmf(int64_t k, int64_t n, double p);
extern double survey_binom_cdf(int64_t k, int64_t n, double p);

/*
 * Interval for x successes out of n trials (both may be non-integer: weighted
 * data use the Kish effective sample size).  population > 0 applies the finite
 * population correction through the effective size n / (1 - n/N).
 */
extern SurveyInterval survey_proportion_interval(SurveyCiMethod method, double x, double n,
												 double level, double population,
												 double sampled);

/* Newcombe's hybrid score interval for p1 - p2 (independent samples). */
extern SurveyInterval survey_newcombe_difference(double x1, double n1, double x2, double n2,
												 double level);

/*
 * Newcombe's square-and-add interval (Stat Med 17 (1998) 2635-2650, method 10)
 * for p1 - p2 from a paired table: a = yes/yes, b = yes/no, c = no/yes,
 * d = no/no, where "first" is the row.  Interval for p1 - p2 = (b - c)/n.
 */
extern SurveyInterval survey_newcombe_paired(double a, double b, double c, double d,
											 double level);

/* Two-sided McNemar P for discordant counts b and c. */
extern double survey_mcnemar(SurveyMcNemarMethod method, int64_t b, int64_t c);

#endif							/* ISCM_SURVEY_STATS_H */
