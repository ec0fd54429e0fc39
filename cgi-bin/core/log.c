#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void timestamp(char *out, size_t cap)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(out, cap, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, cap - n, ".%03ldZ", ts.tv_nsec / 1000000);
}

/* One fprintf per line: stdio locks the stream, so lines from different
 * threads never interleave. */
static void vlog(const char *level, const char *fmt, va_list ap)
{
    char ts[40], msg[1024];
    timestamp(ts, sizeof ts);
    vsnprintf(msg, sizeof msg, fmt, ap);
    fprintf(stderr, "%s %s %s\n", ts, level, msg);
}

void log_info(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog("info", fmt, ap);
    va_end(ap);
}

void log_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog("error", fmt, ap);
    va_end(ap);
}

/* Paths whose next segment is a secret (a secret link's, a reset link's or a private feed's
 * token): the log keeps its first characters only, enough to tell two
 * apart, never enough to use one. */
static const char *const secret_prefixes[] = {"/s/", "/reset/", "/feeds/"};
#define SECRET_CHARS_KEPT 4

/* The length of the secret segment starting at path[at], or 0. */
static size_t secret_at(const char *path, size_t at)
{
    for (size_t i = 0; i < sizeof secret_prefixes / sizeof *secret_prefixes; i++) {
        size_t len = strlen(secret_prefixes[i]);
        if (at == len && strncmp(path, secret_prefixes[i], len) == 0)
            return strcspn(path + at, "/");
    }
    return 0;
}

void log_request(const char *id, const char *method, const char *path, int status, long long usec)
{
    char ts[40], safe[256];
    timestamp(ts, sizeof ts);
    /* The path is the visitor's text: keep control characters out of the log. */
    size_t n = 0;
    for (size_t i = 0; path[i] && n < sizeof safe - 4; i++) {
        /* A secret starts right after its prefix, where n == i: room enough. */
        size_t secret = secret_at(path, i);
        if (secret > SECRET_CHARS_KEPT) {
            memcpy(safe + n, path + i, SECRET_CHARS_KEPT);
            memcpy(safe + n + SECRET_CHARS_KEPT, "…", strlen("…"));
            n += SECRET_CHARS_KEPT + strlen("…");
            i += secret - 1;
            continue;
        }
        safe[n++] = (unsigned char)path[i] < 0x20 || path[i] == 0x7f ? '?' : path[i];
    }
    safe[n] = '\0';
    fprintf(stderr, "%s req=%s %s %s %d %lldus\n", ts, id, method, safe, status, usec);
}
