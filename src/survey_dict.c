/*
 * survey_dict.c — category dictionary of the survey aggregate states.
 */
#include "survey_dict.h"

#include "common/hashfn.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "survey_common.h"

/* below this many categories a linear scan beats hashing */
#define LINEAR_LIMIT 8

void
survey_dict_init(SurveyDict *dict, MemoryContext cxt)
{
	dict->cxt = cxt;
	dict->cap = 8;
	dict->n = 0;
	dict->last = 0;
	dict->entries = MemoryContextAlloc(cxt, sizeof(SurveyDictEntry) * dict->cap);
	dict->slots = NULL;
	dict->nslots = 0;
}

static inline bool
entry_matches(const SurveyDictEntry *e, const char *chars, uint32 len)
{
	return e->len == len && memcmp(e->text, chars, len) == 0;
}

static void
index_insert(SurveyDict *dict, uint32 i)
{
	uint32		mask = dict->nslots - 1;
	uint32		slot = dict->entries[i].hash & mask;

	while (dict->slots[slot] >= 0)
		slot = (slot + 1) & mask;
	dict->slots[slot] = (int32) i;
}

/* (re)build the hash index at a load factor of at most one half */
static void
index_rebuild(SurveyDict *dict)
{
	uint32		nslots = 64;

	while (nslots < dict->n * 2 + 2)
		nslots *= 2;
	if (dict->slots)
		pfree(dict->slots);
	dict->slots = MemoryContextAlloc(dict->cxt, sizeof(int32) * nslots);
	memset(dict->slots, 0xff, sizeof(int32) * nslots);
	dict->nslots = nslots;
	for (uint32 i = 0; i < dict->n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		dict->entries[i].hash = hash_bytes((const unsigned char *) dict->entries[i].text,
										   (int) dict->entries[i].len);
		index_insert(dict, i);
	}
}

static int64
find(SurveyDict *dict, const char *chars, uint32 len, uint32 *hash_out)
{
	if (dict->n > 0 && entry_matches(&dict->entries[dict->last], chars, len))
		return dict->last;

	if (dict->slots == NULL)
	{
		for (uint32 i = 0; i < dict->n; i++)
			if (entry_matches(&dict->entries[i], chars, len))
				return dict->last = i;
		*hash_out = 0;
		return -1;
	}
	else
	{
		uint32		hash = hash_bytes((const unsigned char *) chars, (int) len);
		uint32		mask = dict->nslots - 1;
		uint32		slot = hash & mask;

		for (; dict->slots[slot] >= 0; slot = (slot + 1) & mask)
		{
			SurveyDictEntry *e = &dict->entries[dict->slots[slot]];

			if (e->hash == hash && entry_matches(e, chars, len))
				return dict->last = (uint32) dict->slots[slot];
		}
		*hash_out = hash;
		return -1;
	}
}


uint32
survey_dict_lookup(SurveyDict *dict, const char *chars, uint32 len)
{
	uint32		hash = 0;
	int64		found = find(dict, chars, len, &hash);
	SurveyDictEntry *e;

	if (found >= 0)
		return (uint32) found;

	if (dict->n == dict->cap)
	{
		if (dict->cap >= (uint32) (MaxAllocSize / sizeof(SurveyDictEntry) / 2))
			ereport(ERROR,
					errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("too many distinct categories in one summary"));
		dict->cap *= 2;
		dict->entries = repalloc(dict->entries, sizeof(SurveyDictEntry) * dict->cap);
	}
	e = &dict->entries[dict->n];
	e->text = MemoryContextAlloc(dict->cxt, len + 1);
	memcpy(e->text, chars, len);
	e->text[len] = '\0';
	e->len = len;
	e->hash = hash;
	e->count = 0;
	e->weight.sum = 0.0;
	e->weight.comp = 0.0;
	memset(&e->weight_sq, 0, sizeof(e->weight_sq));
	e->stamp = -1;
	dict->last = dict->n++;

	if (dict->slots != NULL)
	{
		if (dict->n * 2 + 2 > dict->nslots)
			index_rebuild(dict);
		else
			index_insert(dict, dict->last);
	}
	else if (dict->n > LINEAR_LIMIT)
		index_rebuild(dict);
	return dict->last;
}

static int
compare_indexes(const void *a, const void *b, void *arg)
{
	const SurveyDictEntry *entries = arg;
	const SurveyDictEntry *x = &entries[*(const uint32 *) a];
	const SurveyDictEntry *y = &entries[*(const uint32 *) b];

	return survey_category_compare(x->text, x->len, y->text, y->len);
}

SurveyCategory *
survey_dict_sorted(const SurveyDict *dict, uint32 *order, size_t *string_bytes)
{
	SurveyCategory *cats = palloc(sizeof(SurveyCategory) * (dict->n + 1));
	uint32	   *idx = order ? order : palloc(sizeof(uint32) * (dict->n + 1));
	size_t		bytes = 0;

	for (uint32 i = 0; i < dict->n; i++)
		idx[i] = i;
	survey_sort(idx, dict->n, sizeof(uint32), compare_indexes, dict->entries);
	for (uint32 i = 0; i < dict->n; i++)
	{
		const SurveyDictEntry *e = &dict->entries[idx[i]];

		CHECK_FOR_INTERRUPTS();
		cats[i].text = e->text;
		cats[i].len = e->len;
		cats[i].count = e->count;
		cats[i].weight = survey_sum_value(&e->weight);
		/* its scale depends on the whole summary: the caller sets it */
		cats[i].weight_sq = 0.0;
		bytes += e->len;
	}
	if (order == NULL)
		pfree(idx);
	*string_bytes = bytes;
	return cats;
}
