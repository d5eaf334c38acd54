#include "app/report/report_svg.h"

#include "app/report/report_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tapsheet::report {

namespace {

constexpr const char* kText = "#1b1b1f";
constexpr const char* kMuted = "#4a4a55";
constexpr const char* kPrimary = "#0b5fa5";
constexpr const char* kLeast = "#a63c00";
constexpr const char* kTrack = "#e4e4ea";
constexpr const char* kFont = "'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

// Sizes in the chart's own units: the page shows 440 units in 460 px at
// most, and in about 350 px on a phone, where a label is still 14 px.
constexpr double kTitleSize = 21, kTitleLine = 27;
constexpr double kNoteSize = 16, kNoteLine = 21;
constexpr double kLabelSize = 18, kLabelLine = 23;
constexpr double kFigureSize = 16;
constexpr double kBarHeight = 18;
constexpr double kRowGap = 12;

// Numbers in SVG without locale or needless digits: 12, 12.5.
std::string Num(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", std::round(value * 10) / 10);
    std::string out = text;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
    return out == "-0" ? "0" : out;
}

std::string TextAt(double x, double y, double size, const char* color, const std::string& text,
                   const char* extra = "") {
    return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(size) + "\" fill=\"" + color +
           "\"" + extra + ">" + Escape(text) + "</text>\n";
}

std::string Rect(double x, double y, double w, double h, const std::string& fill) {
    return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(w) + "\" height=\"" + Num(h) +
           "\" fill=\"" + fill + "\"/>\n";
}

std::string HatchFill(const std::string& id) {
    return "url(#hatch-" + id + ")";
}

std::string Defs(const std::string& id) {
    return "<defs><pattern id=\"hatch-" + Escape(id) +
           "\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
           "<rect width=\"7\" height=\"7\" fill=\"" +
           kLeast +
           "\"/><rect width=\"3\" height=\"7\" fill=\"#ffffff\" fill-opacity=\"0.6\"/></pattern></defs>\n";
}

std::string Open(const std::string& title, double height, bool standalone) {
    std::string svg = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(kChartWidth) + "\" height=\"" +
           Num(height) + "\" viewBox=\"0 0 " + Num(kChartWidth) + " " + Num(height) +
           "\" role=\"img\" font-family=\"" + kFont + "\">\n<title>" + Escape(title) + "</title>\n";
    if (standalone) svg += Rect(0, 0, kChartWidth, height, "#ffffff");
    return svg;
}

// Title (standalone only), notes and legend; returns the y below them.
double Header(const std::string& id, const std::string& title, const std::vector<std::string>& notes,
              const std::vector<LegendEntry>& legend, bool standalone, std::string* out) {
    double y = kPad;
    const double width_em = (kChartWidth - 2 * kPad);
    if (standalone)
        for (const std::string& line : WrapText(title, width_em / kTitleSize)) {
            *out += TextAt(kPad, y + kTitleSize, kTitleSize, kText, line, " font-weight=\"bold\"");
            y += kTitleLine;
        }
    for (const std::string& note : notes)
        for (const std::string& line : WrapText(note, width_em / kNoteSize)) {
            *out += TextAt(kPad, y + kNoteSize, kNoteSize, kMuted, line);
            y += kNoteLine;
        }
    double x = kPad;
    if (!legend.empty()) y += 4;
    for (const LegendEntry& entry : legend) {
        const double w = 16 + 6 + TextEm(entry.label) * kNoteSize;
        // Each entry on one line: a new line when the next does not fit.
        if (x > kPad && x + w > kChartWidth - kPad) {
            x = kPad;
            y += kNoteLine + 4;
        }
        *out += Rect(x, y + 2, 16, 16, entry.hatched ? HatchFill(id) : kPrimary);
        *out += TextAt(x + 22, y + kNoteSize, kNoteSize, kText, entry.label);
        x += w + 18;
    }
    if (!legend.empty()) y += kNoteLine + 4;
    return y + 8;
}

double DrawBar(const std::string& id, const Bar& bar, double y, std::string* out) {
    if (!bar.label.empty()) {
        const char* weight = bar.strong ? " font-weight=\"bold\"" : "";
        const double marker = bar.strong ? 14 : 0; // a filled dot: "most marked" without colour
        if (bar.strong)
            *out += "<circle cx=\"" + Num(kPad + 5) + "\" cy=\"" + Num(y + kLabelSize * 0.65) +
                    "\" r=\"5\" fill=\"" + kText + "\"/>\n";
        for (const std::string& line : WrapText(bar.label, (kChartWidth - 2 * kPad - marker) / kLabelSize)) {
            *out += TextAt(kPad + marker, y + kLabelSize, kLabelSize, kText, line, weight);
            y += kLabelLine;
        }
        y += 3;
    }
    *out += Rect(kPad, y, kTrackWidth, kBarHeight, kTrack);
    const double length = BarLength(bar.fraction);
    if (length > 0) *out += Rect(kPad, y, length, kBarHeight, bar.hatched ? HatchFill(id) : kPrimary);
    *out += TextAt(kChartWidth - kPad, y + kBarHeight - 3, kFigureSize, kText, bar.figure,
                   " font-weight=\"bold\" text-anchor=\"end\"");
    return y + kBarHeight + kRowGap;
}

// A round step for the count axis: 1, 2, 5, 10, 20… with at most five
// steps up to `top`.
int AxisStep(int top) {
    for (int scale = 1;; scale *= 10)
        for (int m : {1, 2, 5})
            if (top <= 5 * m * scale) return m * scale;
}

} // namespace

double BarLength(double fraction) {
    const double f = std::clamp(fraction, 0.0, 1.0);
    if (f <= 0) return 0;
    return std::max(kMinBar, f * kTrackWidth);
}

std::string BarChartSvg(const BarChart& chart, bool standalone) {
    std::string body;
    double y = Header(chart.id, chart.title, chart.notes, chart.legend, standalone, &body);
    for (const BarGroup& group : chart.groups) {
        if (!group.title.empty()) {
            y += 4;
            for (const std::string& line : WrapText(group.title, (kChartWidth - 2 * kPad) / kLabelSize)) {
                body += TextAt(kPad, y + kLabelSize, kLabelSize, kText, line, " font-weight=\"bold\"");
                y += kLabelLine;
            }
            y += 4;
        }
        for (const Bar& bar : group.bars)
            y = DrawBar(chart.id, bar, y, &body);
        y += 6;
    }
    const double height = std::ceil(y - kRowGap - 6 + kPad);
    return Open(chart.title, height, standalone) + Defs(chart.id) + body + "</svg>\n";
}

std::string TimelineSvg(const Timeline& timeline, bool standalone) {
    std::string body;
    const double top =
        Header(timeline.id, timeline.title, timeline.notes, timeline.legend, standalone, &body);
    const double plot_x = kPad + 34, plot_w = kChartWidth - plot_x - kPad;
    const double plot_top = top + 16, plot_h = 170;
    const double base = plot_top + plot_h;
    int highest = 1;
    for (const TimeBin& bin : timeline.bins)
        highest = std::max(highest, bin.counted + bin.filtered);
    const int step = AxisStep(highest);
    const int axis_max = (highest + step - 1) / step * step;
    for (int tick = 0; tick <= axis_max; tick += step) {
        const double ty = base - plot_h * tick / axis_max;
        body += Rect(plot_x, ty - 0.5, plot_w, 1, tick == 0 ? kMuted : kTrack);
        body += TextAt(plot_x - 6, ty + 5, 14, kMuted, Thousands(tick), " text-anchor=\"end\"");
    }
    const std::size_t n = std::max<std::size_t>(1, timeline.bins.size());
    const double slot = plot_w / static_cast<double>(n);
    // Time labels as often as they fit side by side without touching.
    double label_w = 0;
    for (const TimeBin& bin : timeline.bins)
        label_w = std::max(label_w, TextEm(bin.label) * 14 + 12);
    const auto label_every = static_cast<std::size_t>(std::max(1.0, std::ceil(label_w / slot)));
    for (std::size_t i = 0; i < timeline.bins.size(); ++i) {
        const TimeBin& bin = timeline.bins[i];
        const double x = plot_x + slot * static_cast<double>(i);
        const double counted_h = plot_h * bin.counted / axis_max;
        const double filtered_h = plot_h * bin.filtered / axis_max;
        if (bin.counted > 0) body += Rect(x + slot * 0.1, base - counted_h, slot * 0.8, counted_h, kPrimary);
        if (bin.filtered > 0)
            body += Rect(x + slot * 0.1, base - counted_h - filtered_h, slot * 0.8, filtered_h,
                         HatchFill(timeline.id));
        const int total = bin.counted + bin.filtered;
        if (total > 0 && slot >= 16)
            body += TextAt(x + slot / 2, base - counted_h - filtered_h - 4, 13, kText, Thousands(total),
                           " text-anchor=\"middle\"");
        if (i % label_every == 0) {
            body += Rect(x, base, 1, 5, kMuted);
            body += TextAt(x, base + 20, 14, kMuted, bin.label, " text-anchor=\"middle\"");
        }
    }
    const double height = std::ceil(base + 19 + 6 + kPad);
    return Open(timeline.title, height, standalone) + Defs(timeline.id) + body + "</svg>\n";
}

} // namespace tapsheet::report
