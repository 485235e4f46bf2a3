/*
 * iscm_citus.h — the guard that keeps a query Citus runs on a worker from
 * reading iscm's own tables (iscm_citus.c).
 */
#ifndef ISCM_ISCM_CITUS_H
#define ISCM_ISCM_CITUS_H

/* install the executor hook; called once, from _PG_init */
extern void iscm_citus_guard_init(void);

#endif							/* ISCM_ISCM_CITUS_H */
