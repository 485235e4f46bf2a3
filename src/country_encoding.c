/*
 * country_encoding.c — conversions between the UTF-8 country tables and the
 * database encoding.  In a UTF-8 database (the usual case) and in SQL_ASCII
 * ones (bytes taken as they come) nothing is converted or copied.
 */
#include "compat.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "country_encoding.h"

static inline bool
needs_conversion(void)
{
	int			enc = GetDatabaseEncoding();

	return enc != PG_UTF8 && enc != PG_SQL_ASCII;
}

const char *
country_utf8_to_server(const char *s)
{
	if (s == NULL || !needs_conversion())
		return s;
	return pg_any_to_server(s, (int) strlen(s), PG_UTF8);
}

Datum
country_utf8_text_datum(const char *s)
{
	return CStringGetTextDatum(country_utf8_to_server(s));
}

void
country_server_to_utf8(const char **str, size_t *len)
{
	const char *s = *str;
	char	   *converted;

	if (!needs_conversion())
		return;
	for (size_t i = 0; i < *len; i++)
	{
		if ((unsigned char) s[i] >= 0x80)
		{
			/* pg_server_to_any wants a NUL-terminated string */
			converted = pg_server_to_any(pnstrdup(s, *len), (int) *len, PG_UTF8);
			*str = converted;
			*len = strlen(converted);
			return;
		}
	}
}
