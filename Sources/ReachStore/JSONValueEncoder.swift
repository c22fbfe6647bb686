import Foundation
import ReachJSON

/// Encodes a value straight to the `JSONValue` tree that `JSONEncoder` (ISO 8601 dates) followed by
/// `JSONParser` would give, without the text in between: every save and every imported record is
/// encoded, and printing then re-parsing the JSON was most of that cost.
///
/// Dates are written as `JSONEncoder`'s `.iso8601` strategy writes them (UTC, whole seconds), `Decimal`
/// as its plain number, floats as `JSONEncoder` prints them. Tests hold it equal to the two-step route.
enum JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T, reusing shared: SharedTrees? = nil) throws -> JSONValue {
        try TreeEncoder.value(of: value, at: Position(shared: shared))
    }
}

/// The tree of a value that many records of a batch hold unchanged (every new creator's blank vetting checklist:
/// a third of encoding an imported creator), built once and handed out again while the value stays the same.
final class SharedTrees: Sendable {
    fileprivate let type: ObjectIdentifier
    private let lookUp: @Sendable (Any) -> JSONValue?
    private let remember: @Sendable (Any, JSONValue) -> Void

    init<V: Encodable & Equatable & Sendable>(of type: V.Type) {
        self.type = ObjectIdentifier(type)
        let last = Locked<(value: V, tree: JSONValue)?>(nil)
        lookUp = { value in
            last.withLock { last -> JSONValue? in
                guard let last, last.value == value as? V else { return nil }
                return last.tree
            }
        }
        remember = { value, tree in
            if let value = value as? V { last.withLock { $0 = (value, tree) } }
        }
    }

    fileprivate func tree(of value: Any, orMake make: () throws -> JSONValue) rethrows -> JSONValue {
        if let tree = lookUp(value) { return tree }
        let tree = try make()
        remember(value, tree)
        return tree
    }
}

/// Where a value sits in the tree. The coding path is put together only when asked for (an error names it; few
/// types read it): building an array of keys for every value encoded was a tenth of encoding a record.
private final class Position {
    let parent: Position?
    let key: (any CodingKey)?
    let shared: SharedTrees?

    init(shared: SharedTrees?) {
        parent = nil
        key = nil
        self.shared = shared
    }

    private init(parent: Position, key: any CodingKey) {
        self.parent = parent
        self.key = key
        shared = parent.shared
    }

    func child(_ key: any CodingKey) -> Position { Position(parent: self, key: key) }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var position: Position? = self
        while let current = position, let key = current.key {
            keys.append(key)
            position = current.parent
        }
        return keys.reversed()
    }
}

/// A container's contents while it is being filled: containers handed out by an encoder write into it
/// later, so it has to be shared by reference.
private final class Node {
    enum Content {
        case none
        case value(JSONValue)
        /// Members in the order they came; `frozen` keeps the last of a repeated key, as a dictionary would.
        case object([(key: String, member: Member)])
        case array([Member])
    }

    /// A leaf is stored as it is; only nested containers need a node of their own.
    enum Member {
        case value(JSONValue)
        case node(Node)

        var frozen: JSONValue {
            switch self {
            case .value(let value): return value
            case .node(let node): return node.frozen
            }
        }
    }

    var content: Content = .none

    /// `JSONEncoder` writes a value that encoded nothing as an empty object.
    var frozen: JSONValue {
        switch content {
        case .none: return .object([:])
        case .value(let value): return value
        case .object(let members):
            return .object(Dictionary(members.lazy.map { ($0.key, $0.member.frozen) }, uniquingKeysWith: { _, last in last }))
        case .array(let elements): return .array(elements.map(\.frozen))
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func set(_ member: Member, forKey key: String) {
        guard case .object(var members) = content else { return }
        content = .none  // keeps the array uniquely referenced, so the append does not copy it
        members.append((key, member))
        content = .object(members)
    }

    func append(_ member: Member) {
        guard case .array(var elements) = content else { return }
        content = .none
        elements.append(member)
        content = .array(elements)
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
    var intValue: Int? { index }
    var stringValue: String { "Index \(index)" }
}

private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { return nil }
}

private final class TreeEncoder: Encoder {
    let node: Node
    let position: Position
    var codingPath: [any CodingKey] { position.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, at position: Position) {
        self.node = node
        self.position = position
    }

    /// The value's tree: scalars Foundation special-cases directly, anything else through its own `encode(to:)`.
    static func value<T: Encodable>(of value: T, at position: Position) throws -> JSONValue {
        if let leaf = try leaf(value, at: position) { return leaf }
        if let shared = position.shared, ObjectIdentifier(T.self) == shared.type {
            return try shared.tree(of: value) { try encoded(value, at: position).frozen }
        }
        return try encoded(value, at: position).frozen
    }

    static func member<T: Encodable>(of value: T, at position: Position) throws -> Node.Member {
        if let leaf = try leaf(value, at: position) { return .value(leaf) }
        if let shared = position.shared, ObjectIdentifier(T.self) == shared.type {
            return .value(try shared.tree(of: value) { try encoded(value, at: position).frozen })
        }
        return .node(try encoded(value, at: position))
    }

    private static func encoded<T: Encodable>(_ value: T, at position: Position) throws -> Node {
        let node = Node()
        try value.encode(to: TreeEncoder(node: node, at: position))
        return node
    }

    /// Compares types before casting: a failed dynamic cast for every value encoded was 2 % of an import.
    private static func leaf<T: Encodable>(_ value: T, at position: Position) throws -> JSONValue? {
        if T.self == Date.self, let date = value as? Date { return .string(ISO8601Dates.format(date)) }
        if T.self == Decimal.self, let decimal = value as? Decimal { return .number(decimal.description) }
        if T.self == URL.self, let url = value as? URL { return .string(url.absoluteString) }
        if T.self == Data.self, let data = value as? Data { return .string(data.base64EncodedString()) }
        if T.self == Double.self, let double = value as? Double { return try number(double, at: position) }
        if T.self == Float.self, let float = value as? Float { return try number(float, at: position) }
        return nil
    }

    /// As `JSONEncoder` prints a float: its description without a trailing ".0"; NaN and infinity refused.
    static func number<F: FloatingPoint & CustomStringConvertible>(_ value: F, at position: Position) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: position.codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, position: position))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedContainer(node: node, position: position)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(node: node, position: position)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let position: Position
    var codingPath: [any CodingKey] { position.codingPath }

    private func put(_ value: JSONValue, _ key: Key) { node.set(.value(value), forKey: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try TreeEncoder.number(value, at: position.child(key)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try TreeEncoder.number(value, at: position.child(key)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.number(String(value)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(try TreeEncoder.member(of: value, at: position.child(key)), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.makeObject()
        node.set(.node(child), forKey: key.stringValue)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, position: position.child(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        child.makeArray()
        node.set(.node(child), forKey: key.stringValue)
        return UnkeyedContainer(node: child, position: position.child(key))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: SuperKey()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let child = Node()
        node.set(.node(child), forKey: key.stringValue)
        return TreeEncoder(node: child, at: position.child(key))
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ScalarContainer {
    let node: Node
    let position: Position
    var codingPath: [any CodingKey] { position.codingPath }
    var count: Int { node.count }

    var next: Position { position.child(IndexKey(count)) }

    func put(_ value: JSONValue) { node.append(.value(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(try TreeEncoder.member(of: value, at: next))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.makeObject()
        let at = next
        node.append(.node(child))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, position: at))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        child.makeArray()
        let at = next
        node.append(.node(child))
        return UnkeyedContainer(node: child, position: at)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        let at = next
        node.append(.node(child))
        return TreeEncoder(node: child, at: at)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer, ScalarContainer {
    let node: Node
    let position: Position
    var codingPath: [any CodingKey] { position.codingPath }
    var next: Position { position }

    func put(_ value: JSONValue) { node.content = .value(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        put(try TreeEncoder.value(of: value, at: position))
    }
}

/// The scalar methods that unkeyed and single-value containers must both spell out, written once: each
/// container says where a value goes (`put`) and where an error about it points (`next`).
private protocol ScalarContainer {
    var next: Position { get }
    func put(_ value: JSONValue)
}

extension ScalarContainer {
    func encodeNil() throws { put(.null) }
    func encode(_ value: Bool) throws { put(.bool(value)) }
    func encode(_ value: String) throws { put(.string(value)) }
    func encode(_ value: Double) throws { put(try TreeEncoder.number(value, at: next)) }
    func encode(_ value: Float) throws { put(try TreeEncoder.number(value, at: next)) }
    func encode(_ value: Int) throws { put(.number(String(value))) }
    func encode(_ value: Int8) throws { put(.number(String(value))) }
    func encode(_ value: Int16) throws { put(.number(String(value))) }
    func encode(_ value: Int32) throws { put(.number(String(value))) }
    func encode(_ value: Int64) throws { put(.number(String(value))) }
    func encode(_ value: UInt) throws { put(.number(String(value))) }
    func encode(_ value: UInt8) throws { put(.number(String(value))) }
    func encode(_ value: UInt16) throws { put(.number(String(value))) }
    func encode(_ value: UInt32) throws { put(.number(String(value))) }
    func encode(_ value: UInt64) throws { put(.number(String(value))) }
}
