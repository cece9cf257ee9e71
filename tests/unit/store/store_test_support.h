// Test support for the records store: a fresh database in a temporary folder with an admin, a
// supervisor and trainees; the client's example played gold and poor into records; raw SQLite
// access for what a test must do behind the store's back (tampering, pragmas).
#pragma once
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "sim/store/store.h"
#include "sim/store/store_internal.h"
#include "tests/unit/session/session_test_support.h"

namespace dd::store::test {

inline std::string make_temp_dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "deskdrill-store-XXXXXX").string();
    char* dir = mkdtemp(tmpl.data());
    EXPECT_NE(dir, nullptr);
    return tmpl;
}

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Expects ok and returns the value.
template <typename T>
T must(Result<T> r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    if (!r.ok()) throw std::runtime_error(r.error().message);
    return std::move(r.value());
}

inline const std::string kAdminPassword = "admin-pass-1";
inline const std::string kSupervisorPassword = "super-pass-1";

// A records database with: admin A001, supervisor S001 (site 阳光花园), trainees T001 and T002
// (阳光花园, cohort 2026-春) and T003 (翠湖苑, cohort 2026-春).
class StoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        path_ = dir_ + "/records.db";
        store_ = must(Store::open(path_));
        NewPerson admin{Role::Admin, "A001", "管理员", "", "", kAdminPassword, ""};
        admin_ = std::make_unique<Principal>(must(store_->create_first_admin(admin)));
        must(store_->add_person(*admin_, {Role::Supervisor, "S001", "李主管", "阳光花园", "",
                                          kSupervisorPassword, ""}));
        must(store_->add_person(*admin_, {Role::Trainee, "T001", "张三", "阳光花园", "2026-春", "", ""}));
        must(store_->add_person(*admin_, {Role::Trainee, "T002", "李四", "阳光花园", "2026-春", "", ""}));
        must(store_->add_person(*admin_, {Role::Trainee, "T003", "王五", "翠湖苑", "2026-春", "", ""}));
    }
    void TearDown() override {
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // The example played (gold or poor) as `trainee`, ready to store.
    static session::AttemptRecord example(bool gold, const std::string& trainee,
                                          session::Mode mode = session::Mode::Practice,
                                          session::Origin origin = session::Origin::Imported) {
        using namespace session::test;
        session::ReplayOptions o;
        o.mode = mode;
        o.trainee = trainee;
        o.origin = origin;
        return session::replay_attempt(scenario(), transcript(gold ? kGoldYaml : kPoorYaml),
                                       *resources(), o);
    }

    sql::Db& db() { return StoreAccess::db(*store_); }

    std::string dir_;
    std::string path_;
    std::shared_ptr<Store> store_;
    std::unique_ptr<Principal> admin_;
};

}  // namespace dd::store::test
