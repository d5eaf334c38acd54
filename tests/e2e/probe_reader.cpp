#include "tests/e2e/probe_reader.h"

#include <chrono>
#include <fstream>
#include <sstream>

namespace tapsheet::e2e {

namespace {

std::string Unescaped(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); i++) {
        if (field[i] != '\\' || i + 1 == field.size()) {
            out += field[i];
            continue;
        }
        const char next = field[++i];
        out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    }
    return out;
}

std::vector<std::string> Fields(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        fields.push_back(Unescaped(line.substr(start, tab - start)));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

float F(const std::string& text) {
    return std::stof(text);
}

} // namespace

std::string ProbeFrame::Get(const std::string& key) const {
    for (const auto& [k, v] : state)
        if (k == key) return v;
    return {};
}

std::vector<std::string> ProbeFrame::All(const std::string& key) const {
    std::vector<std::string> values;
    for (const auto& [k, v] : state)
        if (k == key) values.push_back(v);
    return values;
}

std::vector<const ProbeTarget*> ProbeFrame::Targets(const std::string& id) const {
    std::vector<const ProbeTarget*> found;
    for (const ProbeTarget& target : targets)
        if (target.id == id) found.push_back(&target);
    return found;
}

const ProbeTarget* ProbeFrame::Target(const std::string& id) const {
    const std::vector<const ProbeTarget*> found = Targets(id);
    return found.empty() ? nullptr : found.back();
}

std::string ProbeFrame::Summary() const {
    std::ostringstream out;
    out << "frame " << frame << ";";
    for (const auto& [k, v] : state)
        out << " " << k << "=" << v;
    out << "; targets:";
    for (const ProbeTarget& target : targets)
        out << " " << target.id << (target.enabled ? "" : "(disabled)") << (target.visible ? "" : "(hidden)");
    return out.str();
}

bool ReadProbe(const std::filesystem::path& path, ProbeFrame* frame) {
    std::ifstream in(path);
    if (!in) return false;
    ProbeFrame read;
    std::string line;
    bool complete = false;
    try {
        while (std::getline(in, line)) {
            const std::vector<std::string> f = Fields(line);
            if (f[0] == "end") {
                complete = true;
                break;
            }
            if (f[0] == "frame" && f.size() == 2) read.frame = std::stol(f[1]);
            if (f[0] == "time" && f.size() == 2) read.time = std::stod(f[1]);
            if (f[0] == "display" && f.size() == 3) read.width = F(f[1]), read.height = F(f[2]);
            if (f[0] == "state" && f.size() == 3) read.state.emplace_back(f[1], f[2]);
            if (f[0] == "pointer" && f.size() >= 4) {
                read.pointer_x = std::stod(f[1]);
                read.pointer_y = std::stod(f[2]);
                read.pointer_down = f[3] == "1";
                if (f.size() >= 9) read.input_queue = std::stoi(f[8]);
            }
            if (f[0] == "target" && f.size() == 14)
                read.targets.push_back({f[1], f[2], F(f[3]), F(f[4]), F(f[5]), F(f[6]), f[7] == "1",
                                        f[8] == "1", std::stoul(f[9]), F(f[10]), F(f[11]), F(f[12]),
                                        F(f[13])});
            if (f[0] == "text" && f.size() == 7)
                read.texts.push_back({f[1], F(f[2]), F(f[3]), F(f[4]), F(f[5]), F(f[6])});
        }
    } catch (const std::exception&) {
        return false;
    }
    if (!complete) return false;
    *frame = std::move(read);
    return true;
}

double SteadyNow() {
    using Clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

} // namespace tapsheet::e2e
