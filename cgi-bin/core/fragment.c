#include "fragment.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One piece per slot, chosen by a keyed hash of its key: a newer piece, or
 * another key hashing to the same slot, replaces it. Slots are locked one
 * by one, so threads reading different pages never wait for each other. */
typedef struct {
    pthread_mutex_t lock;
    char key[128];
    long long version;
    long long expires; /* time(2), or 0 */
    char *html;
    size_t len;
} slot;

static slot slots[FRAGMENT_SLOTS];
static unsigned char hash_key[crypto_shorthash_KEYBYTES];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static void slots_init(void)
{
    /* A secret hash key: nobody can choose keys that all fall in one slot. */
    randombytes_buf(hash_key, sizeof hash_key);
    for (size_t i = 0; i < FRAGMENT_SLOTS; i++)
        pthread_mutex_init(&slots[i].lock, NULL);
}

static slot *slot_for(const char *key)
{
    pthread_once(&slots_once, slots_init);
    unsigned char h[crypto_shorthash_BYTES];
    crypto_shorthash(h, (const unsigned char *)key, strlen(key), hash_key);
    unsigned long long n;
    memcpy(&n, h, sizeof n);
    return &slots[n % FRAGMENT_SLOTS];
}

const char *fragment_find(const char *key, long long version, arena *mem)
{
    slot *s = slot_for(key);
    char *out = NULL;
    pthread_mutex_lock(&s->lock);
    if (s->html && s->version == version && strcmp(s->key, key) == 0 &&
        (!s->expires || time(NULL) < s->expires))
        out = arena_strndup(mem, s->html, s->len);
    pthread_mutex_unlock(&s->lock);
    return out;
}

void fragment_keep(const char *key, long long version, const char *html, long long expires)
{
    size_t len = strlen(html);
    if (strlen(key) >= sizeof slots[0].key || len > FRAGMENT_MAX_BYTES)
        return;
    char *copy = malloc(len + 1);
    if (!copy)
        return; /* not kept: the next request renders it again */
    memcpy(copy, html, len + 1);
    slot *s = slot_for(key);
    pthread_mutex_lock(&s->lock);
    char *old = s->html;
    strcpy(s->key, key);
    s->version = version;
    s->expires = expires;
    s->html = copy;
    s->len = len;
    pthread_mutex_unlock(&s->lock);
    free(old);
}
