/*
 * country_info.c — what a country value knows about itself (codes, names in
 * English/French/Spanish, M49 regions, former-country facts), and the same
 * tables as rows behind the plain-typed views iscm.countries,
 * iscm.country_names and iscm.m49_regions (for BI tools that cannot read
 * custom types).  Everything reads the generated tables, the one source of
 * truth, so the functions are IMMUTABLE within a release of iscm.
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "country_int.h"
#include "server_util.h"
#include "country_lookup.h"
#include "server_util.h"

/* ---- the tables' enumerations ------------------------------------------- */

const char *
country_m49_name(uint16_t code)
{
	const M49Area *area = code ? country_m49_area(code) : NULL;

	return area ? area->name_en : NULL;
}

const char *
country_m49_level_label(uint8_t level)
{
	static const char *const labels[] = {"world", "region", "sub-region", "intermediate region"};

	return level < lengthof(labels) ? labels[level] : "unknown";
}

const char *
country_name_kind_label(uint8_t kind)
{
	static const char *const labels[] = {
		[CNAME_ISO] = "iso",
		[CNAME_OFFICIAL] = "official",
		[CNAME_COMMON] = "common",
		[CNAME_TRANSLATION] = "translation",
		[CNAME_CLDR] = "cldr",
		[CNAME_CLDR_SHORT] = "cldr_short",
		[CNAME_CLDR_VARIANT] = "cldr_variant",
		[CNAME_ALIAS] = "alias",
		[CNAME_HISTORICAL] = "historical",
		[CNAME_UN] = "un",
	};

	return kind < lengthof(labels) && labels[kind] ? labels[kind] : "unknown";
}

size_t
country_names_distinct_keys(size_t first, size_t count)
{
	size_t		distinct = 0;

	/* rows are sorted by key within one normalized name */
	for (size_t i = first; i < first + count; i++)
		if (i == first || country_names[i].key != country_names[i - 1].key)
			distinct++;
	return distinct;
}

/* ---- values that may be absent: an empty string or code 0 is NULL -------- */

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL || s[0] == '\0');
	return *isnull ? (Datum) 0 : country_utf8_text_datum(s);
}

static Datum
code_or_null(uint16_t code, bool *isnull)
{
	*isnull = (code == 0);
	return Int32GetDatum((int32) code);
}

/* ---- accessors ------------------------------------------------------------ */

static const CountryRecord *
arg_record(FunctionCallInfo fcinfo)
{
	return country_record_or_error(PG_GETARG_COUNTRY(0));
}

PG_FUNCTION_INFO_V1(country_alpha2);
Datum
country_alpha2(PG_FUNCTION_ARGS)
{
	return text_or_null(arg_record(fcinfo)->alpha2, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_alpha3);
Datum
country_alpha3(PG_FUNCTION_ARGS)
{
	return text_or_null(arg_record(fcinfo)->alpha3, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_alpha4);
Datum
country_alpha4(PG_FUNCTION_ARGS)
{
	return text_or_null(arg_record(fcinfo)->alpha4, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_numeric_code);
Datum
country_numeric_code(PG_FUNCTION_ARGS)
{
	return code_or_null(arg_record(fcinfo)->numeric, &fcinfo->isnull);
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

	country_code_or_error(PG_GETARG_COUNTRY(0), buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(country_name);
Datum
country_name(PG_FUNCTION_ARGS)
{
	const CountryRecord *r = arg_record(fcinfo);
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));

	if (pg_strcasecmp(lang, "en") == 0)
		return text_or_null(r->name_en, &fcinfo->isnull);
	if (pg_strcasecmp(lang, "fr") == 0)
		return text_or_null(r->name_fr, &fcinfo->isnull);
	if (pg_strcasecmp(lang, "es") == 0)
		return text_or_null(r->name_es, &fcinfo->isnull);
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
	return text_or_null(arg_record(fcinfo)->official_name, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_common_name);
Datum
country_common_name(PG_FUNCTION_ARGS)
{
	return text_or_null(arg_record(fcinfo)->common_name, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_region_code);
Datum
country_region_code(PG_FUNCTION_ARGS)
{
	return code_or_null(arg_record(fcinfo)->region, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_region_name);
Datum
country_region_name(PG_FUNCTION_ARGS)
{
	return text_or_null(country_m49_name(arg_record(fcinfo)->region), &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_subregion_code);
Datum
country_subregion_code(PG_FUNCTION_ARGS)
{
	return code_or_null(arg_record(fcinfo)->subregion, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_subregion_name);
Datum
country_subregion_name(PG_FUNCTION_ARGS)
{
	return text_or_null(country_m49_name(arg_record(fcinfo)->subregion), &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_intermediate_region_code);
Datum
country_intermediate_region_code(PG_FUNCTION_ARGS)
{
	return code_or_null(arg_record(fcinfo)->intermediate_region, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_intermediate_region_name);
Datum
country_intermediate_region_name(PG_FUNCTION_ARGS)
{
	return text_or_null(country_m49_name(arg_record(fcinfo)->intermediate_region), &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_is_former);
Datum
country_is_former(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(country_key_is_former(PG_GETARG_COUNTRY(0)));
}

PG_FUNCTION_INFO_V1(country_withdrawn);
Datum
country_withdrawn(PG_FUNCTION_ARGS)
{
	return text_or_null(arg_record(fcinfo)->withdrawn, &fcinfo->isnull);
}

PG_FUNCTION_INFO_V1(country_successors);
Datum
country_successors(PG_FUNCTION_ARGS)
{
	const CountryRecord *r = arg_record(fcinfo);
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

/* ---- the tables as rows ----------------------------------------------------- */

static Datum
successor_codes(const CountryRecord *r)
{
	Datum	   *codes = palloc(sizeof(Datum) * (r->successor_count + 1));

	for (int i = 0; i < r->successor_count; i++)
	{
		char		buf[COUNTRY_CODE_BUFSIZE];

		if (!country_key_to_code(r->successors[i], buf))
			snprintf(buf, sizeof(buf), "%u", (unsigned) r->successors[i]);
		codes[i] = CStringGetTextDatum(buf);
	}
	return PointerGetDatum(construct_array(codes, r->successor_count, TEXTOID, -1, false, TYPALIGN_INT));
}

/* iscm._countries(): one row per country_records entry; column order matches 10_country.sql */
PG_FUNCTION_INFO_V1(country_table_records);
Datum
country_table_records(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = srf_materialize(fcinfo, &tupdesc);

	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		Datum		v[20];
		bool		n[20] = {0};
		char		code[COUNTRY_CODE_BUFSIZE];
		int			c = 0;

		if (!country_key_is_known(r->key) || !country_key_to_code(r->key, code))
			continue;			/* a renamed country is history (iscm.country_renames), not a value */
		v[c++] = Int32GetDatum((int32) r->key);
		v[c++] = CStringGetTextDatum(code);
		v[c] = text_or_null(r->alpha2, &n[c]), c++;
		v[c] = text_or_null(r->alpha3, &n[c]), c++;
		v[c] = text_or_null(r->alpha4, &n[c]), c++;
		v[c] = code_or_null(r->numeric, &n[c]), c++;
		v[c] = text_or_null(r->name_en, &n[c]), c++;
		v[c] = text_or_null(r->name_fr, &n[c]), c++;
		v[c] = text_or_null(r->name_es, &n[c]), c++;
		v[c] = text_or_null(r->official_name, &n[c]), c++;
		v[c] = text_or_null(r->common_name, &n[c]), c++;
		v[c] = code_or_null(r->region, &n[c]), c++;
		v[c] = text_or_null(country_m49_name(r->region), &n[c]), c++;
		v[c] = code_or_null(r->subregion, &n[c]), c++;
		v[c] = text_or_null(country_m49_name(r->subregion), &n[c]), c++;
		v[c] = code_or_null(r->intermediate_region, &n[c]), c++;
		v[c] = text_or_null(country_m49_name(r->intermediate_region), &n[c]), c++;
		v[c++] = BoolGetDatum(country_key_is_former(r->key));
		v[c] = text_or_null(r->withdrawn, &n[c]), c++;
		v[c++] = successor_codes(r);
		Assert(c == tupdesc->natts);
		tuplestore_putvalues(store, tupdesc, v, n);
	}
	return (Datum) 0;
}

/* iscm._country_renames(): the former countries that only changed their names */
PG_FUNCTION_INFO_V1(country_table_renames);
Datum
country_table_renames(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = srf_materialize(fcinfo, &tupdesc);

	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		Datum		v[10];
		bool		n[10] = {0};
		char		code[COUNTRY_CODE_BUFSIZE];
		int			c = 0;

		if (r->renamed_to == COUNTRY_KEY_INVALID)
			continue;
		country_code_or_error(r->renamed_to, code);
		v[c++] = CStringGetTextDatum(code);
		v[c] = text_or_null(country_record_or_error(r->renamed_to)->name_en, &n[c]), c++;
		v[c] = text_or_null(r->name_en, &n[c]), c++;
		v[c] = text_or_null(r->name_fr, &n[c]), c++;
		v[c] = text_or_null(r->name_es, &n[c]), c++;
		v[c] = text_or_null(r->alpha2, &n[c]), c++;
		v[c] = text_or_null(r->alpha3, &n[c]), c++;
		v[c] = text_or_null(r->alpha4, &n[c]), c++;
		v[c] = code_or_null(r->numeric, &n[c]), c++;
		v[c] = text_or_null(r->withdrawn, &n[c]), c++;
		Assert(c == tupdesc->natts);
		tuplestore_putvalues(store, tupdesc, v, n);
	}
	return (Datum) 0;
}

/* iscm._country_names(): every accepted normalized name */
PG_FUNCTION_INFO_V1(country_table_names);
Datum
country_table_names(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = srf_materialize(fcinfo, &tupdesc);
	size_t		run_start = 0;

	for (size_t i = 0; i < country_name_count; i++)
	{
		const CountryName *nm = &country_names[i];
		Datum		v[6];
		bool		n[6] = {0};
		char		code[COUNTRY_CODE_BUFSIZE];
		bool		ambiguous = false;
		size_t		j;

		if (i == 0 || strcmp(nm->normalized, country_names[i - 1].normalized) != 0)
			run_start = i;
		for (j = run_start; j < country_name_count && strcmp(country_names[j].normalized, nm->normalized) == 0; j++)
			if (country_names[j].key != nm->key)
				ambiguous = true;
		if (!country_key_to_code(nm->key, code))
			continue;
		if (!country_utf8_fits_server(nm->normalized))
			continue;			/* an Arabic name in a LATIN1 database: it cannot be typed there either */
		v[0] = Int32GetDatum((int32) nm->key);
		v[1] = CStringGetTextDatum(code);
		v[2] = country_utf8_text_datum(nm->normalized);
		v[3] = CStringGetTextDatum(country_name_kind_label(nm->kind));
		v[4] = text_or_null(nm->lang, &n[4]);
		v[5] = BoolGetDatum(ambiguous);
		tuplestore_putvalues(store, tupdesc, v, n);
	}
	return (Datum) 0;
}

/* iscm._m49_regions(): the M49 tree above the countries */
PG_FUNCTION_INFO_V1(country_table_m49);
Datum
country_table_m49(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = srf_materialize(fcinfo, &tupdesc);

	for (size_t i = 0; i < m49_area_count; i++)
	{
		const M49Area *a = &m49_areas[i];
		Datum		v[6];
		bool		n[6] = {0};

		v[0] = Int32GetDatum((int32) a->code);
		v[1] = text_or_null(a->name_en, &n[1]);
		v[2] = Int32GetDatum((int32) a->level);
		v[3] = CStringGetTextDatum(country_m49_level_label(a->level));
		v[4] = code_or_null(a->parent, &n[4]);
		v[5] = text_or_null(country_m49_name(a->parent), &n[5]);
		tuplestore_putvalues(store, tupdesc, v, n);
	}
	return (Datum) 0;
}
