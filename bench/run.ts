// Benchmarks land with issue 6.
console.log("bench: not built yet");
