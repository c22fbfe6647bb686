/// How much space one slot of a split wants.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only if the space runs out).
    case fixed(Int)
    /// This percentage of the available space.
    case percent(Int)
    /// At least this many cells, growing like `fill(1)` when nothing else fills.
    case min(Int)
    /// A share of the leftover space, proportional to the weight.
    case fill(Int)
}

/// The direction a rect is divided in.
public enum Axis: Sendable {
    /// Slots side by side, left to right.
    case horizontal
    /// Slots stacked, top to bottom.
    case vertical
}

/// Pure size arithmetic for splits and table columns, kept separate so it can be tested alone.
public enum Layout {
    /// Sizes for each constraint that add up to at most `total` (minus spacing between slots).
    public static func sizes(total: Int, constraints: [Constraint], spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = max(0, total - max(0, spacing) * (constraints.count - 1))
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n), .min(let n): return max(0, n)
            case .percent(let p): return available * min(max(0, p), 100) / 100
            case .fill: return 0
            }
        }
        var remaining = available
        for index in sizes.indices {
            sizes[index] = min(sizes[index], remaining)
            remaining -= sizes[index]
        }
        guard remaining > 0 else { return sizes }
        let fillWeights = constraints.map { constraint -> Int in
            if case .fill(let weight) = constraint { return max(0, weight) }
            return 0
        }
        let weights: [Int]
        if fillWeights.contains(where: { $0 > 0 }) {
            weights = fillWeights
        } else {
            weights = constraints.map { constraint in
                if case .min = constraint { return 1 }
                return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var leftover = remaining
        for index in sizes.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            sizes[index] += share
            leftover -= share
        }
        // Hand out the rounding remainder one cell at a time, first slots first.
        for index in sizes.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}

extension Rect {
    /// Divides the rect along an axis according to constraints; the result has one rect per constraint.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let total = axis == .horizontal ? width : height
        let sizes = Layout.sizes(total: total, constraints: constraints, spacing: spacing)
        var offset = 0
        return sizes.map { size in
            defer { offset += size + spacing }
            switch axis {
            case .horizontal:
                return Rect(x: x + min(offset, width), y: y, width: size, height: height)
            case .vertical:
                return Rect(x: x, y: y + min(offset, height), width: width, height: size)
            }
        }
    }
}
