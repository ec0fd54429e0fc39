/* tpl: the C face of Google ctemplate. Templates are loaded and checked once
 * at start-up; a dictionary is filled per request and expanded into a buf. */
#ifndef TANDEM_TPL_H
#define TANDEM_TPL_H
#include <stddef.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tpl_dict tpl_dict;

/* Loads every *.tpl file under dir. Each must begin with an AUTOESCAPE
 * pragma and parse; on the first one that does not, returns -1 with err
 * naming the file. Then freezes the cache: templates never change while the
 * program runs. */
int tpl_load_all(const char *dir, char *err, size_t errlen);

tpl_dict *tpl_dict_new(void);
void tpl_dict_free(tpl_dict *d);
/* Values are copied into the dictionary. A NULL value sets the empty string. */
void tpl_set(tpl_dict *d, const char *key, const char *value);
void tpl_set_int(tpl_dict *d, const char *key, long long value);
/* Sets a value visible in d and in every section and include below it. */
void tpl_set_global(tpl_dict *d, const char *key, const char *value);
void tpl_show(tpl_dict *d, const char *section);
/* Adds one repetition of a section and returns its dictionary (owned by d). */
tpl_dict *tpl_add_section(tpl_dict *d, const char *section);
/* Fills the {{>name}} include with file; returns its dictionary (owned by d). */
tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file);

/* Appends the expansion of file to out. Returns 0, or -1 if the template is
 * unknown or expansion failed. */
int tpl_expand(const char *file, tpl_dict *d, buf *out);

#ifdef __cplusplus
}
#endif
#endif
