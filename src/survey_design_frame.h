/*
 * survey_design_frame.h — the sampling design an aggregate state builds row by
 * row: strata with their finite population corrections, and primary sampling
 * units nested in strata.  design_summary's and design_sample's states keep
 * one each, beside what they keep per PSU.
 */
#ifndef ISCM_SURVEY_DESIGN_FRAME_H
#define ISCM_SURVEY_DESIGN_FRAME_H

#include "compat.h"

#include "survey_dict.h"

typedef struct DesignFrame
{
	MemoryContext cxt;
	const char *type_name;		/* of the state, for "too large" errors */
	SurveyDict	strata;			/* key: 0 for the NULL stratum, else 1 + name */
	double	   *fpc;			/* per stratum, as given (0 = none yet) */
	bool	   *has_fpc;
	uint32		strata_cap;
	int			fpc_mode;		/* -1 not known yet, 0 no fpc, 1 fpc given */
	SurveyDict	named;			/* key: stratum index (4 bytes) + PSU name */
	uint32	   *named_psu;		/* named index -> PSU */
	uint32		named_cap;
	uint32	   *psu_stratum;	/* PSU -> stratum */
	int32	   *psu_named;		/* PSU -> named index, or -1 (anonymous) */
	uint32		npsu;
	uint32		psu_cap;
} DesignFrame;

/* f zeroed or not; it allocates in cxt */
extern void design_frame_init(DesignFrame *f, MemoryContext cxt, const char *type_name);

/*
 * Grows the array p of *cap elements of elem bytes to hold need, doubling;
 * ERROR 54000 naming type_name past what one allocation or a uint32 index holds.
 */
extern void *design_grow(MemoryContext cxt, void *p, uint32 *cap, uint32 need, size_t elem,
						 const char *type_name);

/*
 * The index of a stratum, added when new, with the fpc of the row: ERROR 22023
 * when some rows give an fpc and others not, or a stratum's fpc varies.
 */
extern uint32 design_frame_stratum(DesignFrame *f, bool isnull, const char *name, uint32 len,
								   bool has_fpc, double fpc);

/* a new PSU of stratum; named: its index among the named ones, or -1 (a row without a PSU) */
extern uint32 design_frame_new_psu(DesignFrame *f, uint32 stratum, int32 named);

/* the PSU of that name in stratum, added when new */
extern uint32 design_frame_named_psu(DesignFrame *f, uint32 stratum, const char *name, uint32 len);

#endif
