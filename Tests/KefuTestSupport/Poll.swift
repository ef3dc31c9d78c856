import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waiting for something another process (or thread) does: asks again and
/// again until it answers or the time is up. Timeouts are hang guards, not
/// performance assertions: callers give generous ones, for a loaded
/// two-core machine.
public enum Poll {
    /// Calls `probe` until it returns a value, pausing `interval` seconds
    /// between calls; nil when `timeout` seconds pass without one. `probe`
    /// is always called at least once.
    public static func until<T>(timeout: TimeInterval, interval: TimeInterval, _ probe: () throws -> T?) rethrows -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = try probe() { return value }
            if Date() >= deadline { return nil }
            if interval > 0 { usleep(useconds_t(interval * 1_000_000)) }
        }
    }

    /// Whether `condition` came true within `timeout` seconds, asked every
    /// `interval` seconds.
    public static func untilTrue(timeout: TimeInterval, interval: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
        try until(timeout: timeout, interval: interval) { try condition() ? true : nil } ?? false
    }
}
