/*
 * country_info.h — server-side helpers shared by the accessor functions,
 * the reference views' set-returning functions and country_candidates().
 */
#ifndef ISCM_COUNTRY_INFO_H
#define ISCM_COUNTRY_INFO_H

#include "country.h"
#include "country_data.h"

/* The record of key; elog(ERROR) when there is none (a value this release cannot have made). */
extern const CountryRecord *country_record_or_error(CountryKey key);

/* English name of an M49 area, or NULL (also for code 0). */
extern const char *country_m49_name(uint16_t code);

/* Name of a CountryNameKind as shown in iscm.country_names ("iso", "alias" ...). */
extern const char *country_name_kind_label(uint8_t kind);

#endif							/* ISCM_COUNTRY_INFO_H */
