/*
 * survey_stats.c — normal and beta quantiles, binomial probabilities and the
 * interval estimators used by the survey accessors.  Pure C (see the header).
 *
 * References:
 *   P. J. Acklam, "An algorithm for computing the inverse normal cumulative
 *     distribution function" (2003), refined by one Halley step on erfc().
 *   Abramowitz & Stegun 26.5.8 (continued fraction of the incomplete beta),
 *     in its even contraction, evaluated with the modified Lentz method
 *     (Thompson & Barnett 1986).
 *   N. M. Temme, Special Functions, Wiley 1996, 11.3.3 (uniform asymptotic
 *     expansion of the incomplete beta function for large parameters).
 *   T. J. Dekker (1971) and D. E. Knuth, TAOCP vol. 2 (error-free sums and
 *     products).
 *   R. G. Newcombe, Stat Med 17 (1998) 857-872 (intervals for one proportion),
 *     873-890 (a difference of independent proportions) and 2635-2650 (a
 *     difference of paired proportions).
 *   L. D. Brown, T. T. Cai, A. DasGupta, Stat Sci 16 (2001) 101-133.
 *   M. W. Fagerland, S. Lydersen, P. Laake, BMC Med Res Meth 13 (2013) 91
 *     (McNemar exact and mid-P).
 */
#include "survey_stats.h"

#include <float.h>
#include <math.h>
#include <string.h>
#include <strings.h>

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
	/* binom.test's and most packages' name for Clopper-Pearson */
	{"exact", SURVEY_CI_CLOPPER_PEARSON},
};

SurveyCiMethod
survey_ci_method_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof(ci_methods) / sizeof(ci_methods[0]); i++)
		if (strcasecmp(name, ci_methods[i].name) == 0)
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
	if (strcasecmp(name, "asymptotic") == 0)
		return SURVEY_MCNEMAR_ASYMPTOTIC;
	if (strcasecmp(name, "corrected") == 0)
		return SURVEY_MCNEMAR_CORRECTED;
	if (strcasecmp(name, "exact") == 0)
		return SURVEY_MCNEMAR_EXACT;
	if (strcasecmp(name, "mid_p") == 0)
		return SURVEY_MCNEMAR_MID_P;
	return SURVEY_MCNEMAR_INVALID;
}

/* ---- normal distribution ------------------------------------------------ */

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

/*
 * The Clopper-Pearson and Jeffreys limits are Beta(a, b) quantiles with a + b
 * up to the largest count (2^63) and beyond (the finite population correction
 * enlarges n).  Textbook formulas fail long before that: the prefactor
 * x^a (1-x)^b / B(a,b), taken as exp(a ln x + b ln(1-x) - ln B(a,b)), sums
 * terms of size a and b to a result of size 1, and the continued fraction
 * needs more steps the larger both parameters are.  Here the prefactor is
 * written relative to the mean x0 = a/(a+b) with ln(1+u) - u and Stirling's
 * series, which cancel nothing large, and when both parameters are large I_x
 * comes from Temme's uniform asymptotic expansion (N. M. Temme, Special
 * Functions, Wiley 1996, section 11.3.3) instead of the continued fraction.
 */

#define LN_SQRT_2PI		0.91893853320467274178

/*
 * Both parameters at least this large: Temme's expansion, with its first
 * correction term; the next term is about 1/min(a,b) times smaller, which
 * leaves quantiles exact to a few units in the last place.  Below it the
 * contracted continued fraction takes at most several hundred steps.
 */
#define TEMME_MIN_PARAMETER	1e7

/* ln(1 + u) - u for u > -1, without cancellation when |u| is small */
static double
log1p_minus(double u)
{
	double		s,
				s2,
				power,
				sum = 0.0;

	if (fabs(u) >= 0.25)
		return log1p(u) - u;
	/* ln(1+u) = 2 atanh(s) with s = u/(2+u), and u = 2s/(1-s) */
	s = u / (2.0 + u);
	s2 = s * s;
	power = s;
	for (int k = 3; k < 60; k += 2)
	{
		double		term;

		power *= s2;
		term = power / k;
		sum += term;
		if (fabs(term) <= DBL_EPSILON * fabs(sum))
			break;
	}
	return 2.0 * sum - 2.0 * s2 / (1.0 - s);
}

/* (ln(1 + u) - u + u^2/2) / u^3, which tends to 1/3 as u -> 0 */
static double
log1p_cubic(double u)
{
	double		sum = 0.0,
				power = 1.0;

	if (fabs(u) >= 0.25)
		return (log1p_minus(u) + 0.5 * u * u) / (u * u * u);
	for (int k = 3; k < 60; k++)
	{
		double		term = power / k;

		sum += (k % 2) ? term : -term;
		if (fabs(term) <= DBL_EPSILON * fabs(sum))
			break;
		power *= u;
	}
	return sum;
}

/* ln Gamma(z) minus Stirling's approximation (z - 1/2) ln z - z + ln sqrt(2 pi) */
static double
stirling_remainder(double z)
{
	double		z2;

	if (z < 15.0)
		return lgamma(z) - ((z - 0.5) * log(z) - z + LN_SQRT_2PI);
	/* the asymptotic series; its next term is below 3e-16 for z >= 15 */
	z2 = 1.0 / (z * z);
	return (1.0 / 12 - z2 * (1.0 / 360 - z2 * (1.0 / 1260 - z2 * (1.0 / 1680 - z2 / 1188)))) / z;
}

/*
 * A point x of Beta(a, b) seen from the mean x0: w = x - x0 and the relative
 * distances ux = w/x0, uy = -w/y0 of x from x0 and of y = 1 - x from y0.
 * a ux + b uy = 0 exactly, so
 *     kernel = a ln(x/x0) + b ln(y/y0) = a (ln(1+ux) - ux) + b (ln(1+uy) - uy),
 * the logarithm of x^a y^b relative to its maximum, has no large terms left
 * to cancel.
 */
typedef struct BetaPoint
{
	double		r,
				x0,
				y0,
				w,
				ux,
				uy,
				kernel;
} BetaPoint;

/* s + err = a + b exactly (Knuth's TwoSum) */
static double
two_sum(double a, double b, double *err)
{
	double		s = a + b;
	double		bb = s - a;

	*err = (a - (s - bb)) + (b - bb);
	return s;
}

/*
 * c + p q + r s, the two products and the sum without rounding in between
 * (error-free transformations), so a result far smaller than its terms keeps
 * full relative precision.
 */
static double
sum_of_products(double c, double p, double q, double r, double s)
{
	double		pq = p * q,
				pq_err = fma(p, q, -pq);
	double		rs = r * s,
				rs_err = fma(r, s, -rs);
	double		e1,
				e2;
	double		t = two_sum(two_sum(c, pq, &e1), rs, &e2);

	return t + (e1 + e2 + pq_err + rs_err);
}

/* y = 1 - x, passed separately: whichever is smaller is exact */
static BetaPoint
beta_point(double x, double y, double a, double b)
{
	BetaPoint	pt;
	double		lambda,
				tx,
				ty;

	pt.r = a + b;
	pt.x0 = a / pt.r;
	pt.y0 = b / pt.r;

	/*
	 * x - x0 = -lambda / (a+b) with lambda = a y - b x, from the exact one
	 * of x and y: x0 itself is rounded, and at a + b = 1e15 one unit in its
	 * last place moves I_x by 1e-9.
	 */
	if (x <= y)
		lambda = sum_of_products(a, -a, x, -b, x);
	else
		lambda = sum_of_products(-b, a, y, b, y);
	pt.w = -lambda / pt.r;
	pt.ux = pt.w / pt.x0;
	pt.uy = -pt.w / pt.y0;
	/* far below the mean, ln(1+u) is the log of the exact ratio */
	tx = pt.ux < -0.5 ? log(x / pt.x0) - pt.ux : log1p_minus(pt.ux);
	ty = pt.uy < -0.5 ? log(y / pt.y0) - pt.uy : log1p_minus(pt.uy);
	pt.kernel = a * tx + b * ty;
	if (pt.kernel > 0.0)
		pt.kernel = 0.0;		/* rounding at the mean */
	return pt;
}

/* ln Gamma(a) + ln Gamma(b) - ln Gamma(a+b) minus its Stirling approximation */
static double
beta_stirling_remainder(double a, double b)
{
	return stirling_remainder(a) + stirling_remainder(b) - stirling_remainder(a + b);
}

/*
 * ln(x^a y^b / B(a,b)).  By Stirling, x0^a y0^b / B(a,b) =
 * sqrt(a b / (2 pi (a+b))) exp(-remainder), so this is kernel plus that.
 */
static double
beta_log_prefactor(const BetaPoint *pt, double a, double b)
{
	/* ln(a b / (a+b)) = ln(min) - ln(1 + min/max): ln(max) - ln(a+b) would cancel */
	double		lmin = a <= b ? log(a) - log1p(a / b) : log(b) - log1p(b / a);

	return pt->kernel + 0.5 * lmin - LN_SQRT_2PI - beta_stirling_remainder(a, b);
}

/*
 * The continued fraction of A&S 26.5.8,
 *   I_x(a,b) = x^a y^b / (a B(a,b)) * 1/(1+ d1/(1+ d2/(1+ ...)))
 *   d(2m+1) = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1))
 *   d(2m)   =  m (b-m) x / ((a+2m-1)(a+2m)),
 * used for x < (a+1)/(a+b+2) (the caller swaps a and b otherwise).  As
 * written it cancels when x is near 1 and a large: the odd terms are then
 * close to -1, and 1 + d(2m+1) keeps only the error of x.  So it is
 * evaluated in its even contraction,
 *   1/(1+ d1/(1+ ...)) = 1 - d1/G,  G = S0 - d2 d3/(S1 - d4 d5/(S2 - ...)),
 *   S(m) = 1 + d(2m+1) + d(2m+2),
 * with 1 + d(2m+1) computed from y = 1 - x when x is near 1:
 *   ((a+m)(2m+1-b) + m(m+1) + (a+m)(a+b+m) y) / ((a+2m)(a+2m+1)),
 * and G by the modified Lentz method.
 */
static double
fraction_even(int m, double x, double a, double b)
{
	return m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
}

static double
fraction_odd(int m, double x, double a, double b)
{
	return -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
}

static double
fraction_pair(int m, double x, double y, double a, double b)
{
	double		one_plus_odd;

	if (x <= 0.5)
		one_plus_odd = 1.0 + fraction_odd(m, x, a, b);
	else
		one_plus_odd = ((a + m) * (2.0 * m + 1.0 - b) + m * (m + 1.0) +
						(a + m) * (a + b + m) * y) / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
	return one_plus_odd + fraction_even(m + 1, x, a, b);
}

static double
ibeta_fraction(double x, double y, double a, double b)
{
	const double tiny = 1e-300;
	double		g = fraction_pair(0, x, y, a, b);
	double		c,
				d = 0.0;

	if (fabs(g) < tiny)
		g = tiny;
	c = g;
	for (int k = 1; k < 1000000; k++)
	{
		double		num = -fraction_even(k, x, a, b) * fraction_odd(k, x, a, b);
		double		den = fraction_pair(k, x, y, a, b);
		double		delta;

		d = den + num * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = den + num / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		delta = c * d;
		g *= delta;
		if (fabs(delta - 1.0) < DBL_EPSILON)
			break;
	}
	return 1.0 - fraction_odd(0, x, a, b) / g;
}

/*
 * Temme's expansion: with eta = sign(x - x0) sqrt(-2 kernel / (a+b)),
 *   I_x(a,b) = erfc(-eta sqrt((a+b)/2)) / 2
 *              - exp(kernel - remainder) / sqrt(2 pi (a+b)) * h(eta) + ...
 * where h(eta) = (g(eta) - 1)/eta and g(eta) = sqrt(x0 y0) eta / (x - x0)
 * (g = 1 at the mean).  Near the mean g - 1 comes from the cubic parts of
 * the logarithms: g^2 - 1 = -2 w ((y0/x0) c(ux) - (x0/y0) c(uy)).
 */
static void
ibeta_temme(const BetaPoint *pt, double a, double b, double *lower, double *upper)
{
	double		s = copysign(sqrt(-pt->kernel), pt->w);	/* eta sqrt((a+b)/2) */
	double		h = 0.0;
	double		scale = exp(pt->kernel - beta_stirling_remainder(a, b)) /
		(SQRT2PI * sqrt(pt->r));
	double		correction;

	if (scale > 0.0)
	{
		if (fabs(pt->ux) < 0.25 && fabs(pt->uy) < 0.25)
		{
			double		bracket = (pt->y0 / pt->x0) * log1p_cubic(pt->ux) -
				(pt->x0 / pt->y0) * log1p_cubic(pt->uy);
			double		g = sqrt(1.0 - 2.0 * pt->w * bracket);

			h = -2.0 * sqrt(pt->x0 * pt->y0) * bracket / (g * (g + 1.0));
		}
		else
		{
			double		eta = s * SQRT2 / sqrt(pt->r);
			double		g = sqrt(pt->x0 * pt->y0) * eta / pt->w;

			h = (g - 1.0) / eta;
		}
	}
	correction = scale * h;
	*lower = 0.5 * erfc(-s) - correction;
	*upper = 0.5 * erfc(s) + correction;
}

/*
 * I_x(a,b) and 1 - I_x(a,b), each with full relative precision when it is
 * the smaller one; y = 1 - x is passed so that x near 1 loses nothing.
 */
static void
ibeta_tails(double x, double y, double a, double b, double *lower, double *upper)
{
	BetaPoint	pt;

	if (x <= 0.0 || y <= 0.0)
	{
		*lower = x <= 0.0 ? 0.0 : 1.0;
		*upper = 1.0 - *lower;
		return;
	}
	pt = beta_point(x, y, a, b);
	if (a >= TEMME_MIN_PARAMETER && b >= TEMME_MIN_PARAMETER)
		ibeta_temme(&pt, a, b, lower, upper);
	else if (x < (a + 1.0) / (a + b + 2.0))
	{
		*lower = exp(beta_log_prefactor(&pt, a, b)) * ibeta_fraction(x, y, a, b) / a;
		*upper = 1.0 - *lower;
	}
	else
	{
		*upper = exp(beta_log_prefactor(&pt, a, b)) * ibeta_fraction(y, x, b, a) / b;
		*lower = 1.0 - *upper;
	}
	/* the expansion may leave [0, 1] by rounding far out in a tail */
	*lower = fmin(fmax(*lower, 0.0), 1.0);
	*upper = fmin(fmax(*upper, 0.0), 1.0);
}

double
survey_ibeta(double x, double a, double b)
{
	double		lower,
				upper;

	if (isnan(x) || isnan(a) || isnan(b) || a <= 0.0 || b <= 0.0)
		return NAN;
	ibeta_tails(x, 1.0 - x, a, b, &lower, &upper);
	return lower;
}

/* the density x^(a-1) y^(b-1) / B(a,b) */
static double
beta_density(double x, double y, double a, double b)
{
	BetaPoint	pt = beta_point(x, y, a, b);

	return exp(beta_log_prefactor(&pt, a, b)) / (x * y);
}

/* a first guess for the quantile of the smaller tail p (lower) or q (upper) */
static double
beta_quantile_guess(double p, double q, double a, double b)
{
	double		r = a + b;
	double		z = p <= q ? survey_normal_quantile(p) : -survey_normal_quantile(q);
	double		x = a / r + z * sqrt(a / r * (b / r) / (r + 1.0));
	double		lbeta;

	if (x > 0.0 && x < 1.0)
		return x;
	/* a skewed tail: I_x ~ x^a / (a B(a,b)) near 0, 1 - I_x ~ y^b / (b B(a,b)) near 1 */
	lbeta = lgamma(a) + lgamma(b) - lgamma(r);
	if (p <= q)
		x = exp((log(p * a) + lbeta) / a);
	else
		x = 1.0 - exp((log(q * b) + lbeta) / b);
	return (x > 0.0 && x < 1.0) ? x : a / r;
}

/* I_x - p on the smaller tail (p, or q = 1 - p): increases with x */
static double
quantile_residual(double x, double p, double q, double a, double b)
{
	double		lower,
				upper;

	ibeta_tails(x, 1.0 - x, a, b, &lower, &upper);
	return p <= q ? lower - p : q - upper;
}

/*
 * x with I_x(a,b) = p, given p and q = 1 - p (each exact where it is the
 * smaller).  Newton steps, kept inside a shrinking bracket; a step that would
 * leave it bisects instead (geometrically while the bracket spans orders of
 * magnitude).  Once a step moves x by less than an ulp or two, the
 * neighbouring doubles are tried, so the result is the double closest to the
 * root.
 */
static double
beta_quantile(double p, double q, double a, double b)
{
	double		lo = 0.0,
				hi = 1.0;
	double		x = beta_quantile_guess(p, q, a, b);
	double		f;

	for (int iter = 0; iter < 2000; iter++)
	{
		double		next;

		f = quantile_residual(x, p, q, a, b);
		if (f == 0.0)
			return x;
		if (f < 0.0)
			lo = x;
		else
			hi = x;
		next = x - f / beta_density(x, 1.0 - x, a, b);
		if (!(next > lo && next < hi))
			next = lo > 0.0 && hi > 4.0 * lo ? sqrt(lo * hi) : 0.5 * (lo + hi);
		if (fabs(next - x) <= 2.0 * DBL_EPSILON * x || hi - lo <= 2.0 * DBL_EPSILON * hi)
			break;
		x = next;
	}
	for (int step = 0; step < 8; step++)
	{
		double		neighbour = nextafter(x, f > 0.0 ? 0.0 : 1.0);
		double		g;

		if (neighbour <= 0.0 || neighbour >= 1.0)
			break;
		g = quantile_residual(neighbour, p, q, a, b);
		if (!(fabs(g) < fabs(f)))
			break;
		x = neighbour;
		f = g;
	}
	return x;
}

double
survey_ibeta_inverse(double p, double a, double b)
{
	if (isnan(p) || isnan(a) || isnan(b) || a <= 0.0 || b <= 0.0)
		return NAN;
	if (p <= 0.0)
		return 0.0;
	if (p >= 1.0)
		return 1.0;
	return beta_quantile(p, 1.0 - p, a, b);
}

/* ---- binomial ------------------------------------------------------------ */

/* C(n,k) p^k (1-p)^(n-k) = x^a y^b / B(a,b) / ((n+1) p (1-p)), a = k+1, b = n-k+1 */
double
survey_binom_pmf(int64_t k, int64_t n, double p)
{
	double		a,
				b;
	BetaPoint	pt;

	if (k < 0 || k > n)
		return 0.0;
	if (p <= 0.0)
		return k == 0 ? 1.0 : 0.0;
	if (p >= 1.0)
		return k == n ? 1.0 : 0.0;
	a = (double) k + 1.0;
	b = (double) (n - k) + 1.0;
	pt = beta_point(p, 1.0 - p, a, b);
	return exp(beta_log_prefactor(&pt, a, b)) / (((double) n + 1.0) * p * (1.0 - p));
}

/* P(X <= k) = I_{1-p}(n - k, k + 1) */
double
survey_binom_cdf(int64_t k, int64_t n, double p)
{
	double		lower,
				upper;

	if (k < 0)
		return 0.0;
	if (k >= n)
		return 1.0;
	ibeta_tails(1.0 - p, p, (double) (n - k), (double) k + 1.0, &lower, &upper);
	return lower;
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

	/* each tail alpha/2 passed exactly, not as 1 - (1 - alpha/2) */
	r.lower = x <= 0.0 ? 0.0 : beta_quantile(alpha / 2.0, 1.0 - alpha / 2.0, a_lower, b_lower);
	r.upper = x >= n ? 1.0 : beta_quantile(1.0 - alpha / 2.0, alpha / 2.0, a_upper, b_upper);
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
			/*
			 * clamp at zero: b = c must not look like a difference of one;
			 * R's mcnemar.test gives P = 1 there too (it drops the correction)
			 */
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
