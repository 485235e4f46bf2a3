/*
 * country_fuzzy.c — nearest known names by edit distance, in pure C.
 *
 * Used only off the hot path: for the "Did you mean" hint of a failed input
 * and by country_candidates().  It scans every normalized name once with a
 * three-row edit distance; the input is cut to FUZZY_MAX_LEN bytes and
 * names whose length alone puts them out of reach are skipped, so one call
 * costs well under a millisecond on a few thousand names.
 */
#include "country_lookup.h"

#include <string.h>

#define FUZZY_MAX_LEN	64

/*
 * Edit distance of a and b (b cut to FUZZY_MAX_LEN) counting a swap of two
 * neighbouring letters as one edit, the commonest typo ("Cuab", "Nigeira");
 * this is the optimal-string-alignment variant of Damerau-Levenshtein.
 * Gives up, returning limit + 1, once every path costs more than limit.
 */
static size_t
edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit)
{
	size_t		rows[3][FUZZY_MAX_LEN + 1];
	size_t	   *before = rows[0],
			   *prev = rows[1],
			   *cur = rows[2];

	if (blen > FUZZY_MAX_LEN)
		blen = FUZZY_MAX_LEN;
	for (size_t j = 0; j <= blen; j++)
		prev[j] = j;
	for (size_t i = 1; i <= alen; i++)
	{
		size_t		best = cur[0] = i;
		size_t	   *t;

		for (size_t j = 1; j <= blen; j++)
		{
			size_t		v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && before[j - 2] + 1 < v)
				v = before[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
		t = before;
		before = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

static double
similarity(size_t distance, size_t alen, size_t blen)
{
	size_t		longer = alen > blen ? alen : blen;

	return longer == 0 ? 1.0 : 1.0 - (double) distance / (double) longer;
}

/* Insert m into out (sorted by score desc, key asc), keeping one entry per key and at most max. */
static size_t
keep_best(CountryFuzzyMatch *out, size_t n, size_t max, CountryFuzzyMatch m)
{
	size_t		pos;

	for (size_t i = 0; i < n; i++)
	{
		if (out[i].key != m.key)
			continue;
		if (out[i].score >= m.score)
			return n;
		memmove(&out[i], &out[i + 1], (n - i - 1) * sizeof(*out));
		n--;
		break;
	}
	for (pos = n; pos > 0; pos--)
	{
		const CountryFuzzyMatch *p = &out[pos - 1];

		if (p->score > m.score || (p->score == m.score && p->key < m.key))
			break;
	}
	if (pos >= max)
		return n;
	if (n == max)
		n--;
	memmove(&out[pos + 1], &out[pos], (n - pos) * sizeof(*out));
	out[pos] = m;
	return n + 1;
}

size_t
country_fuzzy(const char *normalized, CountryKey exclude, double min_score,
			  CountryFuzzyMatch *out, size_t max)
{
	size_t		alen = strlen(normalized);
	size_t		n = 0;

	if (max == 0 || alen == 0)
		return 0;
	if (alen > FUZZY_MAX_LEN)
		alen = FUZZY_MAX_LEN;

	for (size_t i = 0; i < country_name_count; i++)
	{
		const CountryName *name = &country_names[i];
		size_t		blen = strlen(name->normalized);
		size_t		cut = blen > FUZZY_MAX_LEN ? FUZZY_MAX_LEN : blen;
		double		floor = n == max ? out[max - 1].score : min_score;
		size_t		longer = alen > cut ? alen : cut;
		size_t		limit,
					d;
		CountryFuzzyMatch m;

		if (name->key == exclude)
			continue;
		/* the distance is at least the length difference */
		if (similarity(alen > cut ? alen - cut : cut - alen, alen, cut) < floor)
			continue;
		limit = (size_t) ((1.0 - floor) * (double) longer);
		d = edit_distance(normalized, alen, name->normalized, cut, limit);
		if (d > limit)
			continue;
		m.key = name->key;
		m.name_index = i;
		m.score = similarity(d, alen, blen);
		if (m.score < min_score)
			continue;
		n = keep_best(out, n, max, m);
	}
	return n;
}
