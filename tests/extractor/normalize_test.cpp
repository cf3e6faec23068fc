#include <catch2/catch.hpp>

#include "extractor/metadata.hpp"
#include "extractor/normalize.hpp"

using namespace zfxxgk::extractor;

TEST_CASE("extractor::normalize_label width, spaces, brackets, quotes and traditional characters") {
    CHECK(normalize_label("（二）部分公开（区分处理的，只计这一情形）") == "(二)部分公开(区分处理的,只计这一情形)");
    CHECK(normalize_label("商业 企业") == "商业企业");
    CHECK(normalize_label("商业\n\n企业") == "商业企业");
    CHECK(normalize_label("第二十条  第(一)项") == "第二十条第(一)项");
    CHECK(normalize_label("3.危及“三安全一稳定”") == "3.危及\"三安全一稳定\"");
    CHECK(normalize_label("行政規範性文件") == "行政规范性文件");
    CHECK(normalize_label("本年製發件數") == "本年制发件数");
    CHECK(normalize_label("第二十條 第(一)項") == "第二十条第(一)项");
    CHECK(normalize_label("本年收费金额（单位：万元）") == "本年收费金额(单位:万元)");
}

TEST_CASE("extractor::label_key numbering, level and body without parentheticals") {
    auto k = label_key(normalize_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
    CHECK(k.number == "(二)");
    CHECK(k.level == 2);
    CHECK(k.body == "部分公开");
    k = label_key(normalize_label("一、本年新收政府信息公开申请数量"));
    CHECK(k.level == 1);
    CHECK(k.body == "本年新收政府信息公开申请数量");
    k = label_key("3.其他");
    CHECK(k.number == "3.");
    CHECK(k.level == 3);
    CHECK(k.body == "其他");
    k = label_key(normalize_label("规章(设区的市、自治州人民政府应提供相关数据)"));
    CHECK(k.body == "规章");
    CHECK(k.level == 0);
    k = label_key("(本列数据的勾稽关系为:第一项加第二项之和,等于第三");  // cut inside the note
    CHECK(k.body.empty());
}

TEST_CASE("extractor::normalize_name keeps the name, simplifies it") {
    CHECK(normalize_name("麻陽苗族自治縣板栗樹鄉人民政府") == "麻阳苗族自治县板栗树乡人民政府");
    CHECK(normalize_name(" 高平市 人民政府办公室 ") == "高平市人民政府办公室");
}

TEST_CASE("extractor::section_of_heading accepts section headings and refuses row labels") {
    CHECK(section_of_heading("一、总体情况") == 0);
    CHECK(section_of_heading("一、 总体情况") == 0);
    CHECK(section_of_heading("一、總體情況") == 0);
    CHECK(section_of_heading("二、行政机关主动公开政府信息情况") == 1);
    CHECK(section_of_heading("二、主动公开信息情况") == 1);
    CHECK(section_of_heading("三、收到和处理政府信息公开申请情况") == 2);
    CHECK(section_of_heading("四、政府信息公开行政复议、行政诉讼情况") == 3);
    CHECK(section_of_heading("五、政府信息公开工作存在的主要问题及改进情况") == 4);
    CHECK(section_of_heading("六、其他需要报告的事项") == 5);
    CHECK(section_of_heading("一、本年新收政府信息公开申请数量") == -1);
    CHECK(section_of_heading("二、上年结转政府信息公开申请数量") == -1);
    CHECK(section_of_heading("三、本年度办理结果") == -1);
    CHECK(section_of_heading("四、结转下年度继续办理") == -1);
    CHECK(section_of_heading("一是加强信息审核把关。") == -1);
    CHECK(section_of_heading("(一)主动公开方面") == -1);
}
