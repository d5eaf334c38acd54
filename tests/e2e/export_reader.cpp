#include "tests/e2e/export_reader.h"

#include <algorithm>
#include <tuple>

namespace tapsheet::e2e {

namespace {

std::vector<std::vector<std::string>> CsvRecords(const std::string& text, std::string* error) {
    std::vector<std::vector<std::string>> records(1);
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', i++;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == ',') {
            records.back().push_back(field);
            field.clear();
            was_quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            records.back().push_back(field);
            field.clear();
            was_quoted = false;
            records.emplace_back();
            i++;
        } else {
            field += c;
        }
    }
    if (quoted) *error = "an unterminated quoted field";
    if (!field.empty() || !records.back().empty()) records.back().push_back(field);
    if (records.back().empty()) records.pop_back();
    return records;
}

void AppendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Json {
  public:
    explicit Json(const std::string& text) : s_(text) {}
    std::vector<ExportRow> Rows(std::string* error) {
        std::vector<ExportRow> rows;
        if (!Eat('[')) return Bad(error, "no array");
        if (Eat(']')) return rows;
        do {
            ExportRow row;
            if (!Object(&row)) return Bad(error, "a bad object");
            rows.push_back(std::move(row));
        } while (Eat(','));
        if (!Eat(']')) return Bad(error, "no end of the array");
        return rows;
    }

  private:
    std::vector<ExportRow> Bad(std::string* error, const char* what) {
        *error = std::string("JSON: ") + what + " near byte " + std::to_string(i_);
        return {};
    }
    void Space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
            i_++;
    }
    bool Eat(char c) {
        Space();
        if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
        return false;
    }
    bool Hex4(unsigned long* cp) {
        if (i_ + 4 > s_.size()) return false;
        *cp = std::stoul(s_.substr(i_, 4), nullptr, 16);
        i_ += 4;
        return true;
    }
    bool String(std::string* out) {
        if (!Eat('"')) return false;
        while (i_ < s_.size() && s_[i_] != '"') {
            char c = s_[i_++];
            if (c != '\\') {
                *out += c;
                continue;
            }
            c = s_[i_++];
            if (c == 'u') {
                unsigned long cp = 0, low = 0;
                if (!Hex4(&cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(i_, 2, "\\u") == 0) {
                    i_ += 2;
                    if (!Hex4(&low)) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                AppendUtf8(*out, cp);
            } else {
                *out += c == 'n'   ? '\n'
                        : c == 't' ? '\t'
                        : c == 'r' ? '\r'
                        : c == 'b' ? '\b'
                        : c == 'f' ? '\f'
                                   : c;
            }
        }
        return i_++ < s_.size();
    }
    bool Value(std::string* out) {
        Space();
        if (i_ < s_.size() && s_[i_] == '"') return String(out);
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
               s_[i_] != '\n')
            i_++;
        *out = s_.substr(start, i_ - start);
        if (*out == "null") out->clear();
        return i_ > start;
    }
    bool Object(ExportRow* row) {
        if (!Eat('{')) return false;
        if (Eat('}')) return true;
        do {
            std::string key, value;
            if (!String(&key) || !Eat(':') || !Value(&value)) return false;
            (*row)[key] = value;
        } while (Eat(','));
        return Eat('}');
    }

    const std::string& s_;
    std::size_t i_ = 0;
};

void Expect(std::vector<std::string>& out, const std::string& what, const std::string& expected,
            const std::string& found) {
    if (expected != found) out.push_back(what + ": expected '" + expected + "', found '" + found + "'");
}

} // namespace

std::vector<ExportRow> ParseCsv(const std::string& text, std::string* error) {
    const std::vector<std::vector<std::string>> records = CsvRecords(text, error);
    std::vector<ExportRow> rows;
    if (records.empty() || !error->empty()) return rows;
    for (std::size_t r = 1; r < records.size(); r++) {
        if (records[r].size() != records[0].size()) {
            *error = "CSV record " + std::to_string(r + 1) + " has " + std::to_string(records[r].size()) +
                     " fields";
            return {};
        }
        ExportRow row;
        for (std::size_t c = 0; c < records[0].size(); c++) {
            // As a spreadsheet reads it: a leading apostrophe marks text, and
            // a cell it would evaluate as a formula is a defect of the export.
            const std::string& cell = records[r][c];
            if (cell.size() > 1 && cell[0] == '\'' &&
                std::string("=+-@\t\r").find(cell[1]) != std::string::npos) {
                row[records[0][c]] = cell.substr(1);
            } else if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos) {
                *error = "CSV record " + std::to_string(r + 1) + " holds a live formula: " + cell;
                return {};
            } else {
                row[records[0][c]] = cell;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ExportRow> ParseJsonRows(const std::string& text, std::string* error) {
    return Json(text).Rows(error);
}

std::vector<std::string> CompareExport(const std::vector<ExportRow>& rows, const Pack& pack,
                                       const Truth& truth) {
    std::vector<std::string> out;
    // Visits in the order they began (the script's order).
    std::vector<std::string> order;
    std::map<std::string, std::vector<const ExportRow*>> by_visit;
    for (const ExportRow& row : rows) {
        const std::string& id = row.at("visit_id");
        if (!by_visit.count(id)) order.push_back(id);
        by_visit[id].push_back(&row);
    }
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
        return by_visit[a].front()->at("visit_started_at") < by_visit[b].front()->at("visit_started_at");
    });
    std::vector<const TruthVisit*> visits;
    for (const TruthVisit& visit : truth.Visits()) {
        bool any = false;
        for (const auto& [id, step] : visit.steps)
            any = any || !step.Rows().empty() || step.skipped;
        if (any) visits.push_back(&visit);
    }
    if (order.size() != visits.size()) {
        out.push_back("visits with answers: expected " + std::to_string(visits.size()) + ", exported " +
                      std::to_string(order.size()));
        return out;
    }
    for (std::size_t v = 0; v < visits.size(); v++) {
        const std::string where = "visit " + std::to_string(v + 1);
        const ExportRow& first = *by_visit[order[v]].front();
        Expect(out, where + " lang", visits[v]->lang, first.at("lang"));
        Expect(out, where + " status", visits[v]->status, first.at("visit_status"));
        if (first.at("filtered") != "0" && first.at("filtered") != "false")
            out.push_back(where + " is filtered: " + first.at("filtered"));
        Expect(out, where + " pack", pack.source_hash, first.at("pack_hash"));
        std::vector<std::tuple<std::string, std::string, std::string>> expected, found;
        for (const auto& [step, answer] : visits[v]->steps) {
            for (const auto& [item, value] : answer.Rows())
                expected.emplace_back(step, item, value);
            if (answer.skipped) expected.emplace_back(step, "", "skipped"); // the README's skip row
        }
        for (const ExportRow* row : by_visit[order[v]]) {
            found.emplace_back(row->at("step_id"), row->at("item_id"), row->at("value"));
            const Step* step = pack.FindStep(row->at("step_id"));
            std::string label;
            if (step)
                for (const Option& o :
                     step->kind == StepKind::Poll ? step->poll.options : std::vector<Option>{})
                    if (o.id == row->at("item_id")) label = o.label.Get("");
            if (!label.empty()) Expect(out, where + " option label", label, row->at("option"));
        }
        std::sort(expected.begin(), expected.end());
        std::sort(found.begin(), found.end());
        if (expected != found) {
            std::string text = where + " answers differ: expected";
            for (const auto& [s, i, val] : expected)
                text += " " + s + "/" + i + "=" + val;
            text += "; exported";
            for (const auto& [s, i, val] : found)
                text += " " + s + "/" + i + "=" + val;
            out.push_back(text);
        }
    }
    return out;
}

} // namespace tapsheet::e2e
