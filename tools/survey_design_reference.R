# Reference figures of R's survey package for iscm.design_summary.
#
#   Rscript tools/survey_design_reference.R OUTDIR [data]
#
# With "data": writes OUTDIR/design_data.csv, the designs the figures are
# computed on: three of survey's own data sets (data(api), the California
# Academic Performance Index samples of Lumley's survey package: apistrat,
# stratified; apiclus1, one-stage cluster; apiclus2, two-stage cluster, used
# here with its first stage only) and generated designs (lonely PSUs, one
# stratum, unequal cluster sizes, zero cells, weights from 1e-6 to 1e6,
# zero weights, missing answers as domains, fpc as counts and fractions).
# Always: reads OUTDIR/design_data.csv back (so R and iscm see the same
# doubles) and writes OUTDIR/design_figures.csv: one row per case, lonely PSU
# rule, category, figure and level, values with 17 significant digits.
#
# Each case is the design svydesign(ids = ~psu or ~1, strata = ~stratum or
# NULL, weights = ~weight, fpc = ~fpc or NULL, nest = TRUE); figures are of
# the domain of the rows with an answer, d = subset(design, !is.na(answer)):
#   share, se            coef and SE of svymean(~as.numeric(answer == c), d)
#   total, total_se      svytotal of the same
#   deff, deff_replace   deff(svymean(..., deff = TRUE)) and deff = "replace"
#   degf                 degf(d)
#   ci_<method>          svyciprop(~I(answer == c), d, method, level)
# Cases named num_* hold a numeric answer y (as text) instead:
#   mean, mean_se        svymean(~y, d); mean_deff, mean_deff_replace its deff
#   value_total(_se)     svytotal(~y, d)
#   mean_ci_<lower|upper> confint(svymean(~y, d), level = level, df = degf(d))
# Cases named chisq_* hold pairs of answers "a|b": svychisq(~a + b, design,
# statistic = "F" and "Chisq") (statistic, its df, P).
# Cases named mc_* are multiple choice (choices joined by ";", "{}" = none):
# the share of c is svymean of "c is among the choices" over the respondents.
# Cases named as_* are answer_summary cases, svydesign(ids = ~1, weights =
# ~weight) (as_unw_*: every weight 1, summarised without weights; as_mc_*:
# multiple choice); besides the figures above, on d:
#   as_share, as_se, as_variance, as_cv   coef, SE, vcov and cv of svymean
#   as_deff, as_deff_replace, as_total, as_total_se
suppressMessages(library(survey))
args <- commandArgs(TRUE)
out <- args[1]
fmt <- function(v) ifelse(is.na(v), "NA", trimws(formatC(v, digits = 17, format = "g")))

if (length(args) > 1 && args[2] == "data") {
  data(api)
  rows <- list()
  add <- function(case, answer, weight, stratum, psu, fpc) {
    n <- length(answer)
    rep_or <- function(v) if (is.null(v)) rep(NA, n) else v
    rows[[length(rows) + 1]] <<- data.frame(case = case, answer = as.character(answer),
      weight = weight, stratum = as.character(rep_or(stratum)), psu = as.character(rep_or(psu)),
      fpc = rep_or(fpc), stringsAsFactors = FALSE)
  }
  # data(api)
  add("apistrat_awards", apistrat$awards, apistrat$pw, apistrat$stype, NULL, apistrat$fpc)
  add("apistrat_schwide", apistrat$sch.wide, apistrat$pw, apistrat$stype, NULL, NULL)
  add("apiclus1_stype", apiclus1$stype, apiclus1$pw, NULL, apiclus1$dnum, apiclus1$fpc)
  add("apiclus1_nofpc", apiclus1$awards, apiclus1$pw, NULL, apiclus1$dnum, NULL)
  add("apiclus2_awards", apiclus2$awards, apiclus2$pw, NULL, apiclus2$dnum, NULL)
  add("apistrat_domain_e", ifelse(apistrat$stype == "E", as.character(apistrat$awards), NA),
      apistrat$pw, apistrat$stype, NULL, apistrat$fpc)
  add("apiclus1_domain_h", ifelse(apiclus1$stype == "H", as.character(apiclus1$both), NA),
      apiclus1$pw, NULL, apiclus1$dnum, apiclus1$fpc)
  set.seed(20261130)
  cats <- c("yes", "no", "intends")
  # 50 clusters of 20, equal weights (the design effect of the issue)
  psu <- rep(1:50, each = 20)
  pc <- runif(50, 0.1, 0.9)
  add("clusters_50x20", ifelse(runif(1000) < pc[psu], "yes", "no"), rep(2, 1000), NULL, psu, NULL)
  # lonely PSUs: strata 1-8 with 1 to 5 PSUs, strata 3 and 6 with one
  np <- c(3, 2, 1, 4, 5, 1, 2, 3)
  st <- unlist(lapply(1:8, function(h) rep(h, np[h] * 6)))
  ps <- unlist(lapply(1:8, function(h) rep(1:np[h], each = 6)))
  add("lonely", sample(cats, length(st), TRUE, c(0.5, 0.3, 0.2)), runif(length(st), 1, 10),
      paste0("s", st), ps, NULL)
  # one stratum, 30 PSUs of 1 to 40 rows, fpc as a sampling fraction
  sz <- sample(1:40, 30, TRUE)
  ps <- rep(1:30, sz)
  add("one_stratum_fraction", sample(cats, length(ps), TRUE, c(0.2, 0.5, 0.3)),
      runif(length(ps), 5, 50), rep("only", length(ps)), ps, rep(0.1, length(ps)))
  # weights spanning 1e-6..1e6, zero weights, missing answers; 5 strata x 6 PSUs
  st <- rep(1:5, each = 60); ps <- rep(rep(1:6, each = 10), 5)
  w <- 10^runif(300, -6, 6); w[sample(300, 15)] <- 0
  a <- sample(cats, 300, TRUE, c(0.3, 0.4, 0.3)); a[sample(300, 30)] <- NA
  add("wide_weights", a, w, paste0("h", st), ps, rep(c(40, 25, 6, 12, 30), each = 60)[seq_along(st)])
  # zero cells: "rare" given in one PSU only; a domain missing from whole strata
  st <- rep(1:4, each = 40); ps <- rep(rep(1:4, each = 10), 4)
  a <- ifelse(runif(160) < 0.5, "yes", "no"); a[st == 2 & ps == 3][1:2] <- "rare"
  a[st == 4] <- NA
  add("zero_cells", a, runif(160, 0.5, 3), paste0("z", st), ps, rep(100, 160))
  # each row its own PSU, no strata, domain with missing answers
  a <- sample(cats, 120, TRUE); a[sample(120, 20)] <- NA
  add("ids1", a, runif(120, 1, 4), NULL, NULL, NULL)
  # numeric answers (cases named num_*: the answer column holds the value)
  add("num_apistrat_api00", fmt(apistrat$api00), apistrat$pw, apistrat$stype, NULL, apistrat$fpc)
  add("num_apiclus1_enroll", fmt(apiclus1$enroll), apiclus1$pw, NULL, apiclus1$dnum, apiclus1$fpc)
  add("num_apiclus2_enroll", ifelse(is.na(apiclus2$enroll), NA, fmt(apiclus2$enroll)), apiclus2$pw,
      NULL, apiclus2$dnum, NULL)
  st <- rep(1:5, each = 60); ps <- rep(rep(1:6, each = 10), 5)
  w <- 10^runif(300, -6, 6); w[sample(300, 10)] <- 0
  v <- rnorm(300, 50, 20) * 10^runif(300, -1, 1); v[sample(300, 25)] <- NA
  add("num_wide", ifelse(is.na(v), NA, fmt(v)), w, paste0("h", st), ps, rep(c(40, 25, 6, 12, 30), each = 60))
  np <- c(3, 1, 4, 1, 2)
  st <- unlist(lapply(1:5, function(h) rep(h, np[h] * 5)))
  ps <- unlist(lapply(1:5, function(h) rep(1:np[h], each = 5)))
  add("num_lonely", fmt(round(runif(length(st), 0, 100), 3)), runif(length(st), 1, 10), paste0("s", st), ps, NULL)
  # multiple choice (cases named mc_*: choices joined by ";", "{}" = chose none)
  pick <- function(n, probs, labels) sapply(seq_len(n), function(i) {
    s <- labels[runif(length(labels)) < probs]
    if (length(s) == 0) "{}" else paste(s, collapse = ";") })
  st <- rep(1:4, each = 50); ps <- rep(rep(1:5, each = 10), 4)
  a <- pick(200, c(0.6, 0.3, 0.1), c("GFMD", "Rabat", "Budapest")); a[sample(200, 15)] <- NA
  add("mc_strat", a, runif(200, 1, 5), paste0("m", st), ps, rep(c(20, 30, 8, 12), each = 50))
  a <- pick(nrow(apiclus1), c(0.5, 0.4), c("x", "y")); a[apiclus1$stype == "H"] <- NA
  add("mc_apiclus1_domain", a, apiclus1$pw, NULL, apiclus1$dnum, apiclus1$fpc)
  # pairs of answers for svychisq (cases named chisq_*: "a|b", NA when either is missing)
  pair <- function(a, b) ifelse(is.na(a) | is.na(b), NA, paste(a, b, sep = "|"))
  add("chisq_apistrat", pair(as.character(apistrat$sch.wide), as.character(apistrat$awards)), apistrat$pw,
      apistrat$stype, NULL, apistrat$fpc)
  add("chisq_apiclus1", pair(as.character(apiclus1$stype), as.character(apiclus1$awards)), apiclus1$pw,
      NULL, apiclus1$dnum, apiclus1$fpc)
  add("chisq_apiclus2", pair(as.character(apiclus2$stype), as.character(apiclus2$both)), apiclus2$pw,
      NULL, apiclus2$dnum, NULL)
  st <- rep(1:5, each = 60); ps <- rep(rep(1:6, each = 10), 5)
  a <- sample(c("yes", "no", "intends"), 300, TRUE); b <- ifelse(runif(300) < 0.3 + 0.3 * (a == "yes"), "x", "y")
  b[sample(300, 4)] <- "z"; a[sample(300, 20)] <- NA; b[sample(300, 20)] <- NA
  w <- 10^runif(300, -3, 3); w[sample(300, 5)] <- 0
  add("chisq_wide", pair(a, b), w, paste0("h", st), ps, NULL)
  np <- c(3, 1, 4, 2)
  st <- unlist(lapply(1:4, function(h) rep(h, np[h] * 8)))
  ps <- unlist(lapply(1:4, function(h) rep(1:np[h], each = 8)))
  a <- sample(c("p", "q"), length(st), TRUE); b <- sample(c("r", "s", "t"), length(st), TRUE)
  add("chisq_lonely", pair(a, b), runif(length(st), 1, 3), paste0("s", st), ps, NULL)
  # answer_summary cases: ids = ~1, weights only (iscm.answer_agg, choices_agg)
  a <- sample(cats, 200, TRUE, c(0.5, 0.3, 0.2)); a[sample(200, 20)] <- NA
  w <- runif(200, 0.5, 5); w[sample(200, 8)] <- 0
  add("as_weighted", a, w, NULL, NULL, NULL)
  a <- sample(cats, 300, TRUE, c(0.3, 0.4, 0.3)); a[sample(300, 30)] <- NA
  w <- 10^runif(300, -6, 6); w[sample(300, 15)] <- 0
  add("as_wide", a, w, NULL, NULL, NULL)
  add("as_apistrat_awards", apistrat$awards, apistrat$pw, NULL, NULL, NULL)
  a <- sample(cats, 150, TRUE, c(0.6, 0.3, 0.1)); a[sample(150, 12)] <- NA
  add("as_unw_single", a, rep(1, 150), NULL, NULL, NULL)
  add("as_small", c("yes", "no", "yes"), c(1.5, 2, 0.25), NULL, NULL, NULL)
  a <- pick(180, c(0.6, 0.3, 0.1), c("GFMD", "Rabat", "Budapest")); a[sample(180, 15)] <- NA
  w <- runif(180, 1, 5); w[sample(180, 5)] <- 0
  add("as_mc_weighted", a, w, NULL, NULL, NULL)
  a <- pick(120, c(0.5, 0.2), c("x", "y")); a[sample(120, 10)] <- NA
  add("as_mc_unw", a, rep(1, 120), NULL, NULL, NULL)
  d <- do.call(rbind, rows)
  d$weight <- fmt(d$weight)
  d$fpc <- ifelse(is.na(d$fpc), "", fmt(d$fpc))
  cat("# survey design cases for iscm's reference test; apistrat, apiclus1, apiclus2: R package survey's data(api) (California Academic Performance Index samples); the others generated by tools/survey_design_reference.R\n",
      file = file.path(out, "design_data.csv"))
  suppressWarnings(write.table(d, file.path(out, "design_data.csv"), sep = ",", row.names = FALSE, col.names = TRUE,
                               quote = c(1, 2, 4, 5), na = "", append = TRUE))
}

d <- read.csv(file.path(out, "design_data.csv"), comment.char = "#", stringsAsFactors = FALSE,
              na.strings = "", colClasses = c("character", "character", "numeric", "character",
                                              "character", "numeric"))
lonely_rules <- list(lonely = c("remove", "adjust", "certainty", "average"),
                     chisq_lonely = c("remove", "adjust", "certainty", "average"),
                     num_lonely = c("remove", "adjust", "certainty", "average"))
res <- character(0)
emit <- function(case, rule, cat, fig, level, v)
  res[length(res) + 1] <<- paste(case, rule, cat, fig, level, fmt(v), sep = ",")
for (case in unique(d$case)) {
  x <- d[d$case == case, ]
  ids <- if (all(is.na(x$psu))) ~1 else ~psu
  strata <- if (all(is.na(x$stratum))) NULL else ~stratum
  fpc <- if (all(is.na(x$fpc))) NULL else ~fpc
  des <- svydesign(ids = ids, strata = strata, weights = ~weight, fpc = fpc, data = x, nest = TRUE)
  dd <- subset(des, !is.na(answer))
  rules <- if (!is.null(lonely_rules[[case]])) lonely_rules[[case]] else "fail"
  for (rule in rules) {
    options(survey.lonely.psu = if (rule == "fail") "fail" else rule)
    emit(case, rule, "", "degf", "", degf(dd))
    if (startsWith(case, "chisq_")) {
      x2 <- x
      x2$ra <- sapply(strsplit(x2$answer, "|", fixed = TRUE), function(v) v[1])
      x2$cb <- sapply(strsplit(x2$answer, "|", fixed = TRUE), function(v) v[2])
      des2 <- svydesign(ids = ids, strata = strata, weights = ~weight, fpc = fpc, data = x2, nest = TRUE)
      f <- svychisq(~ra + cb, des2, statistic = "F")
      ch <- svychisq(~ra + cb, des2, statistic = "Chisq")
      emit(case, rule, "", "chisq_F_stat", "", f$statistic[[1]])
      emit(case, rule, "", "chisq_F_ndf", "", f$parameter[[1]])
      emit(case, rule, "", "chisq_F_ddf", "", f$parameter[[2]])
      emit(case, rule, "", "chisq_F_p", "", f$p.value[[1]])
      emit(case, rule, "", "chisq_Chisq_stat", "", ch$statistic[[1]])
      emit(case, rule, "", "chisq_Chisq_ndf", "", ch$parameter[[1]])
      emit(case, rule, "", "chisq_Chisq_p", "", ch$p.value[[1]])
      next
    }
    if (startsWith(case, "num_")) {
      dd$variables$y <- as.numeric(dd$variables$answer)
      m <- svymean(~y, dd, deff = TRUE)
      mr <- svymean(~y, dd, deff = "replace")
      t <- svytotal(~y, dd)
      emit(case, rule, "", "mean", "", coef(m)[[1]])
      emit(case, rule, "", "mean_se", "", SE(m)[[1]])
      emit(case, rule, "", "mean_deff", "", deff(m)[[1]])
      emit(case, rule, "", "mean_deff_replace", "", deff(mr)[[1]])
      emit(case, rule, "", "value_total", "", coef(t)[[1]])
      emit(case, rule, "", "value_total_se", "", SE(t)[[1]])
      for (level in c(0.9, 0.95, 0.99)) {
        ci <- confint(m, level = level, df = degf(dd))
        emit(case, rule, "", "mean_ci_lower", level, ci[1, 1])
        emit(case, rule, "", "mean_ci_upper", level, ci[1, 2])
      }
      next
    }
    mc <- startsWith(case, "mc_") || startsWith(case, "as_mc_")
    sets <- if (mc) strsplit(ifelse(x$answer == "{}", "", x$answer), ";") else NULL
    cats <- if (mc) sort(unique(unlist(sets[!is.na(x$answer)]))) else sort(unique(na.omit(x$answer)))
    for (cat in cats) {
      if (mc)
        dd$variables$y <- as.numeric(sapply(strsplit(ifelse(dd$variables$answer == "{}", "", dd$variables$answer), ";"),
                                            function(s) cat %in% s))
      else
        dd$variables$y <- as.numeric(dd$variables$answer == cat)
      m <- svymean(~y, dd, deff = TRUE)
      mr <- svymean(~y, dd, deff = "replace")
      t <- svytotal(~y, dd)
      emit(case, rule, cat, "share", "", coef(m)[[1]])
      emit(case, rule, cat, "se", "", SE(m)[[1]])
      emit(case, rule, cat, "deff", "", deff(m)[[1]])
      emit(case, rule, cat, "deff_replace", "", deff(mr)[[1]])
      emit(case, rule, cat, "total", "", coef(t)[[1]])
      emit(case, rule, cat, "total_se", "", SE(t)[[1]])
      if (startsWith(case, "as_")) {
        emit(case, rule, cat, "as_share", "", coef(m)[[1]])
        emit(case, rule, cat, "as_se", "", SE(m)[[1]])
        emit(case, rule, cat, "as_variance", "", vcov(m)[[1]])
        emit(case, rule, cat, "as_cv", "", if (coef(m)[[1]] == 0) NA else cv(m)[[1]])
        emit(case, rule, cat, "as_deff", "", deff(m)[[1]])
        emit(case, rule, cat, "as_deff_replace", "", deff(mr)[[1]])
        emit(case, rule, cat, "as_total", "", coef(t)[[1]])
        emit(case, rule, cat, "as_total_se", "", SE(t)[[1]])
      }
      p <- coef(m)[[1]]
      # as_* cases: the answer_summary figures, not design_summary's intervals again
      for (method in if (startsWith(case, "as_")) character(0) else c("logit", "xlogit", "mean", "asin", "beta")) {
        if ((p == 0 || p == 1) && method != "mean") next
        for (level in c(0.9, 0.95, 0.99)) {
          ci <- suppressWarnings(attr(svyciprop(~I(y == 1), dd, method = method, level = level), "ci"))
          emit(case, rule, cat, paste0(method, "_lower"), level, ci[[1]])
          emit(case, rule, cat, paste0(method, "_upper"), level, ci[[2]])
        }
      }
    }
  }
}
writeLines(c("case,lonely_psu,category,figure,level,value", res), file.path(out, "design_figures.csv"))
