-- One fixed request per connection, read once at start-up (wrk's fast path: no request()
-- function is defined, so wrk builds the bytes once and never calls Lua per request).
--   wrk ... -s bench/wrk/static.lua URL -- METHOD BODY_FILE|-
-- Headers come from wrk's own -H flags. done() prints one machine-readable line that
-- bench/run.py parses (wrk --latency only prints p50..p99; we also want p99.9).

function init(args)
   wrk.method = args[1] or "GET"
   local path = args[2]
   if path and path ~= "-" then
      local f = assert(io.open(path, "rb"))
      wrk.body = f:read("*all")
      f:close()
   end
end

done = function(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "FGBENCH requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d " ..
      "p50=%d p90=%d p99=%d p999=%d max=%d mean=%.1f\n",
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean))
end
