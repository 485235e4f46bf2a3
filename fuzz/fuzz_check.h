/*
 * fuzz_check.h — invariant checks for the libFuzzer targets.
 *
 * A broken invariant aborts, which libFuzzer reports as a crash and saves the
 * input, exactly like a sanitizer finding.
 */
#ifndef ISCM_FUZZ_CHECK_H
#define ISCM_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif							/* ISCM_FUZZ_CHECK_H */
