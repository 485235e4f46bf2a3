/*
 * server_util.h — fmgr helpers every family shares: the aggregate memory
 * context, the arguments of transition and combine functions, and the set-up
 * of set-returning functions (value-per-call and materialized).
 */
#ifndef ISCM_SERVER_UTIL_H
#define ISCM_SERVER_UTIL_H

#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/tuplestore.h"

/*
 * The memory context of the aggregate calling fcinfo, where its state lives;
 * ERROR naming caller when the function is called outside an aggregate.
 */
extern MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char *caller);

/* argument argno of a transition or combine function: its state, or NULL */
extern void *aggregate_state_arg(FunctionCallInfo fcinfo, int argno);

/*
 * The result of a combine function whose second state is NULL (no row reached
 * that partial aggregate): the first state as it is, NULL or not.
 */
extern Datum aggregate_keep_first(FunctionCallInfo fcinfo);

/*
 * The first call of a value-per-call set-returning function: start(fcinfo,
 * &max_calls) runs in the multi-call memory context, so what it allocates or
 * detoasts lasts for all calls; what it returns becomes user_fctx.  With rows
 * true the function returns a row type, blessed into tuple_desc; caller names
 * the SQL function in the error raised when the context cannot accept a record.
 */
typedef void *(*SrfStart) (FunctionCallInfo fcinfo, uint64 *max_calls);
extern void srf_first_call(FunctionCallInfo fcinfo, SrfStart start, bool rows, const char *caller);

/*
 * Start a materialized result: checks that the caller accepts one and returns
 * the tuplestore to fill, with *tupdesc the result row type (both live in the
 * query's memory).
 */
extern Tuplestorestate *srf_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

#endif							/* ISCM_SERVER_UTIL_H */
