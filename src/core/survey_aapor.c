/*
 * survey_aapor.c — AAPOR outcome rates, from The American Association for
 * Public Opinion Research, Standard Definitions (10th ed., 2023), section on
 * final disposition codes and outcome rate calculations.
 */
#include "survey_aapor.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

const char *const survey_disposition_names[DISPOSITION_CODES] = {"I", "P", "R", "NC", "O", "UH", "UO", "NE"};

static bool
all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char) s[i]))
			return false;
	return true;
}

/* "d.d" followed by optional sub-code digits */
static bool
numeric_code(const char *code, size_t len, char major, char minor)
{
	return len >= 3 && code[0] == major && code[1] == '.' && code[2] == minor &&
		all_digits(code + 3, len - 3);
}

int
survey_disposition_from_name(const char *code, size_t len)
{
	for (int i = 0; i < DISPOSITION_CODES; i++)
		if (strlen(survey_disposition_names[i]) == len &&
			strncasecmp(code, survey_disposition_names[i], len) == 0)
			return i;

	/* interviews have no sub-codes: "1.12" is a slip for 1.2 or 2.12, not a complete interview */
	if (len == 3 && memcmp(code, "1.1", 3) == 0)
		return DISP_I;
	if (len == 3 && memcmp(code, "1.2", 3) == 0)
		return DISP_P;
	if (numeric_code(code, len, '2', '1'))
		return DISP_R;
	if (numeric_code(code, len, '2', '2'))
		return DISP_NC;
	if (numeric_code(code, len, '2', '3'))
		return DISP_O;
	if (numeric_code(code, len, '3', '1'))
		return DISP_UH;
	for (char minor = '2'; minor <= '9'; minor++)
		if (numeric_code(code, len, '3', minor))
			return DISP_UO;
	if ((len == 1 && code[0] == '4') ||
		(len >= 3 && code[0] == '4' && code[1] == '.' && all_digits(code + 2, len - 2)))
		return DISP_NE;
	return -1;
}

static const char *const rate_names[AAPOR_INVALID] = {
	"RR1", "RR2", "RR3", "RR4", "RR5", "RR6",
	"COOP1", "COOP2", "COOP3", "COOP4",
	"REF1", "REF2", "REF3",
	"CON1", "CON2", "CON3",
};

SurveyAaporRate
survey_aapor_rate_from_name(const char *name)
{
	for (int i = 0; i < AAPOR_INVALID; i++)
		if (strcasecmp(name, rate_names[i]) == 0)
			return (SurveyAaporRate) i;
	return AAPOR_INVALID;
}

bool
survey_aapor_rate_needs_e(SurveyAaporRate rate)
{
	return rate == AAPOR_RR3 || rate == AAPOR_RR4 || rate == AAPOR_REF2 || rate == AAPOR_CON2;
}

bool
survey_aapor_estimate_e(const double *c, double *e)
{
	double		eligible = c[DISP_I] + c[DISP_P] + c[DISP_R] + c[DISP_NC] + c[DISP_O];

	if (eligible + c[DISP_NE] <= 0.0)
		return false;
	*e = eligible / (eligible + c[DISP_NE]);
	return true;
}

bool
survey_aapor_rate(SurveyAaporRate rate, const double *c, double e, double *result)
{
	double		interviews = c[DISP_I] + c[DISP_P];
	double		eligible_non = c[DISP_R] + c[DISP_NC] + c[DISP_O];
	double		unknown = c[DISP_UH] + c[DISP_UO];
	/* the three denominators: all unknowns eligible, a share e of them, none */
	double		all_unknown = interviews + eligible_non + unknown;
	double		e_unknown = interviews + eligible_non + e * unknown;
	double		no_unknown = interviews + eligible_non;
	double		contacted = interviews + c[DISP_R] + c[DISP_O];
	double		num,
				den;

	switch (rate)
	{
		case AAPOR_RR1: num = c[DISP_I]; den = all_unknown; break;
		case AAPOR_RR2: num = interviews; den = all_unknown; break;
		case AAPOR_RR3: num = c[DISP_I]; den = e_unknown; break;
		case AAPOR_RR4: num = interviews; den = e_unknown; break;
		case AAPOR_RR5: num = c[DISP_I]; den = no_unknown; break;
		case AAPOR_RR6: num = interviews; den = no_unknown; break;
		case AAPOR_COOP1: num = c[DISP_I]; den = contacted; break;
		case AAPOR_COOP2: num = interviews; den = contacted; break;
		case AAPOR_COOP3: num = c[DISP_I]; den = interviews + c[DISP_R]; break;
		case AAPOR_COOP4: num = interviews; den = interviews + c[DISP_R]; break;
		case AAPOR_REF1: num = c[DISP_R]; den = all_unknown; break;
		case AAPOR_REF2: num = c[DISP_R]; den = e_unknown; break;
		case AAPOR_REF3: num = c[DISP_R]; den = no_unknown; break;
		case AAPOR_CON1: num = contacted; den = all_unknown; break;
		case AAPOR_CON2: num = contacted; den = e_unknown; break;
		case AAPOR_CON3: num = contacted; den = no_unknown; break;
		default:
			return false;
	}
	if (!(den > 0.0))
		return false;
	*result = num / den;
	return true;
}
