// X11 client calls for the lock-down test, apart from GoogleTest because
// Xlib's macros (None, Bool, Status) collide with its names.
#include "tests/cli/x11_client.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include <chrono>
#include <initializer_list>
#include <iterator>
#include <thread>

namespace tapsheet::x11_test {

namespace {

using namespace std::chrono_literals;

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

// The top-level window of process `pid` (other tests' windows share the display).
Window FindWindow(Display* display, long pid) {
    Window root_return = 0, parent = 0;
    Window* children = nullptr;
    unsigned int count = 0;
    Window found = 0;
    if (!XQueryTree(display, DefaultRootWindow(display), &root_return, &parent, &children, &count)) return 0;
    for (unsigned int i = 0; i < count && found == 0; i++)
        if (WindowPid(display, children[i]) == pid) found = children[i];
    if (children != nullptr) XFree(children);
    return found;
}

void SendCloseRequest(Display* display, Window window) {
    XEvent event = {};
    event.xclient.type = ClientMessage;
    event.xclient.window = window;
    event.xclient.message_type = XInternAtom(display, "WM_PROTOCOLS", False);
    event.xclient.format = 32;
    event.xclient.data.l[0] = static_cast<long>(XInternAtom(display, "WM_DELETE_WINDOW", False));
    event.xclient.data.l[1] = CurrentTime;
    XSendEvent(display, window, False, NoEventMask, &event);
    XFlush(display);
}

void Chord(Display* display, std::initializer_list<KeySym> keys) {
    for (KeySym key : keys)
        XTestFakeKeyEvent(display, XKeysymToKeycode(display, key), True, 0);
    for (auto key = std::rbegin(keys); key != std::rend(keys); ++key)
        XTestFakeKeyEvent(display, XKeysymToKeycode(display, *key), False, 0);
    XFlush(display);
    std::this_thread::sleep_for(50ms);
}

void TypeQuitKeys(Display* display, Window window) {
    XSetInputFocus(display, window, RevertToParent, CurrentTime);
    Chord(display, {XK_Escape});
    Chord(display, {XK_Alt_L, XK_F4});
    Chord(display, {XK_Control_L, XK_q});
    Chord(display, {XK_Control_L, XK_w});
    Chord(display, {XK_Control_L, XK_c});
    Chord(display, {XK_Control_L, XK_Alt_L, XK_BackSpace});
}

void HoldAt(Display* display, Window window, int x, int y, double seconds) {
    int root_x = 0, root_y = 0;
    Window child = 0;
    XTranslateCoordinates(display, window, DefaultRootWindow(display), x, y, &root_x, &root_y, &child);
    XTestFakeMotionEvent(display, DefaultScreen(display), root_x, root_y, 0);
    XTestFakeButtonEvent(display, 1, True, 0);
    XFlush(display);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    XTestFakeButtonEvent(display, 1, False, 0);
    XFlush(display);
}

} // namespace

// A private X server can report its number a moment before it takes
// connections: try for a few seconds.
Client::Client() : display_(nullptr) {
    for (int tries = 0; tries < 100 && display_ == nullptr; tries++) {
        display_ = XOpenDisplay(nullptr);
        if (display_ == nullptr) std::this_thread::sleep_for(50ms);
    }
}

Client::~Client() {
    if (display_ != nullptr) XCloseDisplay(static_cast<Display*>(display_));
}

unsigned long Client::FindWindowOf(long pid) {
    return FindWindow(static_cast<Display*>(display_), pid);
}

void Client::SendCloseRequest(unsigned long window) {
    tapsheet::x11_test::SendCloseRequest(static_cast<Display*>(display_), window);
}

void Client::TypeQuitKeys(unsigned long window) {
    tapsheet::x11_test::TypeQuitKeys(static_cast<Display*>(display_), window);
}

void Client::Hold(unsigned long window, int x, int y, double seconds) {
    HoldAt(static_cast<Display*>(display_), window, x, y, seconds);
}

} // namespace tapsheet::x11_test
