// People and roles through the store's API: the first admin, passwords (argon2id), sessions;
// what each role may do; a trainee's session reads only that trainee's records.
#include <sodium.h>

#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

class People : public StoreTest {};

TEST_F(People, FirstAdminOnlyOnce) {
    EXPECT_FALSE(store_->needs_admin());
    auto again = store_->create_first_admin({Role::Admin, "A002", "又一个", "", "", "password-2", ""});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::Conflict);
}

TEST_F(People, PasswordsAreArgon2idAndChecked) {
    auto hash = db().query("SELECT password_hash FROM people WHERE employee_no = 'S001'").scalar_text();
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_EQ(hash->find(kSupervisorPassword), std::string::npos);
    auto ok = store_->login("S001", kSupervisorPassword);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->role(), Role::Supervisor);
    auto bad = store_->login("S001", "wrong-password");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::Denied);
    EXPECT_FALSE(store_->login("T001", "anything-at-all").ok()) << "trainees have no password";
    EXPECT_FALSE(store_->login("nobody", kSupervisorPassword).ok());
}

TEST_F(People, HashesUseOwaspsLimitsAndAnOlderHashIsRemadeAtLogin) {
    auto hash =
        db().query("SELECT password_hash FROM people WHERE employee_no = 'S001'").scalar_text();
    ASSERT_TRUE(hash);
    EXPECT_NE(hash->find("$m=19456,t=2,p=1$"), std::string::npos) << *hash;
    // An older release hashed at libsodium's INTERACTIVE limits (64 MiB): it still logs in, and
    // the hash is remade under today's limits; a wrong password changes nothing.
    ASSERT_EQ(sodium_init() < 0, false);
    char old_hash[crypto_pwhash_STRBYTES];
    ASSERT_EQ(
        crypto_pwhash_str(old_hash, kSupervisorPassword.data(), kSupervisorPassword.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE),
        0);
    db().query("UPDATE people SET password_hash = ?1 WHERE employee_no = 'S001'")
        .with(std::string(old_hash))
        .run();
    auto stored = [&] {
        return *db().query("SELECT password_hash FROM people WHERE employee_no = 'S001'")
                    .scalar_text();
    };
    EXPECT_FALSE(store_->login("S001", "wrong-password").ok());
    EXPECT_EQ(stored(), old_hash);
    auto ok = store_->login("S001", kSupervisorPassword);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_NE(stored(), old_hash);
    EXPECT_NE(stored().find("$m=19456,t=2,p=1$"), std::string::npos) << stored();
    EXPECT_TRUE(store_->login("S001", kSupervisorPassword).ok());
}

TEST_F(People, BadInputIsRefusedWithReasons) {
    auto shortpw = store_->add_person(*admin_, {Role::Supervisor, "S009", "短", "", "", "short", ""});
    ASSERT_FALSE(shortpw.ok());
    EXPECT_EQ(shortpw.error().code, ErrorCode::BadInput);
    EXPECT_EQ(shortpw.error().message, "a password needs at least 8 characters");
    auto dup = store_->add_person(*admin_, {Role::Trainee, "T001", "重复", "", "", "", ""});
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, ErrorCode::Conflict);
    EXPECT_EQ(dup.error().message, "employee number 'T001' is taken already");
    auto spaced = store_->add_person(*admin_, {Role::Trainee, "T 9", "空格", "", "", "", ""});
    ASSERT_FALSE(spaced.ok());
    EXPECT_EQ(spaced.error().code, ErrorCode::BadInput);
    auto trainee_pw = store_->add_person(*admin_, {Role::Trainee, "T009", "甲", "", "", "password-9", ""});
    ASSERT_FALSE(trainee_pw.ok());
}

TEST_F(People, SupervisorAddsTraineesButNotStaff) {
    auto sup = must(store_->login("S001", kSupervisorPassword));
    EXPECT_TRUE(store_->add_person(sup, {Role::Trainee, "T010", "新人", "阳光花园", "2026-夏", "", ""}).ok());
    auto staff = store_->add_person(sup, {Role::Supervisor, "S010", "另一个主管", "", "", "password-10", ""});
    ASSERT_FALSE(staff.ok());
    EXPECT_EQ(staff.error().code, ErrorCode::Denied);
    auto pw = store_->set_password(sup, "A001", "new-password");
    ASSERT_FALSE(pw.ok());
    EXPECT_EQ(pw.error().code, ErrorCode::Denied);
    EXPECT_TRUE(store_->set_password(sup, "S001", "new-password").ok()) << "their own";
    EXPECT_TRUE(store_->login("S001", "new-password").ok());
}

TEST_F(People, TraineeSeesOnlyThemselves) {
    auto t1 = must(store_->trainee_session("T001"));
    auto all = must(store_->people(t1));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].employee_no, "T001");
    auto other = store_->person(t1, "T002");
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, ErrorCode::Denied);
    EXPECT_EQ(other.error().message, "a trainee's session reads only that trainee's own records");
    EXPECT_TRUE(store_->person(t1, "T001").ok());
    auto add = store_->add_person(t1, {Role::Trainee, "T011", "自己加", "", "", "", ""});
    ASSERT_FALSE(add.ok());
    EXPECT_EQ(add.error().code, ErrorCode::Denied);
    auto upd = store_->update_person(t1, "T001", {std::string("改名"), {}, {}, {}});
    ASSERT_FALSE(upd.ok());
    EXPECT_EQ(upd.error().code, ErrorCode::Denied);
}

TEST_F(People, StaffListsAndFiltersPeople) {
    auto sup = must(store_->login("S001", kSupervisorPassword));
    PeopleFilter f;
    f.role = Role::Trainee;
    f.site = "阳光花园";
    auto list = must(store_->people(sup, f));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].employee_no, "T001");
    EXPECT_EQ(list[1].employee_no, "T002");
    EXPECT_EQ(list[0].cohort, "2026-春");
}

TEST_F(People, DeactivatedPrincipalStopsWorking) {
    auto t2 = must(store_->trainee_session("T002"));
    must(store_->update_person(*admin_, "T002", {{}, {}, {}, false}));
    auto r = store_->people(t2);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Denied);
    EXPECT_FALSE(store_->trainee_session("T002").ok());
    PeopleFilter all;
    all.include_inactive = true;
    EXPECT_EQ(must(store_->people(*admin_, all)).size(), 5u);
    EXPECT_EQ(must(store_->people(*admin_)).size(), 4u);
}

TEST_F(People, PrincipalOfAnotherStoreIsRefused) {
    const std::string other_path = dir_ + "/other.db";
    auto other = must(Store::open(other_path));
    auto other_admin = must(other->create_first_admin({Role::Admin, "A001", "别处", "", "", kAdminPassword, ""}));
    auto r = store_->people(other_admin);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Denied);
}

TEST_F(People, PeopleAreNeverDeletedAndUuidsNeverChange) {
    char* err = nullptr;
    EXPECT_NE(sqlite3_exec(db().handle(), "DELETE FROM people WHERE employee_no = 'T003'", nullptr,
                           nullptr, &err),
              SQLITE_OK);
    sqlite3_free(err);
    EXPECT_NE(sqlite3_exec(db().handle(), "UPDATE people SET uuid = 'x' WHERE employee_no = 'T003'",
                           nullptr, nullptr, &err),
              SQLITE_OK);
    sqlite3_free(err);
}

TEST_F(People, OperatorIsTheFirstAdmin) {
    auto op = must(store_->operator_session());
    EXPECT_EQ(op.employee_no(), "A001");
    EXPECT_EQ(op.role(), Role::Admin);
}

}  // namespace
