#include "app/cli/commands.h"

#include <cstdio>
#include <cstring>

namespace tapsheet {

namespace {

const char* const kUsage =
    "tapsheet: a touchscreen kiosk for events\n"
    "\n"
    "usage: tapsheet COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  demo          kiosk and board with the default content, side by side or a screen each (try it first)\n"
    "  kiosk         the attendee kiosk, full-screen\n"
    "  board         the live tally board for the room's TV or projector, full-screen\n"
    "  validate FILE check a content pack; exit 0 when good, 2 with file:line:column: problem\n"
    "  validate --config FILE  check a configuration file and the pack it names\n"
    "  screenshot    render a screen to PNG: --role kiosk --screen STEP --size WxH --out F.png\n"
    "                or --role board --view VIEW --size WxH --out F.png\n"
    "  export        every answer as CSV or JSON: [--format csv|json] [--round R] [--out FILE]\n"
    "  merge         several kiosks' results in one file: --into TARGET.db SOURCE.db...\n"
    "  set-pin       set the admin PIN (stored as a salted hash): [--config FILE]\n"
    "  report        the results as one HTML page with charts: --out DIR|FILE.html [--round R|all]\n"
    "  hub           the fleet's hub: every kiosk's answers over MQTT into one file: --config FILE\n"
    "  fleet-status  each kiosk of the fleet: online or lost, answers waiting: [--config FILE]\n"
    "\n"
    "`tapsheet COMMAND --help` lists a command's options.\n";

} // namespace

int RunCommand(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
        !std::strcmp(argv[1], "help")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char* command = argv[1];
    if (!std::strcmp(command, "validate")) return RunValidate(argc - 1, argv + 1);
    if (!std::strcmp(command, "kiosk")) return RunKiosk(argc - 1, argv + 1);
    if (!std::strcmp(command, "board")) return RunBoard(argc - 1, argv + 1);
    if (!std::strcmp(command, "demo")) return RunDemo(argc - 1, argv + 1);
    if (!std::strcmp(command, "screenshot")) return RunScreenshot(argc - 1, argv + 1);
    if (!std::strcmp(command, "export")) return RunExport(argc - 1, argv + 1);
    if (!std::strcmp(command, "merge")) return RunMerge(argc - 1, argv + 1);
    if (!std::strcmp(command, "set-pin")) return RunSetPin(argc - 1, argv + 1);
    if (!std::strcmp(command, "report")) return RunReport(argc - 1, argv + 1);
    if (!std::strcmp(command, "hub")) return RunHub(argc - 1, argv + 1);
    if (!std::strcmp(command, "fleet-status")) return RunFleetStatus(argc - 1, argv + 1);
    std::fprintf(stderr, "tapsheet: unknown command '%s'\n\n%s", command, kUsage);
    return 2;
}

} // namespace tapsheet
