// Replacing a small file so that a power cut leaves the old file or the new
// one, whole, and nobody else can read it meanwhile: the text goes to a new
// file beside it (`<path>.partial`), created with its final mode and owner
// before a byte is written (so a secret is never readable by others, not
// even for a moment), is flushed to the disk (fsync), renamed over `path`,
// and the folder is flushed too, so that the rename itself survives.
#pragma once

#include <string>
#include <sys/types.h>

namespace tapsheet {

struct DurableFileOptions {
    mode_t mode = 0600;
    // The owner to give the file (only root can give it away); -1: ours.
    uid_t owner = static_cast<uid_t>(-1);
    gid_t group = static_cast<gid_t>(-1);
};

bool ReplaceFileDurably(const std::string& path, const std::string& text, const DurableFileOptions& options,
                        std::string* error);

} // namespace tapsheet
