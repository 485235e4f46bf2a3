/*
 * survey_stats.c — normal and beta quantiles, binomial probabilities and the
 * interval estimators used by the survey accessors.  Pure C (see the header).
 *
 * References:
 *   P. J. Acklam, "An algorithm for computing the inverse normal cumulative
 *     distribution function" (2003), refined by one Halley step on erfc().
 *   Abramowitz & Stegun 26.5.8 (continued fraction of the incomplete beta),
 *     evaluated with the modified Lentz method (Thompson & Barnett 1986).
 *   R. G. Newcombe, Stat Med 17 (1998) 857-872 and 873-890 (intervals for one
 *     proportion, a difference of independent and of paired proportions).
 *   L. D. Brown, T. T. Cai, A. DasGupta, Stat Sci 16 (2001) 101-133.
 *   M. W. Fagerland, S. Lydersen, P. Laake, BMC Med Res Meth 13 (2013) 91
 *     (McNemar exact and mid-P).
 */
#include "survey_stats.h"

#include <float.h>
#include <math.h>
#include <string.h>

#define SQRT2		1.41421356237309504880
#define SQRT2PI		2.50662827463100050242

static const struct
{
	const char *name;
	SurveyCiMethod method;
}			ci_methods[] =
{
	{"wilson", SURVEY_CI_WILSON},
	{"clopper_pearson", SURVEY_CI_CLOPPER_PEARSON},
	{"jeffreys", SURVEY_CI_JEFFREYS},
	{"agresti_coull", SURVEY_CI_AGRESTI_COULL},
	{"wald", SURVEY_CI_WALD},
	{"logit", SURVEY_CI_LOGIT},
};

SurveyCiMethod
survey_ci_method_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof(ci_methods) / sizeof(ci_methods[0]); i++)
		if (strcmp(name, ci_methods[i].name) == 0)
			return ci_methods[i].method;
	return SURVEY_CI_INVALID;
}

const char *
survey_ci_method_name(SurveyCiMethod method)
{
	for (size_t i = 0; i < sizeof(ci_methods) / sizeof(ci_methods[0]); i++)
		if (ci_methods[i].method == method)
			return ci_methods[i].name;
	return "invalid";
}

SurveyMcNemarMethod
survey_mcnemar_method_from_name(const char *name)
{
	if (strcmp(name, "asymptotic") == 0)
		return SURVEY_MCNEMAR_ASYMPTOTIC;
	if (strcmp(name, "corrected") == 0)
		return SURVEY_MCNEMAR_CORRECTED;
	if (strcmp(name, "exact") == 0)
		return SURVEY_MCNEMAR_EXACT;
	if (strcmp(name, "mid_p") == 0)
		return SURVEY_MCNEMAR_MID_P;
	return SURVEY_MCNEMAR_INVALID;
}

/* ---- normal distribution ------------------------------------------------ */

double
survey_normal_upper(double z)
{
	return 0.5 * erfc(z / SQRT2);
}

/*
 * Acklam's rational approximation (relative error 1.15e-9) followed by one
 * Halley step against erfc(), which brings it to full double precision.
 */
double
survey_normal_quantile(double p)
{
	static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
		-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
		-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01};
	static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
		-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00};
	const double p_low = 0.02425;
	double		x;
	double		q,
				r,
				e,
				u;

	if (!(p > 0.0))
		return p == 0.0 ? -INFINITY : NAN;
	if (!(p < 1.0))
		return p == 1.0 ? INFINITY : NAN;

	if (p < p_low)
	{
		q = sqrt(-2.0 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
	}
	else if (p <= 1.0 - p_low)
	{
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
			(((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
	}
	else
	{
		q = sqrt(-2.0 * log1p(-p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
			((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
	}

	/*
	 * Halley refinement.  Work on the smaller tail so that 1 - p does not
	 * cancel: for p > 1/2 refine the upper-tail equation instead.
	 */
	if (p <= 0.5)
		e = 0.5 * erfc(-x / SQRT2) - p;
	else
		e = (1.0 - p) - 0.5 * erfc(x / SQRT2);
	u = e * SQRT2PI * exp(x * x / 2.0);
	x = x - u / (1.0 + x * u / 2.0);
	return x;
}

double
survey_two_sided_z(double level)
{
	/* upper (1 - level)/2 quantile, computed on the tail for precision */
	return -survey_normal_quantile((1.0 - level) / 2.0);
}

/* ---- incomplete beta ---------------------------------------------------- */

static double
log_beta(double a, double b)
{
	return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/*
 * Continued fraction for I_x(a,b) (A&S 26.5.8):
 *   I_x(a,b) = x^a (1-x)^b / (a B(a,b)) * 1/(1+ d1/(1+ d2/(1+ ...)))
 *   d(2m+1) = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1))
 *   d(2m)   =  m (b-m) x / ((a+2m-1)(a+2m))
 * evaluated front to back with the modified Lentz method.  Converges fast
 * for x < (a+1)/(a+b+2); the caller uses the symmetry otherwise.
 */
static double
ibeta_fraction(double x, double a, double b)
{
	const double tiny = 1e-300;
	const double eps = 1e-16;
	double		c = 1.0;
	double		d = 1.0 - (a + b) * x / (a + 1.0);
	double		f;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	f = d;
	for (int m = 1; m < 1000000; m++)
	{
		double		m2 = 2.0 * m;
		double		coef;
		double		delta;

		/* even step d(2m) */
		coef = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
		d = 1.0 + coef * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + coef / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		f *= d * c;

		/* odd step d(2m+1) */
		coef = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
		d = 1.0 + coef * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + coef / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		delta = d * c;
		f *= delta;
		if (fabs(delta - 1.0) < eps)
			break;
	}
	return f;
}

double
survey_ibeta(double x, double a, double b)
{
	double		front;

	if (isnan(x) || isnan(a) || isnan(b) || a <= 0.0 || b <= 0.0)
		return NAN;
	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;

	front = a * log(x) + b * log1p(-x) - log_beta(a, b);
	if (x < (a + 1.0) / (a + b + 2.0))
		return exp(front) * ibeta_fraction(x, a, b) / a;
	return 1.0 - exp(front) * ibeta_fraction(1.0 - x, b, a) / b;
}

/* density of Beta(a, b) at x, in log space */
static double
beta_log_density(double x, double a, double b, double lbeta)
{
	return (a - 1.0) * log(x) + (b - 1.0) * log1p(-x) - lbeta;
}

/*
 * x with I_x(a,b) = p: Newton steps kept inside a shrinking bracket, with
 * bisection whenever Newton would leave it.  Stops at full double precision.
 */
double
survey_ibeta_inverse(double p, double a, double b)
{
	double		lo = 0.0,
				hi = 1.0;
	double		lbeta;
	double		x;

	if (isnan(p) || isnan(a) || isnan(b) || a <= 0.0 || b <= 0.0)
		return NAN;
	if (p <= 0.0)
		return 0.0;
	if (p >= 1.0)
		return 1.0;

	lbeta = log_beta(a, b);

	/* start from the normal approximation of Beta(a, b) */
	{
		double		mean = a / (a + b);
		double		sd = sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));

		x = mean + survey_normal_quantile(p) * sd;
		if (!(x > 0.0 && x < 1.0))
			x = mean;
	}

	for (int iter = 0; iter < 400; iter++)
	{
		double		f = survey_ibeta(x, a, b) - p;
		double		next;

		if (f == 0.0)
			return x;
		if (f < 0.0)
			lo = x;
		else
			hi = x;

		next = x - f / exp(beta_log_density(x, a, b, lbeta));
		if (!(next > lo && next < hi))
			next = 0.5 * (lo + hi);
		if (fabs(next - x) <= 4.0 * DBL_EPSILON * x || hi - lo <= 4.0 * DBL_EPSILON * hi)
			return next;
		x = next;
	}
	return x;
}

/* ---- binomial ------------------------------------------------------------ */

double
survey_binom_pmf(int64_t k, int64_t n, double p)
{
	double		logpmf;

	if (k < 0 || k > n)
		return 0.0;
	if (p <= 0.0)
		return k == 0 ? 1.0 : 0.0;
	if (p >= 1.0)
		return k == n ? 1.0 : 0.0;
	logpmf = lgamma((double) n + 1.0) - lgamma((double) k + 1.0) -
		lgamma((double) (n - k) + 1.0) +
		(double) k * log(p) + (double) (n - k) * log1p(-p);
	return exp(logpmf);
}

/* P(X <= k) = I_{1-p}(n - k, k + 1) */
double
survey_binom_cdf(int64_t k, int64_t n, double p)
{
	if (k < 0)
		return 0.0;
	if (k >= n)
		return 1.0;
	return survey_ibeta(1.0 - p, (double) (n - k), (double) k + 1.0);
}

/* ---- intervals for one proportion ---------------------------------------- */

static double
clamp01(double v)
{
	return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

static SurveyInterval
wilson(double x, double n, double z)
{
	SurveyInterval r;
	double		p = x / n;
	double		z2 = z * z;
	double		center = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
	double		half = z * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / (1.0 + z2 / n);

	r.lower = x <= 0.0 ? 0.0 : clamp01(center - half);
	r.upper = x >= n ? 1.0 : clamp01(center + half);
	return r;
}

static SurveyInterval
beta_quantiles(double alpha, double a_lower, double b_lower,
			   double a_upper, double b_upper, double x, double n)
{
	SurveyInterval r;

	r.lower = x <= 0.0 ? 0.0 : survey_ibeta_inverse(alpha / 2.0, a_lower, b_lower);
	r.upper = x >= n ? 1.0 : survey_ibeta_inverse(1.0 - alpha / 2.0, a_upper, b_upper);
	return r;
}

static SurveyInterval
clopper_pearson(double x, double n, double alpha)
{
	return beta_quantiles(alpha, x, n - x + 1.0, x + 1.0, n - x, x, n);
}

static SurveyInterval
interval_for(SurveyCiMethod method, double x, double n, double level)
{
	double		alpha = 1.0 - level;
	double		z = survey_two_sided_z(level);
	double		p = x / n;
	SurveyInterval r;

	switch (method)
	{
		case SURVEY_CI_WILSON:
			return wilson(x, n, z);
		case SURVEY_CI_CLOPPER_PEARSON:
			return clopper_pearson(x, n, alpha);
		case SURVEY_CI_JEFFREYS:
			return beta_quantiles(alpha, x + 0.5, n - x + 0.5, x + 0.5, n - x + 0.5, x, n);
		case SURVEY_CI_AGRESTI_COULL:
			{
				double		nt = n + z * z;
				double		pt = (x + z * z / 2.0) / nt;
				double		half = z * sqrt(pt * (1.0 - pt) / nt);

				r.lower = clamp01(pt - half);
				r.upper = clamp01(pt + half);
				return r;
			}
		case SURVEY_CI_WALD:
			{
				double		half = z * sqrt(p * (1.0 - p) / n);

				r.lower = clamp01(p - half);
				r.upper = clamp01(p + half);
				return r;
			}
		case SURVEY_CI_LOGIT:
			{
				double		lambda,
							se;

				/* logit is undefined at 0 and n: use the exact limits there */
				if (x <= 0.0 || x >= n)
					return clopper_pearson(x, n, alpha);
				lambda = log(x / (n - x));
				se = sqrt(n / (x * (n - x)));
				r.lower = 1.0 / (1.0 + exp(-(lambda - z * se)));
				r.upper = 1.0 / (1.0 + exp(-(lambda + z * se)));
				return r;
			}
		case SURVEY_CI_INVALID:
			break;
	}
	r.lower = r.upper = NAN;
	return r;
}

SurveyInterval
survey_proportion_interval(SurveyCiMethod method, double x, double n,
						   double level, double population, double sampled)
{
	if (population > 0.0)
	{
		double		f = sampled / population;

		/* a census: the share is known exactly */
		if (f >= 1.0)
		{
			SurveyInterval r = {x / n, x / n};

			return r;
		}
		/* Var = (1 - f) p(1-p)/n, i.e. the sample counts as n / (1 - f) */
		x /= (1.0 - f);
		n /= (1.0 - f);
	}
	return interval_for(method, x, n, level);
}

/* ---- differences of proportions ----------------------------------------- */

SurveyInterval
survey_newcombe_difference(double x1, double n1, double x2, double n2, double level)
{
	double		z = survey_two_sided_z(level);
	double		p1 = x1 / n1,
				p2 = x2 / n2;
	SurveyInterval w1 = wilson(x1, n1, z);
	SurveyInterval w2 = wilson(x2, n2, z);
	SurveyInterval r;
	double		d = p1 - p2;

	r.lower = d - sqrt((p1 - w1.lower) * (p1 - w1.lower) + (w2.upper - p2) * (w2.upper - p2));
	r.upper = d + sqrt((w1.upper - p1) * (w1.upper - p1) + (p2 - w2.lower) * (p2 - w2.lower));
	return r;
}

SurveyInterval
survey_newcombe_paired(double a, double b, double c, double d, double level)
{
	double		z = survey_two_sided_z(level);
	double		n = a + b + c + d;
	double		p1 = (a + b) / n,
				p2 = (a + c) / n;
	SurveyInterval w1 = wilson(a + b, n, z);
	SurveyInterval w2 = wilson(a + c, n, z);
	double		margins = (a + b) * (c + d) * (a + c) * (b + d);
	double		cross = a * d - b * c;
	double		phi;
	double		dl1 = p1 - w1.lower,
				du2 = w2.upper - p2;
	double		du1 = w1.upper - p1,
				dl2 = p2 - w2.lower;
	double		sl,
				su;
	SurveyInterval r;

	/*
	 * Newcombe's correlation estimate: a positive cross-product is shrunk by
	 * n/2 (never below zero), a negative one is used as is.
	 */
	if (cross > 0.0)
		cross = cross > n / 2.0 ? cross - n / 2.0 : 0.0;
	phi = margins > 0.0 ? cross / sqrt(margins) : 0.0;
	sl = dl1 * dl1 - 2.0 * phi * dl1 * du2 + du2 * du2;
	su = du1 * du1 - 2.0 * phi * du1 * dl2 + dl2 * dl2;

	r.lower = (p1 - p2) - sqrt(sl > 0.0 ? sl : 0.0);
	r.upper = (p1 - p2) + sqrt(su > 0.0 ? su : 0.0);
	if (r.lower < -1.0)
		r.lower = -1.0;
	if (r.upper > 1.0)
		r.upper = 1.0;
	return r;
}

/* ---- McNemar ------------------------------------------------------------- */

double
survey_mcnemar(SurveyMcNemarMethod method, int64_t b, int64_t c)
{
	int64_t		n = b + c;
	int64_t		k = b < c ? b : c;
	double		diff = fabs((double) b - (double) c);
	double		p;

	/* no discordant pairs: no evidence of change at all */
	if (n == 0)
		return 1.0;

	switch (method)
	{
		case SURVEY_MCNEMAR_ASYMPTOTIC:
			return erfc(diff / sqrt((double) n) / SQRT2);
		case SURVEY_MCNEMAR_CORRECTED:
			/* clamp at zero: b = c must not look like a difference of one */
			diff = diff > 1.0 ? diff - 1.0 : 0.0;
			return erfc(diff / sqrt((double) n) / SQRT2);
		case SURVEY_MCNEMAR_EXACT:
			p = 2.0 * survey_binom_cdf(k, n, 0.5);
			return p > 1.0 ? 1.0 : p;
		case SURVEY_MCNEMAR_MID_P:
			p = 2.0 * survey_binom_cdf(k, n, 0.5) - survey_binom_pmf(k, n, 0.5);
			return p > 1.0 ? 1.0 : p;
		case SURVEY_MCNEMAR_INVALID:
			break;
	}
	return NAN;
}
