/*
 * server_util.h — fmgr helpers every family shares: the aggregate memory
 * context, the arguments of transition and combine functions, and the set-up
 * of set-returning functions (value-per-call and materialized).
 */
#ifndef ISCM_SERVER_UTIL_H
#define ISCM_SERVER_UTIL_H

#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "funcapi.h"
#include "utils/expandeddatum.h"
#include "utils/tuplestore.h"

/*
 * The memory context of the aggregate calling fcinfo, where its state lives;
 * ERROR 0A000 naming caller when the function is called outside an aggregate
 * (support functions whose state is an iscm type can be called from SQL).
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
 * Aggregate states kept as expanded objects (utils/expandeddatum.h).  An
 * aggregate whose state type is one of iscm's types, as planners that move
 * partial states between processes or nodes require, keeps the state in
 * memory as an expanded object in a memory context of its own, a child of
 * the aggregate context; a transition function changes it in place and
 * returns the read-write pointer it was given, which nodeAgg then does not
 * copy.  Flattening writes the type's stored format.
 */

/* the memory context of a new state: a child of the aggregate context, small at first */
extern MemoryContext aggregate_state_context(MemoryContext aggcxt);

/*
 * Argument argno of a transition or combine function when it is a state of
 * the aggregate: a read-write expanded object of methods whose memory context
 * is a child of aggcxt, which the function may change in place and return.
 * NULL for anything else (NULL, a flat value, a read-only or foreign object),
 * which must be copied before it is changed.
 */
static inline ExpandedObjectHeader *
aggregate_owned_state(FunctionCallInfo fcinfo, int argno, MemoryContext aggcxt,
					  const ExpandedObjectMethods *methods)
{
	varatt_expanded ptr;

	if (PG_ARGISNULL(argno) || !VARATT_IS_EXTERNAL_EXPANDED_RW(PG_GETARG_POINTER(argno)))
		return NULL;
	/* DatumGetEOHP() without the call: this runs once per row */
	memcpy(&ptr, VARDATA_EXTERNAL(PG_GETARG_POINTER(argno)), sizeof(ptr));
	if (ptr.eohptr->eoh_methods != methods || ptr.eohptr->eoh_context->parent != aggcxt)
		return NULL;
	return ptr.eohptr;
}

/* encodes an expanded state in its stored format, as a palloc'd value */
typedef struct varlena *(*ExpandedStateEncoder) (ExpandedObjectHeader *eoh);

/*
 * The stored format of an expanded state, allocated in the state's own
 * memory context: the caller's may be a bump context (tuplesort's,
 * PostgreSQL 17 and later), where pfree is refused.
 */
extern struct varlena *expanded_state_encode(ExpandedObjectHeader *eoh, ExpandedStateEncoder encode);

/*
 * Copies an encoded state into the space a flatten method was given and
 * frees it; ERROR when its size is not the one flat_size promised.
 */
extern void expanded_state_write(struct varlena *flat, void *result, Size allocated_size, const char *type_name);

/* a flatten method: expanded_state_encode, then expanded_state_write */
extern void expanded_state_flatten(ExpandedObjectHeader *eoh, ExpandedStateEncoder encode,
								   void *result, Size allocated_size, const char *type_name);

/* the expanded object of methods behind a datum (read-write or read-only), or NULL */
static inline ExpandedObjectHeader *
aggregate_expanded_datum(Datum value, const ExpandedObjectMethods *methods)
{
	ExpandedObjectHeader *eoh;

	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(value)))
		return NULL;
	eoh = DatumGetEOHP(value);
	return eoh->eoh_methods == methods ? eoh : NULL;
}

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

/*
 * Types whose text form is their versioned byte format in hex (design_summary,
 * design_sample): exact, since every bit of a weight survives, and read back
 * through the same validation as the binary form.  Each type checks the
 * bytes these return with its own decoder.
 */

/* the hex text of a value's bytes */
extern char *bytes_hex_out(struct varlena *value);

/*
 * The bytes spelled by hex text; NULL after a soft error (22P02) reported to
 * escontext.  out_function names the function that writes such text.
 */
extern bytea *bytes_hex_in(const char *str, Node *escontext, const char *type_name,
						   const char *out_function);

/* the rest of a binary message as a value's bytes, and a value's bytes as a message */
extern bytea *bytes_recv(StringInfo buf);
extern bytea *bytes_send(struct varlena *value);

#endif							/* ISCM_SERVER_UTIL_H */
