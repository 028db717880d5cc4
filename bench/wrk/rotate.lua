-- Like static.lua, but every request carries the next credential of a list, so no two
-- consecutive requests share a token (the `auth-miss` scenario: every request is a fresh JWT
-- verify when the list is longer than the gateway's verified-token cache).
--   wrk ... -s bench/wrk/rotate.lua URL -- METHOD BODY_FILE|- TOKENS_FILE
-- TOKENS_FILE holds one Authorization header value per line. The requests are pre-formatted in
-- init(), so the per-request Lua cost is one table lookup.

local reqs = {}
local n = 0
local i = 0

function init(args)
   wrk.method = args[1] or "GET"
   local path = args[2]
   if path and path ~= "-" then
      local f = assert(io.open(path, "rb"))
      wrk.body = f:read("*all")
      f:close()
   end
   for line in io.lines(args[3]) do
      if #line > 0 then
         local h = {}
         for k, v in pairs(wrk.headers) do h[k] = v end
         h["Authorization"] = line
         n = n + 1
         reqs[n] = wrk.format(nil, nil, h, nil)
      end
   end
   assert(n > 0, "empty tokens file")
end

request = function()
   i = i % n + 1
   return reqs[i]
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
