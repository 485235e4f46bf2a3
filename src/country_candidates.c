/*
 * country_candidates.c — iscm.country_candidates(input, max_results): how a
 * piece of messy text would be read, and what else it resembles, so a column
 * can be reviewed before it is cast.  Never fails on the text itself.
 */
#include "compat.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "country_int.h"
#include "country_lookup.h"
#include "server_util.h"

/* Fuzzy rows below this similarity are noise rather than candidates. */
#define CANDIDATE_MIN_SCORE 0.5
#define CANDIDATES_MAX		100

typedef struct Candidate
{
	CountryKey	key;
	const char *match;			/* code, name, alias, ambiguous, successor, fuzzy */
	const char *matched;		/* the code or normalized name that matched */
	double		score;
} Candidate;

static const char *
name_match_label(uint8_t kind)
{
	switch ((CountryNameKind) kind)
	{
		case CNAME_CLDR_VARIANT:
		case CNAME_ALIAS:
		case CNAME_HISTORICAL:
			return "alias";
		default:
			return "name";
	}
}

static bool
has_key(const Candidate *c, size_t n, CountryKey key)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].key == key)
			return true;
	return false;
}

/* Exact readings (a code, a name, or every country of an ambiguous name). */
static size_t
exact_candidates(const char *str, size_t len, const char *norm, Candidate *out, size_t max)
{
	CountryKey	key;
	size_t		first,
				count,
				distinct,
				n = 0;

	if (country_lookup_code(str, len, &key) != CCODE_NONE)
	{
		char	   *code = pnstrdup(str, len);

		for (char *p = code; *p; p++)
			*p = pg_ascii_toupper((unsigned char) *p);
		out[0] = (Candidate) {key, "code", code, 1.0};
		return 1;
	}
	country_names_matching(norm, &first, &count);
	distinct = country_names_distinct_keys(first, count);
	for (size_t i = first; i < first + count && n < max; i++)
	{
		const CountryName *nm = &country_names[i];

		if (has_key(out, n, nm->key))
			continue;
		out[n++] = (Candidate) {
			nm->key,
			distinct > 1 ? "ambiguous" : name_match_label(nm->kind),
			nm->normalized,
			distinct > 1 ? 1.0 / (double) distinct : 1.0
		};
	}
	return n;
}

/*
 * A former country read exactly ("Burma" is BUMM, "Zaire" ZRCD) is listed
 * with its successor states, so a reviewer joining current data sees both:
 * the former country stays the reading (it is a value of its own), and each of
 * its n successors follows with score 0.5 / n — below any exact reading, and a
 * split among several successors like the 1/n of an ambiguous name.
 */
static size_t
successor_candidates(const Candidate *exact, Candidate *out, size_t n, size_t max)
{
	const CountryRecord *r = country_record(exact->key);

	if (r == NULL || r->successor_count == 0)
		return n;
	for (size_t i = 0; i < r->successor_count && n < max; i++)
	{
		if (has_key(out, n, r->successors[i]))
			continue;
		out[n++] = (Candidate) {
			r->successors[i], "successor", exact->matched, 0.5 / (double) r->successor_count
		};
	}
	return n;
}

/*
 * The nearest other names, for review, after the n readings already in out.
 * They are scaled by the score of the last of those (the exact ones and
 * successors), so that a review sorted by score never puts a
 * misspelling-level guess ("Korea" ~ "Norway") above a country the text
 * actually names, nor above a successor of it.
 */
static size_t
fuzzy_candidates(const char *norm, Candidate *out, size_t n, size_t max)
{
	CountryFuzzyMatch fuzzy[2 * CANDIDATES_MAX];
	size_t		nfuzzy = country_fuzzy(norm, COUNTRY_KEY_INVALID, CANDIDATE_MIN_SCORE, fuzzy, max + n);
	double		exact_score = n > 0 ? out[n - 1].score : 1.0;

	for (size_t i = 0; i < nfuzzy && n < max; i++)
	{
		if (has_key(out, n, fuzzy[i].key))
			continue;
		out[n++] = (Candidate) {
			fuzzy[i].key, "fuzzy", country_names[fuzzy[i].name_index].normalized,
			fuzzy[i].score * exact_score
		};
	}
	return n;
}

/*
 * Every reading of str (trimmed, UTF-8), best first, up to max: the exact
 * ones, a former country's successors, then near names for review.
 */
static size_t
rank_candidates(const char *str, size_t len, Candidate *found, size_t max)
{
	char		norm[COUNTRY_NORM_BUFSIZE];
	size_t		n;
	bool		is_code;

	if (len == 0 || len > COUNTRY_INPUT_MAX || max == 0)
		return 0;
	if (country_normalize(str, len, norm, sizeof(norm)) >= sizeof(norm) || country_is_placeholder(norm))
		return 0;

	n = exact_candidates(str, len, norm, found, max);
	is_code = n == 1 && strcmp(found[0].match, "code") == 0;

	/* a former country's successor states (for a code as for a name) */
	if (n == 1)
		n = successor_candidates(&found[0], found, n, max);

	/* a code needs no near names */
	return is_code ? n : fuzzy_candidates(norm, found, n, max);
}

/* One result row: the country, its alpha-3 and English name, how it matched. */
static void
put_candidate(Tuplestorestate *store, TupleDesc tupdesc, const Candidate *c)
{
	const CountryRecord *r = country_record_or_error(c->key);
	Datum		v[6];
	bool		nulls[6] = {0};

	v[0] = CountryKeyGetDatum(r->key);
	nulls[1] = r->alpha3[0] == '\0';	/* Channel Islands, Sark */
	v[1] = nulls[1] ? (Datum) 0 : CStringGetTextDatum(r->alpha3);
	v[2] = country_utf8_text_datum(r->name_en ? r->name_en : "");
	v[3] = CStringGetTextDatum(c->match);
	v[4] = country_utf8_text_datum(c->matched);
	v[5] = Float8GetDatum(c->score);
	tuplestore_putvalues(store, tupdesc, v, nulls);
}

PG_FUNCTION_INFO_V1(country_candidates);
Datum
country_candidates(PG_FUNCTION_ARGS)
{
	int32		max_results = PG_GETARG_INT32(1);
	const char *str;
	size_t		len;
	Candidate	found[CANDIDATES_MAX];
	size_t		n;
	TupleDesc	tupdesc;
	Tuplestorestate *store;

	if (max_results < 0 || max_results > CANDIDATES_MAX)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("max_results must be between 0 and %d", CANDIDATES_MAX));
	store = srf_materialize(fcinfo, &tupdesc);

	country_text_to_utf8(PG_GETARG_TEXT_PP(0), &str, &len);
	country_trim(&str, &len);
	n = rank_candidates(str, len, found, (size_t) max_results);
	for (size_t i = 0; i < n; i++)
		put_candidate(store, tupdesc, &found[i]);
	return (Datum) 0;
}
