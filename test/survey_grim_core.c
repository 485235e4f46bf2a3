/*
 * The GRIM ranges of every rounding rule against brute force: for every
 * figure with 0-2 decimals and every n up to 120, the k whose 100 k / n
 * rounds to the figure, found by rounding each exact fraction in integers.
 */
#include "survey_grim.h"

#include <stdio.h>

/* round num / den (num >= 0, den > 0) to an integer by the rule */
static int64_t
round_fraction(int64_t num, int64_t den, GrimRounding rounding)
{
	int64_t		q = num / den,
				rem = num % den;

	switch (rounding)
	{
		case GRIM_HALF_UP:
			return 2 * rem >= den ? q + 1 : q;
		case GRIM_HALF_DOWN:
			return 2 * rem > den ? q + 1 : q;
		case GRIM_HALF_EVEN:
			if (2 * rem != den)
				return 2 * rem > den ? q + 1 : q;
			return q % 2 != 0 ? q + 1 : q;
		case GRIM_TRUNCATE:
			return q;
		case GRIM_CEILING:
			return rem != 0 ? q + 1 : q;
		default:
			return -1;
	}
}

int
main(void)
{
	long		checked = 0,
				bad = 0;

	for (int d = 0; d <= 2; d++)
	{
		int64_t		scale = 100;

		for (int i = 0; i < d; i++)
			scale *= 10;
		for (int64_t n = 1; n <= 120; n++)
			for (int64_t r = 0; r <= scale; r++)
				for (int rule = 0; rule < GRIM_ROUNDINGS; rule++)
				{
					GrimFigure	figure = {r, d};
					int64_t		lo,
								hi,
								want_lo = -1,
								want_hi = -1;
					bool		found = grim_k_range_rounding(figure, n, (GrimRounding) rule, &lo, &hi);

					for (int64_t k = 0; k <= n; k++)
						if (round_fraction(k * scale, n, (GrimRounding) rule) == r)
						{
							if (want_lo < 0)
								want_lo = k;
							want_hi = k;
						}
					checked++;
					if (found != (want_lo >= 0) || (found && (lo != want_lo || hi != want_hi)))
					{
						if (bad++ < 10)
							printf("%s: %lld/10^%d of %lld gives k %lld..%lld (found %d), brute force %lld..%lld\n",
								   survey_grim_rounding_name((GrimRounding) rule), (long long) r, d,
								   (long long) n, (long long) lo, (long long) hi, found,
								   (long long) want_lo, (long long) want_hi);
					}
				}
	}
	/* names: any case, scrutiny's synonyms, and "up"/"down" refused as ambiguous */
	if (survey_grim_rounding_from_name("Half_Even") != GRIM_HALF_EVEN ||
		survey_grim_rounding_from_name("floor") != GRIM_TRUNCATE ||
		survey_grim_rounding_from_name("ANTI_TRUNC") != GRIM_CEILING ||
		survey_grim_rounding_from_name("up") != GRIM_ROUNDING_INVALID ||
		survey_grim_rounding_from_name("down") != GRIM_ROUNDING_INVALID)
	{
		printf("rounding names not resolved as documented\n");
		bad++;
	}
	printf("%ld ranges checked, %ld wrong\n", checked, bad);
	return bad != 0;
}
