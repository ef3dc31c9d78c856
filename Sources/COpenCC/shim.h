#ifndef KEFU_COPENCC_SHIM_H
#define KEFU_COPENCC_SHIM_H
#include <opencc/opencc.h>

/// `opencc_open` reports failure as `(opencc_t)-1`, which Swift cannot compare
/// against easily; this says whether a handle is usable.
static inline int kefu_opencc_is_valid(opencc_t handle) {
    return handle != (opencc_t)-1 && handle != 0;
}
#endif
