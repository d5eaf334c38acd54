// The export's format, independent of where rows come from: the stable
// column names (documented in the README), RFC 4180 CSV and JSON text, and
// the labels of an answer in the words of the pack it was given under.
#pragma once

#include "app/core/content.h"

#include <array>
#include <string>
#include <string_view>

namespace tapsheet {

// One exported answer, every field as text, in kExportColumns order.
inline constexpr std::array<const char*, 14> kExportColumns = {
    "visit_id", "kiosk_id", "round",   "lang",   "visit_status", "filtered",    "visit_started_at",
    "step_id",  "question", "item_id", "option", "value",        "answered_at", "pack_hash"};
using ExportFields = std::array<std::string, kExportColumns.size()>;

// The `value` of a row that records a skipped step (its item_id and option
// are empty, answered_at is when it was skipped): a skip is an answer too,
// "not for me", unlike a step never reached.
inline constexpr const char* kSkippedValue = "skipped";

// A field quoted only when it must be (comma, quote, CR or LF), quotes
// doubled; a record ends with CRLF (RFC 4180). A field a spreadsheet would
// evaluate as a formula is quoted and prefixed with an apostrophe (CSV
// only: JSON keeps every text exact).
bool SpreadsheetWouldEvaluate(std::string_view text);
std::string CsvField(std::string_view text);
std::string CsvRecord(const ExportFields& fields);
std::string CsvHeader();

// A JSON string literal: quotes, backslash and control characters escaped,
// UTF-8 passed through as it is.
std::string JsonString(std::string_view text);
// One JSON object with the column names as keys ("round" a number,
// "filtered" a boolean, the rest strings).
std::string JsonObject(const ExportFields& fields);

// What an answer row means, in the pack's default language: the step's
// question and the chosen option's label (a poll option, a benefit, a
// domain; the prompt of the project box or of "add your own" for free
// text). Empty when the pack does not know the step or item.
struct AnswerLabels {
    std::string question;
    std::string option;
};
AnswerLabels LabelAnswer(const Pack& pack, std::string_view step_id, std::string_view item_id);

} // namespace tapsheet
