// Facts in any notation (facts.h). Sections: [chars] the text normalised, with each character's
// place in the original; [numbers] runs of numerals read as digits or as counted numbers;
// [phone] [room] [name] the finders; [same] comparing a recorded value with the expected one.
#include "facts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <unordered_map>

#include "fold.h"
#include "normalize.h"

namespace dd::text {

namespace {

// ----------------------------------------------------------------------------------- [chars]

struct Ch {
    char32_t cp;
    std::uint32_t src_begin, src_end;  // in the text as given
    std::uint8_t pause;                // pause bits before it (fold.h)
    bool gap;  // something was dropped before it (a space): it may separate two numbers
};

// The normaliser's characters straight into Ch records (text::detail::normalize_chars), with
// no normalised text in between to decode again.
struct ChSink {
    std::vector<Ch>& out;
    void keep(char32_t cp, std::uint32_t off, std::uint32_t len, std::uint8_t paused) {
        const bool gap = !out.empty() && off > out.back().src_end;
        out.push_back({cp, off, off + len, paused, gap});
    }
    void finish(std::uint8_t) {}
    void reset() { out.clear(); }
};

// The characters of `text`; false (and none) for invalid UTF-8.
bool build_chars(std::string_view text, std::vector<Ch>& out) {
    out.clear();
    if (text.size() >= 0xFFFFFFFFu) return false;  // offsets are 32-bit (as normalize())
    out.reserve(text.size());
    ChSink sink{out};
    if (detail::normalize_chars(text, sink)) return true;
    out.clear();
    return false;
}

bool starts_with(const std::vector<Ch>& cs, std::size_t i, std::u32string_view w) {
    if (i + w.size() > cs.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
        if (cs[i + k].cp != w[k] || (k > 0 && cs[i + k].pause)) return false;
    return true;
}

// --------------------------------------------------------------------------------- [numbers]

// 0..9 for a digit in any notation, 10/100/1000 for 十百千, -1 otherwise.
int numeral(char32_t cp) {
    if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
    switch (cp) {
        case U'零':
        case U'〇':
        case U'洞':
            return 0;
        case U'一':
        case U'幺':
        case U'壹':
            return 1;
        case U'二':
        case U'两':
        case U'贰':
            return 2;
        case U'三':
        case U'叁':
            return 3;
        case U'四':
        case U'肆':
            return 4;
        case U'五':
        case U'伍':
            return 5;
        case U'六':
        case U'陆':
            return 6;
        case U'七':
        case U'柒':
            return 7;
        case U'八':
        case U'捌':
            return 8;
        case U'九':
        case U'玖':
            return 9;
        case U'十':
        case U'拾':
            return 10;
        case U'百':
        case U'佰':
            return 100;
        case U'千':
        case U'仟':
            return 1000;
        default:
            return -1;
    }
}

// A run of numerals with no pause inside: its digits, and which character each digit came
// from (a counted number, 十二, maps all its digits to its first character).
struct Run {
    std::size_t first = 0, last = 0;  // characters, inclusive
    std::string digits;
    std::vector<std::size_t> at;  // per digit: its character
};

std::string counted_value(const std::vector<Ch>& cs, std::size_t b, std::size_t e) {
    long total = 0, cur = 0;
    bool any = false;
    for (std::size_t i = b; i < e; ++i) {
        const int v = numeral(cs[i].cp);
        if (v >= 10) {
            total += (any ? cur : 1) * v;  // 十二: a leading 十 is one ten
            cur = 0;
        } else {
            cur = v;
        }
        any = true;
    }
    return std::to_string(total + cur);
}

// Where the run starting at numeral i ends (one past it).
std::size_t run_end(const std::vector<Ch>& cs, std::size_t i) {
    std::size_t j = i + 1;
    while (j < cs.size() && numeral(cs[j].cp) >= 0 && !cs[j].pause && !cs[j].gap) ++j;
    return j;
}

std::vector<Run> runs_of(const std::vector<Ch>& cs) {
    // Counted first, so that the runs and each run's digits are allocated once.
    std::size_t count = 0;
    for (std::size_t i = 0; i < cs.size();) {
        if (numeral(cs[i].cp) < 0) {
            ++i;
        } else {
            ++count;
            i = run_end(cs, i);
        }
    }
    std::vector<Run> runs;
    runs.reserve(count);
    for (std::size_t i = 0; i < cs.size();) {
        if (numeral(cs[i].cp) < 0) {
            ++i;
            continue;
        }
        const std::size_t j = run_end(cs, i);
        Run r;
        r.first = i;
        r.last = j - 1;
        bool counted = false;
        for (std::size_t k = i; k < j; ++k) counted = counted || numeral(cs[k].cp) >= 10;
        if (counted) {
            r.digits = counted_value(cs, i, j);
            r.at.assign(r.digits.size(), i);
        } else {
            r.digits.reserve(j - i);
            r.at.reserve(j - i);
            for (std::size_t k = i; k < j; ++k) {
                r.digits.push_back(static_cast<char>('0' + numeral(cs[k].cp)));
                r.at.push_back(k);
            }
        }
        runs.push_back(std::move(r));
        i = j;
    }
    return runs;
}

// A text as the finders read it: characters, numeral runs, code points and digits.
struct Parsed {
    bool valid = false;  // valid UTF-8 (else everything below is empty)
    std::vector<Ch> cs;
    std::vector<Run> runs;
    std::u32string u32;
    std::string digits;
};
using ParsedPtr = std::shared_ptr<const Parsed>;

ParsedPtr build_parsed(std::string_view text) {
    auto p = std::make_shared<Parsed>();
    p->valid = build_chars(text, p->cs);
    p->runs = runs_of(p->cs);
    p->u32.reserve(p->cs.size());
    for (const Ch& c : p->cs) p->u32.push_back(c.cp);
    std::size_t ndigits = 0;
    for (const Run& r : p->runs) ndigits += r.digits.size();
    p->digits.reserve(ndigits);
    for (const Run& r : p->runs) p->digits += r.digits;
    return p;
}

}  // namespace

struct FactsMemo::Store {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, ParsedPtr, Hash, std::equal_to<>> texts;
};

namespace {

thread_local FactsMemo::Store* t_memo = nullptr;

ParsedPtr parsed(std::string_view text) {
    if (!t_memo) return build_parsed(text);
    auto& texts = t_memo->texts;
    if (auto it = texts.find(text); it != texts.end()) return it->second;
    ParsedPtr p = build_parsed(text);
    texts.emplace(std::string(text), p);
    return p;
}

// Whether a text is valid UTF-8: with a memo, known from its parse (which a finder needs next).
bool valid(std::string_view text) {
    return t_memo ? parsed(text)->valid : is_valid_utf8(text);
}

// Two numbers are the same when their digits are, leading zeros aside (0601 = 601).
bool same_number(std::string_view a, std::string_view b) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    return !a.empty() && a == b;
}

// Whether run b follows run a with only a separator between: a space, or a mark that ends no
// sentence (138 0000, 138.0000, 3-1202).
bool separated(const std::vector<Ch>& cs, const Run& a, const Run& b) {
    const Ch& c = cs[b.first];
    return b.first == a.last + 1 && (c.gap || c.pause) && !(c.pause & detail::kPauseStrong);
}

FactMatch span_of(const std::vector<Ch>& cs, std::size_t first, std::size_t last) {
    FactMatch m;
    m.begin = cs[first].src_begin;
    m.end = cs[last].src_end;
    return m;
}

// ---------------------------------------------------------------------------------- [amount]

bool is_yuan(char32_t cp) {
    return cp == U'元' || cp == U'块';
}

// The amounts of a text: a number, a decimal part after 点 or a dot (2.5, 二点五), then 元 or
// 块, and after 块 a single digit of tenths (2块5, 两块五).
std::vector<Amount> amounts_in(std::string_view text, const Parsed& parsed_text) {
    std::vector<Amount> out;
    const std::vector<Ch>& cs = parsed_text.cs;
    const std::vector<Run>& runs = parsed_text.runs;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const Run& a = runs[r];
        std::string number = a.digits;
        std::size_t last = a.last;
        std::size_t next = r + 1;
        if (next < runs.size()) {
            const Run& b = runs[next];
            // Only a decimal point was dropped between them (2.5, 2．5), not a space or a comma.
            std::string_view between;
            if (b.first == a.last + 1 && cs[b.first].src_begin >= cs[a.last].src_end)
                between =
                    text.substr(cs[a.last].src_end, cs[b.first].src_begin - cs[a.last].src_end);
            const bool dot_between = between == "." || between == "．";
            const bool dian = b.first == a.last + 2 && cs[a.last + 1].cp == U'点';
            if ((dot_between || dian) && b.last + 1 < cs.size() && is_yuan(cs[b.last + 1].cp)) {
                number += "." + b.digits;
                last = b.last;
                ++next;
            }
        }
        if (last + 1 >= cs.size() || !is_yuan(cs[last + 1].cp) || cs[last + 1].pause) continue;
        const bool kuai = cs[last + 1].cp == U'块';
        std::size_t end = last + 1;
        if (kuai && number.find('.') == std::string::npos && next < runs.size() &&
            runs[next].first == end + 1 && !cs[end + 1].pause && !cs[end + 1].gap &&
            runs[next].digits.size() == 1) {
            number += "." + runs[next].digits;
            end = runs[next].last;
            ++next;
        }
        Amount am;
        am.yuan = std::strtod(number.c_str(), nullptr);
        am.at = span_of(cs, a.first, end);
        out.push_back(am);
        r = next - 1;  // the runs read as its decimals are not amounts of their own
    }
    return out;
}

// ----------------------------------------------------------------------------------- [phone]

std::optional<FactMatch> literal(std::string_view text, std::string_view value) {
    const ParsedPtr pt = parsed(text);
    const std::vector<Ch>& cs = pt->cs;
    const ParsedPtr pv = parsed(value);
    const std::u32string& want = pv->u32;
    if (want.empty()) return std::nullopt;
    for (std::size_t i = 0; i + want.size() <= cs.size(); ++i) {
        std::size_t k = 0;
        while (k < want.size() && cs[i + k].cp == want[k]) ++k;
        if (k == want.size()) return span_of(cs, i, i + want.size() - 1);
    }
    return std::nullopt;
}

}  // namespace

std::vector<Amount> amounts(std::string_view text) {
    return amounts_in(text, *parsed(text));
}

std::optional<FactMatch> find_amount(std::string_view text, std::string_view value) {
    const auto want = amounts(value);
    if (want.size() != 1) return std::nullopt;
    for (const Amount& a : amounts(text))
        if (std::abs(a.yuan - want.front().yuan) < 1e-6) return a.at;
    return std::nullopt;
}

std::string spoken_digits(std::string_view text) {
    return parsed(text)->digits;
}

std::optional<FactMatch> find_phone(std::string_view text, std::string_view phone) {
    const std::string want = spoken_digits(phone);
    if (want.size() < 5) return want.empty() ? std::nullopt : literal(text, phone);
    const ParsedPtr pt = parsed(text);
    const std::vector<Ch>& cs = pt->cs;
    const std::vector<Run>& runs = pt->runs;
    // Runs joined by separators make one number; the phone must fill whole groups of it (a
    // digit more without a separator is another number).
    for (std::size_t r = 0; r < runs.size();) {
        std::string digits;
        std::vector<std::size_t> at;
        std::vector<bool> group_start;
        std::size_t s = r;
        do {
            for (std::size_t k = 0; k < runs[s].digits.size(); ++k) group_start.push_back(k == 0);
            digits += runs[s].digits;
            at.insert(at.end(), runs[s].at.begin(), runs[s].at.end());
            ++s;
        } while (s < runs.size() && separated(cs, runs[s - 1], runs[s]));
        for (std::size_t i = digits.find(want); i != std::string::npos;
             i = digits.find(want, i + 1)) {
            const std::size_t j = i + want.size();
            if (group_start[i] && (j == digits.size() || group_start[j]))
                return span_of(cs, at[i], at[j - 1]);
        }
        r = s;
    }
    return std::nullopt;
}

// ------------------------------------------------------------------------------------ [room]

namespace {

// A room as the scenario writes it: building, door (floor and unit within it).
struct RoomSpec {
    std::string building, door, floor, unit;
};

std::optional<RoomSpec> room_spec(const Parsed& pv) {
    const std::vector<Run>& runs = pv.runs;
    RoomSpec r;
    if (runs.size() == 2) {
        r.building = runs[0].digits;
        r.door = runs[1].digits;
    } else if (runs.size() == 3) {
        r.building = runs[0].digits;
        std::string unit = runs[2].digits;
        if (unit.size() < 2) unit.insert(0, 2 - unit.size(), '0');
        r.door = runs[1].digits + unit;
    } else {
        return std::nullopt;
    }
    if (r.door.size() < 3) return std::nullopt;
    r.floor = r.door.substr(0, r.door.size() - 2);
    r.unit = r.door.substr(r.door.size() - 2);
    return r;
}

std::optional<RoomSpec> room_spec(std::string_view value) {
    return room_spec(*parsed(value));
}

enum class Marker : unsigned char { None, Building, Floor, Unit, Other };

// The word right after a run (栋, 号楼, 层, 室…) and how many characters it takes.
Marker marker_after(const std::vector<Ch>& cs, const Run& run, std::size_t& len) {
    const std::size_t i = run.last + 1;
    len = 0;
    if (i >= cs.size() || cs[i].pause || cs[i].gap) return Marker::None;
    struct W {
        std::u32string_view w;
        Marker m;
    };
    static constexpr std::array<W, 12> kWords = {{{U"号楼", Marker::Building},
                                                  {U"栋", Marker::Building},
                                                  {U"幢", Marker::Building},
                                                  {U"座", Marker::Building},
                                                  {U"号房", Marker::Unit},
                                                  {U"号", Marker::Building},
                                                  {U"楼", Marker::Floor},
                                                  {U"层", Marker::Floor},
                                                  {U"室", Marker::Unit},
                                                  {U"户", Marker::Unit},
                                                  {U"房", Marker::Unit},
                                                  {U"单元", Marker::Other}}};
    for (const auto& w : kWords)
        if (starts_with(cs, i, w.w)) {
            len = w.w.size();
            return w.m;
        }
    return Marker::Other;
}

// Whether run b follows run a with nothing but its marker (or a separator) between.
bool next_to(const std::vector<Ch>& cs, const Run& a, const Run& b) {
    std::size_t len = 0;
    const Marker m = marker_after(cs, a, len);
    if (m == Marker::None) return separated(cs, a, b);
    if (m == Marker::Other) return false;
    return b.first == a.last + 1 + len && !(cs[b.first].pause & detail::kPauseStrong);
}

// The span of runs [a, b], with the door word after b when there is one (1202室, 2号).
FactMatch room_span(const std::vector<Ch>& cs, const Run& a, const Run& b) {
    std::size_t len = 0;
    const Marker m = marker_after(cs, b, len);
    const bool door = m == Marker::Unit || (m == Marker::Building && cs[b.last + 1].cp == U'号');
    return span_of(cs, a.first, b.last + (door ? len : 0));
}

}  // namespace

std::optional<FactMatch> find_room(std::string_view text, std::string_view room) {
    const auto spec = room_spec(room);
    if (!spec) return literal(text, room);
    const ParsedPtr pt = parsed(text);
    const std::vector<Ch>& cs = pt->cs;
    const std::vector<Run>& runs = pt->runs;
    std::optional<FactMatch> partial;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        std::size_t len = 0;
        const Marker m = marker_after(cs, runs[k], len);
        const bool has_next = k + 1 < runs.size() && next_to(cs, runs[k], runs[k + 1]);
        if (same_number(runs[k].digits, spec->building) && has_next &&
            (m == Marker::Building || m == Marker::None)) {
            const Run& second = runs[k + 1];
            // Building and door: 3栋1202, 3-1202, 三栋一二零二.
            if (same_number(second.digits, spec->door)) return room_span(cs, runs[k], second);
            // Building, floor, unit: 3号楼12层02室, 3幢12楼2号, 3-12-02.
            std::size_t flen = 0;
            const Marker fm = marker_after(cs, second, flen);
            if (same_number(second.digits, spec->floor) &&
                (fm == Marker::Floor || fm == Marker::None)) {
                if (k + 2 < runs.size() && next_to(cs, second, runs[k + 2])) {
                    if (same_number(runs[k + 2].digits, spec->unit))
                        return room_span(cs, runs[k], runs[k + 2]);
                } else if (fm == Marker::Floor && !partial) {
                    // Building and floor only (3栋12楼…那户): a partial disclosure.
                    partial = span_of(cs, runs[k].first, second.last + flen);
                    partial->partial = true;
                }
            }
        }
        // The door alone, said as a room (1202室, 住1202): partial.
        if (!partial && same_number(runs[k].digits, spec->door) && runs[k].digits.size() >= 3 &&
            (m == Marker::Unit ||
             (runs[k].first >= 1 && !cs[runs[k].first].pause &&
              (cs[runs[k].first - 1].cp == U'住' || cs[runs[k].first - 1].cp == U'号')))) {
            partial = span_of(cs, runs[k].first, runs[k].last + (m == Marker::Unit ? len : 0));
            partial->partial = true;
            partial->uncertain = true;
        }
    }
    return partial;
}

// ------------------------------------------------------------------------------------ [name]

namespace {

enum class Gender : unsigned char { Any, Male, Female };

struct Title {
    std::u32string_view w;
    Gender g;
};

constexpr std::array<Title, 18> kTitles = {{{U"先生", Gender::Male},
                                            {U"女士", Gender::Female},
                                            {U"小姐", Gender::Female},
                                            {U"阿姨", Gender::Female},
                                            {U"大妈", Gender::Female},
                                            {U"奶奶", Gender::Female},
                                            {U"太太", Gender::Female},
                                            {U"大姐", Gender::Female},
                                            {U"姐", Gender::Female},
                                            {U"大爷", Gender::Male},
                                            {U"爷爷", Gender::Male},
                                            {U"大哥", Gender::Male},
                                            {U"哥", Gender::Male},
                                            {U"叔", Gender::Male},
                                            {U"师傅", Gender::Any},
                                            {U"老师", Gender::Any},
                                            {U"经理", Gender::Any},
                                            {U"总", Gender::Any}}};

constexpr std::array<std::u32string_view, 16> kCompound = {
    U"欧阳", U"司马", U"诸葛", U"上官", U"东方", U"皇甫", U"令狐", U"慕容",
    U"尉迟", U"长孙", U"夏侯", U"公孙", U"司徒", U"端木", U"轩辕", U"宇文"};

// A name as the scenario writes it: the surname, the rest, and what a title says. The views
// point into the parsed text, which `text` keeps alive.
struct NameSpec {
    ParsedPtr text;
    std::u32string_view full, surname, given;
    Gender gender = Gender::Any;
    bool titled = false;  // 王女士, 小刘
};

NameSpec name_spec(ParsedPtr name) {
    NameSpec n;
    n.text = std::move(name);
    const std::u32string_view s = n.text->u32;
    n.full = s;
    if (s.size() >= 2 && (s[0] == U'小' || s[0] == U'老')) {
        n.surname = s.substr(1);
        n.titled = true;
        return n;
    }
    for (const auto& t : kTitles)
        if (s.size() > t.w.size() && s.compare(s.size() - t.w.size(), t.w.size(), t.w) == 0) {
            n.surname = s.substr(0, s.size() - t.w.size());
            n.gender = t.g;
            n.titled = true;
            return n;
        }
    std::size_t sl = 1;
    for (const auto& c : kCompound)
        if (s.size() > c.size() && s.compare(0, c.size(), c) == 0) sl = c.size();
    n.surname = s.substr(0, std::min(sl, s.size()));
    n.given = s.substr(n.surname.size());
    return n;
}

NameSpec name_spec(std::string_view name) {
    return name_spec(parsed(name));
}

bool fits(Gender want, Gender have) {
    return want == Gender::Any || have == Gender::Any || want == have;
}

// Whether another person of the scenario has this surname.
bool shared_surname(std::u32string_view surname, const FactContext& ctx, std::u32string_view self) {
    for (const auto& o : ctx.other_names) {
        const NameSpec other = name_spec(o);
        if (other.full != self && other.surname == surname) return true;
    }
    return false;
}

// A title right after position i (its length, and what it says), or 0.
std::size_t title_at(const std::vector<Ch>& cs, std::size_t i, Gender& g) {
    if (i >= cs.size() || cs[i].pause) return 0;
    for (const auto& t : kTitles)
        if (starts_with(cs, i, t.w)) {
            g = t.g;
            return t.w.size();
        }
    return 0;
}

}  // namespace

std::optional<FactMatch> find_name(std::string_view text, std::string_view name,
                                   const FactContext& ctx) {
    const NameSpec spec = name_spec(name);
    if (spec.full.empty()) return std::nullopt;
    const ParsedPtr pt = parsed(text);
    const std::vector<Ch>& cs = pt->cs;
    auto at = [&](std::size_t i, std::u32string_view w) { return starts_with(cs, i, w); };
    // The name as written: the strongest sign.
    for (std::size_t i = 0; i < cs.size(); ++i)
        if (at(i, spec.full)) return span_of(cs, i, i + spec.full.size() - 1);
    if (spec.surname.empty() || shared_surname(spec.surname, ctx, spec.full)) return std::nullopt;
    const std::size_t sl = spec.surname.size();
    std::optional<FactMatch> weaker;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        if (!at(i, spec.surname)) continue;
        Gender g = Gender::Any;
        // Surname + title: 王女士 for 王女士 / 王阿姨 (not 王先生), 陈先生 for 陈立.
        if (const std::size_t tl = title_at(cs, i + sl, g); tl && fits(spec.gender, g)) {
            FactMatch m = span_of(cs, i, i + sl + tl - 1);
            m.uncertain = g == Gender::Any && spec.gender != Gender::Any;
            return m;
        }
        // 小王 / 老王.
        if (i >= 1 && !cs[i].pause && (cs[i - 1].cp == U'小' || cs[i - 1].cp == U'老')) {
            if (!weaker) {
                weaker = span_of(cs, i - 1, i + sl - 1);
                weaker->uncertain = true;
            }
            continue;
        }
        // 姓王: the surname said as a surname.
        if (i >= 1 && !cs[i].pause && cs[i - 1].cp == U'姓' && !weaker) {
            weaker = span_of(cs, i - 1, i + sl - 1);
            weaker->partial = spec.titled ? false : !spec.given.empty();
            weaker->uncertain = true;
        }
    }
    return weaker;
}

std::optional<FactMatch> find_fact(FactKind kind, std::string_view text, std::string_view value,
                                   const FactContext& ctx) {
    if (value.empty() || !valid(text) || !valid(value)) return std::nullopt;
    switch (kind) {
        case FactKind::Phone:
            return find_phone(text, value);
        case FactKind::Room:
            return find_room(text, value);
        case FactKind::Name:
            return find_name(text, value, ctx);
        case FactKind::Other:
            return literal(text, value);
    }
    return std::nullopt;
}

FactKind fact_kind(std::string_view field) {
    if (field == "phone" || field == "contact" || field == "mobile" || field == "id" ||
        field == "id_card")
        return FactKind::Phone;
    if (field == "room") return FactKind::Room;
    if (field == "name" || field == "visitor" || field == "visiting") return FactKind::Name;
    return FactKind::Other;
}

// ------------------------------------------------------------------------------------ [same]

bool same_fact(FactKind kind, std::string_view recorded, std::string_view expected) {
    const ParsedPtr pr = parsed(recorded), px = parsed(expected);
    if (!pr->valid || !px->valid) return false;
    const std::u32string &r = pr->u32, &x = px->u32;
    if (r.empty()) return false;
    if (x.empty()) return true;
    switch (kind) {
        case FactKind::Phone: {
            const std::string &dr = pr->digits, &dx = px->digits;  // spoken_digits of each
            return dx.empty() ? r == x : dr == dx;
        }
        case FactKind::Room: {
            const auto sr = room_spec(*pr), sx = room_spec(*px);
            if (!sx) return r == x;
            return sr && same_number(sr->building, sx->building) && same_number(sr->door, sx->door);
        }
        case FactKind::Name: {
            if (r == x) return true;
            const NameSpec nr = name_spec(pr), nx = name_spec(px);
            if (nr.surname != nx.surname) return false;
            // The surname alone, or with a title that fits, or the full name of a titled one.
            if (r == nx.surname) return true;
            if (nr.titled && nx.titled) return fits(nx.gender, nr.gender);
            return nr.titled != nx.titled && fits(nx.gender, nr.gender);
        }
        case FactKind::Other:
            return r == x;
    }
    return false;
}

// ------------------------------------------------------------------------------------ [memo]

FactsMemo::FactsMemo() : store_(std::make_unique<Store>()), outer_(t_memo) {
    t_memo = store_.get();
}

FactsMemo::~FactsMemo() {
    t_memo = outer_;
}

}  // namespace dd::text
