/*
 * country_lookup.h — the pure-C core behind iscm.country beyond the public
 * contract of country.h: name normalization, record and code searches, and
 * the nearest-name search used for error hints and country_candidates().
 *
 * Nothing here includes postgres.h, allocates, or throws: every function is
 * safe on any byte sequence of any length (the fuzz targets call them).
 */
#ifndef ISCM_COUNTRY_LOOKUP_H
#define ISCM_COUNTRY_LOOKUP_H

#include "country.h"
#include "country_data.h"

/*
 * Inputs longer than this (in bytes, before normalizing) are COUNTRY_TOO_LONG:
 * the longest known name is far shorter, and invisible characters cannot pad
 * a real name that much.
 */
#define COUNTRY_INPUT_MAX		512

/* Room for any normalized name we can match (longer ones match nothing). */
#define COUNTRY_NORM_BUFSIZE	256

/*
 * Normalize a name as NAME NORMALIZATION in country_data.h says.  Writes at
 * most dstsize - 1 bytes and a NUL to dst; returns the length of the full
 * normalized form, which is >= dstsize when it did not fit (like snprintf).
 * Invalid UTF-8 bytes are kept as they are.
 */
extern size_t country_normalize(const char *src, size_t len, char *dst, size_t dstsize);

/* Is the normalized text a placeholder for a missing value ("", "n a", "null", "unknown" ...)? */
extern bool country_is_placeholder(const char *normalized);

/* The record of key, or NULL. */
extern const CountryRecord *country_record(CountryKey key);

/* Record by code in a named ISO scheme (no names, no aliases); NULL when absent. */
extern const CountryRecord *country_by_alpha2(const char *code, size_t len);
extern const CountryRecord *country_by_alpha3(const char *code, size_t len);	/* current, then former */
extern const CountryRecord *country_by_alpha4(const char *code, size_t len);
extern const CountryRecord *country_by_numeric(unsigned numeric);	/* current and M49-only areas */

/*
 * A numeric code alias (country_code_aliases with 3 digits: 983, CLDR's private
 * use code of Kosovo, which has no ISO or M49 code); false when none.
 */
extern bool country_by_numeric_alias(unsigned numeric, CountryKey *key);

/*
 * Code in one of the named schemes (case-insensitive; numbers may have leading
 * zeros): false also for a code that exists in the scheme but names no country.
 */
extern bool country_by_scheme_code(CountryScheme scheme, const char *code, size_t len, CountryKey *key);

/* The row of a code in a named scheme, country or not (UNHCR STA, Stateless); NULL when none. */
extern const CountrySchemeCode *country_scheme_row(CountryScheme scheme, const char *code, size_t len);

/* Canonical code of key in a scheme, or NULL. */
extern const char *country_scheme_code(CountryScheme scheme, CountryKey key);

/* The M49 area (world, region, sub-region, intermediate region) with this code, or NULL. */
extern const M49Area *country_m49_area(unsigned code);

/*
 * Whole normalized-name match: sets *first and *count to the run of
 * country_names rows equal to normalized (count 0 when none).
 */
extern void country_names_matching(const char *normalized, size_t *first, size_t *count);

/*
 * How the code path of country_lookup() read the text: which kind of code
 * matched (for country_candidates), or what a digit string turned out to be
 * (for error details).
 */
typedef enum CountryCodeMatch
{
	CCODE_NONE = 0,				/* not code-shaped, or no code matched */
	CCODE_ALPHA2,
	CCODE_ALPHA3,
	CCODE_ALPHA4,
	CCODE_NUMERIC,
	CCODE_ALIAS					/* country_code_aliases: EL, UK, XK, XKK, KSV, CHI, 983 ... */
} CountryCodeMatch;

/*
 * The code step of country_lookup() alone: str is trimmed of ASCII white space
 * and tried as a code.  Returns what matched and sets *key.
 */
extern CountryCodeMatch country_lookup_code(const char *str, size_t len, CountryKey *key);

/* Trim ASCII white space from both ends (in place on the pointer/length pair). */
extern void country_trim(const char **str, size_t *len);

/*
 * If str (already trimmed) is all decimal digits, with any number of leading
 * zeros, and its value is at most 9999: that value; otherwise -1.
 */
extern int	country_parse_number(const char *str, size_t len);

/* Fuzzy matches: the nearest countries by edit distance over normalized names. */
typedef struct CountryFuzzyMatch
{
	CountryKey	key;
	size_t		name_index;		/* the country_names row that came nearest */
	double		score;			/* 1 - distance / longer length, in [0, 1] */
} CountryFuzzyMatch;

/*
 * Fill out[0..max-1] with the best-scoring distinct countries for a
 * normalized input (score descending, then key), skipping exclude (a key, or
 * COUNTRY_KEY_INVALID) and anything scoring below min_score.  Returns the
 * number written.  Cost is bounded: the input is cut to 64 bytes.
 */
extern size_t country_fuzzy(const char *normalized, CountryKey exclude, double min_score,
							CountryFuzzyMatch *out, size_t max);

#endif							/* ISCM_COUNTRY_LOOKUP_H */
