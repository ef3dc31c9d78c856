import KefuCore

/// Flags what marketplaces punish or shops regret, in each draft before it
/// is copied: absolute claims, steering off-platform, promises against the
/// shop's policy, unfilled placeholders. Warns; never blocks (the agent
/// decides, and may be quoting the buyer).
struct ComplianceCheck: DraftCheck {
    let id = "compliance"
    let policy: CompliancePolicy
    let matcher = ScriptedTermMatcher(ComplianceLexicon.terms)
    let policyMatcher: ScriptedTermMatcher

    init(policy: CompliancePolicy) {
        self.policy = policy
        var terms: [(String, String)] = []
        if policy.freeReturn == false { terms += CompliancePolicy.freeReturnPromises.map { ($0, "free-return") } }
        if policy.freeReturn == true { terms += CompliancePolicy.buyerPaysReturn.map { ($0, "buyer-pays-return") } }
        self.policyMatcher = ScriptedTermMatcher(terms)
    }

    func check(_ draft: Draft, message: NormalizedText) -> DraftVerdict {
        var warnings: [DraftWarning] = []
        for m in matcher.matches(in: draft.text, language: draft.language) {
            switch m.label {
            case ComplianceLexicon.absoluteClaim:
                warnings.append(
                    DraftWarning(
                        code: "compliance:absolute-claim", message: "“\(m.term)” is an absolute claim banned in advertising (广告法 §9)"))
            case ComplianceLexicon.promise:
                warnings.append(
                    DraftWarning(
                        code: "compliance:promise", message: "“\(m.term)” is a promise nothing in kefu backs: keep it only if the shop can")
                )
            case ComplianceLexicon.link where policy.allows(host: PhoneAndLink.host(at: m.utf8Range.upperBound, in: draft.text)):
                continue
            default:  // off-platform words, links to other hosts
                warnings.append(DraftWarning(code: "compliance:off-platform", message: "“\(m.term)” steers the buyer off the platform"))
            }
        }
        if let phone = PhoneAndLink.phoneNumber(in: draft.text), !message.display.contains(phone) {
            warnings.append(
                DraftWarning(code: "compliance:off-platform", message: "phone number \(phone) steers the buyer off the platform"))
        }
        for m in policyMatcher.matches(in: draft.text, language: draft.language) {
            let rule =
                m.label == "free-return"
                ? "the shop does not pay return shipping (free_return: false)" : "the shop pays return shipping (free_return: true)"
            warnings.append(DraftWarning(code: "compliance:policy", message: "“\(m.term)” contradicts the policy: \(rule)"))
        }
        if let days = policy.refundDays {
            for n in ReturnWindow.days(in: draft.text) where n != days {
                warnings.append(
                    DraftWarning(code: "compliance:policy", message: "promises a \(n)-day return window; the policy is \(days) days"))
            }
        }
        // Pack drafts list their placeholders; plugin drafts have none.
        if !draft.missing.isEmpty {
            let names = draft.missing.map { "⟨\($0)⟩" }.joined(separator: ", ")
            warnings.append(DraftWarning(code: "compliance:placeholder", message: "fill \(names) before sending"))
        }
        return warnings.isEmpty ? .pass : DraftVerdict(warnings: warnings)
    }
}
