import Foundation

/// Report timestamps: ISO 8601 in UTC to the second (`2026-11-25T08:18:09Z`), as `xs:dateTime` wants.
///
/// Formatted by hand through `gmtime_r` so the result depends on nothing but the date: no locale,
/// no time zone of the machine, no shared formatter.
enum Timestamp {
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `2026-11-25 08:18 UTC`, for people.
    static func readable(_ date: Date) -> String {
        let iso = iso8601(date)
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }
}
