# Reference figures for sql/survey_stats.sql, computed with R's own routines:
#   Rscript bench/survey_r_reference.R
# prints SQL VALUES rows (x, n, level, method, lower, upper) with 17 significant
# digits.  Wilson = prop.test(correct = FALSE), Clopper-Pearson = binom.test,
# Jeffreys = qbeta, Agresti-Coull / Wald / logit = their textbook formulas in R
# arithmetic with qnorm.
cases <- list(c(81, 263), c(15, 148), c(0, 20), c(1, 29), c(37, 43), c(42, 43), c(13, 16),
              c(10, 10), c(0, 1), c(1, 1), c(500, 1000), c(3, 100000), c(99999, 100000), c(26, 53))
levels <- c(0.8, 0.95, 0.99, 0.999)
fmt <- function(v) formatC(v, digits = 17, format = "g")
rows <- character(0)
add <- function(x, n, lev, m, lo, hi) {
  rows[length(rows) + 1] <<- sprintf("(%d, %d, %s, '%s', %s, %s)", x, n, format(lev), m, fmt(lo), fmt(hi))
}
for (cs in cases) for (lev in levels) {
  x <- cs[1]; n <- cs[2]; a <- 1 - lev; z <- qnorm(1 - a / 2); p <- x / n
  w <- suppressWarnings(prop.test(x, n, conf.level = lev, correct = FALSE))$conf.int
  add(x, n, lev, "wilson", if (x == 0) 0 else w[1], if (x == n) 1 else w[2])
  cp <- binom.test(x, n, conf.level = lev)$conf.int
  add(x, n, lev, "clopper_pearson", cp[1], cp[2])
  add(x, n, lev, "jeffreys", if (x == 0) 0 else qbeta(a / 2, x + 0.5, n - x + 0.5),
      if (x == n) 1 else qbeta(1 - a / 2, x + 0.5, n - x + 0.5))
  nt <- n + z^2; pt <- (x + z^2 / 2) / nt; h <- z * sqrt(pt * (1 - pt) / nt)
  add(x, n, lev, "agresti_coull", max(0, pt - h), min(1, pt + h))
  h <- z * sqrt(p * (1 - p) / n)
  add(x, n, lev, "wald", max(0, p - h), min(1, p + h))
  if (x > 0 && x < n) {
    l <- log(x / (n - x)); se <- sqrt(n / (x * (n - x)))
    add(x, n, lev, "logit", plogis(l - z * se), plogis(l + z * se))
  }
}
cat("-- intervals\n", paste(rows, collapse = ",\n"), "\n", sep = "")

# McNemar on [[a, b], [c, d]] = before x after
mc <- list(c(59, 16, 6, 80), c(10, 3, 12, 20), c(5, 0, 7, 5), c(8, 4, 4, 9), c(30, 1, 0, 30), c(200, 40, 61, 300))
rows <- character(0)
for (t in mc) {
  m <- matrix(t, 2, byrow = TRUE); b <- t[2]; cc <- t[3]
  asy <- if (b + cc > 0) mcnemar.test(m, correct = FALSE)$p.value else 1
  cor <- if (b + cc > 0) { if (b == cc) 1 else mcnemar.test(m, correct = TRUE)$p.value } else 1
  ex <- if (b + cc > 0) binom.test(b, b + cc)$p.value else 1
  mid <- if (b + cc > 0) min(1, ex - dbinom(min(b, cc), b + cc, 0.5)) else 1
  if (b == cc && b + cc > 0) mid <- 1
  rows[length(rows) + 1] <- sprintf("(%d, %d, %d, %d, %s, %s, %s, %s)", t[1], t[2], t[3], t[4],
                                    fmt(asy), fmt(cor), fmt(ex), fmt(mid))
}
cat("-- mcnemar (yes_yes, yes_no, no_yes, no_no, asymptotic, corrected, exact, mid_p)\n",
    paste(rows, collapse = ",\n"), "\n", sep = "")
