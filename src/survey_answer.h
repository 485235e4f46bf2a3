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
	SurveySum	weight_sq_sum;
} AnswerState;

/* view of a stored value; ERROR when corrupt */
void		answer_summary_read(struct varlena *value, AnswerSummaryView *view);
void		answer_summary_write_json(StringInfo buf, const AnswerSummaryView *view);
struct varlena *answer_summary_build(uint8 flags, int64 respondents, int64 missing,
									 double weight_sum, double weight_sq_sum,
									 SurveyCategory *cats, uint32 ncat);

#endif
