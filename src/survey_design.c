/*
 * survey_design.c — iscm.design_summary: answers with their survey design
 * (strata, PSUs, weights, finite population correction), the aggregate
 * design_agg, and the accessors that give R survey's design-based figures.
 *
 * The aggregate state keeps, per PSU and category, the sum of the weights and
 * the row counts: what the one-stage Taylor linearisation needs, and what
 * merges exactly when partial states of a parallel plan meet (a PSU split
 * across workers is one PSU again).  The byte format and the statistics are
 * the pure core survey_design_core.c.
 */
#include "compat.h"

#include <math.h>

#include "common/hashfn.h"
#include "common/int.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/array.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "survey_common.h"
#include "survey_design_core.h"
#include "survey_design_frame.h"
#include "survey_dict.h"
#include "survey_likelihood.h"
#include "survey_sum.h"
#include "server_util.h"

#define TYPE_NAME "iscm.design_summary"

PG_FUNCTION_INFO_V1(design_summary_in);
PG_FUNCTION_INFO_V1(design_summary_out);
PG_FUNCTION_INFO_V1(design_summary_recv);
PG_FUNCTION_INFO_V1(design_summary_send);
PG_FUNCTION_INFO_V1(design_agg_trans);
PG_FUNCTION_INFO_V1(design_value_trans);
PG_FUNCTION_INFO_V1(design_choices_trans);
PG_FUNCTION_INFO_V1(design_answer_pair);
PG_FUNCTION_INFO_V1(design_chisq_of);
PG_FUNCTION_INFO_V1(design_agg_final);
PG_FUNCTION_INFO_V1(design_agg_combine);
PG_FUNCTION_INFO_V1(design_rollup_trans);
PG_FUNCTION_INFO_V1(design_share);
PG_FUNCTION_INFO_V1(design_total);
PG_FUNCTION_INFO_V1(design_se);
PG_FUNCTION_INFO_V1(design_variance_of);
PG_FUNCTION_INFO_V1(design_cv);
PG_FUNCTION_INFO_V1(design_total_se);
PG_FUNCTION_INFO_V1(design_deff);
PG_FUNCTION_INFO_V1(design_degf);
PG_FUNCTION_INFO_V1(design_ci);
PG_FUNCTION_INFO_V1(design_ci_lower);
PG_FUNCTION_INFO_V1(design_ci_upper);
PG_FUNCTION_INFO_V1(design_counts);
PG_FUNCTION_INFO_V1(design_mean);
PG_FUNCTION_INFO_V1(design_mean_se);
PG_FUNCTION_INFO_V1(design_mean_deff);
PG_FUNCTION_INFO_V1(design_mean_ci_lower);
PG_FUNCTION_INFO_V1(design_mean_ci_upper);
PG_FUNCTION_INFO_V1(design_value_total);
PG_FUNCTION_INFO_V1(design_value_total_se);

/* ---- the aggregate state --------------------------------------------------- */

typedef struct DesignStateCell
{
	uint32		psu;
	uint32		cat;
	SurveySum	weight;
	int64		rows;
	int64		nonzero;
	SurveySum	wy;				/* numeric summaries: sums of w y and w y^2 */
	SurveySum	wyy;
} DesignStateCell;

typedef struct DesignState
{
	MemoryContext cxt;
	DesignFrame frame;			/* strata and PSUs */
	int			numeric;		/* -1 not known yet (no summary merged, no row), else a DesignKind */
	int64		row;			/* rows of choices seen, to count a repeated choice once */
	SurveyDict	cats;
	DesignStateCell *cells;
	uint32		ncell;
	uint32		cell_cap;
	int32	   *slots;			/* open addressing over cells, by (psu, cat) */
	uint32		nslots;
	int64		missing;
	/* the previous row's stratum and PSU, to skip lookups on sorted data */
	uint32		last_psu;
	char	   *last_key;
	uint32		last_len;
	uint32		last_cap;
} DesignState;

/* st zeroed; it allocates in cxt */
static void
design_state_init(DesignState *st, MemoryContext cxt)
{
	st->cxt = cxt;
	design_frame_init(&st->frame, cxt, TYPE_NAME);
	survey_dict_init(&st->cats, cxt);
	st->numeric = -1;
	st->last_psu = UINT32_MAX;
}

/*
 * The aggregates' state type is iscm.design_summary itself, so that planners
 * that move partial states between processes or nodes as values (Citus) can
 * split them.  In memory the state is the DesignState above behind an
 * expanded-object header (server_util.h), changed in place row by row; it is
 * written in the stored format only when it leaves the aggregate.
 */
typedef struct DesignExpanded
{
	ExpandedObjectHeader hdr;
	DesignState st;
	struct varlena *flat;	/* encoded by flat_size, for flatten right after */
} DesignExpanded;

static Size design_expanded_flat_size(ExpandedObjectHeader *eoh);
static void design_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size);

static const ExpandedObjectMethods design_expanded_methods = {
	design_expanded_flat_size,
	design_expanded_flatten
};

static DesignExpanded *
design_expanded_new(MemoryContext aggcxt)
{
	MemoryContext cxt = aggregate_state_context(aggcxt);
	DesignExpanded *x = MemoryContextAllocZero(cxt, sizeof(DesignExpanded));

	EOH_init_header(&x->hdr, &design_expanded_methods, cxt);
	design_state_init(&x->st, cxt);
	return x;
}

static inline uint32
cell_hash(uint32 psu, uint32 cat)
{
	return murmurhash32(psu * 0x9E3779B1u ^ cat);
}

static void
design_state_rehash(DesignState *st)
{
	uint32		n = Max(st->nslots * 2, 64);

	if (st->slots)
		pfree(st->slots);
	st->slots = MemoryContextAllocHuge(st->cxt, (Size) n * sizeof(int32));
	memset(st->slots, 0xff, (Size) n * sizeof(int32));
	st->nslots = n;
	for (uint32 i = 0; i < st->ncell; i++)
	{
		uint32		s = cell_hash(st->cells[i].psu, st->cells[i].cat) & (n - 1);

		while (st->slots[s] >= 0)
			s = (s + 1) & (n - 1);
		st->slots[s] = (int32) i;
	}
}

static DesignStateCell *
design_state_cell(DesignState *st, uint32 psu, uint32 cat)
{
	uint32		s;
	DesignStateCell *c;

	if ((uint64) (st->ncell + 1) * 2 > st->nslots)
	{
		if (st->ncell >= (uint32) INT32_MAX / 2)
			ereport(ERROR,
					errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("design summary too large: too many (PSU, category) cells"));
		design_state_rehash(st);
	}
	s = cell_hash(psu, cat) & (st->nslots - 1);
	while (st->slots[s] >= 0)
	{
		c = &st->cells[st->slots[s]];
		if (c->psu == psu && c->cat == cat)
			return c;
		s = (s + 1) & (st->nslots - 1);
	}
	st->cells = design_grow(st->cxt, st->cells, &st->cell_cap, st->ncell + 1, sizeof(DesignStateCell),
							 TYPE_NAME);
	st->slots[s] = (int32) st->ncell;
	c = &st->cells[st->ncell++];
	memset(c, 0, sizeof(*c));
	c->psu = psu;
	c->cat = cat;
	return c;
}

static void
add_count(int64 *total, int64 n)
{
	if (pg_add_s64_overflow(*total, n, total))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("design summary count out of range"));
}

/* ---- transition ------------------------------------------------------------ */

static inline struct varlena *
text_arg_in_place(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *v = (struct varlena *) PG_GETARG_POINTER(argno);

	if (unlikely(VARATT_IS_COMPRESSED(v) || VARATT_IS_EXTERNAL(v)))
		v = pg_detoast_datum_packed(v);
	return v;
}

/* what the rows of a summary hold */
typedef enum DesignKind
{
	DESIGN_KIND_ANSWER = 0,
	DESIGN_KIND_VALUE = 1,
	DESIGN_KIND_CHOICES = 2
} DesignKind;

/* the category index of the respondents' cell of a PSU (multiple choice) in a state */
#define RESPONDENTS_CAT (UINT32_MAX - 1)

static void
design_state_kind(DesignState *st, int numeric, bool empty)
{
	if (empty)
		return;
	if (st->numeric < 0)
		st->numeric = numeric;
	else if (st->numeric != numeric)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("cannot merge design summaries of different kinds (single choice, numeric values, multiple choice)"),
				errhint("Roll up summaries of design_agg, design_value_agg and design_choices_agg separately."));
}

static DesignExpanded *design_expanded_copy(FunctionCallInfo fcinfo, MemoryContext aggcxt);

/*
 * design_agg(answer, weight [, stratum, psu [, fpc]]): one row of the sample.
 * A NULL answer is outside the domain of the estimates but its PSU belongs to
 * the design; a NULL stratum is one stratum of its own (all NULL: no strata);
 * a NULL PSU makes the row its own PSU (all NULL: ids = ~1).
 */
static Datum
design_row(FunctionCallInfo fcinfo, DesignKind kind)
{
	MemoryContext cxt = aggregate_context(fcinfo, "design aggregate transition function");
	bool		numeric = kind == DESIGN_KIND_VALUE;
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, cxt, &design_expanded_methods);
	DesignExpanded *x = likely(eoh != NULL) ? (DesignExpanded *) eoh : design_expanded_copy(fcinfo, cxt);
	DesignState *st = &x->st;
	int			nargs = PG_NARGS();
	double		w;
	bool		has_fpc = false;
	double		fpc = 0.0;
	uint32		psu;
	bool		null_stratum = nargs < 4 || PG_ARGISNULL(3);
	bool		null_psu = nargs < 5 || PG_ARGISNULL(4);
	const char *sname = "",
			   *pname = "";
	uint32		slen = 0,
				plen = 0;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("survey weight must not be NULL"),
				errhint("Give every row of the sample a finite weight >= 0 (0 keeps the row's PSU in the design)."));
	w = PG_GETARG_FLOAT8(2);
	if (!(isfinite(w) && w >= 0.0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("survey weight must be finite and >= 0, not %g", w),
				errhint("Weights are the inverse sampling probabilities (or calibrated weights)."));
	if (nargs >= 6)
	{
		if (PG_ARGISNULL(5))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("finite population correction must not be NULL"),
					errhint("Give the stratum's population size (of PSUs) or its sampling fraction on every row."));
		fpc = PG_GETARG_FLOAT8(5);
		if (!(isfinite(fpc) && fpc > 0.0))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("finite population correction must be finite and > 0, not %g", fpc),
					errhint("A value > 1 is the population size of the stratum, a value <= 1 its sampling fraction."));
		has_fpc = true;
	}
	if (!null_stratum)
	{
		struct varlena *v = text_arg_in_place(fcinfo, 3);

		sname = VARDATA_ANY(v);
		slen = VARSIZE_ANY_EXHDR(v);
	}
	if (!null_psu)
	{
		struct varlena *v = text_arg_in_place(fcinfo, 4);

		pname = VARDATA_ANY(v);
		plen = VARSIZE_ANY_EXHDR(v);
	}

	/* the same stratum and PSU as the previous row: no lookups */
	if (!null_psu && st->last_psu != UINT32_MAX &&
		st->last_len == 1 + slen + 4 + plen &&
		st->last_key[0] == (null_stratum ? 0 : 1) &&
		memcmp(st->last_key + 1, sname, slen) == 0 &&
		memcmp(st->last_key + 1 + slen, &slen, 4) == 0 &&
		memcmp(st->last_key + 5 + slen, pname, plen) == 0 &&
		(!has_fpc || st->frame.fpc[st->frame.psu_stratum[st->last_psu]] == fpc))
		psu = st->last_psu;
	else
	{
		uint32		h = design_frame_stratum(&st->frame, null_stratum, sname, slen, has_fpc, fpc);

		if (null_psu)
		{
			psu = design_frame_new_psu(&st->frame, h, -1);
			st->last_psu = UINT32_MAX;
		}
		else
		{
			psu = design_frame_named_psu(&st->frame, h, pname, plen);
			if (st->last_cap < 1 + slen + 4 + plen)
			{
				st->last_cap = Max(64, 2 * (1 + slen + 4 + plen));
				st->last_key = st->last_key ? repalloc(st->last_key, st->last_cap)
					: MemoryContextAlloc(st->cxt, st->last_cap);
			}
			st->last_key[0] = null_stratum ? 0 : 1;
			if (slen > 0)
				memcpy(st->last_key + 1, sname, slen);
			memcpy(st->last_key + 1 + slen, &slen, 4);
			if (plen > 0)
				memcpy(st->last_key + 5 + slen, pname, plen);
			st->last_len = 1 + slen + 4 + plen;
			st->last_psu = psu;
		}
	}

	design_state_kind(st, (int) kind, false);
	if (PG_ARGISNULL(1))
		add_count(&st->missing, 1);
	else if (kind == DESIGN_KIND_CHOICES)
	{
		ArrayType  *choices = PG_GETARG_ARRAYTYPE_P(1);
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;
		DesignStateCell *c;
		int64		row = ++st->row;

		if (ARR_NDIM(choices) > 1)
			ereport(ERROR,
					errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					errmsg("the choices of one respondent must be a one-dimensional array, not %d-dimensional",
						   ARR_NDIM(choices)),
					errhint("Pass each respondent's choices as text[], one row per respondent."));
		deconstruct_array(choices, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
		for (int j = 0; j < nelems; j++)
		{
			text	   *choice;
			uint32		cat;

			if (nulls[j])
				continue;
			choice = DatumGetTextPP(elems[j]);
			cat = survey_dict_lookup_fast(&st->cats, VARDATA_ANY(choice), VARSIZE_ANY_EXHDR(choice));
			if (st->cats.entries[cat].stamp == row)
				continue;
			st->cats.entries[cat].stamp = row;
			c = design_state_cell(st, psu, cat);
			survey_sum_add(&c->weight, w);
			c->rows++;
			if (w > 0.0)
				c->nonzero++;
		}
		c = design_state_cell(st, psu, RESPONDENTS_CAT);
		survey_sum_add(&c->weight, w);
		c->rows++;
		if (w > 0.0)
			c->nonzero++;
	}
	else if (numeric)
	{
		double		y = PG_GETARG_FLOAT8(1);
		uint32		cat;
		DesignStateCell *c;

		if (!isfinite(y))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("numeric answer must be finite, not %g", y),
					errhint("Give NULL for a row without a value."));
		cat = survey_dict_lookup_fast(&st->cats, "", 0);
		c = design_state_cell(st, psu, cat);
		survey_sum_add(&c->weight, w);
		survey_sum_add(&c->wy, w * y);
		survey_sum_add(&c->wyy, w * y * y);
		c->rows++;
		if (w > 0.0)
			c->nonzero++;
	}
	else
	{
		struct varlena *answer = text_arg_in_place(fcinfo, 1);
		uint32		cat = survey_dict_lookup_fast(&st->cats, VARDATA_ANY(answer),
												  VARSIZE_ANY_EXHDR(answer));
		DesignStateCell *c = design_state_cell(st, psu, cat);

		survey_sum_add(&c->weight, w);
		c->rows++;
		if (w > 0.0)
			c->nonzero++;
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

Datum
design_agg_trans(PG_FUNCTION_ARGS)
{
	return design_row(fcinfo, DESIGN_KIND_ANSWER);
}

/* design_value_agg(value float8, weight [, stratum, psu [, fpc]]) */
Datum
design_value_trans(PG_FUNCTION_ARGS)
{
	return design_row(fcinfo, DESIGN_KIND_VALUE);
}

/*
 * design_choices_agg(choices text[], weight [, stratum, psu [, fpc]]): a
 * respondent's choices; NULL = non-response, '{}' = answered, chose none; a
 * repeated choice counts once; NULL elements are ignored.
 */
Datum
design_choices_trans(PG_FUNCTION_ARGS)
{
	return design_row(fcinfo, DESIGN_KIND_CHOICES);
}

/* ---- state <-> bytes -------------------------------------------------------- */

static int
compare_named_psu(const void *a, const void *b, void *arg)
{
	const uint32 *pa = a,
			   *pb = b;
	DesignState *st = arg;
	const SurveyDictEntry *ea,
			   *eb;
	uint32		sa = st->frame.psu_stratum[*pa],
				sb = st->frame.psu_stratum[*pb];

	(void) st;
	if (sa != sb)
		return 0;				/* not reached: sorted within one stratum */
	ea = &st->frame.named.entries[st->frame.psu_named[*pa]];
	eb = &st->frame.named.entries[st->frame.psu_named[*pb]];
	return design_name_compare(false, ea->text + 4, ea->len - 4, false, eb->text + 4, eb->len - 4);
}

static int
compare_cells(const void *a, const void *b, void *arg)
{
	const DesignCell *ca = a,
			   *cb = b;

	(void) arg;
	if (ca->psu != cb->psu)
		return ca->psu < cb->psu ? -1 : 1;
	return ca->category < cb->category ? -1 : (ca->category > cb->category ? 1 : 0);
}

/* the cells of the state's PSUs, sorted by PSU (its index in the state) and category */
typedef struct PsuCells
{
	const DesignCell *cells;
	const uint32 *start;		/* PSU p: cells[start[p] .. start[p + 1]) */
} PsuCells;

static int
compare_double(double a, double b)
{
	return a < b ? -1 : (a > b ? 1 : 0);
}

/*
 * Anonymous PSUs of one stratum in the order of their cells, so that the
 * summary of a sample is the same bytes whatever order its rows, or the
 * partial states of a split aggregate, arrived in; equal ones are
 * interchangeable.
 */
static int
compare_anonymous_psu(const void *a, const void *b, void *arg)
{
	const PsuCells *pc = arg;
	uint32		pa = *(const uint32 *) a,
				pb = *(const uint32 *) b;
	uint32		na = pc->start[pa + 1] - pc->start[pa],
				nb = pc->start[pb + 1] - pc->start[pb];

	if (na != nb)
		return na < nb ? -1 : 1;
	for (uint32 k = 0; k < na; k++)
	{
		const DesignCell *ca = &pc->cells[pc->start[pa] + k],
				   *cb = &pc->cells[pc->start[pb] + k];
		int			r;

		if (ca->category != cb->category)
			return ca->category < cb->category ? -1 : 1;
		if ((r = compare_double(ca->weight, cb->weight)) != 0 ||
			(r = (ca->rows > cb->rows) - (ca->rows < cb->rows)) != 0 ||
			(r = (ca->nonzero > cb->nonzero) - (ca->nonzero < cb->nonzero)) != 0 ||
			(r = compare_double(ca->wy, cb->wy)) != 0 ||
			(r = compare_double(ca->wyy, cb->wyy)) != 0)
			return r;
	}
	return 0;
}

static int
compare_strata(const void *a, const void *b, void *arg)
{
	const uint32 *ia = a,
			   *ib = b;
	const SurveyDict *dict = arg;
	const SurveyDictEntry *ea = &dict->entries[*ia],
			   *eb = &dict->entries[*ib];

	return design_name_compare(ea->text[0] == 0, ea->text + 1, ea->len - 1,
							   eb->text[0] == 0, eb->text + 1, eb->len - 1);
}

/* the encoded summary of a state, sorted as the format wants */
static bytea *
design_state_encode(DesignState *st)
{
	DesignData d;
	uint32	   *sorder,
			   *srank,
			   *corder,
			   *crank,
			   *porder,
			   *prank;
	uint32		np = 0;
	size_t		size;
	bytea	   *result;
	SurveyCategory *scats;
	uint32	   *cstart;
	PsuCells	psu_cells;

	memset(&d, 0, sizeof(d));
	d.flags = (st->frame.fpc_mode == 1 ? DESIGN_FLAG_FPC : 0) |
		(st->numeric == DESIGN_KIND_VALUE ? DESIGN_FLAG_NUMERIC : 0) |
		(st->numeric == DESIGN_KIND_CHOICES ? DESIGN_FLAG_MULTIPLE : 0);
	d.missing = st->missing;
	d.nstrata = st->frame.strata.n;
	d.ncat = st->cats.n;
	d.npsu = st->frame.npsu;
	d.ncell = st->ncell;

	/* strata */
	sorder = palloc(sizeof(uint32) * Max(d.nstrata, 1));
	srank = palloc(sizeof(uint32) * Max(d.nstrata, 1));
	for (uint32 i = 0; i < d.nstrata; i++)
		sorder[i] = i;
	survey_sort(sorder, d.nstrata, sizeof(uint32), compare_strata, &st->frame.strata);
	d.strata = palloc0(sizeof(DesignStratum) * Max(d.nstrata, 1));
	for (uint32 i = 0; i < d.nstrata; i++)
	{
		const SurveyDictEntry *e = &st->frame.strata.entries[sorder[i]];

		srank[sorder[i]] = i;
		d.strata[i].isnull = e->text[0] == 0;
		d.strata[i].name = e->text + 1;
		d.strata[i].len = e->len - 1;
		d.strata[i].fpc = st->frame.fpc_mode == 1 ? st->frame.fpc[sorder[i]] : 0.0;
	}

	/* categories */
	corder = palloc(sizeof(uint32) * Max(d.ncat, 1));
	crank = palloc(sizeof(uint32) * Max(d.ncat, 1));
	scats = survey_dict_sorted(&st->cats, corder, &size);
	d.cats = palloc(sizeof(DesignCategory) * Max(d.ncat, 1));
	for (uint32 i = 0; i < d.ncat; i++)
	{
		crank[corder[i]] = i;
		d.cats[i].name = scats[i].text;
		d.cats[i].len = scats[i].len;
	}

	/* cells, first by the PSUs' indexes in the state */
	d.cells = palloc(sizeof(DesignCell) * Max(d.ncell, 1));
	for (uint32 i = 0; i < d.ncell; i++)
	{
		const DesignStateCell *c = &st->cells[i];

		d.cells[i].psu = c->psu;
		d.cells[i].category = c->cat == RESPONDENTS_CAT ? d.ncat : crank[c->cat];
		d.cells[i].weight = survey_sum_value(&c->weight);
		if (d.cells[i].weight < 0.0 || c->nonzero == 0)
			d.cells[i].weight = 0.0;
		d.cells[i].rows = c->rows;
		d.cells[i].nonzero = c->nonzero;
		d.cells[i].wy = c->nonzero == 0 ? 0.0 : survey_sum_value(&c->wy);
		d.cells[i].wyy = c->nonzero == 0 ? 0.0 : survey_sum_value(&c->wyy);
		if (d.cells[i].wy == 0.0)
			d.cells[i].wy = 0.0;	/* no -0 */
		if (!(d.cells[i].wyy > 0.0))
			d.cells[i].wyy = 0.0;
	}
	survey_sort(d.cells, d.ncell, sizeof(DesignCell), compare_cells, NULL);
	cstart = palloc0(sizeof(uint32) * (d.npsu + 1));
	for (uint32 i = 0; i < d.ncell; i++)
		cstart[d.cells[i].psu + 1]++;
	for (uint32 p = 0; p < d.npsu; p++)
		cstart[p + 1] += cstart[p];
	psu_cells.cells = d.cells;
	psu_cells.start = cstart;

	/* PSUs: bucket by stratum rank, named ones sorted, then the anonymous ones */
	porder = palloc(sizeof(uint32) * Max(d.npsu, 1));
	prank = palloc(sizeof(uint32) * Max(d.npsu, 1));
	{
		uint32	   *start = palloc0(sizeof(uint32) * (d.nstrata + 1));
		uint32	   *fill;

		for (uint32 p = 0; p < d.npsu; p++)
			start[srank[st->frame.psu_stratum[p]] + 1]++;
		for (uint32 h = 0; h < d.nstrata; h++)
			start[h + 1] += start[h];
		fill = palloc(sizeof(uint32) * Max(d.nstrata, 1));
		memcpy(fill, start, sizeof(uint32) * d.nstrata);
		/* named first in each bucket, then anonymous */
		for (int pass = 0; pass < 2; pass++)
			for (uint32 p = 0; p < d.npsu; p++)
				if ((st->frame.psu_named[p] < 0) == (pass == 1))
					porder[fill[srank[st->frame.psu_stratum[p]]]++] = p;
		for (uint32 h = 0; h < d.nstrata; h++)
		{
			uint32		nnamed = 0;

			while (start[h] + nnamed < start[h + 1] && st->frame.psu_named[porder[start[h] + nnamed]] >= 0)
				nnamed++;
			survey_sort(porder + start[h], nnamed, sizeof(uint32), compare_named_psu, st);
			survey_sort(porder + start[h] + nnamed, start[h + 1] - start[h] - nnamed, sizeof(uint32),
						compare_anonymous_psu, &psu_cells);
		}
	}
	d.psus = palloc(sizeof(DesignPsu) * Max(d.npsu, 1));
	for (uint32 i = 0; i < d.npsu; i++)
	{
		uint32		p = porder[i];

		prank[p] = i;
		d.psus[i].stratum = srank[st->frame.psu_stratum[p]];
		d.psus[i].anonymous = st->frame.psu_named[p] < 0;
		if (d.psus[i].anonymous)
		{
			d.psus[i].name = "";
			d.psus[i].len = 0;
		}
		else
		{
			const SurveyDictEntry *e = &st->frame.named.entries[st->frame.psu_named[p]];

			d.psus[i].name = e->text + 4;
			d.psus[i].len = e->len - 4;
		}
		np++;
	}
	for (uint32 i = 0; i < d.ncell; i++)
		d.cells[i].psu = prank[d.cells[i].psu];
	pfree(cstart);

	survey_sort(d.cells, d.ncell, sizeof(DesignCell), compare_cells, NULL);

	size = design_summary_size(&d);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("design summary too large"));
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	design_summary_encode((uint8 *) VARDATA(result), &d);
	return result;
}

/* decode and validate bytes; false (and *status) when invalid */
static DesignStatus
design_decode(const uint8 *buf, size_t len, DesignData *d)
{
	DesignStatus s;
	uint32		nstrata,
				ncat,
				npsu,
				ncell;

	memset(d, 0, sizeof(*d));
	s = design_summary_counts(buf, len, &nstrata, &ncat, &npsu, &ncell);
	if (s != DESIGN_OK)
		return s;
	d->strata = palloc(sizeof(DesignStratum) * Max(nstrata, 1));
	d->cats = palloc(sizeof(DesignCategory) * Max(ncat, 1));
	d->psus = palloc(sizeof(DesignPsu) * Max(npsu, 1));
	d->cells = palloc(sizeof(DesignCell) * Max(ncell, 1));
	return design_summary_decode(buf, len, d);
}

static void
design_summary_read(struct varlena *value, DesignData *d)
{
	DesignStatus s = design_decode((const uint8 *) VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value), d);

	if (s != DESIGN_OK)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("invalid " TYPE_NAME " value: %s", design_status_message(s)));
}

/* add decoded data into a state (a copied state, combine, rollup) */
static void
design_state_merge_data(DesignState *st, const DesignData *d)
{
	uint32	   *smap = palloc(sizeof(uint32) * Max(d->nstrata, 1));
	uint32	   *cmap = palloc(sizeof(uint32) * Max(d->ncat, 1));
	uint32	   *pmap = palloc(sizeof(uint32) * Max(d->npsu, 1));
	bool		has_fpc = (d->flags & DESIGN_FLAG_FPC) != 0;

	st->last_psu = UINT32_MAX;
	design_state_kind(st, (d->flags & DESIGN_FLAG_NUMERIC) ? DESIGN_KIND_VALUE :
					  (d->flags & DESIGN_FLAG_MULTIPLE) ? DESIGN_KIND_CHOICES : DESIGN_KIND_ANSWER,
					  d->nstrata == 0 && d->missing == 0);
	for (uint32 h = 0; h < d->nstrata; h++)
		smap[h] = design_frame_stratum(&st->frame, d->strata[h].isnull, d->strata[h].name, d->strata[h].len,
									   has_fpc, d->strata[h].fpc);
	for (uint32 c = 0; c < d->ncat; c++)
		cmap[c] = survey_dict_lookup_fast(&st->cats, d->cats[c].name, d->cats[c].len);
	for (uint32 p = 0; p < d->npsu; p++)
	{
		CHECK_FOR_INTERRUPTS();
		if (d->psus[p].anonymous)
			pmap[p] = design_frame_new_psu(&st->frame, smap[d->psus[p].stratum], -1);
		else
			pmap[p] = design_frame_named_psu(&st->frame, smap[d->psus[p].stratum], d->psus[p].name,
											 d->psus[p].len);
	}
	for (uint32 i = 0; i < d->ncell; i++)
	{
		const DesignCell *c = &d->cells[i];
		DesignStateCell *sc = design_state_cell(st, pmap[c->psu],
												c->category == d->ncat ? RESPONDENTS_CAT : cmap[c->category]);

		survey_sum_add(&sc->weight, c->weight);
		survey_sum_add(&sc->wy, c->wy);
		survey_sum_add(&sc->wyy, c->wyy);
		add_count(&sc->rows, c->rows);
		add_count(&sc->nonzero, c->nonzero);
	}
	add_count(&st->missing, d->missing);
	pfree(smap);
	pfree(cmap);
	pfree(pmap);
}

static void
design_state_merge(DesignState *st, DesignState *other)
{
	bytea	   *b = design_state_encode(other);
	DesignData	d;

	design_summary_read(b, &d);
	design_state_merge_data(st, &d);
	pfree(d.strata);
	pfree(d.cats);
	pfree(d.psus);
	pfree(d.cells);
	pfree(b);
}

/* merge a summary into st: a stored one, or the state of another aggregate */
static void
design_state_merge_datum(DesignState *st, Datum value)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &design_expanded_methods);
	DesignData	d;

	if (eoh != NULL)
	{
		design_state_merge(st, &((DesignExpanded *) eoh)->st);
		return;
	}
	design_summary_read((struct varlena *) PG_DETOAST_DATUM_PACKED(value), &d);
	design_state_merge_data(st, &d);
	pfree(d.strata);
	pfree(d.cats);
	pfree(d.psus);
	pfree(d.cells);
}

/*
 * The state argument of a transition or combine function when the aggregate
 * does not own it yet: a new state, empty when the argument is NULL, else a
 * copy of the summary given.
 */
static DesignExpanded *
design_expanded_copy(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	DesignExpanded *x = design_expanded_new(aggcxt);

	if (!PG_ARGISNULL(0))
		design_state_merge_datum(&x->st, PG_GETARG_DATUM(0));
	return x;
}

static inline DesignExpanded *
design_expanded_arg(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, aggcxt, &design_expanded_methods);

	return likely(eoh != NULL) ? (DesignExpanded *) eoh : design_expanded_copy(fcinfo, aggcxt);
}

static struct varlena *
design_expanded_encode(ExpandedObjectHeader *eoh)
{
	return (struct varlena *) design_state_encode(&((DesignExpanded *) eoh)->st);
}

/* the encoding is kept in the object's context until flatten copies it */
static Size
design_expanded_flat_size(ExpandedObjectHeader *eoh)
{
	DesignExpanded *x = (DesignExpanded *) eoh;

	if (x->flat != NULL)
		pfree(x->flat);
	x->flat = expanded_state_encode(eoh, design_expanded_encode);
	return VARSIZE(x->flat);
}

static void
design_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	DesignExpanded *x = (DesignExpanded *) eoh;

	if (x->flat == NULL)
		(void) design_expanded_flat_size(eoh);
	expanded_state_write(x->flat, result, allocated_size, "design_summary");
	x->flat = NULL;
}

/* zero rows give an empty summary; a state is not changed */
Datum
design_agg_final(PG_FUNCTION_ARGS)
{
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "design_agg_final");
	if (PG_ARGISNULL(0))
	{
		DesignState empty;

		memset(&empty, 0, sizeof(empty));
		empty.frame.fpc_mode = -1;
		empty.numeric = -1;
		PG_RETURN_BYTEA_P(design_state_encode(&empty));
	}
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &design_expanded_methods);
	if (eoh != NULL)
		PG_RETURN_BYTEA_P(design_state_encode(&((DesignExpanded *) eoh)->st));
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}

/* either state may be NULL (no row reached that partial aggregate) */
Datum
design_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "design_agg_combine");
	DesignExpanded *x;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	x = design_expanded_arg(fcinfo, cxt);
	design_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* rollup(design_summary): merges stored summaries (PSUs with one name are one PSU) */
Datum
design_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "design_rollup_trans");
	DesignExpanded *x = design_expanded_arg(fcinfo, cxt);

	if (!PG_ARGISNULL(1))
		design_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* ---- I/O --------------------------------------------------------------------- */

/*
 * The text form is the version byte and the rest of the binary format in hex:
 * exact (weights keep every bit) and validated on input like receive.
 */
Datum
design_summary_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(bytes_hex_out(PG_GETARG_VARLENA_PP(0)));
}

Datum
design_summary_in(PG_FUNCTION_ARGS)
{
	bytea	   *result = bytes_hex_in(PG_GETARG_CSTRING(0), fcinfo->context, TYPE_NAME, "design_summary_out");
	DesignData	d;
	DesignStatus s;

	if (result == NULL)
		return (Datum) 0;
	s = design_decode((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ, &d);
	if (s != DESIGN_OK)
		ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type " TYPE_NAME),
						 errdetail("The value is not a valid design summary: %s.", design_status_message(s)));
	PG_RETURN_BYTEA_P(result);
}

Datum
design_summary_recv(PG_FUNCTION_ARGS)
{
	bytea	   *result = bytes_recv((StringInfo) PG_GETARG_POINTER(0));
	DesignData	d;
	DesignStatus s;

	s = design_decode((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ, &d);
	if (s != DESIGN_OK)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary " TYPE_NAME " value: %s", design_status_message(s)),
				errdetail("Expected the versioned design summary byte format (doc/survey.md, Design-based estimation)."));
	PG_RETURN_BYTEA_P(result);
}

Datum
design_summary_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(bytes_send(PG_GETARG_VARLENA_PP(0)));
}

/* ---- accessors ----------------------------------------------------------------- */

typedef struct DesignFigures
{
	DesignEstimate e;
	bool		found;			/* the category occurs */
} DesignFigures;

static DesignLonely
lonely_arg(text *t)
{
	char	   *name = text_to_cstring(t);
	DesignLonely l = design_lonely_from_name(name);

	if (l == DESIGN_LONELY_INVALID)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown lonely PSU rule \"%s\"", name),
				errhint("Use one of: " DESIGN_LONELY_NAMES " (R's options(survey.lonely.psu = ...); the default is fail)."));
	return l;
}

static void
estimate_error(DesignEstimateStatus s, const DesignData *d, uint32 h)
{
	const char *name = "";

	if (h < d->nstrata)
		name = d->strata[h].isnull ? "NULL" : pnstrdup(d->strata[h].name, d->strata[h].len);
	switch (s)
	{
		case DESIGN_ESTIMATE_OK:
			return;
		case DESIGN_ESTIMATE_LONELY:
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("stratum \"%s\" has only one PSU", name),
					errdetail("A variance needs two PSUs in every stratum (R: \"Stratum has only one PSU at stage 1\")."),
					errhint("Give lonely_psu => 'remove', 'certainty', 'adjust' or 'average', as R's options(survey.lonely.psu)."));
			break;
		case DESIGN_ESTIMATE_FPC_MIXED:
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("finite population corrections mix population sizes (> 1) and sampling fractions (< 1)"),
					errhint("Give all fpc values as population sizes (>= 1) or all as sampling fractions (<= 1)."));
			break;
		case DESIGN_ESTIMATE_FPC_SMALL:
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("finite population correction implies more than 100%% sampling in stratum \"%s\"", name),
					errdetail("The stratum has %u PSUs in the sample.", d->strata[h].npsu),
					errhint("A population size must be at least the number of PSUs sampled."));
			break;
	}
}

/*
 * The figures of a category of the summary.  lonely NULL: no variance is
 * wanted (share, total), so neither the lonely PSU rule nor the fpc matter.
 */
static void
design_figures(struct varlena *value, text *category, text *lonely, DesignFigures *out,
			   DesignData *d)
{
	double	   *popsize,
			   *num,
			   *den,
			   *z;
	uint32		bad = UINT32_MAX;
	uint32		cat = UINT32_MAX;
	DesignLonely rule = DESIGN_LONELY_REMOVE;
	DesignEstimateStatus s;
	const char *t = VARDATA_ANY(category);
	uint32		len = VARSIZE_ANY_EXHDR(category);

	if (lonely != NULL)
		rule = lonely_arg(lonely);
	design_summary_read(value, d);
	if (d->flags & DESIGN_FLAG_NUMERIC)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("design summary of numeric values has no categories"),
				errhint("Use mean(), mean_se(), value_total() and the other accessors of design_value_agg."));
	out->found = true;
	for (uint32 i = 0; i < d->ncat; i++)
		if (d->cats[i].len == len && memcmp(d->cats[i].name, t, len) == 0)
			cat = i;
	if (cat == UINT32_MAX)
	{
		SurveyCategory *cats = palloc(sizeof(SurveyCategory) * Max(d->ncat, 1));

		for (uint32 i = 0; i < d->ncat; i++)
		{
			cats[i].text = d->cats[i].name;
			cats[i].len = d->cats[i].len;
			cats[i].count = 0;
			cats[i].weight = 0;
		}
		survey_unknown_category(t, len, cats, d->ncat, NULL);
	}
	popsize = palloc(sizeof(double) * Max(d->nstrata, 1));
	if (lonely != NULL)
	{
		s = design_popsize(d, popsize, &bad);
		estimate_error(s, d, bad);
	}
	else
		for (uint32 h = 0; h < d->nstrata; h++)
			popsize[h] = INFINITY;
	num = palloc(sizeof(double) * Max(d->npsu, 1));
	den = palloc(sizeof(double) * Max(d->npsu, 1));
	z = palloc(sizeof(double) * Max(d->npsu, 1));
	s = design_estimate_category(d, cat, rule, popsize, num, den, z,
								 palloc(Max(d->nstrata, 1)), &out->e, &bad);
	estimate_error(s, d, bad);
}

Datum
design_share(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), NULL, &f, &d);
	if (!f.e.defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(f.e.ratio);
}

Datum
design_total(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), NULL, &f, &d);
	PG_RETURN_FLOAT8(f.e.total);
}

Datum
design_variance_of(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), &f, &d);
	if (!f.e.defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(f.e.ratio_var);
}

Datum
design_se(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), &f, &d);
	if (!f.e.defined)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(f.e.ratio_var));
}

/* cv(): SE / estimate, as R's cv() of a svymean; NULL for an estimate of 0 */
Datum
design_cv(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), &f, &d);
	if (!f.e.defined || f.e.ratio == 0.0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(f.e.ratio_var) / f.e.ratio);
}

Datum
design_total_se(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2), &f, &d);
	PG_RETURN_FLOAT8(sqrt(f.e.total_var));
}

Datum
design_deff(PG_FUNCTION_ARGS)
{
	DesignFigures f;
	DesignData	d;
	double		v;

	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(3), &f, &d);
	v = design_deff_share(&f.e, PG_GETARG_BOOL(2));
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* degf(): PSUs - strata among the rows that answered with a weight > 0 */
Datum
design_degf(PG_FUNCTION_ARGS)
{
	DesignData	d;
	uint32		last_psu = UINT32_MAX,
				last_stratum = UINT32_MAX;
	int64		psus = 0,
				strata = 0;

	design_summary_read(PG_GETARG_VARLENA_PP(0), &d);
	for (uint32 i = 0; i < d.ncell; i++)
	{
		const DesignCell *c = &d.cells[i];

		if (c->nonzero > 0 && c->psu != last_psu)
		{
			last_psu = c->psu;
			psus++;
			if (d.psus[c->psu].stratum != last_stratum)
			{
				last_stratum = d.psus[c->psu].stratum;
				strata++;
			}
		}
	}
	PG_RETURN_INT64(psus - strata);
}

/*
 * A method name: one of svyciprop's, or one of the model-based methods of
 * ci(answer_summary) computed on the design's effective sample size.
 */
typedef struct DesignMethod
{
	DesignCiMethod design;		/* DESIGN_CI_INVALID: a model-based method */
	SurveyCiMethod model;
	const char *name;
} DesignMethod;

static DesignMethod
design_method_arg(text *t)
{
	char	   *name = text_to_cstring(t);
	DesignMethod m;

	for (char *c = name; *c; c++)
		*c = pg_ascii_tolower((unsigned char) *c);
	m.design = design_ci_method_from_name(name);
	m.model = SURVEY_CI_INVALID;
	m.name = name;
	if (m.design == DESIGN_CI_INVALID)
		m.model = survey_ci_method_from_name(name);
	if (m.design == DESIGN_CI_INVALID && m.model == SURVEY_CI_INVALID)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown design interval method \"%s\"", text_to_cstring(t)),
				errhint("Use one of R's svyciprop methods logit, likelihood, asin, beta, mean, xlogit, "
						"or wilson, clopper_pearson, jeffreys, agresti_coull, wald on the design's effective sample size."));
	return m;
}

/* svyciprop(~I(answer == category), design, method, level), or a model-based method on n_eff */
static bool
design_interval(FunctionCallInfo fcinfo, double *estimate, SurveyInterval *iv,
				DesignMethod *method, double *level)
{
	DesignFigures f;
	DesignData	d;

	*method = design_method_arg(PG_GETARG_TEXT_PP(2));
	*level = survey_level_arg(PG_GETARG_FLOAT8(3));
	design_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(4), &f, &d);
	if (!f.e.defined)
		return false;
	*estimate = f.e.ratio;
	if (method->design == DESIGN_CI_LIKELIHOOD)
		design_ciprop_likelihood(f.e.ratio, f.e.ratio_var, (double) f.e.df, (double) f.e.rows,
								 (double) f.e.nonzero, *level, &iv->lower, &iv->upper);
	else if (method->design != DESIGN_CI_INVALID)
		design_ciprop(method->design, f.e.ratio, f.e.ratio_var, (double) f.e.df, (double) f.e.rows,
					  *level, &iv->lower, &iv->upper);
	else
	{
		/* effective sample size p(1-p)/var: the n of simple random sampling with this variance */
		double		p = f.e.ratio,
					n_eff = p * (1.0 - p) / f.e.ratio_var;

		iv->lower = iv->upper = NAN;
		if (p > 0.0 && p < 1.0 && isfinite(n_eff) && n_eff > 0.0)
			*iv = survey_proportion_interval(method->model, p * n_eff, n_eff, *level, 0.0, 0.0);
	}
	return true;
}

Datum
design_ci(PG_FUNCTION_ARGS)
{
	double		estimate = 0.0,
				level;
	SurveyInterval iv = {0, 0};
	DesignMethod m;
	bool		known = design_interval(fcinfo, &estimate, &iv, &m, &level);
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {!known, !known || isnan(iv.lower), !known || isnan(iv.upper), false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "function returning iscm.proportion_interval called in a context that cannot accept it");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Float8GetDatum(estimate);
	values[1] = Float8GetDatum(iv.lower);
	values[2] = Float8GetDatum(iv.upper);
	values[3] = CStringGetTextDatum(m.name);
	values[4] = Float8GetDatum(level);
	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

Datum
design_ci_lower(PG_FUNCTION_ARGS)
{
	double		estimate,
				level;
	SurveyInterval iv;
	DesignMethod m;

	if (!design_interval(fcinfo, &estimate, &iv, &m, &level) || isnan(iv.lower))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(iv.lower);
}

Datum
design_ci_upper(PG_FUNCTION_ARGS)
{
	double		estimate,
				level;
	SurveyInterval iv;
	DesignMethod m;

	if (!design_interval(fcinfo, &estimate, &iv, &m, &level) || isnan(iv.upper))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(iv.upper);
}

/* design_info(s): the shape of the design */
Datum
design_counts(PG_FUNCTION_ARGS)
{
	DesignData	d;
	TupleDesc	tupdesc;
	Datum		values[5];
	bool		nulls[5] = {false, false, false, false, false};
	int64		rows = 0,
				answered = 0;

	design_summary_read(PG_GETARG_VARLENA_PP(0), &d);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "design_counts: return type must be a row type");
	for (uint32 i = 0; i < d.ncell; i++)
		if (!(d.flags & DESIGN_FLAG_MULTIPLE) || d.cells[i].category == d.ncat)
			answered += d.cells[i].rows;
	rows = answered + d.missing;
	values[0] = Int64GetDatum((int64) d.nstrata);
	values[1] = Int64GetDatum((int64) d.npsu);
	values[2] = Int64GetDatum(rows);
	values[3] = Int64GetDatum(answered);
	values[4] = Int64GetDatum(d.missing);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ---- numeric summaries (design_value_agg) -------------------------------------- */

/*
 * The figures of a numeric summary; false when no row has a value with a
 * weight (the figures are NULL).  lonely NULL: no variance wanted.
 */
static bool
design_value_figures(struct varlena *value, text *lonely, DesignEstimate *e, double *s2)
{
	DesignData	d;
	double	   *popsize;
	uint32		bad = UINT32_MAX;
	DesignLonely rule = DESIGN_LONELY_REMOVE;
	DesignEstimateStatus st;

	if (lonely != NULL)
		rule = lonely_arg(lonely);
	design_summary_read(value, &d);
	if (d.ncat == 0)
		return false;
	if (!(d.flags & DESIGN_FLAG_NUMERIC))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("design summary of answers has no numeric values"),
				errhint("Use share(), se(), total() and the other accessors of design_agg with a category."));
	popsize = palloc(sizeof(double) * Max(d.nstrata, 1));
	if (lonely != NULL)
	{
		st = design_popsize(&d, popsize, &bad);
		estimate_error(st, &d, bad);
	}
	else
		for (uint32 h = 0; h < d.nstrata; h++)
			popsize[h] = INFINITY;
	st = design_estimate_value(&d, rule, popsize, palloc(sizeof(double) * Max(d.npsu, 1)),
							   palloc(sizeof(double) * Max(d.npsu, 1)),
							   palloc(sizeof(double) * Max(d.npsu, 1)),
							   palloc(Max(d.nstrata, 1)), e, s2, &bad);
	estimate_error(st, &d, bad);
	return e->defined;
}

/* mean(): svymean of the value over the rows that have one */
Datum
design_mean(PG_FUNCTION_ARGS)
{
	DesignEstimate e;
	double		s2;

	if (!design_value_figures(PG_GETARG_VARLENA_PP(0), NULL, &e, &s2))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(e.ratio);
}

Datum
design_mean_se(PG_FUNCTION_ARGS)
{
	DesignEstimate e;
	double		s2;

	if (!design_value_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), &e, &s2))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sqrt(e.ratio_var));
}

Datum
design_mean_deff(PG_FUNCTION_ARGS)
{
	DesignEstimate e;
	double		s2,
				v;

	if (!design_value_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(2), &e, &s2))
		PG_RETURN_NULL();
	v = design_deff_mean(&e, s2, PG_GETARG_BOOL(1));
	if (isnan(v))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v);
}

/* confint(svymean(...), level, df = degf(d)): mean -/+ t SE */
static bool
design_mean_ci(FunctionCallInfo fcinfo, double *lower, double *upper)
{
	DesignEstimate e;
	double		s2,
				level = survey_level_arg(PG_GETARG_FLOAT8(1)),
				t;

	if (!design_value_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(2), &e, &s2))
		return false;
	t = design_t_quantile(1.0 - (1.0 - level) / 2.0, (double) e.df);
	*lower = e.ratio - t * sqrt(e.ratio_var);
	*upper = e.ratio + t * sqrt(e.ratio_var);
	return !isnan(*lower);
}

Datum
design_mean_ci_lower(PG_FUNCTION_ARGS)
{
	double		lower,
				upper;

	if (!design_mean_ci(fcinfo, &lower, &upper))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(lower);
}

Datum
design_mean_ci_upper(PG_FUNCTION_ARGS)
{
	double		lower,
				upper;

	if (!design_mean_ci(fcinfo, &lower, &upper))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(upper);
}

/* value_total(): svytotal of the value (0 when no row has one) */
Datum
design_value_total(PG_FUNCTION_ARGS)
{
	DesignEstimate e;
	double		s2;

	memset(&e, 0, sizeof(e));
	(void) design_value_figures(PG_GETARG_VARLENA_PP(0), NULL, &e, &s2);
	PG_RETURN_FLOAT8(e.total);
}

Datum
design_value_total_se(PG_FUNCTION_ARGS)
{
	DesignEstimate e;
	double		s2;

	memset(&e, 0, sizeof(e));
	(void) design_value_figures(PG_GETARG_VARLENA_PP(0), PG_GETARG_TEXT_PP(1), &e, &s2);
	PG_RETURN_FLOAT8(sqrt(e.total_var));
}

/* ---- Rao-Scott test of independence (svychisq) --------------------------------- */

#define PAIR_SEPARATOR '\x1f'

/* answer_pair(a, b): the joint category of two answers, for design_agg and design_chisq */
Datum
design_answer_pair(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	size_t		alen = VARSIZE_ANY_EXHDR(a),
				blen = VARSIZE_ANY_EXHDR(b);
	text	   *result;

	if (memchr(VARDATA_ANY(a), PAIR_SEPARATOR, alen) != NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("the first answer of a pair must not contain the unit separator U+001F"),
				errhint("The pair is written as first answer, U+001F, second answer."));
	result = palloc(VARHDRSZ + alen + 1 + blen);
	SET_VARSIZE(result, VARHDRSZ + alen + 1 + blen);
	memcpy(VARDATA(result), VARDATA_ANY(a), alen);
	VARDATA(result)[alen] = PAIR_SEPARATOR;
	memcpy(VARDATA(result) + alen + 1, VARDATA_ANY(b), blen);
	PG_RETURN_TEXT_P(result);
}

static int
compare_labels(const void *a, const void *b, void *arg)
{
	const DesignCategory *x = a,
			   *y = b;

	(void) arg;
	return design_name_compare(false, x->name, x->len, false, y->name, y->len);
}

/* index of (name, len) among n sorted distinct labels */
static uint32
label_index(const DesignCategory *labels, uint32 n, const char *name, uint32 len)
{
	uint32		lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32		mid = lo + (hi - lo) / 2;
		int			c = design_name_compare(false, labels[mid].name, labels[mid].len, false, name, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	elog(ERROR, "design_chisq: label not found");
	return 0;
}

/* the distinct labels of one side, sorted */
static uint32
pair_labels(DesignCategory *side, uint32 n)
{
	uint32		k = 0;

	survey_sort(side, n, sizeof(DesignCategory), compare_labels, NULL);
	for (uint32 i = 0; i < n; i++)
		if (k == 0 || compare_labels(&side[k - 1], &side[i], NULL) != 0)
			side[k++] = side[i];
	return k;
}

/* design_chisq(s, statistic, lonely_psu): svychisq(~a + b, design, statistic) */
Datum
design_chisq_of(PG_FUNCTION_ARGS)
{
	DesignData	d;
	char	   *sname = text_to_cstring(PG_GETARG_TEXT_PP(1));
	DesignChisqStatistic stat = design_chisq_statistic_from_name(sname);
	DesignLonely rule = lonely_arg(PG_GETARG_TEXT_PP(2));
	DesignCategory *rows,
			   *cols;
	uint32	   *row_of,
			   *col_of;
	uint32		nr,
				nc,
				bad = UINT32_MAX;
	double	   *popsize;
	DesignChisq r;
	DesignEstimateStatus st;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4];
	size_t		work;

	if (stat == DESIGN_CHISQ_INVALID)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown statistic \"%s\"", sname),
				errhint("Use F or Chisq, as svychisq's statistic argument."));
	design_summary_read(PG_GETARG_VARLENA_PP(0), &d);
	if (d.flags & (DESIGN_FLAG_NUMERIC | DESIGN_FLAG_MULTIPLE))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("design_chisq needs a summary of pairs of single-choice answers"),
				errhint("Summarise design_agg(iscm.answer_pair(a, b), weight, stratum, psu)."));
	rows = palloc(sizeof(DesignCategory) * Max(d.ncat, 1));
	cols = palloc(sizeof(DesignCategory) * Max(d.ncat, 1));
	for (uint32 k = 0; k < d.ncat; k++)
	{
		const char *sep = memchr(d.cats[k].name, PAIR_SEPARATOR, d.cats[k].len);

		if (sep == NULL)
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("category \"%s\" is not a pair of answers",
						   pnstrdup(d.cats[k].name, d.cats[k].len)),
					errhint("Summarise design_agg(iscm.answer_pair(a, b), weight, stratum, psu)."));
		rows[k].name = d.cats[k].name;
		rows[k].len = (uint32) (sep - d.cats[k].name);
		cols[k].name = sep + 1;
		cols[k].len = d.cats[k].len - rows[k].len - 1;
	}
	{
		DesignCategory *rs = palloc(sizeof(DesignCategory) * Max(d.ncat, 1));
		DesignCategory *cs = palloc(sizeof(DesignCategory) * Max(d.ncat, 1));

		memcpy(rs, rows, sizeof(DesignCategory) * d.ncat);
		memcpy(cs, cols, sizeof(DesignCategory) * d.ncat);
		nr = pair_labels(rs, d.ncat);
		nc = pair_labels(cs, d.ncat);
		row_of = palloc(sizeof(uint32) * Max(d.ncat, 1));
		col_of = palloc(sizeof(uint32) * Max(d.ncat, 1));
		for (uint32 k = 0; k < d.ncat; k++)
		{
			row_of[k] = label_index(rs, nr, rows[k].name, rows[k].len);
			col_of[k] = label_index(cs, nc, cols[k].name, cols[k].len);
		}
	}
	if (nr < 2 || nc < 2)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("a test of independence needs two answers on each side, not %u by %u", nr, nc),
				errdetail("The answers given by rows that answered both items define the table."));
	if ((uint64) nr * nc > 400)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("table of %u by %u answers too large for design_chisq", nr, nc));
	popsize = palloc(sizeof(double) * Max(d.nstrata, 1));
	st = design_popsize(&d, popsize, &bad);
	estimate_error(st, &d, bad);
	work = design_chisq_work(&d, nr, nc);
	if (work > MaxAllocHugeSize / sizeof(double))
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("design too large for design_chisq"));
	st = design_chisq(&d, row_of, col_of, nr, nc, stat, rule, popsize,
					  palloc_extended(work * sizeof(double), MCXT_ALLOC_HUGE),
					  palloc(Max(d.nstrata, 1)), &r, &bad);
	estimate_error(st, &d, bad);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "design_chisq: return type must be a row type");
	values[0] = Float8GetDatum(r.statistic);
	values[1] = Float8GetDatum(r.ndf);
	values[2] = Float8GetDatum(r.ddf);
	values[3] = Float8GetDatum(r.p_value);
	nulls[0] = isnan(r.statistic);
	nulls[1] = isnan(r.ndf);
	nulls[2] = isnan(r.ddf);
	nulls[3] = isnan(r.p_value);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
