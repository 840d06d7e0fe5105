-- Cycles through the URLs listed in paths.txt (one per line) and prints the
-- totals on one line for serve-load.sh to check.
local paths = {}
for line in io.lines(os.getenv("BICHIG_LOAD_PATHS")) do
  paths[#paths + 1] = line
end
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d p50_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
