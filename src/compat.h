/*
 * compat.h — every PostgreSQL-version difference iscm cares about, in one place.
 *
 * iscm is tested on PostgreSQL 15 (Debian 12) and 18 (built from Debian's source
 * package by tools/build-postgres); doc/versions.md lists what ran where.  Code
 * elsewhere uses only the macros below, never PG_VERSION_NUM directly.
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

/*
 * Functions that never return are declared "pg_noreturn extern void f(...);".
 * PostgreSQL 18 replaced the trailing pg_attribute_noreturn() with pg_noreturn,
 * a C11 function specifier that goes in front; GCC and Clang accept the
 * attribute in front as well, so older majors get it under the new name.
 */
#if PG_VERSION_NUM < 180000
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * Cost-based delay inside a typanalyze loop.  PostgreSQL 18's
 * vacuum_delay_point() asks whether ANALYZE or VACUUM is calling, so that the
 * time slept shows in the right progress view (pg_stat_progress_analyze's
 * delay_time, with track_cost_delay_timing on).
 */
#if PG_VERSION_NUM >= 180000
#define analyze_delay_point() vacuum_delay_point(true)
#else
#define analyze_delay_point() vacuum_delay_point()
#endif

/*
 * make_range() gained a soft-error context in PostgreSQL 16; iscm's callers
 * build only valid ranges and want a hard error if that ever fails.
 */
#if PG_VERSION_NUM >= 160000
#define ISCM_MAKE_RANGE(typcache, lower, upper, empty) make_range((typcache), (lower), (upper), (empty), NULL)
#else
#define ISCM_MAKE_RANGE(typcache, lower, upper, empty) make_range((typcache), (lower), (upper), (empty))
#endif

#endif							/* ISCM_COMPAT_H */
