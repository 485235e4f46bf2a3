/*
 * survey_quantile.c — iscm.design_sample: the rows of a numeric item with
 * their design (value, weight, stratum, PSU, fpc), its aggregate
 * design_quantile_agg and the accessors of R survey's svyquantile (quantile,
 * Woodruff interval and SE).
 *
 * A quantile needs the values themselves, so unlike design_summary the state
 * keeps every row: 24 bytes a row in memory, 20 stored.  The state is the
 * type itself behind an expanded-object header (server_util.h), so Citus can
 * split the aggregate; combine appends the other state's rows, merging its
 * strata and named PSUs.  The byte format and the estimators are in
 * core/survey_quantile_core.c.
 */
#include "compat.h"

#include <math.h>

#include "common/int.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "survey_common.h"
#include "survey_design_core.h"
#include "survey_design_frame.h"
#include "survey_dict.h"
#include "survey_quantile_core.h"
#include "server_util.h"

#define TYPE_NAME "iscm.design_sample"

PG_FUNCTION_INFO_V1(design_sample_in);
PG_FUNCTION_INFO_V1(design_sample_out);
PG_FUNCTION_INFO_V1(design_sample_recv);
PG_FUNCTION_INFO_V1(design_sample_send);
PG_FUNCTION_INFO_V1(design_quantile_trans);
PG_FUNCTION_INFO_V1(design_quantile_final);
PG_FUNCTION_INFO_V1(design_quantile_combine);
PG_FUNCTION_INFO_V1(design_sample_quantile_of);
PG_FUNCTION_INFO_V1(design_sample_quantile_se);
PG_FUNCTION_INFO_V1(design_sample_quantile_ci_lower);
PG_FUNCTION_INFO_V1(design_sample_quantile_ci_upper);

/* ---- the aggregate state --------------------------------------------------- */

typedef struct SampleState
{
	MemoryContext cxt;
	DesignFrame frame;			/* strata and PSUs */
	SampleRow  *rows;
	uint32		nrow;
	uint32		row_cap;
	int64		missing;
} SampleState;

typedef struct SampleExpanded
{
	ExpandedObjectHeader hdr;
	SampleState st;
	bytea	   *flat;			/* encoded by flat_size, for flatten right after */
} SampleExpanded;

static Size sample_expanded_flat_size(ExpandedObjectHeader *eoh);
static void sample_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size);

static const ExpandedObjectMethods sample_expanded_methods = {
	sample_expanded_flat_size,
	sample_expanded_flatten
};

static void
sample_state_init(SampleState *st, MemoryContext cxt)
{
	memset(st, 0, sizeof(*st));
	st->cxt = cxt;
	design_frame_init(&st->frame, cxt, TYPE_NAME);
}

static SampleExpanded *
sample_expanded_new(MemoryContext aggcxt)
{
	MemoryContext cxt = aggregate_state_context(aggcxt);
	SampleExpanded *x = MemoryContextAllocZero(cxt, sizeof(SampleExpanded));

	EOH_init_header(&x->hdr, &sample_expanded_methods, cxt);
	sample_state_init(&x->st, cxt);
	return x;
}

static void
sample_state_row(SampleState *st, uint32 psu, double value, double weight)
{
	SampleRow  *r;

	st->rows = design_grow(st->cxt, st->rows, &st->row_cap, st->nrow + 1, sizeof(SampleRow), TYPE_NAME);
	r = &st->rows[st->nrow++];
	r->psu = psu;
	r->value = value;
	r->weight = weight == 0.0 ? 0.0 : weight;	/* no -0 */
}

static void
add_missing(SampleState *st, int64 n)
{
	if (pg_add_s64_overflow(st->missing, n, &st->missing))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("design sample count out of range"));
}

/* ---- state <-> bytes -------------------------------------------------------- */

typedef struct EncodeOrder
{
	SampleState *st;
	uint32	   *srank;			/* stratum -> rank */
	int64	   *anon_row;		/* anonymous PSU -> its row, or -1 */
} EncodeOrder;

static int
compare_strata(const void *a, const void *b, void *arg)
{
	const SurveyDict *dict = arg;
	const SurveyDictEntry *ea = &dict->entries[*(const uint32 *) a],
			   *eb = &dict->entries[*(const uint32 *) b];

	return design_name_compare(ea->text[0] == 0, ea->text + 1, ea->len - 1,
							   eb->text[0] == 0, eb->text + 1, eb->len - 1);
}

/*
 * PSUs by stratum rank, the named ones by name, then the anonymous ones: those
 * without a row first, then by their row's value and weight (equal ones are
 * interchangeable), so that a sample is the same bytes whatever order its
 * rows or partial states arrived in.
 */
static int
compare_psus(const void *a, const void *b, void *arg)
{
	const EncodeOrder *o = arg;
	uint32		pa = *(const uint32 *) a,
				pb = *(const uint32 *) b;
	uint32		ra = o->srank[o->st->frame.psu_stratum[pa]],
				rb = o->srank[o->st->frame.psu_stratum[pb]];
	int32		na = o->st->frame.psu_named[pa],
				nb = o->st->frame.psu_named[pb];

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if ((na < 0) != (nb < 0))
		return na < 0 ? 1 : -1;
	if (na >= 0)
	{
		const SurveyDictEntry *ea = &o->st->frame.named.entries[na],
				   *eb = &o->st->frame.named.entries[nb];

		return design_name_compare(false, ea->text + 4, ea->len - 4, false, eb->text + 4, eb->len - 4);
	}
	if ((o->anon_row[pa] < 0) != (o->anon_row[pb] < 0))
		return o->anon_row[pa] < 0 ? -1 : 1;
	if (o->anon_row[pa] < 0)
		return 0;
	{
		SampleRow	x = o->st->rows[o->anon_row[pa]],
					y = o->st->rows[o->anon_row[pb]];

		x.psu = y.psu = 0;
		return design_sample_row_compare(&x, &y);
	}
}

static int
compare_rows(const void *a, const void *b, void *arg)
{
	return design_sample_row_compare(a, b);
}

static bytea *
sample_state_encode(SampleState *st)
{
	SampleData	s;
	DesignData *d = &s.design;
	uint32	   *sorder,
			   *porder,
			   *prank;
	EncodeOrder o;
	size_t		size;
	bytea	   *result;

	memset(&s, 0, sizeof(s));
	d->flags = st->frame.fpc_mode == 1 ? DESIGN_FLAG_FPC : 0;
	d->missing = st->missing;
	d->nstrata = st->frame.strata.n;
	d->npsu = st->frame.npsu;

	sorder = palloc(sizeof(uint32) * Max(d->nstrata, 1));
	o.srank = palloc(sizeof(uint32) * Max(d->nstrata, 1));
	for (uint32 i = 0; i < d->nstrata; i++)
		sorder[i] = i;
	survey_sort(sorder, d->nstrata, sizeof(uint32), compare_strata, &st->frame.strata);
	d->strata = palloc0(sizeof(DesignStratum) * Max(d->nstrata, 1));
	for (uint32 i = 0; i < d->nstrata; i++)
	{
		const SurveyDictEntry *e = &st->frame.strata.entries[sorder[i]];

		o.srank[sorder[i]] = i;
		d->strata[i].isnull = e->text[0] == 0;
		d->strata[i].name = e->text + 1;
		d->strata[i].len = e->len - 1;
		d->strata[i].fpc = st->frame.fpc_mode == 1 ? st->frame.fpc[sorder[i]] : 0.0;
	}

	o.st = st;
	o.anon_row = palloc(sizeof(int64) * Max(d->npsu, 1));
	for (uint32 p = 0; p < d->npsu; p++)
		o.anon_row[p] = -1;
	for (uint32 i = 0; i < st->nrow; i++)
		if (st->frame.psu_named[st->rows[i].psu] < 0)
			o.anon_row[st->rows[i].psu] = i;
	porder = palloc(sizeof(uint32) * Max(d->npsu, 1));
	prank = palloc(sizeof(uint32) * Max(d->npsu, 1));
	for (uint32 p = 0; p < d->npsu; p++)
		porder[p] = p;
	survey_sort(porder, d->npsu, sizeof(uint32), compare_psus, &o);
	d->psus = palloc(sizeof(DesignPsu) * Max(d->npsu, 1));
	for (uint32 i = 0; i < d->npsu; i++)
	{
		uint32		p = porder[i];

		prank[p] = i;
		d->psus[i].stratum = o.srank[st->frame.psu_stratum[p]];
		d->psus[i].anonymous = st->frame.psu_named[p] < 0;
		d->psus[i].name = "";
		d->psus[i].len = 0;
		if (!d->psus[i].anonymous)
		{
			const SurveyDictEntry *e = &st->frame.named.entries[st->frame.psu_named[p]];

			d->psus[i].name = e->text + 4;
			d->psus[i].len = e->len - 4;
		}
	}

	s.nrow = st->nrow;
	s.rows = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(SampleRow) * Max(s.nrow, 1));
	for (uint32 i = 0; i < s.nrow; i++)
	{
		s.rows[i] = st->rows[i];
		s.rows[i].psu = prank[st->rows[i].psu];
	}
	survey_sort(s.rows, s.nrow, sizeof(SampleRow), compare_rows, NULL);

	size = design_sample_size(&s);
	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("design sample too large: %u rows with a value and %u PSUs take %zu bytes",
					   s.nrow, d->npsu, size),
				errdetail("A value of a PostgreSQL type holds at most 1 GB; a row takes 20 bytes."),
				errhint("Compute the quantiles per group (GROUP BY), or on a sample of the rows."));
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	design_sample_encode((uint8 *) VARDATA(result), &s);
	pfree(s.rows);
	pfree(porder);
	pfree(prank);
	pfree(o.anon_row);
	pfree(o.srank);
	pfree(sorder);
	pfree(d->strata);
	pfree(d->psus);
	return result;
}

static DesignStatus
sample_decode(const uint8 *buf, size_t len, SampleData *s)
{
	uint32		nstrata,
				npsu,
				nrow;
	DesignStatus st;

	memset(s, 0, sizeof(*s));
	st = design_sample_counts(buf, len, &nstrata, &npsu, &nrow);
	if (st != DESIGN_OK)
		return st;
	s->design.strata = palloc(sizeof(DesignStratum) * Max(nstrata, 1));
	s->design.psus = palloc(sizeof(DesignPsu) * Max(npsu, 1));
	s->design.cats = NULL;
	s->design.cells = NULL;
	s->rows = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(SampleRow) * Max(nrow, 1));
	return design_sample_decode(buf, len, s);
}

static void
sample_read(struct varlena *value, SampleData *s)
{
	DesignStatus st = sample_decode((const uint8 *) VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value), s);

	if (st != DESIGN_OK)
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("invalid " TYPE_NAME " value: %s", design_status_message(st)));
}

static void
sample_free(SampleData *s)
{
	pfree(s->design.strata);
	pfree(s->design.psus);
	pfree(s->rows);
}

static void
sample_state_merge_data(SampleState *st, const SampleData *s)
{
	const DesignData *d = &s->design;
	uint32	   *smap = palloc(sizeof(uint32) * Max(d->nstrata, 1));
	uint32	   *pmap = palloc(sizeof(uint32) * Max(d->npsu, 1));
	bool		has_fpc = (d->flags & DESIGN_FLAG_FPC) != 0;

	for (uint32 h = 0; h < d->nstrata; h++)
		smap[h] = design_frame_stratum(&st->frame, d->strata[h].isnull, d->strata[h].name, d->strata[h].len,
									   has_fpc, d->strata[h].fpc);
	for (uint32 p = 0; p < d->npsu; p++)
	{
		CHECK_FOR_INTERRUPTS();
		if (d->psus[p].anonymous)
			pmap[p] = design_frame_new_psu(&st->frame, smap[d->psus[p].stratum], -1);
		else
			pmap[p] = design_frame_named_psu(&st->frame, smap[d->psus[p].stratum], d->psus[p].name,
											 d->psus[p].len);
	}
	for (uint32 i = 0; i < s->nrow; i++)
		sample_state_row(st, pmap[s->rows[i].psu], s->rows[i].value, s->rows[i].weight);
	add_missing(st, d->missing);
	pfree(smap);
	pfree(pmap);
}

/* merge a sample into st: a stored one, or the state of another aggregate */
static void
sample_state_merge_datum(SampleState *st, Datum value)
{
	ExpandedObjectHeader *eoh = aggregate_expanded_datum(value, &sample_expanded_methods);
	SampleData	s;
	bytea	   *b = NULL;

	if (eoh != NULL)
	{
		b = sample_state_encode(&((SampleExpanded *) eoh)->st);
		sample_read(b, &s);
	}
	else
		sample_read((struct varlena *) PG_DETOAST_DATUM_PACKED(value), &s);
	sample_state_merge_data(st, &s);
	sample_free(&s);
	if (b != NULL)
		pfree(b);
}

static SampleExpanded *
sample_expanded_arg(FunctionCallInfo fcinfo, MemoryContext aggcxt)
{
	ExpandedObjectHeader *eoh = aggregate_owned_state(fcinfo, 0, aggcxt, &sample_expanded_methods);
	SampleExpanded *x;

	if (likely(eoh != NULL))
		return (SampleExpanded *) eoh;
	x = sample_expanded_new(aggcxt);
	if (!PG_ARGISNULL(0))
		sample_state_merge_datum(&x->st, PG_GETARG_DATUM(0));
	return x;
}

static Size
sample_expanded_flat_size(ExpandedObjectHeader *eoh)
{
	SampleExpanded *x = (SampleExpanded *) eoh;
	MemoryContext caller;
	bytea	   *flat;

	/* in the state's own context: the caller's may be a bump context (PostgreSQL 17+) */
	caller = MemoryContextSwitchTo(eoh->eoh_context);
	flat = sample_state_encode(&x->st);
	MemoryContextSwitchTo(caller);
	if (x->flat != NULL)
		pfree(x->flat);
	x->flat = flat;
	return VARSIZE(x->flat);
}

static void
sample_expanded_flatten(ExpandedObjectHeader *eoh, void *result, Size allocated_size)
{
	SampleExpanded *x = (SampleExpanded *) eoh;

	if (x->flat == NULL)
		(void) sample_expanded_flat_size(eoh);
	if (VARSIZE(x->flat) != allocated_size)
		elog(ERROR, "design_sample state flattened to %zu bytes, not %zu",
			 (size_t) VARSIZE(x->flat), (size_t) allocated_size);
	memcpy(result, x->flat, allocated_size);
	pfree(x->flat);
	x->flat = NULL;
}

/* ---- aggregate support ------------------------------------------------------- */

/*
 * design_quantile_agg(value, weight [, stratum, psu [, fpc]]): one row.  A
 * NULL value is outside the domain, its PSU in the design; a NULL stratum is
 * a stratum of its own; a NULL PSU makes the row its own PSU.
 */
Datum
design_quantile_trans(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "design_quantile_trans");
	SampleExpanded *x = sample_expanded_arg(fcinfo, cxt);
	SampleState *st = &x->st;
	int			nargs = PG_NARGS();
	bool		null_stratum = nargs < 4 || PG_ARGISNULL(3);
	bool		null_psu = nargs < 5 || PG_ARGISNULL(4);
	bool		has_fpc = false;
	double		w,
				fpc = 0.0;
	uint32		h,
				psu;
	text	   *sname = null_stratum ? NULL : PG_GETARG_TEXT_PP(3);

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
	h = design_frame_stratum(&st->frame, null_stratum, sname ? VARDATA_ANY(sname) : "",
							 sname ? VARSIZE_ANY_EXHDR(sname) : 0, has_fpc, fpc);
	if (null_psu)
		psu = design_frame_new_psu(&st->frame, h, -1);
	else
	{
		text	   *pname = PG_GETARG_TEXT_PP(4);

		psu = design_frame_named_psu(&st->frame, h, VARDATA_ANY(pname), VARSIZE_ANY_EXHDR(pname));
	}
	if (PG_ARGISNULL(1))
		add_missing(st, 1);
	else
	{
		double		y = PG_GETARG_FLOAT8(1);

		if (!isfinite(y))
			ereport(ERROR,
					errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("numeric answer must be finite, not %g", y),
					errhint("Give NULL for a row without a value."));
		if (st->nrow == UINT32_MAX - 1)
			ereport(ERROR,
					errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("design sample too large: more than 4294967294 rows"));
		sample_state_row(st, psu, y, w);
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* zero rows give an empty sample; a state is not changed */
Datum
design_quantile_final(PG_FUNCTION_ARGS)
{
	ExpandedObjectHeader *eoh;

	(void) aggregate_context(fcinfo, "design_quantile_final");
	if (PG_ARGISNULL(0))
	{
		SampleState empty;

		sample_state_init(&empty, CurrentMemoryContext);
		PG_RETURN_BYTEA_P(sample_state_encode(&empty));
	}
	eoh = aggregate_expanded_datum(PG_GETARG_DATUM(0), &sample_expanded_methods);
	if (eoh != NULL)
		PG_RETURN_BYTEA_P(sample_state_encode(&((SampleExpanded *) eoh)->st));
	PG_RETURN_POINTER(PG_GETARG_VARLENA_P(0));
}

/* either state may be NULL (no row reached that partial aggregate) */
Datum
design_quantile_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt = aggregate_context(fcinfo, "design_quantile_combine");
	SampleExpanded *x;

	if (PG_ARGISNULL(1))
		return aggregate_keep_first(fcinfo);
	x = sample_expanded_arg(fcinfo, cxt);
	sample_state_merge_datum(&x->st, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&x->hdr));
}

/* ---- I/O: the version byte and the rest of the binary format in hex ---------- */

Datum
design_sample_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(bytes_hex_out(PG_GETARG_VARLENA_PP(0)));
}

Datum
design_sample_in(PG_FUNCTION_ARGS)
{
	bytea	   *result = bytes_hex_in(PG_GETARG_CSTRING(0), fcinfo->context, TYPE_NAME, "design_sample_out");
	SampleData	s;
	DesignStatus st;

	if (result == NULL)
		return (Datum) 0;
	st = sample_decode((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ, &s);
	if (st != DESIGN_OK)
		ISCM_INPUT_ERROR(fcinfo->context, (Datum) 0,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type " TYPE_NAME),
						 errdetail("The value is not a valid design sample: %s.", design_status_message(st)));
	PG_RETURN_BYTEA_P(result);
}

Datum
design_sample_recv(PG_FUNCTION_ARGS)
{
	bytea	   *result = bytes_recv((StringInfo) PG_GETARG_POINTER(0));
	SampleData	s;
	DesignStatus st;

	st = sample_decode((const uint8 *) VARDATA(result), VARSIZE(result) - VARHDRSZ, &s);
	if (st != DESIGN_OK)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary " TYPE_NAME " value: %s", design_status_message(st)),
				errdetail("Expected the versioned design sample byte format (doc/survey.md, Quantiles under a design)."));
	PG_RETURN_BYTEA_P(result);
}

Datum
design_sample_send(PG_FUNCTION_ARGS)
{
	PG_RETURN_BYTEA_P(bytes_send(PG_GETARG_VARLENA_PP(0)));
}

/* ---- accessors ----------------------------------------------------------------- */

static double
probability_arg(double p)
{
	if (!(p >= 0.0 && p <= 1.0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("quantile probability must be between 0 and 1, not %g", p),
				errhint("Use for example 0.5 for the median."));
	return p;
}

static void
quantile_estimate_error(DesignEstimateStatus s, const DesignData *d, uint32 h)
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

/* svyquantile's figures at p, level, lonely PSU rule (arguments 1, 2, 3) */
static SampleQuantile
quantile_figures(FunctionCallInfo fcinfo)
{
	SampleData	s;
	double		p = probability_arg(PG_GETARG_FLOAT8(1));
	double		level = survey_level_arg(PG_GETARG_FLOAT8(2));
	char	   *rule_name = text_to_cstring(PG_GETARG_TEXT_PP(3));
	DesignLonely rule = design_lonely_from_name(rule_name);
	double	   *popsize;
	uint32		bad = UINT32_MAX;
	uint32		np;
	DesignEstimateStatus st;
	SampleQuantile q;

	if (rule == DESIGN_LONELY_INVALID)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown lonely PSU rule \"%s\"", rule_name),
				errhint("Use one of: " DESIGN_LONELY_NAMES " (R's options(survey.lonely.psu = ...); the default is fail)."));
	sample_read(PG_GETARG_VARLENA_PP(0), &s);
	np = Max(s.design.npsu, 1);
	popsize = palloc(sizeof(double) * Max(s.design.nstrata, 1));
	st = design_popsize(&s.design, popsize, &bad);
	quantile_estimate_error(st, &s.design, bad);
	st = design_sample_quantile_ci(&s, p, level, rule, popsize,
								   MemoryContextAllocHuge(CurrentMemoryContext, sizeof(double) * np),
								   MemoryContextAllocHuge(CurrentMemoryContext, sizeof(double) * np),
								   MemoryContextAllocHuge(CurrentMemoryContext, sizeof(double) * np),
								   palloc(Max(s.design.nstrata, 1)), &q, &bad);
	quantile_estimate_error(st, &s.design, bad);
	return q;
}

/* quantile(s, p): svyquantile's estimate (qrule "math"); needs no variance */
Datum
design_sample_quantile_of(PG_FUNCTION_ARGS)
{
	SampleData	s;
	double		p = probability_arg(PG_GETARG_FLOAT8(1));
	double		q;

	sample_read(PG_GETARG_VARLENA_PP(0), &s);
	q = design_sample_quantile(&s, p);
	if (isnan(q))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(q);
}

Datum
design_sample_quantile_se(PG_FUNCTION_ARGS)
{
	SampleQuantile q = quantile_figures(fcinfo);

	if (isnan(q.se))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(q.se);
}

Datum
design_sample_quantile_ci_lower(PG_FUNCTION_ARGS)
{
	SampleQuantile q = quantile_figures(fcinfo);

	if (isnan(q.lower))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(q.lower);
}

Datum
design_sample_quantile_ci_upper(PG_FUNCTION_ARGS)
{
	SampleQuantile q = quantile_figures(fcinfo);

	if (isnan(q.upper))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(q.upper);
}
