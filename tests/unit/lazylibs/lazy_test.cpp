// A library loaded on first use (sim/lazylibs/lazy.h): found and called; missing, a message that
// says what to install and exit code 2 — not a crash.
#include "sim/lazylibs/lazy.h"

#include <gtest/gtest.h>

#include <cstring>

namespace {

using dd::lazylibs::Library;

TEST(LazyLibrary, LoadsOnFirstUseAndCallsTheRealFunction) {
    static Library z{"libz.so.1", "zlib1g"};
    using Version = const char* (*)();
    auto version = reinterpret_cast<Version>(z.symbol("zlibVersion"));
    ASSERT_NE(version, nullptr);
    EXPECT_EQ(std::strncmp(version(), "1.", 2), 0) << version();
    EXPECT_EQ(z.symbol("zlibVersion"), reinterpret_cast<void*>(version)) << "one load, one address";
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
