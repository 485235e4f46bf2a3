/*
 * country.h — the iscm.country value and the C interface other parts of iscm use.
 *
 * A country is stored as a 16-bit key, pass-by-value.  The key is derived from
 * codes that never change for an entity, so a later release that adds countries
 * or aliases never changes a stored value, and the btree order (key order) of
 * existing values never changes either:
 *
 *   1 + base26(alpha-3)            1 .. 17576   current entities with an alpha-3
 *                                               code: ISO 3166-1, plus Kosovo (XKX)
 *   20000 + base26(alpha-3)    20000 .. 37575   former countries (ISO 3166-3), by
 *                                               their own alpha-3 (SUN, YUG, CSK ...)
 *   40000 + M49 code           40000 .. 40999   M49 areas with no alpha-3 code
 *                                               (Channel Islands 830, Sark 680)
 *
 * base26("AAA") = 0, base26("ZZZ") = 17575, letters taken as A=0 .. Z=25,
 * most significant first.  0 is never a valid key.
 *
 * Sort order is therefore: current countries by alpha-3, then former countries
 * by alpha-3, then alpha-3-less M49 areas by M49 code.
 *
 * Pure C, usable without postgres.h (the fuzz targets build the lookup
 * without a server).  The server side of the type is declared in country_pg.h.
 */
#ifndef ISCM_COUNTRY_H
#define ISCM_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint16_t CountryKey;

#define COUNTRY_KEY_INVALID		((CountryKey) 0)
#define COUNTRY_KEY_CURRENT_BASE	1
#define COUNTRY_KEY_FORMER_BASE		20000
#define COUNTRY_KEY_M49_BASE		40000

/* A former country (ISO 3166-3), a value of its own next to its successors. */
static inline bool
country_key_is_former(CountryKey key)
{
	return key >= COUNTRY_KEY_FORMER_BASE && key < COUNTRY_KEY_M49_BASE;
}

/* A current entity with an alpha-3 code (the range below the former countries). */
static inline bool
country_key_is_current(CountryKey key)
{
	return key < COUNTRY_KEY_FORMER_BASE;
}

/* Longest canonical text form of a country, including the terminating NUL. */
#define COUNTRY_CODE_BUFSIZE		8

/* Outcome of looking up a piece of text (pure C, no allocation, no errors thrown). */
typedef enum CountryLookupStatus
{
	COUNTRY_FOUND = 0,
	COUNTRY_EMPTY,				/* empty, blank, or a placeholder such as N/A, -, NULL */
	COUNTRY_NOT_FOUND,			/* no code or whole-name match */
	COUNTRY_AMBIGUOUS,			/* a name shared by several countries ("Korea", "Congo") */
	COUNTRY_TOO_LONG			/* longer than any name we know: rejected before normalizing */
} CountryLookupStatus;

/*
 * Look up text in every scheme accepted without naming one: alpha-2 (plus EL,
 * UK, XK), alpha-3 (plus XKX, XKK), numeric/M49 with or without leading zeros,
 * and whole normalized names and aliases in en/fr/es.  On COUNTRY_FOUND *key is
 * set.  str need not be NUL-terminated.
 */
extern CountryLookupStatus country_lookup(const char *str, size_t len, CountryKey *key);

/* Is key a country this release knows?  (Used to validate binary input.) */
extern bool country_key_is_known(CountryKey key);

/*
 * Canonical text of a country in the default style (alpha-3; alpha-4 for a
 * former country whose alpha-3 now belongs to another; the 3-digit M49 code
 * when there is no alpha-3), written to buf.  country_lookup() of that text
 * gives key back.  Returns false for an unknown key.
 */
extern bool country_key_to_code(CountryKey key, char buf[COUNTRY_CODE_BUFSIZE]);

#endif							/* ISCM_COUNTRY_H */
