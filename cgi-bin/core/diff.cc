// The second C++ file in Tandem, a thin shim over dtl (a header-only C++
// library). Every entry point catches every exception: none may cross
// into C.
#include "diff.h"

#include <dtl/dtl.hpp>

#include <string>
#include <vector>

// Words and the runs of white space between them, in order: joined, they
// give the text back exactly.
static bool tokens(const char *s, std::vector<std::string> &out)
{
    while (*s) {
        bool space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        const char *start = s;
        while (*s && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') == space)
            s++;
        out.emplace_back(start, static_cast<size_t>(s - start));
        if (out.size() > DIFF_MAX_TOKENS)
            return false;
    }
    return true;
}

extern "C" int diff_words(const char *a, const char *b, diff_emit emit, void *ctx)
{
    try {
        std::vector<std::string> ta, tb;
        if (!tokens(a, ta) || !tokens(b, tb))
            return -1;
        dtl::Diff<std::string, std::vector<std::string>> d(ta, tb);
        d.compose();
        for (const auto &e : d.getSes().getSequence()) {
            diff_kind kind = e.second.type == dtl::SES_ADD      ? DIFF_NEW
                             : e.second.type == dtl::SES_DELETE ? DIFF_GONE
                                                                : DIFF_SAME;
            emit(ctx, kind, e.first.data(), e.first.size());
        }
        return 0;
    } catch (...) {
        return -1;
    }
}
