// parse_html_fast gives parse_html's Document or gives up: on inline cases, on every HTML
// fixture, and (with ZFXXGK_CORPUS set to a generated corpus) on every corpus page, where
// it must not give up.
#include "tables/html_fast.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tables/html.hpp"
#include "tables/html_fast_diff.hpp"
#include "tables/html_tokenizer.hpp"

namespace {

using namespace zfxxgk::tables;
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The fast path's answer: "" when it equals parse_html's, "irregular" when it gave up,
// otherwise the first difference.
std::string fast_versus_gumbo(const std::string& html, const HtmlOptions& options = {}) {
    const std::optional<Document> fast = parse_html_fast(html, options);
    if (!fast) return "irregular";
    return first_difference(*fast, parse_html(html, options));
}

void require_same(const std::string& html) {
    INFO(html);
    const std::string d = fast_versus_gumbo(html);
    INFO(d);
    REQUIRE(d.empty());
}

void require_irregular(const std::string& html) {
    INFO(html);
    REQUIRE(!parse_html_fast(html).has_value());
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (extension.empty() || e.path().extension() == extension) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

const char* const kPage = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title> 年度 &amp; 报告 </title>
<script>var s = '<table><tr><td>x</td></tr></table>'; if (a < b && c) {}</script>
<style>p { color: red }</style></head>
<body>
<h1>标题</h1>
<p class=MsoNormal>一、总体情况<o:p></o:p></p>
<div><p>第一段<br>第二行&nbsp;&ldquo;引号&rdquo;</p></div>
<table border=1><tr><td colspan=2>a</td></tr><tr><td rowspan="2">b<br>c</td><td>d</td></tr><tr><td>e</td></tr></table>
</body></html>
)";

}  // namespace

TEST_CASE("tables::parse_html_fast equals parse_html on a small page") {
    require_same(kPage);
    const std::optional<Document> doc = parse_html_fast(kPage);
    REQUIRE(doc.has_value());
    CHECK(doc->title == "年度 & 报告");
    REQUIRE(doc->tables.size() == 1);
    CHECK(doc->tables[0].rows.size() == 3);
}

TEST_CASE("tables::parse_html_fast character references") {
    for (const char* html : {
             "<p>&nbsp;x&nbsp;</p>", "<p>a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;</p>",
             "<p>&ldquo;&rdquo;&lsquo;&rsquo;&mdash;&ndash;&hellip;&middot;&times;&copy;&reg;</p>",
             "<p>&emsp;&ensp;&thinsp;&yen;&deg;&plusmn;</p>", "<p>&#20013;&#x6587;&#X6587</p>",
             "<p>&#65;&#x42;&#67</p>", "<p>&amp &lt &gt &copy &nbspx &notin &notit</p>",
             "<p>R&D &; & &# &#x &#xZ; a&b</p>", "<p>&frac12;&frac14;&sup2;&AElig;</p>",
             "<title>&lt;T&gt; &amp;&#65;</title><p>x</p>",
         }) {
        require_same(html);
    }
}

TEST_CASE("tables::parse_html_fast every named reference it knows decodes as gumbo does") {
    const std::vector<std::string_view> names = html_detail::known_entity_names();
    REQUIRE(names.size() > 150);
    for (const std::string_view name : names) {
        const std::string html = "<p>x&" + std::string(name) + ";y</p><p>&" + std::string(name) + "</p>";
        require_same(html);
        REQUIRE(parse_html_fast(html).has_value());
    }
}

TEST_CASE("tables::parse_html_fast comments, Word conditional comments and doctypes") {
    for (const char* html : {
             "<!-- a --><p>x<!-- b -->y</p>", "<p>  <!-- c -->x</p>", "<!---->x<!-->y<!--->z",
             "<p>a<!-- -- -->b<!-- x --!>c</p>",
             "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--><p>x</p>",
             "<table><![if !supportMisalignedColumns]><tr height=0><td width=40></td></tr><![endif]><tr><td>a</td></tr></table>",
             "<p><![if !supportLists]>1.<![endif]>item</p>", "<?xml version=\"1.0\"?><p>x</p>",
             "<!DOCTYPE html><p>a<table><tr><td>b</td></tr></table>c</p>", "<p>a<table><tr><td>b</td></tr></table>c</p>",
             "<p>a</ >b</p>", "x</>y", "<p>a < b</p>", "a</body>\n<!--c-->\nfoo</html>\n<!--d-->\nbar",
         }) {
        require_same(html);
    }
}

TEST_CASE("tables::parse_html_fast implied end tags") {
    for (const char* html : {
             "<p>a<p>b<div>c</div>d", "<ul><li>a<li>b<li><p>c</ul>x", "<dl><dt>a<dd>b<dt>c</dl>",
             "<table><tr><td>a<td>b<tr><td>c</table>", "<table><tr><th>a<td>b</tr></table>",
             "<table><thead><tr><td>h<tbody><tr><td>b<tfoot><tr><td>f</table>",
             "<table><tr><td><p>a<span>b</td></tr></table>", "<table><tr><td><b>a<i>b</td><td>c</td></table>",
             "<div><p>a</div>b", "<p>a</p></p>b", "<h1>a<h2>b</h2>c</h1>d", "<h1>a</h2>b", "<x><y>a</x>b</y>c",
             "<span><div>a</span>b</div>", "<form><p>a</form>b", "</br>a<br/>b", "<p><b>a</b><i>b</i></p>",
             "<table><caption>cap<p>x</caption><tr><td>a</td></tr></table>",
             "<table><tr><td>x<table><tr><td>in</td></tr></table>y</td></tr></table>",
             "<head><title>a</title></head>\r\n<body>\r\n<p>\r\nx</p>", "<p>a\rb</p>",
             "<html><head></head><title>late</title><body>x", "text before<html><body>after",
             "<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>",
         }) {
        require_same(html);
    }
}

// Each found by fuzz/html_fast_fuzz.
TEST_CASE("tables::parse_html_fast follows gumbo's quirks") {
    for (const char* html : {
             // the token after a dropped "</>" starts where the "</>" starts
             "<p></>b</p><p>x</>y</p></><p>z</p></></><h1>w</h1>",
             "<p></>\r\nx</p><p>\r\n</>x</p><p></>&amp;</p><table></><tr><td>a</td></tr></table>",
             // an attribute without a value is the empty string
             "<table><tr><td rowspan colspan>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
             // <main> is not special in gumbo 0.10.1: an unknown end tag closes past it
             "<x><main>a</y>b", "<div><main>a</div>b",
             // </form> takes the form off the stack without ending the text node: the text
             // collected inside lands after the form
             "<form>\n</form>x", "x<form>abc</form>y", "<div><form><p>a</p>b</form>c</div>",
         }) {
        require_same(html);
    }
}

TEST_CASE("tables::parse_html_fast gives up where HTML5 tree construction does more") {
    for (const char* html : {
             "<table><tr><td>a</td></tr>",                   // </table> missing
             "<table>text<tr><td>a</td></tr></table>",       // text in a table (foster parenting)
             "<table><tr>x<td>a</td></tr></table>",          // text in a row
             "<table><td>a</td></table>",                    // a cell outside a row
             "<table><tbody><td>a</td></tbody></table>",     // a cell outside a row
             "<table><div>a</div><tr><td>b</td></tr></table>",   // an element in a table
             "<table><tr><td>a</td></tr><table></table></table>",
             "<b><p>a</b>b</p>",                             // the adoption agency
             "<p><b>a</p>b",                                 // active formatting reconstructed
             "<a>x<a>y</a>",                                 // <a> in <a>
             "<p>&unknownentity;</p>", "<p>&#0;</p>", "<p>&#x80;</p>", "<p>&#xD800;</p>", "<p>&#32;</p>",
             "<frameset><frame></frameset>", "<template><p>x</p></template>", "<svg><title>x</title></svg>",
             "<math><mi>x</mi></math>", "<p>\xff</p>", "<p>\x01</p>", "<pre>\nx</pre>",
             "<textarea>x</textarea>", "<select><option>a</select>", "<noscript><p>x</p></noscript>",
             "<p>x<!-- unterminated", "<p title='x", "<script>unterminated", "<script><!--<script></script>-->",
             "<table><tr><td>a</th></tr></table>", "<form><form>", "<td>x</td>", "<p>&notit;</p>",
         }) {
        require_irregular(html);
    }
    require_irregular(std::string("<p>a\0b</p>", 9));
    std::string deep;   // nesting past 512 open elements (the scope checks would go quadratic)
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    require_irregular(deep);
}

// gumbo turns malformed UTF-8 and some code points into U+FFFD; the fast path leaves
// those pages to it, and reads everything else.
TEST_CASE("tables::parse_html_fast UTF-8 it reads and UTF-8 it leaves to gumbo") {
    for (const char* html : {"<p>\xc0\xaf</p>", "<p>\xed\xa0\x80</p>", "<p>\xef\xb7\x90</p>", "<p>\xef\xbf\xbe</p>",
                             "<p>\xf4\x90\x80\x80</p>", "<p>\xe4\xb8</p>", "<p>\xe4\xb8", "<p>\x7f</p>",
                             "<p>\xc2\x80</p>", "<p>\x0b</p>", "<p>\x80</p>", "<p>\xf8\x88\x80\x80\x80</p>"}) {
        require_irregular(html);
    }
    for (const char* html : {"<p>\xf0\x9f\x98\x80 \xe0\xa0\x80 \xef\xbf\xbd \xee\x80\x80 \xc2\xa0 \xc3\xa9</p>",
                             "<p>\xe4\xb8\xad\xe6\x96\x87\t\x0c\r\n\xe3\x80\x80x</p>",
                             "<p>0123456789abcdef\xe4\xb8\xad" "0123456789abcdef\xe4\xb8\xad</p>"}) {
        require_same(html);
    }
}

namespace {

// Random markup built from the elements the fast path models, nested at random, with end
// tags sometimes left out: deterministic (fixed seeds), so a failure reproduces.
class RandomMarkup {
public:
    explicit RandomMarkup(unsigned seed) : rng_(seed) {}

    std::string page() {
        std::string html;
        if (pick(4) == 0) html += "<!DOCTYPE html>\n";
        if (pick(2) != 0) html += "<html><head><title>T &amp; t</title><style>p{}</style></head>\r\n<body>\n";
        content(html, 0);
        content(html, 0);
        if (pick(2) != 0) html += "</body></html>\n";
        return html;
    }

private:
    unsigned pick(unsigned n) { return static_cast<unsigned>(rng_() % n); }
    template <std::size_t N>
    const char* one_of(const char* const (&items)[N]) { return items[pick(N)]; }

    void text(std::string& o) {
        static const char* const kTexts[] = {"a", "b c", " ", "\n", "\r\n", "\t", "&nbsp;", "&amp;x", "中文", "1", "0",
                                             "/", " x ", "&lt;", "\r\n  ", "&ldquo;q&rdquo;", "&#20013;"};
        for (unsigned i = 0, n = 1 + pick(3); i < n; ++i) o += one_of(kTexts);
    }
    void space(std::string& o) {
        if (pick(3) == 0) o += pick(2) != 0 ? "\n" : "\r\n ";
    }
    void content(std::string& o, int depth) {
        for (unsigned i = 0, n = pick(4); i < n; ++i) element(o, depth);
    }
    void element(std::string& o, int depth) {
        static const char* const kBlocks[] = {"p", "div", "center", "blockquote", "section", "ul", "ol",
                                              "li", "dl", "dt", "dd", "h1", "h2", "h3", "form", "address",
                                              "main", "figure", "nav", "header"};
        static const char* const kInline[] = {"span", "b", "i", "a", "font", "strong", "o:p", "x", "label", "em", "u"};
        static const char* const kVoid[] = {"<br>", "<img>", "<input>", "<hr>", "<wbr>", "<meta>", "<br/>", "</br>"};
        const unsigned k = pick(10);
        if (k < 3) {
            text(o);
        } else if (k == 3) {
            o += one_of(kVoid);
        } else if (k == 4 && depth < 5) {
            table(o, depth);
        } else if (k == 5) {
            o += pick(2) != 0 ? "<!-- c -->" : "<![if !x]>";
        } else {
            const std::string tag = k < 8 ? one_of(kBlocks) : one_of(kInline);
            o += "<" + tag + ">";
            if (depth < 6) content(o, depth + 1);
            if (pick(5) != 0) o += "</" + tag + ">";
        }
    }
    void table(std::string& o, int depth) {
        o += "<table>";
        space(o);
        if (pick(6) == 0) {
            o += "<caption>";
            text(o);
            o += "</caption>";
        }
        for (unsigned g = 0, groups = 1 + pick(3); g < groups; ++g) {
            const std::string group = pick(3) == 0 ? (pick(2) != 0 ? "thead" : "tfoot") : "tbody";
            const bool written = pick(3) != 0;
            if (written) o += "<" + group + ">";
            space(o);
            for (unsigned r = 0, rows = pick(4); r < rows; ++r) {
                o += "<tr>";
                space(o);
                for (unsigned c = 0, cells = pick(5); c < cells; ++c) {
                    const std::string cell = pick(5) != 0 ? "td" : "th";
                    o += "<" + cell;
                    if (pick(4) == 0) o += " colspan=" + std::to_string(pick(4));
                    if (pick(4) == 0) o += " rowspan=\"" + std::to_string(pick(4)) + "\"";
                    o += ">";
                    if (depth < 4 && pick(6) == 0) {
                        table(o, depth + 1);
                    } else {
                        content(o, depth + 1);
                    }
                    if (pick(3) != 0) o += "</" + cell + ">";
                    space(o);
                }
                if (pick(3) != 0) o += "</tr>";
                space(o);
            }
            if (written && pick(2) != 0) o += "</" + group + ">";
            space(o);
        }
        if (pick(20) != 0) o += "</table>";
    }

    std::mt19937 rng_;
};

}  // namespace

TEST_CASE("tables::parse_html_fast equals parse_html on random nested markup") {
    HtmlOptions small;
    small.max_tables = 2;
    small.max_slots = 30;
    int regular = 0;
    for (unsigned seed = 1; seed <= 3000; ++seed) {
        const std::string html = RandomMarkup(seed).page();
        INFO("seed " << seed << ": " << html);
        regular += parse_html_fast(html).has_value() ? 1 : 0;
        for (const HtmlOptions& options : {HtmlOptions{}, small}) {
            const std::string d = fast_versus_gumbo(html, options);
            INFO(d);
            REQUIRE((d.empty() || d == "irregular"));
        }
    }
    CHECK(regular > 1000);   // most of it must take the fast path, or this tests little
}

// Tag soup: start and end tags, text and comments in any order.
TEST_CASE("tables::parse_html_fast equals parse_html on random tag soup") {
    static const char* const kPieces[] = {
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<tbody>", "</tbody>", "<thead>",
        "</thead>", "<tfoot>", "</tfoot>", "<caption>", "</caption>", "<td colspan=2>", "<td rowspan=0>", "<p>", "</p>",
        "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<a>", "</a>", "<font>", "</font>", "<h1>", "</h1>",
        "<h2>", "</h2>", "<li>", "</li>", "<ul>", "</ul>", "<dl>", "<dt>", "<dd>", "</dd>", "<br>", "</br>", "<hr>",
        "<form>", "</form>", "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>t</title>",
        "<script>s</script>", "<meta>", "<o:p>", "</o:p>", "<x>", "</x>", "<main>", "</main>", "<center>",
        "</center>", "<strong>", "</strong>", "a", "b c", " ", "\n", "\r\n", "&nbsp;", "&amp;", "<!-- c -->",
        "<![if x]>", "</>", "<!DOCTYPE html>", "中文", "<iframe>i</iframe>", "<input>", "<nav>", "</nav>"};
    std::mt19937 rng(7);
    int regular = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string html;
        for (unsigned k = 0, n = 1 + static_cast<unsigned>(rng() % 40); k < n; ++k) {
            html += kPieces[rng() % (sizeof kPieces / sizeof *kPieces)];
        }
        INFO(html);
        const std::string d = fast_versus_gumbo(html);
        INFO(d);
        REQUIRE((d.empty() || d == "irregular"));
        regular += d.empty() ? 1 : 0;
    }
    CHECK(regular > 500);
}

TEST_CASE("tables::parse_html_fast limits behave as in parse_html") {
    HtmlOptions small;
    small.max_tables = 1;
    small.max_slots = 3;
    small.max_colspan = 2;
    small.max_rowspan = 2;
    const std::string html =
        "<table><tr><td colspan=5 rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        "<table><tr><td>d</td></tr></table>";
    INFO(html);
    REQUIRE(fast_versus_gumbo(html, small).empty());
}

TEST_CASE("tables::parse_html_fast equals parse_html on every HTML fixture") {
    const fs::path root = ZFXXGK_SOURCE_DIR;
    std::vector<fs::path> files = files_in(root / "fixtures/tables", ".html");
    for (const fs::path& p : files_in(root / "fixtures/reports", ".html")) files.push_back(p);
    for (const fs::path& p : files_in(root / "fixtures/fuzz/html", "")) files.push_back(p);
    for (const fs::path& p : files_in(root / "fixtures/fuzz/html_fast", "")) files.push_back(p);
    for (const fs::path& p : files) {
        INFO(p.string());
        const std::string html = read_file(p);
        const std::string d = fast_versus_gumbo(html);
        CHECK((d.empty() || d == "irregular"));
    }
}

// ZFXXGK_CORPUS: a corpus made by shared/bench/gen_corpus.py; every page must take the fast path.
TEST_CASE("tables::parse_html_fast equals parse_html on every page of the generated corpus") {
    const char* corpus = std::getenv("ZFXXGK_CORPUS");
    if (corpus == nullptr) {
        WARN("ZFXXGK_CORPUS is not set: the corpus comparison is skipped");
        return;
    }
    const std::vector<fs::path> pages = files_in(fs::path(corpus) / "pages", ".html");
    REQUIRE(!pages.empty());
    for (const fs::path& p : pages) {
        INFO(p.string());
        REQUIRE(fast_versus_gumbo(read_file(p)).empty());
    }
}
