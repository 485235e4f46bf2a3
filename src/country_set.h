/*
 * country_set.h — server-side access to iscm.country_set values, shared by the
 * type (country_set.c), its operators (country_set_ops.c), aggregates
 * (country_set_agg.c) and GIN support (country_set_gin.c).
 *
 * A value is a varlena whose payload is the byte format of
 * country_set_format.h: a version byte, then big-endian 2-byte country keys in
 * strictly increasing order.  Values are validated where they enter (text
 * input, binary receive, casts, aggregate state deserialization); elsewhere
 * only the cheap structural checks of country_set_view() are made.
 */
#ifndef ISCM_COUNTRY_SET_H
#define ISCM_COUNTRY_SET_H

#include "compat.h"

#include "fmgr.h"

#include "country_pg.h"
#include "country_set_format.h"

/* A read-only look at the keys of a country_set. */
typedef struct CountrySetView
{
	const uint8_t *keys;		/* big-endian keys, no alignment */
	int			n;
} CountrySetView;

static inline CountryKey
country_set_view_key(const CountrySetView *v, int i)
{
	return country_set_key_at(v->keys, (size_t) i);
}

/*
 * Detoast (short headers are fine: access is byte-wise) and check the version
 * byte and the length parity.  Anything wrong means a damaged value.
 */
extern CountrySetView country_set_view(struct varlena *value);

#define PG_GETARG_COUNTRY_SET_VIEW(n) \
	country_set_view((struct varlena *) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n)))

/* A value with room for n keys, version byte set, keys left to the caller. */
extern struct varlena *country_set_allocate(int n);

/* Build a value from sorted, unique keys. */
extern struct varlena *country_set_from_sorted_keys(const CountryKey *keys, int n);

/* Report received bytes that fail country_set_check_keys() (SQLSTATE 22P03); does not return. */
pg_noreturn extern void country_set_report_bad_payload(CountrySetCheckStatus status, size_t bad_index,
													   const uint8_t *keys);

#endif							/* ISCM_COUNTRY_SET_H */
