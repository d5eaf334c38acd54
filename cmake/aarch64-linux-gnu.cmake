# Cross-compiling for arm64 (the Raspberry Pi 3/4/5 with a 64-bit OS) on a
# Debian x86_64 machine, with Debian's aarch64 cross compiler and the arm64
# multiarch packages installed into this machine's own root
# (/usr/lib/aarch64-linux-gnu): deploy/cross-arm64.sh sets all of it up.
#
#   cmake -B build/arm64 -G Ninja --toolchain cmake/aarch64-linux-gnu.cmake -DTAPSHEET_GLES=ON
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# Multiarch: find_library and find_package look in /usr/lib/aarch64-linux-gnu
# (and its cmake/ folder), never in the machine's own x86_64 folders.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# pkg-config reads only the arm64 .pc files (plus the architecture-free ones).
set(ENV{PKG_CONFIG_LIBDIR} "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# ctest (and gtest_discover_tests) run the arm64 binaries under qemu-user.
# The arm64 loader and libraries are in the machine's root (multiarch), so the
# prefix qemu looks up the guest's files in is / itself. Children the tests
# spawn (the tapsheet binary, the SIGKILL writer) need the kernel's binfmt_misc
# entry for qemu-aarch64, which deploy/cross-arm64.sh registers.
find_program(TAPSHEET_QEMU_AARCH64 qemu-aarch64 REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${TAPSHEET_QEMU_AARCH64} -L /)
