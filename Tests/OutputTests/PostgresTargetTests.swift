import Foundation
import Testing
@testable import Warehouse

/// How a PostgreSQL target is completed from the libpq variables and the
/// password file, as `psql` does.
struct PostgresTargetTests {
    @Test func theURLWinsAndTheVariablesFillTheRest() throws {
        let env = ["PGHOST": "db.example", "PGPORT": "6543", "PGUSER": "loader", "PGDATABASE": "warehouse",
                   "PGPASSWORD": "pw", "HOME": "/nonexistent"]
        let bare = try PostgresTarget(url: "postgres://", environment: env)
        #expect(bare.host == "db.example" && bare.port == 6543 && bare.username == "loader")
        #expect(bare.database == "warehouse" && bare.password == "pw")
        #expect(!bare.description.contains("pw@") && bare.description.contains(":***@"))
        let given = try PostgresTarget(url: "postgres://me:x@host:5433/kin", environment: env)
        #expect(given.host == "host" && given.port == 5433 && given.username == "me" && given.password == "x"
                && given.database == "kin")
        let socket = try PostgresTarget(url: "postgres:///kin", environment: ["PGHOST": "/run/postgresql", "PGUSER": "u"])
        #expect(socket.socketFolder == "/run/postgresql")
        #expect(throws: PostgresTarget.URLError.self) { try PostgresTarget(url: "postgres:///kin", environment: [:]) }
        #expect(throws: PostgresTarget.URLError.self) {
            try PostgresTarget(url: "postgres://u@h/kin", environment: ["PGSSLMODE": "sometimes"])
        }
    }

    @Test func thePasswordFileIsReadOnlyWhenPrivate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass")
        try """
            # host:port:database:user:password
            other:5432:*:loader:wrong
            db.example:*:kin:loader:pa\\:ss\\\\word:x
            *:*:*:*:fallback
            """.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let env = ["PGPASSFILE": file.path]
        #expect(try PostgresTarget(url: "postgres://loader@db.example/kin", environment: env).password == "pa:ss\\word:x")
        #expect(try PostgresTarget(url: "postgres://someone@elsewhere/db", environment: env).password == "fallback")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(try PostgresTarget(url: "postgres://loader@db.example/kin", environment: env).password == nil,
                "a password file others can read is ignored, as libpq does")
    }
}
