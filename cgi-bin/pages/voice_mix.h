/* voice_mix: sealed ballots (polls) and answers (360-degree rounds):
 * their keys, sealing a vote, and opening them only in batches of at least
 * k, always keeping the newest k sealed while voting goes on. Used by the
 * web server (a poll opened, a vote cast, a poll closed), by `tandem mail`
 * on every pass and by `tandem count-ballots`. README, "Anonymity: the
 * threat model", is the contract. */
#ifndef TANDEM_VOICE_MIX_H
#define TANDEM_VOICE_MIX_H
#include <stdbool.h>

#include "../core/arena.h"
#include "../core/db.h"
#include "../core/sealed.h"

extern const db_statement voice_mix_statements[];

/* k for a 360-degree round's answers. */
#define ROUND_BATCH 3

/* Gives poll (an id, as text) its key pair if it has an opening time and
 * no key yet: the private key file first, then the public key and k on
 * the poll, in the caller's transaction. 0, or -1 (logged). */
int voice_key_for_poll(db *d, const char *keys_dir, const char *poll);
/* The same for a 360-degree round just started. */
int voice_key_for_round(db *d, const char *keys_dir, const char *round);
/* Gives a key pair to every poll and round that takes ballots and has
 * none (those from before sealing, the demo's). How many, or -1. */
int voice_keys_ensure(db *d, const char *keys_dir);

/* Whether the private key file name ("poll-12", "round-3") is there: a
 * vote sealed to a key that is gone could never be counted. */
bool voice_key_present(const char *keys_dir, const char *kind, const char *id);

/* One pass: opens the due batches of every poll and round (see the
 * README), and the final batch of those that closed, destroying their
 * keys. Ballots opened, or -1 when the database failed. */
int voice_mix_pass(db *d, const char *keys_dir);
/* The same for one poll or round now (closing it runs its final batch). */
int voice_mix_poll(db *d, const char *keys_dir, const char *poll);
int voice_mix_round(db *d, const char *keys_dir, const char *round);

/* The length every sealed ballot of a poll is padded to: room for each of
 * its n_options chosen with a rank, each of its n_texts written answers at
 * their longest (2,000 characters of up to 4 bytes), and the voter's id. */
size_t voice_ballot_size(int n_options, int n_texts);
/* The length every sealed 360 answer of a round with n_items is padded to. */
size_t voice_answer_size(int n_items);

#endif
