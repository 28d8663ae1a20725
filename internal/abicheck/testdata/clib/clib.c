/* A C shared object: dlopen accepts it, but it holds no Go module. */
int clib_answer(void) { return 42; }
