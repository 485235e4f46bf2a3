/*
 * server_util.c — fmgr helpers every family shares (server_util.h).
 */
#include "compat.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "server_util.h"

MemoryContext
aggregate_context(FunctionCallInfo fcinfo, const char *caller)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		ereport(ERROR,
				errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				errmsg("%s called in non-aggregate context", caller),
				errhint("It is a support function of an iscm aggregate: call the aggregate."));
	return cxt;
}

MemoryContext
aggregate_state_context(MemoryContext aggcxt)
{
	return AllocSetContextCreate(aggcxt, "iscm aggregate state", ALLOCSET_SMALL_SIZES);
}

struct varlena *
expanded_state_encode(ExpandedObjectHeader *eoh, ExpandedStateEncoder encode)
{
	MemoryContext caller = MemoryContextSwitchTo(eoh->eoh_context);
	struct varlena *flat = encode(eoh);

	MemoryContextSwitchTo(caller);
	return flat;
}

void
expanded_state_write(struct varlena *flat, void *result, Size allocated_size, const char *type_name)
{
	if (VARSIZE(flat) != allocated_size)
		elog(ERROR, "%s state flattened to %zu bytes, not %zu",
			 type_name, (size_t) VARSIZE(flat), (size_t) allocated_size);
	memcpy(result, flat, allocated_size);
	pfree(flat);
}

void
expanded_state_flatten(ExpandedObjectHeader *eoh, ExpandedStateEncoder encode,
					   void *result, Size allocated_size, const char *type_name)
{
	expanded_state_write(expanded_state_encode(eoh, encode), result, allocated_size, type_name);
}

void *
aggregate_state_arg(FunctionCallInfo fcinfo, int argno)
{
	return PG_ARGISNULL(argno) ? NULL : PG_GETARG_POINTER(argno);
}

Datum
aggregate_keep_first(FunctionCallInfo fcinfo)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

void
srf_first_call(FunctionCallInfo fcinfo, SrfStart start, bool rows, const char *caller)
{
	FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
	MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	uint64		max_calls = 0;

	funcctx->user_fctx = start(fcinfo, &max_calls);
	funcctx->max_calls = max_calls;
	if (rows)
	{
		TupleDesc	tupdesc;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "%s called in a context that cannot accept a record", caller);
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
	}
	MemoryContextSwitchTo(old);
}

Tuplestorestate *
srf_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc)
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

char *
bytes_hex_out(struct varlena *value)
{
	size_t		n = VARSIZE_ANY_EXHDR(value);
	char	   *out = palloc(2 * n + 1);

	hex_encode(VARDATA_ANY(value), n, out);
	out[2 * n] = '\0';
	return out;
}

static int
hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bytea *
bytes_hex_in(const char *str, Node *escontext, const char *type_name, const char *out_function)
{
	size_t		n = strlen(str);
	bytea	   *result;
	uint8	   *p;

	if (n % 2 != 0 || n / 2 > MaxAllocSize - VARHDRSZ)
		ISCM_INPUT_ERROR(escontext, NULL,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s", type_name),
						 errdetail("Expected an even number of hexadecimal digits (the text form written by %s).",
								   out_function));
	result = palloc(VARHDRSZ + n / 2);
	SET_VARSIZE(result, VARHDRSZ + n / 2);
	p = (uint8 *) VARDATA(result);
	for (size_t i = 0; i < n / 2; i++)
	{
		int			hi = hex_digit_value(str[2 * i]),
					lo = hex_digit_value(str[2 * i + 1]);

		if (hi < 0 || lo < 0)
			ISCM_INPUT_ERROR(escontext, NULL,
							 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							 errmsg("invalid input syntax for type %s", type_name),
							 errdetail("Expected hexadecimal digits, found \"%c\" at position %zu.",
									   hi < 0 ? str[2 * i] : str[2 * i + 1], hi < 0 ? 2 * i + 1 : 2 * i + 2));
		p[i] = (uint8) (hi << 4 | lo);
	}
	return result;
}

bytea *
bytes_recv(StringInfo buf)
{
	size_t		n = buf->len - buf->cursor;
	bytea	   *result = palloc(VARHDRSZ + n);

	SET_VARSIZE(result, VARHDRSZ + n);
	pq_copymsgbytes(buf, VARDATA(result), n);
	return result;
}

bytea *
bytes_send(struct varlena *value)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
	return pq_endtypsend(&buf);
}
