#include "app/report/report_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tapsheet::report {

namespace {

// Widths in ems, roughly those of Arial / Noto Sans, rounded up.
double CharEm(unsigned char c) {
    if (c == ' ') return 0.3;
    if (std::string_view("iljtf.,:;'!|()[]").find(static_cast<char>(c)) != std::string_view::npos)
        return 0.32;
    if (std::string_view("mwMW@%").find(static_cast<char>(c)) != std::string_view::npos) return 0.9;
    if (c >= 'A' && c <= 'Z') return 0.7;
    if (c >= '0' && c <= '9') return 0.58;
    return 0.58;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil), so no time zone or C library clock is involved.
long long DaysFromCivil(long long y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void CivilFromDays(long long z, long long* y, int* m, int* d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool Digits(std::string_view text, std::size_t at, std::size_t count, int* out) {
    if (at + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    *out = value;
    return true;
}

long long FloorDiv(long long a, long long b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

std::string Escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            if (byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
    return out;
}

std::string Fill(std::string pattern, std::string_view key, std::string_view value) {
    const std::string token = "{" + std::string(key) + "}";
    for (std::size_t at = pattern.find(token); at != std::string::npos;
         at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

std::string Thousands(long long n) {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

int Percent(int count, int total) {
    if (total <= 0) return 0;
    return static_cast<int>(std::lround(100.0 * count / total));
}

std::string Figure(int count, int total) {
    if (total <= 0) return Thousands(count);
    return Thousands(count) + " (" + std::to_string(Percent(count, total)) + "%)";
}

double Fraction(int count, int total) {
    if (total <= 0) return 0;
    return std::clamp(static_cast<double>(count) / total, 0.0, 1.0);
}

double TextEm(std::string_view text) {
    double em = 0;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80)
            em += CharEm(byte);
        else if ((byte & 0xC0) != 0x80)
            em += 0.62; // the first byte of a non-ASCII letter (ŵ, á, …); continuation bytes add nothing
    }
    return em;
}

std::vector<std::string> WrapText(std::string_view text, double max_em) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t space = text.find(' ', from);
        if (space == std::string_view::npos) space = text.size();
        const std::string_view word = text.substr(from, space - from);
        from = space + 1;
        if (word.empty()) continue;
        const std::string joined = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (!line.empty() && TextEm(joined) > max_em) {
            lines.push_back(line);
            line = std::string(word);
        } else {
            line = joined;
        }
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

bool LocalMinutes(std::string_view stamp, int utc_offset_minutes, long long* minutes) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    if (!Digits(stamp, 0, 4, &year) || !Digits(stamp, 5, 2, &month) || !Digits(stamp, 8, 2, &day) ||
        !Digits(stamp, 11, 2, &hour) || !Digits(stamp, 14, 2, &minute))
        return false;
    if (stamp[4] != '-' || stamp[7] != '-' || stamp[10] != 'T' || stamp[13] != ':') return false;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return false;
    *minutes = DaysFromCivil(year, month, day) * 1440 + hour * 60 + minute + utc_offset_minutes;
    return true;
}

std::string DateOf(long long minutes) {
    long long year = 0;
    int month = 0, day = 0;
    CivilFromDays(FloorDiv(minutes, 1440), &year, &month, &day);
    char text[32];
    std::snprintf(text, sizeof text, "%04lld-%02d-%02d", year, month, day);
    return text;
}

std::string ClockOf(long long minutes) {
    const long long in_day = minutes - FloorDiv(minutes, 1440) * 1440;
    char text[48];
    std::snprintf(text, sizeof text, "%02lld:%02lld", in_day / 60, in_day % 60);
    return text;
}

std::string ZoneName(int utc_offset_minutes) {
    if (utc_offset_minutes == 0) return "UTC";
    const int size = std::abs(utc_offset_minutes);
    char text[16];
    std::snprintf(text, sizeof text, "UTC%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+', size / 60,
                  size % 60);
    return text;
}

} // namespace tapsheet::report
