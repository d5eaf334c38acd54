#include "tests/e2e/e2e_fixture.h"

#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace tapsheet::e2e {

void E2eTest::SetUp() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        saved_.emplace_back(name, value != nullptr ? value : "");
        unsetenv(name);
    }
    std::string error;
    display_ = EnsureDisplay(1920, 1080, &error);
    ASSERT_NE(display_, nullptr) << error;
    const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->test_suite_name()) + "-" + test->name();
    for (char& c : name)
        if (c == '/') c = '-';
    dir_ = std::filesystem::temp_directory_path() / ("tapsheet-e2e-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
}

void E2eTest::TearDown() {
    display_.reset();
    for (const auto& [name, value] : saved_)
        if (!value.empty()) setenv(name.c_str(), value.c_str(), 1);
    // Kept when the test failed (or TAPSHEET_E2E_KEEP is set): the logs and
    // probe files say what happened.
    if (!HasFailure() && std::getenv("TAPSHEET_E2E_KEEP") == nullptr) std::filesystem::remove_all(dir_);
}

Pack E2eTest::LoadShippedPack(const std::string& name) {
    LoadResult loaded = LoadPackFile(std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + name);
    if (!loaded.pack) throw E2eFailure("the shipped pack " + name + " does not load");
    return std::move(*loaded.pack);
}

std::string E2eTest::ShortTimeouts() {
    const std::filesystem::path path = dir_ / "kiosk.toml";
    std::ofstream(path) << "[timeouts]\nidle = " << kIdleSeconds << "\nstill_there = " << kStillThereSeconds
                        << "\nthanks = 60\n";
    return path.string();
}

std::unique_ptr<AppProcess> E2eTest::StartApp(const std::string& command, const std::string& backend,
                                              const std::string& pack,
                                              const std::vector<std::string>& extra) {
    std::vector<std::string> args = {command,
                                     "--backend",
                                     backend,
                                     "--content",
                                     std::string(TAPSHEET_SOURCE_DIR) + "/assets/content/" + pack,
                                     "--db",
                                     Db().string(),
                                     "--probe",
                                     Probe(command).string(),
                                     "--locked",
                                     "no"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::filesystem::remove(Probe(command));
    return std::make_unique<AppProcess>(args, dir_ / (command + ".log"));
}

} // namespace tapsheet::e2e
