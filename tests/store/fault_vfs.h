// A VFS shim over the machine's default VFS (SQLite's documented VFS
// interface) that fails one kind of call at the Nth time it is made: a
// write, a sync, a truncate or a lock. Registered as the default VFS, so the
// real writer opens its files through it unchanged. Calls are counted from
// Arm(); with `persist` every later call of that kind fails too, as a dead
// disk would, else only the Nth (a glitch).
#pragma once

namespace tapsheet::test {

enum class FaultKind { Write, Sync, Truncate, Lock };

class FaultVfs {
  public:
    // Installs the shim as the default VFS (once per process) and disarms it.
    static void Install();
    // Counts calls of `kind` from now; fails the `nth` (1-based; 0 never).
    static void Arm(FaultKind kind, int nth, bool persist);
    static void Disarm();
    static int Calls();    // calls of the armed kind since Arm()
    static int Failures(); // calls failed since Arm()
};

const char* FaultName(FaultKind kind);

} // namespace tapsheet::test
