/* voice_mix: opening sealed ballots and 360 answers in batches (see
 * voice_mix.h and README, "Anonymity: the threat model").
 *
 * What a sealed ballot holds, before padding (voice_ballots.c writes it;
 * tests/e2e/lib/sealed.mjs and tests/bench/mixer.mjs write it too):
 *   o<option id>,<rank>\n          one per option chosen; rank 0 when the
 *                                  question is not ranked
 *   t<question id>,<bytes>\n<text> one per written answer: exactly <bytes>
 *                                  bytes of UTF-8, then the next record
 *   u<user id>\n                   the voter, in a named poll only
 * A 360 answer (leadership_feedback.c):
 *   s<scores>\n                    a PostgreSQL numeric array, e.g. {4,2,5}
 *   c<bytes>\n<comment>            the comment, exactly <bytes> bytes
 * Anything else does not parse, and the ballot is counted as spoiled.
 *
 * A batch: with the poll (or round) row locked against votes, read the
 * oldest sealed rows, open them here, put the opened ballots in a random
 * order (libsodium's generator), and count them in one statement
 * (voice_count, feedback_count in sql/0017_sealed_ballots.sql), which
 * also clears the sealed rows; commit; then vacuum, so that no dead
 * version of what changed outlives the pass. */
#include "voice_mix.h"

#include <dirent.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../core/buf.h"
#include "../core/log.h"
#include "../core/utf8.h"

// clang-format off
/* The items of round $1's instrument, numbered k from 1 in their order:
 * an answer's scores are in that order. */
#define ROUND_ITEMS                                                                                \
    "(SELECT it.id, row_number() OVER (ORDER BY it.position) AS k"                                 \
    "   FROM feedback_rounds r JOIN instrument_items it ON it.instrument_id = r.instrument_id"     \
    "  WHERE r.id = $1)"
#define WAITING_POLL "voters - counted - spoiled - uncounted"
#define WAITING_ROUND "answer_count - counted - spoiled - uncounted"
#define STR(x) #x
#define XSTR(x) STR(x)

/* vm_polls_due and vm_rounds_due: one row a poll (round). */
enum { DUE_ID, VM_POLLS_DUE_COLUMNS };
/* vm_poll_lock and vm_round_lock: the row locked. */
enum { LK_KEY, LK_BATCH, LK_CLOSED, LK_WAITING, LK_NAMED, VM_POLL_LOCK_COLUMNS };
/* vm_poll_sealed and vm_round_sealed, in binary. */
enum { SL_SEQ, SL_SEALED, VM_POLL_SEALED_COLUMNS };
/* vm_keyless: one row a poll or round ("poll" or "round", its id). */
enum { KL_KIND, KL_ID, VM_KEYLESS_COLUMNS };
/* vm_poll_keys_done and vm_round_keys_done: one row an id. */
enum { KD_ID, VM_POLL_KEYS_DONE_COLUMNS };

const db_statement voice_mix_statements[] = {
    /* What has a batch to open: open with 2k waiting, or closed and not
     * yet final. */
    {"vm_polls_due",
     "SELECT id FROM polls WHERE final_at IS NULL AND public_key IS NOT NULL"
     "   AND (closes_at <= now() OR " WAITING_POLL " >= 2 * batch_size)",
     VM_POLLS_DUE_COLUMNS},
    {"vm_rounds_due",
     "SELECT id FROM feedback_rounds WHERE final_at IS NULL AND public_key IS NOT NULL"
     "   AND (closed_at IS NOT NULL OR " WAITING_ROUND " >= 2 * " XSTR(ROUND_BATCH) ")",
     VM_POLLS_DUE_COLUMNS},
    /* Poll or round $1, locked against votes (enum LK_*). */
    {"vm_poll_lock",
     "SELECT public_key, batch_size, closes_at <= now(), " WAITING_POLL ", NOT anonymous"
     "  FROM polls WHERE id = $1 AND final_at IS NULL FOR UPDATE",
     VM_POLL_LOCK_COLUMNS},
    {"vm_round_lock",
     "SELECT public_key, " XSTR(ROUND_BATCH) ", closed_at IS NOT NULL, " WAITING_ROUND ", false"
     "  FROM feedback_rounds WHERE id = $1 AND final_at IS NULL FOR UPDATE",
     VM_POLL_LOCK_COLUMNS},
    /* The oldest sealed rows of $1 after seq $2, at most $3 (read in
     * binary: seq, sealed). */
    {"vm_poll_sealed",
     "SELECT seq, sealed FROM poll_voters WHERE poll_id = $1 AND sealed IS NOT NULL"
     "   AND seq > $2 ORDER BY seq LIMIT $3",
     VM_POLL_SEALED_COLUMNS},
    {"vm_round_sealed",
     "SELECT seq, sealed FROM feedback_invitations WHERE round_id = $1 AND sealed IS NOT NULL"
     "   AND seq > $2 ORDER BY seq LIMIT $3",
     VM_POLL_SEALED_COLUMNS},
    {"vm_poll_count",
     "SELECT voice_count($1, $2::bigint[], $3, $4, $5::int[], $6::bigint[], $7::int[],"
     "                   $8::int[], $9::bigint[], $10::text[], $11::int[], $12::bigint[])",
     1},
    {"vm_round_count", "SELECT feedback_count($1, $2::bigint[], $3, $4::text[], $5::text[])", 1},
    /* Closed with fewer than k waiting: those are never opened. */
    {"vm_poll_discard",
     "WITH d AS (UPDATE poll_voters SET sealed = NULL WHERE poll_id = $1 AND sealed IS NOT NULL"
     "           RETURNING 1)"
     " UPDATE polls SET uncounted = uncounted + (SELECT count(*) FROM d) WHERE id = $1",
     0},
    {"vm_round_discard",
     "WITH d AS (UPDATE feedback_invitations SET sealed = NULL"
     "            WHERE round_id = $1 AND sealed IS NOT NULL RETURNING 1)"
     " UPDATE feedback_rounds SET uncounted = uncounted + (SELECT count(*) FROM d) WHERE id = $1",
     0},
    {"vm_poll_final", "UPDATE polls SET final_at = now() WHERE id = $1", 0},
    /* A closed round's final step: with at least k answers counted, their
     * means join the owner's profile as a result. */
    {"vm_round_final",
     "WITH f AS (UPDATE feedback_rounds SET final_at = now() WHERE id = $1"
     "           RETURNING plan_id, institution_id, instrument_id, counted),"
     " res AS (INSERT INTO profile_results (plan_id, institution_id, instrument_id, taken_on,"
     "                                      source, answers)"
     "         SELECT plan_id, institution_id, instrument_id, current_date, 'feedback', counted"
     "           FROM f WHERE counted >= " XSTR(ROUND_BATCH) " RETURNING id)"
     " INSERT INTO profile_scores (result_id, item_id, score)"
     " SELECT res.id, it.id, round(avg(a.scores[it.k]), 2) FROM res, " ROUND_ITEMS " it"
     "   JOIN feedback_answers a ON a.round_id = $1 GROUP BY res.id, it.id",
     0},
    /* Keys: whether poll (round) $1 needs one now, its row locked so that
     * two processes never make two (the file of one, the row of the
     * other); the public half $2 stored. */
    {"vm_poll_keyless",
     "SELECT 1 FROM polls WHERE id = $1 AND public_key IS NULL AND opens_at IS NOT NULL"
     "   FOR UPDATE",
     1},
    {"vm_round_keyless",
     "SELECT 1 FROM feedback_rounds WHERE id = $1 AND public_key IS NULL AND final_at IS NULL"
     "   FOR UPDATE",
     1},
    {"vm_poll_key",
     "UPDATE polls p SET public_key = $2::bytea, batch_size = i.voice_min_voters"
     "  FROM institutions i WHERE p.id = $1 AND i.id = p.institution_id"
     "   AND p.public_key IS NULL RETURNING p.id",
     1},
    {"vm_round_key",
     "UPDATE feedback_rounds SET public_key = $2::bytea WHERE id = $1 AND public_key IS NULL"
     " RETURNING id",
     1},
    /* What takes ballots and has no key (from before sealing, the demo). */
    {"vm_keyless",
     "SELECT 'poll', id FROM polls"
     " WHERE public_key IS NULL AND opens_at IS NOT NULL AND final_at IS NULL"
     " UNION ALL"
     " SELECT 'round', id FROM feedback_rounds WHERE public_key IS NULL AND final_at IS NULL",
     VM_KEYLESS_COLUMNS},
    /* Of the ids $1 with a key file, those whose poll (round) needs it no
     * more: final, or gone. Gone counts only for the files in $2 (old
     * ones): a key is made inside the transaction that creates its row,
     * so a young file's row may simply not be committed yet. */
    {"vm_poll_keys_done",
     "SELECT k FROM unnest($1::bigint[]) k"
     " WHERE EXISTS (SELECT 1 FROM polls p WHERE p.id = k AND p.final_at IS NOT NULL)"
     "    OR (k = ANY($2::bigint[]) AND NOT EXISTS (SELECT 1 FROM polls p WHERE p.id = k))",
     VM_POLL_KEYS_DONE_COLUMNS},
    {"vm_round_keys_done",
     "SELECT k FROM unnest($1::bigint[]) k"
     " WHERE EXISTS (SELECT 1 FROM feedback_rounds r WHERE r.id = k AND r.final_at IS NOT NULL)"
     "    OR (k = ANY($2::bigint[])"
     "        AND NOT EXISTS (SELECT 1 FROM feedback_rounds r WHERE r.id = k))",
     VM_POLL_KEYS_DONE_COLUMNS},
    {NULL, NULL},
};
// clang-format on

/* Rows read per round trip while opening a batch: bounds the memory that
 * sealed bytes take (a ballot with written answers is about 8 KB each). */
#define CHUNK 500

/* One opened ballot or answer. */
typedef struct {
    const char *text;
    size_t len;
    arena *mem;
} opened;

/* A batch being opened. */
typedef struct {
    arena *mem;
    const char *id;
    buf seqs; /* the register rows read, as a bigint[] literal */
    opened *items;
    int n, failed;
} batch;

/* What differs between polls and rounds. */
typedef struct {
    const char *kind; /* key file prefix, and for the log */
    const char *lock, *sealed, *discard, *final;
    bool (*count)(db *d, batch *b, bool named);
} sealed_kind;

/* ------------------------------------------------------------ array literals */

static void array_sep(buf *b)
{
    buf_puts(b, b->len > 1 ? "," : "");
}

static void array_num(buf *b, long long v)
{
    array_sep(b);
    buf_printf(b, "%lld", v);
}

/* Appends text (valid UTF-8, no NUL) as a quoted element. */
static void array_text(buf *b, const char *s, size_t len)
{
    array_sep(b);
    buf_puts(b, "\"");
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"' || s[i] == '\\')
            buf_puts(b, "\\");
        buf_append(b, s + i, 1);
    }
    buf_puts(b, "\"");
}

/* Makes each of the n buffers an empty array literal "{". */
static void arrays_begin(buf *b, int n)
{
    for (int i = 0; i < n; i++) {
        b[i] = (buf){0};
        buf_puts(&b[i], "{");
    }
}

/* Closes each array literal and copies it into the arena. */
static void arrays_end(arena *a, buf *b, int n, const char **out)
{
    for (int i = 0; i < n; i++) {
        buf_puts(&b[i], "}");
        out[i] = b[i].data ? arena_strndup(a, b[i].data, b[i].len) : NULL;
        buf_free(&b[i]);
    }
}

/* ------------------------------------------------------------ parsing */

/* Reads a decimal number at *p (before end) up to the character stop. */
static bool read_number(const char **p, const char *end, char stop, long long *out)
{
    char *after;
    if (*p >= end || **p < '0' || **p > '9')
        return false;
    long long v = strtoll(*p, &after, 10);
    if (after >= end || *after != stop || v < 0)
        return false;
    *out = v;
    *p = after + 1;
    return true;
}

/* The arrays voice_count takes: ballot numbers, options and ranks; ballot
 * numbers, questions and texts; ballot numbers and voters. */
enum { A_CB, A_CO, A_CR, A_TB, A_TQ, A_TT, A_UB, A_UU, N_ARRAYS };

/* Parses ballot number b, appending its parts to x. false when it does
 * not parse (the caller then takes back what was appended). */
static bool parse_ballot(const opened *o, int b, buf *x, buf *scratch)
{
    const char *p = o->text, *end = o->text + o->len;
    long long id, n;
    while (p < end) {
        char tag = *p++;
        if (!read_number(&p, end, tag == 'u' ? '\n' : ',', &id))
            return false;
        if (tag == 'u') {
            array_num(&x[A_UB], b), array_num(&x[A_UU], id);
            continue;
        }
        if ((tag != 'o' && tag != 't') || !read_number(&p, end, '\n', &n))
            return false;
        if (tag == 'o') {
            array_num(&x[A_CB], b), array_num(&x[A_CO], id), array_sep(&x[A_CR]);
            buf_puts(&x[A_CR], n ? arena_printf(o->mem, "%lld", n) : "NULL");
            continue;
        }
        /* Opened text is made valid again here: never trust bytes that
         * anyone holding the public key could have sealed. */
        scratch->len = 0;
        if (n > end - p || !utf8_repair(p, (size_t)n, scratch))
            return false;
        array_num(&x[A_TB], b), array_num(&x[A_TQ], id);
        array_text(&x[A_TT], scratch->data ? scratch->data : "", scratch->len);
        p += n;
    }
    return true;
}

/* ------------------------------------------------------------ counting */

static bool count_poll(db *d, batch *b, bool named)
{
    buf x[N_ARRAYS], scratch = {0};
    const char *arrays[N_ARRAYS];
    arrays_begin(x, N_ARRAYS);
    int number = 0;
    for (int i = 0; i < b->n; i++) {
        size_t before[N_ARRAYS];
        for (int a = 0; a < N_ARRAYS; a++)
            before[a] = x[a].len;
        if (parse_ballot(&b->items[i], number + 1, x, &scratch)) {
            number++;
            continue;
        }
        for (int a = 0; a < N_ARRAYS; a++)
            x[a].len = before[a];
        b->failed++;
        log_error("voice: a ballot of poll %s did not parse: counted as spoiled", b->id);
    }
    /* Names are kept only where the poll said they would be. */
    if (!named)
        x[A_UB].len = x[A_UU].len = 1;
    buf_free(&scratch);
    arrays_end(b->mem, x, N_ARRAYS, arrays);
    const char *params[12] = {b->id, b->seqs.data, arena_printf(b->mem, "%d", number),
                              arena_printf(b->mem, "%d", b->failed)};
    memcpy(params + 4, arrays, sizeof arrays);
    for (int i = 0; i < 12; i++)
        if (!params[i])
            return false;
    PGresult *res = db_run(d, "vm_poll_count", ARRAY_SIZE(params), params);
    PQclear(res);
    return res != NULL;
}

/* Parses a 360 answer into its scores literal and comment. */
static bool parse_answer(const opened *o, buf *scores, buf *comment)
{
    const char *p = o->text, *end = o->text + o->len;
    const char *nl = memchr(p, '\n', o->len);
    long long n;
    if (!nl || *p != 's' || nl - p < 3 || p[1] != '{' || nl[-1] != '}')
        return false;
    for (const char *c = p + 2; c < nl - 1; c++)
        if (!strchr("0123456789.,", *c))
            return false;
    p = nl + 1;
    if (p >= end || *p++ != 'c' || !read_number(&p, end, '\n', &n) || n != end - p)
        return false;
    array_text(scores, o->text + 1, (size_t)(nl - o->text - 1));
    comment->len = 0;
    return utf8_repair(p, (size_t)n, comment);
}

static bool count_round(db *d, batch *b, bool named)
{
    (void)named;
    buf x[2], text = {0};
    const char *arrays[2];
    arrays_begin(x, 2);
    for (int i = 0; i < b->n; i++) {
        size_t before = x[0].len;
        if (parse_answer(&b->items[i], &x[0], &text))
            array_text(&x[1], text.data ? text.data : "", text.len);
        else {
            x[0].len = before;
            b->failed++;
            log_error("voice: an answer of round %s did not parse: counted as spoiled", b->id);
        }
    }
    buf_free(&text);
    arrays_end(b->mem, x, 2, arrays);
    const char *params[] = {b->id, b->seqs.data, arena_printf(b->mem, "%d", b->failed), arrays[0],
                            arrays[1]};
    for (int i = 0; i < 5; i++)
        if (!params[i])
            return false;
    PGresult *res = db_run(d, "vm_round_count", ARRAY_SIZE(params), params);
    PQclear(res);
    return res != NULL;
}

static const sealed_kind POLL = {
    "poll", "vm_poll_lock", "vm_poll_sealed", "vm_poll_discard", "vm_poll_final", count_poll};
static const sealed_kind ROUND = {
    "round", "vm_round_lock", "vm_round_sealed", "vm_round_discard", "vm_round_final", count_round};

/* ------------------------------------------------------------ opening */

/* Puts the n opened items in a uniformly random order (Fisher–Yates). */
static void shuffle(opened *items, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)randombytes_uniform((uint32_t)i + 1);
        opened t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

/* Reads and opens the oldest take sealed rows of b->id into b. */
static bool open_sealed(db *d, const sealed_kind *k, batch *b, long long take,
                        const unsigned char *pk, const unsigned char *sk)
{
    long long last = 0, read = 0;
    b->items = arena_alloc(b->mem, sizeof *b->items * (size_t)take);
    buf_puts(&b->seqs, "{");
    while (b->items && read < take) {
        const char *params[] = {
            b->id, arena_printf(b->mem, "%lld", last),
            arena_printf(b->mem, "%lld", take - read < CHUNK ? take - read : CHUNK)};
        PGresult *res = db_run_binary(d, k->sealed, ARRAY_SIZE(params), params, NULL, NULL, true);
        int rows = res ? PQntuples(res) : 0;
        for (int i = 0; i < rows; i++, read++) {
            uint64_t seq;
            memcpy(&seq, PQgetvalue(res, i, SL_SEQ), sizeof seq);
            last = (long long)be64toh(seq);
            array_num(&b->seqs, last);
            opened *o = &b->items[b->n];
            o->mem = b->mem;
            o->text =
                sealed_open(b->mem, pk, sk, (const unsigned char *)PQgetvalue(res, i, SL_SEALED),
                            (size_t)PQgetlength(res, i, SL_SEALED), &o->len);
            if (o->text)
                b->n++;
            else {
                b->failed++;
                log_error("voice: a sealed ballot of %s %s did not open: counted as spoiled",
                          k->kind, b->id);
            }
        }
        PQclear(res);
        if (!res)
            return false;
        if (!rows)
            break;
    }
    buf_puts(&b->seqs, "}");
    shuffle(b->items, b->n);
    return b->items && b->seqs.data;
}

/* Loads the key file of k's id and checks it is the one row_key names. */
static bool load_key(const char *keys_dir, const char *name, const char *row_key, unsigned char *pk,
                     unsigned char *sk)
{
    unsigned char expected[SEALED_KEY_BYTES];
    if (sealed_key_load(keys_dir, name, pk, sk) == 0 && sealed_key_parse(row_key, expected) &&
        sodium_memcmp(pk, expected, SEALED_KEY_BYTES) == 0)
        return true;
    log_error("voice: the key %s/%s.key is missing or is not this one's: its ballots wait, "
              "uncounted, until it is restored",
              keys_dir, name);
    return false;
}

/* Clears what a pass changed from the tables' dead row versions. */
static void vacuum(db *d)
{
    PGresult *res = PQexec(db_conn(d), "VACUUM poll_voters, poll_texts, poll_options, "
                                       "poll_rankings, poll_named, feedback_invitations, "
                                       "feedback_answers");
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        log_error("voice: vacuum after counting failed: %s", PQerrorMessage(db_conn(d)));
    PQclear(res);
}

/* How many of waiting sealed rows to open now: a batch that leaves the
 * newest k sealed while open, all of them at close, and never fewer than
 * k at once. */
static long long to_open(long long waiting, long long k, bool closed)
{
    if (closed)
        return waiting >= k ? waiting : 0;
    return waiting >= 2 * k ? waiting - k : 0;
}

/* Opens what is due of poll or round id, in one transaction: a batch
 * while open; at close the rest (or, fewer than k, none: they are
 * discarded), the poll made final and its key destroyed. Ballots opened,
 * or -1; *changed when anything was written. */
static int mix_one(db *d, const char *keys_dir, const sealed_kind *k, const char *id, bool *changed)
{
    arena mem;
    arena_init(&mem, 1 << 16);
    batch b = {.mem = &mem, .id = id};
    unsigned char pk[SEALED_KEY_BYTES], sk[SEALED_KEY_BYTES];
    char name[64];
    snprintf(name, sizeof name, "%s-%s", k->kind, id);
    const char *params[] = {id};
    PGresult *lock = NULL, *discard = NULL, *final = NULL;
    bool ok = db_begin(d) && (lock = db_run(d, k->lock, ARRAY_SIZE(params), params)),
         committed = false;
    if (!ok || !PQntuples(lock))
        goto out;
    long long waiting = db_int(lock, 0, LK_WAITING);
    bool closed = strcmp(db_text(lock, 0, LK_CLOSED), "t") == 0;
    long long take = to_open(waiting, db_int(lock, 0, LK_BATCH), closed);
    if (!take && !closed)
        goto out;
    if (take && !load_key(keys_dir, name, db_text(lock, 0, LK_KEY), pk, sk))
        goto out;
    bool named = strcmp(db_text(lock, 0, LK_NAMED), "t") == 0;
    ok = !take || (open_sealed(d, k, &b, take, pk, sk) && k->count(d, &b, named));
    if (ok && closed && waiting > take)
        ok = (discard = db_run(d, k->discard, ARRAY_SIZE(params), params)) != NULL;
    if (ok && closed)
        ok = (final = db_run(d, k->final, ARRAY_SIZE(params), params)) != NULL;
    committed = ok && db_commit(d);
    ok = committed;
    if (committed && closed)
        sealed_key_destroy(keys_dir, name);
out:
    if (!committed)
        db_rollback(d);
    *changed = *changed || committed;
    sodium_memzero(sk, sizeof sk);
    PQclear(lock), PQclear(discard), PQclear(final);
    buf_free(&b.seqs);
    arena_free(&mem);
    return ok ? b.n : -1;
}

int voice_mix_poll(db *d, const char *keys_dir, const char *poll)
{
    bool changed = false;
    int n = mix_one(d, keys_dir, &POLL, poll, &changed);
    if (changed)
        vacuum(d);
    return n;
}

int voice_mix_round(db *d, const char *keys_dir, const char *round)
{
    bool changed = false;
    int n = mix_one(d, keys_dir, &ROUND, round, &changed);
    if (changed)
        vacuum(d);
    return n;
}

/* ------------------------------------------------------------ keys */

static int make_key(db *d, const char *keys_dir, const char *kind, const char *id,
                    const char *statement)
{
    unsigned char pk[SEALED_KEY_BYTES];
    char name[64], hex[2 * SEALED_KEY_BYTES + 3] = "\\x";
    snprintf(name, sizeof name, "%s-%s", kind, id);
    if (sealed_key_create(keys_dir, name, pk) != 0)
        return -1;
    sodium_bin2hex(hex + 2, sizeof hex - 2, pk, sizeof pk);
    const char *params[] = {id, hex};
    PGresult *res = db_run(d, statement, ARRAY_SIZE(params), params);
    int rc = res ? 0 : -1;
    PQclear(res);
    return rc;
}

/* Makes kind's key pair if its row (locked by statement keyless, in the
 * caller's transaction) still has none: 1 made, 0 none needed, -1. */
static int key_if_keyless(db *d, const char *keys_dir, const char *kind, const char *id,
                          const char *keyless, const char *store)
{
    const char *params[] = {id};
    PGresult *res = db_run(d, keyless, ARRAY_SIZE(params), params);
    int rc = !res ? -1 : !PQntuples(res) ? 0 : make_key(d, keys_dir, kind, id, store) == 0 ? 1 : -1;
    PQclear(res);
    return rc;
}

int voice_key_for_poll(db *d, const char *keys_dir, const char *poll)
{
    return key_if_keyless(d, keys_dir, "poll", poll, "vm_poll_keyless", "vm_poll_key") < 0 ? -1 : 0;
}

int voice_key_for_round(db *d, const char *keys_dir, const char *round)
{
    return key_if_keyless(d, keys_dir, "round", round, "vm_round_keyless", "vm_round_key") < 0 ? -1
                                                                                               : 0;
}

int voice_keys_ensure(db *d, const char *keys_dir)
{
    PGresult *res = db_run(d, "vm_keyless", 0, NULL);
    int made = res ? 0 : -1;
    for (int i = 0; res && i < PQntuples(res); i++) {
        const char *id = db_text(res, i, KL_ID);
        bool poll = strcmp(db_text(res, i, KL_KIND), "poll") == 0;
        /* Each in a transaction of its own: the row stays locked from the
         * check until the public key is stored beside the file just made. */
        int rc = !db_begin(d) ? -1
                 : poll
                     ? key_if_keyless(d, keys_dir, "poll", id, "vm_poll_keyless", "vm_poll_key")
                     : key_if_keyless(d, keys_dir, "round", id, "vm_round_keyless", "vm_round_key");
        if (rc >= 0 && db_commit(d))
            made += rc;
        else
            db_rollback(d);
    }
    PQclear(res);
    return made;
}

bool voice_key_present(const char *keys_dir, const char *kind, const char *id)
{
    char name[64];
    snprintf(name, sizeof name, "%s-%s", kind, id);
    return sealed_key_present(keys_dir, name);
}

/* A key file's id if name is "<kind>-<digits>.key", else NULL (into id). */
static const char *key_file_id(const char *name, const char *kind, char *id, size_t size)
{
    size_t prefix = strlen(kind), len = strlen(name);
    if (strncmp(name, kind, prefix) != 0 || name[prefix] != '-' || len <= prefix + 5 ||
        strcmp(name + len - 4, ".key") != 0 ||
        strspn(name + prefix + 1, "0123456789") != len - prefix - 5 || len - prefix - 5 >= size)
        return NULL;
    snprintf(id, size, "%.*s", (int)(len - prefix - 5), name + prefix + 1);
    return id;
}

/* Longer than any transaction that creates a poll or round takes. */
enum { KEY_FILE_SETTLED_SECONDS = 3600 };

/* Destroys the key files of polls and rounds that are final or gone: a
 * key whose destruction was interrupted (a crash right after the final
 * batch) goes at the next pass. */
static void sweep_keys(db *d, const char *keys_dir)
{
    static const char *const kinds[][2] = {{"poll", "vm_poll_keys_done"},
                                           {"round", "vm_round_keys_done"}};
    time_t settled = time(NULL) - KEY_FILE_SETTLED_SECONDS;
    for (int k = 0; k < 2; k++) {
        buf ids = {0}, old = {0};
        DIR *dir = opendir(keys_dir);
        buf_puts(&ids, "{");
        buf_puts(&old, "{");
        char id[24];
        struct stat st;
        for (struct dirent *e; dir && (e = readdir(dir));) {
            if (!key_file_id(e->d_name, kinds[k][0], id, sizeof id))
                continue;
            buf_printf(&ids, "%s%s", ids.len > 1 ? "," : "", id);
            if (fstatat(dirfd(dir), e->d_name, &st, 0) == 0 && st.st_mtime < settled)
                buf_printf(&old, "%s%s", old.len > 1 ? "," : "", id);
        }
        if (dir)
            closedir(dir);
        buf_puts(&ids, "}");
        buf_puts(&old, "}");
        const char *params[] = {ids.data, old.data};
        PGresult *res = ids.len > 2 ? db_run(d, kinds[k][1], ARRAY_SIZE(params), params) : NULL;
        for (int i = 0; res && i < PQntuples(res); i++) {
            char name[64];
            snprintf(name, sizeof name, "%s-%s", kinds[k][0], db_text(res, i, KD_ID));
            sealed_key_destroy(keys_dir, name);
        }
        PQclear(res);
        buf_free(&ids);
        buf_free(&old);
    }
}

/* Opens the batches due of one kind (statement due lists them). */
static int mix_due(db *d, const char *keys_dir, const sealed_kind *k, const char *due,
                   bool *changed)
{
    PGresult *res = db_run(d, due, 0, NULL);
    int total = res ? 0 : -1;
    for (int i = 0; res && i < PQntuples(res); i++) {
        int n = mix_one(d, keys_dir, k, db_text(res, i, DUE_ID), changed);
        total = n < 0 || total < 0 ? -1 : total + n;
    }
    PQclear(res);
    return total;
}

int voice_mix_pass(db *d, const char *keys_dir)
{
    bool changed = false;
    voice_keys_ensure(d, keys_dir);
    int polls = mix_due(d, keys_dir, &POLL, "vm_polls_due", &changed);
    int rounds = mix_due(d, keys_dir, &ROUND, "vm_rounds_due", &changed);
    sweep_keys(d, keys_dir);
    if (changed)
        vacuum(d);
    return polls < 0 || rounds < 0 ? -1 : polls + rounds;
}

size_t voice_ballot_size(int n_options, int n_texts)
{
    /* "o" id "," rank "\n": at most 1 + 19 + 1 + 2 + 1; a text record's
     * head at most 1 + 19 + 1 + 4 + 1 and its text 2,000 characters of at
     * most 4 bytes; "u" id "\n" at most 21; and the padding's own byte. */
    return 64 + 24 * (size_t)n_options + (26 + 8000) * (size_t)n_texts;
}

size_t voice_answer_size(int n_items)
{
    /* "s{" and each score at most 10 characters and a comma, "}\n"; "c",
     * the length and 4,000 characters of at most 4 bytes. */
    return 64 + 11 * (size_t)n_items + 8 + 16000;
}
