import OnboardCore
import Foundation
import Testing

@testable import OnboardKit

/// The interruption a signal requests: the first signal is kept, pauses end early.
struct RunInterruptionTests {
    @Test func theFirstRequestIsKeptAndLaterOnesAreNot() {
        let interruption = RunInterruption()
        #expect(!interruption.isRequested && interruption.signal == nil, "nothing requested at first")
        #expect(interruption.request(.terminate), "the first request counts")
        #expect(!interruption.request(.interrupt), "a second one is not the first")
        #expect(interruption.signal == .terminate && interruption.isRequested, "the first signal is kept")
    }

    @Test(arguments: [
        (RunInterruption.Signal.interrupt, "SIGINT", Int32(130)), (.terminate, "SIGTERM", 143),
    ])
    func signalsAreNamedAndExitAsTheShellExpects(signal: RunInterruption.Signal, name: String, status: Int32)
    {
        #expect(signal.name == name, "the name reports use")
        #expect(signal.exitStatus == status, "128 + the signal's number")
        #expect(signal.rawValue == (signal == .interrupt ? SIGINT : SIGTERM), "the system's number")
    }

    @Test func aPauseEndsWhenASignalArrives() {
        let interruption = RunInterruption()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) {
            interruption.request(.interrupt)
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(!interruption.pause(.seconds(30)), "the pause says it was interrupted")
        #expect(clock.now - start < .seconds(2), "and ends at once: \(clock.now - start)")
        #expect(!interruption.pause(.seconds(30)), "later pauses end at once too")
    }

    @Test func aPauseWithoutASignalLastsItsTime() {
        let interruption = RunInterruption()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(interruption.pause(.milliseconds(100)), "not interrupted")
        #expect(clock.now - start >= .milliseconds(100), "slept the time: \(clock.now - start)")
    }

    @Test func anInstalledInterruptionCatchesARealSignal() {
        let interruption = RunInterruption()
        let noticed = SharedState<RunInterruption.Signal?>(nil)
        interruption.install { signal in noticed.withLock { $0 = signal } }
        // The sources are registered asynchronously; until then the default action would end the tests.
        Thread.sleep(forTimeInterval: 0.5)
        kill(getpid(), SIGTERM)
        #expect(!interruption.pause(.seconds(5)), "the signal arrives as a request")
        #expect(interruption.signal == .terminate, "SIGTERM is kept")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(noticed.withLock { $0 } == .terminate, "the notice is told")
    }
}
