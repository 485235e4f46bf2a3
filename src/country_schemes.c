/*
 * country_schemes.c — codes in a named scheme: iscm.country_from_code() and
 * iscm.country_code(), plus iscm.normalize_country_name().
 *
 * Without a scheme, input accepts only ISO codes (and a few unambiguous
 * aliases).  Schemes whose codes collide with ISO — Correlates of War numbers
 * and letters (COW AUS is Austria), Eurostat geo codes — are read only here,
 * where the caller says which one is meant.
 */
#include "compat.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "country.h"
#include "country_encoding.h"
#include "country_errors.h"
#include "country_lookup.h"

typedef enum SchemeId
{
	SCHEME_ALPHA2,
	SCHEME_ALPHA3,
	SCHEME_ALPHA4,
	SCHEME_NUMERIC,
	SCHEME_M49,
	SCHEME_COW,
	SCHEME_COW_LETTER,
	SCHEME_EUROSTAT
} SchemeId;

static const struct
{
	const char *name;
	SchemeId	id;
}			schemes[] = {
	{"alpha2", SCHEME_ALPHA2},
	{"alpha3", SCHEME_ALPHA3},
	{"alpha4", SCHEME_ALPHA4},
	{"numeric", SCHEME_NUMERIC},
	{"m49", SCHEME_M49},
	{"cow", SCHEME_COW},
	{"cow_letter", SCHEME_COW_LETTER},
	{"eurostat", SCHEME_EUROSTAT},
};

#define SCHEME_LIST "alpha2, alpha3, alpha4, numeric, m49, cow, cow_letter, eurostat"

static SchemeId
scheme_from_text(text *t)
{
	char	   *name = text_to_cstring(t);

	for (size_t i = 0; i < lengthof(schemes); i++)
		if (pg_strcasecmp(name, schemes[i].name) == 0)
			return schemes[i].id;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown country code scheme \"%s\"", name),
			errhint("Known schemes: " SCHEME_LIST "."));
	pg_unreachable();
}

static CountryScheme
data_scheme(SchemeId id)
{
	switch (id)
	{
		case SCHEME_COW:
			return CSCHEME_COW_NUMERIC;
		case SCHEME_COW_LETTER:
			return CSCHEME_COW_LETTER;
		default:
			return CSCHEME_EUROSTAT;
	}
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
	if (r != NULL && !m49 && r->key >= COUNTRY_KEY_FORMER_BASE)
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

PG_FUNCTION_INFO_V1(country_from_code);
Datum
country_from_code(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	SchemeId	scheme = scheme_from_text(PG_GETARG_TEXT_PP(1));
	const char *code = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	const CountryRecord *r = NULL;
	CountryKey	key;

	country_trim(&code, &len);
	switch (scheme)
	{
		case SCHEME_ALPHA2:
			r = country_by_alpha2(code, len);
			break;
		case SCHEME_ALPHA3:
			r = country_by_alpha3(code, len);
			break;
		case SCHEME_ALPHA4:
			r = country_by_alpha4(code, len);
			break;
		case SCHEME_NUMERIC:
			r = iso_numeric(code, len, false);
			break;
		case SCHEME_M49:
			r = iso_numeric(code, len, true);
			break;
		case SCHEME_COW:
		case SCHEME_COW_LETTER:
		case SCHEME_EUROSTAT:
			if (country_by_scheme_code(data_scheme(scheme), code, len, &key))
				r = country_record(key);
			break;
	}
	if (r == NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("no country has %s code \"%s\"", schemes[scheme].name, pnstrdup(code, len)));
	PG_RETURN_COUNTRY(r->key);
}

/* The code of key in a scheme, when it reads back through country_from_code(); NULL otherwise. */
static char *
code_in_scheme(CountryKey key, SchemeId scheme)
{
	const CountryRecord *r = country_record(key);
	bool		current = key < COUNTRY_KEY_FORMER_BASE;
	const char *code;

	if (r == NULL)
		return NULL;
	switch (scheme)
	{
		case SCHEME_ALPHA2:
			return current && r->alpha2[0] ? pstrdup(r->alpha2) : NULL;
		case SCHEME_ALPHA3:
			return r->alpha3[0] && country_by_alpha3(r->alpha3, 3) == r ? pstrdup(r->alpha3) : NULL;
		case SCHEME_ALPHA4:
			return r->alpha4[0] ? pstrdup(r->alpha4) : NULL;
		case SCHEME_NUMERIC:
			return current && r->numeric && country_by_numeric(r->numeric) == r ?
				psprintf("%03u", (unsigned) r->numeric) : NULL;
		case SCHEME_M49:
			return (current || key >= COUNTRY_KEY_M49_BASE) && r->numeric &&
				country_by_numeric(r->numeric) == r ? psprintf("%03u", (unsigned) r->numeric) : NULL;
		case SCHEME_COW:
		case SCHEME_COW_LETTER:
		case SCHEME_EUROSTAT:
			code = country_scheme_code(data_scheme(scheme), key);
			return code ? pstrdup(code) : NULL;
	}
	return NULL;
}

PG_FUNCTION_INFO_V1(country_code);
Datum
country_code(PG_FUNCTION_ARGS)
{
	CountryKey	key = PG_GETARG_COUNTRY(0);
	SchemeId	scheme = scheme_from_text(PG_GETARG_TEXT_PP(1));
	char	   *code = code_in_scheme(key, scheme);

	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}

PG_FUNCTION_INFO_V1(country_normalize_name);
Datum
country_normalize_name(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *src = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	char		probe[1];
	size_t		need;
	char	   *buf;

	country_server_to_utf8(&src, &len);
	need = country_normalize(src, len, probe, sizeof(probe));
	buf = palloc(need + 1);
	country_normalize(src, len, buf, need + 1);
	PG_RETURN_DATUM(country_utf8_text_datum(buf));
}
