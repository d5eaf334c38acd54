// Fuzz target for `tapsheet merge`'s source file: the bytes are written as
// the source and merged (MergeInto) into a copy of a target a kiosk made
// (the real VisitWriter, once per process). Whatever the bytes:
// - the merge ends (no crash, no hang): merged, or refused with an error
//   that names the source and is never SQLite's "not an error";
// - a refused merge leaves the target's file byte for byte as it was;
// - after either, the target passes `PRAGMA integrity_check`, and the
//   board (TallyReader), the report and the export read it whole, leaving
//   out no visit (merge lets in only visits as a kiosk writes them).
// Built as a libFuzzer target with clang (-DTAPSHEET_FUZZ=ON), and always
// as fuzz_merge_replay, which CI runs over the corpus (SQLite's own
// corruption checks meet mutated files there too).
#include "app/store/export_reader.h"
#include "app/store/merge.h"
#include "app/store/reader.h"
#include "app/store/report_reader.h"
#include "app/store/tally_reader.h"
#include "tests/fuzz/kiosk_file.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace {

namespace fs = std::filesystem;

void Require(bool holds, const char* what, const std::string& detail = "") {
    if (holds) return;
    std::fprintf(stderr, "merge fuzz: %s %s\n", what, detail.c_str());
    __builtin_trap();
}

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    Require(out.good(), "cannot write", path.string());
}

// A database file without the -wal and -shm an earlier input left.
void Remove(const fs::path& database) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(database.string() + suffix, ignored);
}

// A folder in memory where there is one (/dev/shm), the kiosk's target made
// in it once, and the paths each input uses.
struct Fixture {
    fs::path dir;
    fs::path target, source;
    std::string target_bytes; // as the kiosk left it

    Fixture() {
        std::error_code error;
        const bool shm = fs::is_directory("/dev/shm", error) && access("/dev/shm", W_OK) == 0;
        dir = (shm ? fs::path("/dev/shm") : fs::temp_directory_path()) /
              ("tapsheet-merge-fuzz-" + std::to_string(getpid()));
        fs::create_directories(dir);
        target = dir / "all.db";
        source = dir / "kiosk #2?.db"; // a name a URI would misread
        std::string problem;
        const fs::path made = dir / "kiosk-target.db";
        Require(tapsheet::fuzz::WriteKioskDay(made.string(), "kiosk-target", tapsheet::fuzz::TinyPack(), 2,
                                              &problem),
                "cannot make the target:", problem);
        Require(!fs::exists(made.string() + "-wal"), "the writer left a -wal behind");
        target_bytes = ReadFile(made);
        Remove(made);
    }
    ~Fixture() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

std::unique_ptr<Fixture> fixture; // one per process, made at the first input

// What every reader of the target must manage after any merge.
void CheckReadable(const std::string& target) {
    tapsheet::StoreReader store(target);
    const std::string integrity = store.IntegrityCheck();
    Require(integrity == "ok", "the target's integrity:", integrity);
    tapsheet::TallyReader board(target);
    tapsheet::Tallies tallies;
    Require(board.Refresh(0, &tallies), "the board cannot read the target:", board.Error());
    Require(tallies.left_out == 0, "the board leaves out merged visits");
    std::string error;
    tapsheet::ReportVisits report;
    Require(tapsheet::ReadReportVisits(target, 0, &report, &error), "the report cannot read it:", error);
    Require(report.left_out == 0, "the report leaves out merged visits");
    tapsheet::ExportData exported;
    Require(tapsheet::ReadExport(target, 0, &exported, &error), "the export cannot read it:", error);
    Require(exported.left_out == 0, "the export leaves out merged visits");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (!fixture) fixture = std::make_unique<Fixture>();
    const std::string target = fixture->target.string();
    const std::string source = fixture->source.string();
    Remove(fixture->target);
    Remove(fixture->source);
    WriteFile(fixture->target, fixture->target_bytes.data(), fixture->target_bytes.size());
    WriteFile(fixture->source, data, size);

    tapsheet::MergeCounts counts;
    std::string error;
    const bool merged = tapsheet::MergeInto(target, source, &counts, &error);
    if (!merged) {
        Require(!error.empty(), "refused without a reason");
        Require(error.find(source) != std::string::npos, "the refusal does not name the source:", error);
        Require(error.find("not an error") == std::string::npos, "the refusal says 'not an error':", error);
        Require(ReadFile(fixture->target) == fixture->target_bytes,
                "a refused merge changed the target:", error);
    }
    CheckReadable(target);
    return 0;
}
