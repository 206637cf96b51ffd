import Foundation
import Testing

/// botocore's SigV4 signer, through `Scripts/sigv4_botocore.py`, for the differential test.
public enum Botocore {
    /// A Python that imports botocore: `.venv/bin/python3` (where `.ci/run` installs boto3),
    /// else `python3` on PATH; nil when neither has it.
    public static let python: String? = {
        let candidates = [ChildProcess.packageRoot + "/.venv/bin/python3", ChildProcess.find("python3", candidates: [])]
        return candidates.compactMap { $0 }.first { python in
            FileManager.default.isExecutableFile(atPath: python)
                && (try? ChildProcess.run([python, "-c", "import botocore.auth"]).status) == 0
        }
    }()

    /// Whether the differential test runs: botocore is there, or `SPARKIFY_REQUIRE_MOTO` is
    /// set (boto3 comes with the AWS test tools), so that its absence fails it.
    public static var isEnabled: Bool {
        python != nil || ProcessInfo.processInfo.environment["SPARKIFY_REQUIRE_MOTO"] != nil
    }

    /// Why the differential test is skipped here.
    public static let skipReason: Comment = "no Python with botocore (.venv/bin/python3 or python3); .ci/run installs boto3"

    /// The Authorization headers botocore computes for `cases` (the script's JSON input).
    public static func sign(_ cases: Data) throws -> [String] {
        guard let python else { throw ChildProcessError(skipReason.rawValue) }
        let (status, output, errors) = try ChildProcess.run([python, ChildProcess.packageRoot + "/Scripts/sigv4_botocore.py"], input: cases)
        guard status == 0 else { throw ChildProcessError("sigv4_botocore.py failed (\(status)): \(errors)") }
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }
}
