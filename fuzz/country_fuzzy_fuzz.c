/*
 * country_fuzzy_fuzz.c — libFuzzer target for the nearest-name search of
 * src/core/country_fuzzy.c, which the server runs on every unknown country name to
 * suggest candidates (error hints, country_candidates()).
 *
 * Invariants: at most max results, distinct known countries, a valid name
 * index, scores in [0, 1] in descending order, whatever the (normalized)
 * input.  libFuzzer's -timeout catches an input that makes it slow.
 */
#include <stdint.h>
#include <string.h>

#include "country_lookup.h"
#include "fuzz_check.h"

static void
fuzz_nearest(const char *text, size_t len)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	CountryFuzzyMatch out[5];
	size_t		n;

	if (country_normalize(text, len, norm, sizeof(norm)) >= sizeof(norm))
		return;
	n = country_fuzzy(norm, COUNTRY_KEY_INVALID, 0.0, out, 5);
	FUZZ_CHECK(n <= 5);
	for (size_t i = 0; i < n; i++)
	{
		FUZZ_CHECK(country_key_is_known(out[i].key));
		FUZZ_CHECK(out[i].name_index < country_name_count);
		FUZZ_CHECK(out[i].score >= 0.0 && out[i].score <= 1.0);
		if (i > 0)
			FUZZ_CHECK(out[i].score <= out[i - 1].score);
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK(out[j].key != out[i].key);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4 * COUNTRY_NORM_BUFSIZE)
		return 0;
	fuzz_nearest((const char *) data, size);
	return 0;
}
