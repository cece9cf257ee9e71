// The hub against a real PostgreSQL 15 (issue 14): sync round trips from three desks whose
// reports the hub's must add up to; what headquarters publishes taken in at the desks; a sync
// killed at random moments and resumed, the server restarted during a sync, two sites syncing
// at once — nothing lost, nothing counted twice; a chain cut off its end refused; a desk with
// no network syncing later; a site's role kept to its own rows.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "hub_test_support.h"
#include "sim/store/rescore.h"

namespace {

using namespace dd;
using namespace dd::hub;
using namespace dd::hub::test;

// The reports of several sources added up as the hub must add them: sums of every count, the
// rates and means computed from the sums by the store's own code.
store::GroupReport combined(const std::vector<store::GroupReport>& parts) {
    store::GroupReport out = parts.front();
    out.trainees = 0;
    out.figures = {};
    out.criteria.clear();
    out.scenarios.clear();
    out.result_set.versions.clear();
    std::map<std::string, store::CriterionFigure> criteria;
    std::map<std::string, std::array<std::int64_t, 3>> scenarios;  // attempts, passed, score sum
    std::map<std::string, std::int64_t> versions;
    for (const auto& p : parts) {
        out.trainees += p.trainees;
        auto& g = out.figures;
        const auto& h = p.figures;
        g.attempts += h.attempts, g.passed += h.passed, g.score_sum += h.score_sum;
        g.max_sum += h.max_sum, g.finished += h.finished, g.abandoned += h.abandoned;
        g.timed_out += h.timed_out, g.phone_calls += h.phone_calls;
        g.phone_within_3 += h.phone_within_3, g.response_n += h.response_n;
        g.response_ms += h.response_ms, g.resolution_n += h.resolution_n;
        g.resolution_ms += h.resolution_ms, g.complaint_attempts += h.complaint_attempts;
        g.complaint_passed += h.complaint_passed;
        for (const auto& c : p.criteria) {
            auto& t = criteria[c.id];
            t.id = c.id, t.title = c.title, t.category = c.category;
            t.n += c.n, t.points += c.points, t.max_points += c.max_points, t.passed += c.passed;
        }
        for (const auto& s : p.scenarios) {
            auto& t = scenarios[s.scenario_id];
            t[0] += s.attempts, t[1] += s.passed;
            t[2] += std::llround(s.mean_score * static_cast<double>(s.attempts));
        }
        for (const auto& v : p.result_set.versions) versions[v.catalogue_version] += v.attempts;
    }
    store::finish(out.figures);
    for (auto& [id, c] : criteria) {
        store::finish(c);
        out.criteria.push_back(c);
    }
    for (const auto& [id, t] : scenarios) {
        store::ScenarioFigure f{id, t[0], t[1], store::ratio(t[1], t[0]).value_or(0),
                                t[0] ? static_cast<double>(t[2]) / static_cast<double>(t[0]) : 0};
        out.scenarios.push_back(f);
    }
    for (const auto& [v, n] : versions) out.result_set.versions.push_back({v, n});
    return out;
}

std::string json(const store::GroupReport& r) {
    return store::to_json(r, 480);
}

// Two reports as JSON, equal but for the last bits of fractions (PostgreSQL sums fractions as
// numeric, SQLite as double).
void expect_near(const nlohmann::json& a, const nlohmann::json& b, const std::string& at = "$") {
    if (a.is_number_float() || b.is_number_float()) {
        ASSERT_TRUE(a.is_number() && b.is_number()) << at << ": " << a << " vs " << b;
        EXPECT_NEAR(a.get<double>(), b.get<double>(), 1e-9) << at;
        return;
    }
    ASSERT_EQ(a.type(), b.type()) << at << ": " << a << " vs " << b;
    if (a.is_object()) {
        ASSERT_EQ(a.size(), b.size()) << at;
        for (auto it = a.begin(); it != a.end(); ++it) {
            ASSERT_TRUE(b.contains(it.key())) << at << "." << it.key();
            expect_near(it.value(), b[it.key()], at + "." + it.key());
        }
    } else if (a.is_array()) {
        ASSERT_EQ(a.size(), b.size()) << at;
        for (std::size_t i = 0; i < a.size(); ++i)
            expect_near(a[i], b[i], at + "[" + std::to_string(i) + "]");
    } else {
        EXPECT_EQ(a, b) << at;
    }
}
void expect_near(const std::string& a, const std::string& b) {
    expect_near(nlohmann::json::parse(a), nlohmann::json::parse(b));
}

class HubSync : public HubTest {
  protected:
    // Re-scores the desk's 2026-春 cohort against the 2027.1 standards (results of their own,
    // after the attempts they score).
    auto rescore_2027(Desk& d) {
        Diagnostics diags;
        auto res2027 = session::Resources::load(
            std::string(DESKDRILL_SCENARIOS_DIR) + "/lexicon.yaml",
            std::string(DESKDRILL_TESTS_DIR) + "/data/rubric/standards-2027.1.yaml", diags);
        store::RescoreOptions ro;
        ro.jobs = 2;
        ro.filter.cohort = "2026-春";
        return must(store::rescore(*d.store, d.who(), *res2027, ro));
    }
    Result<SyncReport> sync_desk(Desk& d, const std::string& conninfo, std::size_t batch = 200) {
        SyncOptions o;
        o.batch = batch;
        return sync(*d.store, d.who(), conninfo, o);
    }
    // Every attempt of the desk is on the hub once, with its hash; the hub has no other for it.
    void expect_hub_holds(Desk& d, const std::string& code) {
        auto c = pg::Conn::connect(hub_);
        c->script("SET search_path TO deskdrill");
        auto local = must(d.store->attempts(d.who(), {}));
        auto held = c->run(
            "SELECT a.uuid::text, a.hash, (SELECT count(*) FROM results r WHERE r.attempt_seq = "
            "a.seq AND r.original = 1) FROM attempts a JOIN sites s ON s.id = a.site_id "
            "WHERE s.code = $1",
            codes_[code]);
        std::map<std::string, std::string> on_hub;
        for (int i = 0; i < held.size(); ++i) {
            EXPECT_EQ(held.i64(i, 2), 1) << "attempt " << held.text(i, 0) << " has "
                                         << held.i64(i, 2) << " original results on the hub";
            on_hub[held.text(i, 0)] = held.text(i, 1);
        }
        EXPECT_EQ(on_hub.size(), local.size());
        EXPECT_EQ(static_cast<std::size_t>(held.size()), local.size()) << "duplicates on the hub";
        for (const auto& a : local) {
            auto detail = must(d.store->attempt(d.who(), a.uuid));
            auto it = on_hub.find(a.uuid);
            ASSERT_NE(it, on_hub.end()) << "attempt " << a.uuid << " is missing on the hub";
            EXPECT_EQ(it->second, detail.hash);
        }
        auto state = must(store::sync_state(*d.store, d.who()));
        EXPECT_EQ(state.pending, 0);
    }
    // The hub's report of one site equals the desk's own.
    void expect_site_equal(Desk& d, const std::string& site_name, store::GroupFilter f) {
        auto mine = store::store_reports(d.store, d.who());
        f.site = site_name;
        auto hub = hq();
        EXPECT_EQ(json(must(hub->group(f))), json(must(mine->group(f))));
        const auto items = must(hub->items(f));
        EXPECT_FALSE(items.scenarios.empty());
        expect_near(store::to_json(items, 480), store::to_json(must(mine->items(f)), 480));
        const auto agreement = must(hub->agreement(f));
        if (f.cohort.empty()) {
            EXPECT_GT(agreement.overall.n, 0);  // overrides were made
        }
        expect_near(store::to_json(agreement, 480), store::to_json(must(mine->agreement(f)), 480));
    }
};

TEST_F(HubSync, ThreeSitesAddUpToTheHub) {
    const std::string a = add_site("sunny", "阳光花园", "华东");
    const std::string b = add_site("lake", "翠湖苑", "华东");
    const std::string c = add_site("pine", "松园", "华南");
    Desk& da = desk("a", "阳光花园", 400, 1);
    Desk& db = desk("b", "翠湖苑", 300, 2);
    Desk& dc = desk("c", "松园", 250, 3);
    // A re-score at one desk travels as a result set of its own.
    const auto rescored = rescore_2027(da);
    ASSERT_GT(rescored.rescored, 0u);

    for (auto [d, url] : {std::pair{&da, a}, std::pair{&db, b}, std::pair{&dc, c}}) {
        auto rep = must(sync_desk(*d, url));
        EXPECT_GT(rep.attempts, 0);
        EXPECT_EQ(rep.reconnects, 0);
    }
    expect_hub_holds(da, "sunny");
    expect_hub_holds(db, "lake");
    expect_hub_holds(dc, "pine");

    // Across sites: the hub equals the sum of the desks' reports, under many filters.
    std::vector<store::GroupFilter> filters(7);
    filters[1].cohort = "2026-秋";
    filters[2].mode = session::Mode::Assessment;
    filters[3].from_day = store::parse_day("2026-01-20");
    filters[3].to_day = store::parse_day("2026-03-05");
    filters[4].scenario = library_attempts().front().scenario_id;
    filters[5].origins = {session::Origin::Scripted, session::Origin::Imported};
    filters[6].cohort = "2026-春";
    filters[6].from_day = store::parse_day("2026-02-01");
    filters[6].to_day = store::parse_day("2026-02-28");
    auto hub = hq();
    for (std::size_t i = 0; i < filters.size(); ++i) {
        SCOPED_TRACE("filter " + std::to_string(i));
        std::vector<store::GroupReport> parts;
        for (Desk* d : {&da, &db, &dc})
            parts.push_back(must(store::store_reports(d->store, d->who())->group(filters[i])));
        const auto expected = combined(parts);
        const auto got = must(hub->group(filters[i]));
        EXPECT_GT(got.figures.attempts, 0);
        EXPECT_EQ(json(got), json(expected));
    }
    // A region: the desks of that region.
    store::GroupFilter east;
    east.region = "华东";
    std::vector<store::GroupReport> parts;
    for (Desk* d : {&da, &db})
        parts.push_back(must(store::store_reports(d->store, d->who())->group({})));
    auto expected = combined(parts);
    expected.filter.region = "华东";
    EXPECT_EQ(json(must(hub->group(east))), json(expected));
    // A region over dates that cut months: the region's whole months, its sites' edge days.
    store::GroupFilter east_q = filters[3];
    east_q.region = "华东";
    parts.clear();
    for (Desk* d : {&da, &db})
        parts.push_back(must(store::store_reports(d->store, d->who())->group(filters[3])));
    expected = combined(parts);
    expected.filter.region = "华东";
    const auto got_q = must(hub->group(east_q));
    EXPECT_GT(got_q.figures.attempts, 0);
    EXPECT_LT(got_q.figures.attempts, must(hub->group(east)).figures.attempts);
    EXPECT_EQ(json(got_q), json(expected));

    // One site (by name, as its desk names it): the desk's own report, items and agreement.
    expect_site_equal(da, "阳光花园", {});
    expect_site_equal(db, "翠湖苑", {});
    store::GroupFilter spring;
    spring.cohort = "2026-春";
    expect_site_equal(dc, "松园", spring);
    // The re-scored set, by its version, on the hub as at the desk.
    store::GroupFilter in2027;
    in2027.result_set = must(hub->resolve_result_set("2027.1"));
    EXPECT_EQ(in2027.result_set.catalogue_hash, rescored.set.catalogue_hash);
    std::vector<store::GroupReport> rescores;
    for (Desk* d : {&da, &db, &dc})
        rescores.push_back(must(store::store_reports(d->store, d->who())->group(in2027)));
    EXPECT_EQ(rescores[0].figures.attempts, must(hub->group(in2027)).figures.attempts);
    EXPECT_EQ(json(must(hub->group(in2027))), json(combined(rescores)));
    // A trainee: employee numbers repeat across sites, so the site is named.
    auto ambiguous = hub->trainee("T00", {}, "");
    ASSERT_FALSE(ambiguous.ok());
    EXPECT_NE(ambiguous.error().message.find("several sites"), std::string::npos);
    const auto t_hub = must(hub->trainee("T00", {}, codes_["lake"]));
    const auto t_desk = must(store::store_reports(db.store, db.who())->trainee("T00", {}));
    ASSERT_EQ(t_hub.history.size(), t_desk.history.size());
    for (std::size_t i = 0; i < t_hub.history.size(); ++i) {
        EXPECT_EQ(t_hub.history[i].uuid, t_desk.history[i].uuid);
        EXPECT_EQ(t_hub.history[i].result->score_with_overrides,
                  t_desk.history[i].result->score_with_overrides);
    }
    EXPECT_EQ(t_hub.trend_slope, t_desk.trend_slope);
    ASSERT_EQ(t_hub.weakest.size(), t_desk.weakest.size());
    for (std::size_t i = 0; i < t_hub.weakest.size(); ++i)
        EXPECT_EQ(t_hub.weakest[i].id, t_desk.weakest[i].id);

    // A second sync sends nothing and changes nothing.
    const std::string before = json(must(hub->group({})));
    for (auto [d, url] : {std::pair{&da, a}, std::pair{&db, b}, std::pair{&dc, c}}) {
        auto rep = must(sync_desk(*d, url));
        EXPECT_EQ(rep.pushed, 0);
        EXPECT_EQ(rep.pulled, 0);
    }
    EXPECT_EQ(json(must(hub->group({}))), before);
    // The desk knows when it last synced.
    auto state = must(store::sync_state(*da.store, da.who()));
    ASSERT_TRUE(state.last_ok.has_value());
    EXPECT_EQ(state.last_ok->pushed, 0);
    EXPECT_NE(state.last_ok->hub.find(db_), std::string::npos);
    EXPECT_EQ(state.last_ok->hub.find("pw-"), std::string::npos) << "no password in the record";
}

TEST_F(HubSync, DesksTakeInWhatHeadquartersPublished) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 20, 4);
    ASSERT_TRUE(sync_desk(d, url).ok());
    const std::string code = codes_["sunny"];
    const std::string t9 = must(publish_trainee(hub_, {code, "T99", "新学员", "2026-春", "", ""}));
    store::NewAssignment one;
    one.trainee = "T99";
    one.scenarios = {"complaint.night-renovation-noise"};
    one.mode = session::Mode::Assessment;
    one.due_at_ms = 1'800'000'000'000;
    const std::string a1 = must(publish_assignment(hub_, code, one));
    store::NewAssignment cohort;
    cohort.cohort = "2026-春";
    cohort.site = "阳光花园";
    cohort.scenarios = {"complaint.night-renovation-noise", "reception.visitor-registration"};
    cohort.mode = session::Mode::Refresher;
    cohort.every_days = 30;
    const std::string a2 = must(publish_assignment(hub_, code, cohort));
    const std::string text = "id: x\n# a published scenario text\n";
    const std::string h = must(publish_snapshot(hub_, "scenario", "reception.x", "3", text));
    // A trainee of another site is not this desk's business.
    const std::string other = add_site("lake", "翠湖苑", "华东");
    must(publish_trainee(hub_, {codes_["lake"], "T98", "别家学员", "", "", ""}));

    auto rep = must(sync_desk(d, url));
    EXPECT_EQ(rep.pulled_people, 1);
    EXPECT_EQ(rep.pulled_assignments, 2);
    EXPECT_EQ(rep.pulled_snapshots, 1);
    EXPECT_TRUE(rep.warnings.empty()) << rep.warnings.front();
    auto p = must(d.store->person(d.who(), "T99"));
    EXPECT_EQ(p.uuid, t9);
    EXPECT_EQ(p.site, "阳光花园");
    EXPECT_EQ(p.cohort, "2026-春");
    EXPECT_FALSE(d.store->person(d.who(), "T98").ok());
    auto got1 = must(store::assignment_by_uuid(*d.store, d.who(), a1));
    ASSERT_TRUE(got1.has_value());
    EXPECT_EQ(got1->trainee, "T99");
    EXPECT_EQ(got1->mode, session::Mode::Assessment);
    EXPECT_EQ(got1->due_at_ms, one.due_at_ms);
    auto got2 = must(store::assignment_by_uuid(*d.store, d.who(), a2));
    ASSERT_TRUE(got2.has_value());
    EXPECT_EQ(got2->cohort, "2026-春");
    EXPECT_EQ(got2->scenarios, cohort.scenarios);
    EXPECT_EQ(got2->every_days, 30);
    EXPECT_EQ(must(d.store->snapshot_text(d.who(), h)), text);
    // The trainee's assignments apply at the desk.
    store::AssignmentFilter af;
    af.trainee = "T99";
    EXPECT_EQ(must(store::assignment_status(*d.store, d.who(), af)).size(), 3u);

    // Taken in once: the next sync pulls nothing; a cancellation follows.
    auto again = must(sync_desk(d, url));
    EXPECT_EQ(again.pulled, 0);
    ASSERT_TRUE(cancel_published_assignment(hub_, a1).ok());
    auto third = must(sync_desk(d, url));
    EXPECT_EQ(third.pulled_assignments, 1);
    EXPECT_TRUE(must(store::assignment_by_uuid(*d.store, d.who(), a1))->cancelled_at_ms);
    // What the desk sent back of them did not turn into the site's own rows.
    auto c = pg::Conn::connect(hub_);
    auto origin = c->run("SELECT origin FROM deskdrill.assignments WHERE uuid::text = $1", a1);
    EXPECT_EQ(origin.text(0, 0), "hub");
    (void)other;
}

// The hub numbers a site's attempts and results in the site's order (its ids follow the desk's
// seq and result ids), batch after batch — batches growing from the first to the full size,
// re-scores after the attempts they score. (A staging table's scan does not return its rows in
// the order COPY wrote them: a row too large for the page being filled goes to a new one, and
// smaller rows after it fill the room left on earlier pages; the merge sorts them.)
TEST_F(HubSync, RowsAreNumberedInTheSitesOrder) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 1300, 10);
    ASSERT_GT(rescore_2027(d).rescored, 0u);
    auto rep = must(sync_desk(d, url, 5000));  // batches of 1,000, then the rest
    EXPECT_EQ(rep.attempts, 1300);
    expect_hub_holds(d, "sunny");
    auto c = pg::Conn::connect(hub_);
    c->script("SET search_path TO deskdrill");
    auto out_of_order = c->run(
        "SELECT (SELECT count(*) FROM (SELECT site_seq, lag(site_seq) OVER (ORDER BY seq) AS "
        "before FROM attempts) x WHERE site_seq <= before), (SELECT count(*) FROM (SELECT "
        "site_result_id, lag(site_result_id) OVER (ORDER BY id) AS before FROM results) y "
        "WHERE site_result_id <= before), (SELECT count(*) FROM results WHERE original = 0)");
    EXPECT_EQ(out_of_order.i64(0, 0), 0) << "attempts numbered out of the site's order";
    EXPECT_EQ(out_of_order.i64(0, 1), 0) << "results numbered out of the site's order";
    EXPECT_GT(out_of_order.i64(0, 2), 0) << "the re-scores are on the hub";
}

// A sync killed with SIGKILL at random moments — reading the desk, inside a hub transaction,
// between the hub's commit and the desk's marks — and resumed: nothing lost, nothing twice.
// The moment is counted from the child's confirmed batches (0-3 of them, then 0-150 ms more),
// not from the clock alone, so a slow machine cuts the syncs as often as a fast one.
TEST_F(HubSync, KilledAtRandomMomentsThenResumed) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 2400, 5);
    const std::string path = d.path;
    const std::int64_t total = must(store::sync_state(*d.store, d.who())).pending;
    d.close();
    std::mt19937 rng(20260311);
    int killed = 0;
    for (int round = 0; round < 12; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            auto s = store::Store::open(path);
            if (!s) _exit(3);
            auto op = (*s)->operator_session();
            if (!op) _exit(4);
            SyncOptions o;
            o.batch = 25;
            o.retries = 0;
            o.on_batch = [fd = fds[1]](std::int64_t) {
                const char one = 1;
                (void)!::write(fd, &one, 1);
            };
            _exit(sync(**s, *op, url, o).ok() ? 0 : 5);
        }
        ::close(fds[1]);
        const int batches = static_cast<int>(rng() % 4);
        for (int i = 0; i < batches; ++i) {
            pollfd pfd{fds[0], POLLIN, 0};
            char one = 0;
            if (::poll(&pfd, 1, 30000) <= 0 || ::read(fds[0], &one, 1) != 1) break;
        }
        ::usleep(static_cast<useconds_t>(rng() % 150000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ::close(fds[0]);
        if (WIFSIGNALED(status)) ++killed;
        // A few rounds also make new attempts between syncs, as a desk in use does.
        if (round % 4 == 3) {
            d.open();
            add_attempts(d, 30, 100 + static_cast<std::uint64_t>(round));
            d.close();
        }
    }
    EXPECT_GE(killed, 10) << "the rounds should have been cut off mid-sync";
    d.open();
    const std::int64_t waiting = must(store::sync_state(*d.store, d.who())).pending;
    EXPECT_LT(waiting, total + 90) << "the killed syncs should have delivered part of it";
    auto rep = must(sync_desk(d, url));
    std::cout << "[ resumed  ] after " << killed << " kills: the last sync pushed " << rep.pushed
              << " of " << total + 90 << " items\n";
    // The resumed sync sends what the desk still holds undelivered, no more: what the killed
    // ones had confirmed stays delivered (a batch cut between the hub's commit and the desk's
    // marks goes again and changes nothing on the hub, see expect_hub_holds).
    EXPECT_EQ(rep.pushed, waiting);
    expect_hub_holds(d, "sunny");
    expect_site_equal(d, "阳光花园", {});
}

// The server restarted (immediate stop: connections cut) in the middle of a sync: the sync
// reconnects and finishes, and the hub holds every attempt once.
TEST_F(HubSync, ServerRestartedDuringSync) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 800, 6);
    SyncOptions o;
    o.batch = 50;
    o.retries = 10;
    o.retry_base_ms = 200;
    bool restarted = false;
    o.on_batch = [&](std::int64_t pushed) {
        if (restarted || pushed < 200) return;
        restarted = true;
        const std::string cmd = "runuser -u " + env_["pguser"] + " -- " + env_["bin"] +
                                "/pg_ctl -D " + env_["data"] +
                                " -m immediate -w -t 60 restart >/dev/null 2>&1";
        const std::string self = env_["bin"] + "/pg_ctl -D " + env_["data"] +
                                 " -m immediate -w -t 60 restart >/dev/null 2>&1";
        EXPECT_EQ(std::system((::geteuid() == 0 ? cmd : self).c_str()), 0);
    };
    auto rep = sync(*d.store, d.who(), url, o);
    ASSERT_TRUE(rep.ok()) << rep.error().message;
    EXPECT_TRUE(restarted);
    EXPECT_GE(rep->reconnects, 1);
    expect_hub_holds(d, "sunny");
    expect_site_equal(d, "阳光花园", {});
}

TEST_F(HubSync, TwoSitesSyncingAtOnce) {
    // One region: their summaries share rows, so the two syncs meet on the same keys.
    const std::string a = add_site("sunny", "阳光花园", "华东");
    const std::string b = add_site("lake", "翠湖苑", "华东");
    Desk& da = desk("a", "阳光花园", 600, 7);
    Desk& db = desk("b", "翠湖苑", 600, 8);
    Result<SyncReport> ra = Error{}, rb = Error{};
    std::thread ta([&] { ra = sync_desk(da, a, 30); });
    std::thread tb([&] { rb = sync_desk(db, b, 30); });
    ta.join();
    tb.join();
    ASSERT_TRUE(ra.ok()) << ra.error().message;
    ASSERT_TRUE(rb.ok()) << rb.error().message;
    expect_hub_holds(da, "sunny");
    expect_hub_holds(db, "lake");
    std::vector<store::GroupReport> parts{
        must(store::store_reports(da.store, da.who())->group({})),
        must(store::store_reports(db.store, db.who())->group({}))};
    EXPECT_EQ(json(must(hq()->group({}))), json(combined(parts)));
}

TEST_F(HubSync, AChainCutOffItsEndIsRefused) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 30, 9);
    ASSERT_TRUE(sync_desk(d, url).ok());
    d.close();
    // The file as it was, kept aside; then two more attempts, synced.
    std::filesystem::copy_file(d.path, dir_ + "/old.db");
    d.open();
    add_attempts(d, 2, 77);
    ASSERT_TRUE(sync_desk(d, url).ok());
    d.close();
    // The old file put back: its chain ends two attempts earlier than the hub was told.
    std::filesystem::copy_file(dir_ + "/old.db", d.path,
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::remove(d.path + "-wal");
    std::filesystem::remove(d.path + "-shm");
    d.open();
    auto rep = sync_desk(d, url);
    ASSERT_FALSE(rep.ok());
    EXPECT_EQ(rep.error().code, ErrorCode::Corrupt);
    EXPECT_NE(rep.error().message.find("rows were cut off its end"), std::string::npos)
        << rep.error().message;
    auto states = must(sites(hub_));
    ASSERT_EQ(states.size(), 1u);
    ASSERT_EQ(states[0].alarms.size(), 1u);
    EXPECT_EQ(*states[0].head_seq, 32);
    // A desk whose records file was made anew names different attempts by the same seqs.
    Desk& fresh = desk("fresh", "阳光花园", 5, 10);
    const auto waiting = must(store::sync_state(*fresh.store, fresh.who())).pending;
    auto clash = sync_desk(fresh, url);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, ErrorCode::Conflict);
    EXPECT_NE(clash.error().message.find("records file was replaced"), std::string::npos);
    EXPECT_EQ(must(store::sync_state(*fresh.store, fresh.who())).pending, waiting)
        << "nothing of the refused batch was marked delivered";
}

TEST_F(HubSync, ADeskWithoutNetworkSyncsLater) {
    const std::string url = add_site("sunny", "阳光花园", "华东");
    Desk& d = desk("a", "阳光花园", 25, 11);
    // Nothing listens on port 1 of 127.0.0.1.
    const std::string nowhere =
        "host=127.0.0.1 port=1 user=x password=y dbname=z connect_timeout=2";
    SyncOptions o;
    o.retries = 1;
    o.retry_base_ms = 10;
    auto off = sync(*d.store, d.who(), nowhere, o);
    ASSERT_FALSE(off.ok());
    EXPECT_EQ(off.error().code, ErrorCode::Unreachable);
    auto state = must(store::sync_state(*d.store, d.who()));
    EXPECT_FALSE(state.last_ok.has_value());
    ASSERT_TRUE(state.last_run.has_value());
    EXPECT_FALSE(state.last_run->ok);
    EXPECT_EQ(state.last_run->hub, "127.0.0.1:1/z as x");
    const std::int64_t waiting = state.pending;
    EXPECT_GT(waiting, 25);
    // The desk goes on working offline.
    add_attempts(d, 5, 12);
    auto on = must(sync_desk(d, url));
    EXPECT_EQ(on.pushed, waiting + 5);
    expect_hub_holds(d, "sunny");
    EXPECT_TRUE(must(store::sync_state(*d.store, d.who())).last_ok.has_value());
}

TEST_F(HubSync, InitIsIdempotentAndSiteCodesAreChecked) {
    auto v = init(hub_);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, schema_version());
    auto bad = hub::add_site(hub_, {"Sunny Garden", "阳光花园", "", "a-long-password"});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, ErrorCode::BadInput);
    add_site("sunny", "阳光花园", "华东");
    auto twice = hub::add_site(hub_, {codes_["sunny"], "阳光花园", "", "a-long-password"});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::Conflict);
    // A database without a hub is named as such.
    auto none = hub_reports(owner_);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message.find("deskdrill hub init"), std::string::npos);
}

}  // namespace
