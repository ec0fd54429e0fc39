/* sealed: key files and sealed boxes for ballots (see sealed.h). */
#include "sealed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

static void key_path(char *out, size_t size, const char *dir, const char *name, const char *ext)
{
    snprintf(out, size, "%s/%s.key%s", dir, name, ext);
}

/* Flushes the folder dir, so that a rename or removal in it is on disk. */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    int rc = fd >= 0 && fsync(fd) == 0 ? 0 : -1;
    if (fd >= 0)
        close(fd);
    return rc;
}

/* Writes all of len bytes of data to fd. */
static int write_all(int fd, const unsigned char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int sealed_key_create(const char *dir, const char *name, unsigned char pk[SEALED_KEY_BYTES])
{
    char path[1200], tmp[1200];
    unsigned char sk[SEALED_KEY_BYTES];
    key_path(path, sizeof path, dir, name, "");
    key_path(tmp, sizeof tmp, dir, name, ".new");
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        log_error("sealed: cannot make the keys folder %s: %s", dir, strerror(errno));
        return -1;
    }
    crypto_box_keypair(pk, sk);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int rc = fd >= 0 && write_all(fd, sk, sizeof sk) == 0 && fsync(fd) == 0 ? 0 : -1;
    if (fd >= 0 && close(fd) != 0)
        rc = -1;
    sodium_memzero(sk, sizeof sk);
    if (rc == 0 && (rename(tmp, path) != 0 || sync_dir(dir) != 0))
        rc = -1;
    if (rc != 0) {
        log_error("sealed: cannot write the key %s: %s", path, strerror(errno));
        unlink(tmp);
    }
    return rc;
}

bool sealed_key_present(const char *dir, const char *name)
{
    char path[1200];
    struct stat st;
    key_path(path, sizeof path, dir, name, "");
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == SEALED_KEY_BYTES;
}

int sealed_key_load(const char *dir, const char *name, unsigned char pk[SEALED_KEY_BYTES],
                    unsigned char sk[SEALED_KEY_BYTES])
{
    char path[1200];
    key_path(path, sizeof path, dir, name, "");
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, sk, SEALED_KEY_BYTES);
    unsigned char extra;
    bool exact = n == SEALED_KEY_BYTES && read(fd, &extra, 1) == 0;
    close(fd);
    if (!exact || crypto_scalarmult_base(pk, sk) != 0) {
        sodium_memzero(sk, SEALED_KEY_BYTES);
        return -1;
    }
    return 0;
}

int sealed_key_destroy(const char *dir, const char *name)
{
    char path[1200];
    static const unsigned char zeros[SEALED_KEY_BYTES];
    key_path(path, sizeof path, dir, name, "");
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    /* Overwriting first leaves nothing for an undelete on a plain disk;
     * on a copy-on-write filesystem or an SSD only removal is certain. */
    int rc = write_all(fd, zeros, sizeof zeros) == 0 && fsync(fd) == 0 ? 0 : -1;
    close(fd);
    if (unlink(path) != 0 || sync_dir(dir) != 0)
        rc = -1;
    if (rc != 0)
        log_error("sealed: cannot destroy the key %s: %s", path, strerror(errno));
    return rc;
}

char *sealed_seal_hex(arena *a, const unsigned char pk[SEALED_KEY_BYTES], const void *plain,
                      size_t len, size_t padded)
{
    size_t sealed_len = padded + crypto_box_SEALBYTES, padded_len;
    unsigned char *buf = len < padded ? arena_alloc(a, padded) : NULL;
    unsigned char *sealed = buf ? arena_alloc(a, sealed_len) : NULL;
    char *hex = sealed ? arena_alloc(a, 2 * sealed_len + 3) : NULL;
    if (!hex)
        return NULL;
    memcpy(buf, plain, len);
    /* Padding to a block of exactly padded bytes gives exactly padded. */
    if (sodium_pad(&padded_len, buf, len, padded, padded) != 0 || padded_len != padded ||
        crypto_box_seal(sealed, buf, padded, pk) != 0)
        return NULL;
    sodium_memzero(buf, padded);
    memcpy(hex, "\\x", 2);
    sodium_bin2hex(hex + 2, 2 * sealed_len + 1, sealed, sealed_len);
    return hex;
}

char *sealed_open(arena *a, const unsigned char pk[SEALED_KEY_BYTES],
                  const unsigned char sk[SEALED_KEY_BYTES], const unsigned char *sealed, size_t len,
                  size_t *out_len)
{
    if (len <= crypto_box_SEALBYTES)
        return NULL;
    size_t padded = len - crypto_box_SEALBYTES;
    char *plain = arena_alloc(a, padded + 1);
    if (!plain || crypto_box_seal_open((unsigned char *)plain, sealed, len, pk, sk) != 0 ||
        sodium_unpad(out_len, (unsigned char *)plain, padded, padded) != 0)
        return NULL;
    plain[*out_len] = '\0';
    return plain;
}

char *sealed_key_hex(arena *a, const unsigned char pk[SEALED_KEY_BYTES])
{
    char *hex = arena_alloc(a, 2 * SEALED_KEY_BYTES + 3);
    if (hex) {
        memcpy(hex, "\\x", 2);
        sodium_bin2hex(hex + 2, 2 * SEALED_KEY_BYTES + 1, pk, SEALED_KEY_BYTES);
    }
    return hex;
}

bool sealed_key_parse(const char *hex, unsigned char pk[SEALED_KEY_BYTES])
{
    size_t n;
    return strlen(hex) == 2 + 2 * SEALED_KEY_BYTES && strncmp(hex, "\\x", 2) == 0 &&
           sodium_hex2bin(pk, SEALED_KEY_BYTES, hex + 2, 2 * SEALED_KEY_BYTES, NULL, &n, NULL) ==
               0 &&
           n == SEALED_KEY_BYTES;
}
