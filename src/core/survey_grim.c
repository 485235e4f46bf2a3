/*
 * survey_grim.c — GRIM consistency of published percentages.
 */
#include "survey_grim.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

GrimStatus
survey_grim_parse(const char *text, size_t len, GrimFigure *figure)
{
	size_t		i = 0,
				end = len;
	int64_t		value = 0;
	int			int_digits = 0,
				decimals = 0;
	bool		point = false;

	while (i < end && isspace((unsigned char) text[i]))
		i++;
	while (end > i && isspace((unsigned char) text[end - 1]))
		end--;
	if (end > i && text[end - 1] == '%')
		end--;
	while (end > i && isspace((unsigned char) text[end - 1]))
		end--;
	if (i == end)
		return GRIM_SYNTAX;

	for (; i < end; i++)
	{
		char		ch = text[i];

		if (ch == '.' && !point)
		{
			point = true;
			continue;
		}
		if (!isdigit((unsigned char) ch))
			return GRIM_SYNTAX;
		if (point)
		{
			if (++decimals > GRIM_MAX_DECIMALS)
				return GRIM_TOO_MANY_DECIMALS;
		}
		else if (++int_digits > 3 && value > 0)
			return GRIM_OUT_OF_RANGE;
		if (value > INT64_MAX / 10)
			return GRIM_OUT_OF_RANGE;
		value = value * 10 + (ch - '0');
	}
	if (int_digits == 0 && decimals == 0)
		return GRIM_SYNTAX;
	if (point && decimals == 0)
		return GRIM_SYNTAX;		/* "84." says nothing about its precision */

	{
		int64_t		scale = 1;

		for (int d = 0; d < decimals; d++)
			scale *= 10;
		if (value > 100 * scale)
			return GRIM_OUT_OF_RANGE;
	}
	figure->scaled = value;
	figure->decimals = decimals;
	return GRIM_OK;
}

/* floor(a / b) for b > 0 */
static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	return (a % b != 0 && a < 0) ? q - 1 : q;
}

bool
grim_k_range(GrimFigure figure, int64_t n, int64_t *k_min, int64_t *k_max)
{
	return grim_k_range_rounding(figure, n, GRIM_HALF_UP, k_min, k_max);
}

static const struct
{
	const char *name;
	GrimRounding rounding;
}			rounding_names[] =
{
	/* the canonical name of each rule first */
	{"half_up", GRIM_HALF_UP},
	{"half_down", GRIM_HALF_DOWN},
	{"half_even", GRIM_HALF_EVEN},
	{"truncate", GRIM_TRUNCATE},
	{"ceiling", GRIM_CEILING},
	/* scrutiny's names ("up" and "down" are not taken: they mean half up and half down there) */
	{"even", GRIM_HALF_EVEN},
	{"trunc", GRIM_TRUNCATE},
	{"floor", GRIM_TRUNCATE},
	{"ceil", GRIM_CEILING},
	{"anti_trunc", GRIM_CEILING},
};

GrimRounding
survey_grim_rounding_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof(rounding_names) / sizeof(rounding_names[0]); i++)
		if (strcasecmp(name, rounding_names[i].name) == 0)
			return rounding_names[i].rounding;
	return GRIM_ROUNDING_INVALID;
}

const char *
survey_grim_rounding_name(GrimRounding rounding)
{
	for (size_t i = 0; i < sizeof(rounding_names) / sizeof(rounding_names[0]); i++)
		if (rounding_names[i].rounding == rounding)
			return rounding_names[i].name;
	return "invalid";
}

/*
 * With X = 2kS (S = 100 * 10^d) and t = 100 k / n in units of the last
 * decimal, t compared with R + h/2 is X compared with (2R + h) n.  Each rule is
 * a lower bound (2R + lo_h) n and an upper bound (2R + hi_h) n on X, each
 * inclusive or strict.
 */
bool
grim_k_range_rounding(GrimFigure figure, int64_t n, GrimRounding rounding,
					  int64_t *k_min, int64_t *k_max)
{
	int64_t		scale = 1;
	int64_t		s2;
	int64_t		lo,
				hi;
	int			lo_h,
				hi_h;
	bool		lo_strict,
				hi_strict;
	int64_t		lo_bound,
				hi_bound;

	switch (rounding)
	{
		case GRIM_HALF_UP:
			lo_h = -1, hi_h = 1, lo_strict = false, hi_strict = true;
			break;
		case GRIM_HALF_DOWN:
			lo_h = -1, hi_h = 1, lo_strict = true, hi_strict = false;
			break;
		case GRIM_HALF_EVEN:
			/* a tie on either side goes to R only when R is even */
			lo_h = -1, hi_h = 1;
			lo_strict = hi_strict = (figure.scaled % 2 != 0);
			break;
		case GRIM_TRUNCATE:
			lo_h = 0, hi_h = 2, lo_strict = false, hi_strict = true;
			break;
		case GRIM_CEILING:
			lo_h = -2, hi_h = 0, lo_strict = true, hi_strict = false;
			break;
		default:
			return false;
	}
	for (int d = 0; d < figure.decimals; d++)
		scale *= 10;
	s2 = 2 * 100 * scale;		/* 2S <= 2e8; (2R + 2) n <= (2e8 + 2) * 1e9: fits */
	lo_bound = (2 * figure.scaled + lo_h) * n;
	hi_bound = (2 * figure.scaled + hi_h) * n;

	/* smallest k with 2kS >= (or >) lo_bound, largest with 2kS < (or <=) hi_bound */
	lo = lo_strict ? floor_div(lo_bound, s2) + 1 : -floor_div(-lo_bound, s2);
	hi = hi_strict ? floor_div(hi_bound - 1, s2) : floor_div(hi_bound, s2);
	if (lo < 0)
		lo = 0;
	if (hi > n)
		hi = n;
	*k_min = lo;
	*k_max = hi;
	return lo <= hi;
}
