#include "server.h"

#include <errno.h>
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "core/db.h"
#include "core/log.h"
#include "http/response.h"

/* What one worker thread owns, reused for every request it serves. */
typedef struct {
    int listen_fd;
    FCGX_Request fcgi;
    db *db;
    arena mem;
    buf headers, body, head;
} worker;

static atomic_bool stopping;

static const char *param(FCGX_Request *f, const char *name)
{
    const char *v = FCGX_GetParam(name, f->envp);
    return v ? v : "";
}

/* Reads the request body into the arena. A body over the largest limit is
 * read and thrown away (so nginx sees a well-behaved peer) and reported as
 * too large; the handler never sees it. */
static const char *read_body(worker *w, size_t length, bool *too_large, size_t *got)
{
    const config *c = tandem_config;
    size_t limit = c->limits.max_upload > c->limits.max_form_body ? c->limits.max_upload
                                                                  : c->limits.max_form_body;
    *too_large = length > limit;
    *got = 0;
    if (length == 0)
        return NULL;
    char scratch[16384];
    char *data = *too_large ? NULL : arena_alloc(&w->mem, length + 1);
    if (!data)
        *too_large = true;
    while (*got < length) {
        char *into = data ? data + *got : scratch;
        size_t want = data ? length - *got : sizeof scratch;
        if (!data && want > length - *got)
            want = length - *got;
        int n = FCGX_GetStr(into, (int)want, w->fcgi.in);
        if (n <= 0)
            break;
        *got += (size_t)n;
    }
    return data;
}

static void request_id(FCGX_Request *f, char out[17])
{
    const char *nginx_id = param(f, "REQUEST_ID");
    if (strlen(nginx_id) >= 16) {
        memcpy(out, nginx_id, 16);
        out[16] = '\0';
        return;
    }
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(out, 17, raw, sizeof raw);
}

static long long elapsed_us(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000000LL + (now.tv_nsec - start->tv_nsec) / 1000;
}

static void serve_one(worker *w)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    FCGX_Request *f = &w->fcgi;
    request r = {.mem = &w->mem, .db = w->db, .headers = &w->headers, .body = &w->body};
    r.method_name = param(f, "REQUEST_METHOD");
    r.method = http_method_from(r.method_name);
    r.path = param(f, "DOCUMENT_URI");
    r.query = param(f, "QUERY_STRING");
    r.content_type = param(f, "CONTENT_TYPE");
    r.cookie_header = param(f, "HTTP_COOKIE");
    r.origin = param(f, "HTTP_ORIGIN");
    r.host = param(f, "HTTP_HOST");
    r.port = param(f, "SERVER_PORT");
    r.remote_addr = param(f, "REMOTE_ADDR");
    r.user_agent = param(f, "HTTP_USER_AGENT");
    r.https = strcmp(param(f, "HTTPS"), "on") == 0;
    request_id(f, r.id);

    size_t length = (size_t)strtoull(param(f, "CONTENT_LENGTH"), NULL, 10), got;
    bool too_large;
    const char *body = read_body(w, length, &too_large, &got);
    app_handle(&r, body, got, too_large);

    resp_write_head(&r, &w->head);
    FCGX_PutStr(w->head.data, (int)w->head.len, f->out);
    if (r.method != HTTP_HEAD && w->body.len)
        FCGX_PutStr(w->body.data, (int)w->body.len, f->out);
    /* Whichever way the request ended: its transaction and its results
     * (r.prefetched among them) end with it. */
    db_request_end(w->db, r.id, r.route ? r.route->pattern : "(no route)");
    log_request(r.id, r.method_name, r.path, r.status, elapsed_us(&start));
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    while (!atomic_load(&stopping)) {
        if (FCGX_Accept_r(&w->fcgi) < 0)
            break; /* the listening socket was shut down: time to stop */
        serve_one(w);
        FCGX_Finish_r(&w->fcgi);
        /* Give back what an unusually large request took, keep the rest. */
        arena_reset(&w->mem);
        buf_reset(&w->headers, 16384);
        buf_reset(&w->body, 1 << 20);
        buf_reset(&w->head, 16384);
    }
    return NULL;
}

static int open_socket(const char *path)
{
    unlink(path);
    int fd = FCGX_OpenSocket(path, 256);
    if (fd < 0) {
        log_error("cannot listen on %s: %s", path, strerror(errno));
        return -1;
    }
    /* nginx workers run as another user and must be able to connect. */
    chmod(path, 0666);
    return fd;
}

int server_run(const config *c)
{
    if (FCGX_Init() != 0) {
        log_error("FCGX_Init failed");
        return 1;
    }
    int fd = open_socket(c->socket_path);
    if (fd < 0)
        return 1;
    /* Signals are taken by sigwait in this thread only; a worker blocked in
     * accept would never see them anyway (libfcgi's handler only sets a flag). */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    worker *workers = calloc((size_t)c->threads, sizeof *workers);
    pthread_t *threads = calloc((size_t)c->threads, sizeof *threads);
    int started = 0;
    for (int i = 0; workers && threads && i < c->threads; i++) {
        worker *w = &workers[i];
        w->listen_fd = fd;
        w->db = db_new(c->database_url, app_statements);
        arena_init(&w->mem, 64 * 1024);
        FCGX_InitRequest(&w->fcgi, fd, 0);
        if (!w->db || pthread_create(&threads[i], NULL, worker_main, w) != 0)
            break;
        started++;
    }
    int rc = started == c->threads ? 0 : 1;
    if (rc == 0) {
        log_info("tandem serving on %s with %d threads", c->socket_path, c->threads);
        int sig = 0;
        sigwait(&sigs, &sig);
        log_info("signal %d: finishing requests in flight, then stopping", sig);
    } else {
        log_error("could not start %d worker threads", c->threads);
    }
    atomic_store(&stopping, true);
    /* Wakes every thread blocked in accept(); requests already accepted
     * carry on to completion on their own connections. */
    shutdown(fd, SHUT_RDWR);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    close(fd);
    unlink(c->socket_path);
    for (int i = 0; i < started; i++) {
        FCGX_Free(&workers[i].fcgi, 1);
        db_free(workers[i].db);
        arena_free(&workers[i].mem);
        buf_free(&workers[i].headers);
        buf_free(&workers[i].body);
        buf_free(&workers[i].head);
    }
    free(workers);
    free(threads);
    log_info("tandem stopped");
    return rc;
}
