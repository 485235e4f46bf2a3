/*
 * country_set_fuzz.c — libFuzzer target for the pure-C core of iscm.country_set
 * (src/core/country_set_format.c): the text scanner and the byte-format validator
 * behind country_set_in and country_set_recv.
 *
 * The first input byte picks the interface, the rest is the payload, handed
 * over in an exactly-sized buffer.  Invariants:
 *   - scanner: elements fit the promised buffer (len + 1), are NUL-terminated,
 *     the scanner terminates, and once it has ended or failed it stays so;
 *     every element, quoted when country_set_needs_quotes() says so, scans back
 *     to itself;
 *   - validator: CSET_OK exactly when the payload is a version byte followed by
 *     strictly increasing, known keys (checked independently here);
 *   - sort_unique + encode_keys of arbitrary known keys give a payload the
 *     validator accepts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "country_set_format.h"
#include "fuzz_check.h"

static void
check_requote(const char *elem, size_t len)
{
	size_t		qcap = 2 * len + 3;
	char	   *text = malloc(qcap + 2);
	char	   *out = malloc(qcap + 3);
	size_t		tlen,
				outlen = 0;
	CountrySetScanner sc;

	FUZZ_CHECK(text && out);
	text[0] = '{';
	if (country_set_needs_quotes(elem, len))
	{
		tlen = country_set_quote(elem, len, text + 1);
		FUZZ_CHECK(tlen <= qcap - 1);
		FUZZ_CHECK(text[1 + tlen] == '\0');
		tlen += 1;
	}
	else
	{
		memcpy(text + 1, elem, len);
		tlen = 1 + len;
	}
	text[tlen++] = '}';
	country_set_scan_init(&sc, text, tlen);
	FUZZ_CHECK(country_set_scan_next(&sc, out, tlen + 1, &outlen) == CSET_SCAN_ELEMENT);
	FUZZ_CHECK(outlen == len && memcmp(out, elem, len) == 0);
	FUZZ_CHECK(country_set_scan_next(&sc, out, tlen + 1, &outlen) == CSET_SCAN_END);
	free(text);
	free(out);
}

static void
fuzz_scanner(const uint8_t *buf, size_t len)
{
	const char *text = (const char *) buf;
	CountrySetScanner sc;
	char	   *out = malloc(len + 1);
	size_t		outlen,
				steps = 0;
	CountrySetScanStatus st;

	FUZZ_CHECK(out != NULL);
	country_set_scan_init(&sc, text, len);
	for (;;)
	{
		outlen = (size_t) -1;
		st = country_set_scan_next(&sc, out, len + 1, &outlen);
		FUZZ_CHECK(++steps <= len + 2);
		if (st != CSET_SCAN_ELEMENT)
			break;
		FUZZ_CHECK(outlen <= len && out[outlen] == '\0');
		check_requote(out, outlen);
	}
	FUZZ_CHECK(st <= CSET_SCAN_BUFFER_TOO_SMALL);
	FUZZ_CHECK(st != CSET_SCAN_BUFFER_TOO_SMALL);
	FUZZ_CHECK(country_set_scan_message(st) != NULL);
	FUZZ_CHECK(country_set_scan_next(&sc, out, len + 1, &outlen) == st);
	FUZZ_CHECK(sc.pos <= len);
	free(out);
}

static void
fuzz_validator(const uint8_t *buf, size_t len)
{
	size_t		nkeys = (size_t) -1,
				bad = (size_t) -1;
	CountrySetCheckStatus st = country_set_check(buf, len, &nkeys, &bad);
	bool		valid = len >= 1 && buf[0] == COUNTRY_SET_FORMAT_V1 && (len - 1) % 2 == 0;

	for (size_t i = 0; valid && i < (len - 1) / 2; i++)
	{
		CountryKey	k = country_set_key_at(buf + 1, i);

		if (!country_key_is_known(k) || (i > 0 && k <= country_set_key_at(buf + 1, i - 1)))
			valid = false;
	}
	FUZZ_CHECK((st == CSET_OK) == valid);
	FUZZ_CHECK(country_set_check_message(st) != NULL);
	if (st == CSET_OK)
		FUZZ_CHECK(nkeys == (len - 1) / 2);
	if (st == CSET_NOT_ASCENDING || st == CSET_UNKNOWN_KEY)
		FUZZ_CHECK(bad < (len - 1) / 2);
	if (len >= 1)
	{
		CountrySetCheckStatus ks = country_set_check_keys(buf + 1, len - 1, NULL, NULL);

		if (buf[0] == COUNTRY_SET_FORMAT_V1)
			FUZZ_CHECK(ks == st);
	}
}

static void
fuzz_builder(const uint8_t *buf, size_t len)
{
	size_t		n = len / 2,
				m = 0,
				kept;
	CountryKey *keys = malloc((n + 1) * sizeof(CountryKey));
	uint8_t    *payload;

	FUZZ_CHECK(keys != NULL);
	for (size_t i = 0; i < n; i++)
	{
		CountryKey	k = (CountryKey) ((buf[2 * i] << 8) | buf[2 * i + 1]);

		if (country_key_is_known(k))
			keys[m++] = k;
	}
	kept = country_set_sort_unique(keys, m);
	FUZZ_CHECK(kept <= m);
	payload = malloc(1 + 2 * kept);
	FUZZ_CHECK(payload != NULL);
	payload[0] = COUNTRY_SET_FORMAT_V1;
	country_set_encode_keys(keys, kept, payload + 1);
	FUZZ_CHECK(country_set_check(payload, 1 + 2 * kept, NULL, NULL) == CSET_OK);
	free(payload);
	free(keys);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const FuzzMode modes[] = {fuzz_scanner, fuzz_validator, fuzz_builder};

	return fuzz_dispatch(data, size, modes, sizeof(modes) / sizeof(modes[0]));
}
