/*
 * fuzz_check.h — invariant checks for the libFuzzer targets.
 *
 * A broken invariant aborts, which libFuzzer reports as a crash and saves the
 * input, exactly like a sanitizer finding.
 */
#ifndef ISCM_FUZZ_CHECK_H
#define ISCM_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
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

/* One way of feeding an input to the code under test. */
typedef void (*FuzzMode) (const uint8_t *data, size_t size);

/*
 * The first byte picks one of n modes (modulo n, so every byte value means
 * something and the corpus keeps its meaning), which gets the rest.
 */
static inline int
fuzz_dispatch(const uint8_t *data, size_t size, const FuzzMode *modes, size_t n)
{
	if (size > 0)
		modes[data[0] % n] (data + 1, size - 1);
	return 0;
}

#endif							/* ISCM_FUZZ_CHECK_H */
