/* diff: which words of one text stay, go or come in another, from dtl's
 * shortest edit script (Wu's O(NP) algorithm, Debian's libdtl-dev), over
 * words and the spaces between them. For comparing versions of a plan. */
#ifndef TANDEM_DIFF_H
#define TANDEM_DIFF_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { DIFF_SAME, DIFF_GONE, DIFF_NEW } diff_kind;
/* Receives the pieces in order: SAME pieces are in both texts, GONE ones
 * only in the first, NEW ones only in the second. */
typedef void (*diff_emit)(void *ctx, diff_kind kind, const char *text, size_t len);

/* Compares a with b word by word, calling emit for each piece. Returns 0,
 * or -1 (emitting nothing) when either text has more than
 * DIFF_MAX_TOKENS words and spaces, or memory ran out. */
#define DIFF_MAX_TOKENS 20000
int diff_words(const char *a, const char *b, diff_emit emit, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
