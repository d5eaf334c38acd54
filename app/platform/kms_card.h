// Which DRM device drives a display connector, for SDL's KMSDRM driver.
//
// SDL2 drives the connectors of one DRM device (/dev/dri/cardN) per process.
// On a Raspberry Pi 5 the DSI Touch Display has a device of its own (RP1's
// DSI) beside the one of the HDMI outputs (vc4), and the numbering of the
// two is not fixed from boot to boot; so a process that must land on one
// screen names its connector (TAPSHEET_KMS_CONNECTOR=DSI-1 or HDMI-A-1) and
// the device is found from /sys/class/drm, where the kernel lists each
// connector as cardN-<connector>.
#pragma once

#include <string>
#include <string_view>

namespace tapsheet::platform {

// N of the cardN-<connector> entry in sysfs_drm (/sys/class/drm), or -1.
int KmsCardWithConnector(const std::string& sysfs_drm, std::string_view connector);

} // namespace tapsheet::platform
