#include "tests/store/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace tapsheet::test {
namespace {

// The shim's state: plain globals, because SQLite's VFS is a C interface
// with no user pointer per call; atomics, because the writer has a thread.
struct FaultState {
    std::atomic<int> kind{-1};
    std::atomic<int> nth{0};
    std::atomic<bool> persist{false};
    std::atomic<int> calls{0};
    std::atomic<int> failures{0};
};
FaultState g_state;
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;
std::once_flag g_installed;

// A file of the shim: the real file's memory follows it.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* Real(sqlite3_file* file) {
    return reinterpret_cast<FaultFile*>(file)->real;
}

// True when this call of `kind` must fail.
bool Fails(FaultKind kind) {
    if (g_state.kind.load() != static_cast<int>(kind)) return false;
    const int call = ++g_state.calls;
    const int nth = g_state.nth.load();
    const bool fail = nth > 0 && (call == nth || (g_state.persist.load() && call > nth));
    if (fail) ++g_state.failures;
    return fail;
}

int Close(sqlite3_file* file) {
    const int rc = Real(file)->pMethods ? Real(file)->pMethods->xClose(Real(file)) : SQLITE_OK;
    sqlite3_free(Real(file));
    return rc;
}
int Read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    return Real(file)->pMethods->xRead(Real(file), buffer, amount, offset);
}
int Write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    if (Fails(FaultKind::Write)) return SQLITE_IOERR_WRITE;
    return Real(file)->pMethods->xWrite(Real(file), buffer, amount, offset);
}
int Truncate(sqlite3_file* file, sqlite3_int64 size) {
    if (Fails(FaultKind::Truncate)) return SQLITE_IOERR_TRUNCATE;
    return Real(file)->pMethods->xTruncate(Real(file), size);
}
int Sync(sqlite3_file* file, int flags) {
    if (Fails(FaultKind::Sync)) return SQLITE_IOERR_FSYNC;
    return Real(file)->pMethods->xSync(Real(file), flags);
}
int FileSize(sqlite3_file* file, sqlite3_int64* size) {
    return Real(file)->pMethods->xFileSize(Real(file), size);
}
int Lock(sqlite3_file* file, int level) {
    if (Fails(FaultKind::Lock)) return SQLITE_IOERR_LOCK;
    return Real(file)->pMethods->xLock(Real(file), level);
}
int Unlock(sqlite3_file* file, int level) {
    return Real(file)->pMethods->xUnlock(Real(file), level);
}
int CheckReservedLock(sqlite3_file* file, int* out) {
    return Real(file)->pMethods->xCheckReservedLock(Real(file), out);
}
int FileControl(sqlite3_file* file, int op, void* arg) {
    return Real(file)->pMethods->xFileControl(Real(file), op, arg);
}
int SectorSize(sqlite3_file* file) {
    return Real(file)->pMethods->xSectorSize(Real(file));
}
int DeviceCharacteristics(sqlite3_file* file) {
    return Real(file)->pMethods->xDeviceCharacteristics(Real(file));
}
int ShmMap(sqlite3_file* file, int page, int size, int extend, void volatile** out) {
    return Real(file)->pMethods->xShmMap(Real(file), page, size, extend, out);
}
// WAL's locks are taken here, not in xLock: both count as "a lock".
int ShmLock(sqlite3_file* file, int offset, int n, int flags) {
    if ((flags & SQLITE_SHM_LOCK) && Fails(FaultKind::Lock)) return SQLITE_IOERR_SHMLOCK;
    return Real(file)->pMethods->xShmLock(Real(file), offset, n, flags);
}
void ShmBarrier(sqlite3_file* file) {
    Real(file)->pMethods->xShmBarrier(Real(file));
}
int ShmUnmap(sqlite3_file* file, int delete_flag) {
    return Real(file)->pMethods->xShmUnmap(Real(file), delete_flag);
}
int Fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    return Real(file)->pMethods->xFetch(Real(file), offset, amount, out);
}
int Unfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    return Real(file)->pMethods->xUnfetch(Real(file), offset, page);
}

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    auto* ours = reinterpret_cast<FaultFile*>(file);
    ours->base.pMethods = nullptr;
    ours->real = static_cast<sqlite3_file*>(sqlite3_malloc(g_real->szOsFile));
    if (!ours->real) return SQLITE_NOMEM;
    std::memset(ours->real, 0, static_cast<std::size_t>(g_real->szOsFile));
    const int rc = g_real->xOpen(g_real, name, ours->real, flags, out_flags);
    if (rc != SQLITE_OK || !ours->real->pMethods) {
        // SQLite calls xClose only when pMethods is set: free it here.
        if (ours->real->pMethods) ours->real->pMethods->xClose(ours->real);
        sqlite3_free(ours->real);
        ours->real = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    g_methods.iVersion = ours->real->pMethods->iVersion;
    ours->base.pMethods = &g_methods;
    return SQLITE_OK;
}

int Delete(sqlite3_vfs*, const char* name, int sync_dir) {
    return g_real->xDelete(g_real, name, sync_dir);
}
int Access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_real->xAccess(g_real, name, flags, out);
}
int FullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return g_real->xFullPathname(g_real, name, size, out);
}
void* DlOpen(sqlite3_vfs*, const char* name) {
    return g_real->xDlOpen(g_real, name);
}
void DlError(sqlite3_vfs*, int size, char* out) {
    g_real->xDlError(g_real, size, out);
}
void (*DlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_real->xDlSym(g_real, handle, symbol);
}
void DlClose(sqlite3_vfs*, void* handle) {
    g_real->xDlClose(g_real, handle);
}
int Randomness(sqlite3_vfs*, int size, char* out) {
    return g_real->xRandomness(g_real, size, out);
}
int Sleep(sqlite3_vfs*, int microseconds) {
    return g_real->xSleep(g_real, microseconds);
}
int CurrentTime(sqlite3_vfs*, double* out) {
    return g_real->xCurrentTime(g_real, out);
}
int GetLastError(sqlite3_vfs*, int size, char* out) {
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_real->xCurrentTimeInt64(g_real, out);
}

void Register() {
    g_real = sqlite3_vfs_find(nullptr);
    g_methods = sqlite3_io_methods{3,
                                   Close,
                                   Read,
                                   Write,
                                   Truncate,
                                   Sync,
                                   FileSize,
                                   Lock,
                                   Unlock,
                                   CheckReservedLock,
                                   FileControl,
                                   SectorSize,
                                   DeviceCharacteristics,
                                   ShmMap,
                                   ShmLock,
                                   ShmBarrier,
                                   ShmUnmap,
                                   Fetch,
                                   Unfetch};
    g_vfs = sqlite3_vfs{};
    g_vfs.iVersion = 2;
    g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile));
    g_vfs.mxPathname = g_real->mxPathname;
    g_vfs.zName = "tapsheet-fault";
    g_vfs.xOpen = Open;
    g_vfs.xDelete = Delete;
    g_vfs.xAccess = Access;
    g_vfs.xFullPathname = FullPathname;
    g_vfs.xDlOpen = DlOpen;
    g_vfs.xDlError = DlError;
    g_vfs.xDlSym = DlSym;
    g_vfs.xDlClose = DlClose;
    g_vfs.xRandomness = Randomness;
    g_vfs.xSleep = Sleep;
    g_vfs.xCurrentTime = CurrentTime;
    g_vfs.xGetLastError = GetLastError;
    g_vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    sqlite3_vfs_register(&g_vfs, 1);
}

} // namespace

void FaultVfs::Install() {
    std::call_once(g_installed, Register);
    Disarm();
}

void FaultVfs::Arm(FaultKind kind, int nth, bool persist) {
    g_state.kind = -1;
    g_state.calls = 0;
    g_state.failures = 0;
    g_state.nth = nth;
    g_state.persist = persist;
    g_state.kind = static_cast<int>(kind);
}

void FaultVfs::Disarm() {
    g_state.kind = -1;
}

int FaultVfs::Calls() {
    return g_state.calls.load();
}

int FaultVfs::Failures() {
    return g_state.failures.load();
}

const char* FaultName(FaultKind kind) {
    switch (kind) {
    case FaultKind::Write:
        return "write";
    case FaultKind::Sync:
        return "sync";
    case FaultKind::Truncate:
        return "truncate";
    case FaultKind::Lock:
        return "lock";
    }
    return "?";
}

} // namespace tapsheet::test
