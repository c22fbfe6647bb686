/// One cell the terminal must redraw.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Buffer {
    /// The cells that differ from `previous`, in drawing order; everything when there is no previous
    /// frame or its size differs.
    ///
    /// Continuation cells are never emitted on their own: the wide glyph to their left draws them.
    public func changes(from previous: Buffer?) -> [CellChange] {
        guard let previous, previous.width == width, previous.height == height else {
            return cells.indices.compactMap { index in
                let cell = cells[index]
                return cell.isContinuation ? nil : CellChange(x: index % width, y: index / width, cell: cell)
            }
        }
        var result: [CellChange] = []
        for y in 0..<height {
            let rowStart = y * width
            var lastEmitted = -1
            for x in 0..<width where !cells[rowStart + x].drawsSame(as: previous.cells[rowStart + x]) {
                let cell = cells[rowStart + x]
                if !cell.isContinuation {
                    result.append(CellChange(x: x, y: y, cell: cell))
                    lastEmitted = x
                } else if x > 0, lastEmitted != x - 1 {
                    // A continuation replaced a narrow cell: redraw the wide glyph that owns it.
                    result.append(CellChange(x: x - 1, y: y, cell: cells[rowStart + x - 1]))
                    lastEmitted = x - 1
                }
            }
        }
        return result
    }
}
