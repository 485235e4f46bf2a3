/*
 * survey_dict.h — the category dictionary inside aggregate states.
 *
 * Maps category strings to small dense indexes with counts and weight sums.
 * Survey questions have few categories and consecutive rows often repeat
 * one, so a lookup compares the last-seen category first, then scans a short
 * array, and only builds a hash index once the dictionary grows past a
 * handful of entries.  Strings are stored once, in the dictionary's context.
 */
#ifndef ISCM_SURVEY_DICT_H
#define ISCM_SURVEY_DICT_H

#include "compat.h"

#include "survey_format.h"
#include "survey_sum.h"

typedef struct SurveyDictEntry
{
	char	   *text;
	uint32		len;
	uint32		hash;			/* valid once the hash index exists */
	int64		count;
	SurveySum	weight;			/* compensated sum of the weights */
	SurveySquareSum weight_sq;	/* sum of their squares (answer_summary, weighted) */
	int64		stamp;			/* last row that counted it (multiple choice) */
} SurveyDictEntry;

typedef struct SurveyDict
{
	MemoryContext cxt;
	SurveyDictEntry *entries;
	uint32		n;
	uint32		cap;
	uint32		last;			/* index of the last category looked up */
	int32	   *slots;			/* open-addressing hash index, or NULL */
	uint32		nslots;			/* power of two */
} SurveyDict;

extern void survey_dict_init(SurveyDict *dict, MemoryContext cxt);
/* index of text, inserted with zero figures when new */
extern uint32 survey_dict_lookup(SurveyDict *dict, const char *chars, uint32 len);

static inline bool
survey_dict_matches(const SurveyDictEntry *e, const char *chars, uint32 len)
{
	/* the first byte settles most mismatches without a memcmp call */
	return e->len == len &&
		(len == 0 || (e->text[0] == chars[0] && memcmp(e->text + 1, chars + 1, len - 1) == 0));
}

/*
 * The per-row path: a repeat of the last category costs one compare, and a
 * small dictionary is scanned inline.
 */
static inline uint32
survey_dict_lookup_fast(SurveyDict *dict, const char *chars, uint32 len)
{
	if (likely(dict->n > 0 && survey_dict_matches(&dict->entries[dict->last], chars, len)))
		return dict->last;
	if (dict->slots == NULL)
	{
		for (uint32 i = 0; i < dict->n; i++)
			if (survey_dict_matches(&dict->entries[i], chars, len))
				return dict->last = i;
	}
	return survey_dict_lookup(dict, chars, len);
}

/*
 * The entry of text, inserted when new.  Returned only after the lookup, as
 * an insertion may move the entry array.
 */
static inline SurveyDictEntry *
survey_dict_entry(SurveyDict *dict, const char *chars, uint32 len)
{
	uint32		i = survey_dict_lookup_fast(dict, chars, len);

	return &dict->entries[i];
}

/*
 * The entries as SurveyCategory, sorted by bytes, in the current memory
 * context; order[i] receives the dictionary index of the i-th (may be NULL).
 */
extern SurveyCategory *survey_dict_sorted(const SurveyDict *dict, uint32 *order, size_t *string_bytes);

#endif							/* ISCM_SURVEY_DICT_H */
