import ArgumentParser
import Model

@main
struct Kinerja: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerja",
        abstract: "Turns Indonesian government performance-report PDFs into validated records.",
        version: "kinerja \(KinerjaVersion.string)",
        subcommands: [Run.self, Inspect.self, Worker.self, Load.self, Finish.self],
        defaultSubcommand: Run.self
    )
}
