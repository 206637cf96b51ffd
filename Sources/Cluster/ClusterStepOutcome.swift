/// What a step of `cluster create` that may change something did.
package enum ClusterStepOutcome: Sendable {
    /// It was there already, as wanted.
    case found
    /// It was missing and is there now.
    case created
    /// It was there, different, and is as wanted now.
    case updated
}
