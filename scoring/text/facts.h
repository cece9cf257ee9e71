// Facts in any notation: phone numbers, rooms and names as a trainee says or types them, found
// in free text and compared between a form and the scenario. One normaliser for the privacy
// check, the repeat-back and the record checks (issue 12; the rubric's find_phone/find_room/
// find_name move onto this in its phase 2).
//
//   find_fact(FactKind::Phone, "电话一三八 0000.1111,对吧", "13800001111")  → the span of 一三八
//   0000.1111 find_fact(FactKind::Room, "她住九号楼十二层零三那户", "9-1203")         →
//   九号楼十二层零三 find_fact(FactKind::Name, "好的陈先生", "陈立")                         →
//   陈先生 same_fact(FactKind::Room, "３棟１２０２室", "3-1202")                     → true
//
// What is read (the text is normalised first: traditional → simplified, full-width → half-width):
// - numerals: 0-9, 零〇 一幺 二两 三…九, and 十百千 in counted numbers (十二楼, 五百零二); a run of
//   numerals said digit by digit (一三八, 一二零二) is its digits;
// - separators inside a number: spaces, dots, dashes, commas and other marks that do not end a
//   sentence (138.0000.1111, 138-0000-1111, 138 0000 1111);
// - rooms "B-FFUU" (3-1202, 6-502): building and door with any separator or word between
//   (3栋1202, 3号楼1202室, 3#1202, 三栋一二零二), or building, floor and door
//   (3号楼12层02室, 3幢12楼2号, 九号楼十二层零三); building and floor alone (3栋12楼) is a partial
//   match, as is the door alone when it is said as a room (1202室);
// - names: the full name, the surname with a title that fits (先生 / 女士 小姐 阿姨 / 师傅 老师…),
//   小王 / 老王, or 姓王 — the surname forms only when no other person in `others` shares it.
// Near misses that never match: another number (13800001112), a longer number (a digit more with
// no separator), an amount (1202元), a time (12点02分), a room of another building.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dd::text {

enum class FactKind : unsigned char { Phone, Room, Name, Other };

// The kind of a record field: phone/contact/mobile/id/id_card → Phone (a number said in
// digits), room → Room, name/visitor/visiting → Name, anything else → Other (compared as text).
FactKind fact_kind(std::string_view field);

struct FactMatch {
    std::size_t begin = 0;  // bytes of the text as given
    std::size_t end = 0;
    bool partial = false;    // part of the fact only: building and floor, a door without building
    bool uncertain = false;  // a reading that could be wrong (a neutral title, a surname alone)
};

// Who else the scenario names, for names: a surname shared with one of them is no proof.
struct FactContext {
    std::vector<std::string> other_names;
};

// Where `value` (as the scenario or a form writes it) is said in `text`, in any notation: the
// first full match, else the first partial one. nullopt for invalid UTF-8 or an empty value.
std::optional<FactMatch> find_fact(FactKind kind, std::string_view text, std::string_view value,
                                   const FactContext& ctx = {});
std::optional<FactMatch> find_phone(std::string_view text, std::string_view phone);
std::optional<FactMatch> find_room(std::string_view text, std::string_view room);
std::optional<FactMatch> find_name(std::string_view text, std::string_view name,
                                   const FactContext& ctx = {});

// An amount of money in any notation: 2.5元, 2块5, 两块五, 二点五元, 222块5, 80块钱, 一百元.
// `value` as a scenario writes it ("2.5元"); nullopt when it is not an amount (a number then
// 元 or 块) or the text does not say it. A number inside a longer one (13元 for 3元) is not it.
std::optional<FactMatch> find_amount(std::string_view text, std::string_view value);
// Every amount the text says, as {value in yuan, span}: for telling a wrong amount apart.
struct Amount {
    double yuan = 0;
    FactMatch at;
};
std::vector<Amount> amounts(std::string_view text);

// Whether a value recorded in a form means the expected one (any notation, traditional or
// simplified, full- or half-width; a name by surname and a fitting title, or the surname alone).
bool same_fact(FactKind kind, std::string_view recorded, std::string_view expected);

// The digits a text says, in order, however written ("一三八 0000-1111" → "13800001111";
// "十二" → "12"); "" when it says none.
std::string spoken_digits(std::string_view text);

// While one lives (on this thread), each text the finders read is normalised and split into
// numerals once and reused: scoring one attempt asks about the same replies and values for
// every fact of every check. Results are the same with or without it. Scope it to one attempt
// (score_attempt does) so that memory stays bounded by the attempt's texts.
class FactsMemo {
  public:
    FactsMemo();
    ~FactsMemo();
    FactsMemo(const FactsMemo&) = delete;
    FactsMemo& operator=(const FactsMemo&) = delete;

    struct Store;

  private:
    std::unique_ptr<Store> store_;
    Store* outer_;
};

}  // namespace dd::text
