// SetConfigString: edits one key of the config file as text, so an
// organiser's comments and layout survive `tapsheet set-pin`. Lines are
// read as TOML's lexer reads them only as far as needed to tell a header or
// a key from text inside a multi-line string or array.
#include "app/core/config.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace tapsheet {

namespace {

std::string_view Trim(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    const std::size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

// The name of a `[section]` header line, or empty.
std::string_view HeaderName(std::string_view line) {
    const std::string_view trimmed = Trim(line);
    if (trimmed.size() < 3 || trimmed[0] != '[' || trimmed[1] == '[') return {};
    const std::size_t close = trimmed.find(']');
    if (close == std::string_view::npos) return {};
    return Trim(trimmed.substr(1, close - 1));
}

bool SetsKey(std::string_view line, std::string_view key) {
    const std::string_view trimmed = Trim(line);
    if (trimmed.substr(0, key.size()) != key) return false;
    return Trim(trimmed.substr(key.size())).substr(0, 1) == "=";
}

std::string TomlString(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Where a TOML line leaves the lexer: inside a multi-line string, or
// inside brackets (an array spread over lines), or neither. A line that
// starts inside either continues the statement above: never a header or a
// key, whatever it looks like.
struct LexState {
    char string_quote = 0; // '"' or '\'' while inside a multi-line string
    int depth = 0;         // open [ and { of values

    bool InStatement() const { return string_quote != 0 || depth > 0; }
};

std::size_t QuoteRun(std::string_view line, std::size_t at, char quote) {
    std::size_t run = 0;
    while (at + run < line.size() && line[at + run] == quote)
        ++run;
    return run;
}

// The state after `line` (without its newline), from the state before it.
LexState Scan(std::string_view line, LexState state) {
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (state.string_quote != 0) { // inside a multi-line string
            if (c == '\\' && state.string_quote == '"') {
                i += 2;
                continue;
            }
            const std::size_t run = QuoteRun(line, i, state.string_quote);
            if (run >= 3) state.string_quote = 0; // up to two quotes of the text may precede it
            i += std::max<std::size_t>(run, 1);
            continue;
        }
        if (c == '#') break; // a comment to the end of the line
        if (c == '"' || c == '\'') {
            if (QuoteRun(line, i, c) >= 3) {
                state.string_quote = c;
                i += 3;
                continue;
            }
            ++i; // a one-line string: to its closing quote (or the line's end)
            while (i < line.size() && line[i] != c)
                i += (c == '"' && line[i] == '\\') ? 2 : 1;
            ++i;
            continue;
        }
        if (c == '[' || c == '{') ++state.depth;
        if ((c == ']' || c == '}') && state.depth > 0) --state.depth;
        ++i;
    }
    return state;
}

std::vector<std::string> Lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t end = text.find('\n', from);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(from, end - from));
        from = end + 1;
    }
    return lines;
}

} // namespace

std::string SetConfigString(std::string_view text, std::string_view section, std::string_view key,
                            std::string_view value) {
    std::vector<std::string> lines = Lines(text);
    const std::string assignment = std::string(key) + " = " + TomlString(value);
    bool in_section = false;
    std::size_t section_end = lines.size(); // one past its last non-blank line
    bool found_section = false;
    LexState state;
    for (std::size_t i = 0; i < lines.size(); i++) {
        const bool continues = state.InStatement();
        state = Scan(lines[i], state);
        if (continues) {
            if (in_section) section_end = i + 1;
            continue;
        }
        const std::string_view header = HeaderName(lines[i]);
        if (!header.empty()) {
            in_section = header == section;
            found_section = found_section || in_section;
            if (in_section) section_end = i + 1;
            continue;
        }
        if (!in_section) continue;
        if (SetsKey(lines[i], key)) {
            const std::size_t indent = lines[i].find_first_not_of(" \t");
            lines[i] = lines[i].substr(0, indent) + assignment;
            // The old value's further lines (a multi-line string or array) go with it.
            std::size_t end = i + 1;
            for (; end < lines.size() && state.InStatement(); ++end)
                state = Scan(lines[end], state);
            lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i + 1),
                        lines.begin() + static_cast<std::ptrdiff_t>(end));
            section_end = lines.size() + 1; // done
            break;
        }
        if (!Trim(lines[i]).empty()) section_end = i + 1;
    }
    if (!found_section) {
        if (!lines.empty() && !Trim(lines.back()).empty()) lines.emplace_back();
        lines.push_back("[" + std::string(section) + "]");
        lines.push_back(assignment);
    } else if (section_end <= lines.size()) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(section_end), assignment);
    }
    std::string out;
    for (const std::string& line : lines)
        out += line + "\n";
    return out;
}

} // namespace tapsheet
