#include "app/report/export_format.h"
#include "app/core/answer.h"

#include <cstdio>

namespace tapsheet {
namespace {

constexpr std::size_t kRoundColumn = 2;
constexpr std::size_t kFilteredColumn = 5;

std::string_view DefaultText(const LocalText& text) {
    return text.Empty() ? std::string_view() : std::string_view(text.by_lang.front().second);
}

std::string_view LabelOf(const std::vector<Option>& options, std::string_view id) {
    for (const Option& option : options)
        if (option.id == id) return DefaultText(option.label);
    return {};
}

std::string_view SheetLabel(const SheetStep& sheet, std::string_view item_id) {
    if (item_id == kProjectItem) return DefaultText(sheet.project_prompt);
    if (item_id == kOwnItem) return DefaultText(sheet.own_prompt);
    for (const SheetGroup& group : sheet.groups) {
        std::string_view label = LabelOf(group.items, item_id);
        if (!label.empty()) return label;
    }
    return {};
}

std::string_view DomainLabel(const DomainsStep& domains, std::string_view item_id) {
    for (const DomainSet& set : domains.sets)
        for (const Domain& domain : set.domains)
            if (domain.id == item_id) return DefaultText(domain.name);
    return {};
}

} // namespace

// A cell a spreadsheet would evaluate as a formula (OWASP's CSV injection
// guidance): one that begins with = + - @, a tab or a carriage return, or
// their full-width forms, which some spreadsheets take for the same. Free
// text typed on the kiosk's own keyboard can begin with any of them.
bool SpreadsheetWouldEvaluate(std::string_view text) {
    if (text.empty()) return false;
    if (std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) return true;
    for (std::string_view wide : {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D", "\xEF\xBC\xA0"})
        if (text.substr(0, wide.size()) == wide) return true;
    return false;
}

std::string CsvField(std::string_view text) {
    // Such a cell is quoted and begins with an apostrophe, which spreadsheets
    // read as "this is text" and do not show.
    const bool formula = SpreadsheetWouldEvaluate(text);
    if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string quoted = formula ? "\"'" : "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string CsvRecord(const ExportFields& fields) {
    std::string record;
    for (std::size_t i = 0; i < fields.size(); ++i)
        record += (i ? "," : "") + CsvField(fields[i]);
    return record + "\r\n";
}

std::string CsvHeader() {
    ExportFields names;
    for (std::size_t i = 0; i < names.size(); ++i)
        names[i] = kExportColumns[i];
    return CsvRecord(names);
}

std::string JsonString(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c; // UTF-8 bytes pass through
        }
    }
    return out + '"';
}

std::string JsonObject(const ExportFields& fields) {
    std::string object = "{";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        object += (i ? ", " : "") + JsonString(kExportColumns[i]) + ": ";
        if (i == kRoundColumn)
            object += fields[i];
        else if (i == kFilteredColumn)
            object += fields[i] == "1" ? "true" : "false";
        else
            object += JsonString(fields[i]);
    }
    return object + "}";
}

AnswerLabels LabelAnswer(const Pack& pack, std::string_view step_id, std::string_view item_id) {
    const Step* step = pack.FindStep(step_id);
    if (!step) return {};
    AnswerLabels labels;
    labels.question = std::string(DefaultText(step->prompt.Empty() ? step->title : step->prompt));
    if (step->kind == StepKind::Poll) labels.option = std::string(LabelOf(step->poll.options, item_id));
    if (step->kind == StepKind::Sheet) labels.option = std::string(SheetLabel(step->sheet, item_id));
    if (step->kind == StepKind::Domains) labels.option = std::string(DomainLabel(step->domains, item_id));
    return labels;
}

} // namespace tapsheet
