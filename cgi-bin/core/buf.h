/* buf: a growable byte buffer that a worker reuses from request to request. */
#ifndef TANDEM_BUF_H
#define TANDEM_BUF_H
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    char *data;
    size_t len, cap;
} buf;

/* Each returns false only when memory runs out; the buffer is then unchanged. */
bool buf_append(buf *b, const char *s, size_t n);
bool buf_puts(buf *b, const char *s);
bool buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer; gives back memory above keep_cap so one huge response
 * does not pin memory in a worker for ever. */
void buf_reset(buf *b, size_t keep_cap);
void buf_free(buf *b);

#ifdef __cplusplus
}
#endif

#endif
