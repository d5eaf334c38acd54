#include "app/store/durable_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace tapsheet {

namespace {

bool Fail(const std::string& what, const std::string& path, std::string* error) {
    *error = "cannot " + what + " " + path + ": " + std::strerror(errno);
    return false;
}

bool WriteAll(int fd, const std::string& text) {
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t wrote = write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return false;
        done += static_cast<std::size_t>(wrote);
    }
    return true;
}

// Creates `temp` (never an old one: O_EXCL), gives it its owner and mode,
// writes and flushes it. The fd is closed either way.
bool WriteTemp(const std::string& temp, const std::string& text, const DurableFileOptions& options,
               std::string* error) {
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, options.mode);
    if (fd < 0) return Fail("create", temp, error);
    bool ok = true;
    if (options.owner != static_cast<uid_t>(-1) || options.group != static_cast<gid_t>(-1))
        if (fchown(fd, options.owner, options.group) != 0) { /* not root: it stays ours */
        }
    // The umask may have taken bits away from the mode asked for; never added any.
    if (fchmod(fd, options.mode) != 0) ok = Fail("set the mode of", temp, error);
    if (ok && !WriteAll(fd, text)) ok = Fail("write", temp, error);
    if (ok && fsync(fd) != 0) ok = Fail("flush", temp, error);
    if (close(fd) != 0 && ok) ok = Fail("close", temp, error);
    return ok;
}

bool SyncFolder(const std::string& path, std::string* error) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    const std::string folder = parent.empty() ? std::string(".") : parent.string();
    const int fd = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Fail("open the folder", folder, error);
    const bool ok = fsync(fd) == 0;
    const int saved = errno;
    close(fd);
    errno = saved;
    return ok || Fail("flush the folder", folder, error);
}

} // namespace

bool ReplaceFileDurably(const std::string& path, const std::string& text, const DurableFileOptions& options,
                        std::string* error) {
    const std::string temp = path + ".partial";
    // Left by a run that died before its rename: nobody else's.
    if (unlink(temp.c_str()) != 0 && errno != ENOENT) return Fail("remove", temp, error);
    if (!WriteTemp(temp, text, options, error)) {
        unlink(temp.c_str());
        return false;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        Fail("replace", path, error);
        unlink(temp.c_str());
        return false;
    }
    return SyncFolder(path, error);
}

} // namespace tapsheet
