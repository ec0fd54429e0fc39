/* config: everything Tandem reads from the environment, read once at start.
 * The README lists each variable. */
#ifndef TANDEM_CONFIG_H
#define TANDEM_CONFIG_H
#include <stdbool.h>

#include "../http/request.h"

typedef struct {
    char var_dir[1024];       /* TANDEM_VAR, default "var" */
    char socket_path[1024];   /* TANDEM_SOCKET, default $TANDEM_VAR/run/tandem.sock */
    char database_url[2048];  /* TANDEM_DATABASE_URL, default: the cluster in $TANDEM_VAR */
    char templates_dir[1024]; /* TANDEM_TEMPLATES, default "templates" */
    char sql_dir[1024];       /* TANDEM_SQL, default "sql" */
    char keys_dir[1024];      /* TANDEM_KEYS, default $TANDEM_VAR/keys: polls' private keys */
    int threads;              /* TANDEM_THREADS, default 16 */
    http_limits
        limits; /* TANDEM_MAX_FORM, TANDEM_MAX_UPLOAD, TANDEM_MAX_FIELDS, TANDEM_MAX_FIELD */
    int session_idle_minutes; /* TANDEM_SESSION_IDLE_MINUTES, default 120 */
    int session_max_hours;    /* TANDEM_SESSION_MAX_HOURS, default 12 */
    /* TANDEM_LOGIN_ADDRESS_LIMIT: failed sign-ins from one address in 15
     * minutes before it is refused, default 1000 (a college behind one NAT
     * address is one address) */
    int login_address_limit;
    bool secure_cookies; /* TANDEM_SECURE_COOKIES=1 when served over HTTPS */
    char origin[512]; /* TANDEM_ORIGIN, e.g. https://tandem.college.ac.uk; "" = from the request */
    /* tandem mail (core/mail.c) */
    char smtp_url[512];     /* TANDEM_SMTP_URL, default smtp://127.0.0.1:25 */
    char mail_from[256];    /* TANDEM_MAIL_FROM, default tandem@localhost */
    char mail_origin[512];  /* TANDEM_ORIGIN for links in mails, default http://127.0.0.1:8080 */
    int digest_hour;        /* TANDEM_DIGEST_HOUR: digests go from this hour, 0-23; 24: never */
    int mail_retry_seconds; /* TANDEM_MAIL_RETRY_SECONDS: the first wait after a failure, 60 */
    int mail_poll_seconds;  /* TANDEM_MAIL_POLL_SECONDS: how often the outbox is looked at, 5 */
    int housekeeping_seconds; /* TANDEM_HOUSEKEEPING_SECONDS: how often old sign-in data goes, 600 */
} config;

/* Reads the environment into *c. Returns 0, or -1 with err saying which
 * variable is wrong. */
int config_load(config *c, char *err, size_t errlen);

/* The configuration of this process, set once by main before any thread
 * starts and read-only afterwards. */
extern const config *tandem_config;

#endif
