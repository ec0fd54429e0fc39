// One of the two C++ files in Tandem (core/diff.cc is the other): a thin
// shim over ctemplate. Every entry point catches every exception, because
// none may cross into C.
#include "tpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_emitter.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// tpl_dict is never defined: a tpl_dict* is a ctemplate::TemplateDictionary*
// seen from C, cast back and forth only here. Sub-dictionaries (sections,
// includes) are owned by their parent, as ctemplate arranges.
static ctemplate::TemplateDictionary *D(tpl_dict *d)
{
    return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}
static tpl_dict *C(ctemplate::TemplateDictionary *d)
{
    return reinterpret_cast<tpl_dict *>(d);
}

// A key ("TITLE") as ctemplate wants it: with its id worked out once per
// thread. Given a plain string, ctemplate hashes it and takes a global lock
// on every call; a page sets hundreds of values, and this was a fifth of
// its cost. The cache is keyed by content, so keys built at run time are
// safe too. ctemplate's own process-wide table keeps a pointer to each
// key's text, so that text is copied once and never freed: a few hundred
// short strings per thread. The table's keys are views of those copies, so
// looking one up allocates nothing.
static ctemplate::TemplateString K(const char *key)
{
    thread_local std::unordered_map<std::string_view, ctemplate::StaticTemplateString> ids;
    auto it = ids.find(std::string_view(key));
    if (it == ids.end()) {
        const char *forever = strdup(key);
        if (!forever)
            return ctemplate::TemplateString(key);
        it = ids.emplace(std::string_view(forever), ctemplate::StaticTemplateString{}).first;
        it->second.do_not_use_directly_ = {forever, strlen(forever), 0};
        ctemplate::StaticTemplateStringInitializer registered(&it->second);
    }
    return ctemplate::TemplateString(it->second);
}

static void list_templates(const std::string &root, const std::string &rel,
                           std::vector<std::string> &out)
{
    DIR *dir = opendir((root + "/" + rel).c_str());
    if (!dir)
        return;
    while (struct dirent *e = readdir(dir)) {
        std::string name = e->d_name;
        if (name[0] == '.')
            continue;
        std::string relname = rel.empty() ? name : rel + "/" + name;
        struct stat st;
        if (stat((root + "/" + relname).c_str(), &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            list_templates(root, relname, out);
        else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tpl") == 0)
            out.push_back(relname);
    }
    closedir(dir);
}

// Auto-escape does not carry into included templates, so every file must
// declare its own context on its first line.
static bool has_autoescape_pragma(const std::string &path)
{
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    return first.rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0) == 0 ||
           first.rfind("{{%AUTOESCAPE context=\"XML\"}}", 0) == 0;
}

extern "C" int tpl_load_all(const char *dir, char *err, size_t errlen)
{
    try {
        ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();
        cache->SetTemplateRootDirectory(dir);
        std::vector<std::string> files;
        list_templates(dir, "", files);
        if (files.empty()) {
            snprintf(err, errlen, "no templates found in %s", dir);
            return -1;
        }
        for (const std::string &f : files) {
            if (!has_autoescape_pragma(std::string(dir) + "/" + f)) {
                snprintf(err, errlen,
                         "%s/%s: the first line must be {{%%AUTOESCAPE context=\"HTML\"}}", dir,
                         f.c_str());
                return -1;
            }
            if (!ctemplate::LoadTemplate(f, ctemplate::STRIP_BLANK_LINES)) {
                snprintf(err, errlen, "%s/%s: template does not parse (see the message above)", dir,
                         f.c_str());
                return -1;
            }
        }
        cache->Freeze();
        return 0;
    } catch (const std::exception &e) {
        snprintf(err, errlen, "loading templates: %s", e.what());
    } catch (...) {
        snprintf(err, errlen, "loading templates failed");
    }
    return -1;
}

extern "C" tpl_dict *tpl_dict_new(void)
{
    try {
        return C(new ctemplate::TemplateDictionary("page"));
    } catch (...) {
        return nullptr;
    }
}

extern "C" void tpl_dict_free(tpl_dict *d)
{
    delete D(d);
}

extern "C" void tpl_set(tpl_dict *d, const char *key, const char *value)
{
    try {
        D(d)->SetValue(K(key), value ? value : "");
    } catch (...) {
    }
}

extern "C" void tpl_set_int(tpl_dict *d, const char *key, long long value)
{
    try {
        char num[24];
        snprintf(num, sizeof num, "%lld", value);
        D(d)->SetValue(K(key), num);
    } catch (...) {
    }
}

extern "C" void tpl_set_global(tpl_dict *d, const char *key, const char *value)
{
    try {
        D(d)->SetTemplateGlobalValue(K(key), value ? value : "");
    } catch (...) {
    }
}

extern "C" void tpl_show(tpl_dict *d, const char *section)
{
    try {
        D(d)->ShowSection(K(section));
    } catch (...) {
    }
}

extern "C" tpl_dict *tpl_add_section(tpl_dict *d, const char *section)
{
    try {
        return C(D(d)->AddSectionDictionary(K(section)));
    } catch (...) {
        return nullptr;
    }
}

extern "C" tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *file)
{
    try {
        ctemplate::TemplateDictionary *sub = D(d)->AddIncludeDictionary(K(name));
        sub->SetFilename(file);
        return C(sub);
    } catch (...) {
        return nullptr;
    }
}

namespace
{
// Expands straight into the response buffer, with no std::string between.
class buf_emitter : public ctemplate::ExpandEmitter
{
    buf *out_;

  public:
    bool ok = true;
    explicit buf_emitter(buf *out) : out_(out)
    {
    }
    void Emit(char c) override
    {
        ok = buf_append(out_, &c, 1) && ok;
    }
    void Emit(const std::string &s) override
    {
        ok = buf_append(out_, s.data(), s.size()) && ok;
    }
    void Emit(const char *s) override
    {
        ok = buf_append(out_, s, strlen(s)) && ok;
    }
    void Emit(const char *s, size_t n) override
    {
        ok = buf_append(out_, s, n) && ok;
    }
};
} // namespace

extern "C" int tpl_expand(const char *file, tpl_dict *d, buf *out)
{
    try {
        buf_emitter emitter(out);
        if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES, D(d), &emitter))
            return -1;
        return emitter.ok ? 0 : -1;
    } catch (...) {
        return -1;
    }
}
