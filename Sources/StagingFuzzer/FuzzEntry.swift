import Core
import Foundation

#if STAGING_FUZZER
/// libFuzzer's entry point: checks one input, and traps on the first property it breaks, so
/// libFuzzer saves the input as a crash file. Built by `Scripts/fuzz.sh`, with
/// `-sanitize=fuzzer,address -D STAGING_FUZZER`.
@_cdecl("LLVMFuzzerTestOneInput")
public func stagingFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try StagingCheck.check(FuzzCase(input))
    } catch {
        fatalError("staging reader: \(error)")
    }
    return 0
}

/// libFuzzer's driver, which parses the command line and runs the fuzzing loop.
@_silgen_name("LLVMFuzzerRunDriver")
private func runLibFuzzer(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the command line to libFuzzer's driver. (SwiftPM links an executable's `main` to
/// its module's entry point, so libFuzzer's own `main` cannot be the one.)
@main
enum FuzzEntry {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runLibFuzzer(&argc, &argv, stagingFuzzerTestOneInput))
    }
}
#else
/// Without libFuzzer (a plain `swift build`): runs the same checks on the input files named,
/// such as a crash file libFuzzer saved or a seed folder's files, and says which break what.
@main
enum FuzzEntry {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: StagingFuzzer FILE...  (checks each fuzz input; Scripts/fuzz.sh builds the fuzzer)")
            exit(64)
        }
        var failures = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                failures += 1
                continue
            }
            do {
                try StagingCheck.check(FuzzCase(Array(data)))
                print("\(path): ok")
            } catch {
                print(MessageText.escaping("\(path): \(error)"))
                failures += 1
            }
        }
        exit(failures == 0 ? 0 : 1)
    }
}
#endif
