/*
 * country_info.c — what a country value knows about itself: codes, names in
 * English/French/Spanish, M49 regions, former-country facts.  All read the
 * generated tables, so they are IMMUTABLE within a release of iscm.
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "country.h"
#include "country_encoding.h"
#include "country_info.h"
#include "country_lookup.h"

const CountryRecord *
country_record_or_error(CountryKey key)
{
	const CountryRecord *r = country_record(key);

	if (r == NULL)
		elog(ERROR, "iscm.country value with unknown key %u", (unsigned) key);
	return r;
}

const char *
country_m49_name(uint16_t code)
{
	const M49Area *area = code ? country_m49_area(code) : NULL;

	return area ? area->name_en : NULL;
}

#define RETURN_TEXT_OR_NULL(s) \
	do { \
		const char *s_ = (s); \
		if (s_ == NULL || s_[0] == '\0') \
			PG_RETURN_NULL(); \
		PG_RETURN_DATUM(country_utf8_text_datum(s_)); \
	} while (0)

#define RETURN_CODE_OR_NULL(c) \
	do { \
		uint16_t c_ = (c); \
		if (c_ == 0) \
			PG_RETURN_NULL(); \
		PG_RETURN_INT32((int32) c_); \
	} while (0)

#define COUNTRY_ARG_RECORD() country_record_or_error(PG_GETARG_COUNTRY(0))

PG_FUNCTION_INFO_V1(country_alpha2);
Datum
country_alpha2(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->alpha2);
}

PG_FUNCTION_INFO_V1(country_alpha3);
Datum
country_alpha3(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->alpha3);
}

PG_FUNCTION_INFO_V1(country_alpha4);
Datum
country_alpha4(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->alpha4);
}

PG_FUNCTION_INFO_V1(country_numeric_code);
Datum
country_numeric_code(PG_FUNCTION_ARGS)
{
	RETURN_CODE_OR_NULL(COUNTRY_ARG_RECORD()->numeric);
}

PG_FUNCTION_INFO_V1(country_key_int);
Datum
country_key_int(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_COUNTRY(0));
}

PG_FUNCTION_INFO_V1(country_canonical_code);
Datum
country_canonical_code(PG_FUNCTION_ARGS)
{
	char		buf[COUNTRY_CODE_BUFSIZE];

	if (!country_key_to_code(PG_GETARG_COUNTRY(0), buf))
		elog(ERROR, "iscm.country value with unknown key %u", (unsigned) PG_GETARG_COUNTRY(0));
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(country_name);
Datum
country_name(PG_FUNCTION_ARGS)
{
	const CountryRecord *r = COUNTRY_ARG_RECORD();
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));

	if (pg_strcasecmp(lang, "en") == 0)
		RETURN_TEXT_OR_NULL(r->name_en);
	if (pg_strcasecmp(lang, "fr") == 0)
		RETURN_TEXT_OR_NULL(r->name_fr);
	if (pg_strcasecmp(lang, "es") == 0)
		RETURN_TEXT_OR_NULL(r->name_es);
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("no country names in language \"%s\"", lang),
			errhint("Country names exist in en, fr and es."));
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(country_official_name);
Datum
country_official_name(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->official_name);
}

PG_FUNCTION_INFO_V1(country_common_name);
Datum
country_common_name(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->common_name);
}

PG_FUNCTION_INFO_V1(country_region_code);
Datum
country_region_code(PG_FUNCTION_ARGS)
{
	RETURN_CODE_OR_NULL(COUNTRY_ARG_RECORD()->region);
}

PG_FUNCTION_INFO_V1(country_region_name);
Datum
country_region_name(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(country_m49_name(COUNTRY_ARG_RECORD()->region));
}

PG_FUNCTION_INFO_V1(country_subregion_code);
Datum
country_subregion_code(PG_FUNCTION_ARGS)
{
	RETURN_CODE_OR_NULL(COUNTRY_ARG_RECORD()->subregion);
}

PG_FUNCTION_INFO_V1(country_subregion_name);
Datum
country_subregion_name(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(country_m49_name(COUNTRY_ARG_RECORD()->subregion));
}

PG_FUNCTION_INFO_V1(country_intermediate_region_code);
Datum
country_intermediate_region_code(PG_FUNCTION_ARGS)
{
	RETURN_CODE_OR_NULL(COUNTRY_ARG_RECORD()->intermediate_region);
}

PG_FUNCTION_INFO_V1(country_intermediate_region_name);
Datum
country_intermediate_region_name(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(country_m49_name(COUNTRY_ARG_RECORD()->intermediate_region));
}

PG_FUNCTION_INFO_V1(country_is_former);
Datum
country_is_former(PG_FUNCTION_ARGS)
{
	CountryKey	key = PG_GETARG_COUNTRY(0);

	PG_RETURN_BOOL(key >= COUNTRY_KEY_FORMER_BASE && key < COUNTRY_KEY_M49_BASE);
}

PG_FUNCTION_INFO_V1(country_withdrawn);
Datum
country_withdrawn(PG_FUNCTION_ARGS)
{
	RETURN_TEXT_OR_NULL(COUNTRY_ARG_RECORD()->withdrawn);
}

PG_FUNCTION_INFO_V1(country_successors);
Datum
country_successors(PG_FUNCTION_ARGS)
{
	const CountryRecord *r = COUNTRY_ARG_RECORD();
	Oid			array_type = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elem_type = OidIsValid(array_type) ? get_element_type(array_type) : InvalidOid;
	Datum	   *elems;

	if (!OidIsValid(elem_type))
		elog(ERROR, "could not determine the element type of iscm.successors()");
	elems = palloc(sizeof(Datum) * (r->successor_count + 1));
	for (int i = 0; i < r->successor_count; i++)
		elems[i] = CountryKeyGetDatum(r->successors[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, r->successor_count, elem_type,
										  sizeof(CountryKey), true, TYPALIGN_SHORT));
}
