/*
 * survey_grim.c — GRIM consistency of published percentages.
 */
#include "survey_grim.h"

#include <ctype.h>

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
	int64_t		scale = 1;
	int64_t		s2;
	int64_t		lo,
				hi;

	for (int d = 0; d < figure.decimals; d++)
		scale *= 10;
	s2 = 2 * 100 * scale;		/* 2S <= 2e8; (2R + 1) n <= 2e8 * 1e9: fits */

	/* smallest k with 2kS >= (2R - 1) n, largest with 2kS < (2R + 1) n */
	lo = -floor_div(-(2 * figure.scaled - 1) * n, s2);
	hi = floor_div((2 * figure.scaled + 1) * n - 1, s2);
	if (lo < 0)
		lo = 0;
	if (hi > n)
		hi = n;
	*k_min = lo;
	*k_max = hi;
	return lo <= hi;
}
