/*
 * country.c — the iscm.country type: text and binary I/O, the output setting,
 * casts, comparison and hashing, and the conversions between the UTF-8 tables
 * and the database encoding.  Lookups themselves live in the pure-C files
 * (country_lookup.c, country_normalize.c, country_fuzzy.c); this file turns
 * their statuses into the errors users see (country_errors.c builds the
 * messages).
 */
#include "compat.h"

#include "catalog/namespace.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/sortsupport.h"

#include "country_int.h"
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

/* ---- encoding: the tables are UTF-8, a database may not be ---------------- */

/* A UTF-8 or SQL_ASCII database (bytes taken as they come) converts nothing. */
static inline bool
needs_conversion(void)
{
	int			enc = GetDatabaseEncoding();

	return enc != PG_UTF8 && enc != PG_SQL_ASCII;
}

const char *
country_utf8_to_server(const char *s)
{
	if (s == NULL || !needs_conversion())
		return s;
	return pg_any_to_server(s, (int) strlen(s), PG_UTF8);
}

bool
country_utf8_fits_server(const char *s)
{
	int			enc = GetDatabaseEncoding();
	int			len;
	Oid			proc;
	unsigned char *dst;
	int			done;

	if (s == NULL || !needs_conversion())
		return true;
	len = (int) strlen(s);
	for (int i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			break;
		else if (i + 1 == len)
			return true;
	proc = FindDefaultConversionProc(PG_UTF8, enc);
	if (!OidIsValid(proc))
		return false;
	dst = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
	/* noError: converts up to the first character the encoding lacks */
	done = pg_do_encoding_conversion_buf(proc, PG_UTF8, enc, (unsigned char *) s, len,
										 dst, len * MAX_CONVERSION_GROWTH + 1, true);
	pfree(dst);
	return done == len;
}

Datum
country_utf8_text_datum(const char *s)
{
	return CStringGetTextDatum(country_utf8_to_server(s));
}

void
country_server_to_utf8(const char **str, size_t *len)
{
	const char *s = *str;
	char	   *converted;

	if (!needs_conversion())
		return;
	for (size_t i = 0; i < *len; i++)
	{
		if ((unsigned char) s[i] >= 0x80)
		{
			/* pg_server_to_any wants a NUL-terminated string */
			converted = pg_server_to_any(pnstrdup(s, *len), (int) *len, PG_UTF8);
			*str = converted;
			*len = strlen(converted);
			return;
		}
	}
}

void
country_text_to_utf8(const text *arg, const char **str, size_t *len)
{
	*str = VARDATA_ANY(arg);
	*len = VARSIZE_ANY_EXHDR(arg);
	country_server_to_utf8(str, len);
}

/* ---- records: only corrupted data holds a key this release never made ------ */

static void
report_unknown_key(CountryKey key)
{
	elog(ERROR, "iscm.country value with unknown key %u", (unsigned) key);
}

const CountryRecord *
country_record_or_error(CountryKey key)
{
	const CountryRecord *r = country_record(key);

	if (r == NULL)
		report_unknown_key(key);
	return r;
}

void
country_code_or_error(CountryKey key, char buf[COUNTRY_CODE_BUFSIZE])
{
	if (!country_key_to_code(key, buf))
		report_unknown_key(key);
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
	const char *str;
	size_t		len;
	CountryKey	key;

	country_text_to_utf8(PG_GETARG_TEXT_PP(0), &str, &len);
	if (country_lookup(str, len, &key) != COUNTRY_FOUND)
		PG_RETURN_NULL();
	PG_RETURN_COUNTRY(key);
}

/* ---- text output -------------------------------------------------------- */

static char *
canonical_code(CountryKey key)
{
	char	   *buf = palloc(COUNTRY_CODE_BUFSIZE);

	country_code_or_error(key, buf);
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
	const CountryRecord *r = country_record_or_error(key);
	bool		current = country_key_is_current(key);
	const char *name;

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
	const CountryRecord *r;

	/* a renamed State's own key, which old binary data may hold, is its successor */
	if (!country_key_is_known(key) && (r = country_record(key)) != NULL && r->renamed_to != COUNTRY_KEY_INVALID)
		key = r->renamed_to;
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

		country_code_or_error(key, code);
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("country %s has no numeric code of its own", code),
				country_key_is_former(key) ?
				errdetail("Numeric codes of former countries were reused by their successors; a former country is identified by its alpha-3 or alpha-4 code.") :
				errdetail("It has no ISO 3166-1 numeric or M49 code."),
				errhint("iscm.numeric_code() returns NULL instead of failing."));
	}
	PG_RETURN_INT32((int32) r->numeric);
}

/*
 * ---- comparison and hashing ---------------------------------------------
 *
 * By key, so the order is that of country.h (current countries by alpha-3,
 * former ones by alpha-3, then the M49-only areas); it never depends on
 * iscm.country_output or on names.
 */

static inline int
key_cmp(CountryKey a, CountryKey b)
{
	return (a > b) - (a < b);
}

PG_FUNCTION_INFO_V1(country_eq);
Datum
country_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) == PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_ne);
Datum
country_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) != PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_lt);
Datum
country_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) < PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_le);
Datum
country_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) <= PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_gt);
Datum
country_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) > PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_ge);
Datum
country_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) >= PG_GETARG_COUNTRY(1));
}

PG_FUNCTION_INFO_V1(country_cmp);
Datum
country_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(key_cmp(PG_GETARG_COUNTRY(0), PG_GETARG_COUNTRY(1)));
}

static int
country_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return key_cmp(DatumGetCountryKey(a), DatumGetCountryKey(b));
}

PG_FUNCTION_INFO_V1(country_sortsupport);
Datum
country_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = country_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(country_hash);
Datum
country_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_COUNTRY(0));
}

PG_FUNCTION_INFO_V1(country_hash_extended);
Datum
country_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_COUNTRY(0), PG_GETARG_INT64(1));
}

/* Smaller / larger of two countries, for the min() and max() aggregates. */
PG_FUNCTION_INFO_V1(country_smaller);
Datum
country_smaller(PG_FUNCTION_ARGS)
{
	CountryKey	a = PG_GETARG_COUNTRY(0);
	CountryKey	b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(country_larger);
Datum
country_larger(PG_FUNCTION_ARGS)
{
	CountryKey	a = PG_GETARG_COUNTRY(0);
	CountryKey	b = PG_GETARG_COUNTRY(1);

	PG_RETURN_COUNTRY(a > b ? a : b);
}
