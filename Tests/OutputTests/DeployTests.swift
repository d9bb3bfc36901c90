import Foundation
import Testing
import TestSupport
import Yams

/// The cluster manifests in `deploy/`: their shape checked, and the very
/// commands their pods and array tasks run, run here (each shard a process
/// with the index the scheduler would give it), into one database, then the
/// finish step.
@Suite("Cluster manifests", .serialized)
struct DeployTests {
    static let deploy = TestEnvironment.packageRoot.appendingPathComponent("deploy")

    static func yaml(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOf: deploy.appendingPathComponent("kubernetes/\(name)"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not a YAML mapping")
    }

    /// `a.b.c` in nested mappings; `[0]` for the first item of a list.
    static func value(_ root: Any?, _ path: String) -> Any? {
        var node = root
        for key in path.split(separator: ".") {
            if key == "[0]" { node = (node as? [Any])?.first } else { node = (node as? [String: Any])?[String(key)] }
        }
        return node
    }

    /// The first container of a Job: its shell script and environment.
    static func container(_ job: [String: Any]) throws -> (script: String, env: [String: String], secret: String?, mount: String?) {
        let c = try #require(value(job, "spec.template.spec.containers.[0]") as? [String: Any])
        let command = try #require(c["command"] as? [String])
        #expect(command.prefix(2) == ["sh", "-c"])
        var env: [String: String] = [:]
        for item in (c["env"] as? [[String: Any]]) ?? [] {
            if let name = item["name"] as? String, let v = item["value"] as? String { env[name] = v }
        }
        return (command.last ?? "", env, value(c, "envFrom.[0].secretRef.name") as? String,
                value(c, "volumeMounts.[0].mountPath") as? String)
    }

    /// PG* variables for `database` (the scripts say `--postgres postgres:///`).
    static func pgEnvironment(_ database: String) throws -> [String: String] {
        let url = try #require(URLComponents(string: database))
        var env = ["PGHOST": url.host ?? "127.0.0.1", "PGPORT": "\(url.port ?? 5432)",
                   "PGDATABASE": String(url.path.dropFirst())]
        if let user = url.user { env["PGUSER"] = user }
        if let password = url.password { env["PGPASSWORD"] = password }
        return env
    }

    static func sh(_ script: String, _ environment: [String: String]) throws -> ProcessResult {
        let binaries = try TestEnvironment.kinerjaBinary().deletingLastPathComponent().path
        var env = environment
        env["PATH"] = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: env,
                              currentDirectory: TestEnvironment.packageRoot, timeout: 600)
    }

    static func input(_ root: URL) throws -> URL {
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: input, withDestinationURL: TestEnvironment.packageRoot.appendingPathComponent("samples"))
        return input
    }

    @Test func kubernetesIndexedJobThenFinish() throws {
        let shards = try Self.yaml("shards-job.yaml")
        let finish = try Self.yaml("finish-job.yaml")
        let secret = try Self.yaml("secret.example.yaml")
        #expect(shards["kind"] as? String == "Job" && finish["kind"] as? String == "Job")
        #expect(Self.value(shards, "spec.completionMode") as? String == "Indexed")
        let completions = try #require(Self.value(shards, "spec.completions") as? Int)
        #expect(Self.value(shards, "spec.parallelism") as? Int == completions)
        #expect(Self.value(shards, "spec.template.spec.restartPolicy") as? String == "Never")
        let pod = try Self.container(shards), last = try Self.container(finish)
        #expect(pod.env["SHARDS"] == "\(completions)", "SHARDS must equal completions")
        #expect(pod.secret == Self.value(secret, "metadata.name") as? String && last.secret == pod.secret)
        #expect(pod.mount == pod.env["DATA"] && last.mount == last.env["DATA"])
        #expect(Self.value(shards, "spec.template.spec.volumes.[0].persistentVolumeClaim.claimName") as? String
            == Self.value(finish, "spec.template.spec.volumes.[0].persistentVolumeClaim.claimName") as? String)
        let keys = (Self.value(secret, "stringData") as? [String: Any]).map { Set($0.keys) } ?? []
        #expect(keys.isSuperset(of: ["PGHOST", "PGUSER", "PGPASSWORD", "PGDATABASE"]))

        // The pods, as the Job controller starts them: index 0 … N-1, at once.
        let database = try TestPostgres.freshDatabase(on: try TestPostgres.serverOrCancel())
        let root = try TestEnvironment.temporaryDirectory("k8s")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.input(root)
        let pg = try Self.pgEnvironment(database)
        let results = ProcessSlots(completions)
        DispatchQueue.concurrentPerform(iterations: completions) { i in
            var env = pod.env.merging(pg) { a, _ in a }
            env["DATA"] = root.path
            env["JOB_COMPLETION_INDEX"] = "\(i)"
            results.set(i, Result { try Self.sh(pod.script, env) })
        }
        for r in results.all {
            let r = try r.get()
            #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        }
        var env = last.env.merging(pg) { a, _ in a }
        env["DATA"] = root.path
        let joined = try Self.sh(last.script, env)
        #expect(joined.status == 0, "\(joined.stderr.suffix(1500))")
        let all = root.appendingPathComponent("out/all")
        #expect(try TestPostgres.counts(database) == (try DatabaseTests.csvCounts(all)))
        #expect(try TestPostgres.query(database, "SELECT COUNT(*) FROM runs WHERE kind = 'shard'") == "\(completions)")

        // The Slurm array job over the same input gives the same run.
        let slurm = root.appendingPathComponent("slurm")
        _ = try Self.input(slurm)
        let array = Self.deploy.appendingPathComponent("slurm")
        let tasks = ProcessSlots(2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let env = pg.merging(["DATA": slurm.path, "SLURM_ARRAY_TASK_ID": "\(i + 1)", "SLURM_ARRAY_TASK_COUNT": "2"]) { a, _ in a }
            tasks.set(i, Result { try Self.sh("sh \(array.appendingPathComponent("shards.sbatch").path)", env) })
        }
        for r in tasks.all {
            let r = try r.get()
            #expect(r.status == 0, "\(r.stderr.suffix(1500))")
        }
        let end = try Self.sh("sh \(array.appendingPathComponent("finish.sbatch").path)", pg.merging(["DATA": slurm.path]) { a, _ in a })
        #expect(end.status == 0, "\(end.stderr.suffix(1500))")
        for name in ["records.jsonl", "discrepancies.jsonl", "indicators.jsonl"] {
            #expect(try Data(contentsOf: all.appendingPathComponent(name))
                == (try Data(contentsOf: slurm.appendingPathComponent("out/all/\(name)"))), "\(name)")
        }
    }
}
