#include "tests/e2e/x11_input.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>

#include <chrono>
#include <thread>

namespace tapsheet::e2e {

namespace {

using namespace std::chrono_literals;

Display* Dpy(void* display) {
    return static_cast<Display*>(display);
}

long WindowPid(Display* display, Window window) {
    const Atom pid_atom = XInternAtom(display, "_NET_WM_PID", True);
    if (pid_atom == None) return -1;
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    long pid = -1;
    if (XGetWindowProperty(display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format, &count,
                           &after, &data) == Success &&
        data != nullptr && count == 1)
        pid = static_cast<long>(*reinterpret_cast<unsigned long*>(data));
    if (data != nullptr) XFree(data);
    return pid;
}

bool Viewable(Display* display, Window window) {
    XWindowAttributes attributes{};
    return XGetWindowAttributes(display, window, &attributes) && attributes.map_state == IsViewable;
}

bool Titled(Display* display, Window window, const std::string& title) {
    if (title.empty()) return true;
    char* name = nullptr;
    const bool same = XFetchName(display, window, &name) && name != nullptr && title == name;
    if (name != nullptr) XFree(name);
    return same;
}

} // namespace

// A private X server can report its number a moment before it takes
// connections: try for a few seconds.
XInput::XInput() : display_(nullptr) {
    for (int tries = 0; tries < 100 && display_ == nullptr; tries++) {
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) std::this_thread::sleep_for(50ms);
    }
}

XInput::~XInput() {
    if (display_ != nullptr) XCloseDisplay(Dpy(display_));
}

unsigned long XInput::FindWindowOf(long pid, const std::string& title) {
    Display* display = Dpy(display_);
    Window root = 0, parent = 0;
    Window* children = nullptr;
    unsigned int count = 0;
    Window found = 0;
    if (!XQueryTree(display, DefaultRootWindow(display), &root, &parent, &children, &count)) return 0;
    for (unsigned int i = 0; i < count && found == 0; i++)
        if (WindowPid(display, children[i]) == pid && Viewable(display, children[i]) &&
            Titled(display, children[i], title))
            found = children[i];
    if (children != nullptr) XFree(children);
    return found;
}

bool XInput::Origin(unsigned long window, int* x, int* y) {
    Display* display = Dpy(display_);
    Window child = 0;
    return XTranslateCoordinates(display, window, DefaultRootWindow(display), 0, 0, x, y, &child) != 0;
}

void XInput::Focus(unsigned long window) {
    XSetInputFocus(Dpy(display_), window, RevertToParent, CurrentTime);
    XSync(Dpy(display_), False);
}

void XInput::MoveTo(int x, int y) {
    XTestFakeMotionEvent(Dpy(display_), DefaultScreen(Dpy(display_)), x, y, 0);
    XSync(Dpy(display_), False);
}

void XInput::WarpTo(int x, int y) {
    XWarpPointer(Dpy(display_), None, DefaultRootWindow(Dpy(display_)), 0, 0, 0, 0, x, y);
    XSync(Dpy(display_), False);
}

void XInput::Press() {
    XTestFakeButtonEvent(Dpy(display_), 1, True, 0);
    XSync(Dpy(display_), False);
}

void XInput::Release() {
    XTestFakeButtonEvent(Dpy(display_), 1, False, 0);
    XSync(Dpy(display_), False);
}

void XInput::Key(const std::string& keysym_name) {
    Display* display = Dpy(display_);
    const KeyCode code = XKeysymToKeycode(display, XStringToKeysym(keysym_name.c_str()));
    XTestFakeKeyEvent(display, code, True, 0);
    XSync(display, False);
    std::this_thread::sleep_for(20ms);
    XTestFakeKeyEvent(display, code, False, 0);
    XSync(display, False);
}

} // namespace tapsheet::e2e
