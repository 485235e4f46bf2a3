/*
 * survey_format.h — the versioned byte formats of the survey summaries.
 *
 * One format per summary type serves as the on-disk value (after the varlena
 * header), the binary send/receive form and the serialized aggregate state.
 * All integers and IEEE 754 doubles are big-endian (network order, as in
 * PostgreSQL's own send functions) and read and written byte by byte, so the
 * bytes are the same on every host and need no alignment.  The validators accept or reject any byte
 * sequence of any length without reading outside it (the reliability helper
 * fuzzes them); nothing here includes postgres.h.
 *
 * answer_summary, version 1:
 *   u8  version (1)          u8  flags (bit 0 multiple choice, bit 1 weighted,
 *                                       bit 2 weight_sq is a mean)
 *   u32 ncat                 i64 respondents          i64 missing
 *   [weighted: f64 weight_sum, f64 weight_sq]
 *   ncat entries: i64 count, [weighted: f64 weight], u32 offset, u32 length
 *   category bytes, concatenated in entry order (offset = running total)
 * Categories are distinct, sorted by bytes (a shorter prefix first) and free
 * of NUL; counts are >= 0 (0: a category declared with
 * iscm.with_categories that nobody gave); single choice: counts sum to
 * respondents; multiple choice: each count <= respondents; respondents +
 * missing fits in an i64.  Weights are finite and >= 0, and consistent up to
 * SURVEY_WEIGHT_TOLERANCE (relative): each category weight <= weight_sum
 * (single choice: they add up to it), 0 for a count of 0.  weight_sq is the
 * sum of the squared weights, with weight_sum^2 / respondents <= weight_sq <=
 * weight_sum^2 (Cauchy-Schwarz for non-negative weights) — unless that sum
 * is not a normal double (weights below about 1e-154 or above 1e154): then
 * flag bit 2 is set and weight_sq holds the sum of squares divided by
 * weight_sum (the weighted mean weight, weight_sum / respondents <= weight_sq
 * <= weight_sum), which has the scale of the weights themselves.
 *
 * answer_summary, version 2: a weighted summary that also knows, per
 * category, the sum of the squared weights of its respondents (what the
 * linearised variance of a share needs) and how many respondents have a
 * weight > 0 (the n of a design effect):
 *   u8  version (2)          u8  flags (bits 0-2 as in version 1, bit 1 set,
 *                                       bit 3 set)
 *   u32 ncat                 i64 respondents (>= 1)   i64 missing
 *   f64 weight_sum, f64 weight_sq, i64 nonzero
 *   ncat entries: i64 count, f64 weight, f64 weight_sq, u32 offset, u32 length
 *   category bytes
 * Each category's weight_sq is on the scale of the header's (the sum, or the
 * sum divided by weight_sum under flag bit 2), finite, >= 0, 0 for a count of
 * 0, at most the header's; single choice: they add up to it (tolerance as
 * above).  0 <= nonzero <= respondents, and nonzero > 0 exactly when
 * weight_sum > 0.  Version 1 is written for every value that has nothing of
 * this to add (unweighted, no respondent, or rolled up with a version 1 value
 * that lacks the figures), so that such values keep their bytes: one byte
 * form per value, and version 2 only where it says more.
 *
 * transition_summary, version 1:
 *   u8 version (1), u8 flags (bit 1 weighted), u32 ncat, u32 ncell
 *   ncat entries: u32 offset, u32 length
 *   ncell cells: u32 before, u32 after, i64 count, [weighted: f64 weight]
 *                (0 = no answer, i = category i-1)
 *   category bytes
 * Cells strictly sorted by (before, after), counts >= 1 and summing to at
 * most 2^63 - 1; weights (the sum of the respondents' weights in the cell)
 * finite, >= 0 (not -0) and summing to a finite total.  A category no cell
 * names was declared with iscm.with_categories.  The flags byte was 0 in
 * every value written before weights existed, so those read unchanged, and a
 * reader that knows no weights refuses a weighted value (unknown flags)
 * rather than misreading its cells.
 *
 * disposition_summary, version 1:
 *   u8 version (1), u8 flags (0), then 8 x i64 counts (I P R NC O UH UO NE), each >= 0.
 */
#ifndef ISCM_SURVEY_FORMAT_H
#define ISCM_SURVEY_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SURVEY_FORMAT_VERSION		1
/* answer_summary only: the weighted format with per-category squares */
#define SURVEY_FORMAT_VERSION_SQUARES	2

#define SURVEY_FLAG_MULTIPLE		0x01
#define SURVEY_FLAG_WEIGHTED		0x02
#define SURVEY_FLAG_SQ_MEAN			0x04
/* answer_summary version 2: per-category sums of squared weights and nonzero */
#define SURVEY_FLAG_CAT_SQ			0x08

/*
 * Relative tolerance of the weight invariants: sums of doubles carry rounding
 * errors (a few ulps with the compensated sums of survey_sum.h, more for
 * figures typed into the text form), while a real inconsistency is large.
 */
#define SURVEY_WEIGHT_TOLERANCE		1e-9

#define DISPOSITION_CODES			8
#define DISPOSITION_SUMMARY_SIZE	(2 + 8 * DISPOSITION_CODES)

typedef enum SurveyFormatStatus
{
	SURVEY_FORMAT_OK = 0,
	SURVEY_FORMAT_TRUNCATED,		/* shorter than its header or entries say */
	SURVEY_FORMAT_BAD_VERSION,
	SURVEY_FORMAT_BAD_FLAGS,
	SURVEY_FORMAT_BAD_COUNT,		/* negative, zero where >= 1 needed, or inconsistent */
	SURVEY_FORMAT_BAD_WEIGHT,		/* not finite or negative */
	SURVEY_FORMAT_WEIGHTS_NOT_TOTAL,	/* single choice: category weights do not add up to weight_sum */
	SURVEY_FORMAT_WEIGHT_ABOVE_TOTAL,	/* a category weight exceeds weight_sum */
	SURVEY_FORMAT_BAD_WEIGHT_SQ_SUM,	/* no weights of the respondents give both sums */
	SURVEY_FORMAT_WEIGHT_WITHOUT_COUNT,	/* a category nobody gave has a weight */
	SURVEY_FORMAT_BAD_WEIGHT_SQ_MEAN,	/* weight_sq as a mean outside weight_sum / respondents .. weight_sum */
	SURVEY_FORMAT_SQ_MEAN_NOT_NEEDED,	/* weight_sq given as a mean although the sum of squares is a normal double */
	SURVEY_FORMAT_BAD_CATEGORY_SQ,	/* a category's sum of squared weights inconsistent with the header's */
	SURVEY_FORMAT_BAD_NONZERO,	/* nonzero out of range or inconsistent with weight_sum */
	SURVEY_FORMAT_BAD_CATEGORY,	/* offset, length, NUL byte or order */
	SURVEY_FORMAT_BAD_CELL,		/* index out of range or cells out of order */
	SURVEY_FORMAT_DUPLICATE_CELL,	/* two cells for the same (before, after) */
	SURVEY_FORMAT_COUNT_OVERFLOW,	/* counts sum past 2^63 - 1 */
	SURVEY_FORMAT_TRAILING_BYTES,
	SURVEY_FORMAT_NO_MEMORY		/* a validator could not allocate its scratch space */
} SurveyFormatStatus;

extern const char *survey_format_status_message(SurveyFormatStatus status);

/* A category with its figures, as read from or written to a summary. */
typedef struct SurveyCategory
{
	const char *text;
	uint32_t	len;
	int64_t		count;
	double		weight;
	double		weight_sq;		/* answer_summary version 2: on the header's scale */
} SurveyCategory;

/* A validated answer summary, read in place. */
typedef struct AnswerSummaryView
{
	uint8_t		flags;
	uint32_t	ncat;
	int64_t		respondents;
	int64_t		missing;
	double		weight_sum;
	double		weight_sq;		/* sum of squared weights, or their mean (SURVEY_FLAG_SQ_MEAN) */
	int64_t		nonzero;		/* respondents with a weight > 0 (version 2; else respondents) */
	const uint8_t *entries;
	const uint8_t *strings;
} AnswerSummaryView;

extern SurveyFormatStatus answer_summary_validate(const uint8_t *buf, size_t len);
extern SurveyFormatStatus answer_summary_view(const uint8_t *buf, size_t len, AnswerSummaryView *view);

/*
 * As answer_summary_view, but categories may come in any order (and repeat):
 * the binary receive functions read a value this way, convert its texts to
 * the database encoding and sort them again.
 */
extern SurveyFormatStatus answer_summary_view_unordered(const uint8_t *buf, size_t len,
														AnswerSummaryView *view);

/*
 * The weight_sq field and flags for a sum of squared weights given as
 * scaled * 2^(2 exp): the sum itself when it is 0 or a normal double, else
 * the sum divided by weight_sum with SURVEY_FLAG_SQ_MEAN.  Returns the flag.
 */
extern uint8_t answer_summary_weight_sq(double scaled, int exp, double weight_sum, double *weight_sq);

/*
 * A category's sum of squared weights, given as scaled * 2^(2 exp), on the
 * scale of a header whose flags are flags: the sum itself, or the sum
 * divided by weight_sum under SURVEY_FLAG_SQ_MEAN.
 */
extern double answer_summary_category_sq(double scaled, int exp, double weight_sum, uint8_t flags);

/*
 * Whether a validated summary knows each category's sum of squared weights
 * (what standard errors need): unweighted ones (a weight of 1 each), those
 * without respondents, and version 2.
 */
extern bool answer_summary_has_squares(const AnswerSummaryView *view);

/* the same from weight_sq given as a mean (text input) */
extern uint8_t answer_summary_weight_sq_from_mean(double mean, double weight_sum, double *weight_sq);

/* Kish's effective sample size of a validated weighted summary (respondents when unweighted) */
extern double answer_summary_n_eff(const AnswerSummaryView *view);
extern SurveyCategory answer_summary_category(const AnswerSummaryView *view, uint32_t i);
/* index of category text, or -1 */
extern int64_t answer_summary_find(const AnswerSummaryView *view, const char *text, uint32_t len);

/*
 * The flags decide the layout: SURVEY_FLAG_CAT_SQ (with SURVEY_FLAG_WEIGHTED
 * and respondents >= 1) writes version 2, anything else version 1.
 */
extern size_t answer_summary_size(uint32_t ncat, size_t string_bytes, uint8_t flags);
extern void answer_summary_encode(uint8_t *out, uint8_t flags, int64_t respondents,
								  int64_t missing, double weight_sum, double weight_sq,
								  int64_t nonzero, const SurveyCategory *cats, uint32_t ncat);

/* A validated transition summary, read in place. */
typedef struct TransitionSummaryView
{
	uint8_t		flags;			/* SURVEY_FLAG_WEIGHTED or 0 */
	uint32_t	ncat;
	uint32_t	ncell;
	const uint8_t *entries;
	const uint8_t *cells;
	const uint8_t *strings;
} TransitionSummaryView;

typedef struct TransitionCell
{
	uint32_t	before;			/* 0 = no answer, else category index + 1 */
	uint32_t	after;
	int64_t		count;
	double		weight;			/* sum of the weights; the count when unweighted */
} TransitionCell;

extern SurveyFormatStatus transition_summary_validate(const uint8_t *buf, size_t len);
extern SurveyFormatStatus transition_summary_view(const uint8_t *buf, size_t len, TransitionSummaryView *view);
/* categories and cells in any order, categories unused or repeated (binary receive) */
extern SurveyFormatStatus transition_summary_view_unordered(const uint8_t *buf, size_t len,
															TransitionSummaryView *view);
extern SurveyCategory transition_summary_category(const TransitionSummaryView *view, uint32_t i);
extern TransitionCell transition_summary_cell(const TransitionSummaryView *view, uint32_t i);
extern int64_t transition_summary_find(const TransitionSummaryView *view, const char *text, uint32_t len);

extern size_t transition_summary_size(uint32_t ncat, size_t string_bytes, uint32_t ncell, bool weighted);
/* flags: SURVEY_FLAG_WEIGHTED to write the cells' weights, else 0 */
extern void transition_summary_encode(uint8_t *out, uint8_t flags, const SurveyCategory *cats, uint32_t ncat,
									  const TransitionCell *cells, uint32_t ncell);

extern SurveyFormatStatus disposition_summary_validate(const uint8_t *buf, size_t len);
/* counts must have DISPOSITION_CODES elements; validates first */
extern SurveyFormatStatus disposition_summary_decode(const uint8_t *buf, size_t len, int64_t *counts);
extern void disposition_summary_encode(uint8_t *out, const int64_t *counts);

/* byte order of categories: memcmp, a shorter prefix first */
extern int survey_category_compare(const char *a, uint32_t alen, const char *b, uint32_t blen);

#endif							/* ISCM_SURVEY_FORMAT_H */
