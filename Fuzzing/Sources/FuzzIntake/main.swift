import FuzzSupport

runFuzzer { data, size in fuzzIntake(data, size) }
