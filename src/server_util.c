/*
 * server_util.c — fmgr helpers every family shares (server_util.h).
 */
#include "compat.h"

#include "funcapi.h"
#include "utils/memutils.h"

#include "server_util.h"

MemoryContext
aggregate_context(FunctionCallInfo fcinfo, const char *caller)
{
	MemoryContext cxt;

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "%s called in non-aggregate context", caller);
	return cxt;
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
