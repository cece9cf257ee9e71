// A message for people, as data: an i18n key and named arguments. The core (engine, scorer)
// builds messages; only a renderer with a string table (strings.h) turns them into words, so the
// same refusal or piece of evidence reads in Chinese or English and carries no prose of its own.
//
//   Message("note.rings_ok").num("max", 3)                      → "3 声之内接听"
//   Message("note.contains").msg("act", act_ref("greeting"))     → "包含「问候」"
//
// Arguments: text (written by a person — a reply, a scenario line, a name: shown as is), a number,
// a label (a value of a closed vocabulary, shown as the table's word for prefix + value), a
// duration (words per language: 「1分30秒」/"1 min 30 s"), a nested message, and a list of
// messages joined by a word of the table (「、」/", ").
//
// A message and everything nested in it is one flat vector of nodes (preorder, each nested
// message or list followed by its own nodes): the engine and the checks build one for every
// refusal, log entry and piece of evidence, so a tree costs one allocation, not one per node.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace dd::i18n {

// One argument: its name, and what it holds. Keys, names and prefixes are string views of static
// text — the code tables (codes.h) and literals.
struct Node {
    enum class Kind : std::uint8_t { Text, Number, Label, Duration, Nested, List, Item };
    Kind kind = Kind::Text;
    std::string_view name;    // the argument's name ("" for an item of a list)
    std::string_view key;     // Label: the key prefix ("act."); Nested, Item: the message's key;
                              // List: the joiner's key ("join.and"; "" joins with nothing)
    std::string text;         // Text: as written; Label: the value
    std::int64_t number = 0;  // Number; Duration in milliseconds
    std::uint32_t span = 0;   // Nested, Item, List: how many nodes that follow are its own

    bool operator==(const Node&) const = default;
};

// A leaf argument made apart from its message (a name, or a label, whichever applies).
using Arg = Node;

struct Message {
    std::string_view key;
    std::vector<Node> nodes;  // the arguments, with nested messages' nodes after their own

    Message() = default;
    explicit Message(std::string_view k) : key(k) {}
    // A key must outlive the message: never a temporary string.
    template <class S, class = std::enable_if_t<std::is_same_v<S, std::string>>>
    explicit Message(S&&) = delete;
    bool empty() const { return key.empty(); }
    bool operator==(const Message&) const = default;

    // Builders; each returns the message so that calls chain.
    Message& text(std::string_view name, std::string value) & {
        add(name, Node::Kind::Text).text = std::move(value);
        return *this;
    }
    Message& num(std::string_view name, std::int64_t value) & {
        add(name, Node::Kind::Number).number = value;
        return *this;
    }
    Message& label(std::string_view name, std::string_view prefix, std::string value) & {
        Node& n = add(name, Node::Kind::Label);
        n.key = prefix;
        n.text = std::move(value);
        return *this;
    }
    Message& duration(std::string_view name, std::int64_t ms) & {
        add(name, Node::Kind::Duration).number = ms;
        return *this;
    }
    Message& msg(std::string_view name, Message m) & {
        append(name, Node::Kind::Nested, std::move(m));
        return *this;
    }
    // `joiner`: the key of the word between items ("join.and" → 「、」); "" joins with nothing.
    Message& list(std::string_view name, std::vector<Message> items, std::string_view joiner) & {
        std::size_t total = 0;
        for (const auto& m : items) total += 1 + m.nodes.size();
        reserve_more(1 + total);
        Node& l = add(name, Node::Kind::List);
        l.key = joiner;
        l.span = static_cast<std::uint32_t>(total);
        for (auto& m : items) append({}, Node::Kind::Item, std::move(m));
        return *this;
    }
    // An argument made apart (text_arg, label_arg).
    Message& with(std::string_view name, Arg a) & {
        a.name = name;
        reserve_more(1);
        nodes.push_back(std::move(a));
        return *this;
    }
    Message&& text(std::string_view n, std::string v) && {
        return std::move(text(n, std::move(v)));
    }
    Message&& num(std::string_view n, std::int64_t v) && { return std::move(num(n, v)); }
    Message&& label(std::string_view n, std::string_view p, std::string v) && {
        return std::move(label(n, p, std::move(v)));
    }
    Message&& duration(std::string_view n, std::int64_t ms) && {
        return std::move(duration(n, ms));
    }
    Message&& msg(std::string_view n, Message m) && { return std::move(msg(n, std::move(m))); }
    Message&& list(std::string_view n, std::vector<Message> items, std::string_view joiner) && {
        return std::move(list(n, std::move(items), joiner));
    }
    Message&& with(std::string_view n, Arg a) && { return std::move(with(n, std::move(a))); }

  private:
    void reserve_more(std::size_t n) {
        // Most trees have a handful of nodes: one allocation for them.
        if (nodes.capacity() < nodes.size() + n)
            nodes.reserve(std::max<std::size_t>(4, std::max(nodes.size() + n, 2 * nodes.size())));
    }
    Node& add(std::string_view name, Node::Kind kind) {
        reserve_more(1);
        Node& n = nodes.emplace_back();
        n.kind = kind;
        n.name = name;
        return n;
    }
    void append(std::string_view name, Node::Kind kind, Message m) {
        reserve_more(1 + m.nodes.size());
        Node& head = add(name, kind);
        head.key = m.key;
        head.span = static_cast<std::uint32_t>(m.nodes.size());
        for (auto& n : m.nodes) nodes.push_back(std::move(n));
    }
};

inline Arg text_arg(std::string value) {
    Arg a;
    a.text = std::move(value);
    return a;
}
inline Arg label_arg(std::string_view prefix, std::string value) {
    Arg a;
    a.kind = Node::Kind::Label;
    a.key = prefix;
    a.text = std::move(value);
    return a;
}

// A message that only shows a label ("act.greeting"), for lists of vocabulary words.
inline Message label_msg(std::string_view prefix, std::string value) {
    return Message("word.label").label("label", prefix, std::move(value));
}
// A message that only shows text as written, for lists of names or quoted words.
inline Message text_msg(std::string value) {
    return Message("word.text").text("text", std::move(value));
}

// Walking a message: the arguments of the message whose nodes are [first, last), each with the
// range of its own nodes (a nested message's arguments, a list's items).
template <class F>
void for_each_arg(const Node* first, const Node* last, F&& f) {
    for (const Node* n = first; n < last; n += 1 + n->span) f(*n, n + 1, n + 1 + n->span);
}

}  // namespace dd::i18n
