// The `tapsheet` subcommands. Each takes the arguments after its name and
// returns the process exit code.
#pragma once

namespace tapsheet {

int RunCommand(int argc, char** argv); // dispatches on argv[1]

int RunValidate(int argc, char** argv);   // validate.cpp
int RunKiosk(int argc, char** argv);      // kiosk.cpp (also `demo`)
int RunScreenshot(int argc, char** argv); // screenshot.cpp

} // namespace tapsheet
