/*
 * country_set.c — the iscm.country_set type: text and binary I/O, casts from
 * and to countries and country arrays, btree comparison and hashing.
 *
 * The byte format and the text syntax are defined (in pure C) in
 * country_set_format.c; each element of the text form is read by the country
 * type's own parser, so a set accepts exactly the spellings a country does and
 * reports bad ones with the same errors and hints.
 */
#include "country_set.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

PG_FUNCTION_INFO_V1(country_set_in);
PG_FUNCTION_INFO_V1(country_set_out);
PG_FUNCTION_INFO_V1(country_set_recv);
PG_FUNCTION_INFO_V1(country_set_send);
PG_FUNCTION_INFO_V1(country_set_from_country);
PG_FUNCTION_INFO_V1(country_set_from_array);
PG_FUNCTION_INFO_V1(country_set_to_array);
PG_FUNCTION_INFO_V1(country_set_eq);
PG_FUNCTION_INFO_V1(country_set_ne);
PG_FUNCTION_INFO_V1(country_set_lt);
PG_FUNCTION_INFO_V1(country_set_le);
PG_FUNCTION_INFO_V1(country_set_gt);
PG_FUNCTION_INFO_V1(country_set_ge);
PG_FUNCTION_INFO_V1(country_set_cmp);
PG_FUNCTION_INFO_V1(country_set_hash);
PG_FUNCTION_INFO_V1(country_set_hash_extended);

/* ---- shared helpers (country_set.h) ------------------------------------- */

CountrySetView
country_set_view(struct varlena *value)
{
	const uint8_t *payload = (const uint8_t *) VARDATA_ANY(value);
	size_t		len = VARSIZE_ANY_EXHDR(value);
	CountrySetCheckStatus damage = CSET_OK;
	CountrySetView view;

	if (len < 1)
		damage = CSET_NO_VERSION;
	else if (payload[0] != COUNTRY_SET_FORMAT_V1)
		damage = CSET_BAD_VERSION;
	else if ((len - 1) % COUNTRY_SET_KEY_BYTES != 0)
		damage = CSET_ODD_LENGTH;
	if (damage != CSET_OK)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("damaged iscm.country_set value"),
				errdetail("%s", country_set_check_message(damage)));

	view.keys = payload + 1;
	view.n = (int) ((len - 1) / COUNTRY_SET_KEY_BYTES);
	return view;
}

struct varlena *
country_set_allocate(int n)
{
	Size		size = VARHDRSZ + 1 + (Size) n * COUNTRY_SET_KEY_BYTES;
	struct varlena *result = (struct varlena *) palloc(size);

	SET_VARSIZE(result, size);
	((uint8_t *) VARDATA(result))[0] = COUNTRY_SET_FORMAT_V1;
	return result;
}

struct varlena *
country_set_from_sorted_keys(const CountryKey *keys, int n)
{
	struct varlena *result = country_set_allocate(n);

	country_set_encode_keys(keys, (size_t) n, (uint8_t *) VARDATA(result) + 1);
	return result;
}

/* a value from big-endian key bytes that are already sorted and unique */
static struct varlena *
country_set_from_key_bytes(const uint8_t *keys, int n)
{
	struct varlena *result = country_set_allocate(n);

	memcpy((uint8_t *) VARDATA(result) + 1, keys, (size_t) n * COUNTRY_SET_KEY_BYTES);
	return result;
}

/* a value from arbitrary keys: sorts and drops duplicates in place */
static struct varlena *
country_set_from_keys(CountryKey *keys, int n)
{
	n = (int) country_set_sort_unique(keys, (size_t) n);
	return country_set_from_sorted_keys(keys, n);
}

void
country_set_report_bad_payload(CountrySetCheckStatus status, size_t bad_index, const uint8_t *keys)
{
	if (status == CSET_UNKNOWN_KEY || status == CSET_NOT_ASCENDING)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary iscm.country_set value"),
				errdetail("%s  The key at position %zu is %u.", country_set_check_message(status),
						  bad_index + 1, (unsigned) country_set_key_at(keys, bad_index)),
				status == CSET_UNKNOWN_KEY ?
				errhint("The value may come from a later iscm release that knows more countries.") : 0);
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary iscm.country_set value"),
			errdetail("%s", country_set_check_message(status)));
}

/* ---- text I/O ---------------------------------------------------------------- */

typedef struct ElementContext
{
	size_t		number;
	const char *element;
} ElementContext;

static void
element_error_context(void *arg)
{
	ElementContext *ctx = (ElementContext *) arg;

	errcontext("country set element %zu: \"%s\"", ctx->number, ctx->element);
}

Datum
country_set_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	size_t		len = strlen(str);
	char	   *element = palloc(len + 1);
	int			capacity = 16;
	int			n = 0;
	CountryKey *keys = palloc(capacity * sizeof(CountryKey));
	CountrySetScanner scanner;
	CountrySetScanStatus status;
	size_t		element_len;
	ElementContext ectx;
	ErrorContextCallback callback;

	country_set_scan_init(&scanner, str, len);
	callback.callback = element_error_context;
	callback.arg = &ectx;
	ectx.element = element;

	while ((status = country_set_scan_next(&scanner, element, len + 1, &element_len)) == CSET_SCAN_ELEMENT)
	{
		bool		ok;

		CHECK_FOR_INTERRUPTS();
		ectx.number = scanner.elements;
		callback.previous = error_context_stack;
		error_context_stack = &callback;
		ok = country_from_cstring(element, &keys[n], escontext);
		error_context_stack = callback.previous;
		if (!ok)
			PG_RETURN_NULL();
		if (++n == capacity)
		{
			capacity *= 2;
			keys = repalloc(keys, capacity * sizeof(CountryKey));
		}
	}

	if (status != CSET_SCAN_END)
		ISCM_INPUT_ERROR(escontext, (Datum) 0,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("malformed country set literal: \"%s\"", str),
						 errdetail("%s  (At character %zu.)", country_set_scan_message(status),
								   scanner.pos + 1),
						 status == CSET_SCAN_EXPECTED_OPEN ?
						 errhint("Write a set of countries in braces, such as '{CIV,SEN}'; "
								 "a single country is '{CIV}', or 'CIV'::iscm.country.") :
						 status == CSET_SCAN_EXPECTED_DELIMITER || status == CSET_SCAN_BAD_CHARACTER ?
						 errhint("Put a country whose name contains a comma, brace or quote in double quotes, "
								 "with a backslash before \" and \\: {\"Congo, Dem. Rep.\"}.") : 0);

	PG_RETURN_POINTER(country_set_from_keys(keys, n));
}

Datum
country_set_out(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < set.n; i++)
	{
		CountryKey	key = country_set_view_key(&set, i);
		char	   *chars;
		size_t		textlen;

		if (!country_key_is_known(key))
			ereport(ERROR,
					errcode(ERRCODE_DATA_CORRUPTED),
					errmsg("iscm.country_set value contains unknown country key %u", (unsigned) key),
					errhint("The value may come from a later iscm release that knows more countries."));
		chars = country_to_cstring(key);
		textlen = strlen(chars);
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		if (country_set_needs_quotes(chars, textlen))
		{
			enlargeStringInfo(&buf, (int) (2 * textlen + 3));
			buf.len += (int) country_set_quote(chars, textlen, buf.data + buf.len);
		}
		else
			appendBinaryStringInfo(&buf, chars, (int) textlen);
		pfree(chars);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* ---- binary I/O: the message is the payload itself (country_set_format.h) -- */

Datum
country_set_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8_t *payload = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	size_t		nkeys = 0;
	size_t		bad_index = 0;
	CountrySetCheckStatus status = country_set_check(payload, len, &nkeys, &bad_index);

	if (status != CSET_OK)
		country_set_report_bad_payload(status, bad_index, payload + 1);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(country_set_from_key_bytes(payload + 1, (int) nkeys));
}

Datum
country_set_send(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, COUNTRY_SET_FORMAT_V1);
	pq_sendbytes(&buf, (const char *) set.keys, set.n * COUNTRY_SET_KEY_BYTES);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---- casts -------------------------------------------------------------------- */

Datum
country_set_from_country(PG_FUNCTION_ARGS)
{
	CountryKey	key = PG_GETARG_COUNTRY(0);

	PG_RETURN_POINTER(country_set_from_sorted_keys(&key, 1));
}

Datum
country_set_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elements;
	bool	   *nulls;
	int			n;
	CountryKey *keys;

	/* iscm.country is a 2-byte pass-by-value type, like int2 */
	deconstruct_array(array, ARR_ELEMTYPE(array), sizeof(CountryKey), true, TYPALIGN_SHORT,
					  &elements, &nulls, &n);
	keys = palloc(Max(n, 1) * sizeof(CountryKey));
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			ereport(ERROR,
					errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("a country set cannot contain NULL"),
					errdetail("Element %d of the array is NULL.", i + 1),
					errhint("Filter the NULLs out first, or build the set with iscm.country_set_agg(), which skips them."));
		keys[i] = DatumGetCountryKey(elements[i]);
	}
	PG_RETURN_POINTER(country_set_from_keys(keys, n));
}

Datum
country_set_to_array(PG_FUNCTION_ARGS)
{
	CountrySetView set = PG_GETARG_COUNTRY_SET_VIEW(0);
	Oid			array_type = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			country_type = OidIsValid(array_type) ? get_element_type(array_type) : InvalidOid;
	Datum	   *elements;

	if (!OidIsValid(country_type))
		elog(ERROR, "country_set_to_array: cannot determine the country array type");
	elements = palloc(Max(set.n, 1) * sizeof(Datum));
	for (int i = 0; i < set.n; i++)
		elements[i] = CountryKeyGetDatum(country_set_view_key(&set, i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elements, set.n, country_type,
										  sizeof(CountryKey), true, TYPALIGN_SHORT));
}

/* ---- btree order: lexicographic over the sorted key sequences --------------- */

/*
 * Keys are big-endian, so memcmp() over the common length compares key by key;
 * on a tie the shorter sequence (a prefix of the other) sorts first.
 */
static int
compare_sets(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	CountrySetView va = country_set_view(a);
	CountrySetView vb = country_set_view(b);
	int			common = Min(va.n, vb.n);
	int			result = memcmp(va.keys, vb.keys, (size_t) common * COUNTRY_SET_KEY_BYTES);

	if (result == 0)
		result = (va.n > vb.n) - (va.n < vb.n);
	else
		result = result < 0 ? -1 : 1;

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return result;
}

Datum
country_set_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) == 0);
}

Datum
country_set_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) != 0);
}

Datum
country_set_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) < 0);
}

Datum
country_set_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) <= 0);
}

Datum
country_set_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) > 0);
}

Datum
country_set_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_sets(fcinfo) >= 0);
}

Datum
country_set_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(compare_sets(fcinfo));
}

/* ---- hashing: over the key bytes, so equal sets hash equally ---------------- */

Datum
country_set_hash(PG_FUNCTION_ARGS)
{
	struct varlena *value = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	CountrySetView set = country_set_view(value);
	Datum		result = hash_any(set.keys, set.n * COUNTRY_SET_KEY_BYTES);

	PG_FREE_IF_COPY(value, 0);
	return result;
}

Datum
country_set_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *value = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	CountrySetView set = country_set_view(value);
	Datum		result = hash_any_extended(set.keys, set.n * COUNTRY_SET_KEY_BYTES,
										   PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(value, 0);
	return result;
}
