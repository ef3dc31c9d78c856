import Foundation

/// How often the agent copies each draft when it is offered beside others
/// of its intent, with older picks counting less (a half-life of 30 days):
/// the drafts an agent actually sends move up within their intent, and one
/// never chosen moves down (SPEC §9). Kept by the REPL in
/// `$XDG_STATE_HOME/kefu/learned/picks.json` (`PickStore`); the engine only
/// sees the adjustments (`SuggestionRequest.picks`), so an answer stays a
/// function of its request.
public struct PickRates: Sendable, Equatable, Codable {
    package struct Tally: Sendable, Equatable, Codable {
        /// Decayed counts as of `time` (seconds since 1970).
        package var offered: Double
        package var picked: Double
        package var time: Double
    }

    package var tallies: [String: Tally] = [:]

    /// Picks lose half their weight in this many seconds.
    package static let halfLife: Double = 30 * 86_400
    /// Below this many (decayed) offers a draft's rate says nothing yet.
    package static let minimumOffers = 3.0
    /// What a rate is compared with: about one draft in four of an intent is
    /// the one copied when nothing is known.
    package static let prior = 0.25
    /// Offers of pseudo-count at the prior: 1 of 1 is not 100%.
    package static let smoothing = 2.0
    /// Score moved per unit of (rate − prior): a draft always picked gains
    /// about 0.2, enough to pass its intent's first draft (priorities 60
    /// against 90 differ by 0.1 × confidence); one never picked loses 0.07.
    package static let weight = 0.3

    /// No picks yet: every draft keeps its pack order.
    public init() {}

    static func decay(_ t: Tally, to now: Double) -> Tally {
        let f = pow(0.5, max(0, now - t.time) / halfLife)
        return Tally(offered: t.offered * f, picked: t.picked * f, time: now)
    }

    /// One copy: `picked` was chosen among `offered` (the drafts of its intent on screen).
    public mutating func record(offered: [String], picked: String, at now: Date) {
        let t = now.timeIntervalSince1970
        for id in Set(offered + [picked]) {
            var tally = tallies[id].map { Self.decay($0, to: t) } ?? Tally(offered: 0, picked: 0, time: t)
            tally.offered += 1
            if id == picked { tally.picked += 1 }
            tallies[id] = tally
        }
    }

    /// The score adjustment of every draft with enough offers, as of `now`.
    public func adjustments(at now: Date) -> [String: PickAdjustment] {
        let t = now.timeIntervalSince1970
        var out: [String: PickAdjustment] = [:]
        for (id, tally) in tallies {
            let d = Self.decay(tally, to: t)
            // As shown ("picked 3 of 3"): three offers a few seconds old count as three.
            guard d.offered.rounded() >= Self.minimumOffers else { continue }
            let rate = (d.picked + Self.prior * Self.smoothing) / (d.offered + Self.smoothing)
            out[id] = PickAdjustment(
                delta: Self.weight * (rate - Self.prior), picked: Int(d.picked.rounded()), offered: Int(d.offered.rounded()))
        }
        return out
    }
}

/// A draft's move from its pick rate, and the counts that explain it.
public struct PickAdjustment: Sendable, Equatable {
    package var delta: Double
    package var picked: Int
    package var offered: Int

    package init(delta: Double, picked: Int, offered: Int) {
        self.delta = delta
        self.picked = picked
        self.offered = offered
    }
}
