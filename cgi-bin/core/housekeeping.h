/* housekeeping: what sign-in leaves behind, deleted once it can no longer
 * be used: sessions past their idle or total lifetime, failed sign-ins
 * older than the day they are counted over, password links used or
 * expired, and device cookies not used to sign in for a year. The mail
 * worker runs it every TANDEM_HOUSEKEEPING_SECONDS. */
#ifndef TANDEM_HOUSEKEEPING_H
#define TANDEM_HOUSEKEEPING_H
#include "config.h"
#include "db.h"

extern const db_statement housekeeping_statements[];

/* One pass; logs what it deleted. False when a statement failed. */
bool housekeeping_pass(db *d, const config *c);

#endif
