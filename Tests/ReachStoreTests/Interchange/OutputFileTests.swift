#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import ReachStore

/// `--output` never replaces anything but a regular file (#19): devices, FIFOs and sockets are written into,
/// symlinks are followed, a folder or a missing folder is refused with one sentence naming the cause.
@Suite struct OutputFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "reach-output-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    func text(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }

    func failure(_ path: String) -> String? {
        do {
            try OutputFile.write(Array("x".utf8), to: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aNewFileIsPrivateAndAnExistingOneKeepsItsMode() throws {
        let path = folder + "/new.csv"
        try OutputFile.write(Array("a\n".utf8), to: path)
        #expect(text(path) == "a\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        chmod(path, 0o644)
        try OutputFile.write(Array("b\n".utf8), to: path)
        #expect(text(path) == "b\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
    }

    /// An export streams into a temp file beside the target; until `finish` the old file is untouched, and a sink
    /// dropped half way (the export failed) leaves the old file and no temp file.
    @Test func aStreamedFileReplacesTheOldOnlyWhenFinished() throws {
        let path = folder + "/export.json"
        try OutputFile.write(Array("old".utf8), to: path)
        do {
            let abandoned = try OutputSink(path)
            try abandoned.write(Array(repeating: UInt8(ascii: "x"), count: 3 << 20))
        }
        #expect(text(path) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["export.json"], "no temp file left")
        let sink = try OutputSink(path)
        for piece in ["[", "1", "]"] { try sink.write(Array(piece.utf8)) }
        #expect(text(path) == "old", "not replaced before finish")
        try sink.finish()
        #expect(text(path) == "[1]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["export.json"])
    }

    @Test func aSymlinkIsFollowedAndStaysALink() throws {
        let target = folder + "/real.csv", link = folder + "/link.csv"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        symlink("real.csv", link)
        try OutputFile.write(Array("new".utf8), to: link)
        #expect(kind(link) == S_IFLNK, "the link is not replaced by a file")
        #expect(text(target) == "new", "its target has the output")

        let dangling = folder + "/dangling.csv"
        symlink(folder + "/made-by-output.csv", dangling)
        try OutputFile.write(Array("made".utf8), to: dangling)
        #expect(kind(dangling) == S_IFLNK && text(folder + "/made-by-output.csv") == "made")

        let loop = folder + "/loop"
        symlink("loop", loop)
        #expect(failure(loop)?.contains("loop of symbolic links") == true)
    }

    /// A FIFO (`>(gzip > x.gz)` is one) gets the bytes and stays a FIFO.
    @Test func aFIFOIsWrittenInto() async throws {
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)
            defer { try? handle?.close() }
            return String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self)
        }
        try OutputFile.write(Array("through the pipe\n".utf8), to: fifo)
        #expect(await reader.value == "through the pipe\n")
        #expect(kind(fifo) == S_IFIFO)
    }

    /// A character device like `/dev/null` (a private one made with mknod, so a bug cannot break the machine's).
    @Test func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
        let device = folder + "/null"
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3) /* makedev(1, 3), a macro Swift cannot see */) == 0 else {
            Issue.record("mknod needs root (true here and in CI): \(String(cString: strerror(errno)))")
            return
        }
        try OutputFile.write(Array("discarded".utf8), to: device)
        #expect(kind(device) == S_IFCHR, "still the device, not a regular file")
        #expect(try OutputFile.target(of: "/dev/null") == .stream(path: "/dev/null"))
    }

    @Test func aSocketIsConnectedToAndWrittenInto() async throws {
        let path = folder + "/sock"
        let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0 && listen(server, 1) == 0)
        let received = Task.detached { () -> String in
            let client = accept(server, nil, nil)
            defer { close(client); close(server) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(client, &buffer, buffer.count)
                if count <= 0 { break }
                bytes += buffer[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        try OutputFile.write(Array("over a socket".utf8), to: path)
        #expect(await received.value == "over a socket")
        #expect(kind(path) == S_IFSOCK)
    }

    @Test func aFolderOrAMissingFolderIsRefusedInOneSentence() throws {
        let refusal = try #require(failure(folder))
        #expect(refusal == "Cannot write \(folder): it is a folder. Name a file in it, such as export.csv inside it.")
        let missing = try #require(failure(folder + "/nope/out.csv"))
        #expect(missing == "Cannot write \(folder)/nope/out.csv: the folder \(folder)/nope does not exist. Create it, or choose another --output.")
        #expect(!refusal.contains("..") && !missing.contains(".."))
        #expect(!refusal.contains("disk"), "a folder is not a disk problem")
        #expect(try OutputFile.target(of: "-") == .standardOutput)
    }

    @Test func aDeniedFolderSaysSoAndNothingWasWritten() throws {
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        chmod(locked, 0o500)
        defer { chmod(locked, 0o700) }
        guard getuid() != 0 else {
            // Root ignores the mode; a read-only bind is not available here, so check the wording directly.
            let problem = OutputProblem.system(operation: "create a temporary file", errno: EACCES, partly: false)
            #expect(InterchangeError.cannotWrite(file: "x", problem: problem).description
                    == "Cannot write x: could not create a temporary file: Permission denied. Nothing was written. "
                    + "You may not write there; choose another --output or check the folder's permissions (ls -ld).")
            return
        }
        #expect(failure(locked + "/out.csv")?.contains("Permission denied. Nothing was written.") == true)
    }
}
