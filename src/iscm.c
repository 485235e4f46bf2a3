/*
 * iscm.c — module entry point: the magic block and _PG_init, which registers
 * the settings (GUCs) of each part of the extension and installs the guard
 * against reading iscm's tables in Citus worker queries (iscm_citus.c).
 */
#include "compat.h"

#include "fmgr.h"

#include "country_pg.h"
#include "iscm_citus.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	country_define_gucs();
	iscm_citus_guard_init();
}
