// Safety: what happens to the records when things go wrong.
//   - a writer killed with SIGKILL at random moments during many attempt writes: afterwards the
//     file passes PRAGMA integrity_check, every attempt the writer reported saved is there,
//     complete, and replays to its stored result, and the chains verify;
//   - two processes writing at once: both succeed, every attempt is stored, the chain is whole;
//   - a full disk (PRAGMA max_page_count) and a read-only file: a clear error, nothing already
//     saved is lost.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>

#include "sim/session/hash.h"
#include "sim/store/audit.h"
#include "store_test_support.h"

namespace {

using namespace dd;
using namespace dd::store;
using namespace dd::store::test;

class Safety : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        gold_ = example(true, "T001");
        poor_ = example(false, "T002");
        // The file is written by other processes from here on.
        store_.reset();
        admin_.reset();
    }
    // In a child process: opens the records itself and writes `count` attempts (0 = until
    // killed), writing each saved uuid to `fd` after its commit. Never returns.
    [[noreturn]] void writer(int fd, int count, int salt) {
        auto s = Store::open(path_);
        if (!s) _exit(3);
        auto op = (*s)->operator_session();
        if (!op) _exit(4);
        for (int i = 0; count == 0 || i < count; ++i) {
            session::AttemptRecord r = (i + salt) % 2 ? poor_ : gold_;
            r.uuid = session::new_uuid();
            if (!(*s)->add_attempt(*op, r)) _exit(5);
            const std::string line = r.uuid + "\n";
            if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(6);
        }
        _exit(0);
    }
    static std::vector<std::string> read_lines(int fd) {
        std::string all;
        char buf[4096];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) all.append(buf, static_cast<std::size_t>(n));
        std::vector<std::string> out;
        for (std::size_t at = 0, nl; (nl = all.find('\n', at)) != std::string::npos; at = nl + 1)
            out.push_back(all.substr(at, nl - at));
        return out;
    }
    // Every listed attempt is stored whole and replays to its stored result; the file is sound.
    void expect_all_saved(const std::vector<std::string>& uuids) {
        auto s = must(Store::open(path_));
        sql::Db& db = StoreAccess::db(*s);
        EXPECT_EQ(db.query("PRAGMA integrity_check").scalar_text(), "ok");
        auto op = must(s->operator_session());
        for (const auto& u : uuids) {
            auto d = s->attempt(op, u);
            ASSERT_TRUE(d.ok()) << "attempt " << u << " was reported saved: " << d.error().message;
            ASSERT_EQ(d->results.size(), 1u);
            EXPECT_EQ(d->results[0].criteria.size(),
                      (d->row.trainee == "T001" ? gold_ : poor_).report->criteria.size());
            auto rb = must(s->rebuild(op, u));
            EXPECT_TRUE(rb.matches) << u << ": " << rb.mismatch;
        }
        auto rep = must(audit(*s, op));
        EXPECT_TRUE(rep.ok()) << (rep.issues.empty() ? "" : rep.issues[0].message);
        // Nothing stored but whole attempts: each attempt has its result and criteria.
        EXPECT_EQ(db.query("SELECT count(*) FROM attempts a WHERE NOT EXISTS (SELECT 1 FROM "
                           "results r WHERE r.attempt_seq = a.seq)")
                      .scalar_i64(),
                  0);
    }
    session::AttemptRecord gold_, poor_;
};

TEST_F(Safety, WriterKilledAtRandomMomentsLosesNothingSaved) {
    std::mt19937 rng(20260310);
    std::uniform_int_distribution<int> delay_us(0, 60000);
    std::vector<std::string> saved;
    for (int round = 0; round < 25; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            writer(fds[1], 0, round);
        }
        ::close(fds[1]);
        // The random moment counts from the writer's first saved attempt of the round, not from
        // the fork: on a busy machine opening the file alone can take longer than the window.
        std::string first;
        pollfd pfd{fds[0], POLLIN, 0};
        for (char c = 0; c != '\n' && ::poll(&pfd, 1, 30000) == 1 && ::read(fds[0], &c, 1) == 1;)
            first += c;
        ASSERT_EQ(first.empty() ? '\0' : first.back(), '\n') << "round " << round << ": nothing saved";
        ::usleep(static_cast<useconds_t>(delay_us(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the writer ended by itself";
        first.pop_back();
        saved.push_back(std::move(first));
        for (auto& u : read_lines(fds[0])) saved.push_back(std::move(u));
        ::close(fds[0]);
    }
    EXPECT_GE(saved.size(), 25u) << "the writer saved one at least before each kill";
    std::cout << "[ saved    ] " << saved.size() << " attempts across 25 kills\n";
    expect_all_saved(saved);
}

TEST_F(Safety, TwoProcessesWritingAtOnceBothSucceed) {
    constexpr int kEach = 30;
    int fds[2][2];
    pid_t pids[2];
    for (int w = 0; w < 2; ++w) {
        ASSERT_EQ(::pipe(fds[w]), 0);
        pids[w] = ::fork();
        ASSERT_GE(pids[w], 0);
        if (pids[w] == 0) {
            ::close(fds[w][0]);
            writer(fds[w][1], kEach, w);
        }
        ::close(fds[w][1]);
    }
    std::vector<std::string> saved;
    for (int w = 0; w < 2; ++w) {
        auto lines = read_lines(fds[w][0]);
        ::close(fds[w][0]);
        int status = 0;
        ::waitpid(pids[w], &status, 0);
        ASSERT_TRUE(WIFEXITED(status)) << "writer " << w;
        EXPECT_EQ(WEXITSTATUS(status), 0) << "writer " << w << " failed";
        EXPECT_EQ(lines.size(), static_cast<std::size_t>(kEach));
        saved.insert(saved.end(), lines.begin(), lines.end());
    }
    EXPECT_EQ(std::set<std::string>(saved.begin(), saved.end()).size(), 2u * kEach);
    expect_all_saved(saved);
    auto s = must(Store::open(path_));
    EXPECT_EQ(StoreAccess::db(*s).query("SELECT max(seq) FROM attempts").scalar_i64(), 2 * kEach);
}

TEST_F(Safety, FullDiskGivesAClearErrorAndLosesNothing) {
    std::vector<std::string> saved;
    {
        auto s = must(Store::open(path_));
        auto op = must(s->operator_session());
        for (int i = 0; i < 3; ++i) {
            auto r = gold_;
            r.uuid = session::new_uuid();
            saved.push_back(must(s->add_attempt(op, r)).uuid);
        }
    }
    std::int64_t pages = 0;
    {
        auto s = must(Store::open(path_));
        pages = *StoreAccess::db(*s).query("PRAGMA page_count").scalar_i64();
    }
    OpenOptions full;
    full.max_page_count = pages;
    auto s = must(Store::open(path_, full));
    auto op = must(s->operator_session());
    // A scenario never stored before needs new pages: the "disk" is full.
    auto big = poor_;
    big.uuid = session::new_uuid();
    auto text = std::make_shared<const std::string>(*big.scenario.text + "\n#" +
                                                    std::string(200000, 'x') + "\n");
    big.scenario.text = text;
    big.scenario.hash = session::sha256_hex(*text);
    auto r = s->add_attempt(op, big);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::Full);
    EXPECT_NE(r.error().message.find("the disk is full"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("what was saved before is intact"), std::string::npos);
    s.reset();
    expect_all_saved(saved);
    auto again = must(Store::open(path_));
    EXPECT_EQ(must(again->attempts(must(again->operator_session()), {})).size(), 3u);
}

TEST_F(Safety, ReadOnlyFileGivesAClearErrorAndLosesNothing) {
    std::vector<std::string> saved;
    {
        auto s = must(Store::open(path_));
        auto op = must(s->operator_session());
        for (int i = 0; i < 2; ++i) {
            auto r = gold_;
            r.uuid = session::new_uuid();
            saved.push_back(must(s->add_attempt(op, r)).uuid);
        }
    }
    ASSERT_EQ(::chmod(path_.c_str(), 0444), 0);
    const std::string before = read_bytes(path_);
    auto w = Store::open(path_);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().code, ErrorCode::ReadOnly);
    EXPECT_NE(w.error().message.find("read-only"), std::string::npos) << w.error().message;
    EXPECT_NE(w.error().message.find("nothing was changed"), std::string::npos);
    OpenOptions ro;
    ro.read_only = true;
    {
        auto r = must(Store::open(path_, ro));
        auto op = must(r->operator_session());
        EXPECT_EQ(must(r->attempts(op, {})).size(), 2u) << "still readable";
        auto a = r->add_attempt(op, gold_);
        ASSERT_FALSE(a.ok());
        EXPECT_EQ(a.error().code, ErrorCode::ReadOnly);
    }
    EXPECT_EQ(read_bytes(path_), before);
    ASSERT_EQ(::chmod(path_.c_str(), 0600), 0);
    expect_all_saved(saved);
}

}  // namespace
