/// Sparse n-gram features of a folded message: Han character unigrams and
/// bigrams for Chinese; words, word bigrams and in-word character trigrams for
/// English (trigrams make "recieved" land near "received"). Features are
/// 64-bit FNV-1a hashes tagged by kind; collisions are rare enough to ignore.
enum TextFeatures {
    enum Kind: UInt64 {
        case hanUnigram = 1
        case hanBigram, word, wordBigram, charTrigram, number
    }

    static func weight(_ kind: Kind) -> Float {
        switch kind {
        case .hanUnigram: 0.5
        case .hanBigram: 1.0
        case .word: 1.0
        case .wordBigram: 0.7
        case .charTrigram: 0.25
        case .number: 0.3
        }
    }

    /// Function words carry little intent on their own ("i would like to ..."
    /// is as likely a refund as a dealership enquiry): they count a fifth.
    static let englishFunctionWords: Set<UInt64> = Set(
        [
            "i", "me", "my", "you", "your", "u", "ur", "the", "a", "an", "to", "of", "is", "are", "am", "be", "it",
            "its", "this", "that", "for", "on", "in", "at", "and", "or", "so", "we", "us", "our", "im", "have", "has",
            "had", "would", "like", "want", "wanna", "need", "get", "got", "please", "pls", "plz", "can", "could",
            "will", "just", "do", "does", "did", "with", "about", "from", "there", "any", "some", "if", "know", "tell",
        ].map { hash($0.unicodeScalars.map(\.value)) })
    /// Chinese particles and pronouns, likewise.
    static let chineseFunctionCharacters: Set<UInt32> = Set("的了吗呢吧啊呀哦哈么我你您是亲在一个这那有就也都还和".unicodeScalars.map(\.value))

    /// (feature hash, summed kind weight) sorted by hash, each hash once: the
    /// term frequencies. Collected in an array and merged after one sort, which
    /// is several times cheaper per message than a dictionary.
    static func extract(_ text: [UInt32]) -> [(feature: UInt64, weight: Float)] {
        var features: [(feature: UInt64, weight: Float)] = []
        features.reserveCapacity(text.count * 3)
        func add(_ kind: Kind, _ hash: UInt64) {
            features.append((hash &+ kind.rawValue &* 0x9E37_79B9_7F4A_7C15, weight(kind)))
        }
        var previousHan: UInt32? = nil
        var previousWord: UInt64? = nil
        var word: [UInt32] = []

        func endWord() {
            guard !word.isEmpty else { return }
            if word.allSatisfy(Script.isDigit) {
                add(.number, 1)
                previousWord = nil
            } else {
                let h = hash(word)
                if englishFunctionWords.contains(h) {
                    features.append((h &+ Kind.word.rawValue &* 0x9E37_79B9_7F4A_7C15, 0.2))
                } else {
                    add(.word, h)
                }
                if let p = previousWord { add(.wordBigram, p &* 31 &+ h) }
                previousWord = h
                if word.count >= 3 {
                    let padded = [0x23] + word + [0x23]
                    for i in 0...(padded.count - 3) { add(.charTrigram, hash(padded[i..<(i + 3)])) }
                }
            }
            word.removeAll(keepingCapacity: true)
        }

        for v in text {
            if Script.isWordCharacter(v) {
                previousHan = nil
                word.append(v)
                continue
            }
            if v == 0x27 && !word.isEmpty { continue }  // don't → dont
            endWord()
            if Script.isHan(v) {
                previousWord = nil
                if chineseFunctionCharacters.contains(v) {
                    features.append((UInt64(v) &+ Kind.hanUnigram.rawValue &* 0x9E37_79B9_7F4A_7C15, 0.1))
                } else {
                    add(.hanUnigram, UInt64(v))
                }
                if let p = previousHan { add(.hanBigram, UInt64(p) << 21 | UInt64(v)) }
                previousHan = v
            } else if v != 0x20 {
                // Punctuation breaks n-grams.
                previousHan = nil
                previousWord = nil
            }
        }
        endWord()
        features.sort { $0.feature < $1.feature }
        var merged: [(feature: UInt64, weight: Float)] = []
        merged.reserveCapacity(features.count)
        for f in features {
            if let last = merged.last, last.feature == f.feature {
                merged[merged.count - 1].weight += f.weight
            } else {
                merged.append(f)
            }
        }
        return merged
    }

    static func hash<C: Collection>(_ scalars: C) -> UInt64 where C.Element == UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in scalars {
            h = (h ^ UInt64(v)) &* 0x100_0000_01b3
        }
        return h
    }
}
