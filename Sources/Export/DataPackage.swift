import Foundation

/// `datapackage.json`: a Frictionless Tabular Data Package descriptor for
/// the CSV files, so tools that read Frictionless (frictionless-py, the
/// Data Package libraries) know each column's type, which columns are
/// required and what identifies a row. Empty fields are missing values.
public struct DataPackage: Encodable, Sendable {
    public var profile = "tabular-data-package"
    public var name = "kinerja-output"
    public var title = "Performance-report records and discrepancies"
    public var resources: [Resource]

    public struct Resource: Encodable, Sendable {
        public var profile = "tabular-data-resource"
        public var name: String
        public var title: String
        public var path: String
        public var format = "csv"
        public var mediatype = "text/csv"
        public var encoding = "utf-8"
        public var dialect = Dialect()
        public var schema: Schema
    }

    /// RFC 4180 as `CSVTable` writes it.
    public struct Dialect: Encodable, Sendable {
        public var delimiter = ","
        public var lineTerminator = "\r\n"
        public var quoteChar = "\""
        public var doubleQuote = true
        public var header = true
    }

    public struct Schema: Encodable, Sendable {
        public var fields: [Field]
        public var primaryKey: [String]
        public var missingValues = [""]
    }

    public struct Field: Encodable, Sendable {
        public var name: String
        public var type: String
        public var description: String
        public var constraints: Constraints?
    }

    public struct Constraints: Encodable, Sendable {
        public var required: Bool
    }

    /// A descriptor for `tables` (those whose CSV is written).
    public init(tables: [TableSpec]) {
        resources = tables.map { t in
            Resource(name: t.name, title: t.title, path: t.csvFile, schema: Schema(
                fields: t.columns.map { c in
                    // Key columns are required whatever the column says.
                    let required = c.required || t.primaryKey.contains(c.name)
                    return Field(name: c.name, type: c.type.rawValue, description: c.description,
                                 constraints: required ? Constraints(required: true) : nil)
                },
                primaryKey: t.primaryKey))
        }
    }

    public func data() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var d = try e.encode(self)
        d.append(0x0A)
        return d
    }
}
