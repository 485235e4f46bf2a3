/*
 * survey_design_frame.c — strata and PSUs of an aggregate state
 * (survey_design_frame.h).
 */
#include "compat.h"

#include "utils/memutils.h"

#include "survey_design_frame.h"

void
design_frame_init(DesignFrame *f, MemoryContext cxt, const char *type_name)
{
	memset(f, 0, sizeof(*f));
	f->cxt = cxt;
	f->type_name = type_name;
	survey_dict_init(&f->strata, cxt);
	survey_dict_init(&f->named, cxt);
	f->fpc_mode = -1;
}

void *
design_grow(MemoryContext cxt, void *p, uint32 *cap, uint32 need, size_t elem, const char *type_name)
{
	uint32		ncap;

	if (need <= *cap)
		return p;
	if (need >= (uint32) Min((Size) UINT32_MAX / 2, MaxAllocHugeSize / elem / 2))
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("%s too large", type_name));
	ncap = Max(need, Max(*cap * 2, 16));
	if (p == NULL)
		p = MemoryContextAllocHuge(cxt, (Size) ncap * elem);
	else
		p = repalloc_huge(p, (Size) ncap * elem);
	*cap = ncap;
	return p;
}

static void
frame_check_fpc(DesignFrame *f, uint32 h, bool has_fpc, double fpc)
{
	if (f->fpc_mode < 0)
		f->fpc_mode = has_fpc ? 1 : 0;
	else if (f->fpc_mode != (has_fpc ? 1 : 0))
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("finite population correction given for some rows and not for others"),
				errhint("Give the fpc on every row (the same value within a stratum), or on none."));
	if (!has_fpc)
		return;
	if (!f->has_fpc[h])
	{
		f->fpc[h] = fpc;
		f->has_fpc[h] = true;
	}
	else if (f->fpc[h] != fpc)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("finite population correction varies within a stratum: %g and %g",
					   f->fpc[h], fpc),
				errhint("The fpc is a property of the stratum: its population size, or its sampling fraction."));
}

uint32
design_frame_stratum(DesignFrame *f, bool isnull, const char *name, uint32 len, bool has_fpc, double fpc)
{
	char	   *key = palloc(len + 1);
	uint32		h;

	key[0] = isnull ? 0 : 1;
	if (len > 0)
		memcpy(key + 1, name, len);
	h = survey_dict_lookup_fast(&f->strata, key, isnull ? 1 : len + 1);
	pfree(key);
	if (h >= f->strata_cap)
	{
		uint32		cap = f->strata_cap;

		f->fpc = design_grow(f->cxt, f->fpc, &cap, h + 1, sizeof(double), f->type_name);
		cap = f->strata_cap;
		f->has_fpc = design_grow(f->cxt, f->has_fpc, &cap, h + 1, sizeof(bool), f->type_name);
		for (uint32 k = f->strata_cap; k < cap; k++)
		{
			f->fpc[k] = 0.0;
			f->has_fpc[k] = false;
		}
		f->strata_cap = cap;
	}
	frame_check_fpc(f, h, has_fpc, fpc);
	return h;
}

uint32
design_frame_new_psu(DesignFrame *f, uint32 stratum, int32 named)
{
	uint32		cap = f->psu_cap;

	if (f->npsu == UINT32_MAX - 1)
		ereport(ERROR,
				errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				errmsg("%s too large: more than 4294967294 PSUs", f->type_name));
	f->psu_stratum = design_grow(f->cxt, f->psu_stratum, &cap, f->npsu + 1, sizeof(uint32), f->type_name);
	cap = f->psu_cap;
	f->psu_named = design_grow(f->cxt, f->psu_named, &cap, f->npsu + 1, sizeof(int32), f->type_name);
	f->psu_cap = cap;
	f->psu_stratum[f->npsu] = stratum;
	f->psu_named[f->npsu] = named;
	return f->npsu++;
}

uint32
design_frame_named_psu(DesignFrame *f, uint32 stratum, const char *name, uint32 len)
{
	char	   *key = palloc(len + 4);
	uint32		k;

	memcpy(key, &stratum, 4);
	if (len > 0)
		memcpy(key + 4, name, len);
	k = survey_dict_lookup_fast(&f->named, key, len + 4);
	pfree(key);
	if (k >= f->named_cap || f->named_psu[k] == UINT32_MAX)
	{
		uint32		cap = f->named_cap;

		f->named_psu = design_grow(f->cxt, f->named_psu, &cap, k + 1, sizeof(uint32), f->type_name);
		for (uint32 j = f->named_cap; j < cap; j++)
			f->named_psu[j] = UINT32_MAX;
		f->named_cap = cap;
		f->named_psu[k] = design_frame_new_psu(f, stratum, (int32) k);
	}
	return f->named_psu[k];
}
