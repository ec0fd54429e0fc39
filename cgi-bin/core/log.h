/* log: one line per event on stderr, which the service manager collects. */
#ifndef TANDEM_LOG_H
#define TANDEM_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* time, request id, method, path, status, microseconds */
void log_request(const char *id, const char *method, const char *path, int status, long long usec);

#endif
