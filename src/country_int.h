/*
 * country_int.h — what the server files of iscm.country (country*.c, not
 * country_set*) share: the conversions between the UTF-8 tables and the
 * database encoding, record and code look-ups that treat a missing key as
 * corruption, labels of the tables' enumerations, and the errors of
 * iscm.country input with their details and hints (placeholders, M49
 * regions, withdrawn codes, ambiguous and unknown names).
 */
#ifndef ISCM_COUNTRY_INT_H
#define ISCM_COUNTRY_INT_H

#include "fmgr.h"
#include "funcapi.h"

#include "country_data.h"
#include "country_pg.h"

/* ---- encoding (country.c): free in a UTF-8 or SQL_ASCII database ---------- */

/* A UTF-8 string from the tables, in the database encoding (may be s itself). */
extern const char *country_utf8_to_server(const char *s);

/* Can the database encoding hold this UTF-8 string?  (Always in UTF-8 and SQL_ASCII.) */
extern bool country_utf8_fits_server(const char *s);

/* ... as a text Datum. */
extern Datum country_utf8_text_datum(const char *s);

/*
 * Input text as UTF-8: the str, len pair is replaced by a converted copy when the
 * database encoding is neither UTF-8 nor SQL_ASCII and the text is not ASCII.
 */
extern void country_server_to_utf8(const char **str, size_t *len);

/* The bytes of a text argument, converted as country_server_to_utf8() does. */
extern void country_text_to_utf8(const text *arg, const char **str, size_t *len);

/* ---- records (country.c): a key without one is corrupted data, elog(ERROR) -- */

extern const CountryRecord *country_record_or_error(CountryKey key);

/* Canonical code of key (country_key_to_code()), written to buf. */
extern void country_code_or_error(CountryKey key, char buf[COUNTRY_CODE_BUFSIZE]);

/* ---- the tables' enumerations (country_info.c) ----------------------------- */

/* English name of an M49 area, or NULL (also for code 0). */
extern const char *country_m49_name(uint16_t code);

/* Level of an M49 area as iscm.m49_regions shows it: "world", "region", "sub-region" ... */
extern const char *country_m49_level_label(uint8_t level);

/* Name of a CountryNameKind as iscm.country_names shows it ("iso", "alias" ...). */
extern const char *country_name_kind_label(uint8_t kind);

/*
 * How many countries the count country_names rows from first name (a run of
 * one normalized name, as country_names_matching() gives it): more than one
 * makes the name ambiguous.
 */
extern size_t country_names_distinct_keys(size_t first, size_t count);

/* ---- input errors (country_errors.c) -------------------------------------- */

/*
 * Report a failed lookup of str (len bytes of UTF-8, not necessarily
 * NUL-terminated) as SQLSTATE 22P02.  Returns false when escontext took it as a soft error;
 * otherwise does not return.
 */
extern bool country_report_input_error(CountryLookupStatus status, const char *str, size_t len,
									   struct Node *escontext);

/* int4 -> country of a number that is no country's code (22023); does not return. */
pg_noreturn extern void country_report_bad_numeric(int32 code);

#endif							/* ISCM_COUNTRY_INT_H */
