/* notify: telling someone that something awaits them. Every feature stores
 * its notifications here, in the transaction of the change they describe;
 * delivering them (the in-app list, email) reads the same table. */
#ifndef TANDEM_NOTIFY_H
#define TANDEM_NOTIFY_H
#include <stdbool.h>

#include "../http/request.h"
#include "db.h"

extern const db_statement notify_statements[];

/* Tells user_id, at r's signed-in person's college, what r's person did:
 * kind names the sort of news (lower case and underscores: "comment"),
 * subject is one sentence, link the path of what it is about. Telling
 * people about their own doings is skipped (and counts as done). */
bool notify(request *r, long long user_id, const char *kind, const char *subject, const char *link);

#endif
