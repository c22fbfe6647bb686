import Foundation
import ReachApp
import ReachCore

/// Another session's large import arriving in an open app: the poller has read the new files on its thread. The app
/// applies them to a copy of the workspace on another thread (`PreparedChanges`) and swaps the copy in; what the loop
/// does (keys wait meanwhile) is the swap and one frame. For comparison: the copy's preparation, and the same changes
/// applied on the loop, as before session 14 and as the app still does when the workspace changed meanwhile.
enum ExternalChangeCases {
    static let all = [importArrives]

    static let importArrives = BenchCase(name: "app.external-import-100k", datasets: [100_000]) { options in
        let dataset = Dataset(influencers: 100_000)
        try dataset.buildIndex()
        // 100,000 creators the folder does not hold yet, as `reach import` in another terminal writes them.
        let arriving = ExternalChanges(upserted: Dataset.generate(count: 100_000, seed: Dataset.defaultSeed + 1).influencers.map(AnyRecord.influencer))
        var swaps: [(wall: Duration, cpu: Double)] = [], preparations: [(wall: Duration, cpu: Double)] = []
        var onTheLoop: [(wall: Duration, cpu: Double)] = []
        for _ in 0..<options.iterations(3) {
            let runner = try AppCases.open(dataset.folder)
            runner.send(.computeHiddenPanes)
            var prepared: PreparedChanges?
            preparations.append(Measure.timed { prepared = PreparedChanges(arriving, onto: runner.state) })
            guard let prepared else { continue }
            swaps.append(Measure.timed {
                runner.receive(prepared)
                runner.present()
            })
            let direct = try AppCases.open(dataset.folder)
            direct.send(.computeHiddenPanes)
            onTheLoop.append(Measure.timed {
                direct.send(.externalChanges(arriving))
                direct.present()
            })
        }
        let note = "\(arriving.count) new creators into a 100k workspace"
        return [
            BenchResult(name: "app applies another session's 100k import: on the loop", samples: Samples(swaps), target: .max(below: 100),
                        note: note + ": the prepared copy swapped in, then one frame"),
            BenchResult(name: "app applies another session's 100k import: off the loop", samples: Samples(preparations),
                        note: "the copy prepared on another thread (keys are handled meanwhile)"),
            BenchResult(name: "app applies another session's 100k import: all on the loop", samples: Samples(onTheLoop),
                        note: "as before session 14, and as now when the workspace changed while the copy was prepared"),
        ]
    }
}
