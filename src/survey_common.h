/*
 * survey_common.h — what the server files of the survey family share: the
 * answer_summary aggregate state and the helpers of that type's accessors,
 * checks of accessor parameters, the proportion_interval result, the binary
 * and JSON text forms, and reporting format errors.
 */
#ifndef ISCM_SURVEY_COMMON_H
#define ISCM_SURVEY_COMMON_H

#include "compat.h"

#include "fmgr.h"
#include "nodes/nodes.h"
#include "lib/stringinfo.h"
#include "utils/jsonb.h"

#include "survey_dict.h"
#include "survey_format.h"
#include "survey_stats.h"
#include "survey_sum.h"

/* ---- iscm.answer_summary (survey_answer.c) ------------------------------- */

typedef struct AnswerState
{
	SurveyDict	dict;			/* counts and weight sums per category */
	uint8		flags;			/* SURVEY_FLAG_* */
	int64		respondents;
	int64		missing;
	SurveySum	weight_sum;		/* compensated: see survey_sum.h */
	SurveySquareSum weight_sq;	/* sum of squared weights, at any scale */
	int64		nonzero;		/* respondents with a weight > 0 (weighted) */
	bool		squares_lost;	/* merged with a weighted summary that lacks them */
} AnswerState;

/* view of a stored value; ERROR when corrupt */
extern void answer_summary_read(struct varlena *value, AnswerSummaryView *view);
extern void answer_summary_write_json(StringInfo buf, const AnswerSummaryView *view);
/* the single-/multiple-choice and weighted bits: what summaries must share to be combined */
#define ANSWER_KIND_FLAGS (SURVEY_FLAG_MULTIPLE | SURVEY_FLAG_WEIGHTED)
/* ERROR 22023 unless two summaries are of one kind (an empty one is of any); action: "combine" ... */
extern void answer_summary_check_kinds(uint8 flags_a, bool empty_a, uint8 flags_b, bool empty_b,
									  const char *action);
/* the binary form sent to the client (categories in the client encoding) */
extern bytea *answer_summary_send_bytes(struct varlena *value);

/* ---- accessor parameters and results --------------------------------------- */

/* method name -> method, or ERROR 22023 listing the valid names */
extern SurveyCiMethod survey_ci_method_arg(text *method);
extern SurveyMcNemarMethod survey_mcnemar_method_arg(text *method);
/* ERROR 22023: name is no known what; valid is the hint that lists the names */
pg_noreturn extern void survey_unknown_name(const char *what, const char *name, const char *valid);
/* ERROR 22023 unless 0 < level < 1 */
extern double survey_level_arg(double level);
/*
 * Argument argno of a weighted aggregate's transition function, the weight
 * of a respondent who answered: ERROR 22023 unless finite and >= 0.  -0 is
 * returned as 0, so that one value has one byte form.
 */
extern double survey_weight_arg(FunctionCallInfo fcinfo, int argno);

/*
 * The iscm.proportion_interval composite: (estimate, lower, upper, method,
 * level).  known = false gives NULL estimate and limits (nobody answered).
 */
extern Datum survey_interval_datum(FunctionCallInfo fcinfo, bool known, double estimate,
								   SurveyInterval interval, const char *method, double level);

/* ERROR for a corrupt stored/received/serialized summary */
extern void survey_format_check(SurveyFormatStatus status, const char *type_name);

/*
 * Text input str that is no value of type_name: ERROR 22P02 with detail, or,
 * for a caller that asked for soft errors, that error saved in escontext and
 * (Datum) 0 returned for the input function to return.
 */
extern Datum survey_bad_text_input(Node *escontext, const char *type_name, const char *str,
								   const char *detail);

/*
 * Binary receive: the n category texts that follow in buf, in the client
 * encoding, converted as textrecv converts text.  cats[i].len is each text's
 * length in the message on entry and its converted length on return.
 */
extern void survey_recv_category_texts(StringInfo buf, SurveyCategory *cats, uint32 n);

/*
 * Binary send: the category texts converted in place to the client encoding,
 * as textsend converts text.  True when any text changed; *string_bytes (when
 * not NULL) is set to the length of all texts after conversion.
 */
extern bool survey_categories_to_client(SurveyCategory *cats, uint32 n, size_t *string_bytes);

/* ERROR 22P03 (53200 for SURVEY_FORMAT_NO_MEMORY): a received value is no type_name */
pg_noreturn extern void survey_recv_error(SurveyFormatStatus status, const char *type_name);

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
pg_noreturn extern void survey_unknown_category(const char *chars, uint32 len, const SurveyCategory *cats,
												uint32 ncat, const char *declare_hint);

/* writing the JSON text form */
extern void survey_json_string(StringInfo buf, const char *chars, uint32 len);
extern void survey_json_float(StringInfo buf, double value);

/* reading the JSON text form (false = missing or wrong JSON type) */
extern Jsonb *survey_json_parse(const char *str);
/* in an input function: NULL after a soft error reported to escontext */
extern Jsonb *survey_json_parse_input(const char *str, Node *escontext);
extern bool survey_json_key(JsonbContainer *object, const char *key, JsonbValue *out);
extern bool survey_json_int64(const JsonbValue *value, int64 *out);
extern bool survey_json_float8(const JsonbValue *value, double *out);
/* first top-level key not in the NULL-terminated list, or NULL */
extern char *survey_json_unknown_key(Jsonb *jb, const char *const *allowed);

/* the text of a JsonbValue of type jbvString, as a fresh C string */
extern char *survey_json_cstring(const JsonbValue *value);

#endif
