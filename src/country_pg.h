/*
 * country_pg.h — the server side of iscm.country, for the other parts of iscm
 * that hold countries (country_set): Datum conversion, and parsing and
 * printing exactly as the type's own input and output functions do.
 *
 * Include after compat.h (postgres.h must come first, as in every server file).
 */
#ifndef ISCM_COUNTRY_PG_H
#define ISCM_COUNTRY_PG_H

#include "fmgr.h"

#include "country.h"

#define DatumGetCountryKey(d)	((CountryKey) DatumGetUInt16(d))
#define CountryKeyGetDatum(k)	UInt16GetDatum(k)
#define PG_GETARG_COUNTRY(n)	DatumGetCountryKey(PG_GETARG_DATUM(n))
#define PG_RETURN_COUNTRY(k)	return CountryKeyGetDatum(k)

/*
 * Parse a country the way iscm.country's input function does: on bad input,
 * report SQLSTATE 22P02 with the candidates of an ambiguous name or the nearest
 * known names of an unknown one (soft error through escontext on PG16+, where
 * false is returned).  Other types that contain countries (country_set) call
 * this so that every spelling is accepted the same way everywhere.
 */
extern bool country_from_cstring(const char *str, CountryKey *result, struct Node *escontext);

/* Text form honouring the iscm.country_output setting; palloc'd. */
extern char *country_to_cstring(CountryKey key);

/* Register the country GUCs; called from _PG_init. */
extern void country_define_gucs(void);

#endif							/* ISCM_COUNTRY_PG_H */
