#include "app/platform/sdl_common.h"

#include "app/platform/kms_card.h"
#include "app/platform/platform_common.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace tapsheet::sdl {

namespace {

// Process-wide like SDL's own queue; touched only on the thread that runs
// the windows (Wake reads nothing here but the event type).
std::vector<EventInbox*> g_inboxes;
Uint32 g_wake_type = 0;

constexpr int kConnectAttempts = 5;

bool DisplayExpected() {
    const char* x11 = SDL_getenv("DISPLAY");
    const char* wayland = SDL_getenv("WAYLAND_DISPLAY");
    return (x11 != nullptr && x11[0] != '\0') || (wayland != nullptr && wayland[0] != '\0');
}

// KMSDRM: SDL drives one DRM device per process. TAPSHEET_KMS_CONNECTOR
// (DSI-1, HDMI-A-1) picks the device with that connector, for a Raspberry
// Pi 5 whose DSI display is a device of its own (kms_card.h). An explicit
// SDL_KMSDRM_DEVICE_INDEX in the environment wins over this hint.
void PinKmsCard() {
    const char* connector = SDL_getenv("TAPSHEET_KMS_CONNECTOR");
    if (connector == nullptr || connector[0] == '\0') return;
    const int card = platform::KmsCardWithConnector("/sys/class/drm", connector);
    if (card >= 0) SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(card).c_str());
}

void SetKioskHints() {
    // Touch as touch: SDL adds mouse events marked SDL_TOUCH_MOUSEID, which
    // imgui_impl_sdl2 turns into ImGuiMouseSource_TouchScreen, and a real
    // mouse never turns into fake fingers (that would double every click).
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // The first tap on a window without focus (the second screen) must count.
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    // Two fullscreen windows (kiosk + board): focus moving to one must not
    // minimise the other.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // No system screensaver or display power-off in the middle of an event:
    // the kiosk sleeps on its own, in the configured [sleep] hours (screen_care.h).
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    PinKmsCard();
}

Uint32 EventWindowId(const SDL_Event& e) {
    switch (e.type) {
    case SDL_WINDOWEVENT:
        return e.window.windowID;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        return e.key.windowID;
    case SDL_TEXTEDITING:
        return e.edit.windowID;
    case SDL_TEXTINPUT:
        return e.text.windowID;
    case SDL_MOUSEMOTION:
        return e.motion.windowID;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return e.button.windowID;
    case SDL_MOUSEWHEEL:
        return e.wheel.windowID;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        return e.tfinger.windowID;
    case SDL_DROPFILE:
    case SDL_DROPTEXT:
    case SDL_DROPBEGIN:
    case SDL_DROPCOMPLETE:
        return e.drop.windowID;
    default:
        return e.type >= SDL_USEREVENT && e.type < SDL_LASTEVENT ? e.user.windowID : 0;
    }
}

bool IsFinger(const SDL_Event& e) {
    return e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP || e.type == SDL_FINGERMOTION;
}

bool IsMouse(const SDL_Event& e) {
    return e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP ||
           e.type == SDL_MOUSEWHEEL;
}

// Without a display server (KMSDRM) SDL gives the pointer (a mouse, or a
// touch monitor that reports as an absolute mouse) to the window opened
// last: with the board beside the kiosk, every tap went to the board.
// There, like windowless touch, it is the kiosk's.
bool PointerIsTheKiosks(const SDL_Event& e) {
    if (!IsMouse(e)) return false;
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver != nullptr && SDL_strcasecmp(driver, "KMSDRM") == 0;
}

// Whole milliseconds, rounded up so a short wait is not a busy poll.
int TimeoutMs(double timeout_s) {
    if (!(timeout_s > 0)) return 0; // NaN too
    return static_cast<int>(std::min(std::ceil(timeout_s * 1000.0), static_cast<double>(INT_MAX)));
}

} // namespace

// Routing lives in a class so it may reach EventInbox's private parts.
class Router {
  public:
    static void Route(const SDL_Event& e, EventInbox* waiting) {
        if (e.type == SDL_QUIT) {
            // SIGINT/SIGTERM or the last window closing: every window hears it.
            for (EventInbox* inbox : g_inboxes)
                inbox->events_.push_back(e);
            if (!waiting->registered_) waiting->events_.push_back(e);
            return;
        }
        const Uint32 window_id = EventWindowId(e);
        EventInbox* target = waiting;
        EventInbox* kiosk = FindTouchInbox();
        if (((IsFinger(e) && window_id == 0) || PointerIsTheKiosks(e)) && kiosk != nullptr)
            target = kiosk;
        else if (window_id != 0)
            target = FindInbox(window_id);
        // Events for windows already closed are dropped.
        if (target != nullptr) target->events_.push_back(e);
    }

  private:
    static EventInbox* FindInbox(Uint32 window_id) {
        for (EventInbox* inbox : g_inboxes)
            if (inbox->window_id_ == window_id) return inbox;
        return nullptr;
    }

    static EventInbox* FindTouchInbox() {
        EventInbox* best = nullptr;
        for (EventInbox* inbox : g_inboxes)
            if (inbox->takes_touch_ && (best == nullptr || inbox->window_id_ < best->window_id_))
                best = inbox;
        return best;
    }
};

const char* InvisibleDriverName() {
    const char* driver = SDL_GetCurrentVideoDriver();
    const std::string name = driver != nullptr ? driver : "";
    if (name != "offscreen" && name != "dummy" && name != "evdev") return nullptr;
    const char* requested = SDL_getenv("SDL_VIDEODRIVER");
    return requested != nullptr && requested[0] != '\0' ? nullptr : driver;
}

bool StartVideo(std::string* error) {
    SetKioskHints();
    // Only the first start connects to the display; later ones share it.
    const bool connects = SDL_WasInit(SDL_INIT_VIDEO) == 0;
    for (int attempt = 1;; attempt++) {
        const bool started = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
        // A display server still starting (at boot) or busy refuses a
        // connection now and then, and SDL then settles for a driver that
        // shows nothing: where a display is expected, try again first.
        const bool retry = !started || (connects && InvisibleDriverName() != nullptr && DisplayExpected());
        if (!retry || attempt == kConnectAttempts) {
            if (started) break;
            platform::SetError(error, std::string("SDL could not start its video subsystem: ") +
                                          SDL_GetError() + ". " + platform::kDisplayAdvice);
            return false;
        }
        if (started) SDL_QuitSubSystem(SDL_INIT_VIDEO);
        SDL_Delay(static_cast<Uint32>(100 * attempt));
    }
    if (g_wake_type == 0) {
        const Uint32 type = SDL_RegisterEvents(1);
        g_wake_type = type == static_cast<Uint32>(-1) ? static_cast<Uint32>(SDL_USEREVENT) : type;
    }
    return true;
}

void StopVideo() {
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

Uint32 WakeEventType() {
    return g_wake_type;
}

void PushWake(Uint32 window_id) {
    SDL_Event e{};
    e.type = g_wake_type;
    e.user.windowID = window_id;
    SDL_PushEvent(&e); // fails only when SDL is shutting down, when there is nothing to wake
}

static void SetGlAttributes() {
#if defined(IMGUI_IMPL_OPENGL_ES3)
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // ImGui draws flat 2D: no depth or stencil buffers to pay for on the Pi.
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
}

bool OpenGlWindow(const char* title, int x, int y, int width, int height, Uint32 flags, GlWindow* out,
                  std::string* error) {
    SetGlAttributes();
    out->window = SDL_CreateWindow(title, x, y, width, height, flags | SDL_WINDOW_OPENGL);
    if (out->window == nullptr) {
        platform::SetError(error, std::string("SDL could not open a window: ") + SDL_GetError() + ". " +
                                      platform::kDisplayAdvice);
        return false;
    }
    out->gl = SDL_GL_CreateContext(out->window);
    if (out->gl == nullptr) {
        platform::SetError(error, std::string("SDL could not create an ") + platform::GlApiName() +
                                      " context: " + SDL_GetError() + ". " + platform::kDisplayAdvice);
        CloseGlWindow(out);
        return false;
    }
    SDL_GL_MakeCurrent(out->window, out->gl);
    return true;
}

void CloseGlWindow(GlWindow* gl_window) {
    if (gl_window->gl != nullptr) SDL_GL_DeleteContext(gl_window->gl);
    if (gl_window->window != nullptr) SDL_DestroyWindow(gl_window->window);
    gl_window->gl = nullptr;
    gl_window->window = nullptr;
}

void EventInbox::Register(Uint32 window_id, bool takes_windowless_touch) {
    Unregister();
    window_id_ = window_id;
    takes_touch_ = takes_windowless_touch;
    registered_ = true;
    g_inboxes.push_back(this);
}

void EventInbox::Unregister() {
    if (!registered_) return;
    g_inboxes.erase(std::remove(g_inboxes.begin(), g_inboxes.end(), this), g_inboxes.end());
    registered_ = false;
}

const std::vector<SDL_Event>& EventInbox::Collect(double timeout_s) {
    // Events another window's wait already routed here must not wait longer.
    if (!events_.empty() || std::isnan(timeout_s)) timeout_s = 0;
    if (std::isinf(timeout_s)) timeout_s = -1; // "until the next event", however it was spelled
    SDL_Event e;
    bool got = false;
    if (timeout_s < 0)
        got = SDL_WaitEvent(&e) == 1;
    else if (timeout_s == 0)
        got = SDL_PollEvent(&e) == 1;
    else
        got = SDL_WaitEventTimeout(&e, TimeoutMs(timeout_s)) == 1;
    if (got) Router::Route(e, this);
    while (SDL_PollEvent(&e) == 1)
        Router::Route(e, this);
    return events_;
}

} // namespace tapsheet::sdl
