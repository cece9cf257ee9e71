// C libraries the program needs only for some commands — libpq (the hub), Pango/Cairo (the
// printed result page) and libcanberra (the desk's sounds) — loaded when first called instead of
// when the program starts. Every program start (the window's first frame, each CLI command) used
// to pay for mapping and relocating them and the ~45 libraries they pull in (Kerberos, LDAP,
// GnuTLS, GLib, HarfBuzz…): ~30 ms of a ~50 ms start before main(). libcanberra and the five it
// pulls in (Vorbis, Ogg, tdb, ltdl) were another ~9 ms of CPU per start (`deskdrill --version`:
// 28.3 → 19.2 ms task-clock, perf stat), for a sound first played at the first phone call.
//
// pq.cpp, pangocairo.cpp and canberra.cpp define each function the program calls, with the
// signature of the library's own header (the compiler checks it), as a hidden symbol that forwards
// to the real one, found with dlsym in the library dlopen'ed on first use. The executables link
// them before the libraries with --as-needed, so the libraries are not in the program's DT_NEEDED
// at all (tests/install checks that with readelf and LD_DEBUG, and that the hub and the print
// still work).
#pragma once
#include <mutex>

namespace dd::lazylibs {

class Library {
  public:
    // soname: what dlopen loads; package: the Debian package that ships it (for the message).
    constexpr Library(const char* soname, const char* package)
        : soname_(soname), package_(package) {}
    // The address of `name` in the library, loading it first. If the library or the symbol is
    // missing (a broken installation), says what to install on stderr and exits with code 2.
    void* symbol(const char* name);
    // The same for a library the program can do without (sound): nullptr if it is missing.
    void* optional_symbol(const char* name);

  private:
    void load();
    const char* soname_;
    const char* package_;
    std::once_flag once_;
    void* handle_ = nullptr;
    const char* error_ = nullptr;  // dlerror()'s text when the library could not be loaded
};

}  // namespace dd::lazylibs

// Defines `name` (declared by the library's header) to forward to the library's own. The
// parameter types are spelt out; a mismatch with the header's declaration does not compile.
#define DD_LAZY_FN(lib, ret, name, params, args)                                     \
    extern "C" __attribute__((visibility("hidden"))) ret name params {               \
        static const auto real = reinterpret_cast<ret(*) params>(lib.symbol(#name)); \
        return real args;                                                            \
    }

// The same for a library the program can do without: when it (or the function) is missing, the
// call returns `fallback` instead of ending the program.
#define DD_LAZY_FN_OR(lib, ret, name, params, args, fallback)                                 \
    extern "C" __attribute__((visibility("hidden"))) ret name params {                        \
        static const auto real = reinterpret_cast<ret(*) params>(lib.optional_symbol(#name)); \
        return real ? real args : (fallback);                                                 \
    }
