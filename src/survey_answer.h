/*
 * survey_answer.h — iscm.answer_summary inside the server: the aggregate
 * state and the helpers its accessors share.
 */
#ifndef ISCM_SURVEY_ANSWER_H
#define ISCM_SURVEY_ANSWER_H

#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "survey_dict.h"
#include "survey_format.h"
#include "survey_sum.h"

typedef struct AnswerState
{
	SurveyDict	dict;			/* counts and weight sums per category */
	uint8		flags;			/* SURVEY_FLAG_* */
	int64		respondents;
	int64		missing;
	SurveySum	weight_sum;		/* compensated: see survey_sum.h */
	SurveySquareSum weight_sq;	/* sum of squared weights, at any scale */
} AnswerState;

/* view of a stored value; ERROR when corrupt */
extern void answer_summary_read(struct varlena *value, AnswerSummaryView *view);
extern void answer_summary_write_json(StringInfo buf, const AnswerSummaryView *view);
extern struct varlena *answer_summary_build(uint8 flags, int64 respondents, int64 missing,
											double weight_sum, double weight_sq,
											SurveyCategory *cats, uint32 ncat);
/* the single-/multiple-choice and weighted bits: what summaries must share to be combined */
#define ANSWER_KIND_FLAGS (SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED)
/* ERROR 22023 unless two summaries are of one kind (an empty one is of any); action: "combine" ... */
extern void answer_summary_check_kinds(uint8 flags_a, bool empty_a, uint8 flags_b, bool empty_b,
									  const char *action);
/* the binary form sent to the client (categories in the client encoding) */
extern bytea *answer_summary_send_bytes(struct varlena *value);

#endif
