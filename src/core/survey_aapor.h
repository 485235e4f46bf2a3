/*
 * survey_aapor.h — AAPOR Standard Definitions: final disposition codes and
 * outcome rates (response, cooperation, refusal, contact).  Pure C.
 */
#ifndef ISCM_SURVEY_AAPOR_H
#define ISCM_SURVEY_AAPOR_H

#include <stdbool.h>
#include <stddef.h>

#include "survey_format.h"

/*
 * Order of the counts everywhere (and in the disposition_summary format);
 * DISPOSITION_CODES (survey_format.h) is their number, DISP_NE + 1.
 */
typedef enum SurveyDisposition
{
	DISP_I,						/* complete interview */
	DISP_P,						/* partial interview */
	DISP_R,						/* refusal and break-off */
	DISP_NC,					/* non-contact */
	DISP_O,						/* other eligible non-interview */
	DISP_UH,					/* unknown if household / unit exists */
	DISP_UO,					/* unknown eligibility, other */
	DISP_NE						/* not eligible */
} SurveyDisposition;

typedef enum SurveyAaporRate
{
	AAPOR_RR1, AAPOR_RR2, AAPOR_RR3, AAPOR_RR4, AAPOR_RR5, AAPOR_RR6,
	AAPOR_COOP1, AAPOR_COOP2, AAPOR_COOP3, AAPOR_COOP4,
	AAPOR_REF1, AAPOR_REF2, AAPOR_REF3,
	AAPOR_CON1, AAPOR_CON2, AAPOR_CON3,
	AAPOR_INVALID
} SurveyAaporRate;

#define AAPOR_RATE_NAMES "RR1-RR6, COOP1-COOP4, REF1-REF3, CON1-CON3"
#define AAPOR_CODE_NAMES "I, P, R, NC, O, UH, UO, NE, or AAPOR numeric codes such as 1.1, 2.11, 3.21, 4.10"

extern const char *const survey_disposition_names[DISPOSITION_CODES];

/* index of a disposition code (letters or AAPOR numeric code), or -1 */
extern int survey_disposition_from_name(const char *code, size_t len);

extern SurveyAaporRate survey_aapor_rate_from_name(const char *name);
/* whether the rate uses e, the eligible share of unknown-eligibility cases */
extern bool survey_aapor_rate_needs_e(SurveyAaporRate rate);

/* false when the denominator is zero */
extern bool survey_aapor_rate(SurveyAaporRate rate, const double *counts, double e, double *result);

/* e estimated from cases of known eligibility; false when there are none */
extern bool survey_aapor_estimate_e(const double *counts, double *e);

#endif
