/*
 * country_set_format.h — the byte format and the text syntax of iscm.country_set,
 * in pure C (no postgres.h) so that the fuzz targets can drive them directly.
 *
 * BYTE FORMAT (the varlena payload on disk, the binary send/recv message, and
 * the key part of serialized aggregate states):
 *
 *   byte 0        format version, COUNTRY_SET_FORMAT_V1
 *   bytes 1..2n   n country keys, 2 bytes each, big-endian, strictly increasing
 *
 * Country keys never change for an entity (see country.h), so a release that
 * knows more countries reads every value written by an older one unchanged.
 * Big-endian keys make memcmp() order of two payloads the lexicographic order
 * of their key sequences, which is the btree order of the type, and leave the
 * format independent of the machine's byte order.  Every access is byte-wise:
 * the payload needs no alignment
 * beyond what the varlena header gets.
 *
 * TEXT SYNTAX:  '{' [ element { ',' element } ] '}'  with whitespace around
 * anything.  An element is either unquoted — a run of characters other than
 * { } , " \ whose surrounding whitespace is dropped — or double-quoted, where
 * a backslash takes the next character literally ("Congo, Dem. Rep.",
 * "say \"hi\"").  What an element means is up to the country type.
 */
#ifndef ISCM_COUNTRY_SET_FORMAT_H
#define ISCM_COUNTRY_SET_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "country.h"

#define COUNTRY_SET_FORMAT_V1		1
#define COUNTRY_SET_KEY_BYTES		2
/* Strictly increasing 16-bit keys: never more than this many. */
#define COUNTRY_SET_MAX_KEYS		65535

static inline CountryKey
country_set_key_at(const uint8_t *keys, size_t i)
{
	return (CountryKey) ((keys[2 * i] << 8) | keys[2 * i + 1]);
}

static inline void
country_set_put_key(uint8_t *keys, size_t i, CountryKey key)
{
	keys[2 * i] = (uint8_t) (key >> 8);
	keys[2 * i + 1] = (uint8_t) (key & 0xFF);
}

typedef enum CountrySetCheckStatus
{
	CSET_OK = 0,
	CSET_NO_VERSION,			/* zero bytes: not even a version byte */
	CSET_BAD_VERSION,			/* a format version this release does not know */
	CSET_ODD_LENGTH,			/* keys part is not a whole number of keys */
	CSET_NOT_ASCENDING,			/* a key not greater than the one before: unsorted or duplicate */
	CSET_UNKNOWN_KEY			/* a key that is no country this release knows */
} CountrySetCheckStatus;

/*
 * Validate a whole payload (version byte + keys).  On CSET_OK *nkeys is the
 * number of keys; on a key error *bad_index is the index of the offending key.
 * Either pointer may be NULL.
 */
extern CountrySetCheckStatus country_set_check(const uint8_t *buf, size_t len,
											   size_t *nkeys, size_t *bad_index);

/* Validate a keys part alone (no version byte). */
extern CountrySetCheckStatus country_set_check_keys(const uint8_t *keys, size_t len,
													size_t *nkeys, size_t *bad_index);

/* One-line English description of a status, for error details. */
extern const char *country_set_check_message(CountrySetCheckStatus status);

/* Sort keys in place and drop duplicates; returns the new count. */
extern size_t country_set_sort_unique(CountryKey *keys, size_t n);

/* Write n keys (already sorted and unique) as 2n big-endian bytes. */
extern void country_set_encode_keys(const CountryKey *keys, size_t n, uint8_t *out);


/* ---- text syntax --------------------------------------------------------- */

typedef enum CountrySetScanStatus
{
	CSET_SCAN_ELEMENT = 0,		/* an element was written to the output buffer */
	CSET_SCAN_END,				/* the closing brace was reached; nothing follows */
	CSET_SCAN_EXPECTED_OPEN,	/* text does not start with '{' */
	CSET_SCAN_UNTERMINATED,		/* text ended before the closing '}' */
	CSET_SCAN_NESTED,			/* '{' inside the set: sets do not nest */
	CSET_SCAN_EMPTY_ELEMENT,	/* nothing between two delimiters: "{A,,B}", "{A,}", "{,A}" */
	CSET_SCAN_UNTERMINATED_QUOTE,	/* text ended inside a quoted element */
	CSET_SCAN_EXPECTED_DELIMITER,	/* something other than ',' or '}' after a quoted element */
	CSET_SCAN_BAD_CHARACTER,	/* '"' or '\' inside an unquoted element, or a NUL byte */
	CSET_SCAN_TRAILING,			/* something other than whitespace after the closing '}' */
	CSET_SCAN_BUFFER_TOO_SMALL	/* caller's buffer shorter than the text + 1 */
} CountrySetScanStatus;

typedef struct CountrySetScanner
{
	const char *text;
	size_t		len;
	size_t		pos;			/* next byte to read; after an error, where it was found */
	int			state;			/* private */
	size_t		elements;		/* elements returned so far */
} CountrySetScanner;

extern void country_set_scan_init(CountrySetScanner *scanner, const char *text, size_t len);

/*
 * Return the next element, NUL-terminated, in out (outsize >= len + 1 of the
 * whole text always suffices; *outlen excludes the NUL).  After CSET_SCAN_END
 * or an error, every further call returns the same status.
 */
extern CountrySetScanStatus country_set_scan_next(CountrySetScanner *scanner,
												  char *out, size_t outsize, size_t *outlen);

/* What the scanner expected, for error details ("Expected \",\" or \"}\" ..."). */
extern const char *country_set_scan_message(CountrySetScanStatus status);

/*
 * Does an element need double quotes to read back as itself?  (Empty, special
 * characters, or whitespace at either end.)
 */
extern bool country_set_needs_quotes(const char *s, size_t len);

/*
 * Write s as a quoted element ("..." with \ before " and \) to out, which must
 * hold 2 * len + 3 bytes; NUL-terminated; returns the length written.
 */
extern size_t country_set_quote(const char *s, size_t len, char *out);

#endif							/* ISCM_COUNTRY_SET_FORMAT_H */
