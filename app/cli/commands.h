// The `tapsheet` subcommands. Each takes the arguments after its name and
// returns the process exit code.
#pragma once

namespace tapsheet {

int RunCommand(int argc, char** argv); // dispatches on argv[1]

int RunValidate(int argc, char** argv);   // validate.cpp
int RunKiosk(int argc, char** argv);      // kiosk.cpp
int RunBoard(int argc, char** argv);      // board.cpp
int RunDemo(int argc, char** argv);       // demo.cpp: kiosk and board in one process
int RunScreenshot(int argc, char** argv); // screenshot.cpp
int RunExport(int argc, char** argv);     // export.cpp: answers as CSV or JSON
int RunMerge(int argc, char** argv);      // merge.cpp: several kiosks' results in one file
int RunSetPin(int argc, char** argv);     // set_pin.cpp: the admin PIN's hash into the config
int RunReport(int argc, char** argv);     // report.cpp: the results as an HTML page with SVG charts
int RunHub(int argc, char** argv);        // hub.cpp: the fleet's hub, kiosks' answers over MQTT into one file
int RunFleetStatus(int argc, char** argv); // fleet_status.cpp: each kiosk's health as the hub heard it

} // namespace tapsheet
