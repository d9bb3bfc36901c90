/// The program's version, printed by `kinerja --version` and kept with
/// each run's outputs.
public enum KinerjaVersion {
    public static let string = "0.5.0"
}
