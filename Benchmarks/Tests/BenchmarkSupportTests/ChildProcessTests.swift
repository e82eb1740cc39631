import BenchmarkSupport
import Testing

struct ChildProcessTests {
    @Test func returnsWhatTheChildPrinted() throws {
        let output = try ChildProcess(["sh", "-c", "echo 1000001 11000001"]).run()
        #expect(output == "1000001 11000001\n", "standard output, captured whole")
    }

    @Test func capturesOutputLargerThanAPipeBuffer() throws {
        let output = try ChildProcess(["sh", "-c", "head -c 200000 /dev/zero | tr '\\\\0' x"]).run()
        #expect(output.utf8.count == 200_000, "the pipe is drained while the child runs")
    }

    @Test func aFailingChildThrowsWithItsCommandAndStatus() {
        #expect {
            try ChildProcess(["sh", "-c", "exit 3"]).run()
        } throws: { error in
            (error as? ChildProcessError)?.description == "`sh -c exit 3`: exited with status 3"
        }
    }

    @Test func aMissingProgramThrows() {
        #expect(throws: ChildProcessError.self, "no such program in PATH") {
            try ChildProcess(["no-such-program-onboard-bench"]).run()
        }
    }
}
