import Foundation
import NIOSSL
import PostgresNIO

/// Where to load: a PostgreSQL connection URL,
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`
/// (`postgresql://` too). `sslmode` is `disable` (the default), `prefer`
/// or `require`; `?host=/run/postgresql` connects through a Unix socket
/// in that folder instead.
///
/// What the URL leaves out comes from the standard libpq variables, as for
/// `psql`: `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, and the
/// password from `PGPASSWORD` or the password file (`PGPASSFILE`, else
/// `~/.pgpass`, read only when no one else can read it), so the password
/// need not appear in the command line (`postgres:///kinerja` is enough).
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

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let c = URLComponents(string: text), let scheme = c.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw URLError(description: "not a PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE): \(Self.redacted(text))")
        }
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let user = c.user.flatMap({ $0.isEmpty ? nil : ($0.removingPercentEncoding ?? $0) }) ?? env("PGUSER") else {
            throw URLError(description: "the PostgreSQL URL names no user and PGUSER is not set: \(Self.redacted(text))")
        }
        username = user
        var tls = TLSMode.disable
        var sslmode = env("PGSSLMODE")
        var socketFolder: String?
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode": sslmode = item.value ?? ""
            case "host": socketFolder = item.value
            default: break
            }
        }
        if let sslmode {
            switch sslmode {
            case "disable", "allow": tls = .disable
            case "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: throw URLError(description: "unknown sslmode '\(sslmode)' (disable, prefer, require)")
            }
        }
        let envHost = env("PGHOST")
        if c.host.map(\.isEmpty) ?? true, socketFolder == nil, let envHost, envHost.hasPrefix("/") {
            socketFolder = envHost
        }
        self.socketFolder = socketFolder
        host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? envHost.flatMap { $0.hasPrefix("/") ? nil : $0 } ?? "localhost"
        guard let port = c.port ?? (env("PGPORT").map { Int($0) } ?? 5432) else {
            throw URLError(description: "PGPORT is not a port number: \(env("PGPORT") ?? "")")
        }
        self.port = port
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? (env("PGDATABASE") ?? username) : (path.removingPercentEncoding ?? path)
        self.tls = tls
        password = c.password.map { $0.removingPercentEncoding ?? $0 } ?? env("PGPASSWORD")
        if password == nil {
            let file = env("PGPASSFILE") ?? environment["HOME"].map { ($0 as NSString).appendingPathComponent(".pgpass") }
            if let file {
                password = PasswordFile.password(in: file, host: socketFolder == nil ? host : "localhost",
                                                 port: port, database: database, username: username)
            }
        }
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

/// libpq's password file (`~/.pgpass`): lines of
/// `hostname:port:database:username:password`, `*` matching anything, `\:`
/// and `\\` escaping. Like libpq, a file others can read is ignored.
enum PasswordFile {
    static func password(in path: String, host: String, port: Int, database: String, username: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let wanted = [host, "\(port)", database, username]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of a line, escapes undone.
    static func split(_ line: String) -> [String] {
        var fields = [""]
        var escaped = false
        for ch in line {
            if escaped {
                fields[fields.count - 1].append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(ch)
            }
        }
        return fields
    }
}
