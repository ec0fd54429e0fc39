#include "mail.h"

#include <curl/curl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../pages/voice_mix.h"
#include "housekeeping.h"
#include "reset.h"
#include "buf.h"
#include "log.h"

/* mail_claim: one row a claimed mail, with its person's address and name. */
enum {
    MC_ID,
    MC_USER,
    MC_CATEGORY,
    MC_SUBJECT,
    MC_BODY,
    MC_EMAIL,
    MC_NAME,
    MC_LINK,
    MC_ATTEMPTS,
    MC_INSTITUTION,
    MAIL_CLAIM_COLUMNS
};

// clang-format off
const db_statement mail_statements[] = {
    {"mail_secret", "SELECT key FROM mail_secret", MAIL_SECRET_COLUMNS},
    /* Claims up to 20 mails that are due (never sent, not being sent, or
     * claimed by a worker that died ten minutes ago): each with its
     * person's address and name, and the notification's link. */
    {"mail_claim",
     "WITH c AS (UPDATE outbox SET claimed_at = now()"
     "            WHERE id IN (SELECT id FROM outbox"
     "                          WHERE sent_at IS NULL AND next_attempt_at <= now()"
     "                            AND (claimed_at IS NULL"
     "                                 OR claimed_at < now() - interval '10 minutes')"
     "                          ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)"
     "           RETURNING id, user_id, category, subject, body, notification_id, attempts,"
     "                     institution_id)"
     " SELECT c.id, c.user_id, c.category, c.subject, c.body, u.email, u.display_name,"
     "        coalesce(n.link, ''), c.attempts, c.institution_id"
     "   FROM c JOIN users u ON u.id = c.user_id"
     "   LEFT JOIN notifications n ON n.id = c.notification_id ORDER BY c.id",
     MAIL_CLAIM_COLUMNS},
    {"mail_sent", "UPDATE outbox SET sent_at = now(), claimed_at = NULL, last_error = NULL"
                  " WHERE id = $1",
     0},
    /* A failure: tried again after $3 seconds, doubled each time, at most
     * six hours. */
    {"mail_failed",
     "UPDATE outbox SET attempts = attempts + 1, claimed_at = NULL, last_error = left($2, 500),"
     "       next_attempt_at = now() + least(make_interval(secs => $3::int * power(2, attempts)),"
     "                                       interval '6 hours')"
     " WHERE id = $1",
     0},
    /* Each person's digest for today, if it is the hour ($1, or any hour
     * when $1 is -1) and they have news for it: the unread notifications
     * they take as a digest, newer than their last digest's; links
     * absolute from origin $2. A person gets one digest a day. */
    {"mail_make_digests",
     "WITH due AS ("
     "  SELECT n.user_id, max(n.id) AS up_to, count(*) AS n,"
     "         string_agg('- ' || n.subject || E'\\n  ' || $2 || n.link, E'\\n\\n'"
     "                    ORDER BY n.id) AS items"
     "    FROM notifications n JOIN users u ON u.id = n.user_id AND u.status = 'active'"
     "    LEFT JOIN digests d ON d.user_id = n.user_id"
     "   WHERE n.id > coalesce(d.last_notification_id, 0) AND n.read_at IS NULL"
     "     AND coalesce(d.last_sent_on, '-infinity') < current_date"
     "     AND ($1::int = -1 OR extract(hour FROM localtime) >= $1::int)"
     "     AND notification_delivery(n.user_id, notification_category(n.kind)) = 'digest'"
     "   GROUP BY n.user_id),"
     " made AS (INSERT INTO outbox (institution_id, user_id, category, subject, body, digest_on)"
     "          SELECT u.institution_id, due.user_id, 'digest',"
     "                 'Your Tandem digest: ' || due.n"
     "                 || CASE WHEN due.n = 1 THEN ' thing' ELSE ' things' END"
     "                 || ' for you', due.items, current_date"
     "            FROM due JOIN users u ON u.id = due.user_id"
     "          ON CONFLICT DO NOTHING RETURNING user_id)"
     " INSERT INTO digests (user_id, last_notification_id, last_sent_on)"
     " SELECT due.user_id, due.up_to, current_date FROM due JOIN made USING (user_id)"
     " ON CONFLICT (user_id) DO UPDATE SET last_notification_id = EXCLUDED.last_notification_id,"
     "                                     last_sent_on = EXCLUDED.last_sent_on",
     0},
    /* Student voice's periodic work (sql/0016_voice.sql): tell of issues
     * that went overdue. */
    {"mail_voice_overdue", "SELECT voice_notify_overdue()", 1},
    {NULL, NULL},
};
// clang-format on

/* ------------------------------------------------------------ signing */

/* What an unsubscribe link signs: the person and the sort of news. */
static void sig_message(long long person, const char *category, char *out, size_t cap)
{
    snprintf(out, cap, "unsubscribe:%lld:%s", person, category);
}

void mail_unsubscribe_sig(const unsigned char key[32], long long person, const char *category,
                          char out[MAIL_SIG_LEN])
{
    char msg[128];
    unsigned char mac[crypto_auth_BYTES];
    sig_message(person, category, msg, sizeof msg);
    crypto_auth(mac, (const unsigned char *)msg, strlen(msg), key);
    sodium_bin2base64(out, MAIL_SIG_LEN, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool mail_unsubscribe_valid(const unsigned char key[32], long long person, const char *category,
                            const char *sig)
{
    unsigned char mac[crypto_auth_BYTES];
    size_t len = 0;
    char msg[128];
    if (sodium_base642bin(mac, sizeof mac, sig, strlen(sig), NULL, &len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        len != sizeof mac)
        return false;
    sig_message(person, category, msg, sizeof msg);
    return crypto_auth_verify(mac, (const unsigned char *)msg, strlen(msg), key) == 0;
}

/* ------------------------------------------------------------ writing a mail */

/* text with every line ending as CRLF, as SMTP wants. */
static void append_crlf(buf *b, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '\n' && (p == text || p[-1] != '\r'))
            buf_append(b, "\r", 1);
        buf_append(b, p, 1);
    }
}

/* A header's value as RFC 2047 encoded words when it holds anything but
 * printable ASCII: base64 pieces of whole UTF-8 characters, one a line. */
static void append_header_text(buf *b, const char *text)
{
    bool plain = true;
    for (const unsigned char *p = (const unsigned char *)text; *p && plain; p++)
        plain = *p >= 0x20 && *p < 0x7f;
    if (plain) {
        buf_append(b, text, strlen(text));
        return;
    }
    size_t len = strlen(text), at = 0;
    while (at < len) {
        size_t n = len - at > 45 ? 45 : len - at;
        while (at + n < len && ((unsigned char)text[at + n] & 0xC0) == 0x80)
            n--; /* never split a character */
        char enc[128];
        sodium_bin2base64(enc, sizeof enc, (const unsigned char *)text + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        buf_printf(b, "%s=?UTF-8?B?%s?=", at ? "\r\n " : "", enc);
        at += n;
    }
}

static const char *category_words(const char *category)
{
    return strcmp(category, "messages") == 0    ? "messages"
           : strcmp(category, "mentoring") == 0 ? "mentoring"
           : strcmp(category, "plans") == 0     ? "learning plans"
           : strcmp(category, "comments") == 0  ? "comments and feedback"
           : strcmp(category, "sharing") == 0   ? "sharing and submissions"
           : strcmp(category, "digest") == 0    ? "the daily digest"
                                                : "other news";
}

/* The head of claimed row i's message, down to the Message-ID: the same
 * however many times it is tried, so that mail systems see a message that
 * ever arrives twice is one. */
static void compose_head(buf *b, const config *c, const PGresult *res, int i)
{
    char date[64];
    time_t now = time(NULL);
    struct tm tm;
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", gmtime_r(&now, &tm));
    buf_printf(b, "Date: %s\r\nFrom: Tandem <%s>\r\nTo: ", date, c->mail_from);
    append_header_text(b, db_text(res, i, MC_NAME));
    buf_printf(b, " <%s>\r\nSubject: ", db_text(res, i, MC_EMAIL));
    append_header_text(b, db_text(res, i, MC_SUBJECT));
    buf_printf(b,
               "\r\nMessage-ID: <outbox-%s@tandem>\r\nMIME-Version: 1.0\r\n"
               "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
               "Auto-Submitted: auto-generated\r\n",
               db_text(res, i, MC_ID));
}

/* The whole message of claimed row i, a piece of news: headers, body, and
 * the one-click unsubscribe link for its sort. */
static void compose(buf *b, const config *c, const unsigned char key[32], const PGresult *res,
                    int i)
{
    long long person = db_int(res, i, MC_USER);
    const char *category = db_text(res, i, MC_CATEGORY);
    char sig[MAIL_SIG_LEN];
    mail_unsubscribe_sig(key, person, category, sig);
    char unsubscribe[700];
    snprintf(unsubscribe, sizeof unsubscribe, "%s/unsubscribe/%lld/%s/%s", c->mail_origin, person,
             category, sig);
    compose_head(b, c, res, i);
    buf_printf(
        b, "List-Unsubscribe: <%s>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\n",
        unsubscribe);
    buf_printf(b, "Hello %s,\r\n\r\n", db_text(res, i, MC_NAME));
    append_crlf(b, db_text(res, i, MC_BODY));
    if (*db_text(res, i, MC_LINK))
        buf_printf(b, "\r\n\r\nOpen it: %s%s", c->mail_origin, db_text(res, i, MC_LINK));
    buf_printf(b,
               "\r\n\r\n-- \r\nTandem\r\nYou get this email because of your settings for %s.\r\n"
               "To stop these emails: %s\r\n",
               category_words(category), unsubscribe);
}

/* Claimed row i, a password link (sql/0024_password_link_mail.sql): a
 * one-time link made now, on d, whose token exists only in this mail (the
 * database keeps its hash). Nothing to unsubscribe from: it comes only
 * when an administrator adds the person or asks for it. False when no
 * link could be made. */
static bool compose_password_link(buf *b, db *d, const config *c, const PGresult *res, int i,
                                  char token[RESET_TOKEN_LEN + 1])
{
    if (reset_issue(db_conn(d), db_int(res, i, MC_USER), db_int(res, i, MC_INSTITUTION), 0,
                    token) != 0)
        return false;
    compose_head(b, c, res, i);
    buf_printf(b, "\r\nHello %s,\r\n\r\n", db_text(res, i, MC_NAME));
    append_crlf(b, db_text(res, i, MC_BODY));
    buf_printf(b,
               "\r\n\r\nChoose your password here: %s/reset/%s\r\n\r\n"
               "The link works once, for 24 hours. If it has run out, ask your college's\r\n"
               "Tandem administrator for a new one.\r\n\r\n-- \r\nTandem\r\n"
               "You get this email because your college's Tandem administrator added you\r\n"
               "or asked for a new link for you.\r\n",
               c->mail_origin, token);
    return true;
}

/* ------------------------------------------------------------ sending */

typedef struct {
    const char *data;
    size_t left;
} upload;

static size_t read_upload(char *dst, size_t size, size_t n, void *arg)
{
    upload *u = arg;
    size_t take = size * n < u->left ? size * n : u->left;
    memcpy(dst, u->data, take);
    u->data += take;
    u->left -= take;
    return take;
}

/* Sends message to address over SMTP. NULL when the server took it, else
 * what went wrong (static). */
static const char *smtp_send(const config *c, const char *address, const buf *message, char *err)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return "libcurl could not start";
    char rcpt_address[400];
    snprintf(rcpt_address, sizeof rcpt_address, "<%s>", address);
    struct curl_slist *rcpt = curl_slist_append(NULL, rcpt_address);
    char from[300];
    snprintf(from, sizeof from, "<%s>", c->mail_from);
    upload u = {message->data, message->len};
    curl_easy_setopt(curl, CURLOPT_URL, c->smtp_url);
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &u);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    err[0] = '\0';
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK ? NULL : err[0] ? err : curl_easy_strerror(rc);
}

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
    (void)sig;
    stopping = 1;
}

/* Sends every claimed mail of res, marking each sent or failed. Returns
 * how many were sent. */
static int send_claimed(db *d, const config *c, const unsigned char key[32], const PGresult *res)
{
    int sent = 0;
    for (int i = 0; i < PQntuples(res); i++) {
        buf message = {0};
        char err[CURL_ERROR_SIZE];
        const char *address = db_text(res, i, MC_EMAIL);
        bool password_link = strcmp(db_text(res, i, MC_CATEGORY), "password_link") == 0;
        char token[RESET_TOKEN_LEN + 1] = "";
        if (*address && password_link)
            compose_password_link(&message, d, c, res, i, token);
        else if (*address)
            compose(&message, c, key, res, i);
        const char *failure = !*address          ? "the person has no email address"
                              : message.len == 0 ? "the mail could not be written"
                                                 : smtp_send(c, address, &message, err);
        /* A link no mail carried works for nobody; the next try makes another. */
        if (failure && token[0])
            reset_revoke(db_conn(d), token);
        sodium_memzero(token, sizeof token);
        buf_free(&message);
        const char *id = db_text(res, i, MC_ID);
        char retry[16];
        snprintf(retry, sizeof retry, "%d", c->mail_retry_seconds);
        const char *params[] = {id, failure, retry};
        PGresult *done = failure ? db_run(d, "mail_failed", ARRAY_SIZE(params), params)
                                 : db_run(d, "mail_sent", 1, params);
        if (failure)
            log_error("mail %s to user %s not sent (attempt %d): %s", id, db_text(res, i, MC_USER),
                      atoi(db_text(res, i, MC_ATTEMPTS)) + 1, failure);
        else
            sent++;
        PQclear(done);
    }
    return sent;
}

/* One pass: today's digests if due, then what is due, 20 at a time. */
static void mail_pass(db *d, const config *c, const unsigned char key[32], bool digests_now)
{
    char hour[8];
    snprintf(hour, sizeof hour, "%d", digests_now ? -1 : c->digest_hour);
    const char *dp[] = {hour, c->mail_origin};
    /* Sealed ballots and 360 answers due to be opened (pages/voice_mix.c). */
    voice_mix_pass(d, c->keys_dir);
    PQclear(db_run(d, "mail_voice_overdue", 0, NULL));
    PQclear(db_run(d, "mail_make_digests", ARRAY_SIZE(dp), dp));
    for (;;) {
        PGresult *res = db_run(d, "mail_claim", 0, NULL);
        int n = res ? PQntuples(res) : 0;
        if (n)
            send_claimed(d, c, key, res);
        PQclear(res);
        if (n < 20 || stopping)
            break;
    }
}

/* The signing key, read once. */
static bool load_key(db *d, unsigned char key[32])
{
    PGresult *res = db_run_binary(d, "mail_secret", 0, NULL, NULL, NULL, true);
    bool ok = res && PQntuples(res) == 1 && PQgetlength(res, 0, MK_KEY) == 32;
    if (ok)
        memcpy(key, PQgetvalue(res, 0, MK_KEY), 32);
    PQclear(res);
    return ok;
}

int mail_run(const config *c, bool digests_now)
{
    static const db_statement *const sets[] = {mail_statements, voice_mix_statements,
                                               housekeeping_statements, NULL};
    db *d = db_new(c->database_url, sets);
    unsigned char key[32];
    if (!d || curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
        db_free(d);
        return 1;
    }
    signal(SIGTERM, on_stop);
    signal(SIGINT, on_stop);
    bool have_key = false;
    if (!digests_now)
        log_info("tandem mail: sending through %s", c->smtp_url);
    time_t housekept = 0;
    while (!stopping) {
        have_key = have_key || (db_ready(d) && load_key(d, key));
        if (have_key)
            mail_pass(d, c, key, digests_now);
        /* Housekeeping needs the database, not the mail key. */
        if (time(NULL) - housekept >= c->housekeeping_seconds && db_ready(d)) {
            housekeeping_pass(d, c);
            housekept = time(NULL);
        }
        if (digests_now)
            break;
        for (int i = 0; i < c->mail_poll_seconds * 10 && !stopping; i++)
            usleep(100000);
    }
    if (!digests_now)
        log_info("tandem mail stopped");
    curl_global_cleanup();
    db_free(d);
    sodium_memzero(key, sizeof key);
    return digests_now && !have_key;
}
