// Opening the records: a new file is created 0600 with the settings every connection needs; a
// file that is not ours — garbage, another program's SQLite database, a newer DeskDrill's — is
// refused with a clear error and left byte for byte as it was; a read-only file refuses writes.
#include <sys/stat.h>

#include "sim/store/schema.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

TEST(StoreOpen, NewFileIsPrivateWithWalAndFullSync) {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/sub/folder/records.db";
    auto s = must(Store::open(path));
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat((dir + "/sub/folder").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    sql::Db& db = StoreAccess::db(*s);
    EXPECT_EQ(db.query("PRAGMA journal_mode").scalar_text(), "wal");
    EXPECT_EQ(db.query("PRAGMA synchronous").scalar_i64(), 2);  // FULL
    EXPECT_EQ(db.query("PRAGMA foreign_keys").scalar_i64(), 1);
    EXPECT_GT(db.query("PRAGMA busy_timeout").scalar_i64().value_or(0), 0);
    EXPECT_EQ(db.query("PRAGMA user_version").scalar_i64(), schema_version());
    EXPECT_EQ(db.query("PRAGMA application_id").scalar_i64(), kApplicationId);
    EXPECT_TRUE(s->needs_admin());
    s.reset();
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, MissingFileIsNotCreatedWhenAskedNotTo) {
    const std::string dir = make_temp_dir();
    OpenOptions o;
    o.create = false;
    auto r = Store::open(dir + "/none.db", o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(dir + "/none.db"));
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, GarbageFileIsRefusedAndUntouched) {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/notes.db";
    const std::string bytes = "这不是数据库 — just some notes\n" + std::string(5000, 'x');
    write_bytes(path, bytes);
    auto r = Store::open(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::NotADatabase);
    EXPECT_NE(r.error().message.find("left untouched"), std::string::npos) << r.error().message;
    EXPECT_EQ(read_bytes(path), bytes);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, ForeignSqliteDatabaseIsRefusedAndUntouched) {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/other.db";
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "CREATE TABLE people (x); INSERT INTO people VALUES (1);", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(h);
    const std::string bytes = read_bytes(path);
    for (bool read_only : {false, true}) {
        OpenOptions o;
        o.read_only = read_only;
        auto r = Store::open(path, o);
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::Foreign);
        EXPECT_NE(r.error().message.find("another program"), std::string::npos)
            << r.error().message;
    }
    EXPECT_EQ(read_bytes(path), bytes);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, NewerSchemaIsRefusedAndUntouched) {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/newer.db";
    must(Store::open(path)).reset();
    {
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
        const std::string sql = "PRAGMA user_version = " + std::to_string(schema_version() + 1) +
                                "; PRAGMA journal_mode = DELETE;";
        ASSERT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(h);
    }
    const std::string bytes = read_bytes(path);
    auto r = Store::open(path);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::TooNew);
    EXPECT_EQ(read_bytes(path), bytes);
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, FolderIsRefused) {
    const std::string dir = make_temp_dir();
    auto r = Store::open(dir);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::BadInput);
    EXPECT_NE(r.error().message.find("is a folder"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(StoreOpen, EmptyFileBecomesRecords) {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/empty.db";
    write_bytes(path, "");
    auto s = must(Store::open(path));
    EXPECT_EQ(StoreAccess::db(*s).query("PRAGMA user_version").scalar_i64(), schema_version());
    s.reset();
    std::filesystem::remove_all(dir);
}

}  // namespace
