// Facts in any notation (scoring/text/facts.h): phones, rooms and names found in real-looking
// replies, compared between a form and the scenario, and the near misses that must not match.
#include <gtest/gtest.h>

#include <string>

#include "scoring/text/facts.h"

namespace dd::text {
namespace {

// The words a match covers in `text`, or "-" when there is none.
std::string found(const std::optional<FactMatch>& m, const std::string& text) {
    if (!m) return "-";
    return text.substr(m->begin, m->end - m->begin);
}

std::string phone(const std::string& text, const std::string& value = "13800001111") {
    return found(find_phone(text, value), text);
}

std::string room(const std::string& text, const std::string& value = "3-1202") {
    return found(find_room(text, value), text);
}

std::string name(const std::string& text, const std::string& value,
                 const std::vector<std::string>& others = {}) {
    FactContext ctx;
    ctx.other_names = others;
    return found(find_name(text, value, ctx), text);
}

// ----------------------------------------------------------------------------------- phones

TEST(FactsPhone, DigitsInAnyGroupingAndNotation) {
    EXPECT_EQ(phone("王女士,跟您确认一下,电话13800001111。"), "13800001111");
    EXPECT_EQ(phone("我念一下号码:138 0000 1111,对吧?"), "138 0000 1111");
    EXPECT_EQ(phone("他的手机是138.0000.1111"), "138.0000.1111");
    EXPECT_EQ(phone("号码是138-0000-1111。"), "138-0000-1111");
    EXPECT_EQ(phone("号码是１３８－００００－１１１１。"), "１３８－００００－１１１１");
    EXPECT_EQ(phone("电话是一三八零零零零一一一一。"), "一三八零零零零一一一一");
    EXPECT_EQ(phone("幺三八,零零零零,幺幺幺幺,您记一下。"), "幺三八,零零零零,幺幺幺幺");
    EXPECT_EQ(phone("一三八〇〇〇〇 1111"), "一三八〇〇〇〇 1111");
    EXPECT_EQ(phone("+86 138 0000 1111"), "138 0000 1111");
    EXPECT_EQ(phone("電話一三八零零零零一一一一"), "一三八零零零零一一一一");  // traditional
}

TEST(FactsPhone, NearMissesDoNotMatch) {
    EXPECT_EQ(phone("电话13800001112"), "-");                  // another number
    EXPECT_EQ(phone("电话1380000111"), "-");                   // a digit short
    EXPECT_EQ(phone("单号138000011119"), "-");                 // a digit more, no separator
    EXPECT_EQ(phone("8613800001111"), "-");                    // glued to a prefix
    EXPECT_EQ(phone("物业费138元,押金0000,11点11分来"), "-");  // separate sentences of numbers
    EXPECT_EQ(phone("13800001111", "13800001111"), "13800001111");
    EXPECT_EQ(phone("电话138。0000。1111"), "-");  // sentence ends are not separators
    EXPECT_EQ(phone(""), "-");
    EXPECT_EQ(phone("\xff\xfe"), "-");
}

TEST(FactsPhone, ShortValuesMatchAsWritten) {
    EXPECT_EQ(phone("请拨119", "119"), "119");
    EXPECT_EQ(phone("请拨110", "119"), "-");
}

// ------------------------------------------------------------------------------------ rooms

TEST(FactsRoom, BuildingAndDoorWithAnySeparator) {
    EXPECT_EQ(room("跟您确认一下:3栋1202,楼上装修。"), "3栋1202");
    EXPECT_EQ(room("您是3-1202的业主吧"), "3-1202");
    EXPECT_EQ(room("3号楼1202室的王女士"), "3号楼1202室");
    EXPECT_EQ(room("3幢1202"), "3幢1202");
    EXPECT_EQ(room("3#1202"), "3#1202");
    EXPECT_EQ(room("住 3 1202"), "3 1202");
    EXPECT_EQ(room("三栋一二零二,对吗?"), "三栋一二零二");
    EXPECT_EQ(room("３棟１２０２室"), "３棟１２０２室");  // traditional, full-width
    EXPECT_EQ(room("2栋601的郑女士", "2-0601"), "2栋601");
    EXPECT_EQ(room("六号楼五零二", "6-502"), "六号楼五零二");
    EXPECT_EQ(room("六号楼五百零二", "6-502"), "六号楼五百零二");
}

TEST(FactsRoom, BuildingFloorAndDoorInWords) {
    EXPECT_EQ(room("3号楼12层02室"), "3号楼12层02室");
    EXPECT_EQ(room("就是3幢12楼2号那户"), "3幢12楼2号");
    EXPECT_EQ(room("她住九号楼十二层零三那户", "9-1203"), "九号楼十二层零三");
    EXPECT_EQ(room("3-12-02"), "3-12-02");
    EXPECT_EQ(room("三栋十二楼二号"), "三栋十二楼二号");
}

TEST(FactsRoom, PartialDisclosuresAreMarked) {
    const std::string t = "他住3栋12楼,具体哪户我不能说。";
    const auto m = find_room(t, "3-1202");
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->partial);
    EXPECT_EQ(found(m, t), "3栋12楼");
    const std::string d = "您是1202室的吧";
    const auto md = find_room(d, "3-1202");
    ASSERT_TRUE(md);
    EXPECT_TRUE(md->partial);
    EXPECT_EQ(found(md, d), "1202室");
    const auto full = find_room("3栋1202", "3-1202");
    ASSERT_TRUE(full);
    EXPECT_FALSE(full->partial);
}

TEST(FactsRoom, NearMissesDoNotMatch) {
    EXPECT_EQ(room("3栋1203"), "-");         // another door
    EXPECT_EQ(room("5栋1202"), "-");         // another building
    EXPECT_EQ(room("下午12点02分到"), "-");  // a time
    EXPECT_EQ(room("物业费1202元"), "-");    // an amount
    EXPECT_EQ(room("3号下午12点来"), "-");   // a date and a time
    EXPECT_EQ(room("3栋12楼05室"), "-");     // the same floor, another door
    EXPECT_EQ(room("3个人12分钟"), "-");
    EXPECT_EQ(room("1202"), "-");  // a bare number is no room
}

// ------------------------------------------------------------------------------------ names

TEST(FactsName, FullNameSurnameAndTitle) {
    EXPECT_EQ(name("好的陈先生,我记下了", "陈立"), "陈先生");
    EXPECT_EQ(name("陈立先生,电话15800112233", "陈立"), "陈立");
    EXPECT_EQ(name("王阿姨您好", "王女士"), "王阿姨");
    EXPECT_EQ(name("王女士,跟您确认一下", "王女士"), "王女士");
    EXPECT_EQ(name("吳建國先生", "吴建国"), "吳建國");  // traditional
    EXPECT_EQ(name("欧阳先生您好", "欧阳先生"), "欧阳先生");
    EXPECT_EQ(name("司马女士,请稍等", "司马女士"), "司马女士");
    EXPECT_EQ(name("王师傅,麻烦您", "王女士"), "王师傅");
}

TEST(FactsName, SurnameAloneOnlyWhenUnambiguous) {
    EXPECT_EQ(name("您姓王对吧?", "王女士"), "姓王");
    EXPECT_EQ(name("小刘在吗", "刘女士"), "小刘");
    // Another person of the scenario is a 王 too: the surname proves nothing.
    EXPECT_EQ(name("王师傅,麻烦您", "王女士", {"王先生"}), "-");
    EXPECT_EQ(name("王女士您好", "王女士", {"王先生"}), "王女士");  // the full form still does
}

TEST(FactsName, NearMissesDoNotMatch) {
    EXPECT_EQ(name("王先生您好", "王女士"), "-");  // another person
    EXPECT_EQ(name("李女士您好", "王女士"), "-");
    EXPECT_EQ(name("我们去王府井", "王女士"), "-");  // the character in another word
    EXPECT_EQ(name("陈列在大厅", "陈立"), "-");
}

// -------------------------------------------------------------------------------- same_fact

TEST(FactsSame, RecordedValuesInAnyNotation) {
    EXPECT_TRUE(same_fact(FactKind::Phone, "138 0000 1111", "13800001111"));
    EXPECT_TRUE(same_fact(FactKind::Phone, "１３８００００１１１１", "13800001111"));
    EXPECT_TRUE(same_fact(FactKind::Phone, "一三八零零零零一一一一", "13800001111"));
    EXPECT_FALSE(same_fact(FactKind::Phone, "13800001112", "13800001111"));
    EXPECT_TRUE(same_fact(FactKind::Room, "3栋1202", "3-1202"));
    EXPECT_TRUE(same_fact(FactKind::Room, "３棟１２０２室", "3-1202"));
    EXPECT_TRUE(same_fact(FactKind::Room, "3号楼12层02室", "3-1202"));
    EXPECT_TRUE(same_fact(FactKind::Room, "2-601", "2-0601"));
    EXPECT_FALSE(same_fact(FactKind::Room, "3-1203", "3-1202"));
    EXPECT_FALSE(same_fact(FactKind::Room, "1202", "3-1202"));
    EXPECT_TRUE(same_fact(FactKind::Name, "陳立", "陈立"));
    EXPECT_TRUE(same_fact(FactKind::Name, "王", "王女士"));
    EXPECT_TRUE(same_fact(FactKind::Name, "王阿姨", "王女士"));
    EXPECT_TRUE(same_fact(FactKind::Name, "陈先生", "陈立"));
    EXPECT_FALSE(same_fact(FactKind::Name, "王先生", "王女士"));
    EXPECT_FALSE(same_fact(FactKind::Name, "李女士", "王女士"));
    EXPECT_FALSE(same_fact(FactKind::Name, "", "王女士"));
    EXPECT_TRUE(same_fact(FactKind::Other, "楼道垃圾 ", "楼道垃圾"));
}

TEST(FactsSame, FieldKinds) {
    EXPECT_EQ(fact_kind("phone"), FactKind::Phone);
    EXPECT_EQ(fact_kind("contact"), FactKind::Phone);
    EXPECT_EQ(fact_kind("room"), FactKind::Room);
    EXPECT_EQ(fact_kind("name"), FactKind::Name);
    EXPECT_EQ(fact_kind("issue"), FactKind::Other);
    EXPECT_EQ(spoken_digits("一三八 0000-1111"), "13800001111");
    EXPECT_EQ(spoken_digits("十二楼"), "12");
    EXPECT_EQ(spoken_digits("一千二百零二"), "1202");
    EXPECT_EQ(spoken_digits("没有数字"), "");
}

}  // namespace
}  // namespace dd::text

namespace dd::text {
namespace {

std::string amount_said(const std::string& text, const std::string& value) {
    return found(find_amount(text, value), text);
}

TEST(FactsAmount, AnAmountInAnyNotation) {
    EXPECT_EQ(amount_said("每平方米每月2.5元,您家", "2.5元"), "2.5元");
    EXPECT_EQ(amount_said("一平两块五", "2.5元"), "两块五");
    EXPECT_EQ(amount_said("一个月222块5。", "222.5元"), "222块5");
    EXPECT_EQ(amount_said("二点五元一平", "2.5元"), "二点五元");
    EXPECT_EQ(amount_said("地下车位一个月80块,前台交", "80元"), "80块");
    EXPECT_EQ(amount_said("每月八十元", "80元"), "八十元");
    EXPECT_EQ(amount_said("每月１００元", "100元"), "１００元");
    EXPECT_EQ(amount_said("一百块钱", "100元"), "一百块");
}

TEST(FactsAmount, NearMissesAreNotTheAmount) {
    EXPECT_EQ(amount_said("每平方米13元", "3元"), "-");
    EXPECT_EQ(amount_said("2.5元", "5元"), "-");
    EXPECT_EQ(amount_said("3栋1202", "1202元"), "-");
    EXPECT_EQ(amount_said("80个车位", "80元"), "-");
    EXPECT_EQ(amount_said("2.5元", "2.5"), "-");  // not an amount: no 元
    ASSERT_EQ(amounts("物业费2.5元,车位80块,临停每小时2元").size(), 3u);
    EXPECT_DOUBLE_EQ(amounts("物业费2.5元,车位80块,临停每小时2元")[0].yuan, 2.5);
}

}  // namespace
}  // namespace dd::text
