import Foundation
import ReachJSON
import ReachCore

/// The one JSON configuration for records: ISO 8601 UTC dates, and a route through `JSONValue`
/// so the final bytes come from `JSONWriter` (stable order, unknown fields merged).
enum RecordCoding {
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(ISO8601Dates.decode)
        return decoder
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The value as a JSON tree: the tree `makeEncoder()` + `JSONParser` would give, built directly.
    static func encode<T: Encodable>(_ value: T, what: @autoclosure () -> String, reusing shared: SharedTrees? = nil) throws -> JSONValue {
        do {
            return try JSONValueEncoder.encode(value, reusing: shared)
        } catch {
            throw StoreError.encodingFailed(what: what(), reason: "\(error)")
        }
    }

    /// A human reason (and, when it can be found, the position) for a decoding failure of `data`.
    ///
    /// Pass the parsed document and a decode function to find the field behind Foundation's
    /// pathless "not valid JSON", which is what a number that does not fit its field produces.
    static func explain(
        _ error: any Error, in data: Data, parsed: JSONValue? = nil, decode: ((Data) throws -> Void)? = nil
    ) -> (reason: String, position: TextPosition?) {
        guard let decodingError = error as? DecodingError else { return ("\(error)", nil) }
        let path: [JSONPathComponent]
        let reason: String
        switch decodingError {
        case let .typeMismatch(type, context):
            path = components(context.codingPath)
            reason = "\(describe(path)) should be \(typeName(type)) (\(context.debugDescription))"
        case let .valueNotFound(type, context):
            path = components(context.codingPath)
            reason = "\(describe(path)) should be \(typeName(type)) but is null"
        case let .keyNotFound(key, context):
            path = components(context.codingPath)
            reason = "required field \"\(key.stringValue)\" is missing" + (path.isEmpty ? "" : " in \(describe(path))")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty, let parsed, let decode, let culprit = numberThatDoesNotFit(in: parsed, decode: decode) {
                path = culprit.path
                reason = "\(describe(path)) holds the number \(culprit.literal), which does not fit there (too large, or not a whole number)"
            } else {
                path = components(context.codingPath)
                reason = path.isEmpty ? context.debugDescription : "\(describe(path)): \(context.debugDescription)"
            }
        @unknown default:
            return ("\(error)", nil)
        }
        let position = JSONParser.offset(of: path, in: data).map { TextPosition.of(offset: $0, in: data) }
        return (reason, position)
    }

    /// The first number that makes decoding fail: each number that is not a plain in-range whole
    /// number is set to 0 in turn, and the one whose change makes the pathless failure go away is it.
    private static func numberThatDoesNotFit(
        in value: JSONValue, decode: (Data) throws -> Void
    ) -> (path: [JSONPathComponent], literal: String)? {
        var candidates: [(path: [JSONPathComponent], literal: String)] = []
        collectUnusualNumbers(value, path: [], into: &candidates)
        for candidate in candidates.prefix(64) {
            let patched = replacing(value, at: candidate.path[...], with: .number("0"))
            do {
                try decode(Data(JSONWriter.bytes(of: patched)))
                return candidate
            } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
                continue
            } catch {
                return candidate
            }
        }
        return nil
    }

    private static func collectUnusualNumbers(
        _ value: JSONValue, path: [JSONPathComponent], into found: inout [(path: [JSONPathComponent], literal: String)]
    ) {
        switch value {
        case .number(let literal) where Int(literal) == nil: found.append((path, literal))
        case .array(let elements):
            for (index, element) in elements.enumerated() { collectUnusualNumbers(element, path: path + [.index(index)], into: &found) }
        case .object(let members):
            for key in members.keys.sorted() {
                if let member = members[key] { collectUnusualNumbers(member, path: path + [.key(key)], into: &found) }
            }
        default: break
        }
    }

    private static func replacing(_ value: JSONValue, at path: ArraySlice<JSONPathComponent>, with new: JSONValue) -> JSONValue {
        guard let first = path.first else { return new }
        switch (value, first) {
        case (.object(var members), .key(let key)):
            if let member = members[key] { members[key] = replacing(member, at: path.dropFirst(), with: new) }
            return .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            elements[index] = replacing(elements[index], at: path.dropFirst(), with: new)
            return .array(elements)
        default:
            return value
        }
    }

    private static func components(_ codingPath: [CodingKey]) -> [JSONPathComponent] {
        codingPath.map { key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }

    private static func describe(_ path: [JSONPathComponent]) -> String {
        guard !path.isEmpty else { return "the record" }
        var text = ""
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key): text += text.isEmpty ? key : "." + key
            }
        }
        return "field \"\(text)\""
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Int64.Type, is Int32.Type: return "a whole number"
        case is Double.Type, is Float.Type, is Decimal.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "a date"
        default: return "\(type)"
        }
    }
}
