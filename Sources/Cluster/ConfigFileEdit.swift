/// One value to write into `dwh.cfg`: `[SECTION] KEY = VALUE`.
package struct ConfigFileEdit: Sendable, Equatable {
    /// The section, such as `CLUSTER`.
    package let section: String
    /// The key, such as `HOST`.
    package let key: String
    /// The value, written without quotes unless the line had them.
    package let value: String

    /// `[section] key = value`.
    package init(_ section: String, _ key: String, _ value: String) {
        self.section = section
        self.key = key
        self.value = value
    }
}
