/*
 * country_data_check.c — re-checks the committed src/generated/country_data.c
 * independently of its generator (run by test/country_data_sources.sh):
 *   - every table is sorted the way the binary searches of the lookup expect;
 *   - keys follow the scheme of country.h (base 26 of the alpha-3, the former
 *     and M49 ranges);
 *   - every stored normalized name is a fixed point of the NORMALIZATION spec
 *     of country_data.h, implemented here again from the spec alone.
 * Pure C, linked with country_data.c only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country_data.h"

static int	failures = 0;

#define FAIL(...) do { fprintf(stderr, "FAIL: " __VA_ARGS__); fputc('\n', stderr); failures++; } while (0)

static int
fold_cmp(const void *key, const void *row)
{
	uint32_t	cp = *(const uint32_t *) key;
	uint32_t	other = ((const CountryFold *) row)->codepoint;

	return (cp > other) - (cp < other);
}

static const char *
fold_lookup(uint32_t cp)
{
	const CountryFold *f = bsearch(&cp, country_fold_table, country_fold_count, sizeof(CountryFold), fold_cmp);

	return f ? f->ascii : NULL;
}

/* The NORMALIZATION spec of country_data.h, written from the spec alone. */
static void
normalize(const char *s, char *out, size_t outsz)
{
	char		buf[1024];
	size_t		n = 0;
	const unsigned char *p = (const unsigned char *) s;

	while (*p && n + 8 < sizeof(buf))
	{
		uint32_t	cp;
		int			len;
		const char *f;

		if (*p < 0x80) { cp = *p; len = 1; }
		else if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; len = 2; }
		else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; len = 3; }
		else { cp = *p & 0x07; len = 4; }
		for (int i = 1; i < len; i++)
			cp = (cp << 6) | (p[i] & 0x3F);

		if (cp < 0x80)
		{
			if (cp >= 'A' && cp <= 'Z')
				buf[n++] = (char) (cp - 'A' + 'a');
			else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
				buf[n++] = (char) cp;
			else if (cp == '&')
			{
				memcpy(buf + n, " and ", 5);
				n += 5;
			}
			else
				buf[n++] = ' ';
		}
		else if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD)
			;
		else if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
				 (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F))
			;					/* combining marks */
		else if ((f = fold_lookup(cp)) != NULL)
		{
			memcpy(buf + n, f, strlen(f));
			n += strlen(f);
		}
		else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || (cp >= 0x2010 && cp <= 0x2015) ||
				 cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F)
			buf[n++] = ' ';
		else
		{
			memcpy(buf + n, p, len);
			n += len;
		}
		p += len;
	}
	buf[n] = '\0';

	/* collapse spaces, trim, drop a leading "the " */
	{
		size_t		o = 0;
		int			space = 1;

		for (size_t i = 0; i < n && o + 1 < outsz; i++)
		{
			if (buf[i] == ' ')
			{
				if (!space)
					out[o++] = ' ';
				space = 1;
			}
			else
			{
				out[o++] = buf[i];
				space = 0;
			}
		}
		if (o > 0 && out[o - 1] == ' ')
			o--;
		out[o] = '\0';
		if (strncmp(out, "the ", 4) == 0)
			memmove(out, out + 4, strlen(out + 4) + 1);
	}
}

static int
base26(const char *a3)
{
	return (a3[0] - 'A') * 676 + (a3[1] - 'A') * 26 + (a3[2] - 'A');
}

static const CountryRecord *
record(CountryKey key)
{
	for (size_t i = 0; i < country_record_count; i++)
		if (country_records[i].key == key)
			return &country_records[i];
	return NULL;
}

/* Does normalized name n lead to key (alone, or among the candidates of an ambiguous name)? */
static int
name_reaches(const char *n, CountryKey key, int *found)
{
	*found = 0;
	for (size_t i = 0; i < country_name_count; i++)
		if (strcmp(country_names[i].normalized, n) == 0)
		{
			(*found)++;
			if (country_names[i].key == key)
				return 1;
		}
	return 0;
}

int
main(void)
{
	size_t		current = 0, former = 0, legacy = 0, ambiguous = 0;
	char		n[1024];

	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		int			want;

		if (i > 0 && country_records[i - 1].key >= r->key)
			FAIL("records not sorted by key at %zu", i);
		if (r->alpha4[0])
		{
			want = COUNTRY_KEY_FORMER_BASE + base26(r->alpha3);
			former++;
		}
		else if (r->alpha3[0])
		{
			want = COUNTRY_KEY_CURRENT_BASE + base26(r->alpha3);
			current++;
		}
		else
		{
			want = COUNTRY_KEY_M49_BASE + r->numeric;
			legacy++;
		}
		if (r->key != want)
			FAIL("key %u of %s/%s breaks the key scheme", r->key, r->alpha3, r->alpha4);
		if (!r->name_en || !r->name_fr || !r->name_es)
			FAIL("record %u lacks a display name", r->key);
		for (int s = 0; s < r->successor_count; s++)
			if (!record(r->successors[s]))
				FAIL("record %u: unknown successor %u", r->key, r->successors[s]);
		if ((r->successor_count > 0) != (r->successors != NULL))
			FAIL("record %u: successor count and array disagree", r->key);
	}
	for (size_t i = 0; i < country_name_count; i++)
	{
		const CountryName *c = &country_names[i];

		if (!record(c->key))
			FAIL("name \"%s\": unknown key %u", c->normalized, c->key);
		normalize(c->normalized, n, sizeof(n));
		if (strcmp(n, c->normalized) != 0)
			FAIL("name \"%s\" is not normalized (C gives \"%s\")", c->normalized, n);
		if (i > 0)
		{
			int			cmp = strcmp(country_names[i - 1].normalized, c->normalized);

			if (cmp > 0 || (cmp == 0 && country_names[i - 1].key >= c->key))
				FAIL("names not sorted at \"%s\"", c->normalized);
			if (cmp == 0 && (i < 2 || strcmp(country_names[i - 2].normalized, c->normalized) != 0))
				ambiguous++;
		}
		if (c->kind > CNAME_UN)
			FAIL("name \"%s\": bad kind", c->normalized);
	}
	/* Every display name reaches its own country through the C normalization. */
	for (size_t i = 0; i < country_record_count; i++)
	{
		const CountryRecord *r = &country_records[i];
		const char *names[] = {r->name_en, r->name_fr, r->name_es, r->common_name, r->official_name};

		for (int j = 0; j < 5; j++)
		{
			int			found;

			if (!names[j])
				continue;
			normalize(names[j], n, sizeof(n));
			if (!name_reaches(n, r->key, &found) && found == 0)
				FAIL("display name \"%s\" of %u is not a known name", names[j], r->key);
		}
	}
	for (size_t i = 1; i < country_code_alias_count; i++)
		if (strcmp(country_code_aliases[i - 1].code, country_code_aliases[i].code) >= 0)
			FAIL("code aliases not sorted at %s", country_code_aliases[i].code);
	for (size_t i = 0; i < country_scheme_code_count; i++)
	{
		const CountrySchemeCode *c = &country_scheme_codes[i];
		int			canon = 0;

		if (c->scheme >= CSCHEME_COUNT || (c->key != 0 && !record(c->key)))
			FAIL("scheme code %s: bad scheme or key", c->code);
		if (c->key == 0 && (c->canonical || c->label == NULL))
			FAIL("scheme code %s names no country: it needs a label and cannot be canonical", c->code);
		if (i > 0)
		{
			const CountrySchemeCode *p = &country_scheme_codes[i - 1];

			if (p->scheme > c->scheme || (p->scheme == c->scheme && strcmp(p->code, c->code) >= 0))
				FAIL("scheme codes not sorted at %s", c->code);
		}
		for (size_t j = 0; j < country_scheme_code_count; j++)
			if (country_scheme_codes[j].scheme == c->scheme && country_scheme_codes[j].key == c->key)
				canon += country_scheme_codes[j].canonical;
		if (c->key != 0 && canon != 1)
			FAIL("scheme %d key %u has %d canonical codes", c->scheme, c->key, canon);
	}
	for (size_t i = 0; i < m49_area_count; i++)
		if (i > 0 && m49_areas[i - 1].code >= m49_areas[i].code)
			FAIL("M49 areas not sorted at %u", m49_areas[i].code);
	for (size_t i = 1; i < country_fold_count; i++)
		if (country_fold_table[i - 1].codepoint >= country_fold_table[i].codepoint)
			FAIL("fold table not sorted at U+%04X", (unsigned) country_fold_table[i].codepoint);

	printf("records %zu (current %zu, former %zu, legacy M49 %zu); names %zu; ambiguous names %zu; "
		   "code aliases %zu; scheme codes %zu; M49 areas %zu; fold entries %zu\n",
		   country_record_count, current, former, legacy, country_name_count, ambiguous,
		   country_code_alias_count, country_scheme_code_count, m49_area_count, country_fold_count);
	return failures ? 1 : 0;
}
