#include "app/cli/commands.h"
#include "app/cli/kiosk_session.h"
#include "app/cli/options.h"
#include "app/core/loader.h"

#include "imgui.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tapsheet {

namespace {

double Seconds() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

void PrintHelp(const char* name) {
    std::printf("usage: tapsheet %s [options]\n\n%s", name, CommonOptionsHelp());
}

// When the loop has to wake up even without input: the next flow timeout,
// the next whole second of a visible countdown, or soon while a save is
// pending (the "Saving…" state appears after a short delay).
double NextWake(const Flow& flow, double now) {
    double wake = now + 60;
    double deadline = flow.NextDeadline(now);
    if (deadline > 0) wake = std::min(wake, deadline);
    bool countdown = flow.StillThereShown() || flow.Screen() == FlowScreen::Thanks;
    if (countdown) {
        double left = flow.Screen() == FlowScreen::Thanks ? flow.ThanksLeft(now) : flow.StillThereLeft(now);
        // Just past the next whole second, so the number shown is never stale.
        double frac = left - std::floor(left);
        wake = std::min(wake, now + frac + 0.002);
    }
    if (flow.Saving()) wake = std::min(wake, now + 0.05);
    return wake;
}

// A finger (or mouse, or key) did something this frame. Window events such
// as an expose also wake the loop, but they are not a person being there,
// so they must not hold off "Still there?".
bool PersonTouched() {
    const ImGuiIO& io = ImGui::GetIO();
    bool moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
    bool pressed = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    return moved || pressed || !io.InputQueueCharacters.empty() || io.MouseWheel != 0;
}

struct FlowSignature {
    FlowScreen screen;
    std::size_t step;
    bool still_there;
    bool operator==(const FlowSignature&) const = default;
};

FlowSignature SignatureOf(const Flow& flow) {
    return {flow.Screen(), flow.StepIndex(), flow.StillThereShown()};
}

int RunLoop(Window& window, KioskSession& session, const Theme& theme, bool redraw_always) {
    int frames = 3; // draw a few frames after anything happens, then wait
    double next_wake = 0;
    std::vector<TapTarget>* no_targets = nullptr;
    const Pack& pack = session.GetFlow().GetPack();
    std::string default_lang = pack.languages.empty() ? "en" : pack.languages.front().code;
    bool first_frame = true;
    while (!window.CloseRequested()) {
        if (redraw_always) frames = std::max(frames, 1);
        double now = Seconds();
        double timeout = frames > 0 ? 0 : std::max(0.0, next_wake - now);
        int events = window.WaitEvents(timeout);
        now = Seconds();
        Flow& flow = session.GetFlow();
        if (events > 0) frames = 3;
        FlowSignature before = SignatureOf(flow);
        flow.Tick(now);
        if (session.Pump(now) || !(SignatureOf(flow) == before)) frames = 3;
        if (now >= next_wake) frames = std::max(frames, 1);
        if (frames <= 0) continue;
        window.BeginFrame();
        if (PersonTouched()) flow.Touch(now);
        UiFrame ui{theme, flow.Lang().empty() ? default_lang : flow.Lang(), now, no_targets};
        Intents intents = DrawKiosk(ui, session.View());
        window.EndFrame();
        --frames;
        if (first_frame) {
            // Benchmarks time start-up to this line.
            std::fprintf(stderr, "tapsheet: first frame presented\n");
            first_frame = false;
        }
        if (!intents.empty()) {
            session.Apply(intents, now);
            session.Pump(now);
            frames = 3;
        }
        next_wake = NextWake(flow, now);
        // Until the writer has opened the database we do not know whether to
        // show the out-of-service notice: look again soon.
        if (session.Writer() && !session.Writer()->Ready()) next_wake = std::min(next_wake, now + 0.1);
    }
    // Stopped by the service manager or the window: a visit in progress ends
    // as abandoned (the writer drains its queue before the program exits).
    session.GetFlow().StartOver(Seconds());
    session.Pump(Seconds());
    return 0;
}

} // namespace

int RunKiosk(int argc, char** argv) {
    bool demo = !std::strcmp(argv[0], "demo");
    CommonOptions options;
    if (demo) options.windowed = true; // a desktop try-out; the kiosk itself is full-screen
    std::string error;
    if (!ParseOptions(argc, argv, options, &error)) {
        std::fprintf(stderr, "tapsheet %s: %s\n", argv[0], error.c_str());
        return 2;
    }
    if (options.help) {
        PrintHelp(argv[0]);
        return 0;
    }
    if (options.content.empty()) options.content = DefaultContentPath();
    if (options.db.empty()) options.db = DefaultDatabasePath();
    LoadResult loaded = LoadPackFile(options.content);
    Pack pack = loaded.pack ? *loaded.pack : Pack{};
    std::string pack_problem;
    for (const LoadError& e : loaded.errors) {
        std::fprintf(stderr, "%s\n", e.ToString().c_str());
        if (pack_problem.empty()) pack_problem = "The content pack has a problem: " + e.ToString();
    }
    WindowOptions window_options;
    window_options.title = demo ? "tapsheet demo: kiosk" : "tapsheet kiosk";
    window_options.fullscreen = !options.windowed;
    window_options.width = options.width;
    window_options.height = options.height;
    std::unique_ptr<Window> window = CreateAppWindow(options.backend, window_options, &error);
    if (!window) {
        std::fprintf(stderr, "tapsheet %s: %s\n", argv[0], error.c_str());
        return 1;
    }
    ImGui::SetCurrentContext(window->Context());
    Theme theme;
    int fb_w = 0, fb_h = 0;
    window->FramebufferSize(fb_w, fb_h);
    if (!SetupTheme(theme, fb_w, fb_h, options.dpi, &error)) {
        std::fprintf(stderr, "tapsheet %s: %s\n", argv[0], error.c_str());
        return 1;
    }
    std::unique_ptr<VisitWriter> writer;
    if (loaded.pack) {
        Window* raw = window.get();
        WriterOptions writer_options;
        writer_options.db_path = options.db;
        writer_options.kiosk_id = options.kiosk_id;
        writer_options.wake = [raw] { raw->Wake(); };
        writer = std::make_unique<VisitWriter>(writer_options, pack);
        std::fprintf(stderr, "tapsheet %s: content %s, results in %s\n", argv[0], options.content.c_str(),
                     options.db.c_str());
    }
    KioskSession session(pack, std::move(writer));
    if (!pack_problem.empty())
        session.SetServiceProblem(pack_problem, "Fix the file (tapsheet validate FILE says what is wrong), "
                                                "or start with the default pack, then restart the kiosk.");
    return RunLoop(*window, session, theme, options.redraw_always);
}

} // namespace tapsheet
