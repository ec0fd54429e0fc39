#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const config *tandem_config;

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

static int env_number(const char *name, long long fallback, long long min, long long max,
                      long long *out, char *err, size_t errlen)
{
    const char *v = getenv(name);
    if (!v || !*v) {
        *out = fallback;
        return 0;
    }
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || *end || n < min || n > max) {
        snprintf(err, errlen, "%s must be a whole number from %lld to %lld, not \"%s\"", name, min,
                 max, v);
        return -1;
    }
    *out = n;
    return 0;
}

static int copy(char *dst, size_t cap, const char *src, const char *name, char *err, size_t errlen)
{
    if (snprintf(dst, cap, "%s", src) >= (int)cap) {
        snprintf(err, errlen, "%s is too long", name);
        return -1;
    }
    return 0;
}

/* What `tandem mail` reads: where to send, from whom, the address links
 * in mails start with, and when digests and retries happen. */
static int mail_config_load(config *c, char *err, size_t errlen)
{
    long long hour, retry, poll, housekeeping;
    if (env_number("TANDEM_DIGEST_HOUR", 7, 0, 24, &hour, err, errlen) ||
        env_number("TANDEM_MAIL_RETRY_SECONDS", 60, 1, 3600, &retry, err, errlen) ||
        env_number("TANDEM_MAIL_POLL_SECONDS", 5, 1, 3600, &poll, err, errlen) ||
        env_number("TANDEM_HOUSEKEEPING_SECONDS", 600, 1, 86400, &housekeeping, err, errlen))
        return -1;
    c->housekeeping_seconds = (int)housekeeping;
    c->digest_hour = (int)hour;
    c->mail_retry_seconds = (int)retry;
    c->mail_poll_seconds = (int)poll;
    return copy(c->smtp_url, sizeof c->smtp_url, env_or("TANDEM_SMTP_URL", "smtp://127.0.0.1:25"),
                "TANDEM_SMTP_URL", err, errlen) ||
                   copy(c->mail_from, sizeof c->mail_from,
                        env_or("TANDEM_MAIL_FROM", "tandem@localhost"), "TANDEM_MAIL_FROM", err,
                        errlen) ||
                   copy(c->mail_origin, sizeof c->mail_origin,
                        env_or("TANDEM_ORIGIN", "http://127.0.0.1:8080"), "TANDEM_ORIGIN", err,
                        errlen)
               ? -1
               : 0;
}

int config_load(config *c, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    char tmp[2048];
    if (copy(c->var_dir, sizeof c->var_dir, env_or("TANDEM_VAR", "var"), "TANDEM_VAR", err, errlen))
        return -1;
    snprintf(tmp, sizeof tmp, "%s/run/tandem.sock", c->var_dir);
    if (copy(c->socket_path, sizeof c->socket_path, env_or("TANDEM_SOCKET", tmp), "TANDEM_SOCKET",
             err, errlen))
        return -1;
    /* The private cluster listens only on a unix socket inside TANDEM_VAR, so
     * knowing TANDEM_VAR is enough to reach the right database. */
    snprintf(tmp, sizeof tmp, "host=%s/pgrun dbname=tandem user=tandem connect_timeout=3",
             c->var_dir);
    if (copy(c->database_url, sizeof c->database_url, env_or("TANDEM_DATABASE_URL", tmp),
             "TANDEM_DATABASE_URL", err, errlen) ||
        copy(c->templates_dir, sizeof c->templates_dir, env_or("TANDEM_TEMPLATES", "templates"),
             "TANDEM_TEMPLATES", err, errlen) ||
        copy(c->sql_dir, sizeof c->sql_dir, env_or("TANDEM_SQL", "sql"), "TANDEM_SQL", err, errlen))
        return -1;
    snprintf(tmp, sizeof tmp, "%s/keys", c->var_dir);
    if (copy(c->keys_dir, sizeof c->keys_dir, env_or("TANDEM_KEYS", tmp), "TANDEM_KEYS", err,
             errlen))
        return -1;

    /* Threads never wait on a slow client (nginx buffers whole requests and
     * responses), only on PostgreSQL and the CPU: a few per core keep both
     * busy, while many more only make the database's backends fight over
     * the cores (measured: 8 threads on 2 cores serve a portfolio page
     * about 10 % faster than 16). */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    long long default_threads = cores > 1 ? 4 * cores : 4;
    long long threads, form, upload, fields, field, idle, max, per_address;
    if (env_number("TANDEM_THREADS", default_threads > 64 ? 64 : default_threads, 1, 256, &threads,
                   err, errlen) ||
        env_number("TANDEM_MAX_FORM", 1 << 20, 1024, 1LL << 30, &form, err, errlen) ||
        env_number("TANDEM_MAX_UPLOAD", 20 << 20, 1024, 1LL << 30, &upload, err, errlen) ||
        env_number("TANDEM_MAX_FIELDS", 200, 1, 100000, &fields, err, errlen) ||
        env_number("TANDEM_MAX_FIELD", 512 << 10, 64, 1LL << 30, &field, err, errlen) ||
        env_number("TANDEM_SESSION_IDLE_MINUTES", 120, 1, 60 * 24 * 30, &idle, err, errlen) ||
        env_number("TANDEM_SESSION_MAX_HOURS", 12, 1, 24 * 90, &max, err, errlen) ||
        env_number("TANDEM_LOGIN_ADDRESS_LIMIT", 1000, 10, 1000000, &per_address, err, errlen))
        return -1;
    c->threads = (int)threads;
    c->limits = (http_limits){.max_form_body = (size_t)form,
                              .max_upload = (size_t)upload,
                              .max_fields = (size_t)fields,
                              .max_field_len = (size_t)field};
    c->session_idle_minutes = (int)idle;
    c->session_max_hours = (int)max;
    c->login_address_limit = (int)per_address;
    c->secure_cookies = strcmp(env_or("TANDEM_SECURE_COOKIES", "0"), "1") == 0;
    if (copy(c->origin, sizeof c->origin, env_or("TANDEM_ORIGIN", ""), "TANDEM_ORIGIN", err,
             errlen))
        return -1;
    return mail_config_load(c, err, errlen);
}
