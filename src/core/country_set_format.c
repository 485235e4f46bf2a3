/*
 * country_set_format.c — validation of the country_set byte format and the
 * scanner of its text syntax.  Pure C: see country_set_format.h.
 *
 * Everything here must be safe on any byte sequence of any length: the
 * reliability fuzz targets feed it raw input.
 */
#include "country_set_format.h"

#include <stdlib.h>
#include <string.h>

/* ---- byte format ---------------------------------------------------------- */

CountrySetCheckStatus
country_set_check_keys(const uint8_t *keys, size_t len, size_t *nkeys, size_t *bad_index)
{
	size_t		n;
	CountryKey	prev = COUNTRY_KEY_INVALID;

	if (len % COUNTRY_SET_KEY_BYTES != 0)
		return CSET_ODD_LENGTH;
	n = len / COUNTRY_SET_KEY_BYTES;

	for (size_t i = 0; i < n; i++)
	{
		CountryKey	key = country_set_key_at(keys, i);

		/* prev starts at 0, which is never a key, so the first key passes */
		if (i > 0 && key <= prev)
		{
			if (bad_index)
				*bad_index = i;
			return CSET_NOT_ASCENDING;
		}
		if (!country_key_is_known(key))
		{
			if (bad_index)
				*bad_index = i;
			return CSET_UNKNOWN_KEY;
		}
		prev = key;
	}
	if (nkeys)
		*nkeys = n;
	return CSET_OK;
}

CountrySetCheckStatus
country_set_check(const uint8_t *buf, size_t len, size_t *nkeys, size_t *bad_index)
{
	if (len < 1)
		return CSET_NO_VERSION;
	if (buf[0] != COUNTRY_SET_FORMAT_V1)
		return CSET_BAD_VERSION;
	return country_set_check_keys(buf + 1, len - 1, nkeys, bad_index);
}

const char *
country_set_check_message(CountrySetCheckStatus status)
{
	switch (status)
	{
		case CSET_OK:
			return "valid";
		case CSET_NO_VERSION:
			return "The value is empty; expected a format version byte.";
		case CSET_BAD_VERSION:
			return "Unknown format version; expected version 1.";
		case CSET_ODD_LENGTH:
			return "Length is not a whole number of 2-byte country keys.";
		case CSET_NOT_ASCENDING:
			return "Country keys must be strictly increasing (sorted, no duplicates).";
		case CSET_UNKNOWN_KEY:
			return "A country key is not known to this release.";
	}
	return "unknown status";
}

static int
compare_keys(const void *a, const void *b)
{
	CountryKey	ka = *(const CountryKey *) a;
	CountryKey	kb = *(const CountryKey *) b;

	return (ka > kb) - (ka < kb);
}

/* above this many keys, marking them in a bitmap of every key beats sorting */
#define SORT_UNIQUE_BITMAP_MIN	1024

size_t
country_set_sort_unique(CountryKey *keys, size_t n)
{
	size_t		out = 0;

	if (n < 2)
		return n;
	if (n >= SORT_UNIQUE_BITMAP_MIN)
	{
		/* one pass over the keys and one over the 8 kB bitmap, whatever n is */
		uint64_t	seen[(COUNTRY_SET_MAX_KEYS + 1) / 64];

		memset(seen, 0, sizeof(seen));
		for (size_t i = 0; i < n; i++)
			seen[keys[i] / 64] |= UINT64_C(1) << (keys[i] % 64);
		for (size_t word = 0; word < sizeof(seen) / sizeof(seen[0]); word++)
			for (unsigned bit = 0; bit < 64 && seen[word] != 0; bit++)
				if (seen[word] & (UINT64_C(1) << bit))
				{
					keys[out++] = (CountryKey) (word * 64 + bit);
					seen[word] &= ~(UINT64_C(1) << bit);
				}
		return out;
	}
	qsort(keys, n, sizeof(CountryKey), compare_keys);
	for (size_t i = 1; i < n; i++)
	{
		if (keys[i] != keys[out])
			keys[++out] = keys[i];
	}
	return out + 1;
}

void
country_set_encode_keys(const CountryKey *keys, size_t n, uint8_t *out)
{
	for (size_t i = 0; i < n; i++)
		country_set_put_key(out, i, keys[i]);
}

/* ---- text syntax ------------------------------------------------------------ */

enum
{
	SCAN_START,					/* before '{' */
	SCAN_FIRST,					/* just after '{': an element or '}' */
	SCAN_NEED_ELEMENT,			/* just after ',': an element */
	SCAN_AFTER_ELEMENT,			/* ',' or '}' */
	SCAN_DONE,					/* CSET_SCAN_END returned */
	SCAN_FAILED_BASE = 100		/* SCAN_FAILED_BASE + status: a sticky error */
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void
skip_space(CountrySetScanner *s)
{
	while (s->pos < s->len && is_space(s->text[s->pos]))
		s->pos++;
}

static CountrySetScanStatus
fail(CountrySetScanner *s, CountrySetScanStatus status)
{
	s->state = SCAN_FAILED_BASE + (int) status;
	return status;
}

/* After the closing brace only whitespace may follow. */
static CountrySetScanStatus
finish(CountrySetScanner *s)
{
	skip_space(s);
	if (s->pos < s->len)
		return fail(s, CSET_SCAN_TRAILING);
	s->state = SCAN_DONE;
	return CSET_SCAN_END;
}

static CountrySetScanStatus
scan_quoted(CountrySetScanner *s, char *out, size_t *outlen)
{
	size_t		n = 0;

	s->pos++;					/* the opening quote */
	for (;;)
	{
		char		c;

		if (s->pos >= s->len)
			return fail(s, CSET_SCAN_UNTERMINATED_QUOTE);
		c = s->text[s->pos];
		if (c == '\0')
			return fail(s, CSET_SCAN_BAD_CHARACTER);
		if (c == '"')
		{
			s->pos++;
			break;
		}
		if (c == '\\')
		{
			s->pos++;
			if (s->pos >= s->len)
				return fail(s, CSET_SCAN_UNTERMINATED_QUOTE);
			c = s->text[s->pos];
			if (c == '\0')
				return fail(s, CSET_SCAN_BAD_CHARACTER);
		}
		out[n++] = c;
		s->pos++;
	}
	out[n] = '\0';
	*outlen = n;
	s->state = SCAN_AFTER_ELEMENT;
	s->elements++;
	return CSET_SCAN_ELEMENT;
}

static CountrySetScanStatus
scan_unquoted(CountrySetScanner *s, char *out, size_t *outlen)
{
	size_t		start = s->pos;
	size_t		end;

	while (s->pos < s->len)
	{
		char		c = s->text[s->pos];

		if (c == ',' || c == '}')
			break;
		if (c == '{')
			return fail(s, CSET_SCAN_NESTED);
		if (c == '"' || c == '\\' || c == '\0')
			return fail(s, CSET_SCAN_BAD_CHARACTER);
		s->pos++;
	}
	if (s->pos >= s->len)
		return fail(s, CSET_SCAN_UNTERMINATED);

	/* the caller skipped leading space, so the run starts with a non-space */
	end = s->pos;
	while (end > start && is_space(s->text[end - 1]))
		end--;
	memcpy(out, s->text + start, end - start);
	out[end - start] = '\0';
	*outlen = end - start;
	s->state = SCAN_AFTER_ELEMENT;
	s->elements++;
	return CSET_SCAN_ELEMENT;
}

void
country_set_scan_init(CountrySetScanner *scanner, const char *text, size_t len)
{
	scanner->text = text;
	scanner->len = len;
	scanner->pos = 0;
	scanner->state = SCAN_START;
	scanner->elements = 0;
}

CountrySetScanStatus
country_set_scan_next(CountrySetScanner *s, char *out, size_t outsize, size_t *outlen)
{
	if (s->state == SCAN_DONE)
		return CSET_SCAN_END;
	if (s->state >= SCAN_FAILED_BASE)
		return (CountrySetScanStatus) (s->state - SCAN_FAILED_BASE);
	if (out == NULL || outsize < s->len + 1)
		return fail(s, CSET_SCAN_BUFFER_TOO_SMALL);

	if (s->state == SCAN_START)
	{
		skip_space(s);
		if (s->pos >= s->len || s->text[s->pos] != '{')
			return fail(s, CSET_SCAN_EXPECTED_OPEN);
		s->pos++;
		s->state = SCAN_FIRST;
	}

	if (s->state == SCAN_AFTER_ELEMENT)
	{
		skip_space(s);
		if (s->pos >= s->len)
			return fail(s, CSET_SCAN_UNTERMINATED);
		if (s->text[s->pos] == '}')
		{
			s->pos++;
			return finish(s);
		}
		if (s->text[s->pos] != ',')
			return fail(s, CSET_SCAN_EXPECTED_DELIMITER);
		s->pos++;
		s->state = SCAN_NEED_ELEMENT;
	}

	/* SCAN_FIRST or SCAN_NEED_ELEMENT */
	skip_space(s);
	if (s->pos >= s->len)
		return fail(s, CSET_SCAN_UNTERMINATED);
	switch (s->text[s->pos])
	{
		case '}':
			if (s->state == SCAN_NEED_ELEMENT)
				return fail(s, CSET_SCAN_EMPTY_ELEMENT);
			s->pos++;
			return finish(s);
		case ',':
			return fail(s, CSET_SCAN_EMPTY_ELEMENT);
		case '{':
			return fail(s, CSET_SCAN_NESTED);
		case '"':
			return scan_quoted(s, out, outlen);
		default:
			return scan_unquoted(s, out, outlen);
	}
}

const char *
country_set_scan_message(CountrySetScanStatus status)
{
	switch (status)
	{
		case CSET_SCAN_ELEMENT:
		case CSET_SCAN_END:
			return "valid";
		case CSET_SCAN_EXPECTED_OPEN:
			return "Expected \"{\" at the start of the set.";
		case CSET_SCAN_UNTERMINATED:
			return "Expected \"}\" before the end of the text.";
		case CSET_SCAN_NESTED:
			return "Expected a country, \",\" or \"}\", found \"{\": country sets do not nest.";
		case CSET_SCAN_EMPTY_ELEMENT:
			return "Expected a country between delimiters.";
		case CSET_SCAN_UNTERMINATED_QUOTE:
			return "Expected a closing double quote before the end of the text.";
		case CSET_SCAN_EXPECTED_DELIMITER:
			return "Expected \",\" or \"}\" after a quoted country.";
		case CSET_SCAN_BAD_CHARACTER:
			return "Expected \",\" or \"}\"; a double quote, backslash or NUL byte may appear only inside a double-quoted country.";
		case CSET_SCAN_TRAILING:
			return "Expected nothing after the closing \"}\".";
		case CSET_SCAN_BUFFER_TOO_SMALL:
			return "Element buffer too small.";
	}
	return "unknown status";
}

bool
country_set_needs_quotes(const char *s, size_t len)
{
	if (len == 0 || is_space(s[0]) || is_space(s[len - 1]))
		return true;
	for (size_t i = 0; i < len; i++)
	{
		switch (s[i])
		{
			case '{':
			case '}':
			case ',':
			case '"':
			case '\\':
				return true;
		}
	}
	return false;
}

size_t
country_set_quote(const char *s, size_t len, char *out)
{
	size_t		n = 0;

	out[n++] = '"';
	for (size_t i = 0; i < len; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			out[n++] = '\\';
		out[n++] = s[i];
	}
	out[n++] = '"';
	out[n] = '\0';
	return n;
}
