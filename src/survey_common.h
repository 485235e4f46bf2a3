/*
 * survey_common.h — server-side helpers shared by the survey summary types:
 * checks of accessor parameters, the proportion_interval result, reading the
 * JSON text form and reporting format errors.
 */
#ifndef ISCM_SURVEY_COMMON_H
#define ISCM_SURVEY_COMMON_H

#include "compat.h"

#include "fmgr.h"
#include "nodes/nodes.h"
#include "lib/stringinfo.h"
#include "utils/jsonb.h"

#include "survey_format.h"
#include "survey_stats.h"

/* method name -> method, or ERROR 22023 listing the valid names */
SurveyCiMethod survey_ci_method_arg(text *method);
SurveyMcNemarMethod survey_mcnemar_method_arg(text *method);
/* ERROR 22023 unless 0 < level < 1 */
double		survey_level_arg(double level);

/*
 * The iscm.proportion_interval composite: (estimate, lower, upper, method,
 * level).  known = false gives NULL estimate and limits (nobody answered).
 */
Datum		survey_interval_datum(FunctionCallInfo fcinfo, bool known, double estimate,
								  SurveyInterval interval, const char *method, double level);

/* ERROR for a corrupt stored/received/serialized summary */
void		survey_format_check(SurveyFormatStatus status, const char *type_name);

/*
 * qsort for arrays whose size users choose (categories, transition cells):
 * a query cancel or statement_timeout is honoured in the middle of the sort.
 */
extern void survey_sort(void *base, size_t n, size_t size, qsort_arg_comparator compare,
						void *arg);

/* qsort_arg comparator of SurveyCategory by bytes (arg unused) */
extern int	survey_compare_categories(const void *a, const void *b, void *arg);

/* the binary form of a transition summary sent to the client (texts in the client encoding) */
extern bytea *transition_summary_send_bytes(struct varlena *value);

/*
 * ERROR 22023: category does not occur in a summary of the given categories
 * (a hint lists them, case-insensitive matches first).  declare_hint says how
 * a legitimately absent category can be declared, or is NULL.
 */
pg_noreturn extern void survey_unknown_category(const char *text, uint32 len, const SurveyCategory *cats,
												uint32 ncat, const char *declare_hint);

/* writing the JSON text form */
void		survey_json_string(StringInfo buf, const char *text, uint32 len);
void		survey_json_float(StringInfo buf, double value);

/* reading the JSON text form (false = missing or wrong JSON type) */
Jsonb	   *survey_json_parse(const char *str);
/* in an input function: NULL after a soft error reported to escontext */
Jsonb	   *survey_json_parse_input(const char *str, Node *escontext);
bool		survey_json_key(JsonbContainer *object, const char *key, JsonbValue *out);
bool		survey_json_int64(const JsonbValue *value, int64 *out);
bool		survey_json_float8(const JsonbValue *value, double *out);
/* first top-level key not in the NULL-terminated list, or NULL */
char	   *survey_json_unknown_key(Jsonb *jb, const char *const *allowed);

/* the text of a JsonbValue of type jbvString, as a fresh C string */
char	   *survey_json_cstring(const JsonbValue *value);

#endif
