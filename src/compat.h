/*
 * compat.h — every PostgreSQL-version difference iscm cares about, in one place.
 *
 * iscm targets PostgreSQL 15 (Debian 12) and builds on 14 to 17.  Code elsewhere
 * uses only the macros below, never PG_VERSION_NUM directly.
 */
#ifndef ISCM_COMPAT_H
#define ISCM_COMPAT_H

#include "postgres.h"
#include "utils/elog.h"

#if PG_VERSION_NUM < 140000
#error "iscm needs PostgreSQL 14 or later"
#endif

/*
 * Input functions report bad text through ISCM_INPUT_ERROR(escontext, retval, ...).
 * From PostgreSQL 16 this is a soft error when the caller asked for one
 * (pg_input_is_valid(), COPY ... ON_ERROR), so escontext must be fcinfo->context.
 * Before 16 there are no soft errors and it is a plain ereport(ERROR).
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define ISCM_INPUT_ERROR(escontext, retval, ...) ereturn((escontext), (retval), __VA_ARGS__)
#define ISCM_SOFT_ERRORS 1
#else
#define ISCM_INPUT_ERROR(escontext, retval, ...) \
	do { \
		(void) (escontext); \
		ereport(ERROR, __VA_ARGS__); \
		pg_unreachable(); \
	} while (0)
#define ISCM_SOFT_ERRORS 0
#endif

/* PostgreSQL 16 moved the varlena accessors; 15 still has them in postgres.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#endif							/* ISCM_COMPAT_H */
