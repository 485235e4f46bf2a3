-- svyciprop(method = "likelihood") for design_summary shares, and
-- iscm.design_sample: the rows of a numeric item with their design, for
-- svyquantile (quantiles with Woodruff intervals).

COMMENT ON FUNCTION @extschema@.ci(@extschema@.design_summary, text, text, float8, text) IS
    'Confidence interval of the share of category under the design (R: svyciprop, methods logit, likelihood, asin, beta, mean, xlogit, t quantiles on degf; or wilson, clopper_pearson, jeffreys, agresti_coull, wald on the design effective sample size)';
