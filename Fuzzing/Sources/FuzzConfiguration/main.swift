import FuzzSupport

runFuzzer { data, size in fuzzConfiguration(data, size) }
