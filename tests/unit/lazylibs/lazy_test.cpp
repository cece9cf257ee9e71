// A library loaded on first use (sim/lazylibs/lazy.h): found and called; missing, a message that
// says what to install and exit code 2 — not a crash.
#include "sim/lazylibs/lazy.h"

#include <gtest/gtest.h>

#include <cstring>

namespace {

using dd::lazylibs::Library;

// A library the program can do without, and a function forwarded to it (as canberra.cpp's are).
Library missing_optional{"libdeskdrill-no-such-sound.so.3", "libno-such-sound3"};
Library zlib_optional{"libz.so.1", "zlib1g"};

}  // namespace

DD_LAZY_FN_OR(missing_optional, int, dd_test_missing_play, (int id), (id), -12)
// zlibVersion by another name would not be found: the real name, through the optional path.
DD_LAZY_FN_OR(zlib_optional, const char*, zlibVersion, (void), (), "no zlib")

namespace {

TEST(LazyLibrary, LoadsOnFirstUseAndCallsTheRealFunction) {
    static Library z{"libz.so.1", "zlib1g"};
    using Version = const char* (*)();
    auto version = reinterpret_cast<Version>(z.symbol("zlibVersion"));
    ASSERT_NE(version, nullptr);
    EXPECT_EQ(std::strncmp(version(), "1.", 2), 0) << version();
    EXPECT_EQ(z.symbol("zlibVersion"), reinterpret_cast<void*>(version)) << "one load, one address";
}

TEST(LazyLibrary, AnOptionalLibraryThatIsMissingGivesNullAndItsFunctionsTheirFallback) {
    EXPECT_EQ(missing_optional.optional_symbol("ca_context_create"), nullptr);
    EXPECT_EQ(dd_test_missing_play(7), -12);  // and the program carries on
    EXPECT_EQ(dd_test_missing_play(8), -12);
}

TEST(LazyLibrary, AnOptionalLibraryThatIsThereIsCalled) {
    EXPECT_EQ(std::strncmp(zlibVersion(), "1.", 2), 0) << zlibVersion();
    EXPECT_EQ(zlib_optional.optional_symbol("deskdrill_no_such_function"), nullptr);
}

TEST(LazyLibraryDeathTest, AMissingLibrarySaysWhatToInstallAndExits2) {
    static Library gone{"libdeskdrill-no-such-library.so.9", "libno-such-package9"};
    EXPECT_EXIT(gone.symbol("anything"), ::testing::ExitedWithCode(2),
                "libdeskdrill-no-such-library.so.9 could not be loaded .*Install the Debian "
                "package libno-such-package9 \\(apt-get install libno-such-package9\\)");
}

TEST(LazyLibraryDeathTest, AMissingFunctionSaysWhatToInstallAndExits2) {
    static Library z{"libz.so.1", "zlib1g"};
    EXPECT_EXIT(z.symbol("deskdrill_no_such_function"), ::testing::ExitedWithCode(2),
                "deskdrill_no_such_function could not be loaded .*zlib1g");
}

}  // namespace
