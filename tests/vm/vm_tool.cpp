// The host's side of deploy/vm-test.sh (issue 13): talks to a QEMU guest
// through its QMP socket (screendumps, absolute-pointer taps, keys) and
// compares two PNGs. A tool, not a test: the script decides what passes.
//
//   vm_tool qmp SOCKET screendump FILE.png [HEAD]   (HEAD of the device "gpu")
//   vm_tool qmp SOCKET tap X Y            (guest pixels; see PixelTap)
//   vm_tool qmp SOCKET hold X Y SECONDS   (a finger held there)
//   vm_tool qmp SOCKET key QCODE          (e.g. f4 with alt: key alt-f4)
//   vm_tool head VNC_SOCKET W H           (the second head on, at W x H: tests/vm/second_head.h;
//                                          holds until QEMU ends)
//   vm_tool compare A.png B.png           (prints the differences at the best shift; exit 0)
#include "tests/vm/qmp.h"
#include "tests/vm/second_head.h"

#include <png.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using tapsheet::vm::Qmp;
using tapsheet::vm::SecondHead;

int Usage() {
    std::fprintf(stderr, "usage: vm_tool qmp SOCKET screendump FILE [HEAD] | tap X Y | hold X Y SECONDS | "
                         "key QCODE[-QCODE...]\n"
                         "       vm_tool head VNC_SOCKET WIDTH HEIGHT\n"
                         "       vm_tool compare A.png B.png\n");
    return 2;
}

// A finger: moved to (x, y), pressed, held `seconds`, lifted (a tap is
// held 90 ms, the staff gesture's corner 3.6 s).
int PixelPress(Qmp& qmp, int x, int y, double seconds) {
    const bool moved = qmp.MoveTo(x, y);
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    const bool pressed = qmp.Button(true);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const bool released = qmp.Button(false);
    return moved && pressed && released ? 0 : 1;
}

int RunQmp(int argc, char** argv) {
    if (argc < 4) return Usage();
    Qmp qmp(argv[2]);
    if (!qmp.Ok()) {
        std::fprintf(stderr, "vm_tool: cannot talk to QMP at %s\n", argv[2]);
        return 1;
    }
    const std::string what = argv[3];
    if (what == "screendump" && (argc == 5 || argc == 6))
        return qmp.Screendump(argv[4], argc == 6 ? std::atoi(argv[5]) : 0) ? 0 : 1;
    if (what == "tap" && argc == 6) return PixelPress(qmp, std::atoi(argv[4]), std::atoi(argv[5]), 0.09);
    if (what == "hold" && argc == 7)
        return PixelPress(qmp, std::atoi(argv[4]), std::atoi(argv[5]), std::atof(argv[6]));
    if (what == "key" && argc == 5) return qmp.Keys(argv[4]) ? 0 : 1;
    return Usage();
}

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
};

bool ReadPng(const char* path, Image* image) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, path)) return false;
    png.format = PNG_FORMAT_RGB;
    image->width = static_cast<int>(png.width);
    image->height = static_cast<int>(png.height);
    image->rgb.resize(PNG_IMAGE_SIZE(png));
    return png_image_finish_read(&png, nullptr, image->rgb.data(), 0, nullptr) != 0;
}

struct Difference {
    double mean = 255;      // mean absolute difference per channel, 0..255
    double differing = 100; // % of pixels where a channel differs by more than 32
};

// `b` against `a` moved by (dx, dy), over the part they share, every
// `step`th pixel each way.
Difference DifferenceAt(const Image& a, const Image& b, int dx, int dy, int step) {
    double sum = 0;
    long pixels = 0, differing = 0;
    for (int y = std::max(0, dy); y < std::min(a.height, b.height + dy); y += step)
        for (int x = std::max(0, dx); x < std::min(a.width, b.width + dx); x += step) {
            const unsigned char* pa = &a.rgb[(static_cast<std::size_t>(y) * a.width + x) * 3];
            const unsigned char* pb = &b.rgb[(static_cast<std::size_t>(y - dy) * b.width + (x - dx)) * 3];
            int worst = 0;
            for (int channel = 0; channel < 3; ++channel) {
                const int difference = std::abs(pa[channel] - pb[channel]);
                sum += difference;
                worst = std::max(worst, difference);
            }
            differing += worst > 32;
            ++pixels;
        }
    if (pixels == 0) return {};
    return {sum / (pixels * 3.0), 100.0 * differing / pixels};
}

// Prints "size WxH shift DX,DY mean M differing P%": the attract screen
// drifts by up to kDriftUnits either way (screen care), so the best
// alignment within kMaxShift pixels is found first (coarse, then fine).
int Compare(const char* a_path, const char* b_path) {
    constexpr int kMaxShift = 48;
    Image a, b;
    if (!ReadPng(a_path, &a) || !ReadPng(b_path, &b)) {
        std::fprintf(stderr, "vm_tool: cannot read %s or %s\n", a_path, b_path);
        return 1;
    }
    if (a.width != b.width || a.height != b.height) {
        std::printf("size %dx%d vs %dx%d shift 0,0 mean 255.00 differing 100.00%%\n", a.width, a.height,
                    b.width, b.height);
        return 0;
    }
    int best_x = 0, best_y = 0;
    double best = DifferenceAt(a, b, 0, 0, 4).mean;
    for (int dy = -kMaxShift; dy <= kMaxShift; dy += 4)
        for (int dx = -kMaxShift; dx <= kMaxShift; dx += 4) {
            const double mean = DifferenceAt(a, b, dx, dy, 4).mean;
            if (mean < best) best = mean, best_x = dx, best_y = dy;
        }
    const int coarse_x = best_x, coarse_y = best_y;
    best = DifferenceAt(a, b, best_x, best_y, 1).mean;
    for (int dy = coarse_y - 3; dy <= coarse_y + 3; ++dy)
        for (int dx = coarse_x - 3; dx <= coarse_x + 3; ++dx) {
            const double mean = DifferenceAt(a, b, dx, dy, 1).mean;
            if (mean < best) best = mean, best_x = dx, best_y = dy;
        }
    const Difference found = DifferenceAt(a, b, best_x, best_y, 1);
    std::printf("size %dx%d shift %d,%d mean %.2f differing %.2f%%\n", a.width, a.height, best_x, best_y,
                found.mean, found.differing);
    return 0;
}

int RunHead(const char* socket, int width, int height) {
    SecondHead head(socket, width, height);
    if (!head.Error().empty()) {
        std::fprintf(stderr, "vm_tool: %s\n", head.Error().c_str());
        return 1;
    }
    head.WaitUntilClosed();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "qmp") == 0) return RunQmp(argc, argv);
    if (argc == 5 && std::strcmp(argv[1], "head") == 0)
        return RunHead(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (argc == 4 && std::strcmp(argv[1], "compare") == 0) return Compare(argv[2], argv[3]);
    return Usage();
}
