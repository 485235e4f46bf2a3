/*
 * country_errors.c — turning a failed country lookup into an error a person
 * can act on.  Runs only when input fails, so it may normalize, scan and
 * allocate freely.
 */
#include "compat.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"

#include "country_int.h"
#include "country_lookup.h"

/* Inputs are echoed in messages up to this many bytes. */
#define SHOWN_INPUT_MAX		100

/* How many near names a "Did you mean" hint offers, and how near they must be. */
#define SUGGESTIONS			3
#define SUGGESTION_MIN_SCORE 0.5
/* ... and how much worse than the best one a suggestion may be */
#define SUGGESTION_SPREAD	0.15

static char *
shown_input(const char *str, size_t len)
{
	int			cut;

	if (len <= SHOWN_INPUT_MAX)
		return pnstrdup(str, len);
	cut = pg_mbcliplen(str, (int) len, SHOWN_INPUT_MAX);
	return psprintf("%s...", pnstrdup(str, cut));
}

/* "ABC (Name)" for hints: the canonical code and English name of key. */
static char *
code_and_name(CountryKey key)
{
	char		code[COUNTRY_CODE_BUFSIZE];
	const CountryRecord *r = country_record(key);

	if (r == NULL || !country_key_to_code(key, code))
		return psprintf("%u", (unsigned) key);
	return psprintf("%s (%s)", code, r->name_en ? r->name_en : "?");
}

/* Append "a", "a or b", "a, b or c" ... : item i of n. */
static void
append_listed(StringInfo buf, size_t i, size_t n, const char *item)
{
	if (i > 0)
		appendStringInfoString(buf, i + 1 == n ? " or " : ", ");
	appendStringInfoString(buf, item);
}

static char *
ambiguous_hint(const char *shown, const char *str, size_t len)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	size_t		first,
				count,
				distinct,
				listed = 0;
	StringInfoData buf;

	country_normalize(str, len, norm, sizeof(norm));
	country_names_matching(norm, &first, &count);
	distinct = country_names_distinct_keys(first, count);
	initStringInfo(&buf);
	appendStringInfo(&buf, "\"%s\" could be ", shown);
	for (size_t i = first; i < first + count; i++)
		if (i == first || country_names[i].key != country_names[i - 1].key)
			append_listed(&buf, listed++, distinct, code_and_name(country_names[i].key));
	appendStringInfoChar(&buf, '.');
	return buf.data;
}

static char *
did_you_mean(const char *str, size_t len)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	CountryFuzzyMatch best[SUGGESTIONS];
	size_t		n;
	StringInfoData buf;

	country_normalize(str, len, norm, sizeof(norm));
	n = country_fuzzy(norm, COUNTRY_KEY_INVALID, SUGGESTION_MIN_SCORE, best, SUGGESTIONS);
	if (n == 0)
		return NULL;
	while (n > 1 && best[n - 1].score < best[0].score - SUGGESTION_SPREAD)
		n--;
	initStringInfo(&buf);
	appendStringInfoString(&buf, "Did you mean ");
	for (size_t i = 0; i < n; i++)
	{
		const CountryRecord *r = country_record(best[i].key);

		append_listed(&buf, i, n, psprintf("\"%s\"", r && r->name_en ? r->name_en : "?"));
	}
	appendStringInfoChar(&buf, '?');
	return buf.data;
}

/* "the world", "a region", "an intermediate region" ... */
static char *
m49_level_with_article(uint8_t level)
{
	const char *label = country_m49_level_label(level);

	if (level == 0)
		return psprintf("the %s", label);
	return psprintf("%s %s", strchr("aeiou", label[0]) ? "an" : "a", label);
}

/* Why a number is not a country; NULL when it is simply unassigned. */
static char *
numeric_detail(int number)
{
	const M49Area *area = country_m49_area((unsigned) number);

	if (area != NULL)
		return psprintf("%03d is the M49 code of %s (%s), not of a country.",
						number, area->name_en, m49_level_with_article(area->level));
	if (number >= 900 && number <= 999)
		return psprintf("%03d is an M49 aggregate code: codes 900 and above are groupings of countries "
						"(development and income groups), not countries.", number);
	return psprintf("No country has the ISO 3166-1 numeric or M49 code %03d.", number);
}

/* A 2-letter code that only a former country had (CS, SU, YU, DD): list them. */
static char *
withdrawn_alpha2_detail(const char *str, size_t len)
{
	StringInfoData buf;
	size_t		found = 0;
	char		upper[3];

	if (len != 2)
		return NULL;
	upper[0] = (char) pg_ascii_toupper((unsigned char) str[0]);
	upper[1] = (char) pg_ascii_toupper((unsigned char) str[1]);
	upper[2] = '\0';
	initStringInfo(&buf);
	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];

		if (!country_key_is_former(r->key) || strcmp(r->alpha2, upper) != 0)
			continue;
		appendStringInfoString(&buf, found++ ? " and " : "");
		appendStringInfoString(&buf, code_and_name(r->key));
	}
	if (found == 0)
		return NULL;
	return psprintf("%s is a withdrawn ISO 3166-1 alpha-2 code, formerly used by %s.", upper, buf.data);
}

/* Two or three letters, or only digits: meant as a code, so name suggestions would be noise. */
static bool
is_code_shaped(const char *str, size_t len)
{
	bool		letters = true,
				digits = true;

	for (size_t i = 0; i < len; i++)
	{
		letters &= (str[i] >= 'A' && str[i] <= 'Z') || (str[i] >= 'a' && str[i] <= 'z');
		digits &= (str[i] >= '0' && str[i] <= '9');
	}
	return len > 0 && ((letters && len <= 3) || digits);
}

bool
country_report_input_error(CountryLookupStatus status, const char *str, size_t len,
						   struct Node *escontext)
{
	const char *trimmed = str;
	size_t		tlen = len;
	char	   *shown = shown_input(str, len);
	char	   *detail = NULL;
	char	   *hint = NULL;
	int			number;

	country_trim(&trimmed, &tlen);
	switch (status)
	{
		case COUNTRY_FOUND:
			elog(ERROR, "country_report_input_error called for a found country");
			break;
		case COUNTRY_EMPTY:
			detail = tlen == 0 ? pstrdup("An empty or blank string is not a country.")
				: psprintf("\"%s\" is a placeholder for a missing value.", shown_input(trimmed, tlen));
			hint = pstrdup("Use NULL for a missing country.");
			break;
		case COUNTRY_TOO_LONG:
			detail = psprintf("The input is %zu bytes long, longer than any country name.", len);
			break;
		case COUNTRY_AMBIGUOUS:
			detail = psprintf("\"%s\" is a name of more than one country.", shown_input(trimmed, tlen));
			hint = ambiguous_hint(shown_input(trimmed, tlen), trimmed, tlen);
			break;
		case COUNTRY_NOT_FOUND:
			if ((number = country_parse_number(trimmed, tlen)) >= 0)
			{
				detail = numeric_detail(number);
				if (country_m49_area((unsigned) number) != NULL || (number >= 900 && number <= 999))
					hint = pstrdup("iscm.m49_regions lists the M49 regions; iscm.region_code(), iscm.subregion_code() "
								   "and iscm.intermediate_region_code() place a country in them.");
			}
			else if ((detail = withdrawn_alpha2_detail(trimmed, tlen)) != NULL)
				hint = pstrdup("Use the alpha-3 or alpha-4 code of the former country, or the code of its successor.");
			else if (is_code_shaped(trimmed, tlen))
			{
				detail = psprintf("No country has the code \"%s\".", shown_input(trimmed, tlen));
				hint = pstrdup("Codes are read as ISO 3166-1 alpha-2, alpha-3 or numeric codes (or ISO 3166-3 alpha-4); "
							   "iscm.country_from_code(code, scheme) reads COW and Eurostat codes.");
			}
			else
				hint = did_you_mean(trimmed, tlen);
			if (hint == NULL)
				hint = pstrdup("Expected an ISO 3166 alpha-2, alpha-3 or numeric code, or a country name in English, "
							   "French or Spanish; iscm.country_candidates() lists near matches.");
			break;
	}
	/* everything above is UTF-8, like the tables; messages are in the database encoding */
	ISCM_INPUT_ERROR(escontext, false,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", "country", country_utf8_to_server(shown)),
					 detail ? errdetail_internal("%s", country_utf8_to_server(detail)) : 0,
					 hint ? errhint("%s", country_utf8_to_server(hint)) : 0);
}

void
country_report_bad_numeric(int32 code)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("no country has numeric code %d", code),
			(code >= 0 && code < 1000) ? errdetail_internal("%s", numeric_detail(code)) : 0,
			errhint("Integers are read as ISO 3166-1 numeric / M49 codes; use iscm.country_from_code() for other schemes such as COW."));
}
