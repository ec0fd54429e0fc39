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
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

extern "C" {
#include "log.h"
}

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

// The one copy of key's text for the whole process, made the first time
// any thread meets the key and never freed: ctemplate's process-wide table
// keeps a pointer to the text it was first given, so every thread must give
// the same copy, or the copies of threads that end would be lost (and
// LeakSanitizer would rightly say so). A lock, but taken only on a
// thread's first use of each key.
static const char *key_text(const char *key)
{
    static std::mutex lock;
    static auto *texts = new std::unordered_set<std::string_view>; // never freed, as above
    std::lock_guard<std::mutex> hold(lock);
    auto it = texts->find(std::string_view(key));
    if (it != texts->end())
        return it->data();
    char *copy = strdup(key);
    if (!copy)
        return nullptr;
    try {
        texts->insert(std::string_view(copy));
    } catch (...) {
        free(copy);
        throw;
    }
    return copy;
}

// A key ("TITLE") as ctemplate wants it: with its id worked out once per
// thread. Given a plain string, ctemplate hashes it and takes a global lock
// on every call; a page sets hundreds of values, and this was a fifth of
// its cost. The cache is keyed by content, so keys built at run time are
// safe too. Its keys are views of the process's one copy of each key's
// text (key_text), so looking one up allocates nothing.
static ctemplate::TemplateString K(const char *key)
{
    thread_local std::unordered_map<std::string_view, ctemplate::StaticTemplateString> ids;
    auto it = ids.find(std::string_view(key));
    if (it == ids.end()) {
        const char *text = key_text(key);
        if (!text)
            return ctemplate::TemplateString(key);
        it = ids.emplace(std::string_view(text), ctemplate::StaticTemplateString{}).first;
        it->second.do_not_use_directly_ = {text, strlen(text), 0};
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

static bool is_html_name(const char *name)
{
    size_t n = strlen(name);
    return n >= 5 && memcmp(name + n - 5, "_HTML", 5) == 0;
}

// The first half of the :none rule (tpl.h): reads the file's markers as
// ctemplate does, {{NAME:modifier:modifier=value}} (and {{>NAME:…}} for
// includes), and returns false with why set to "line N: …" for the first
// one that carries :none on a name not ending in _HTML. A file that changes
// its delimiters ({{=…=}}) is refused as well, because this scan could not
// follow it. A marker that never closes is left to ctemplate's parse.
static bool none_only_on_html(const std::string &path, std::string &why)
{
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t pos = 0, counted = 0;
    int line = 1;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
        size_t end = text.find("}}", pos + 2);
        if (end == std::string::npos)
            break;
        for (; counted < pos; counted++)
            line += text[counted] == '\n';
        std::string marker = text.substr(pos + 2, end - pos - 2);
        pos = end + 2;
        if (marker.empty() || strchr("!#/%", marker[0]))
            continue; // a comment, a section or a pragma: no modifiers
        if (marker[0] == '=') {
            why = "line " + std::to_string(line) + ": {{" + marker +
                  "}} changes the delimiters, which Tandem's templates may not do";
            return false;
        }
        size_t start = marker[0] == '>' ? 1 : 0, colon = marker.find(':');
        std::string name = marker.substr(start, colon == std::string::npos ? colon : colon - start);
        while (colon != std::string::npos) {
            size_t next = marker.find(':', colon + 1);
            std::string mod = marker.substr(
                colon + 1, next == std::string::npos ? std::string::npos : next - colon - 1);
            mod = mod.substr(0, mod.find('='));
            if (mod == "none" && !is_html_name(name.c_str())) {
                why = "line " + std::to_string(line) + ": {{" + marker + "}} emits " + name +
                      " unescaped, but :none is only for names ending in _HTML, set with "
                      "tpl_set_html from a safe_html (see core/tpl.h)";
                return false;
            }
            colon = next;
        }
    }
    return true;
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
            std::string why;
            if (!none_only_on_html(std::string(dir) + "/" + f, why)) {
                snprintf(err, errlen, "%s/%s: %s", dir, f.c_str(), why.c_str());
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

// The second half of the :none rule (tpl.h): plain strings never reach a
// name ending in _HTML. A caller that tries is a bug; the page then lacks
// that piece, and the log says why.
static bool refused(const char *setter, const char *key)
{
    if (!is_html_name(key))
        return false;
    log_error("%s(\"%s\") refused: a name ending in _HTML is set only with tpl_set_html", setter,
              key);
    return true;
}

extern "C" void tpl_set(tpl_dict *d, const char *key, const char *value)
{
    if (refused("tpl_set", key))
        return;
    try {
        D(d)->SetValue(K(key), value ? value : "");
    } catch (...) {
    }
}

extern "C" void tpl_set_int(tpl_dict *d, const char *key, long long value)
{
    if (refused("tpl_set_int", key))
        return;
    try {
        char num[24];
        snprintf(num, sizeof num, "%lld", value);
        D(d)->SetValue(K(key), num);
    } catch (...) {
    }
}

extern "C" void tpl_set_global(tpl_dict *d, const char *key, const char *value)
{
    if (refused("tpl_set_global", key))
        return;
    try {
        D(d)->SetTemplateGlobalValue(K(key), value ? value : "");
    } catch (...) {
    }
}

// A safe_html is the text itself: its producers cast a char pointer to it.
extern "C" bool tpl_html_is_empty(const safe_html *html)
{
    return !html || !*reinterpret_cast<const char *>(html);
}

extern "C" const char *tpl_html_str(const safe_html *html)
{
    return reinterpret_cast<const char *>(html);
}

extern "C" void tpl_set_html(tpl_dict *d, const char *key, const safe_html *html)
{
    if (!is_html_name(key)) {
        log_error("tpl_set_html(\"%s\") refused: the name must end in _HTML", key);
        return;
    }
    try {
        D(d)->SetValue(K(key), html ? reinterpret_cast<const char *>(html) : "");
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
