// PNG files through libpng's simplified API: no setjmp, no partial files
// left behind on failure (libpng removes them).
#include "app/platform/platform_common.h"

#include <png.h>

namespace tapsheet {

bool WritePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
              std::string* error) {
    if (width <= 0 || height <= 0 ||
        rgba.size() < static_cast<size_t>(width) * static_cast<size_t>(height) * 4) {
        platform::SetError(error, "Could not write " + path + ": the image is not " + std::to_string(width) +
                                      "x" + std::to_string(height) + " RGBA pixels.");
        return false;
    }
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(width);
    image.height = static_cast<png_uint_32>(height);
    image.format = PNG_FORMAT_RGBA;
    if (png_image_write_to_file(&image, path.c_str(), 0, rgba.data(), width * 4, nullptr) != 0) return true;
    platform::SetError(error, "Could not write " + path + ": " + image.message +
                                  ". Check that the folder exists, is writable and has space.");
    png_image_free(&image);
    return false;
}

} // namespace tapsheet
