/// `isOpen(pipeline:)` for a pass over many rows: the pipeline is asked about each stage once, by the number the
/// rows keep for it. Asked row by row, each row's stage was fetched as a string and matched by name against the
/// pipeline's stages: a tenth of counting 200,000 deals into their creators' facts at a start.
public struct DealRowOpenness: Sendable {
    private let pipeline: StagePipeline
    /// By stage number: nil for a stage not judged yet.
    private var closed: [Bool?] = []

    public init(_ pipeline: StagePipeline) {
        self.pipeline = pipeline
    }

    /// Not archived, and in no closed stage.
    public mutating func isOpen(_ row: DealRow) -> Bool {
        !row.archived && !isClosed(row)
    }

    private mutating func isClosed(_ row: DealRow) -> Bool {
        let number = Int(row.stageNumber)
        if number < closed.count, let verdict = closed[number] { return verdict }
        if number >= closed.count { closed += repeatElement(nil, count: number + 1 - closed.count) }
        let verdict = pipeline.isClosed(row.stage)
        closed[number] = verdict
        return verdict
    }
}
