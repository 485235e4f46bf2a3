/*
 * survey_grim.h — GRIM test for published percentages (Brown & Heathers,
 * "The GRIM test", Soc Psychol Personal Sci 8 (2017) 363-369), in exact
 * integer arithmetic.  Pure C.
 *
 * A percentage written with d decimals is R / 10^d; it can come from k of n
 * under half-up rounding iff (2R - 1) n <= 2 k S < (2R + 1) n, S = 100 * 10^d.
 */
#ifndef ISCM_SURVEY_GRIM_H
#define ISCM_SURVEY_GRIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GRIM_MAX_DECIMALS 6
#define GRIM_MAX_N 1000000000
/* largest max_n of grim_candidates: bounds its output to ~5e5 rows */
#define GRIM_MAX_CANDIDATE_N 10000

typedef enum GrimStatus
{
	GRIM_OK,
	GRIM_SYNTAX,				/* not a plain decimal number */
	GRIM_TOO_MANY_DECIMALS,
	GRIM_OUT_OF_RANGE			/* above 100 */
} GrimStatus;

typedef struct GrimFigure
{
	int64_t		scaled;			/* R: the digits without the point */
	int			decimals;		/* d */
} GrimFigure;

/* "84", "84.0", " 32.5% " (surrounding blanks and one trailing % allowed) */
extern GrimStatus survey_grim_parse(const char *text, size_t len, GrimFigure *figure);

/* range of k in [0, n] that round to the figure; false when empty (n >= 1) */
extern bool grim_k_range(GrimFigure figure, int64_t n, int64_t *k_min, int64_t *k_max);

#endif
