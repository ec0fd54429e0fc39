/* mail: email from the outbox (sql/0014_email.sql). `tandem mail` runs
 * beside the server: it makes each day's digests, then sends what is due
 * over SMTP with libcurl, marking each mail sent once the SMTP server has
 * taken it, and retrying a failure later, longer each time. Nothing is
 * lost while the server is down; a mail is claimed before it is sent, so
 * two workers never send the same one. Every mail is plain text, with a
 * one-click unsubscribe link (RFC 8058) for its sort of news. */
#ifndef TANDEM_MAIL_H
#define TANDEM_MAIL_H
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "db.h"

extern const db_statement mail_statements[];

/* mail_secret: the key that signs unsubscribe links (read also by
 * pages/notifications.c, which checks them). */
enum { MK_KEY, MAIL_SECRET_COLUMNS };

/* Sends mail until stopped (SIGTERM or SIGINT). digests_now: make the
 * day's digests at once, whatever the hour, send what is due, and return
 * (an operator's "send today's digests now", and the tests'). 0, or 1 when
 * the database could not be reached at all. */
int mail_run(const config *c, bool digests_now);

/* The signature of an unsubscribe link for person and category, with the
 * key from mail_secret, into out (URL-safe base64, NUL-terminated). */
#define MAIL_SIG_LEN 44
void mail_unsubscribe_sig(const unsigned char key[32], long long person, const char *category,
                          char out[MAIL_SIG_LEN]);

/* Whether sig is that signature (compared in constant time). */
bool mail_unsubscribe_valid(const unsigned char key[32], long long person, const char *category,
                            const char *sig);

#endif
