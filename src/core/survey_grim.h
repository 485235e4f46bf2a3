/*
 * survey_grim.h — GRIM test for published percentages (Brown & Heathers,
 * "The GRIM test", Soc Psychol Personal Sci 8 (2017) 363-369), in exact
 * integer arithmetic.  Pure C.
 *
 * A percentage written with d decimals is R / 10^d; it can come from k of n
 * under half-up rounding iff (2R - 1) n <= 2 k S < (2R + 1) n, S = 100 * 10^d.
 * The other rounding rules move the bounds or make them strict (GrimRounding);
 * the names follow the R package scrutiny where they are unambiguous.
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

/*
 * How the publication rounded t = 100 k / n (in units of its last decimal)
 * to the figure R.  Percentages are >= 0, so truncation is the floor.
 */
typedef enum GrimRounding
{
	GRIM_HALF_UP,				/* R - 1/2 <= t < R + 1/2 */
	GRIM_HALF_DOWN,				/* R - 1/2 < t <= R + 1/2 */
	GRIM_HALF_EVEN,				/* ties to the even neighbour */
	GRIM_TRUNCATE,				/* R <= t < R + 1 */
	GRIM_CEILING,				/* R - 1 < t <= R */
	GRIM_ROUNDING_INVALID
} GrimRounding;

#define GRIM_ROUNDINGS 5
#define GRIM_ROUNDING_NAMES "half_up, half_down, half_even (or even), truncate (or trunc, floor), ceiling (or ceil, anti_trunc)"

typedef struct GrimFigure
{
	int64_t		scaled;			/* R: the digits without the point */
	int			decimals;		/* d */
} GrimFigure;

/* "84", "84.0", " 32.5% " (surrounding blanks and one trailing % allowed) */
extern GrimStatus survey_grim_parse(const char *text, size_t len, GrimFigure *figure);

/* range of k in [0, n] that round (half up) to the figure; false when empty (n >= 1) */
extern bool grim_k_range(GrimFigure figure, int64_t n, int64_t *k_min, int64_t *k_max);

/*
 * The same under a given rounding rule (every rule's k form one range: the
 * t that round to R are an interval, closed, open or half-open).
 */
extern bool grim_k_range_rounding(GrimFigure figure, int64_t n, GrimRounding rounding,
								  int64_t *k_min, int64_t *k_max);

/* a rule by name, in any ASCII case; GRIM_ROUNDING_INVALID when unknown */
extern GrimRounding survey_grim_rounding_from_name(const char *name);
/* the canonical name of a rule */
extern const char *survey_grim_rounding_name(GrimRounding rounding);

#endif
