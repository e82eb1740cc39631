import FuzzSupport

runFuzzer { data, size in fuzzCSVRoundTrip(data, size) }
