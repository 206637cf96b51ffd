import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element of an AWS response, parsed whole: its name (without namespace prefix), its
/// text and its child elements. AWS's responses are small documents (a page of a listing,
/// an error), so a tree is simplest to read.
public struct XMLTree: Sendable {
    /// The element's local name, such as `ListBucketResult`.
    public let name: String
    /// The element's own text, concatenated (entities decoded).
    public let text: String
    /// The child elements, in document order.
    public let children: [XMLTree]

    /// The first child named `name`.
    public func child(_ name: String) -> XMLTree? {
        children.first { $0.name == name }
    }

    /// Every child named `name`.
    public func children(_ name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// The first element named `name` here or anywhere below, depth first.
    public func first(_ name: String) -> XMLTree? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// The text of the first child named `name`.
    public subscript(_ name: String) -> String? {
        child(name)?.text
    }

    /// Parses `data`; throws `InvalidResponse` naming `resource` when it is not well-formed.
    public static func parse(_ data: Data, resource: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw AWSError(resource: resource, code: "InvalidResponse", message: "the response is not XML (\(reason)) at line \(parser.lineNumber)")
        }
        return root
    }

    /// Collects elements as the parser reports them.
    private final class Builder: NSObject, XMLParserDelegate {
        private var stack: [(name: String, text: String, children: [XMLTree])] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append((elementName, "", []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            let tree = XMLTree(name: element.name, text: element.text, children: element.children)
            if stack.isEmpty { root = tree } else { stack[stack.count - 1].children.append(tree) }
        }
    }
}
