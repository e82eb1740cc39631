import OnboardCore
import Foundation

/// Standard error as a terminal shows it: ordinary lines (log lines, messages) and, below them, one
/// status line redrawn in place (the progress line).
///
/// Everything written to standard error while a status line may be on screen goes through here, so
/// a log line first wipes the status line instead of being glued to its end; the next redraw puts it
/// back below. The line is wiped with spaces and `\r`, not escape codes, and kept narrower than the
/// terminal so it never wraps (a wrapped line cannot be redrawn with `\r`).
///
/// A class: standard error is one shared resource; a lock keeps writes whole.
public final class StatusLine: Sendable {
    private let descriptor: Int32
    /// The width of the status line on screen, 0 when none is.
    private let shownWidth = SharedState(0)

    /// The one for standard error.
    public static let standardError = StatusLine(descriptor: 2)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether the descriptor is a terminal (where a status line makes sense).
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// The terminal's width in columns, 80 when unknown.
    public var columns: Int {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Shows `text` (cut to the terminal's width) as the status line, replacing the one shown.
    ///
    /// `visibleWidth` is the width of `text` without colour codes, when it has any.
    public func show(_ text: String, visibleWidth: Int? = nil) {
        let width = visibleWidth ?? text.count
        shownWidth.withLock { shown in
            let padding = String(repeating: " ", count: max(0, shown - width))
            put("\r" + text + padding + "\r")
            shown = width
        }
    }

    /// Wipes the status line, leaving the cursor at the start of the empty line.
    public func clear() {
        shownWidth.withLock { shown in
            guard shown > 0 else { return }
            put("\r" + String(repeating: " ", count: shown) + "\r")
            shown = 0
        }
    }

    /// Writes `text` (whole lines) above the status line.
    public func write(_ text: String) {
        shownWidth.withLock { shown in
            if shown > 0 {
                put("\r" + String(repeating: " ", count: shown) + "\r")
                shown = 0
            }
            put(text)
        }
    }

    private func put(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
