/* sealed: ballots and answers sealed to a key pair of their own (one per
 * poll, one per 360 round), whose private half is a file outside the
 * database, destroyed once the last batch has been opened. README,
 * "Anonymity: the threat model", says what this protects and from whom. */
#ifndef TANDEM_SEALED_H
#define TANDEM_SEALED_H
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define SEALED_KEY_BYTES crypto_box_PUBLICKEYBYTES /* 32, for both halves */

/* A key's file is DIR/NAME.key, e.g. keys/poll-12.key: 32 raw bytes, the
 * X25519 secret key (the public key is derived from it). */

/* Makes a new key pair: writes the secret key to DIR/NAME.key (mode 0600,
 * through a temporary file renamed into place, file and folder flushed,
 * the folder made 0700 if missing) and gives the public key in pk.
 * Replaces a file of that name. 0, or -1 (logged). */
int sealed_key_create(const char *dir, const char *name, unsigned char pk[SEALED_KEY_BYTES]);

/* Whether DIR/NAME.key exists, as a regular file of the right size. */
bool sealed_key_present(const char *dir, const char *name);

/* Reads DIR/NAME.key into sk and derives pk. 0, or -1 (missing or bad). */
int sealed_key_load(const char *dir, const char *name, unsigned char pk[SEALED_KEY_BYTES],
                    unsigned char sk[SEALED_KEY_BYTES]);

/* Destroys DIR/NAME.key: overwrites it with zeros, flushes, removes it and
 * flushes the folder, so the removal survives a crash. 0 when the file is
 * gone (also when there was none), or -1 (logged). */
int sealed_key_destroy(const char *dir, const char *name);

/* Pads plain (len bytes) to exactly padded bytes (libsodium's ISO/IEC
 * 7816-4 padding, so every ballot of a poll has one size whatever it
 * says) and seals it to pk. Returns it as a bytea literal in hex ("\x…"),
 * to bind as a text parameter, in the arena; NULL when len does not fit
 * padded or out of memory. */
char *sealed_seal_hex(arena *a, const unsigned char pk[SEALED_KEY_BYTES], const void *plain,
                      size_t len, size_t padded);

/* Opens sealed (len bytes, as a binary result gives a bytea) with the key
 * pair: the unpadded bytes, NUL-terminated, into the arena, their length
 * in *out_len. NULL when it does not open (tampered with, sealed to
 * another key, or badly padded). */
char *sealed_open(arena *a, const unsigned char pk[SEALED_KEY_BYTES],
                  const unsigned char sk[SEALED_KEY_BYTES], const unsigned char *sealed, size_t len,
                  size_t *out_len);

/* A public key as a bytea literal in hex ("\x…"), in the arena. */
char *sealed_key_hex(arena *a, const unsigned char pk[SEALED_KEY_BYTES]);

/* Parses a bytea literal of a public key ("\x" and 64 hex digits) into pk.
 * false when it is not one (no key yet). */
bool sealed_key_parse(const char *hex, unsigned char pk[SEALED_KEY_BYTES]);

#endif
