// The export's rows written as CSV or JSON (results_out.h), labelled with
// the words of the pack each visit was given under.
#include "app/session/results_out.h"

#include "app/core/loader.h"
#include "app/report/export_format.h"

#include <map>
#include <optional>
#include <string>

namespace tapsheet {

namespace {

// The stored packs, parsed once each: hash -> pack (nullopt if unreadable).
std::map<std::string, std::optional<Pack>> ParsePacks(const ExportData& data) {
    std::map<std::string, std::optional<Pack>> packs;
    for (const auto& [hash, text] : data.packs)
        packs[hash] = LoadPackText(text, "stored pack " + hash).pack;
    return packs;
}

ExportFields FieldsOf(const ExportRow& row, const std::map<std::string, std::optional<Pack>>& packs) {
    AnswerLabels labels;
    auto pack = packs.find(row.pack_hash);
    if (pack != packs.end() && pack->second) labels = LabelAnswer(*pack->second, row.step_id, row.item_id);
    return {row.visit_id,
            row.kiosk_id,
            std::to_string(row.round),
            row.lang,
            row.visit_status,
            row.filtered ? "1" : "0",
            row.visit_started_at,
            row.step_id,
            labels.question,
            row.item_id,
            labels.option,
            row.skipped ? kSkippedValue : row.value,
            row.answered_at,
            row.pack_hash};
}

} // namespace

void WriteExport(std::ostream& out, const std::string& format, const ExportData& data) {
    const auto packs = ParsePacks(data);
    if (format == "csv") {
        out << CsvHeader();
        for (const ExportRow& row : data.rows)
            out << CsvRecord(FieldsOf(row, packs));
        return;
    }
    out << "[";
    for (std::size_t i = 0; i < data.rows.size(); ++i)
        out << (i ? ",\n " : "\n ") << JsonObject(FieldsOf(data.rows[i], packs));
    out << (data.rows.empty() ? "]\n" : "\n]\n");
}

} // namespace tapsheet
