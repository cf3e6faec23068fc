// export/similarity: character-bigram Jaccard for year-on-year copied text.
#include <catch2/catch.hpp>
#include <string>

#include "export/similarity.hpp"

using namespace zfxxgk::exporting;

TEST_CASE("exporting::bigram_set drops whitespace and folds digit runs to one '#'") {
    CHECK(bigram_set("2023年") == bigram_set("2024 年"));
    CHECK(bigram_set("发布信息133条") == bigram_set("发布信息９条"));
    CHECK(bigram_set("ab") == BigramSet{(std::uint64_t{'a'} << 21) | 'b'});
    CHECK(bigram_set("a").empty());
    CHECK(bigram_set("").empty());
    CHECK(bigram_set("abab").size() == 2);  // ab, ba: a set
}

TEST_CASE("exporting::jaccard of identical, disjoint and overlapping sets") {
    const BigramSet a = bigram_set("政府信息公开工作年度报告");
    CHECK(jaccard(a, a) == 1.0);
    CHECK(jaccard(a, bigram_set("行政复议诉讼")) == 0.0);
    CHECK(jaccard({}, {}) == 0.0);
    // abc → {ab, bc}; bcd → {bc, cd}: 1 of 3
    CHECK(jaccard(bigram_set("abc"), bigram_set("bcd")) == Approx(1.0 / 3));
}

TEST_CASE("exporting::jaccard scores a text copied with updated figures as copied, a rewrite as not") {
    const std::string y2023 =
        "2023年,在高平市人民政府门户网站政府信息公开专栏发布政务动态类信息133条,发布市政府及政府办文件及解读信息82条,"
        "常务会议图解信息15条。带头建立政策性文件解读工作机制,政策性文件多样化解读率达到100%。";
    const std::string y2024 =
        "2024年,在高平市人民政府门户网站政府信息公开专栏发布政务动态类信息141条,发布市政府及政府办文件及解读信息77条,"
        "常务会议图解信息12条。带头建立政策性文件解读工作机制,政策性文件多样化解读率达到100%。";
    const std::string rewrite =
        "全年通过高平市人民政府门户网站发布各类政府信息1260条,其中政务动态类信息96条,开展“政府开放日”活动2次,"
        "邀请人大代表、政协委员和群众代表走进政府机关。";
    CHECK(jaccard(bigram_set(y2023), bigram_set(y2024)) == 1.0);
    CHECK(jaccard(bigram_set(y2023), bigram_set(rewrite)) < 0.5);
}
