/*
 * survey_likelihood.h — svyciprop(method = "likelihood") of R's survey
 * package for a share under a design, in pure C.
 *
 * R fits svyglm(I(y) ~ 1, family = quasibinomial) and profiles its deviance
 * (survey's MASSprofile_glm: up to nine steps each side of the estimate, of
 * a fifth of the F cut-off times the design SE), then inverts the profile
 * through an FMM interpolating spline and linear interpolation (stats::spline,
 * stats::approx).  For an intercept-only model every quantity of that
 * computation is a function of the share, its design variance and the row
 * counts of the domain:
 *   - the prior weights are w / mean(w) over the domain, so they total the
 *     domain's rows n, and the deviance at logit(mu) is
 *     -2 n (p log mu + (1 - p) log(1 - mu));
 *   - survey's Pearson residuals divide the prior weights out again, so the
 *     dispersion (svyvar of them) is m / (m - 1), m the rows with a weight;
 *   - the sandwich variance of the coefficient is var(p) / (p (1 - p))^2 and
 *     the model-based one 1 / (n p (1 - p)).
 * R's coefficient comes from IRLS, stopped when the deviance changes by less
 * than 1e-8 relatively; here it is logit(p) exactly, so the limits differ
 * from R's by what that stopping rule leaves (doc/survey.md gives the figures).
 */
#ifndef ISCM_SURVEY_LIKELIHOOD_H
#define ISCM_SURVEY_LIKELIHOOD_H

/* the most profile points: nine steps each side and the estimate */
#define LIKELIHOOD_MAX_POINTS 19

/*
 * The interval for share p with design variance var on df degrees of
 * freedom, in a domain of rows rows of which nonzero have a weight > 0, at
 * level (0 < level < 1).  NAN limits where R has none: p 0 or 1, var not > 0
 * or below p (1 - p) / 1e12 (0 up to rounding for the profile),
 * df <= 0 (R stops), fewer than two rows (or more with a weight than rows),
 * a cut-off outside the profile (R's approx gives NA), or limits the wrong
 * way round (a spline through a profile of few wide steps that is not
 * monotone).
 */
extern void design_ciprop_likelihood(double p, double var, double df, double rows,
									 double nonzero, double level,
									 double *lower, double *upper);

/*
 * stats::spline(x, y, n, method = "fmm") at n equally spaced points from
 * x[0] to x[k-1]: x strictly increasing, 2 <= k <= LIKELIHOOD_MAX_POINTS;
 * xout and yout hold n values.
 */
extern void likelihood_spline_fmm(const double *x, const double *y, int k, int n,
								  double *xout, double *yout);

/*
 * stats::approx(x, y, xout = v, rule = 1) with ties = mean: x need not be
 * sorted; scratch holds 2 k doubles.  NAN outside [min x, max x].
 */
extern double likelihood_approx(const double *x, const double *y, int k, double v,
								double *scratch);

#endif							/* ISCM_SURVEY_LIKELIHOOD_H */
