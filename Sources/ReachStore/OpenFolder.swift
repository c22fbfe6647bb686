#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReachCore

/// A folder whose files are looked up by name alone, from its descriptor: the kernel then walks one component,
/// not the whole path, and no path string is made (a full check of the folder index, and an open app's full scan,
/// each look up 300,000 files). A folder that may be searched but not read cannot be opened: its files are then
/// looked up by their whole paths. The caller closes it.
struct OpenFolder: Sendable {
    let path: String
    private let descriptor: Int32?

    init(_ path: String) {
        self.path = path
        descriptor = Posix.openDirectory(path)
    }

    func close() {
        if let descriptor { _ = Glibc.close(descriptor) }
    }

    /// `Posix.stampInfo` of the file `name` in this folder.
    func stampInfo(_ name: UnsafePointer<CChar>) -> stat? {
        guard let descriptor else { return Posix.stampInfo(path + "/" + String(cString: name)) }
        return Posix.stampInfo(name, in: descriptor)
    }

    /// The file `name` in this folder opened for reading, when it is a regular file (`Posix.openRegularFile`).
    func openRegularFile(_ name: String) -> (descriptor: Int32, info: stat)? {
        guard let descriptor else { return Posix.openRegularFile(path + "/" + name) }
        return Posix.openRegularFile(name, in: descriptor)
    }

    /// `stampInfo` of the record file of `id`.
    func stampInfo(of id: RecordID) -> stat? { DataFolderLayout.withFileName(id) { stampInfo($0) } }
}
