/*
 * country_lookup_fuzz.c — libFuzzer target for the pure-C country parser
 * (src/core/country_lookup.c, country_normalize.c, country_data.c).
 *
 * The input is the text a user typed.  libFuzzer hands over an exactly-sized
 * heap buffer with no terminating NUL, so AddressSanitizer catches any read
 * past len.  Invariants:
 *   - a found key is a known country, prints as its canonical code, and that
 *     code looks up to the same key (what the server prints it reads back);
 *   - country_normalize() reports its full length and never overruns dst, even
 *     when dst is too small, and is a pure function of its input;
 *   - the code path and the scheme-code lookups agree with the canonical codes.
 * The nearest-name search has its own target (country_fuzzy_fuzz.c): it is
 * much slower and would starve the rest of executions.
 */
#include <stdint.h>
#include <string.h>

#include "country_lookup.h"
#include "fuzz_check.h"

static void
check_key_round_trip(CountryKey key)
{
	char		code[COUNTRY_CODE_BUFSIZE];
	CountryKey	again = COUNTRY_KEY_INVALID;
	size_t		n;

	FUZZ_CHECK(country_key_is_known(key));
	FUZZ_CHECK(country_record(key) != NULL);
	FUZZ_CHECK(country_key_to_code(key, code));
	n = strnlen(code, sizeof(code));
	FUZZ_CHECK(n > 0 && n < sizeof(code));
	FUZZ_CHECK(country_lookup(code, n, &again) == COUNTRY_FOUND);
	FUZZ_CHECK(again == key);
}

static void
check_normalize(const char *text, size_t len)
{
	char		big[COUNTRY_NORM_BUFSIZE * 8];
	char		small[8];
	size_t		full,
				again;

	/* a canary after the small buffer: a write past dstsize would show */
	char		guarded[sizeof(small) + 4];

	full = country_normalize(text, len, big, sizeof(big));
	if (full < sizeof(big))
		FUZZ_CHECK(strlen(big) == full);
	memset(guarded, 0x5A, sizeof(guarded));
	again = country_normalize(text, len, guarded, sizeof(small));
	FUZZ_CHECK(again == full);
	FUZZ_CHECK(strnlen(guarded, sizeof(small)) < sizeof(small));
	for (size_t i = sizeof(small); i < sizeof(guarded); i++)
		FUZZ_CHECK((unsigned char) guarded[i] == 0x5A);
	if (full < sizeof(big))
		FUZZ_CHECK(strncmp(guarded, big, sizeof(small) - 1) == 0);
	(void) country_is_placeholder(big);
}

static void
check_schemes(const char *text, size_t len)
{
	for (int s = 0; s < CSCHEME_COUNT; s++)
	{
		CountryKey	key = COUNTRY_KEY_INVALID;

		if (country_by_scheme_code((CountryScheme) s, text, len, &key))
		{
			const char *canonical = country_scheme_code((CountryScheme) s, key);
			CountryKey	again = COUNTRY_KEY_INVALID;

			FUZZ_CHECK(country_key_is_known(key));
			FUZZ_CHECK(canonical != NULL);
			FUZZ_CHECK(country_by_scheme_code((CountryScheme) s, canonical, strlen(canonical), &again));
			FUZZ_CHECK(again == key);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	CountryKey	key = COUNTRY_KEY_INVALID;
	CountryLookupStatus status;

	status = country_lookup(text, size, &key);
	FUZZ_CHECK(status >= COUNTRY_FOUND && status <= COUNTRY_TOO_LONG);
	if (status == COUNTRY_FOUND)
		check_key_round_trip(key);
	{
		/* too long means: longer than the limit once surrounding white space is gone */
		const char *trimmed = text;
		size_t		tlen = size;

		country_trim(&trimmed, &tlen);
		FUZZ_CHECK((status == COUNTRY_TOO_LONG) == (tlen > COUNTRY_INPUT_MAX));
		FUZZ_CHECK((status == COUNTRY_EMPTY) >= (tlen == 0));
	}

	if (country_lookup_code(text, size, &key) != CCODE_NONE)
		check_key_round_trip(key);
	(void) country_parse_number(text, size);
	check_normalize(text, size);
	check_schemes(text, size);

	/* the first two bytes as a stored key: binary input of iscm.country */
	if (size >= 2)
	{
		CountryKey	stored = (CountryKey) ((data[0] << 8) | data[1]);
		char		code[COUNTRY_CODE_BUFSIZE];
		bool		known = country_key_is_known(stored);
		const CountryRecord *r = country_record(stored);
		bool		renamed = r != NULL && r->renamed_to != COUNTRY_KEY_INVALID;

		/* a renamed State's own key is no value but prints as its successor */
		FUZZ_CHECK(country_key_to_code(stored, code) == (known || renamed));
		FUZZ_CHECK(!(known && renamed));
		if (known)
			check_key_round_trip(stored);
		if (renamed)
			check_key_round_trip(r->renamed_to);
	}
	return 0;
}
