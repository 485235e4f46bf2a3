/*
 * country_lookup.c — text to country key and back, in pure C.
 *
 * Precedence (doc/country.md): the trimmed text is first tried as a code —
 * 2 letters: ISO alpha-2, then code aliases (EL, UK, XK); 3 letters: current
 * alpha-3 (the key itself), then aliases (XKK, KSV, CHI), then former alpha-3;
 * 4 letters: ISO 3166-3 alpha-4; digits (any number of leading zeros): ISO
 * numeric / M49, then the numeric aliases (983, CLDR's Kosovo) — and only
 * when no code matches is it normalized and matched as a whole name.  Codes are
 * case-insensitive.  No code is ever matched as a prefix or substring.
 *
 * The code path is the hot one (datasets are keyed by codes), so it neither
 * normalizes nor allocates: alpha-3 is upper-cased into base 26 and tested
 * against a bitmap of known keys.  The bitmap and the alpha-2 / numeric
 * indexes are built on first use from country_records (a few microseconds).
 * Names go through a hash table, also built on first use.
 *
 * A former country that only changed its name (Burma, Zaire, East Timor ...)
 * is no value of its own: its codes and names read as its successor, and its
 * record stays only as history.
 *
 * Text that is neither a code nor a known name gets two more chances, for the
 * forms data producers write: "<name> (<qualifier>)" is the country of the name
 * when the qualifier names no other country ("Mayotte (FR - part of EU ...)",
 * "Russia (Soviet Union)"), and "<name>/<name>" is the country both parts name
 * ("Burma/Myanmar").  Both are tried only after every exact match failed.
 */
#include "country_lookup.h"

#include <stdlib.h>
#include <string.h>

#define KEY_SPACE			(COUNTRY_KEY_M49_BASE + 1000)

static bool indexes_built = false;
static uint8_t known_keys[(KEY_SPACE + 7) / 8];
static CountryKey alpha2_index[26 * 26];
static CountryKey numeric_index[1000];
/* country_records[former_first .. former_end) are the ISO 3166-3 entries (key order) */
static size_t former_first,
			former_end;

static inline bool
key_bit(CountryKey key)
{
	return key < KEY_SPACE && (known_keys[key >> 3] & (1u << (key & 7))) != 0;
}

static void
build_indexes(void)
{
	former_first = former_end = 0;
	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		bool		former = country_key_is_former(r->key);

		if (former && former_end == 0)
			former_first = i;
		if (former)
			former_end = i + 1;

		if (r->key >= KEY_SPACE || r->renamed_to != COUNTRY_KEY_INVALID)
			continue;			/* a renamed former country is its successor, not a value */
		known_keys[r->key >> 3] |= (uint8_t) (1u << (r->key & 7));
		if (former)
			continue;			/* former alpha-2 and numeric codes were reused: never looked up */
		if (r->alpha2[0] >= 'A' && r->alpha2[0] <= 'Z' && r->alpha2[1] >= 'A' && r->alpha2[1] <= 'Z')
			alpha2_index[(r->alpha2[0] - 'A') * 26 + (r->alpha2[1] - 'A')] = r->key;
		if (r->numeric > 0 && r->numeric < 1000)
			numeric_index[r->numeric] = r->key;
	}
	indexes_built = true;
}

static inline void
ensure_indexes(void)
{
	if (!indexes_built)
		build_indexes();
}

bool
country_key_is_known(CountryKey key)
{
	ensure_indexes();
	return key != COUNTRY_KEY_INVALID && key_bit(key);
}

/* bsearch() comparator: a CountryKey against a CountryRecord */
static int
compare_record_key(const void *key, const void *row)
{
	CountryKey	a = *(const CountryKey *) key;
	CountryKey	b = ((const CountryRecord *) row)->key;

	return (a > b) - (a < b);
}

const CountryRecord *
country_record(CountryKey key)
{
	return bsearch(&key, country_records, country_record_count, sizeof(CountryRecord),
				   compare_record_key);
}

static bool alias_lookup(const char *code, size_t len, CountryKey *key);
static CountryCodeMatch lookup_trimmed_code(const char *str, size_t len, CountryKey *key);

/* The record a code of r reads as: r, or its successor when r was only renamed. */
static const CountryRecord *
value_record(const CountryRecord *r)
{
	return r != NULL && r->renamed_to != COUNTRY_KEY_INVALID ? country_record(r->renamed_to) : r;
}

static inline bool
is_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline int
letter_value(unsigned char c)
{
	return (c & ~0x20) - 'A';	/* c is known to be an ASCII letter */
}

static inline bool
all_alpha(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_alpha((unsigned char) s[i]))
			return false;
	return true;
}

void
country_trim(const char **str, size_t *len)
{
	const char *s = *str;
	size_t		n = *len;

	while (n > 0 && (*s == ' ' || (*s >= '\t' && *s <= '\r')))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || (s[n - 1] >= '\t' && s[n - 1] <= '\r')))
		n--;
	*str = s;
	*len = n;
}

static inline bool
all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int
country_parse_number(const char *str, size_t len)
{
	int			v = 0;

	if (len == 0 || !all_digits(str, len))
		return -1;
	/* any number of leading zeros: "00384" is 384, as spreadsheets pad codes */
	while (len > 1 && str[0] == '0')
		str++, len--;
	if (len > 4)
		return -1;
	for (size_t i = 0; i < len; i++)
		v = v * 10 + (str[i] - '0');
	return v;
}

const CountryRecord *
country_by_alpha2(const char *code, size_t len)
{
	CountryKey	key;

	if (len != 2 || !all_alpha(code, 2))
		return NULL;
	ensure_indexes();
	key = alpha2_index[letter_value(code[0]) * 26 + letter_value(code[1])];
	return key ? country_record(key) : NULL;
}

const CountryRecord *
country_by_alpha3(const char *code, size_t len)
{
	int			b26;

	if (len != 3 || !all_alpha(code, 3))
		return NULL;
	ensure_indexes();
	b26 = letter_value(code[0]) * 676 + letter_value(code[1]) * 26 + letter_value(code[2]);
	if (key_bit((CountryKey) (COUNTRY_KEY_CURRENT_BASE + b26)))
		return country_record((CountryKey) (COUNTRY_KEY_CURRENT_BASE + b26));
	return value_record(country_record((CountryKey) (COUNTRY_KEY_FORMER_BASE + b26)));
}

const CountryRecord *
country_by_alpha4(const char *code, size_t len)
{
	char		upper[4];

	if (len != 4 || !all_alpha(code, 4))
		return NULL;
	for (int i = 0; i < 4; i++)
		upper[i] = (char) (code[i] & ~0x20);
	/* ISO 3166-3 has a few dozen entries: a scan of their range is enough */
	ensure_indexes();
	for (size_t i = former_first; i < former_end; i++)
		if (memcmp(country_records[i].alpha4, upper, 4) == 0)
			return value_record(&country_records[i]);
	return NULL;
}

bool
country_by_numeric_alias(unsigned numeric, CountryKey *key)
{
	char		code[4];

	if (numeric == 0 || numeric >= 1000)
		return false;
	code[0] = (char) ('0' + numeric / 100);
	code[1] = (char) ('0' + numeric / 10 % 10);
	code[2] = (char) ('0' + numeric % 10);
	code[3] = '\0';
	return alias_lookup(code, 3, key);
}

const CountryRecord *
country_by_numeric(unsigned numeric)
{
	if (numeric == 0 || numeric >= 1000)
		return NULL;
	ensure_indexes();
	if (numeric_index[numeric])
		return country_record(numeric_index[numeric]);
	if (key_bit((CountryKey) (COUNTRY_KEY_M49_BASE + numeric)))
		return country_record((CountryKey) (COUNTRY_KEY_M49_BASE + numeric));
	return NULL;
}

/* bsearch() comparator: a code (NUL-terminated) against a CountryCodeAlias */
static int
compare_alias_code(const void *key, const void *row)
{
	return strcmp(key, ((const CountryCodeAlias *) row)->code);
}

static bool
alias_lookup(const char *code, size_t len, CountryKey *key)
{
	char		upper[5];
	const CountryCodeAlias *alias;

	if (len == 0 || len > 4)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) code[i];

		upper[i] = (char) ((c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c);
	}
	upper[len] = '\0';
	alias = bsearch(upper, country_code_aliases, country_code_alias_count, sizeof(CountryCodeAlias),
					compare_alias_code);
	if (alias == NULL)
		return false;
	*key = alias->key;
	return true;
}

CountryCodeMatch
country_lookup_code(const char *str, size_t len, CountryKey *key)
{
	country_trim(&str, &len);
	return lookup_trimmed_code(str, len, key);
}

/* country_lookup_code() of text already trimmed */
static CountryCodeMatch
lookup_trimmed_code(const char *str, size_t len, CountryKey *key)
{
	const CountryRecord *r;
	int			number;

	if (len > 0 && str[0] >= '0' && str[0] <= '9' && (number = country_parse_number(str, len)) >= 0)
	{
		/* digits only, any number of leading zeros: ISO numeric / M49, then numeric aliases (983) */
		if ((r = country_by_numeric((unsigned) number)) != NULL)
		{
			*key = r->key;
			return CCODE_NUMERIC;
		}
		return country_by_numeric_alias((unsigned) number, key) ? CCODE_ALIAS : CCODE_NONE;
	}
	if (len < 1 || len > 4)
		return CCODE_NONE;

	if (len == 3 && all_alpha(str, 3))
	{
		/* the hot path: current alpha-3 is the key itself */
		int			b26 = letter_value(str[0]) * 676 + letter_value(str[1]) * 26 + letter_value(str[2]);

		ensure_indexes();
		if (key_bit((CountryKey) (COUNTRY_KEY_CURRENT_BASE + b26)))
		{
			*key = (CountryKey) (COUNTRY_KEY_CURRENT_BASE + b26);
			return CCODE_ALPHA3;
		}
		if (alias_lookup(str, len, key))
			return CCODE_ALIAS;
		if ((r = value_record(country_record((CountryKey) (COUNTRY_KEY_FORMER_BASE + b26)))) != NULL)
		{
			*key = r->key;
			return CCODE_ALPHA3;
		}
		return CCODE_NONE;
	}
	if (len == 2 && all_alpha(str, 2))
	{
		if ((r = country_by_alpha2(str, len)) != NULL)
		{
			*key = r->key;
			return CCODE_ALPHA2;
		}
		return alias_lookup(str, len, key) ? CCODE_ALIAS : CCODE_NONE;
	}
	if (len == 4 && all_alpha(str, 4))
	{
		if ((r = country_by_alpha4(str, len)) != NULL)
		{
			*key = r->key;
			return CCODE_ALPHA4;
		}
		return alias_lookup(str, len, key) ? CCODE_ALIAS : CCODE_NONE;
	}
	return alias_lookup(str, len, key) ? CCODE_ALIAS : CCODE_NONE;
}

/*
 * Names are found through an open-addressing hash table over the distinct
 * normalized names (built on first use: one pass over country_names), so a
 * lookup costs one hash of the input and usually one string comparison.
 * Slots hold 1 + the index of the first country_names row of a name.
 */
#define NAME_SLOTS			16384	/* power of two, over twice the distinct names */

static uint16_t name_slots[NAME_SLOTS];
static bool name_slots_built = false;
static bool name_slots_usable = false;

static inline uint32_t
name_hash(const char *s)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

static void
build_name_slots(void)
{
	size_t		distinct = 0;

	name_slots_built = true;
	for (size_t i = 0; i < country_name_count; i++)
		if (i == 0 || strcmp(country_names[i].normalized, country_names[i - 1].normalized) != 0)
			distinct++;
	/* a table that outgrew the slots falls back to binary search */
	if (distinct * 2 > NAME_SLOTS || country_name_count >= UINT16_MAX)
		return;
	for (size_t i = 0; i < country_name_count; i++)
	{
		uint32_t	slot;

		if (i > 0 && strcmp(country_names[i].normalized, country_names[i - 1].normalized) == 0)
			continue;
		slot = name_hash(country_names[i].normalized) & (NAME_SLOTS - 1);
		while (name_slots[slot] != 0)
			slot = (slot + 1) & (NAME_SLOTS - 1);
		name_slots[slot] = (uint16_t) (i + 1);
	}
	name_slots_usable = true;
}

/* Index of the first row named normalized, or country_name_count when none. */
static size_t
first_name_row(const char *normalized)
{
	size_t		lo = 0,
				hi = country_name_count;

	if (!name_slots_built)
		build_name_slots();
	if (name_slots_usable)
	{
		uint32_t	slot = name_hash(normalized) & (NAME_SLOTS - 1);

		for (; name_slots[slot] != 0; slot = (slot + 1) & (NAME_SLOTS - 1))
			if (strcmp(country_names[name_slots[slot] - 1].normalized, normalized) == 0)
				return name_slots[slot] - 1;
		return country_name_count;
	}
	/* lower bound in a table sorted bytewise */
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (strcmp(country_names[mid].normalized, normalized) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < country_name_count && strcmp(country_names[lo].normalized, normalized) == 0)
		return lo;
	return country_name_count;
}

void
country_names_matching(const char *normalized, size_t *first, size_t *count)
{
	size_t		start = first_name_row(normalized),
				end = start;

	if (start < country_name_count)
		while (++end < country_name_count && strcmp(country_names[end].normalized, normalized) == 0)
			;
	*first = start;
	*count = end - start;
}

/* A normalized name: found, ambiguous or not found. */
static CountryLookupStatus
lookup_normalized(const char *norm, CountryKey *key)
{
	size_t		first,
				count;

	country_names_matching(norm, &first, &count);
	if (count == 0)
		return COUNTRY_NOT_FOUND;
	for (size_t i = first + 1; i < first + count; i++)
		if (country_names[i].key != country_names[first].key)
			return COUNTRY_AMBIGUOUS;
	*key = country_names[first].key;
	return COUNTRY_FOUND;
}

/* The whole text as one known name, normalized into norm: found, ambiguous or not found. */
static CountryLookupStatus
lookup_name(const char *str, size_t len, CountryKey *key, char norm[COUNTRY_NORM_BUFSIZE])
{
	if (country_normalize(str, len, norm, COUNTRY_NORM_BUFSIZE) >= COUNTRY_NORM_BUFSIZE)
		return COUNTRY_NOT_FOUND;
	return lookup_normalized(norm, key);
}

static bool
is_bare_name(const char *normalized)
{
	for (size_t i = 0; i < country_bare_name_count; i++)
		if (strcmp(country_bare_names[i], normalized) == 0)
			return true;
	return false;
}

/* Is successor one of the successor states of the former country former? */
static bool
succeeds(CountryKey successor, CountryKey former)
{
	const CountryRecord *r = country_record(former);

	for (size_t i = 0; r != NULL && i < r->successor_count; i++)
		if (r->successors[i] == successor)
			return true;
	return false;
}

/*
 * "<name> (<qualifier>)": the country of the name, unless the qualifier names
 * another country (one the name's country did not succeed) or the name is one
 * that never takes a qualifier ("Congo").  The qualifier is read as a name
 * only: "Saint Martin (FR)" names the sovereign by its code.
 */
static bool
lookup_qualified(const char *str, size_t len, CountryKey *key)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	const char *outer = str;
	size_t		open = len - 1,
				outer_len;
	int			depth = 0;
	CountryKey	named,
				qualifier;
	CountryLookupStatus status;

	if (len < 4 || str[len - 1] != ')')
		return false;
	/* the parenthesis that opens the last group, nested ones included */
	for (; open > 0; open--)
	{
		if (str[open] == ')')
			depth++;
		else if (str[open] == '(' && --depth == 0)
			break;
	}
	if (depth != 0 || open == 0)
		return false;
	outer_len = open;
	country_trim(&outer, &outer_len);
	if (outer_len == 0 || lookup_name(outer, outer_len, &named, norm) != COUNTRY_FOUND || is_bare_name(norm))
		return false;
	status = lookup_name(str + open + 1, len - open - 2, &qualifier, norm);
	if (status == COUNTRY_AMBIGUOUS)
		return false;
	if (status == COUNTRY_FOUND && qualifier != named && !succeeds(named, qualifier))
		return false;
	*key = named;
	return true;
}

/* "<name>/<name>/...": the one country every part names ("Burma/Myanmar"). */
static bool
lookup_slashed(const char *str, size_t len, CountryKey *key)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	const char *end = str + len;
	CountryKey	found = COUNTRY_KEY_INVALID;
	int			parts = 0;

	if (memchr(str, '/', len) == NULL)
		return false;
	while (str <= end)
	{
		const char *slash = memchr(str, '/', (size_t) (end - str));
		const char *part = str;
		size_t		part_len = (size_t) ((slash ? slash : end) - str);
		CountryKey	k;

		country_trim(&part, &part_len);
		if (part_len == 0 || lookup_name(part, part_len, &k, norm) != COUNTRY_FOUND ||
			(found != COUNTRY_KEY_INVALID && k != found))
			return false;
		found = k;
		parts++;
		if (slash == NULL)
			break;
		str = slash + 1;
	}
	if (parts < 2)
		return false;
	*key = found;
	return true;
}

CountryLookupStatus
country_lookup(const char *str, size_t len, CountryKey *key)
{
	char		norm[COUNTRY_NORM_BUFSIZE];

	if (str == NULL)
		return COUNTRY_EMPTY;
	country_trim(&str, &len);
	if (len == 0)
		return COUNTRY_EMPTY;
	if (len > COUNTRY_INPUT_MAX)
		return COUNTRY_TOO_LONG;
	if (lookup_trimmed_code(str, len, key) != CCODE_NONE)
		return COUNTRY_FOUND;

	if (country_normalize(str, len, norm, sizeof(norm)) < sizeof(norm))
	{
		CountryLookupStatus status = lookup_normalized(norm, key);

		if (status != COUNTRY_NOT_FOUND)
			return status;
		if (country_is_placeholder(norm))
			return COUNTRY_EMPTY;
	}
	if (lookup_qualified(str, len, key) || lookup_slashed(str, len, key))
		return COUNTRY_FOUND;
	return COUNTRY_NOT_FOUND;
}

bool
country_key_to_code(CountryKey key, char buf[COUNTRY_CODE_BUFSIZE])
{
	const CountryRecord *r = country_record(key);
	unsigned	b26;

	if (r == NULL)
		return false;
	if (!country_key_is_known(key))
	{
		/* a renamed State's own key, which rows stored earlier may hold, prints as its successor */
		if (r->renamed_to == COUNTRY_KEY_INVALID || (r = country_record(r->renamed_to)) == NULL)
			return false;
		key = r->key;
	}
	if (key >= COUNTRY_KEY_M49_BASE)
	{
		unsigned	n = key - COUNTRY_KEY_M49_BASE;

		buf[0] = (char) ('0' + n / 100);
		buf[1] = (char) ('0' + n / 10 % 10);
		buf[2] = (char) ('0' + n % 10);
		buf[3] = '\0';
		return true;
	}
	if (key >= COUNTRY_KEY_FORMER_BASE)
	{
		/* a former alpha-3 now worn by a current country (ATF) prints as its alpha-4 */
		CountryKey	current = (CountryKey) (key - COUNTRY_KEY_FORMER_BASE + COUNTRY_KEY_CURRENT_BASE);

		if (key_bit(current) && r->alpha4[0] != '\0')
		{
			memcpy(buf, r->alpha4, 5);
			return true;
		}
	}
	else if (r->alpha3[0] == '\0')
		return false;
	b26 = key - (country_key_is_former(key) ? COUNTRY_KEY_FORMER_BASE : COUNTRY_KEY_CURRENT_BASE);
	buf[0] = (char) ('A' + b26 / 676);
	buf[1] = (char) ('A' + b26 / 26 % 26);
	buf[2] = (char) ('A' + b26 % 26);
	buf[3] = '\0';
	return true;
}

/* bsearch() comparator: an M49 code (unsigned) against an M49Area */
static int
compare_m49_code(const void *key, const void *row)
{
	unsigned	a = *(const unsigned *) key;
	unsigned	b = ((const M49Area *) row)->code;

	return (a > b) - (a < b);
}

const M49Area *
country_m49_area(unsigned code)
{
	return bsearch(&code, m49_areas, m49_area_count, sizeof(M49Area), compare_m49_code);
}

/* what country_scheme_row looks for: the table is sorted by scheme, then code */
typedef struct SchemeCodeKey
{
	CountryScheme scheme;
	const char *code;
} SchemeCodeKey;

static int
compare_scheme_code(const void *key, const void *row)
{
	const SchemeCodeKey *k = key;
	const CountrySchemeCode *r = row;

	if (k->scheme != (CountryScheme) r->scheme)
		return k->scheme < (CountryScheme) r->scheme ? -1 : 1;
	return strcmp(k->code, r->code);
}

const CountrySchemeCode *
country_scheme_row(CountryScheme scheme, const char *code, size_t len)
{
	char		upper[sizeof(((CountrySchemeCode *) 0)->code)];
	SchemeCodeKey want;

	country_trim(&code, &len);
	if (country_scheme_is_numeric(scheme))
	{
		/* numbers are stored without leading zeros */
		while (len > 1 && code[0] == '0')
			code++, len--;
	}
	if (len == 0 || len >= sizeof(upper))
		return NULL;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) code[i];

		if (c == '\0')
			return NULL;
		upper[i] = (char) ((c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c);
	}
	upper[len] = '\0';
	want.scheme = scheme;
	want.code = upper;
	return bsearch(&want, country_scheme_codes, country_scheme_code_count, sizeof(CountrySchemeCode),
				   compare_scheme_code);
}

bool
country_by_scheme_code(CountryScheme scheme, const char *code, size_t len, CountryKey *key)
{
	const CountrySchemeCode *row = country_scheme_row(scheme, code, len);

	if (row == NULL || row->key == COUNTRY_KEY_INVALID)
		return false;
	*key = row->key;
	return true;
}

const char *
country_scheme_code(CountryScheme scheme, CountryKey key)
{
	for (size_t i = 0; i < country_scheme_code_count; i++)
		if (country_scheme_codes[i].scheme == scheme && country_scheme_codes[i].key == key &&
			country_scheme_codes[i].canonical)
			return country_scheme_codes[i].code;
	return NULL;
}
