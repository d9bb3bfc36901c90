import Foundation
import NIOSSL
import PostgresNIO

/// Where to load: a PostgreSQL connection URL,
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`
/// (`postgresql://` too). `sslmode` is `disable` (the default), `prefer`
/// or `require`; `?host=/run/postgresql` connects through a Unix socket
/// in that folder instead.
public struct PostgresTarget: Sendable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var socketFolder: String?
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public struct URLError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(url text: String) throws {
        guard let c = URLComponents(string: text), let scheme = c.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw URLError(description: "not a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE): \(Self.redacted(text))")
        }
        guard let user = c.user, !user.isEmpty else {
            throw URLError(description: "the PostgreSQL URL names no user: \(Self.redacted(text))")
        }
        username = user.removingPercentEncoding ?? user
        password = c.password.map { $0.removingPercentEncoding ?? $0 }
        host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = c.port ?? 5432
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? username : (path.removingPercentEncoding ?? path)
        var tls = TLSMode.disable
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw URLError(description: "unknown sslmode '\(item.value ?? "")' in the PostgreSQL URL")
                }
            case "host":
                socketFolder = item.value
            default:
                break
            }
        }
        self.tls = tls
    }

    /// The URL with the password hidden, for messages.
    public var description: String {
        let secret = password == nil ? "" : ":***"
        let place = socketFolder.map { "[\($0)]" } ?? "\(host):\(port)"
        return "postgres://\(username)\(secret)@\(place)/\(database)"
    }

    static func redacted(_ url: String) -> String {
        guard var c = URLComponents(string: url), c.password != nil else { return url }
        c.password = "***"
        return c.string ?? url
    }

    func configuration() throws -> PostgresConnection.Configuration {
        if let folder = socketFolder {
            let socket = (folder as NSString).appendingPathComponent(".s.PGSQL.\(port)")
            return PostgresConnection.Configuration(unixSocketPath: socket, username: username,
                                                    password: password, database: database)
        }
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(host: host, port: port, username: username,
                                                password: password, database: database, tls: mode)
    }
}
