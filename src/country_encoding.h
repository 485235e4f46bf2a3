/*
 * country_encoding.h — the country tables are UTF-8; a database may not be.
 * Names go out in the database encoding and text comes in as UTF-8 through
 * these helpers, which cost nothing in a UTF-8 (or SQL_ASCII) database.
 */
#ifndef ISCM_COUNTRY_ENCODING_H
#define ISCM_COUNTRY_ENCODING_H

#include "postgres.h"

/* A UTF-8 string from the tables, in the database encoding (may be s itself). */
extern const char *country_utf8_to_server(const char *s);

/* ... as a text Datum. */
extern Datum country_utf8_text_datum(const char *s);

/*
 * Input text as UTF-8: the str, len pair is replaced by a converted copy when the
 * database encoding is neither UTF-8 nor SQL_ASCII and the text is not ASCII.
 */
extern void country_server_to_utf8(const char **str, size_t *len);

#endif							/* ISCM_COUNTRY_ENCODING_H */
