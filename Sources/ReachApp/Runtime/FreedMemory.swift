import CMalloc
import Dispatch

/// Hands memory the app has freed back to the system. glibc keeps freed blocks in its heaps (one per thread that
/// allocated) for reuse and returns only what lies at a heap's top; a start at 100k creators frees a few hundred
/// megabytes of summaries, rows and sorting temporaries made on several threads, and the app kept them: the real
/// binary held 640 MB of which 86 MB was free (`malloc_trim` called from gdb on the running app: 640 → 554 MB).
enum FreedMemory {
    private static let queue = DispatchQueue(label: "reach.freed-memory", qos: .background)

    /// Returns the free memory of every heap, on a background thread: a trim walks each heap's free blocks, and
    /// the loop need not wait for it.
    static func giveBack() {
        queue.async { _ = reach_malloc_trim() }
    }

    /// Returns it now, on the calling thread: after a first start's build of the folder index, whose reading threads
    /// freed their chunks of full records in heaps the start from the index does not allocate in.
    static func giveBackNow() {
        _ = reach_malloc_trim()
    }
}
