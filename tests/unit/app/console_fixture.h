// Test support for the console's window-less tests (console_test, supervisor_views_test): a
// records file in a temporary folder with admin `admin`, supervisor `s1` and trainees `t1` 张三
// and `t2` 李四 at 阳光花园 (cohort A), the window's state over it (the example's library and
// resources, the CJK font when fontconfig finds one, a manual clock), frames run through a
// window-less ImGui context, and drive scripts. Each test's fixture adds what it needs.
#pragma once
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "headless_ui.h"
#include "sim/app/app_state.h"
#include "unit/session/session_test_support.h"

namespace dd::app::test {

inline const std::string kAdminPassword = "admin-pass-1";
inline const std::string kSupervisorPassword = "super-pass-1";

template <typename T>
T must(store::Result<T> r) {
    if (!r.ok()) throw std::runtime_error(r.error().message);
    return std::move(r.value());
}

class ConsoleFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        using namespace session::test;
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "deskdrill-console-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
        setenv("XDG_DATA_HOME", (dir + "/data").c_str(), 1);  // where exports go
        app.opts.assets_dir = DESKDRILL_ASSETS_DIR;
        app.opts.scenarios_dir = kScenarioDir;
        app.manual_clock = true;
        std::string err;
        ASSERT_TRUE(app.set_language("zh", &err)) << err;
        app.library = session::Library::scan(kScenarioDir);
        app.resources = resources();
        ASSERT_TRUE(app.open_records(dir + "/records.db")) << app.records_error;
        auto& s = *app.store;
        admin = std::make_unique<store::Principal>(must(s.create_first_admin(
            {store::Role::Admin, "admin", "管理员", "", "", kAdminPassword, ""})));
        must(s.add_person(*admin, {store::Role::Supervisor, "s1", "李主管", "阳光花园", "",
                                   kSupervisorPassword, ""}));
        must(s.add_person(*admin, {store::Role::Trainee, "t1", "张三", "阳光花园", "A", "", ""}));
        must(s.add_person(*admin, {store::Role::Trainee, "t2", "李四", "阳光花园", "A", "", ""}));
        std::string why;
        if (auto face = find_cjk_font("", &why)) app.fonts.open(*face, &why);
    }
    void TearDown() override {
        // Every word the screens asked for is in the tables.
        for (const auto& k : app.strings.missing()) ADD_FAILURE() << "missing string: " << k;
        app.log_out();
        app.store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        unsetenv("XDG_DATA_HOME");
    }

    void frame(Driver* d = nullptr, std::string* text = nullptr) {
        if (app.fonts.dirty()) app.fonts.build(ImGui::GetIO().Fonts, 18.0f);
        ui.frame([this] { draw_frame(app); }, d, text);
    }
    // What the window shows now (one settled frame).
    std::string screen_text() {
        frame();
        std::string t;
        frame(nullptr, &t);
        return t;
    }
    // Runs a drive script to its end; "" or what went wrong.
    std::string drive(const std::string& script) {
        std::string err;
        auto steps = parse_drive_script(script, "console.drive", &err);
        if (!steps) return err;
        Driver d(std::move(*steps), "console.drive", driver_hooks(app, [] {}));
        for (int i = 0; i < 5000 && !d.done(); ++i) frame(&d);
        frame(&d);
        if (!d.done()) return "driver did not finish";
        return d.error();
    }
    // An attempt at the example (gold or poor transcript) by `trainee`, stored by the admin.
    std::string add_example(bool gold, const std::string& trainee,
                            session::Mode mode = session::Mode::Practice,
                            session::Origin origin = session::Origin::Imported) {
        using namespace session::test;
        return add_transcript(gold ? kGoldYaml : kPoorYaml, trainee, mode, origin);
    }
    std::string add_transcript(const std::string& yaml, const std::string& trainee,
                               session::Mode mode = session::Mode::Practice,
                               session::Origin origin = session::Origin::Imported) {
        using namespace session::test;
        session::ReplayOptions o;
        o.trainee = trainee;
        o.mode = mode;
        o.origin = origin;
        return must(app.store->add_attempt(
                        *admin,
                        session::replay_attempt(scenario(), transcript(yaml), *resources(), o)))
            .uuid;
    }

    HeadlessUi ui;
    AppState app;
    std::string dir;
    std::unique_ptr<store::Principal> admin;
};

}  // namespace dd::app::test
