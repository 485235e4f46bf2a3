/*
 * replay_main.c — run a fuzz target's LLVMFuzzerTestOneInput over files
 * (a corpus) without libFuzzer, so the same code can run under valgrind,
 * which finds reads of uninitialized memory that AddressSanitizer does not.
 * Each input is copied into an exactly-sized heap block, as libFuzzer does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
run_file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *buf;
	long		len;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		perror(path);
		return 1;
	}
	buf = malloc(len > 0 ? (size_t) len : 1);
	if (buf == NULL || fread(buf, 1, (size_t) len, f) != (size_t) len)
	{
		perror(path);
		return 1;
	}
	fclose(f);
	if (len > 0)
	{
		/* exactly len bytes: valgrind flags any read past the end */
		uint8_t    *exact = malloc((size_t) len);

		memcpy(exact, buf, (size_t) len);
		free(buf);
		buf = exact;
	}
	LLVMFuzzerTestOneInput(buf, (size_t) len);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	int			failures = 0;

	for (int i = 1; i < argc; i++)
		failures += run_file(argv[i]);
	printf("replayed %d inputs\n", argc - 1 - failures);
	return failures != 0;
}
