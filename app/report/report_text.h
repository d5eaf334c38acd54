// Text helpers of the report (report.h): escaping for HTML and SVG, numbers
// and percentages as the board writes them, a width estimate for wrapping
// labels inside SVG (which cannot wrap text itself), and stored UTC stamps
// shown in the event's local time. Pure functions, no locale, no clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tapsheet::report {

// Safe inside HTML and SVG text and attribute values: & < > " ' become
// entities; control characters other than tab, CR and LF (not allowed in
// XML) are dropped; UTF-8 passes through as it is.
std::string Escape(std::string_view text);

// Every "{key}" in `pattern` replaced with `value`.
std::string Fill(std::string pattern, std::string_view key, std::string_view value);

std::string Thousands(long long n);       // 12,345
int Percent(int count, int total);        // rounded to the nearest whole; 0 when total <= 0
std::string Figure(int count, int total); // "7 (58%)"; "0" when nobody answered
double Fraction(int count, int total);    // count / total within 0..1; 0 when total <= 0

// Estimated width of `text` in ems of a common sans-serif face, a little
// generous, so a label wrapped to fit never runs past its box.
double TextEm(std::string_view text);
// `text` broken at spaces into lines no wider than `max_em` (a single word
// longer than that stands on its own line).
std::vector<std::string> WrapText(std::string_view text, double max_em);

// Minutes since 1970-01-01 00:00 in the event's local time, from a stored
// stamp ("2024-04-11T09:00:00.000Z"); false when it is not one.
bool LocalMinutes(std::string_view stamp, int utc_offset_minutes, long long* minutes);
std::string DateOf(long long minutes);        // "2024-04-11"
std::string ClockOf(long long minutes);       // "09:05"
std::string ZoneName(int utc_offset_minutes); // "UTC", "UTC+01:00", "UTC-05:30"

} // namespace tapsheet::report
