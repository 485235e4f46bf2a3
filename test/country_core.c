/*
 * country_core.c — checks of the pure-C country core (country_lookup.c,
 * country_normalize.c, country_fuzzy.c with the generated data) built
 * without a server and, by test/country_core.sh, under AddressSanitizer and
 * UndefinedBehaviorSanitizer:
 *   - no input of any bytes and length makes them read or write out of bounds;
 *   - country_normalize() reports the full length and writes the same prefix
 *     whatever the buffer size (snprintf-like);
 *   - every known key prints (country_key_to_code) and reads back, in any case;
 *   - every key country_key_is_known() accepts has a record, and no other does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country_lookup.h"

static int	failures = 0;

#define CHECK(cond, ...) \
	do { if (!(cond)) { failures++; fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;

static unsigned
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned) (rng_state >> 11);
}

static void
random_inputs(void)
{
	/* pieces that reach every branch: letters, digits, '&', UTF-8 of each fold class (combining marks too), broken UTF-8 */
	static const char *const pieces[] = {
		"a", "Z", "the ", "The", " ", "  ", "&", "-", "'", ".", "0", "4", "830", "NA", "USA", "SUHH",
		"\xC3\xA9", "\xC3\x9F", "\xE2\x80\x99", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xC2\xA0", "\xC2\xAD",
		"\xF0\x9F\x98\x80", "\xE4\xB8\xAD", "\xCC\x88", "\xEF\xB8\xA0", "\xFF", "\xC3", "\xE2\x80", "\xF4\x90\x80\x80", "\xED\xA0\x80",
		"korea", "germany", "n/a"
	};
	unsigned char buf[1200];
	char		small[16],
				big[8192];
	CountryKey	key;
	CountryFuzzyMatch m[8];

	for (int it = 0; it < 200000; it++)
	{
		size_t		len = 0,
					target = rnd() % (it % 16 == 0 ? sizeof(buf) : 40);
		unsigned char *copy;
		size_t		dsz,
					full,
					full_big;

		while (len < target)
		{
			if (it & 1)
				buf[len++] = (unsigned char) rnd();
			else
			{
				const char *p = pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
				size_t		n = strlen(p);

				if (len + n > target)
					break;
				memcpy(buf + len, p, n);
				len += n;
			}
		}
		/* an exact-size heap copy, so reading one byte too far is caught */
		copy = malloc(len ? len : 1);
		memcpy(copy, buf, len);

		(void) country_lookup((const char *) copy, len, &key);
		(void) country_lookup_code((const char *) copy, len, &key);
		(void) country_by_scheme_code((CountryScheme) (rnd() % CSCHEME_COUNT), (const char *) copy, len, &key);

		dsz = rnd() % sizeof(small);
		full = country_normalize((const char *) copy, len, small, dsz);
		full_big = country_normalize((const char *) copy, len, big, sizeof(big));
		CHECK(full == full_big, "normalize: length %zu with a %zu-byte buffer, %zu with a large one", full, dsz, full_big);
		if (dsz > 0)
			CHECK(strncmp(small, big, dsz - 1) == 0 && strlen(small) == (full < dsz ? full : dsz - 1),
				  "normalize: prefix differs with a %zu-byte buffer", dsz);
		if (it % 64 == 0 && full_big < 256)
			(void) country_fuzzy(big, COUNTRY_KEY_INVALID, 0.3, m, 1 + rnd() % 8);
		free(copy);
	}
}

static void
every_key(void)
{
	size_t		known = 0,
				renamed = 0;

	for (unsigned k = 0; k <= UINT16_MAX; k++)
	{
		char		code[COUNTRY_CODE_BUFSIZE];
		CountryKey	back;
		bool		is_known = country_key_is_known((CountryKey) k);
		const CountryRecord *r = country_record((CountryKey) k);

		if (r != NULL && r->renamed_to != COUNTRY_KEY_INVALID)
		{
			/* a renamed country is its successor: no value, prints and reads as the successor */
			renamed++;
			CHECK(!is_known, "key %u: renamed but a value", k);
			CHECK(country_key_is_known(r->renamed_to) && !country_record(r->renamed_to)->renamed_to,
				  "key %u: renamed to %u, which is no value", k, (unsigned) r->renamed_to);
			CHECK(country_key_to_code((CountryKey) k, code) &&
				  country_lookup(code, strlen(code), &back) == COUNTRY_FOUND && back == r->renamed_to,
				  "key %u: does not print as its successor", k);
			CHECK(country_lookup(r->alpha4, 4, &back) == COUNTRY_FOUND && back == r->renamed_to,
				  "key %u: alpha-4 %s does not read as its successor", k, r->alpha4);
			continue;
		}
		CHECK(is_known == (r != NULL && k != 0), "key %u: known and record disagree", k);
		if (!is_known)
		{
			CHECK(!country_key_to_code((CountryKey) k, code), "key %u: unknown but printed", k);
			continue;
		}
		known++;
		CHECK(country_key_to_code((CountryKey) k, code), "key %u: known but not printed", k);
		CHECK(country_lookup(code, strlen(code), &back) == COUNTRY_FOUND && back == k,
			  "key %u: %s does not read back", k, code);
		for (char *p = code; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		CHECK(country_lookup(code, strlen(code), &back) == COUNTRY_FOUND && back == k,
			  "key %u: lower-case %s does not read back", k, code);
	}
	CHECK(known + renamed == country_record_count, "%zu known keys and %zu renamed, %zu records",
		  known, renamed, country_record_count);
}

int
main(void)
{
	random_inputs();
	every_key();
	if (failures)
	{
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("country core: random inputs and %zu keys checked\n", country_record_count);
	return 0;
}
