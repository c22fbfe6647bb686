// Bridges glibc's `malloc_trim`, which Swift's Glibc module does not import (it lives in <malloc.h>).
#ifndef REACH_CMALLOC_SHIM_H
#define REACH_CMALLOC_SHIM_H

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/// Returns the free memory at the top and in the middle of every malloc arena to the system; 1 when some was.
static inline int reach_malloc_trim(void) {
#ifdef __GLIBC__
    return malloc_trim(0);
#else
    return 0;
#endif
}

#endif
