/*
 * survey_common.c — helpers shared by the survey summary types.
 */
#include "survey_common.h"

#include <math.h>

#include "access/htup_details.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

void
survey_unknown_name(const char *what, const char *name, const char *valid)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown %s \"%s\"", what, name),
			errhint("%s", valid));
}

SurveyCiMethod
survey_ci_method_arg(text *method)
{
	char	   *name = text_to_cstring(method);
	SurveyCiMethod m = survey_ci_method_from_name(name);

	if (m == SURVEY_CI_INVALID)
		survey_unknown_name("confidence interval method", name,
							"Valid methods are: " SURVEY_CI_METHOD_NAMES ".");
	return m;
}

SurveyMcNemarMethod
survey_mcnemar_method_arg(text *method)
{
	char	   *name = text_to_cstring(method);
	SurveyMcNemarMethod m = survey_mcnemar_method_from_name(name);

	if (m == SURVEY_MCNEMAR_INVALID)
		survey_unknown_name("McNemar test method", name,
							"Valid methods are: " SURVEY_MCNEMAR_METHOD_NAMES ".");
	return m;
}

double
survey_level_arg(double level)
{
	if (!(level > 0.0 && level < 1.0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("confidence level must be between 0 and 1 (exclusive), not %g", level),
				errhint("Use for example 0.95 for a 95%% interval."));
	return level;
}

double
survey_weight_arg(FunctionCallInfo fcinfo, int argno)
{
	double		w;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("survey weight must not be NULL for an answered item"),
				errhint("Give every respondent a finite weight >= 0, or use the unweighted aggregate."));
	w = PG_GETARG_FLOAT8(argno);
	if (!(isfinite(w) && w >= 0.0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("survey weight must be finite and >= 0, not %g", w),
				errhint("Weights are design or calibration weights: 0 drops a respondent from the estimates."));
	return w + 0.0;
}

Datum
survey_interval_datum(FunctionCallInfo fcinfo, bool known, double estimate,
					  SurveyInterval interval, const char *method, double level)
{
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {!known, !known, !known, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning iscm.proportion_interval called in a context that cannot accept it");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Float8GetDatum(estimate);
	values[1] = Float8GetDatum(interval.lower);
	values[2] = Float8GetDatum(interval.upper);
	values[3] = CStringGetTextDatum(method);
	values[4] = Float8GetDatum(level);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/* same letters up to ASCII case: 'Yes' for 'yes' */
static bool
case_insensitive_equal(const char *a, uint32 alen, const char *b, uint32 blen)
{
	return alen == blen && pg_strncasecmp(a, b, alen) == 0;
}

#define UNKNOWN_CATEGORY_LISTED 20

void
survey_unknown_category(const char *chars, uint32 len, const SurveyCategory *cats,
						uint32 ncat, const char *declare_hint)
{
	StringInfoData present;
	uint32		listed = 0;

	initStringInfo(&present);
	/* the likely meant ones (same letters, other case) first, then the rest */
	for (int pass = 0; pass < 2; pass++)
		for (uint32 i = 0; i < ncat && listed < UNKNOWN_CATEGORY_LISTED; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (case_insensitive_equal(cats[i].text, cats[i].len, chars, len) != (pass == 0))
				continue;
			if (listed++ > 0)
				appendStringInfoString(&present, ", ");
			survey_json_string(&present, cats[i].text, cats[i].len);
		}
	if (ncat > listed)
		appendStringInfo(&present, " and %u more", ncat - listed);

	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("category \"%s\" does not occur in the summary", pnstrdup(chars, len)),
			ncat == 0 ? errdetail("The summary has no categories.") :
			errdetail("Categories present: %s.", present.data),
			declare_hint ? errhint("%s", declare_hint) : 0);
}

void
survey_format_check(SurveyFormatStatus status, const char *type_name)
{
	if (status != SURVEY_FORMAT_OK)
		ereport(ERROR,
				errcode(status == SURVEY_FORMAT_NO_MEMORY ? ERRCODE_OUT_OF_MEMORY :
						ERRCODE_DATA_CORRUPTED),
				errmsg("invalid %s value: %s", type_name, survey_format_status_message(status)));
}

Datum
survey_bad_text_input(Node *escontext, const char *type_name, const char *str, const char *detail)
{
	ISCM_INPUT_ERROR(escontext, (Datum) 0,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"", type_name, str),
					 errdetail("%s", detail));
}

void
survey_recv_category_texts(StringInfo buf, SurveyCategory *cats, uint32 n)
{
	for (uint32 i = 0; i < n; i++)
	{
		int			nbytes;

		CHECK_FOR_INTERRUPTS();
		cats[i].text = pq_getmsgtext(buf, (int) cats[i].len, &nbytes);
		cats[i].len = (uint32) nbytes;
	}
}

bool
survey_categories_to_client(SurveyCategory *cats, uint32 n, size_t *string_bytes)
{
	bool		converted = false;
	size_t		total = 0;

	for (uint32 i = 0; i < n; i++)
	{
		char	   *chars;

		CHECK_FOR_INTERRUPTS();
		chars = pg_server_to_client(cats[i].text, (int) cats[i].len);
		if (chars != cats[i].text)
		{
			cats[i].text = chars;
			cats[i].len = (uint32) strlen(chars);
			converted = true;
		}
		total += cats[i].len;
	}
	if (string_bytes != NULL)
		*string_bytes = total;
	return converted;
}

void
survey_recv_error(SurveyFormatStatus status, const char *type_name)
{
	ereport(ERROR,
			errcode(status == SURVEY_FORMAT_NO_MEMORY ? ERRCODE_OUT_OF_MEMORY :
					ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary %s: %s", type_name, survey_format_status_message(status)));
}

void
survey_json_string(StringInfo buf, const char *chars, uint32 len)
{
	char	   *copy = pnstrdup(chars, len);

	escape_json(buf, copy);
	pfree(copy);
}

/* shortest text that reads back as the same double, whatever extra_float_digits says */
void
survey_json_float(StringInfo buf, double value)
{
	char		digits[DOUBLE_SHORTEST_DECIMAL_LEN];

	double_to_shortest_decimal_buf(value, digits);
	appendStringInfoString(buf, digits);
}

Jsonb *
survey_json_parse(const char *str)
{
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(str)));
}

Jsonb *
survey_json_parse_input(const char *str, Node *escontext)
{
#if ISCM_SOFT_ERRORS
	Datum		result;

	/* malformed JSON becomes a soft error too, for pg_input_is_valid() */
	if (!DirectInputFunctionCallSafe(jsonb_in, (char *) str, InvalidOid, -1, escontext, &result))
		return NULL;
	return DatumGetJsonbP(result);
#else
	(void) escontext;
	return survey_json_parse(str);
#endif
}

bool
survey_json_key(JsonbContainer *object, const char *key, JsonbValue *out)
{
	JsonbValue *v;

	if (!JsonContainerIsObject(object))
		return false;
	v = getKeyJsonValueFromContainer(object, key, strlen(key), out);
	return v != NULL;
}

static char *
numeric_text(const JsonbValue *value)
{
	if (value->type != jbvNumeric)
		return NULL;
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(value->val.numeric)));
}

bool
survey_json_int64(const JsonbValue *value, int64 *out)
{
	char	   *s = numeric_text(value);
	char	   *end;
	long long	v;

	if (s == NULL)
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s)
		return false;
	*out = (int64) v;
	return true;
}

bool
survey_json_float8(const JsonbValue *value, double *out)
{
	char	   *s = numeric_text(value);
	char	   *end;
	double		v;

	if (s == NULL)
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || end == s || !isfinite(v))
		return false;
	*out = v;
	return true;
}

char *
survey_json_unknown_key(Jsonb *jb, const char *const *allowed)
{
	JsonbIterator *it = JsonbIteratorInit(&jb->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		first = true;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (first && tok != WJB_BEGIN_OBJECT)
			return pstrdup("(the value is not a JSON object)");
		first = false;
		if (tok == WJB_KEY)
		{
			char	   *key = survey_json_cstring(&v);
			bool		known = false;

			for (const char *const *a = allowed; *a != NULL; a++)
				if (strcmp(key, *a) == 0)
					known = true;
			if (!known)
				return key;
		}
	}
	return NULL;
}

char *
survey_json_cstring(const JsonbValue *value)
{
	return pnstrdup(value->val.string.val, value->val.string.len);
}

typedef struct InterruptibleSort
{
	qsort_arg_comparator compare;
	void	   *arg;
	uint32		calls;
} InterruptibleSort;

static int
compare_checking_interrupts(const void *a, const void *b, void *arg)
{
	InterruptibleSort *sort = (InterruptibleSort *) arg;

	if ((++sort->calls & 0xFFFF) == 0)
		CHECK_FOR_INTERRUPTS();
	return sort->compare(a, b, sort->arg);
}

int
survey_compare_categories(const void *a, const void *b, void *arg)
{
	const SurveyCategory *x = a;
	const SurveyCategory *y = b;

	return survey_category_compare(x->text, x->len, y->text, y->len);
}

void
survey_sort(void *base, size_t n, size_t size, qsort_arg_comparator compare, void *arg)
{
	InterruptibleSort sort = {compare, arg, 0};

	qsort_arg(base, n, size, compare_checking_interrupts, &sort);
}

/*
 * SEND of the three summary types: the SQL script binds all three to this one
 * symbol, so the type is told apart by the function's name (looked up once
 * per call site).  A disposition summary holds no text and goes out as
 * stored; the other two convert their category texts to the client encoding.
 */
typedef enum SummarySendKind
{
	SEND_AS_STORED,
	SEND_ANSWER_SUMMARY,
	SEND_TRANSITION_SUMMARY
} SummarySendKind;

static SummarySendKind
summary_send_kind(FunctionCallInfo fcinfo)
{
	SummarySendKind *kind = (SummarySendKind *) fcinfo->flinfo->fn_extra;

	if (kind == NULL)
	{
		char	   *name = get_func_name(fcinfo->flinfo->fn_oid);

		kind = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(SummarySendKind));
		if (name != NULL && strcmp(name, "answer_summary_send") == 0)
			*kind = SEND_ANSWER_SUMMARY;
		else if (name != NULL && strcmp(name, "transition_summary_send") == 0)
			*kind = SEND_TRANSITION_SUMMARY;
		else if (name != NULL && strcmp(name, "disposition_summary_send") == 0)
			*kind = SEND_AS_STORED;
		else
			elog(ERROR, "survey_summary_send called as %s", name ? name : "an unknown function");
		fcinfo->flinfo->fn_extra = kind;
	}
	return *kind;
}

PG_FUNCTION_INFO_V1(survey_summary_send);
Datum
survey_summary_send(PG_FUNCTION_ARGS)
{
	struct varlena *value = PG_GETARG_VARLENA_PP(0);
	StringInfoData buf;

	switch (summary_send_kind(fcinfo))
	{
		case SEND_ANSWER_SUMMARY:
			PG_RETURN_BYTEA_P(answer_summary_send_bytes(value));
		case SEND_TRANSITION_SUMMARY:
			PG_RETURN_BYTEA_P(transition_summary_send_bytes(value));
		case SEND_AS_STORED:
			break;
	}
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
