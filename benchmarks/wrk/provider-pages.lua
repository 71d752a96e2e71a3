-- wrk script for the provider page: cycles over the seeded provider ids and gives every request
-- a client address of its own in X-Forwarded-For, so that the edge's per-address rate limit
-- (10/s, burst 20) sees many slow clients instead of one fast one.
--
-- Usage: wrk ... -s provider-pages.lua http://127.0.0.1:PORT -- provider-ids.txt
--
-- Addresses come from 198.18.0.0/16 (RFC 2544's benchmark block; only ever a header value).
-- Thread t takes 128 of its /24s, so each thread cycles over 32768 addresses: at 10,000
-- requests/s per thread an address comes round every 3 s, far under its limit.

local threads = {}
local ids = {}
local counter = 0
local third_octet_base = 0

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(ids, line)
    end
  end
  if #ids == 0 then
    error("no provider ids in " .. args[1])
  end
  third_octet_base = (thread_number % 2) * 128
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  local n = counter % 32768
  local address = "198.18." .. (third_octet_base + math.floor(n / 256)) .. "." .. (n % 256)
  return wrk.format("GET", "/api/providers/" .. id, { ["X-Forwarded-For"] = address })
end

-- Machine-readable figures for the report, after wrk's own summary.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("result.requests=%d\n", summary.requests))
  io.write(string.format("result.seconds=%.3f\n", seconds))
  io.write(string.format("result.rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("result.bytes=%d\n", summary.bytes))
  io.write(string.format("result.p50.ms=%.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("result.p90.ms=%.3f\n", latency:percentile(90) / 1000))
  io.write(string.format("result.p99.ms=%.3f\n", latency:percentile(99) / 1000))
  io.write(string.format("result.max.ms=%.3f\n", latency.max / 1000))
  io.write(string.format("result.non2xx=%d\n", errors.status))
  io.write(string.format("result.errors.connect=%d\n", errors.connect))
  io.write(string.format("result.errors.read=%d\n", errors.read))
  io.write(string.format("result.errors.write=%d\n", errors.write))
  io.write(string.format("result.errors.timeout=%d\n", errors.timeout))
end
