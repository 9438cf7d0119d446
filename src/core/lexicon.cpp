// The lexicon of the target language: every phrase the parser reads, the printer writes and the
// model asks about, one line each. The parser's indexes and the printer's words are built from
// this table once (thread-safe statics); nothing else lists these words.
#include "core/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "detail/utf8.hpp"

namespace planeval::detail {
namespace {

constexpr auto zh = phrase_language::zh;
constexpr auto en = phrase_language::en;
constexpr auto both = phrase_language::both;
constexpr auto no = printed::no;
constexpr auto yes = printed::yes;
constexpr auto L = op::at_least;
constexpr auto M = op::at_most;
constexpr auto A = op::about;
constexpr auto R = op::reach;
constexpr auto up = op::increase;
constexpr auto down = op::decrease;
constexpr auto better = op::improve;
using role = phrase_role;
constexpr int judged(judgment j) { return static_cast<int>(j); }

// clang-format off
// text, language, role, printed, op, strict, number, means (constant-initialised: no order of
// static initialisation to fear)
constexpr phrase table[] = {
    // comparisons before the number: 不低于95, at least 95
    {"大于等于", zh, role::comparison_before, no, L},
    {"不低于", zh, role::comparison_before, no, L},
    {"不少于", zh, role::comparison_before, no, L},
    {"不小于", zh, role::comparison_before, no, L},
    {"至少", zh, role::comparison_before, no, L},
    {"≥", both, role::comparison_before, no, L},
    {">=", both, role::comparison_before, no, L},
    {"高于", zh, role::comparison_before, yes, L, true},
    {"超过", zh, role::comparison_before, no, L, true},
    {"大于", zh, role::comparison_before, no, L, true},
    {"多于", zh, role::comparison_before, no, L, true},
    {">", both, role::comparison_before, no, L, true},
    {"小于等于", zh, role::comparison_before, no, M},
    {"不高于", zh, role::comparison_before, no, M},
    {"不超过", zh, role::comparison_before, no, M},
    {"不多于", zh, role::comparison_before, no, M},
    {"不大于", zh, role::comparison_before, no, M},
    {"至多", zh, role::comparison_before, no, M},
    {"最多", zh, role::comparison_before, no, M},
    {"≤", both, role::comparison_before, no, M},
    {"<=", both, role::comparison_before, no, M},
    {"低于", zh, role::comparison_before, yes, M, true},
    {"小于", zh, role::comparison_before, no, M, true},
    {"少于", zh, role::comparison_before, no, M, true},
    {"<", both, role::comparison_before, no, M, true},
    {"约为", zh, role::comparison_before, no, A},
    {"大约", zh, role::comparison_before, no, A},
    {"约", zh, role::comparison_before, no, A},
    {"no less than", en, role::comparison_before, no, L},
    {"not less than", en, role::comparison_before, no, L},
    {"at least", en, role::comparison_before, yes, L},
    {"a minimum of", en, role::comparison_before, no, L},
    {"minimum of", en, role::comparison_before, no, L},
    {"more than", en, role::comparison_before, yes, L, true},
    {"greater than", en, role::comparison_before, no, L, true},
    {"above", en, role::comparison_before, no, L, true},
    {"over", en, role::comparison_before, no, L, true},
    {"no more than", en, role::comparison_before, no, M},
    {"not more than", en, role::comparison_before, no, M},
    {"not exceeding", en, role::comparison_before, no, M},
    {"at most", en, role::comparison_before, yes, M},
    {"up to", en, role::comparison_before, no, M},
    {"a maximum of", en, role::comparison_before, no, M},
    {"maximum of", en, role::comparison_before, no, M},
    {"within", en, role::comparison_before, no, M},
    {"less than", en, role::comparison_before, yes, M, true},
    {"below", en, role::comparison_before, no, M, true},
    {"under", en, role::comparison_before, no, M, true},
    {"approximately", en, role::comparison_before, no, A},
    {"about", en, role::comparison_before, yes, A},
    {"around", en, role::comparison_before, no, A},
    {"roughly", en, role::comparison_before, no, A},
    {"circa", en, role::comparison_before, no, A},
    {"~", both, role::comparison_before, no, A},
    // verbs of passing a mark: 突破4万亿元, 超1400亿元 (strict); 跨上5万亿元台阶 (reaching it)
    {"首次突破", zh, role::comparison_before, no, L, true},
    {"突破", zh, role::comparison_before, no, L, true},
    {"首破", zh, role::comparison_before, no, L, true},
    {"首超", zh, role::comparison_before, no, L, true},
    {"跨过", zh, role::comparison_before, no, L},
    {"surpassed", en, role::comparison_before, no, L, true},
    {"surpass", en, role::comparison_before, no, L, true},
    {"exceeding", en, role::comparison_before, no, L, true},
    {"exceeded", en, role::comparison_before, no, L, true},
    {"exceed", en, role::comparison_before, no, L, true},
    {"topped", en, role::comparison_before, no, L, true},
    {"lower than", en, role::comparison_before, no, M, true},
    {"higher than", en, role::comparison_before, no, L, true},
    {"超", zh, role::comparison_before, no, L, true},
    {"跨上", zh, role::comparison_before, no, L},
    {"跃上", zh, role::comparison_before, no, L},
    {"迈上", zh, role::comparison_before, no, L},
    {"登上", zh, role::comparison_before, no, L},
    {"站上", zh, role::comparison_before, no, L},
    // nearly: 近26亿元, 接近6万亿元 (read as about the figure)
    {"接近", zh, role::comparison_before, no, A},
    {"逼近", zh, role::comparison_before, no, A},
    {"近", zh, role::comparison_before, no, A},
    {"nearly", en, role::comparison_before, no, A},
    {"almost", en, role::comparison_before, no, A},
    // comparisons after the number: 3左右, 95以上, 4.5以内, 95 or more
    {"左右", zh, role::comparison_after, yes, A},
    {"上下", zh, role::comparison_after, no, A},
    {"前后", zh, role::comparison_after, no, A},
    {"及以上", zh, role::comparison_after, no, L},
    {"或以上", zh, role::comparison_after, no, L},
    {"以上", zh, role::comparison_after, yes, L},
    {"approx.", en, role::comparison_after, no, A},
    {"approx", en, role::comparison_after, no, A},
    {"or more", en, role::comparison_after, no, L},
    {"or above", en, role::comparison_after, no, L},
    {"and above", en, role::comparison_after, no, L},
    {"or higher", en, role::comparison_after, no, L},
    {"or greater", en, role::comparison_after, no, L},
    {"and over", en, role::comparison_after, no, L},
    {"及以下", zh, role::comparison_after, no, M},
    {"或以下", zh, role::comparison_after, no, M},
    {"以下", zh, role::comparison_after, no, M},
    {"以内", zh, role::comparison_after, yes, M},
    {"之内", zh, role::comparison_after, no, M},
    {"内", zh, role::comparison_after, no, M},
    {"or lower", en, role::comparison_after, no, M},
    {"and under", en, role::comparison_after, no, M},
    {"or fewer", en, role::comparison_after, no, M},
    {"or less", en, role::comparison_after, no, M},
    {"or below", en, role::comparison_after, no, M},
    {"and below", en, role::comparison_after, no, M},
    // range separators: 5-10, 6%至6.5%, 5 to 10
    {"-", both, role::range_separator, yes},
    {"~", both, role::range_separator, no},
    {"至", zh, role::range_separator, printed::for_signed_ends},
    {"到", zh, role::range_separator, no},
    {"to", en, role::range_separator, yes},
    // verbs before a level: 达到5, 控制在5 (a cap), raise to 65%
    {"控制在", zh, role::level_verb, no, M},
    {"控制于", zh, role::level_verb, no, M},
    {"控制", zh, role::level_verb, no, M},
    {"保持在", zh, role::level_verb, no},
    {"保持", zh, role::level_verb, no},
    {"稳定在", zh, role::level_verb, no},
    {"维持在", zh, role::level_verb, no},
    {"达到", zh, role::level_verb, yes},  // printed before a level part of a 分别 list
    {"达", zh, role::level_verb, no},
    {"在", zh, role::level_verb, no},
    {"缩小到", zh, role::level_verb, no},
    {"缩小至", zh, role::level_verb, no},
    {"扩大到", zh, role::level_verb, no},
    {"扩大至", zh, role::level_verb, no},
    {"平均为", zh, role::level_verb, no},
    {"力争", zh, role::level_verb, no},
    {"确保", zh, role::level_verb, no},
    {"实现", zh, role::level_verb, no},
    {"全面完成", zh, role::level_verb, no},
    {"完成", zh, role::level_verb, no},
    {"争取", zh, role::level_verb, no},
    {"为", zh, role::level_verb, no},
    {"提高到", zh, role::level_verb, no},
    {"提高至", zh, role::level_verb, no},
    {"提升到", zh, role::level_verb, no},
    {"提升至", zh, role::level_verb, no},
    {"增加到", zh, role::level_verb, no},
    {"增加至", zh, role::level_verb, no},
    {"增长到", zh, role::level_verb, no},
    {"增长至", zh, role::level_verb, no},
    {"上升到", zh, role::level_verb, no},
    {"上升至", zh, role::level_verb, no},
    {"增至", zh, role::level_verb, no},
    {"增到", zh, role::level_verb, no},
    {"下降到", zh, role::level_verb, no},
    {"下降至", zh, role::level_verb, no},
    {"降低到", zh, role::level_verb, no},
    {"降低至", zh, role::level_verb, no},
    {"降到", zh, role::level_verb, no},
    {"降至", zh, role::level_verb, no},
    {"减少到", zh, role::level_verb, no},
    {"减少至", zh, role::level_verb, no},
    {"减至", zh, role::level_verb, no},
    {"回落到", zh, role::level_verb, no},
    {"回落至", zh, role::level_verb, no},
    {"控制到", zh, role::level_verb, no},
    {"stood at", en, role::level_verb, no},
    {"reached", en, role::level_verb, no},
    {"soared to", en, role::level_verb, no},
    {"reached a record of", en, role::level_verb, no},
    {"averaged", en, role::level_verb, no},
    {"accounted for", en, role::level_verb, no},
    {"完成投资", zh, role::level_verb, no},
    {"stand at", en, role::level_verb, yes},  // printed before a level part of a list
    {"raise to", en, role::level_verb, no},
    {"rise to", en, role::level_verb, no},
    {"increase to", en, role::level_verb, no},
    {"grow to", en, role::level_verb, no},
    {"reduce to", en, role::level_verb, no},
    {"decrease to", en, role::level_verb, no},
    {"fall to", en, role::level_verb, no},
    {"drop to", en, role::level_verb, no},
    {"lower to", en, role::level_verb, no},
    {"cut to", en, role::level_verb, no},
    {"bring down to", en, role::level_verb, no},
    {"reach", en, role::level_verb, no},
    {"achieve", en, role::level_verb, no},
    {"keep at", en, role::level_verb, no},
    {"maintain at", en, role::level_verb, no},
    {"hold at", en, role::level_verb, no},
    // after a level, the mark it passes: 跃上1.4万亿斤新台阶, 突破200万大关
    {"新台阶", zh, role::level_tail, no},
    {"台阶", zh, role::level_tail, no},
    {"大关", zh, role::level_tail, no},
    {"关口", zh, role::level_tail, no},
    {"mark", en, role::level_tail, no},
    {"安排", zh, role::level_tail, no},
    {"year-on-year", en, role::level_tail, no},
    {"year on year", en, role::level_tail, no},
    {"from last year", en, role::level_tail, no},
    {"from a year earlier", en, role::level_tail, no},
    {"over last year", en, role::level_tail, no},
    {"over the previous year", en, role::level_tail, no},
    {"compared with last year", en, role::level_tail, no},
    {"compared to last year", en, role::level_tail, no},
    {"in real terms", en, role::level_tail, no},
    // a share written with what it is of (65 percent of the population, 4.5 percent of GDP)
    {"of the population", en, role::level_tail, no},
    {"of gdp", en, role::level_tail, no},
    {"of the city's gdp", en, role::level_tail, no},
    {"of its total gdp", en, role::level_tail, no},
    {"的水平", zh, role::level_tail, no},
    // before any form, words of scope, time and resolve that do not change the rule: 力争增长7%,
    // 年内控制在4%以内, 同口径增长6%, 按可比价格计算增长5%, 均增长12%左右, 继续保持500亿斤以上
    // compound cells: 分别增长6%和7%左右, respectively up 6% and 7%
    {"分别", zh, role::respectively_word, yes},
    {"respectively", en, role::respectively_word, yes},
    {"、", zh, role::part_separator, yes},
    {"和", zh, role::part_separator, no},
    {"及", zh, role::part_separator, no},
    {"与", zh, role::part_separator, no},
    {",", both, role::part_separator, no},
    {";", both, role::part_separator, no},
    {"; ", en, role::part_separator, yes},  // not ", ": 1, 50 公里 would read as a remark
    {", ", en, role::part_separator, no},
    {" and ", en, role::part_separator, no},
    {"力争", zh, role::lead_word, no},
    {"力保", zh, role::lead_word, no},
    {"确保", zh, role::lead_word, no},
    {"争取", zh, role::lead_word, no},
    {"预期目标", zh, role::lead_word, no},
    {"预期", zh, role::lead_word, no},
    {"目标为", zh, role::lead_word, no},
    {"继续", zh, role::lead_word, no},
    {"再次", zh, role::lead_word, no},
    {"将", zh, role::lead_word, no},
    {"首次", zh, role::lead_word, no},
    {"预计", zh, role::lead_word, no},  // 预计增长3%: a target stated as an expectation
    {"均", zh, role::lead_word, no},
    {"都", zh, role::lead_word, no},
    {"年内", zh, role::lead_word, no},
    {"全年", zh, role::lead_word, no},
    {"今年", zh, role::lead_word, no},
    {"当年", zh, role::lead_word, no},
    {"每年", zh, role::lead_word, no},
    {"同口径", zh, role::lead_word, no},
    {"按可比价格计算", zh, role::lead_word, no},
    {"按可比价计算", zh, role::lead_word, no},
    {"按可比口径", zh, role::lead_word, no},
    {"按可比价", zh, role::lead_word, no},
    {"实际", zh, role::lead_word, no},
    {"名义", zh, role::lead_word, no},
    {"连年", zh, role::lead_word, no},
    {"remains", en, role::lead_word, no},
    {"to", en, role::lead_word, no},
    {"remain", en, role::lead_word, no},
    {"拟按", zh, role::lead_word, no},
    {"按", zh, role::lead_word, no},
    {"显著", zh, role::lead_word, no},
    {"strive to", en, role::lead_word, no},
    {"strive for", en, role::lead_word, no},
    {"aim to", en, role::lead_word, no},
    {"at", en, role::lead_word, no},
    {"a record of", en, role::lead_word, no},  // reached a record of 695 million metric tons
    {"a total of", en, role::lead_word, no},
    {"equivalent to", en, role::lead_word, no},
    {"a robust", en, role::lead_word, no},  // a robust year-on-year growth of 5.2 percent
    {"year-on-year", en, role::lead_word, no},
    // English scale words read as the Chinese scale prefixes: 11 million people = 11 百万人
    {"trillion", en, role::scale_word, no, R, false, 0, "万亿"},
    {"billion", en, role::scale_word, no, R, false, 0, "十亿"},
    {"million", en, role::scale_word, no, R, false, 0, "百万"},
    {"thousand", en, role::scale_word, no, R, false, 0, "千"},
    // right after a number: more than it (100多项, 300余人)
    {"多", zh, role::more_than_mark, no},
    {"余", zh, role::more_than_mark, no},
    // a number in words before a unit (four percent, five million people)
    {"one", en, role::number_word, no, R, false, 1},
    {"two", en, role::number_word, no, R, false, 2},
    {"three", en, role::number_word, no, R, false, 3},
    {"four", en, role::number_word, no, R, false, 4},
    {"five", en, role::number_word, no, R, false, 5},
    {"six", en, role::number_word, no, R, false, 6},
    {"seven", en, role::number_word, no, R, false, 7},
    {"eight", en, role::number_word, no, R, false, 8},
    {"nine", en, role::number_word, no, R, false, 9},
    {"ten", en, role::number_word, no, R, false, 10},
    {"eleven", en, role::number_word, no, R, false, 11},
    {"twelve", en, role::number_word, no, R, false, 12},
    {"fifteen", en, role::number_word, no, R, false, 15},
    {"twenty", en, role::number_word, no, R, false, 20},
    {"thirty", en, role::number_word, no, R, false, 30},
    {"fifty", en, role::number_word, no, R, false, 50},
    {"百分之", zh, role::percent_before, no},
    // an indicator named for its growth rate (matched anywhere in the name)
    {"增速", zh, role::growth_name, no},
    {"增长", zh, role::growth_name, no},
    {"增幅", zh, role::growth_name, no},
    {"growth", en, role::growth_name, no},
    // a currency written before the number, with an English scale after it (CNY4.7 trillion)
    {"cny", en, role::currency_before, no, R, false, 0, "元"},
    {"rmb", en, role::currency_before, no, R, false, 0, "元"},
    {"usd", en, role::currency_before, no, R, false, 0, "美元"},
    {"us$", en, role::currency_before, no, R, false, 0, "美元"},
    // cumulation (number: years; 0 when not stated)
    {"累计", zh, role::cumulation, yes, R, false, 0},
    {"五年累计", zh, role::cumulation, yes, R, false, 5},
    {"five-year cumulative", en, role::cumulation, no, R, false, 5},
    {"cumulative", en, role::cumulation, yes, R, false, 0},
    {"年累计", zh, role::cumulation_after_years, yes},
    {"-year cumulative", en, role::cumulation_after_years, yes},
    // flow qualifiers (means: the Chinese word recorded; the printer writes the recorded word in
    // Chinese and the printed English phrase that means it)
    {"新开工", zh, role::flow, no},
    {"开工建设", zh, role::flow, no, R, false, 0, "开工"},
    {"开工", zh, role::flow, no},
    {"新竣工", zh, role::flow, no},
    {"竣工", zh, role::flow, no},
    {"新增", zh, role::flow, no},
    {"新建", zh, role::flow, no},
    {"净增", zh, role::flow, no},
    {"newly started", en, role::flow, yes, R, false, 0, "新开工"},
    {"net increase of", en, role::flow, yes, R, false, 0, "净增"},
    {"newly completed", en, role::flow, yes, R, false, 0, "新竣工"},
    {"newly built", en, role::flow, yes, R, false, 0, "新建"},
    {"started", en, role::flow, yes, R, false, 0, "开工"},
    {"completed", en, role::flow, yes, R, false, 0, "竣工"},
    {"new", en, role::flow, yes, R, false, 0, "新增"},
    // changes
    {"实现", zh, role::achieve_verb, no},
    {"保持", zh, role::achieve_verb, no},
    {"两位数", zh, role::double_digits, no},
    {"double-digit growth", en, role::double_digits, no},
    {"double digit growth", en, role::double_digits, no},
    {"翻两番", zh, role::special_change, no, R, false, 300},
    {"翻一番", zh, role::special_change, no, R, false, 100},
    {"翻番", zh, role::special_change, no, R, false, 100},
    {"正增长", zh, role::special_change, no, L, true, 0},
    {"基本持平", zh, role::special_change, no, A, false, 0},
    {"持平", zh, role::special_change, no, R, false, 0},
    {"比", zh, role::compared_with, yes, R, false, 1},
    {"较", zh, role::compared_with, no, R, false, 1},
    {"相比", zh, role::compared_with, no, R, false, 1},
    {"相较", zh, role::compared_with, no, R, false, 1},
    {"同比", zh, role::compared_with, no, R, false, 0},
    {"与", zh, role::compared_with, no, R, false, 1},
    {"和", zh, role::compared_with, no, R, false, 1},
    {"同", zh, role::compared_with, no, R, false, 1},
    {"since", en, role::compared_with, yes, R, false, 1},
    {"from", en, role::compared_with, no, R, false, 1},
    {"compared with", en, role::compared_with, no, R, false, 1},
    {"compared to", en, role::compared_with, no, R, false, 1},
    {"over", en, role::compared_with, no, R, false, 1},
    {"年", zh, role::base_year_after, yes},
    {"水平", zh, role::base_year_level, no},
    {"level", en, role::base_year_level, no},
    {"上年度", zh, role::previous_year, no},
    {"上年同期", zh, role::previous_year, no},
    {"上年", zh, role::previous_year, no},
    {"去年同期", zh, role::previous_year, no},
    {"去年", zh, role::previous_year, no},
    {"上一年", zh, role::previous_year, no},
    {"年均", zh, role::annual, yes},
    {"年平均", zh, role::annual, no},
    // change words (number: +1 up, -1 down; ±2 average annual)
    {"增长率", zh, role::change_word, no, R, false, 1},
    {"增长速度", zh, role::change_word, no, R, false, 1},
    {"增速", zh, role::change_word, no, R, false, 1},
    {"增幅", zh, role::change_word, no, R, false, 1},
    {"增长", zh, role::change_word, yes, R, false, 1},
    {"增加", zh, role::change_word, no, R, false, 1},
    {"上升", zh, role::change_word, no, R, false, 1},
    {"提高", zh, role::change_word, printed::for_points, R, false, 1},
    {"提升", zh, role::change_word, no, R, false, 1},
    {"上涨", zh, role::change_word, no, R, false, 1},
    {"下降", zh, role::change_word, yes, R, false, -1},
    {"降低", zh, role::change_word, no, R, false, -1},
    {"减少", zh, role::change_word, no, R, false, -1},
    {"回落", zh, role::change_word, no, R, false, -1},
    {"下滑", zh, role::change_word, no, R, false, -1},
    {"降幅", zh, role::change_word, no, R, false, -1},
    {"负增长", zh, role::change_word, no, R, false, -1},
    {"减", zh, role::change_word, no, R, false, -1},
    {"up", en, role::change_word, yes, R, false, 1},
    {"growth of", en, role::change_word, no, R, false, 1},
    {"growth", en, role::change_word, no, R, false, 1},
    {"grow by", en, role::change_word, no, R, false, 1},
    {"increase by", en, role::change_word, no, R, false, 1},
    {"increase of", en, role::change_word, no, R, false, 1},
    {"rise by", en, role::change_word, no, R, false, 1},
    {"rise of", en, role::change_word, no, R, false, 1},
    {"higher by", en, role::change_word, no, R, false, 1},
    {"down", en, role::change_word, yes, R, false, -1},
    {"decline of", en, role::change_word, no, R, false, -1},
    {"decline by", en, role::change_word, no, R, false, -1},
    {"decrease by", en, role::change_word, no, R, false, -1},
    {"decrease of", en, role::change_word, no, R, false, -1},
    {"fall by", en, role::change_word, no, R, false, -1},
    {"fall of", en, role::change_word, no, R, false, -1},
    {"drop by", en, role::change_word, no, R, false, -1},
    {"drop of", en, role::change_word, no, R, false, -1},
    {"reduce by", en, role::change_word, no, R, false, -1},
    {"reduction of", en, role::change_word, no, R, false, -1},
    {"cut by", en, role::change_word, no, R, false, -1},
    {"lower by", en, role::change_word, no, R, false, -1},
    {"up by", en, role::change_word, no, R, false, 1},
    // the past tenses of results: increased by 2.5 percent, went up by 9.3 percent, rose 4.3 percent
    {"increased by", en, role::change_word, no, R, false, 1},
    {"went up by", en, role::change_word, no, R, false, 1},
    {"went up", en, role::change_word, no, R, false, 1},
    {"rose by", en, role::change_word, no, R, false, 1},
    {"rise", en, role::change_word, no, R, false, 1},
    {"grow", en, role::change_word, no, R, false, 1},
    {"rose", en, role::change_word, no, R, false, 1},
    {"grew by", en, role::change_word, no, R, false, 1},
    {"grew", en, role::change_word, no, R, false, 1},
    {"growing by", en, role::change_word, no, R, false, 1},
    {"growing", en, role::change_word, no, R, false, 1},
    {"jumped", en, role::change_word, no, R, false, 1},
    {"skyrocketed", en, role::change_word, no, R, false, 1},
    {"soared", en, role::change_word, no, R, false, 1},
    {"surged", en, role::change_word, no, R, false, 1},
    {"climbed", en, role::change_word, no, R, false, 1},
    {"decreased by", en, role::change_word, no, R, false, -1},
    {"fell by", en, role::change_word, no, R, false, -1},
    {"fell", en, role::change_word, no, R, false, -1},
    {"dropped by", en, role::change_word, no, R, false, -1},
    {"declined by", en, role::change_word, no, R, false, -1},
    {"down by", en, role::change_word, no, R, false, -1},
    {"growth rate of", en, role::change_word, no, R, false, 1},
    {"an increase of", en, role::change_word, no, R, false, 1},
    {"a rise of", en, role::change_word, no, R, false, 1},
    {"a decrease of", en, role::change_word, no, R, false, -1},
    {"a decline of", en, role::change_word, no, R, false, -1},
    {"a reduction of", en, role::change_word, no, R, false, -1},
    {"a drop of", en, role::change_word, no, R, false, -1},
    {"a fall of", en, role::change_word, no, R, false, -1},
    {"average annual growth of", en, role::change_word, yes, R, false, 2},
    {"average annual growth", en, role::change_word, no, R, false, 2},
    {"annual average growth of", en, role::change_word, no, R, false, 2},
    {"annual average growth", en, role::change_word, no, R, false, 2},
    {"average annual decline of", en, role::change_word, yes, R, false, -2},
    {"average annual decline", en, role::change_word, no, R, false, -2},
    {"为", zh, role::change_filler, no},
    {"达到", zh, role::change_filler, no},
    {"保持在", zh, role::change_filler, no},
    {"幅度为", zh, role::change_filler, no},
    {"幅度", zh, role::change_filler, no},
    {"just", en, role::change_filler, no},  // rose just 0.3 percent
    {"only", en, role::change_filler, no},
    // directions
    {"稳中有升", zh, role::direction_phrase, no, up},
    {"稳中向好", zh, role::direction_phrase, no, up},
    {"稳中有降", zh, role::direction_phrase, no, down},
    {"进一步提高", zh, role::direction_phrase, yes, up},
    {"继续下降", zh, role::direction_phrase, yes, down},
    {"持续改善", zh, role::direction_phrase, yes, better},
    {"further increase", en, role::direction_phrase, yes, up},
    {"continued decrease", en, role::direction_phrase, yes, down},
    {"continued improvement", en, role::direction_phrase, yes, better},
    {"continued improvements", en, role::direction_phrase, no, better},
    {"steady improvement", en, role::direction_phrase, no, better},
    {"steady improvements", en, role::direction_phrase, no, better},
    {"further improvement", en, role::direction_phrase, no, better},
    {"continued reduction", en, role::direction_phrase, no, down},
    {"continued reductions", en, role::direction_phrase, no, down},
    {"稳中有增", zh, role::direction_phrase, no, up},
    {"只升不降", zh, role::direction_phrase, no, up},
    {"企稳回升", zh, role::direction_phrase, no, up},
    {"只减不增", zh, role::direction_phrase, no, down},
    {"只降不升", zh, role::direction_phrase, no, down},
    {"进一步", zh, role::direction_adverb, no},
    {"持续", zh, role::direction_adverb, no},
    {"继续", zh, role::direction_adverb, no},
    {"稳步", zh, role::direction_adverb, no},
    {"稳定", zh, role::direction_adverb, no},
    {"逐步", zh, role::direction_adverb, no},
    {"不断", zh, role::direction_adverb, no},
    {"有所", zh, role::direction_adverb, no},
    {"保持", zh, role::direction_adverb, no},
    {"逐年", zh, role::direction_adverb, no},
    {"明显", zh, role::direction_adverb, no},
    {"大幅", zh, role::direction_adverb, no},
    {"further", en, role::direction_adverb, no},
    {"continued", en, role::direction_adverb, no},
    {"continue to", en, role::direction_adverb, no},
    {"continuing", en, role::direction_adverb, no},
    {"steady", en, role::direction_adverb, no},
    {"steadily", en, role::direction_adverb, no},
    {"sustained", en, role::direction_adverb, no},
    {"keep", en, role::direction_adverb, no},
    {"增长", zh, role::direction_word, no, up},
    {"增加", zh, role::direction_word, no, up},
    {"上升", zh, role::direction_word, no, up},
    {"提高", zh, role::direction_word, no, up},
    {"提升", zh, role::direction_word, no, up},
    {"上涨", zh, role::direction_word, no, up},
    {"扩大", zh, role::direction_word, no, up},
    {"increase", en, role::direction_word, no, up},
    {"increasing", en, role::direction_word, no, up},
    {"rise", en, role::direction_word, no, up},
    {"rising", en, role::direction_word, no, up},
    {"grow", en, role::direction_word, no, up},
    {"growth", en, role::direction_word, no, up},
    {"growing", en, role::direction_word, no, up},
    {"higher", en, role::direction_word, no, up},
    {"下降", zh, role::direction_word, no, down},
    {"降低", zh, role::direction_word, no, down},
    {"减少", zh, role::direction_word, no, down},
    {"回落", zh, role::direction_word, no, down},
    {"下滑", zh, role::direction_word, no, down},
    {"缩小", zh, role::direction_word, no, down},
    {"decrease", en, role::direction_word, no, down},
    {"decreasing", en, role::direction_word, no, down},
    {"decline", en, role::direction_word, no, down},
    {"declining", en, role::direction_word, no, down},
    {"fall", en, role::direction_word, no, down},
    {"falling", en, role::direction_word, no, down},
    {"lower", en, role::direction_word, no, down},
    {"reduce", en, role::direction_word, no, down},
    {"reduction", en, role::direction_word, no, down},
    {"drop", en, role::direction_word, no, down},
    {"改善", zh, role::direction_word, no, better},
    {"好转", zh, role::direction_word, no, better},
    {"优化", zh, role::direction_word, no, better},
    {"improve", en, role::direction_word, no, better},
    {"improvement", en, role::direction_word, no, better},
    {"improving", en, role::direction_word, no, better},
    {"better", en, role::direction_word, no, better},
    // references: 与全市目标基本同步, 高于国内生产总值增长, 完成市下达指标, 控制在…之内
    {"与", zh, role::sync_with, yes},
    {"和", zh, role::sync_with, no},
    {"同", zh, role::sync_with, no},
    {"跟", zh, role::sync_with, no},
    {"同步", zh, role::sync_word, yes},
    {"保持一致", zh, role::sync_word, no},
    {"一致", zh, role::sync_word, no},
    {"基本", zh, role::sync_adverb, yes, R, false, 1},
    {"大体", zh, role::sync_adverb, no, R, false, 1},
    {"总体", zh, role::sync_adverb, no, R, false, 1},
    {"保持", zh, role::sync_adverb, no, R, false, 0},
    {"大致", zh, role::sync_adverb, no, R, false, 1},
    {"增长", zh, role::sync_tail, no},
    {"提高", zh, role::sync_tail, no},
    {"高于", zh, role::reference_comparison, yes, L, true},
    {"快于", zh, role::reference_comparison, no, L, true},
    {"超过", zh, role::reference_comparison, no, L, true},
    {"不低于", zh, role::reference_comparison, yes, L},
    {"不慢于", zh, role::reference_comparison, no, L},
    {"低于", zh, role::reference_comparison, yes, M, true},
    {"慢于", zh, role::reference_comparison, no, M, true},
    {"不高于", zh, role::reference_comparison, no, M},
    {"不超过", zh, role::reference_comparison, no, M},
    {"不快于", zh, role::reference_comparison, no, M},
    {"above", en, role::reference_comparison, yes, L, true},
    {"higher than", en, role::reference_comparison, no, L, true},
    {"faster than", en, role::reference_comparison, no, L, true},
    {"more than", en, role::reference_comparison, no, L, true},
    {"not below", en, role::reference_comparison, yes, L},
    {"no less than", en, role::reference_comparison, no, L},
    {"not less than", en, role::reference_comparison, no, L},
    {"below", en, role::reference_comparison, yes, M, true},
    {"less than", en, role::reference_comparison, no, M, true},
    {"not above", en, role::reference_comparison, no, M},
    {"no more than", en, role::reference_comparison, no, M},
    {"not more than", en, role::reference_comparison, no, M},
    {"within", en, role::reference_comparison, yes, M},
    // the quantity compared with a reference when it is the growth: 增速高于全省平均水平,
    // 增长与经济增长同步, growth above GDP growth
    {"增速", zh, role::reference_subject, yes},
    {"增幅", zh, role::reference_subject, no},
    {"增长", zh, role::reference_subject, no},
    {"growth", en, role::reference_subject, yes},
    {"确保完成", zh, role::fulfil_verb, no},
    {"全面完成", zh, role::fulfil_verb, no},
    {"圆满完成", zh, role::fulfil_verb, no},
    {"完成", zh, role::fulfil_verb, yes},
    {"达到", zh, role::fulfil_verb, no},
    {"实现", zh, role::fulfil_verb, no},
    {"落实", zh, role::fulfil_verb, no},
    {"meet", en, role::in_line_with, printed::for_quotas},
    {"achieve", en, role::in_line_with, no},
    {"fulfil", en, role::in_line_with, no},
    {"fulfill", en, role::in_line_with, no},
    {"complete", en, role::in_line_with, no},
    {"in line with", en, role::in_line_with, yes},
    {"in step with", en, role::in_line_with, no},
    {"keep pace with", en, role::in_line_with, no},
    {"in sync with", en, role::in_line_with, no},
    {"the same as", en, role::in_line_with, no},
    {"roughly", en, role::roughly, yes},
    {"broadly", en, role::roughly, no},
    {"basically", en, role::roughly, no},
    {"largely", en, role::roughly, no},
    {"generally", en, role::roughly, no},
    {"控制在", zh, role::cap_verb, yes},
    {"控制于", zh, role::cap_verb, no},
    {"控制", zh, role::cap_verb, no},
    {"之内", zh, role::cap_closing, yes},
    {"以内", zh, role::cap_closing, no},
    {"以下", zh, role::cap_closing, no},
    {"内", zh, role::cap_closing, no},
    {"下达", zh, role::quota_mark, no, R, false, 0},
    {"考核", zh, role::quota_mark, no, R, false, 0},
    {"上级", zh, role::quota_mark, no, R, false, 0},
    {"省定", zh, role::quota_mark, no, R, false, 0},
    {"市定", zh, role::quota_mark, no, R, false, 0},
    {"区定", zh, role::quota_mark, no, R, false, 0},
    {"县定", zh, role::quota_mark, no, R, false, 0},
    {"省控", zh, role::quota_mark, no, R, false, 0},
    {"市控", zh, role::quota_mark, no, R, false, 0},
    {"指标", zh, role::quota_mark, no, R, false, 1},
    {"任务", zh, role::quota_mark, no, R, false, 1},
    {"要求", zh, role::quota_mark, no, R, false, 1},
    {"计划", zh, role::quota_mark, no, R, false, 1},
    {"目标", zh, role::target_mark, no},
    {"targets", en, role::target_mark, no},  // meet national emission reduction targets
    {"全市目标", zh, role::known_reference, yes, R, false, 0, "the city target"},
    {"市下达指标", zh, role::known_reference, yes, R, false, 0, "the city quota"},
    {"国家下达目标", zh, role::known_reference, yes, R, false, 0, "the national target"},
    {"国家下达指标", zh, role::known_reference, yes, R, false, 0, "the national quota"},
    {"省下达指标", zh, role::known_reference, yes, R, false, 0, "the provincial quota"},
    {"经济增长", zh, role::known_reference, yes, R, false, 0, "economic growth"},
    {"国内生产总值增长", zh, role::known_reference, yes, R, false, 0, "GDP growth"},
    {"地区生产总值增长", zh, role::known_reference, yes, R, false, 0, "regional GDP growth"},
    {"市", zh, role::known_reference, yes, R, false, 0, "the city"},
    // observations
    {"超额完成", zh, role::judgment_word, yes, R, false, judged(judgment::exceeded)},
    // pace judgments as results are written: 达到序时进度, 快于序时进度, 落后于序时进度
    {"达到序时进度", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"快于序时进度", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"超过序时进度", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"超序时进度", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"慢于序时进度", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"低于序时进度", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"落后于序时进度", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"基本完成", zh, role::judgment_word, yes, R, false, judged(judgment::basically_met)},
    {"基本达标", zh, role::judgment_word, no, R, false, judged(judgment::basically_met)},
    {"基本实现", zh, role::judgment_word, no, R, false, judged(judgment::basically_met)},
    {"没有完成", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"未完成", zh, role::judgment_word, yes, R, false, judged(judgment::not_met)},
    {"未达标", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"未实现", zh, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"已完成", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"已达标", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"已实现", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"完成", zh, role::judgment_word, yes, R, false, judged(judgment::met)},
    {"达标", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"实现", zh, role::judgment_word, no, R, false, judged(judgment::met)},
    {"exceeded", en, role::judgment_word, yes, R, false, judged(judgment::exceeded)},
    {"basically met", en, role::judgment_word, yes, R, false, judged(judgment::basically_met)},
    {"not met", en, role::judgment_word, yes, R, false, judged(judgment::not_met)},
    {"not achieved", en, role::judgment_word, no, R, false, judged(judgment::not_met)},
    {"met", en, role::judgment_word, yes, R, false, judged(judgment::met)},
    {"achieved", en, role::judgment_word, no, R, false, judged(judgment::met)},
    {"按可比价格计算", zh, role::comparable_word, no},
    {"按可比口径计算", zh, role::comparable_word, no},
    {"按可比价", zh, role::comparable_word, no},
    {"可比口径", zh, role::comparable_word, no},
    {"可比价", zh, role::comparable_word, no},
    {"可比", zh, role::comparable_word, yes},
    {"comparable", en, role::comparable_word, yes},
    {"增长", zh, role::comparable_change, no, R, false, 1},
    {"上升", zh, role::comparable_change, no, R, false, 1},
    {"提高", zh, role::comparable_change, no, R, false, 1},
    {"下降", zh, role::comparable_change, no, R, false, -1},
    {"降低", zh, role::comparable_change, no, R, false, -1},
    {"减少", zh, role::comparable_change, no, R, false, -1},
    {"预计", zh, role::estimate_word, no},
    {"初步核算", zh, role::estimate_word, no},
    {"初步", zh, role::estimate_word, no},
    {"estimated", en, role::estimate_word, no},
    {"est.", en, role::estimate_word, no},
    {"-", both, role::missing_word, yes},
    {"/", both, role::missing_word, no},
    {"n/a", en, role::missing_word, no},
    {"N/A", en, role::missing_word, no},
    {"na", en, role::missing_word, no},
    {"NA", en, role::missing_word, no},
    {"…", both, role::missing_word, no},
    {"...", both, role::missing_word, no},
    {"无", zh, role::missing_word, no},
    {"暂无", zh, role::missing_word, no},
};
// clang-format on

constexpr std::size_t role_count = static_cast<std::size_t>(phrase_role::part_separator) + 1;

bool starts_with(std::string_view s, std::string_view head) noexcept {
  return s.size() >= head.size() && s.substr(0, head.size()) == head;
}
bool ends_with(std::string_view s, std::string_view tail) noexcept {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const auto n = decode_utf8(s, i, cp);
    out += cp;
    i += n == 0 ? 1 : n;
  }
  return out;
}

phrase_table phrases() noexcept { return {std::begin(table), std::end(table)}; }

const std::vector<indexed_phrase>& phrases_of(phrase_role r) {
  static const auto indexes = [] {
    std::array<std::vector<indexed_phrase>, role_count> by_role;
    for (const auto& p : table)
      by_role[static_cast<std::size_t>(p.role)].push_back({to_u32(p.text), &p});
    for (auto& v : by_role)
      std::stable_sort(v.begin(), v.end(), [](const indexed_phrase& a, const indexed_phrase& b) {
        return a.text.size() > b.text.size();
      });
    return by_role;
  }();
  return indexes[static_cast<std::size_t>(r)];
}

const std::vector<const phrase*>& printed_phrases() {
  static const auto printed_only = [] {
    std::vector<const phrase*> v;
    for (const auto& p : table)
      if (p.print != printed::no) v.push_back(&p);
    return v;
  }();
  return printed_only;
}

std::string_view printed_word(phrase_role r, language lang, printed use) {
  const phrase* p = printed_phrase(
      r, lang, [](const phrase&) { return true; }, use);
  return p ? p->text : std::string_view();
}

bool is_flow(std::string_view word) noexcept {
  if (word.empty()) return false;
  for (const auto& p : table)
    if (p.role == role::flow && recorded(p) == word) return true;
  return false;
}

bool names_a_flow(std::string_view indicator_name) noexcept {
  for (const auto& p : table)
    if (p.role == role::flow && p.lang == zh && p.means.empty() && starts_with(p.text, "新") &&
        indicator_name.find(p.text) != std::string_view::npos)
      return true;
  return false;
}

bool names_growth(std::string_view indicator_name) noexcept {
  for (const auto& p : table) {
    if (p.role != role::growth_name) continue;
    if (p.lang == zh) {
      if (indicator_name.find(p.text) != std::string_view::npos) return true;
      continue;
    }
    // an English word, in any case, not inside another word
    for (std::size_t i = 0; i + p.text.size() <= indicator_name.size(); ++i) {
      std::size_t k = 0;
      while (k < p.text.size() &&
             std::tolower(static_cast<unsigned char>(indicator_name[i + k])) == p.text[k])
        ++k;
      const auto letter = [&](std::size_t at) {
        return at < indicator_name.size() &&
               std::isalpha(static_cast<unsigned char>(indicator_name[at])) != 0;
      };
      if (k == p.text.size() && (i == 0 || !letter(i - 1)) && !letter(i + k)) return true;
    }
  }
  return false;
}

std::string_view flow_in_english(std::string_view flow) noexcept {
  for (const phrase* p : printed_phrases())
    if (p->role == role::flow && p->lang == en && p->means == flow) return p->text;
  return {};
}

bool is_quota_name(std::string_view name) noexcept {
  for (const auto& p : table) {
    if (p.role != role::quota_mark) continue;
    if (p.number == 0 ? name.find(p.text) != std::string_view::npos : ends_with(name, p.text))
      return true;
  }
  return false;
}

bool is_target_name(std::string_view name) noexcept {
  for (const auto& p : table)
    if (p.role == role::target_mark && name.size() > p.text.size() && ends_with(name, p.text))
      return true;
  return false;
}

std::string_view reference_from_english(std::string_view name) noexcept {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  for (const auto& p : table) {
    if (p.role != role::known_reference || p.means.size() != name.size()) continue;
    if (std::equal(name.begin(), name.end(), p.means.begin(),
                   [&](char a, char b) { return lower(a) == lower(b); }))
      return p.text;
  }
  return {};
}

}  // namespace planeval::detail
