/*
 * country_tables.c — the generated tables as rows, behind the plain-typed
 * views iscm.countries, iscm.country_names and iscm.m49_regions (for BI tools
 * that cannot read custom types).  The C tables stay the one source of truth.
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "country.h"
#include "country_encoding.h"
#include "country_info.h"
#include "country_lookup.h"

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
	};

	return kind < lengthof(labels) && labels[kind] ? labels[kind] : "unknown";
}

/* Set up a materialized result (works on every supported version). */
static Tuplestorestate *
materialize_start(FunctionCallInfo fcinfo, TupleDesc *tupdesc)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldcontext;
	Tuplestorestate *store;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || (rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("set-valued function called in context that cannot accept a set"));
	if (get_call_result_type(fcinfo, NULL, tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	oldcontext = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	*tupdesc = CreateTupleDescCopy(*tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = *tupdesc;
	MemoryContextSwitchTo(oldcontext);
	return store;
}

static inline Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL || s[0] == '\0');
	return *isnull ? (Datum) 0 : country_utf8_text_datum(s);
}

static inline Datum
code_or_null(uint16_t code, bool *isnull)
{
	*isnull = (code == 0);
	return Int32GetDatum((int32) code);
}

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
	Tuplestorestate *store = materialize_start(fcinfo, &tupdesc);

	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		Datum		v[20];
		bool		n[20] = {0};
		char		code[COUNTRY_CODE_BUFSIZE];
		int			c = 0;

		if (!country_key_to_code(r->key, code))
			continue;
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
		v[c++] = BoolGetDatum(r->key >= COUNTRY_KEY_FORMER_BASE && r->key < COUNTRY_KEY_M49_BASE);
		v[c] = text_or_null(r->withdrawn, &n[c]), c++;
		v[c++] = successor_codes(r);
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
	Tuplestorestate *store = materialize_start(fcinfo, &tupdesc);
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

static const char *
m49_level_label(uint8_t level)
{
	static const char *const labels[] = {"world", "region", "sub-region", "intermediate region"};

	return level < lengthof(labels) ? labels[level] : "unknown";
}

/* iscm._m49_regions(): the M49 tree above the countries */
PG_FUNCTION_INFO_V1(country_table_m49);
Datum
country_table_m49(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = materialize_start(fcinfo, &tupdesc);

	for (size_t i = 0; i < m49_area_count; i++)
	{
		const M49Area *a = &m49_areas[i];
		Datum		v[6];
		bool		n[6] = {0};

		v[0] = Int32GetDatum((int32) a->code);
		v[1] = text_or_null(a->name_en, &n[1]);
		v[2] = Int32GetDatum((int32) a->level);
		v[3] = CStringGetTextDatum(m49_level_label(a->level));
		v[4] = code_or_null(a->parent, &n[4]);
		v[5] = text_or_null(country_m49_name(a->parent), &n[5]);
		tuplestore_putvalues(store, tupdesc, v, n);
	}
	return (Datum) 0;
}
