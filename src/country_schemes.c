/*
 * country_schemes.c — codes in a named scheme: iscm.country_from_code() and
 * iscm.country_code(), plus iscm.normalize_country_name().
 *
 * Without a scheme, input accepts only ISO codes (and a few unambiguous
 * aliases).  Schemes whose codes collide with ISO — Correlates of War and
 * Gleditsch-Ward numbers and letters (COW AUS is Austria), Eurostat geo codes,
 * the data producers' own codes (UNHCR, IMF, FAO, IOC, FIPS 10-4, GENC, World
 * Bank, DHS) — are read only here, where the caller says which one is meant.
 */
#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "country_int.h"
#include "country_lookup.h"

/*
 * The schemes a caller can name: the collision-prone ones whose codes are
 * tables of their own (CountryScheme, 0 .. CSCHEME_COUNT - 1, named by
 * country_scheme_names), and the ISO ones read from country_records,
 * numbered after them.  An int holds either.
 */
typedef enum IsoScheme
{
	ISO_ALPHA2 = CSCHEME_COUNT,
	ISO_ALPHA3,
	ISO_ALPHA4,
	ISO_NUMERIC,
	ISO_M49,
	SCHEME_COUNT
} IsoScheme;

static const char *const iso_scheme_names[] = {"alpha2", "alpha3", "alpha4", "numeric", "m49"};

StaticAssertDecl(lengthof(iso_scheme_names) == SCHEME_COUNT - CSCHEME_COUNT,
				 "one name for every ISO scheme");

static const char *
scheme_name(int scheme)
{
	return scheme < CSCHEME_COUNT ? country_scheme_names[scheme] : iso_scheme_names[scheme - CSCHEME_COUNT];
}

/* "alpha2, alpha3, ..., eurostat": the ISO schemes first, as the docs list them. */
static char *
scheme_list(void)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (size_t i = 0; i < lengthof(iso_scheme_names); i++)
		appendStringInfo(&buf, "%s, ", iso_scheme_names[i]);
	for (int i = 0; i < CSCHEME_COUNT; i++)
		appendStringInfo(&buf, "%s%s", country_scheme_names[i], i + 1 < CSCHEME_COUNT ? ", " : "");
	return buf.data;
}

/* The scheme called name (any case); 22023 when there is none. */
static int
scheme_from_name(const char *name)
{
	for (int scheme = 0; scheme < SCHEME_COUNT; scheme++)
		if (pg_strcasecmp(name, scheme_name(scheme)) == 0)
			return scheme;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown country code scheme \"%s\"", name),
			errhint("Known schemes: %s.", scheme_list()));
	pg_unreachable();
}

static const CountryRecord *
iso_numeric(const char *code, size_t len, bool m49)
{
	int			number;
	const CountryRecord *r;

	country_trim(&code, &len);
	number = country_parse_number(code, len);
	if (number <= 0)
		return NULL;
	r = country_by_numeric((unsigned) number);
	if (r != NULL && !m49 && !country_key_is_current(r->key))
		return NULL;			/* Channel Islands, Sark: M49 only */
	if (r == NULL && m49 && country_m49_area((unsigned) number) != NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("M49 code %03d is a region, not a country", number),
				errdetail("%s is the M49 code of %s.", pnstrdup(code, len),
						  country_m49_area((unsigned) number)->name_en),
				errhint("iscm.m49_regions lists the regions; iscm.region_code() and its siblings give a country's regions."));
	return r;
}

/*
 * A code that exists in a producer's scheme but names no country (UNHCR STA
 * "Stateless", TIB "Tibetan"; GW 245 Bavaria): an error that says so.
 */
static void
report_code_without_country(CountryScheme scheme, const char *code, size_t len)
{
	const CountrySchemeCode *row = country_scheme_row(scheme, code, len);

	if (row == NULL || row->key != COUNTRY_KEY_INVALID)
		return;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("%s code \"%s\" names no country", country_scheme_names[scheme], pnstrdup(code, len)),
			row->label ?
			errdetail("It is the %s code of \"%s\", which exists in that scheme only.", country_scheme_names[scheme],
					  country_utf8_to_server(row->label)) :
			errdetail("It exists in that scheme only."),
			errhint("Keep such rows apart (or NULL) when joining on iscm.country."));
}

PG_FUNCTION_INFO_V1(country_from_code);
Datum
country_from_code(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	int			scheme = scheme_from_name(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	const char *code = VARDATA_ANY(arg);
	size_t		len = VARSIZE_ANY_EXHDR(arg);
	const CountryRecord *r = NULL;
	CountryKey	key;

	country_trim(&code, &len);
	switch (scheme)
	{
		case ISO_ALPHA2:
			r = country_by_alpha2(code, len);
			break;
		case ISO_ALPHA3:
			r = country_by_alpha3(code, len);
			break;
		case ISO_ALPHA4:
			r = country_by_alpha4(code, len);
			break;
		case ISO_NUMERIC:
			r = iso_numeric(code, len, false);
			break;
		case ISO_M49:
			r = iso_numeric(code, len, true);
			break;
		default:
			if (country_by_scheme_code((CountryScheme) scheme, code, len, &key))
				r = country_record(key);
			else
				report_code_without_country((CountryScheme) scheme, code, len);
			break;
	}
	if (r == NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("no country has %s code \"%s\"", scheme_name(scheme), pnstrdup(code, len)));
	PG_RETURN_COUNTRY(r->key);
}

/* The code of key in a scheme, when it reads back through country_from_code(); NULL otherwise. */
static char *
code_in_scheme(CountryKey key, int scheme)
{
	const CountryRecord *r = country_record(key);
	bool		current = country_key_is_current(key);
	const char *code;

	if (r == NULL)
		return NULL;
	switch (scheme)
	{
		case ISO_ALPHA2:
			return current && r->alpha2[0] ? pstrdup(r->alpha2) : NULL;
		case ISO_ALPHA3:
			return r->alpha3[0] && country_by_alpha3(r->alpha3, 3) == r ? pstrdup(r->alpha3) : NULL;
		case ISO_ALPHA4:
			return r->alpha4[0] ? pstrdup(r->alpha4) : NULL;
		case ISO_NUMERIC:
			return current && r->numeric && country_by_numeric(r->numeric) == r ?
				psprintf("%03u", (unsigned) r->numeric) : NULL;
		case ISO_M49:
			return !country_key_is_former(key) && r->numeric &&
				country_by_numeric(r->numeric) == r ? psprintf("%03u", (unsigned) r->numeric) : NULL;
		default:
			code = country_scheme_code((CountryScheme) scheme, key);
			return code ? pstrdup(code) : NULL;
	}
}

PG_FUNCTION_INFO_V1(country_code);
Datum
country_code(PG_FUNCTION_ARGS)
{
	CountryKey	key = PG_GETARG_COUNTRY(0);
	int			scheme = scheme_from_name(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	char	   *code = code_in_scheme(key, scheme);

	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}

PG_FUNCTION_INFO_V1(country_normalize_name);
Datum
country_normalize_name(PG_FUNCTION_ARGS)
{
	const char *src;
	size_t		len;
	char		probe[1];
	size_t		need;
	char	   *buf;

	country_text_to_utf8(PG_GETARG_TEXT_PP(0), &src, &len);
	need = country_normalize(src, len, probe, sizeof(probe));
	buf = palloc(need + 1);
	country_normalize(src, len, buf, need + 1);
	PG_RETURN_DATUM(country_utf8_text_datum(buf));
}
