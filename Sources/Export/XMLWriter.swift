import CLibXML2
import Foundation

/// A streaming XML writer over libxml2's xmlTextWriter, writing UTF-8 into
/// memory. Every call checks libxml2's return code.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var finished = false

    init() throws {
        guard let buffer = xmlBufferCreate() else { throw ExportError(operation: "xmlBufferCreate", path: "", code: 0) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw ExportError(operation: "xmlNewTextWriterMemory", path: "", code: 0)
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes"), "start document")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func start(_ name: String) throws {
        try check(xmlTextWriterStartElement(writer, Self.c(name)), "start <\(name)>")
    }

    func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, Self.c(name), Self.c(Self.xmlSafe(value))), "attribute \(name)")
    }

    func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(writer, Self.c(Self.xmlSafe(value))), "text")
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// An element with attributes and no content.
    func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) throws {
        try start(name)
        for (k, v) in attributes { try attribute(k, v) }
        try end()
    }

    /// An element holding only text.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String) throws {
        try start(name)
        for (k, v) in attributes { try attribute(k, v) }
        try text(value)
        try end()
    }

    /// Closes every open element and returns the document.
    func finish() throws -> Data {
        if !finished {
            try check(xmlTextWriterEndDocument(writer), "end document")
            try check(xmlTextWriterFlush(writer), "flush")
            finished = true
        }
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    /// A NUL-terminated UTF-8 copy (libxml2's `xmlChar *`).
    private static func c(_ s: String) -> [UInt8] { Array(s.utf8) + [0] }

    private func check(_ rc: Int32, _ what: String) throws {
        if rc < 0 { throw ExportError(operation: "xml writer: \(what)", path: "", code: 0) }
    }

    /// `text` with the characters XML 1.0 cannot hold (C0 controls other
    /// than tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD, so the part
    /// stays well-formed.
    static func xmlSafe(_ text: String) -> String {
        func allowed(_ v: UInt32) -> Bool {
            v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
        }
        guard !text.unicodeScalars.allSatisfy({ allowed($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(allowed(s.value) ? s : "\u{FFFD}") }
        return String(out)
    }
}
