/*
 * governance_period.c — partial dates and periods of the governance registry
 * in C: the partial_date domain's check (partial_date_valid) and
 * period_range(), which every row of participations and chairs evaluates
 * three times (its generated period, certain and possible columns), and the
 * row trigger of participations that normalizes a period.
 *
 * partial_date_valid() and period_range() were PL/pgSQL in 1.0; these have
 * the same arguments, results and errors, word for word, at a microsecond a
 * call instead of the tens a PL/pgSQL call with its own search_path costs.
 */
#include "compat.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/lsyscache.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/rangetypes.h"
#include "utils/rel.h"
#include "utils/typcache.h"

/* A partial date as parsed: month and day 0 when the source omits them. */
typedef struct PartialDate
{
	int			year;
	int			month;
	int			day;
} PartialDate;

static bool
is_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int
two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/*
 * Parse and validate YYYY, YYYY-MM or YYYY-MM-DD; raises the errors of the
 * partial_date domain (22007 for the shape, 22008 for a year, month or day
 * out of range) with the value quoted as given.
 */
static PartialDate
partial_date_parse(const char *value, int len)
{
	PartialDate pd = {0, 0, 0};

	if (!((len == 4 || len == 7 || len == 10) && is_digits(value, 4)
		  && (len < 7 || (value[4] == '-' && is_digits(value + 5, 2)))
		  && (len < 10 || (value[7] == '-' && is_digits(value + 8, 2)))))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_DATETIME_FORMAT),
				errmsg("invalid partial date: \"%.*s\"", len, value),
				errhint("A partial date is YYYY, YYYY-MM or YYYY-MM-DD, for example 2007, 2007-06 or 2007-06-30."));
	pd.year = two_digits(value) * 100 + two_digits(value + 2);
	if (pd.year < 1)
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				errmsg("invalid partial date: \"%.*s\"", len, value),
				errdetail("Year 0000 does not exist."));
	if (len >= 7)
	{
		pd.month = two_digits(value + 5);
		if (pd.month < 1 || pd.month > 12)
			ereport(ERROR,
					errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					errmsg("invalid partial date: \"%.*s\"", len, value),
					errdetail("Month %.2s is out of range 01..12.", value + 5));
	}
	if (len == 10)
	{
		pd.day = two_digits(value + 8);
		if (pd.day < 1 || pd.day > day_tab[isleap(pd.year)][pd.month - 1])
			ereport(ERROR,
					errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
					errmsg("invalid partial date: \"%.*s\"", len, value),
					errdetail("Day %.2s does not exist in %.7s.", value + 8, value));
	}
	return pd;
}

static PartialDate
partial_date_arg(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);

	return partial_date_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/* First and last day a partial date can mean, as PostgreSQL dates. */
static DateADT
partial_date_first_day(PartialDate pd)
{
	return date2j(pd.year, pd.month ? pd.month : 1, pd.day ? pd.day : 1) - POSTGRES_EPOCH_JDATE;
}

static DateADT
partial_date_last_day(PartialDate pd)
{
	int			month = pd.month ? pd.month : 12;
	int			day = pd.day ? pd.day : day_tab[isleap(pd.year)][month - 1];

	return date2j(pd.year, month, day) - POSTGRES_EPOCH_JDATE;
}

/*
 * partial_date_valid(text) returns boolean: true for a valid partial date,
 * an error saying what is wrong otherwise (the partial_date domain's check).
 */
PG_FUNCTION_INFO_V1(governance_partial_date_valid);
Datum
governance_partial_date_valid(PG_FUNCTION_ARGS)
{
	(void) partial_date_arg(fcinfo, 0);
	PG_RETURN_BOOL(true);
}

typedef enum PeriodReading
{
	READING_STATED,
	READING_CERTAIN,
	READING_POSSIBLE
} PeriodReading;

static bool
text_is(text *t, const char *word)
{
	size_t		n = strlen(word);

	return VARSIZE_ANY_EXHDR(t) == n && memcmp(VARDATA_ANY(t), word, n) == 0;
}

/*
 * period_range(start_date, start_basis, end_date, end_basis, reading)
 * returns daterange: the days a period covers under a reading (stated,
 * certain, possible); NULL for an undated period under stated or certain,
 * 'empty' when the reading leaves no day.  Not strict: NULL dates and bases
 * mean "not given".  22023 for an unknown reading or basis.
 */
PG_FUNCTION_INFO_V1(governance_period_range);
Datum
governance_period_range(PG_FUNCTION_ARGS)
{
	bool		has_start = !PG_ARGISNULL(0);
	bool		has_end = !PG_ARGISNULL(2);
	text	   *start_basis = PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1);
	text	   *end_basis = PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3);
	text	   *reading_arg = PG_ARGISNULL(4) ? NULL : PG_GETARG_TEXT_PP(4);
	PeriodReading reading;
	bool		start_began;
	bool		end_ended;
	bool		start_bad;
	bool		end_bad;
	PartialDate start = {0, 0, 0};
	PartialDate end = {0, 0, 0};
	bool		has_lo = false;
	bool		has_hi = false;
	DateADT		lo = 0;
	DateADT		hi = 0;
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;

	if (reading_arg != NULL && text_is(reading_arg, "stated"))
		reading = READING_STATED;
	else if (reading_arg != NULL && text_is(reading_arg, "certain"))
		reading = READING_CERTAIN;
	else if (reading_arg != NULL && text_is(reading_arg, "possible"))
		reading = READING_POSSIBLE;
	else
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown reading \"%s\"", reading_arg ? text_to_cstring(reading_arg) : ""),
				errhint("Use 'stated', 'certain' or 'possible'."));

	/* a NULL basis means began or ended; an unknown one is named, the start's first */
	start_began = start_basis == NULL || text_is(start_basis, "began");
	end_ended = end_basis == NULL || text_is(end_basis, "ended");
	start_bad = !start_began && !text_is(start_basis, "attested");
	end_bad = !end_ended && !text_is(end_basis, "attested");
	if (start_bad || end_bad)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown basis \"%s\" of the %s of a period",
					   text_to_cstring(start_bad ? start_basis : end_basis), start_bad ? "start" : "end"),
				errhint("A start is 'began' or 'attested', an end 'ended' or 'attested'; NULL means began or ended."));

	if (has_start)
		start = partial_date_arg(fcinfo, 0);
	if (has_end)
		end = partial_date_arg(fcinfo, 2);

	if (reading == READING_POSSIBLE)
	{
		if (has_start && start_began)
		{
			lo = partial_date_first_day(start);
			has_lo = true;
		}
		if (has_end && end_ended)
		{
			hi = partial_date_last_day(end) + 1;
			has_hi = true;
		}
	}
	else
	{
		/* an undated period has no stated or certain extent */
		if (!has_start)
			PG_RETURN_NULL();
		has_lo = true;
		lo = reading == READING_STATED ? partial_date_first_day(start) : partial_date_last_day(start);
		if (has_end)
		{
			has_hi = true;
			if (reading == READING_CERTAIN && end_ended)
				hi = partial_date_first_day(end);
			else
				hi = partial_date_last_day(end) + 1;
		}
	}

	typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	lower.val = DateADTGetDatum(lo);
	lower.infinite = !has_lo;
	lower.inclusive = has_lo;	/* an unbounded end is never inclusive */
	lower.lower = true;
	upper.val = DateADTGetDatum(hi);
	upper.infinite = !has_hi;
	upper.inclusive = false;
	upper.lower = false;
	PG_RETURN_RANGE_P(ISCM_MAKE_RANGE(typcache, &lower, &upper, has_lo && has_hi && lo >= hi));
}

/*
 * The columns the row trigger of participations reads, by attribute number,
 * found by name on a statement's first row and kept in fn_extra, which lives
 * as long as the statement's trigger state.
 */
enum
{
	NP_MECHANISM,
	NP_STATE,
	NP_ORGANIZATION,
	NP_START_DATE,
	NP_START_BASIS,
	NP_END_DATE,
	NP_END_BASIS,
	NP_COLUMNS
};

typedef struct NormalizeColumns
{
	Oid			relid;
	int			attnum[NP_COLUMNS];
	Oid			atttype[NP_COLUMNS];
} NormalizeColumns;

static const char *const normalize_column_names[NP_COLUMNS] = {
	"mechanism", "state", "organization", "start_date", "start_basis", "end_date", "end_basis"
};

static NormalizeColumns *
normalize_columns(FunctionCallInfo fcinfo, Relation rel)
{
	NormalizeColumns *cols = (NormalizeColumns *) fcinfo->flinfo->fn_extra;
	TupleDesc	desc = RelationGetDescr(rel);

	if (cols != NULL && cols->relid == RelationGetRelid(rel))
		return cols;
	if (cols == NULL)
		cols = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(NormalizeColumns));
	for (int i = 0; i < NP_COLUMNS; i++)
	{
		int			attnum = SPI_fnumber(desc, normalize_column_names[i]);

		if (attnum <= 0)
			ereport(ERROR,
					errcode(ERRCODE_UNDEFINED_COLUMN),
					errmsg("_normalize_participation() needs a column \"%s\" in table \"%s\"",
						   normalize_column_names[i], RelationGetRelationName(rel)),
					errhint("It is the row trigger of iscm.participations and reads its columns."));
		cols->attnum[i] = attnum;
		cols->atttype[i] = TupleDescAttr(desc, attnum - 1)->atttypid;
		/* the dates and bases are read as text: partial_date is a domain over text */
		if (i >= NP_START_DATE && getBaseType(cols->atttype[i]) != TEXTOID)
			ereport(ERROR,
					errcode(ERRCODE_DATATYPE_MISMATCH),
					errmsg("_normalize_participation() needs column \"%s\" of table \"%s\" to be text or partial_date",
						   normalize_column_names[i], RelationGetRelationName(rel)),
					errhint("It is the row trigger of iscm.participations and reads its columns."));
	}
	cols->relid = RelationGetRelid(rel);
	fcinfo->flinfo->fn_extra = cols;
	return cols;
}

/*
 * The error of an end before the start, raised by _normalize_period() of the
 * trigger's own schema so that it reads exactly as every other check of a
 * period does (the participant named as country_name() gives it).  Called
 * only once the byte comparison has found the end before the start.
 */
static void
normalize_period_error(Oid funcid, const NormalizeColumns *cols, Datum *values, bool *nulls)
{
	const char *schema = quote_identifier(get_namespace_name(get_func_namespace(funcid)));
	static const int arg_columns[] = {NP_START_DATE, NP_START_BASIS, NP_END_DATE, NP_END_BASIS,
	NP_STATE, NP_ORGANIZATION, NP_MECHANISM};
	Oid			argtypes[lengthof(arg_columns)];
	Datum		args[lengthof(arg_columns)];
	char		argnulls[lengthof(arg_columns)];
	char	   *query;

	for (size_t i = 0; i < lengthof(arg_columns); i++)
	{
		argtypes[i] = cols->atttype[arg_columns[i]];
		args[i] = values[arg_columns[i]];
		argnulls[i] = nulls[arg_columns[i]] ? 'n' : ' ';
	}
	query = psprintf("SELECT %s._normalize_period($1, $2, $3, $4, "
					 "pg_catalog.format('participation of %%s in %%s', "
					 "coalesce(%s.country_name($5, 'en'::pg_catalog.text), $6), $7))",
					 schema, schema);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args(query, lengthof(arg_columns), argtypes, args, argnulls, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed");
	SPI_finish();
}

/* Byte-order comparison of the first n bytes; the shorter text sorts first. */
static int
prefix_compare(text *a, text *b, int n)
{
	int			la = Min((int) VARSIZE_ANY_EXHDR(a), n);
	int			lb = Min((int) VARSIZE_ANY_EXHDR(b), n);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	return c != 0 ? c : la - lb;
}

/*
 * _normalize_participation(): BEFORE INSERT OR UPDATE row trigger of
 * participations.  A date without a basis gets the default one ('began',
 * 'ended'), a missing date loses its basis, and an end wholly before the
 * start fails with 23514 (the message of _normalize_period()).  An end lies
 * wholly before a start exactly when, cut to the coarser precision of the
 * two, it sorts before it in byte order: partial dates are zero-padded
 * YYYY[-MM[-DD]] (the domain has checked them before any trigger runs).
 */
PG_FUNCTION_INFO_V1(governance_normalize_participation);
Datum
governance_normalize_participation(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	tuple;
	NormalizeColumns *cols;
	Datum		values[NP_COLUMNS];
	bool		nulls[NP_COLUMNS];
	int			replace_cols[2];
	Datum		replace_values[2];
	bool		replace_nulls[2];
	int			n_replace = 0;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(trigdata->tg_event)
		|| !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event)
		|| !(TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) || TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event)))
		ereport(ERROR,
				errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				errmsg("_normalize_participation() must run as a BEFORE INSERT OR UPDATE row trigger"));
	rel = trigdata->tg_relation;
	desc = RelationGetDescr(rel);
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple : trigdata->tg_trigtuple;
	cols = normalize_columns(fcinfo, rel);
	for (int i = 0; i < NP_COLUMNS; i++)
		values[i] = heap_getattr(tuple, cols->attnum[i], desc, &nulls[i]);

	/* a basis only with its date, the default one when none is given */
	if (nulls[NP_START_DATE] ? !nulls[NP_START_BASIS] : nulls[NP_START_BASIS])
	{
		replace_cols[n_replace] = cols->attnum[NP_START_BASIS];
		replace_nulls[n_replace] = nulls[NP_START_DATE];
		replace_values[n_replace] = nulls[NP_START_DATE] ? (Datum) 0 : CStringGetTextDatum("began");
		nulls[NP_START_BASIS] = replace_nulls[n_replace];
		values[NP_START_BASIS] = replace_values[n_replace];
		n_replace++;
	}
	if (nulls[NP_END_DATE] ? !nulls[NP_END_BASIS] : nulls[NP_END_BASIS])
	{
		replace_cols[n_replace] = cols->attnum[NP_END_BASIS];
		replace_nulls[n_replace] = nulls[NP_END_DATE];
		replace_values[n_replace] = nulls[NP_END_DATE] ? (Datum) 0 : CStringGetTextDatum("ended");
		nulls[NP_END_BASIS] = replace_nulls[n_replace];
		values[NP_END_BASIS] = replace_values[n_replace];
		n_replace++;
	}

	if (!nulls[NP_START_DATE] && !nulls[NP_END_DATE])
	{
		text	   *start = DatumGetTextPP(values[NP_START_DATE]);
		text	   *end = DatumGetTextPP(values[NP_END_DATE]);
		int			k = Min((int) VARSIZE_ANY_EXHDR(start), (int) VARSIZE_ANY_EXHDR(end));

		if (prefix_compare(end, start, k) < 0)
			normalize_period_error(fcinfo->flinfo->fn_oid, cols, values, nulls);
	}

	if (n_replace > 0)
		tuple = heap_modify_tuple_by_cols(tuple, desc, n_replace, replace_cols, replace_values, replace_nulls);
	return PointerGetDatum(tuple);
}
