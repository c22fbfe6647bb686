import Foundation
import ReachCore

/// The one JSON configuration for records: ISO 8601 UTC dates, and a route through `JSONValue`
/// so the final bytes come from `JSONWriter` (stable order, unknown fields merged).
enum RecordCoding {
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The value as a JSON tree.
    static func encode<T: Encodable>(_ value: T, what: @autoclosure () -> String) throws -> JSONValue {
        do {
            let data = try makeEncoder().encode(value)
            return try JSONParser.parse(data)
        } catch {
            throw StoreError.encodingFailed(what: what(), reason: "\(error)")
        }
    }

    /// A human reason (and, when it can be found, the position) for a decoding failure of `data`.
    static func explain(_ error: any Error, in data: Data) -> (reason: String, position: TextPosition?) {
        guard let decodingError = error as? DecodingError else { return ("\(error)", nil) }
        let path: [CodingKey]
        let reason: String
        switch decodingError {
        case let .typeMismatch(type, context):
            path = context.codingPath
            reason = "\(describe(path)) should be \(typeName(type)) (\(context.debugDescription))"
        case let .valueNotFound(type, context):
            path = context.codingPath
            reason = "\(describe(path)) should be \(typeName(type)) but is null"
        case let .keyNotFound(key, context):
            path = context.codingPath
            reason = "required field \"\(key.stringValue)\" is missing" + (path.isEmpty ? "" : " in \(describe(path))")
        case let .dataCorrupted(context):
            path = context.codingPath
            reason = path.isEmpty ? context.debugDescription : "\(describe(path)): \(context.debugDescription)"
        @unknown default:
            return ("\(error)", nil)
        }
        let components = path.map { key -> JSONPathComponent in
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                return .index(index)
            }
            return .key(key.stringValue)
        }
        let position = JSONParser.offset(of: components, in: data).map { TextPosition.of(offset: $0, in: data) }
        return (reason, position)
    }

    private static func describe(_ path: [CodingKey]) -> String {
        guard !path.isEmpty else { return "the record" }
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
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
