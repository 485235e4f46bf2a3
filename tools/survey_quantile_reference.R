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

# Quantiles: with "data", writes OUTDIR/quantile_data.csv (R's data(api):
# apistrat api00 stratified with fpc, apiclus1 enroll one-stage clusters with
# fpc, apiclus2 enroll at its first stage with missing values; generated:
# weights from 1e-6 to 1e6 with zero weights and missing values, lonely PSUs,
# heavy ties, ids = ~1, a tiny sample); always reads it back and writes
# OUTDIR/quantile_figures.csv: per case, lonely PSU rule, p and level the
# columns of svyquantile(~y, d, p, alpha = 1 - level) (survey 4.1 defaults:
# qrule = "math", interval.type = "mean", df = degf(d)), d = subset(design,
# !is.na(y)): quantile, ci_lower, ci_upper, se.
if (length(args) > 1 && args[2] == "data") {
  data(api)
  rows <- list()
  add <- function(case, y, weight, stratum, psu, fpc) {
    n <- length(y)
    rep_or <- function(v) if (is.null(v)) rep(NA, n) else v
    rows[[length(rows) + 1]] <<- data.frame(case = case, y = y, weight = weight,
      stratum = as.character(rep_or(stratum)), psu = as.character(rep_or(psu)), fpc = rep_or(fpc),
      stringsAsFactors = FALSE)
  }
  add("apistrat_api00", apistrat$api00, apistrat$pw, apistrat$stype, NULL, apistrat$fpc)
  add("apiclus1_enroll", apiclus1$enroll, apiclus1$pw, NULL, apiclus1$dnum, apiclus1$fpc)
  add("apiclus2_enroll", apiclus2$enroll, apiclus2$pw, NULL, apiclus2$dnum, NULL)
  set.seed(20261201)
  st <- rep(1:5, each = 60); ps <- rep(rep(1:6, each = 10), 5)
  w <- 10^runif(300, -6, 6); w[sample(300, 10)] <- 0
  v <- rnorm(300, 50, 20) * 10^runif(300, -1, 1); v[sample(300, 25)] <- NA
  add("wide_weights", v, w, paste0("h", st), ps, rep(c(40, 25, 6, 12, 30), each = 60))
  np <- c(3, 1, 4, 1, 2)
  st <- unlist(lapply(1:5, function(h) rep(h, np[h] * 5)))
  ps <- unlist(lapply(1:5, function(h) rep(1:np[h], each = 5)))
  add("lonely", round(runif(length(st), 0, 100), 3), runif(length(st), 1, 10), paste0("s", st), ps, NULL)
  psu <- rep(1:40, each = 8)
  add("ties", sample(1:6, 320, TRUE), sample(c(1, 2, 4), 320, TRUE), NULL, psu, NULL)
  add("ids1", rexp(150, 0.1), runif(150, 1, 4), NULL, NULL, NULL)
  add("tiny", c(3, 1, 2, 5, 4), c(1, 2, 1, 3, 1), c("a", "a", "b", "b", "b"), c(1, 2, 1, 2, 3), NULL)
  q <- do.call(rbind, rows)
  q$y <- ifelse(is.na(q$y), NA, fmt(q$y))
  q$weight <- fmt(q$weight)
  q$fpc <- ifelse(is.na(q$fpc), "", fmt(q$fpc))
  cat("# numeric items with their designs for iscm's quantile reference test; apistrat, apiclus1, apiclus2: R package survey's data(api); the others generated by tools/survey_quantile_reference.R\n",
      file = file.path(out, "quantile_data.csv"))
  suppressWarnings(write.table(q, file.path(out, "quantile_data.csv"), sep = ",", row.names = FALSE,
                               col.names = TRUE, quote = c(1, 4, 5), na = "", append = TRUE))
}
q <- read.csv(file.path(out, "quantile_data.csv"), comment.char = "#", stringsAsFactors = FALSE,
              na.strings = "", colClasses = c("character", "numeric", "numeric", "character",
                                              "character", "numeric"))
lonely_rules <- list(lonely = c("remove", "adjust", "certainty", "average"))
res <- character(0)
for (case in unique(q$case)) {
  x <- q[q$case == case, ]
  dd <- subset(design_of(x), !is.na(y))
  rules <- if (!is.null(lonely_rules[[case]])) lonely_rules[[case]] else "fail"
  for (rule in rules) {
    options(survey.lonely.psu = rule)
    for (level in c(0.9, 0.95)) {
      for (p in c(0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1)) {
        r <- suppressWarnings(svyquantile(~y, dd, quantiles = p, alpha = 1 - level))$y
        res[length(res) + 1] <- paste(case, rule, p, level, fmt(r[1, 1]), fmt(r[1, 2]), fmt(r[1, 3]),
                                      fmt(r[1, 4]), sep = ",")
      }
    }
  }
}
writeLines(c("case,lonely_psu,p,level,quantile,ci_lower,ci_upper,se", res),
           file.path(out, "quantile_figures.csv"))
