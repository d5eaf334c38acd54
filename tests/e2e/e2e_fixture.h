// What every end-to-end test shares: a private X server of its own (XTest
// input goes to whatever window is under the pointer, and another test's
// window must not be there), a scratch folder, the shipped packs, and the
// real `tapsheet` processes started with a probe.
#pragma once

#include "app/core/loader.h"
#include "app/platform/window.h"
#include "tests/e2e/app_process.h"
#include "tests/e2e/window_driver.h"
#include "tests/e2e/x11_input.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tapsheet::e2e {

inline constexpr int kIdleSeconds =
    10; // "Still there?" after this long without a touch (the least the config takes)
inline constexpr int kStillThereSeconds = 3; // then back to the start (the least)

class E2eTest : public testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // assets/content/NAME, loaded with the program's own loader.
    Pack LoadShippedPack(const std::string& name);
    // A kiosk configuration with short timeouts (a walk-away in seconds).
    std::string ShortTimeouts();
    // `tapsheet kiosk` (or board) on the test's results file, with a probe.
    std::unique_ptr<AppProcess> StartApp(const std::string& command, const std::string& backend,
                                         const std::string& pack, const std::vector<std::string>& extra);
    std::filesystem::path Probe(const std::string& command) const { return dir_ / (command + ".probe"); }
    std::filesystem::path Db() const { return dir_ / "results.db"; }
    std::filesystem::path Dir() const { return dir_; }

  private:
    std::shared_ptr<VirtualDisplay> display_;
    std::vector<std::pair<std::string, std::string>> saved_;
    std::filesystem::path dir_;
};

} // namespace tapsheet::e2e
