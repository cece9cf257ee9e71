// dd_wm_close NAME — asks the X11 window whose title contains NAME to close, as a window manager
// does when its close button is pressed: a WM_PROTOCOLS client message carrying WM_DELETE_WINDOW
// (ICCCM §4.2.8). GLFW turns it into its window-close callback; the window itself decides
// (deskdrill asks first during an assessment). Under Xvfb there is no window manager to press.
// Exit 0 when sent, 1 when no such window exists, 2 without a display.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <cstdio>
#include <cstring>

static Window find(Display* d, Window w, const char* name) {
    XTextProperty p;
    if (XGetWMName(d, w, &p) && p.value) {
        const int hit = std::strstr(reinterpret_cast<const char*>(p.value), name) != nullptr;
        XFree(p.value);
        if (hit) return w;
    }
    Window root, parent, *kids = nullptr;
    unsigned int n = 0;
    Window found = 0;
    if (XQueryTree(d, w, &root, &parent, &kids, &n)) {
        for (unsigned int i = 0; i < n && !found; ++i) found = find(d, kids[i], name);
        if (kids) XFree(kids);
    }
    return found;
}

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: dd_wm_close WINDOW-TITLE-PART\n");
        return 2;
    }
    Display* d = XOpenDisplay(nullptr);
    if (!d) {
        std::fprintf(stderr, "dd_wm_close: cannot open the display (DISPLAY unset?)\n");
        return 2;
    }
    const Window w = find(d, DefaultRootWindow(d), argv[1]);
    if (!w) {
        std::fprintf(stderr, "dd_wm_close: no window titled '%s'\n", argv[1]);
        XCloseDisplay(d);
        return 1;
    }
    XEvent e;
    std::memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.window = w;
    e.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(XInternAtom(d, "WM_DELETE_WINDOW", False));
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(d, w, False, NoEventMask, &e);
    XFlush(d);
    XCloseDisplay(d);
    std::printf("dd_wm_close: asked window 0x%lx to close\n", static_cast<unsigned long>(w));
    return 0;
}
