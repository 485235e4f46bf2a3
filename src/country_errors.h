/*
 * country_errors.h — the errors iscm.country input reports, with their
 * details and hints (placeholders, M49 regions, withdrawn codes, ambiguous
 * names with their candidates, unknown names with the nearest known ones).
 */
#ifndef ISCM_COUNTRY_ERRORS_H
#define ISCM_COUNTRY_ERRORS_H

#include "country_pg.h"

/*
 * Report a failed lookup of str (len bytes of UTF-8, not necessarily
 * NUL-terminated) as SQLSTATE 22P02.  Returns false when escontext took it as a soft error;
 * otherwise does not return.
 */
extern bool country_report_input_error(CountryLookupStatus status, const char *str, size_t len,
									   struct Node *escontext);

/* int4 -> country of a number that is no country's code (22023); does not return. */
extern void country_report_bad_numeric(int32 code) pg_attribute_noreturn();

#endif							/* ISCM_COUNTRY_ERRORS_H */
