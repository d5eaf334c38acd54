#include "app/cli/commands.h"

int main(int argc, char** argv) {
    return tapsheet::RunCommand(argc, argv);
}
