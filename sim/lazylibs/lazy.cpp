#include "lazy.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace dd::lazylibs {

namespace {

[[noreturn]] void missing(const char* what, const char* package, const char* why) {
    std::fprintf(stderr,
                 "deskdrill: %s could not be loaded (%s). Install the Debian package %s "
                 "(apt-get install %s) and try again.\n",
                 what, why ? why : "unknown reason", package, package);
    std::exit(2);
}

}  // namespace

void Library::load() {
    // Loaded once, whichever thread calls first; never closed.
    std::call_once(once_, [this] {
        handle_ = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
        if (!handle_) error_ = dlerror();
    });
}

void* Library::symbol(const char* name) {
    load();
    if (!handle_) missing(soname_, package_, error_);
    dlerror();
    void* s = dlsym(handle_, name);
    if (!s) missing(name, package_, dlerror());
    return s;
}

void* Library::optional_symbol(const char* name) {
    load();
    return handle_ ? dlsym(handle_, name) : nullptr;
}

}  // namespace dd::lazylibs
