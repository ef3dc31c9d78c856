import Yams

/// The one way kefu composes a YAML file it did not write (packs,
/// config.yaml, shop.yaml): a leading byte-order mark is accepted, aliases
/// cannot expand past `YAMLEventScan.aliasNodeLimit` nodes, and a duplicate
/// key is reported where it is, not at 1:1.
package enum GuardedYAML {
    package enum DuplicateKeys: Sendable {
        /// A duplicate key is an error and the file gives no tree (packs: a
        /// half-read pack would offer drafts nobody tested).
        case reject
        /// A duplicate key is reported and its later occurrence dropped; the
        /// rest of the file counts (config.yaml: one repeated key must not
        /// throw away the shop's name and every other setting).
        case keepFirst
    }

    package struct Composed {
        /// Nil when the file is empty or could not be read as YAML.
        package var root: Node?
        /// Problems, each with the file's line and column.
        package var problems: [Diagnostic]
    }

    package static func compose(_ text: String, file: String, duplicateKeys: DuplicateKeys) -> Composed {
        var text = text
        // Editors on Windows save UTF-8 with a BOM; libyaml only skips it
        // when it detects the encoding itself, and Yams tells it the encoding.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }

        // Without an anchor there is nothing to expand, and most files have
        // none: they skip the second parse.
        if text.utf8.contains(UInt8(ascii: "&")), case .aliasLimit(let line, let column) = YAMLEventScan.scan(text) {
            let message = "aliases would expand to more than \(YAMLEventScan.aliasNodeLimit) nodes (an alias bomb?); the file is not read"
            return Composed(root: nil, problems: [Diagnostic(message, at: SourceLocation(file: file, line: line, column: column))])
        }
        do {
            // The basic resolver: kefu reads every scalar as text and converts
            // it itself, and the default resolver runs a regex per scalar.
            return Composed(root: try Yams.compose(yaml: text, .basic), problems: [])
        } catch YamlError.duplicatedKeysInMapping {
            return withoutDuplicates(text, file: file, duplicateKeys: duplicateKeys)
        } catch let error as YamlError {
            return Composed(root: nil, problems: [PackParser.diagnostic(for: error, file: file)])
        } catch {
            return Composed(root: nil, problems: [Diagnostic("\(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
    }

    /// Every duplicate key at its own position; with `.keepFirst`, the tree
    /// of the text with each later occurrence blanked out (spaces, newlines
    /// kept, so every other node keeps its line and column).
    private static func withoutDuplicates(_ text: String, file: String, duplicateKeys: DuplicateKeys) -> Composed {
        guard case .scanned(let duplicates) = YAMLEventScan.scan(text), !duplicates.isEmpty else {
            return Composed(root: nil, problems: [Diagnostic("duplicate keys", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let suffix = duplicateKeys == .keepFirst ? "; ignored" : ""
        let problems = duplicates.map {
            Diagnostic(
                "duplicate key '\($0.key)' (first at line \($0.firstLine))\(suffix)",
                at: SourceLocation(file: file, line: $0.line, column: $0.column))
        }
        guard duplicateKeys == .keepFirst else { return Composed(root: nil, problems: problems) }
        var scalars = Array(text.unicodeScalars)
        for d in duplicates {
            for i in d.start..<min(d.end, scalars.count) where scalars[i] != "\n" && scalars[i] != "\r" { scalars[i] = " " }
        }
        var blanked = String.UnicodeScalarView()
        blanked.append(contentsOf: scalars)
        do {
            return Composed(root: try Yams.compose(yaml: String(blanked), .basic), problems: problems)
        } catch let error as YamlError {
            return Composed(root: nil, problems: problems + [PackParser.diagnostic(for: error, file: file)])
        } catch {
            return Composed(root: nil, problems: problems)
        }
    }
}

extension GuardedYAML.DuplicateKeys: Equatable {}
