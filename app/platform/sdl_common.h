// What the SDL windows (on screen and offscreen) share. SDL has one event
// queue per process, so whichever window waits takes every window's events:
// each window has an inbox, and events are routed to it by window ID.
#pragma once

#define SDL_MAIN_HANDLED
#include <SDL.h>

#include <string>
#include <vector>

namespace tapsheet::sdl {

// Sets the hints a kiosk needs and starts SDL video. SDL counts the calls:
// every successful StartVideo needs one StopVideo, and the last one closes
// the display connection (before a VirtualDisplay goes, and on KMSDRM giving
// the console its screen back).
bool StartVideo(std::string* error);
void StopVideo();
// The driver's name when SDL, finding no display, fell back to one that shows
// nothing ("offscreen", "dummy") without SDL_VIDEODRIVER asking for it.
const char* InvisibleDriverName();

// The user event type that Wake() pushes; registered once by StartVideo.
Uint32 WakeEventType();
// Thread-safe: SDL_PushEvent may be called from any thread.
void PushWake(Uint32 window_id);

// An SDL window with its GL context made current.
struct GlWindow {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
};
bool OpenGlWindow(const char* title, int x, int y, int width, int height, Uint32 flags, GlWindow* out,
                  std::string* error);
void CloseGlWindow(GlWindow* gl_window);

// One window's share of SDL's event queue.
class EventInbox {
  public:
    EventInbox() = default;
    EventInbox(const EventInbox&) = delete;
    EventInbox& operator=(const EventInbox&) = delete;
    ~EventInbox() { Unregister(); }

    // Touch that SDL reports with no window (evdev under KMSDRM) goes to the
    // first registered window that takes it: the kiosk, opened first.
    void Register(Uint32 window_id, bool takes_windowless_touch);
    void Unregister();

    // Waits up to timeout_s (0: poll, negative: no limit) unless events are
    // already waiting here, routes everything SDL has to its window and
    // returns this window's events. Clear() them once handled.
    const std::vector<SDL_Event>& Collect(double timeout_s);
    void Clear() { events_.clear(); }

  private:
    friend class Router;
    std::vector<SDL_Event> events_;
    Uint32 window_id_ = 0;
    bool takes_touch_ = false;
    bool registered_ = false;
};

} // namespace tapsheet::sdl
