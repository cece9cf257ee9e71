// libcanberra, loaded on first use (lazy.h): the functions sim/app's sounds call. The desk can do
// without sound, so a missing library makes each call fail (CA_ERROR_NOTAVAILABLE), which the
// desk reports once and carries on silently, instead of ending the program. Only functions
// without variable arguments can be forwarded: the sounds use the _full forms with a proplist.
#include <canberra.h>

#include "lazy.h"

namespace {
dd::lazylibs::Library ca{"libcanberra.so.0", "libcanberra0"};
}  // namespace

DD_LAZY_FN_OR(ca, int, ca_context_create, (ca_context * *c), (c), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_context_open, (ca_context * c), (c), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_context_destroy, (ca_context * c), (c), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_context_change_props_full, (ca_context * c, ca_proplist* p), (c, p),
              CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_context_play_full,
              (ca_context * c, uint32_t id, ca_proplist* p, ca_finish_callback_t cb,
               void* userdata),
              (c, id, p, cb, userdata), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_proplist_create, (ca_proplist * *p), (p), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_proplist_destroy, (ca_proplist * p), (p), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, int, ca_proplist_sets, (ca_proplist * p, const char* key, const char* value),
              (p, key, value), CA_ERROR_NOTAVAILABLE)
DD_LAZY_FN_OR(ca, const char*, ca_strerror, (int code), (code),
              code == CA_ERROR_NOTAVAILABLE ? "libcanberra0 is not installed" : "sound error")
