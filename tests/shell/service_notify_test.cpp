// ServiceNotifier against a real unix datagram socket standing in for
// systemd's: what is sent, when the watchdog is due, and what it refuses.
#include "app/shell/service_notify.h"
#include "tests/cli/cli_test_util.h"
#include "tests/cli/notify_receiver.h"

#include <gtest/gtest.h>

namespace tapsheet {
namespace {

using cli_test::NotifyReceiver;
using cli_test::TempDir;

constexpr double kNoMessage = 0.2; // seconds to wait before deciding nothing was sent

NotifyEnvironment Env(const std::string& socket, const std::string& usec = "", const std::string& pid = "") {
    return {socket, usec, pid};
}

TEST(WatchdogTimeout, FromWatchdogUsecForThisProcessOnly) {
    EXPECT_DOUBLE_EQ(WatchdogTimeout(Env("/s", "30000000"), 42), 30.0);
    EXPECT_DOUBLE_EQ(WatchdogTimeout(Env("/s", "250000", "42"), 42), 0.25);
    EXPECT_EQ(WatchdogTimeout(Env("/s", "250000", "43"), 42), 0) << "a parent's watchdog, not ours";
    EXPECT_EQ(WatchdogTimeout(Env("/s", "250000", "x"), 42), 0);
    EXPECT_EQ(WatchdogTimeout(Env("/s", ""), 42), 0);
    EXPECT_EQ(WatchdogTimeout(Env("/s", "0"), 42), 0);
    EXPECT_EQ(WatchdogTimeout(Env("/s", "-5"), 42), 0);
    EXPECT_EQ(WatchdogTimeout(Env("/s", "30s"), 42), 0);
}

TEST(ServiceNotifier, DoesNothingWithoutNotifySocket) {
    ServiceNotifier notifier(Env("", "1000000"));
    EXPECT_FALSE(notifier.Enabled());
    EXPECT_FALSE(notifier.Send("READY=1"));
    notifier.Ready(1);
    EXPECT_EQ(notifier.NextFeed(), ServiceNotifier::kNever);
}

TEST(ServiceNotifier, RefusesAnAddressThatIsNeitherPathNorAbstract) {
    EXPECT_FALSE(ServiceNotifier(Env("relative/notify")).Enabled());
    EXPECT_FALSE(ServiceNotifier(Env("vsock:2:1234")).Enabled());
    EXPECT_FALSE(ServiceNotifier(Env("/" + std::string(200, 'x'))).Enabled()) << "longer than sun_path";
}

TEST(ServiceNotifier, ReadyWatchdogAndStoppingReachAPathSocket) {
    NotifyReceiver systemd((TempDir("notify") / "notify.sock").string());
    ASSERT_TRUE(systemd.Bound());
    ServiceNotifier notifier(Env(systemd.Name(), "1000000"));
    ASSERT_TRUE(notifier.Enabled());
    EXPECT_DOUBLE_EQ(notifier.FeedInterval(), 0.5);

    notifier.Feed(100);
    EXPECT_FALSE(systemd.Receive(kNoMessage)) << "no watchdog before READY=1: systemd arms it then";
    notifier.Ready(10);
    EXPECT_EQ(systemd.Receive(1), "READY=1");
    EXPECT_DOUBLE_EQ(notifier.NextFeed(), 10.5);
    notifier.Feed(10.4);
    EXPECT_FALSE(systemd.Receive(kNoMessage)) << "not due yet";
    notifier.Feed(10.5);
    EXPECT_EQ(systemd.Receive(1), "WATCHDOG=1");
    EXPECT_DOUBLE_EQ(notifier.NextFeed(), 11.0);
    notifier.Feed(12.3); // a late pass feeds once, and counts the next from now
    EXPECT_EQ(systemd.Receive(1), "WATCHDOG=1");
    EXPECT_DOUBLE_EQ(notifier.NextFeed(), 12.8);

    notifier.Ready(13);
    EXPECT_FALSE(systemd.Receive(kNoMessage)) << "READY=1 only once";
    notifier.Stopping();
    EXPECT_EQ(systemd.Receive(1), "STOPPING=1");
    notifier.Feed(100);
    notifier.Stopping();
    EXPECT_FALSE(systemd.Receive(kNoMessage)) << "nothing after STOPPING=1";
}

TEST(ServiceNotifier, ReachesAnAbstractSocket) {
    NotifyReceiver systemd("@tapsheet-notify-test-" + std::to_string(getpid()));
    ASSERT_TRUE(systemd.Bound());
    ServiceNotifier notifier(Env(systemd.Name()));
    ASSERT_TRUE(notifier.Enabled());
    EXPECT_TRUE(notifier.Send("STATUS=abstract"));
    EXPECT_EQ(systemd.Receive(1), "STATUS=abstract");
}

TEST(ServiceNotifier, NoWatchdogForAnotherProcess) {
    NotifyReceiver systemd((TempDir("notify-pid") / "notify.sock").string());
    ASSERT_TRUE(systemd.Bound());
    ServiceNotifier notifier(Env(systemd.Name(), "1000000", std::to_string(getpid() + 1)));
    notifier.Ready(0);
    EXPECT_EQ(systemd.Receive(1), "READY=1");
    EXPECT_EQ(notifier.NextFeed(), ServiceNotifier::kNever);
    notifier.Feed(1000);
    EXPECT_FALSE(systemd.Receive(kNoMessage));
}

TEST(ServiceNotifier, SendFailsWhenNobodyListens) {
    const std::string gone = (TempDir("notify-gone") / "nobody.sock").string();
    ServiceNotifier notifier(Env(gone));
    ASSERT_TRUE(notifier.Enabled());
    EXPECT_FALSE(notifier.Send("READY=1"));
}

} // namespace
} // namespace tapsheet
