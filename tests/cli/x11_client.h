// A minimal X11 client for tests: finds a process's window, sends it what a
// window manager sends for Alt+F4, and types keys through XTest.
#pragma once

namespace tapsheet::x11_test {

class Client {
  public:
    Client(); // the DISPLAY the tests run under
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    bool Ok() const { return display_ != nullptr; }
    unsigned long FindWindowOf(long pid);        // by _NET_WM_PID; 0 when none
    void SendCloseRequest(unsigned long window); // WM_DELETE_WINDOW
    // Focuses `window`, then Escape, Alt+F4, Ctrl+Q, Ctrl+W, Ctrl+C, Ctrl+Alt+Backspace.
    void TypeQuitKeys(unsigned long window);
    // A mouse press at (x, y) inside `window`, held for `seconds`, released.
    void Hold(unsigned long window, int x, int y, double seconds);

  private:
    void* display_;
};

} // namespace tapsheet::x11_test
