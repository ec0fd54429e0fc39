/* server: the FastCGI socket, the worker threads and clean shutdown. */
#ifndef TANDEM_SERVER_H
#define TANDEM_SERVER_H
#include "core/config.h"

/* Serves until SIGTERM, SIGINT or SIGHUP, then lets requests in flight
 * finish and returns 0; returns 1 if it could not start. */
int server_run(const config *c);

#endif
