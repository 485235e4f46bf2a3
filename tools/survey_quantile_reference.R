# Reference figures of R's survey package for svyciprop(method = "likelihood")
# on iscm.design_summary and for iscm.design_sample's quantiles.
#
#   Rscript tools/survey_quantile_reference.R OUTDIR [data]
#
# Likelihood intervals: reads OUTDIR/design_data.csv (the designs of
# tools/survey_design_reference.R) and writes OUTDIR/quantile_likelihood.csv:
# per case, lonely PSU rule, category with 0 < p < 1 and level, the limits of
#   svyciprop(~I(y == 1), d, method = "likelihood", level)   (lower, upper)
# and of the same computation with the quasibinomial fit started at its
# maximum, svyglm(I(y == 1) ~ 1, d, family = quasibinomial, start = qlogis(p))
# then expit(confint(m, 1, level, method = "likelihood", ddf = degf(d)))
# (lower_at_mle, upper_at_mle): svyciprop's own fit stops its iterations when
# the deviance changes by less than 1e-8 relatively, which leaves its
# coefficient and the stale IRLS weights of its model-based variance off by up
# to ~1e-5, and so its limits; started at the maximum the fit is exact.
# d = subset(design, !is.na(answer)) as in tools/survey_design_reference.R.
suppressMessages(library(survey))
args <- commandArgs(TRUE)
out <- args[1]
fmt <- function(v) ifelse(is.na(v), "NA", trimws(formatC(v, digits = 17, format = "g")))

design_of <- function(x) {
  ids <- if (all(is.na(x$psu))) ~1 else ~psu
  strata <- if (all(is.na(x$stratum))) NULL else ~stratum
  fpc <- if (all(is.na(x$fpc))) NULL else ~fpc
  svydesign(ids = ids, strata = strata, weights = ~weight, fpc = fpc, data = x, nest = TRUE)
}

d <- read.csv(file.path(out, "design_data.csv"), comment.char = "#", stringsAsFactors = FALSE,
              na.strings = "", colClasses = c("character", "character", "numeric", "character",
                                              "character", "numeric"))
lonely_rules <- list(lonely = c("remove", "adjust", "certainty", "average"))
res <- character(0)
for (case in unique(d$case)) {
  if (startsWith(case, "num_") || startsWith(case, "chisq_")) next
  x <- d[d$case == case, ]
  dd <- subset(design_of(x), !is.na(answer))
  rules <- if (!is.null(lonely_rules[[case]])) lonely_rules[[case]] else "fail"
  mc <- startsWith(case, "mc_")
  sets <- if (mc) strsplit(ifelse(x$answer == "{}", "", x$answer), ";") else NULL
  cats <- if (mc) sort(unique(unlist(sets[!is.na(x$answer)]))) else sort(unique(na.omit(x$answer)))
  for (rule in rules) {
    options(survey.lonely.psu = rule)
    for (cat in cats) {
      if (mc)
        dd$variables$y <- as.numeric(sapply(strsplit(ifelse(dd$variables$answer == "{}", "", dd$variables$answer), ";"),
                                            function(s) cat %in% s))
      else
        dd$variables$y <- as.numeric(dd$variables$answer == cat)
      p <- coef(svymean(~y, dd))[[1]]
      if (p == 0 || p == 1) next
      for (level in c(0.9, 0.95, 0.99)) {
        ci <- suppressWarnings(attr(svyciprop(~I(y == 1), dd, method = "likelihood", level = level), "ci"))
        m <- suppressWarnings(svyglm(I(y == 1) ~ 1, dd, family = quasibinomial, start = qlogis(p)))
        at <- suppressWarnings(suppressMessages(as.numeric(
          survey:::expit(confint(m, 1, level = level, method = "likelihood", ddf = degf(dd))))))
        res[length(res) + 1] <- paste(case, rule, cat, level, fmt(ci[[1]]), fmt(ci[[2]]),
                                      fmt(at[1]), fmt(at[2]), sep = ",")
      }
    }
  }
}
writeLines(c("case,lonely_psu,category,level,lower,upper,lower_at_mle,upper_at_mle", res),
           file.path(out, "quantile_likelihood.csv"))
