import ReachDemo

/// The benchmark picks sample records with the demo data's seedable generator, so every run times the same
/// queries and edits.
typealias SplitMix64 = DemoRandom

extension DemoRandom {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
