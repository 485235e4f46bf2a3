/*
 * country_normalize.c — the name normalization of country_data.h, in pure C.
 *
 * tools/gen_country_data.py normalizes every known name the same way when it
 * builds country_names; a name matches when both normalized forms are equal
 * byte for byte.  The function never reads past len and never writes past
 * dstsize, whatever the bytes (invalid UTF-8 is copied through unchanged).
 */
#include "country_lookup.h"

#include <stdlib.h>
#include <string.h>

/* What one code point becomes. */
typedef enum FoldAction
{
	FOLD_KEEP,					/* copy its bytes */
	FOLD_DROP,					/* invisible: remove */
	FOLD_SPACE,					/* separator */
	FOLD_REPLACE				/* replacement text in *repl */
} FoldAction;

/* Decode one UTF-8 sequence; returns its length, or 0 when invalid (then it is one raw byte). */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t		n,
				i;
	uint32_t	v;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		v = c & 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		v = c & 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		v = c & 0x07;
	}
	else
		return 0;
	if (n > len)
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and out-of-range values are not code points */
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
		(v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

/* bsearch() comparator: a code point against a CountryFold */
static int
compare_codepoint(const void *key, const void *row)
{
	uint32_t	a = *(const uint32_t *) key;
	uint32_t	b = ((const CountryFold *) row)->codepoint;

	return (a > b) - (a < b);
}

static const char *
fold_lookup(uint32_t cp)
{
	const CountryFold *fold = bsearch(&cp, country_fold_table, country_fold_count, sizeof(CountryFold),
									  compare_codepoint);

	return fold != NULL ? fold->ascii : NULL;
}

/*
 * Combining marks: decomposed (NFD) text — macOS file names, some PDFs — spells
 * "ü" as "u" + U+0308.  Dropping the mark gives what the fold table gives for
 * the precomposed letter.
 */
static inline bool
is_combining_mark(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
		(cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
		(cp >= 0xFE20 && cp <= 0xFE2F);
}

static FoldAction
fold_codepoint(uint32_t cp, const char **repl)
{
	static const char *const and_text = " and ";

	if (cp < 0x80)
	{
		/* ASCII letters, digits and '&' are handled by the caller's fast path */
		if (cp == '&')
		{
			*repl = and_text;
			return FOLD_REPLACE;
		}
		return FOLD_SPACE;
	}
	if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD ||
		is_combining_mark(cp))
		return FOLD_DROP;
	if ((*repl = fold_lookup(cp)) != NULL)
		return FOLD_REPLACE;
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || (cp >= 0x2010 && cp <= 0x2015) ||
		cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F)
		return FOLD_SPACE;
	return FOLD_KEEP;
}

/*
 * Output goes through this small writer: it counts every byte but stores only
 * what fits, and collapses spaces as it goes (a space is held back until a
 * non-space follows, so leading and trailing spaces never appear).
 */
typedef struct NormWriter
{
	char	   *dst;
	size_t		cap;			/* bytes we may store, excluding the NUL */
	size_t		len;			/* full length so far */
	bool		pending_space;
	char		extra[4];		/* the 4 bytes after cap, in case a leading "the " goes */
} NormWriter;

static inline void
put_byte(NormWriter *w, char c)
{
	if (w->len < w->cap)
		w->dst[w->len] = c;
	else if (w->len - w->cap < sizeof(w->extra))
		w->extra[w->len - w->cap] = c;
	w->len++;
}

/* Byte at position pos (pos < cap + 4 and pos < len). */
static inline char
get_byte(const NormWriter *w, size_t pos)
{
	return pos < w->cap ? w->dst[pos] : w->extra[pos - w->cap];
}

static void
drop_leading_the(NormWriter *w)
{
	size_t		kept;

	if (w->len <= 4 || get_byte(w, 0) != 't' || get_byte(w, 1) != 'h' ||
		get_byte(w, 2) != 'e' || get_byte(w, 3) != ' ')
		return;
	w->len -= 4;
	kept = w->len < w->cap ? w->len : w->cap;
	for (size_t i = 0; i < kept; i++)
		w->dst[i] = get_byte(w, i + 4);
}

static inline void
put_char(NormWriter *w, char c)
{
	if (c == ' ')
	{
		if (w->len > 0)
			w->pending_space = true;
		return;
	}
	if (w->pending_space)
	{
		put_byte(w, ' ');
		w->pending_space = false;
	}
	put_byte(w, c);
}

size_t
country_normalize(const char *src, size_t len, char *dst, size_t dstsize)
{
	const unsigned char *s = (const unsigned char *) src;
	NormWriter	w;
	size_t		i = 0;

	w.dst = dst;
	w.cap = dstsize > 0 ? dstsize - 1 : 0;
	w.len = 0;
	w.pending_space = false;

	while (i < len)
	{
		unsigned char c = s[i];
		uint32_t	cp;
		size_t		n;
		const char *repl = NULL;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		{
			put_char(&w, (char) c);
			i++;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
		{
			put_char(&w, (char) (c + ('a' - 'A')));
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
		{
			/* not UTF-8: keep the byte, it can only match nothing */
			put_char(&w, (char) c);
			i++;
			continue;
		}
		switch (fold_codepoint(cp, &repl))
		{
			case FOLD_DROP:
				break;
			case FOLD_SPACE:
				put_char(&w, ' ');
				break;
			case FOLD_REPLACE:
				for (; *repl; repl++)
					put_char(&w, *repl);
				break;
			case FOLD_KEEP:
				for (size_t k = 0; k < n; k++)
					put_char(&w, (char) s[i + k]);
				break;
		}
		i += n;
	}

	/* a leading "the " goes (the text after it is already collapsed) */
	drop_leading_the(&w);
	if (dstsize > 0)
		dst[w.len < w.cap ? w.len : w.cap] = '\0';
	return w.len;
}

bool
country_is_placeholder(const char *normalized)
{
	/*
	 * Spellings of "no value" found in spreadsheets and statistical tables,
	 * normalized.  "na" is not here: NA is Namibia, and only "N/A", "n.a." and
	 * the like (normalized "n a") mean missing.  tools/gen_country_data.py has
	 * the same list (PLACEHOLDERS) and refuses a name spelled like one.
	 */
	static const char *const placeholders[] = {
		"", "n a", "null", "none", "nan", "nil", "unknown", "not available",
		"not applicable", "not specified", "not stated", "unspecified", "missing",
		"n d", "no data", "not known"
	};

	for (size_t i = 0; i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strcmp(normalized, placeholders[i]) == 0)
			return true;
	return false;
}
