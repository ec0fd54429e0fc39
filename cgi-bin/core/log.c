#include "log.h"

#include <stdarg.h>
#include <stdio.h>
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

void log_request(const char *id, const char *method, const char *path, int status, long long usec)
{
    char ts[40], safe[256];
    timestamp(ts, sizeof ts);
    /* The path is the visitor's text: keep control characters out of the log. */
    size_t n = 0;
    for (; path[n] && n < sizeof safe - 1; n++)
        safe[n] = (unsigned char)path[n] < 0x20 || path[n] == 0x7f ? '?' : path[n];
    safe[n] = '\0';
    fprintf(stderr, "%s req=%s %s %s %d %lldus\n", ts, id, method, safe, status, usec);
}
