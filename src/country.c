/*
 * country.c — the iscm.country type: text and binary I/O, the output setting,
 * and casts.  Lookups themselves live in the pure-C files (country_lookup.c,
 * country_normalize.c, country_fuzzy.c); this file turns their statuses into
 * the errors users see (country_errors.c builds the messages).
 */
#include "compat.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#include "country.h"
#include "country_encoding.h"
#include "country_errors.h"
#include "country_lookup.h"

/* iscm.country_output */
typedef enum CountryOutputStyle
{
	COUNTRY_OUTPUT_ALPHA3,
	COUNTRY_OUTPUT_ALPHA2,
	COUNTRY_OUTPUT_NUMERIC,
	COUNTRY_OUTPUT_NAME
} CountryOutputStyle;

static const struct config_enum_entry country_output_options[] = {
	{"alpha3", COUNTRY_OUTPUT_ALPHA3, false},
	{"alpha2", COUNTRY_OUTPUT_ALPHA2, false},
	{"numeric", COUNTRY_OUTPUT_NUMERIC, false},
	{"name", COUNTRY_OUTPUT_NAME, false},
	{NULL, 0, false}
};

static int	country_output_style = COUNTRY_OUTPUT_ALPHA3;

void
country_define_gucs(void)
{
	DefineCustomEnumVariable("iscm.country_output",
							 "Text form of iscm.country values.",
							 "alpha3 (default), alpha2, numeric or name (English short name). "
							 "Every form reads back as the same country; a value with no code "
							 "in the chosen form prints its alpha-3 (alpha-4, M49) code.",
							 &country_output_style,
							 COUNTRY_OUTPUT_ALPHA3,
							 country_output_options,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
}

/* ---- text input --------------------------------------------------------- */

/* Shared by country_in, the text cast and country_from_cstring(). */
static bool
country_parse(const char *str, size_t len, CountryKey *result, struct Node *escontext)
{
	CountryLookupStatus status;

	country_server_to_utf8(&str, &len);
	status = country_lookup(str, len, result);
	if (status == COUNTRY_FOUND)
		return true;
	return country_report_input_error(status, str, len, escontext);
}

bool
country_from_cstring(const char *str, CountryKey *result, struct Node *escontext)
{
	return country_parse(str, strlen(str), result, escontext);
}

PG_FUNCTION_INFO_V1(country_in);
Datum
country_in(PG_FUNCTION_ARGS)
{
	const char *str = PG_GETARG_CSTRING(0);
	CountryKey	key;

	if (!country_parse(str, strlen(str), &key, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_COUNTRY(key);
}

/* text -> country without the cstring copy of an I/O conversion cast */
PG_FUNCTION_INFO_V1(country_from_text);
Datum
country_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	CountryKey	key;

	country_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &key, NULL);
	PG_RETURN_COUNTRY(key);
}

/* iscm.try_country(text): NULL instead of an error, for data cleaning */
PG_FUNCTION_INFO_V1(country_try);
Datum
country_try(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *str = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	CountryKey	key;

	country_server_to_utf8(&str, &len);
	if (country_lookup(str, len, &key) != COUNTRY_FOUND)
		PG_RETURN_NULL();
	PG_RETURN_COUNTRY(key);
}

/* ---- text output -------------------------------------------------------- */

static char *
canonical_code(CountryKey key)
{
	char	   *buf = palloc(COUNTRY_CODE_BUFSIZE);

	if (!country_key_to_code(key, buf))
		elog(ERROR, "iscm.country value with unknown key %u", (unsigned) key);
	return buf;
}

/* The English name, when it reads back as this very country. */
static const char *
round_trip_name(const CountryRecord *r)
{
	CountryKey	back;

	if (r->name_en == NULL)
		return NULL;
	if (country_lookup(r->name_en, strlen(r->name_en), &back) != COUNTRY_FOUND || back != r->key)
		return NULL;
	return r->name_en;
}

char *
country_to_cstring(CountryKey key)
{
	const CountryRecord *r = country_record(key);
	bool		current = key < COUNTRY_KEY_FORMER_BASE;
	const char *name;

	if (r == NULL || !country_key_is_known(key))
		elog(ERROR, "iscm.country value with unknown key %u", (unsigned) key);

	switch ((CountryOutputStyle) country_output_style)
	{
		case COUNTRY_OUTPUT_ALPHA3:
			break;
		case COUNTRY_OUTPUT_ALPHA2:
			/* former alpha-2 codes were reused (CS, GE, SK): those print alpha-4 */
			if (current && r->alpha2[0] != '\0')
				return pstrdup(r->alpha2);
			break;
		case COUNTRY_OUTPUT_NUMERIC:
			if (!current && key < COUNTRY_KEY_M49_BASE)
				break;			/* former numerics were reused too */
			if (r->numeric != 0 && country_by_numeric(r->numeric) == r)
				return psprintf("%03u", (unsigned) r->numeric);
			break;
		case COUNTRY_OUTPUT_NAME:
			if ((name = round_trip_name(r)) != NULL)
				return pstrdup(country_utf8_to_server(name));
			break;
	}
	return canonical_code(key);
}

PG_FUNCTION_INFO_V1(country_out);
Datum
country_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(country_to_cstring(PG_GETARG_COUNTRY(0)));
}

PG_FUNCTION_INFO_V1(country_to_text);
Datum
country_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(country_to_cstring(PG_GETARG_COUNTRY(0))));
}

/* ---- binary I/O: the 16-bit key ----------------------------------------- */

PG_FUNCTION_INFO_V1(country_recv);
Datum
country_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	CountryKey	key = (CountryKey) pq_getmsgint(buf, 2);

	if (!country_key_is_known(key))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary value for type country: unknown key %u", (unsigned) key),
				errdetail("The binary form of a country is its 16-bit key; this release knows no country with that key."));
	PG_RETURN_COUNTRY(key);
}

PG_FUNCTION_INFO_V1(country_send);
Datum
country_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PG_GETARG_COUNTRY(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- numeric casts ------------------------------------------------------ */

PG_FUNCTION_INFO_V1(country_from_int4);
Datum
country_from_int4(PG_FUNCTION_ARGS)
{
	int32		code = PG_GETARG_INT32(0);
	const CountryRecord *r = (code > 0 && code < 1000) ? country_by_numeric((unsigned) code) : NULL;
	CountryKey	key;

	if (r != NULL)
		PG_RETURN_COUNTRY(r->key);
	/* as text input does: 983 is Kosovo (CLDR) */
	if (code > 0 && code < 1000 && country_by_numeric_alias((unsigned) code, &key))
		PG_RETURN_COUNTRY(key);
	country_report_bad_numeric(code);
	PG_RETURN_COUNTRY(COUNTRY_KEY_INVALID);	/* not reached */
}

PG_FUNCTION_INFO_V1(country_to_int4);
Datum
country_to_int4(PG_FUNCTION_ARGS)
{
	CountryKey	key = PG_GETARG_COUNTRY(0);
	const CountryRecord *r = country_record(key);

	if (r == NULL || r->numeric == 0 || country_by_numeric(r->numeric) != r)
	{
		char		code[COUNTRY_CODE_BUFSIZE];

		if (!country_key_to_code(key, code))
			elog(ERROR, "iscm.country value with unknown key %u", (unsigned) key);
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("country %s has no numeric code of its own", code),
				key >= COUNTRY_KEY_FORMER_BASE && key < COUNTRY_KEY_M49_BASE ?
				errdetail("Numeric codes of former countries were reused by their successors; a former country is identified by its alpha-3 or alpha-4 code.") :
				errdetail("It has no ISO 3166-1 numeric or M49 code."),
				errhint("iscm.numeric_code() returns NULL instead of failing."));
	}
	PG_RETURN_INT32((int32) r->numeric);
}
