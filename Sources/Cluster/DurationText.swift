/// A time span as people read it: `42 s`, `3 min 12 s`, `1 h 5 min`.
package enum DurationText {
    /// `duration` rounded down to whole seconds, in the two largest units.
    package static func text(_ duration: Duration) -> String {
        seconds(Int(max(0, duration.components.seconds)))
    }

    /// `seconds` in the two largest units.
    package static func seconds(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds) s"
        case ..<3600: seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
        case ..<86400: seconds % 3600 / 60 == 0 ? "\(seconds / 3600) h" : "\(seconds / 3600) h \(seconds % 3600 / 60) min"
        default: "\(seconds / 86400) d \(seconds % 86400 / 3600) h"
        }
    }
}
