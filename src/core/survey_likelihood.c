/*
 * survey_likelihood.c — svyciprop(method = "likelihood") in pure C: the
 * profile of the quasibinomial deviance and its inversion as R computes them
 * (survey's confint.svyglm and MASSprofile_glm, stats::spline's FMM spline
 * of Forsythe, Malcolm and Moler, "Computer Methods for Mathematical
 * Computations", 1977, and stats::approx).  survey_likelihood.h says why the
 * share, its variance and two row counts are all the computation needs.
 */
#include "survey_likelihood.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>

#include "survey_design_core.h"
#include "survey_stats.h"

/* MASSprofile_glm's defaults: steps while step < maxsteps, del = zmax / 5 */
#define PROFILE_MAXSTEPS 10
#define PROFILE_DIVISIONS 5.0

/* the most spline points: stats::spline's n = 3 * length(x) */
#define SPLINE_MAX_OUT (3 * LIKELIHOOD_MAX_POINTS)

/* binomial()$linkinv: R clamps eta to +-30 through exp() */
static double
logit_inverse(double eta)
{
	double		t;

	if (eta < -30.0)
		t = DBL_EPSILON;
	else if (eta > 30.0)
		t = 1.0 / DBL_EPSILON;
	else
		t = exp(eta);
	return t / (1.0 + t);
}

/*
 * The deviance of the intercept-only model at coefficient eta: the binomial
 * deviance residuals of the rows, whose prior weights total rows, p of them
 * on the rows with y = 1.
 */
static double
deviance_at(double eta, double p, double rows)
{
	double		mu = logit_inverse(eta);

	return 2.0 * rows * (p * log(1.0 / mu) + (1.0 - p) * log(1.0 / (1.0 - mu)));
}

static double
normal_cdf(double x)
{
	return 0.5 * erfc(-x / sqrt(2.0));
}

/*
 * stats:::regularize.values with ties = mean and na.rm: drop the pairs with a
 * NaN, sort the rest by x (stably, as order() does) and replace the pairs of
 * one x by one with the mean y.  Returns the number of pairs left.
 */
static int
regularize(double *x, double *y, int k)
{
	int			n = 0,
				m = 0;

	for (int i = 0; i < k; i++)
		if (!isnan(x[i]) && !isnan(y[i]))
		{
			x[n] = x[i];
			y[n] = y[i];
			n++;
		}
	for (int i = 1; i < n; i++)
	{
		double		xi = x[i],
					yi = y[i];
		int			j = i - 1;

		while (j >= 0 && x[j] > xi)
		{
			x[j + 1] = x[j];
			y[j + 1] = y[j];
			j--;
		}
		x[j + 1] = xi;
		y[j + 1] = yi;
	}
	for (int i = 0; i < n;)
	{
		int			j = i + 1;
		double		sum = y[i];

		while (j < n && x[j] == x[i])
			sum += y[j++];
		x[m] = x[i];
		y[m] = sum / (double) (j - i);
		m++;
		i = j;
	}
	return m;
}

void
likelihood_spline_fmm(const double *x, const double *y, int k, int n,
					  double *xout, double *yout)
{
	/*
	 * The cubic on [x[i], x[i+1]] is y[i] + t (b[i] + t (c[i] + t d[i])),
	 * t = u - x[i].  While solving, b holds the diagonal of the tridiagonal
	 * system of the second derivatives, h the interval widths (its
	 * off-diagonal) and s the right-hand side, then sigma.
	 */
	double		b[LIKELIHOOD_MAX_POINTS],
				c[LIKELIHOOD_MAX_POINTS],
				d[LIKELIHOOD_MAX_POINTS],
				h[LIKELIHOOD_MAX_POINTS],
				s[LIKELIHOOD_MAX_POINTS];
	int			last = k - 1,
				seg = 0;

	if (k < 3)
	{
		b[0] = b[1] = (y[1] - y[0]) / (x[1] - x[0]);
		c[0] = c[1] = d[0] = d[1] = 0.0;
	}
	else
	{
		h[0] = x[1] - x[0];
		s[1] = (y[1] - y[0]) / h[0];
		for (int i = 1; i < last; i++)
		{
			h[i] = x[i + 1] - x[i];
			b[i] = 2.0 * (h[i - 1] + h[i]);
			s[i + 1] = (y[i + 1] - y[i]) / h[i];
			s[i] = s[i + 1] - s[i];
		}
		/*
		 * End conditions: the third derivative at each end is that of the
		 * cubic through the four points nearest to it (none with 3 points).
		 */
		b[0] = -h[0];
		b[last] = -h[last - 1];
		s[0] = s[last] = 0.0;
		if (k > 3)
		{
			s[0] = s[2] / (x[3] - x[1]) - s[1] / (x[2] - x[0]);
			s[last] = s[last - 1] / (x[last] - x[last - 2]) -
				s[last - 2] / (x[last - 1] - x[last - 3]);
			s[0] = s[0] * h[0] * h[0] / (x[3] - x[0]);
			s[last] = -s[last] * h[last - 1] * h[last - 1] / (x[last] - x[last - 3]);
		}
		for (int i = 1; i <= last; i++)
		{
			double		t = h[i - 1] / b[i - 1];

			b[i] -= t * h[i - 1];
			s[i] -= t * s[i - 1];
		}
		s[last] /= b[last];
		for (int i = last - 1; i >= 0; i--)
			s[i] = (s[i] - h[i] * s[i + 1]) / b[i];
		b[last] = (y[last] - y[last - 1]) / h[last - 1] + h[last - 1] * (s[last - 1] + 2.0 * s[last]);
		for (int i = 0; i < last; i++)
		{
			b[i] = (y[i + 1] - y[i]) / h[i] - h[i] * (s[i + 1] + 2.0 * s[i]);
			d[i] = (s[i + 1] - s[i]) / h[i];
			c[i] = 3.0 * s[i];
		}
		c[last] = 3.0 * s[last];
		d[last] = d[last - 1];
	}

	/* seq.int(x[0], x[last], length.out = n) as R 4 computes it: from + l * by */
	for (int l = 0; l < n; l++)
		xout[l] = x[0] + (double) l * ((x[last] - x[0]) / (double) (n - 1));
	for (int l = 0; l < n; l++)
	{
		double		u = xout[l],
					t;

		/* keep the previous interval while it holds u, as R's spline_eval */
		if (u < x[seg] || (seg < last && x[seg + 1] < u))
		{
			int			lo = 0,
						hi = k;

			do
			{
				int			mid = (lo + hi) / 2;

				if (u < x[mid])
					hi = mid;
				else
					lo = mid;
			} while (hi > lo + 1);
			seg = lo;
		}
		t = u - x[seg];
		yout[l] = y[seg] + t * (b[seg] + t * (c[seg] + t * d[seg]));
	}
}

double
likelihood_approx(const double *x, const double *y, int k, double v, double *scratch)
{
	double	   *sx = scratch,
			   *sy = scratch + k;
	int			lo = 0,
				hi;

	for (int i = 0; i < k; i++)
	{
		sx[i] = x[i];
		sy[i] = y[i];
	}
	k = regularize(sx, sy, k);
	if (k < 2 || isnan(v))
		return NAN;
	hi = k - 1;
	if (v < sx[lo] || v > sx[hi])
		return NAN;
	while (lo < hi - 1)
	{
		int			mid = (lo + hi) / 2;

		if (v < sx[mid])
			hi = mid;
		else
			lo = mid;
	}
	if (v == sx[hi])
		return sy[hi];
	if (v == sx[lo])
		return sy[lo];
	return sy[lo] + (sy[hi] - sy[lo]) * ((v - sx[lo]) / (sx[hi] - sx[lo]));
}

void
design_ciprop_likelihood(double p, double var, double df, double rows, double nonzero,
						 double level, double *lower, double *upper)
{
	double		px[LIKELIHOOD_MAX_POINTS],
				pz[LIKELIHOOD_MAX_POINTS],
				sx[SPLINE_MAX_OUT],
				sy[SPLINE_MAX_OUT],
				scratch[2 * SPLINE_MAX_OUT];
	double		v,
				b0,
				se,
				lambda,
				phi,
				alpha,
				zmax,
				del,
				dev0,
				cut,
				lo,
				hi;
	int			k = 0;

	*lower = *upper = NAN;
	if (!(p > 0.0 && p < 1.0) || !(var > 0.0) || !isfinite(var) || !(df > 0.0) ||
		!(rows >= 2.0) || !(nonzero >= 2.0) || !(nonzero <= rows) || !(level > 0.0 && level < 1.0))
		return;
	v = p * (1.0 - p);
	/*
	 * Past an effective size of 1e12 the variance is 0 up to rounding for
	 * this method: the profile's deviance steps, about (zmax/5)^2 var/v of
	 * the deviance, come within a few thousand units in the last place of it,
	 * and the limits (R's too) would be rounding noise.
	 */
	if (!(v / var <= 1e12))
		return;
	b0 = log(p / (1.0 - p));
	/* the sandwich SE of the coefficient, and its ratio to the model-based variance */
	se = sqrt(var) / v;
	lambda = var * rows / v;
	phi = nonzero / (nonzero - 1.0);
	/* confint.svyglm: the level of the unscaled profile that gives a t interval */
	alpha = normal_cdf(design_t_quantile((1.0 - level) / 2.0, df) * sqrt(lambda)) / 2.0;
	/* sqrt(qf(alpha, 1, rows - 1, lower.tail = FALSE)) is a t quantile */
	zmax = -design_t_quantile(alpha / 2.0, rows - 1.0);
	if (!(zmax > 0.0) || !isfinite(zmax))
		return;
	del = zmax / PROFILE_DIVISIONS;
	dev0 = deviance_at(b0, p, rows);
	px[k] = b0;
	pz[k++] = 0.0;
	for (int sgn = -1; sgn <= 1; sgn += 2)
	{
		double		z = 0.0;

		for (int step = 1; step < PROFILE_MAXSTEPS && fabs(z) < zmax; step++)
		{
			double		bi = b0 + sgn * step * del * se,
						zz = (deviance_at(bi, p, rows) - dev0) / phi;

			/* R stops here: "profiling has found a better solution" */
			if (!(zz > -0.001))
				return;
			z = sgn * sqrt(zz > 0.0 ? zz : 0.0);
			px[k] = bi;
			pz[k++] = z;
		}
	}
	k = regularize(px, pz, k);
	if (k < 2)
		return;
	likelihood_spline_fmm(px, pz, k, 3 * k, sx, sy);
	cut = survey_normal_quantile(2.0 * alpha);
	lo = likelihood_approx(sy, sx, 3 * k, cut, scratch);
	hi = likelihood_approx(sy, sx, 3 * k, -cut, scratch);

	/*
	 * A profile of a few wide steps (a share far below its standard error on
	 * the logit scale) can give a spline that is not monotone, whose
	 * inversion puts the limits the wrong way round: no interval.
	 */
	if (!(lo <= hi))
		return;
	/* survey's expit */
	*lower = exp(lo) / (1.0 + exp(lo));
	*upper = exp(hi) / (1.0 + exp(hi));
}
