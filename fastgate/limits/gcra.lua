-- fastgate limiter script: every limit of one request decided in ONE atomic call (issue 6).
--
-- The arithmetic is the GCRA of fastgate/_native/gcra_py.py (the spec), run on a MICROSECOND
-- clock: Redis TIME has microsecond resolution, and Lua 5.1 numbers are doubles, exact only up
-- to 2^53 (~9.0e15): Unix time in us (~1.7e15) fits, in ns it would not. So a limit "N per W"
-- here is exactly gcra_py.reserve(tat_us, now_us, cost, N, W_us): same tick lattice, same
-- remaining/reset/retry, no drift. Products that could pass 2^53 (t * Q / W when N does not
-- divide W) go through muldiv(), an exact long multiplication/division.
--
-- The clock is Redis TIME, never the caller's: gateways with skewed clocks agree (RL-06).
-- Scripts are replicated by effects (Redis >= 5), so reading TIME before writing is allowed.
--
-- KEYS: n rate keys (the first e enforced, the rest shadow), then m concurrency keys.
-- ARGV[1] mode: "r" reserve | "s" settle | "k" keep (renew leases)
-- ARGV[2] now in us, or "" for Redis TIME (tests replay golden tables with a fixed clock)
-- ARGV[3] n   ARGV[4] e   ARGV[5] m
-- reserve: then n pairs  limit, window_us;  m pairs  limit, shadow(0|1);  lease_us;
--          n costs;  lease id
-- settle:  then n pairs  limit, window_us;  n deltas;  lease id (the m concurrency keys release
--          that lease)
-- keep:    n = 0; then lease_us, then m lease ids: lease j's deadline on KEYS[j] moves to
--          now + lease_us if it is still held (ZADD XX: a released or expired lease stays gone)
-- What changes from one request to the next (costs, deltas, lease) comes last, so a client can
-- send a cached prefix of the command and append only those.
--
-- Reserve returns {enforced_ok, shadow_ok, [remaining, reset_ns, retry_ns] x n, [in_flight] x m}.
-- All enforced items (rate and concurrency) are charged, or none is (RL-17); the shadow group is
-- charged only when it admits AND the request is admitted. retry_ns follows reserve_many: -1
-- admitted or never admissible (cost > limit), 0 for an item that would admit on its own.

local TWO26 = 67108864
local TWO52 = 4503599627370496
-- Times are clamped to 4e15 us (year 2096) so that tick_time (< 2 * t) stays below 2^53.
local TMAX = 4000000000000000

-- floor(a * b / c) and the remainder, exactly, for integers 0 <= a, b < 2^52 and 0 < c < 2^52.
local function muldiv(a, b, c)
  local p = a * b
  if p < TWO52 then
    -- p is exact; p / c is rounded, so fix the quotient by the sign of the exact remainder
    -- (q * c <= p + c < 2^53 stays exact).
    local q = math.floor(p / c)
    local r = p - q * c
    while r < 0 do q = q - 1; r = r + c end
    while r >= c do q = q + 1; r = r - c end
    return q, r
  end
  -- The 104-bit product in four 26-bit limbs; every partial sum stays below 2^53.
  local a1, a0 = math.floor(a / TWO26), a % TWO26
  local b1, b0 = math.floor(b / TWO26), b % TWO26
  local l0 = a0 * b0
  local t = a1 * b0 + a0 * b1 + math.floor(l0 / TWO26)
  local d0 = l0 % TWO26
  local d1 = t % TWO26
  t = a1 * b1 + math.floor(t / TWO26)
  local d2 = t % TWO26
  local d3 = math.floor(t / TWO26)
  local limbs = {d3, d2, d1, d0}
  -- Binary long division: r < c < 2^52, so 2r + 1 < 2^53 is exact.
  local q, r = 0, 0
  for i = 1, 4 do
    local d = limbs[i]
    local pw = TWO26
    for _ = 1, 26 do
      pw = pw / 2
      local bit = 0
      if d >= pw then bit = 1; d = d - pw end
      r = r * 2 + bit
      q = q * 2
      if r >= c then r = r - c; q = q + 1 end
    end
  end
  return q, r
end

-- (K, Q): ticks per unit and per window (gcra_py._params); the caller validated limit <= w.
local function params(limit, w)
  local k = muldiv(w, 1, limit)
  return k, limit * k
end

local function ticks(t, q, w)
  if q == w then return t end
  local x = muldiv(t, q, w)
  return x
end

local function tick_time(j, q, w)
  if j <= 0 then return 0 end
  local x
  if q == w then
    x = j
  else
    local r
    x, r = muldiv(j, w, q)
    if r > 0 then x = x + 1 end
  end
  if x > TMAX then x = TMAX end
  return x
end

local function clamp(t)
  if t < 0 then return 0 end
  if t > TMAX then return TMAX end
  return t
end

-- gcra_py.reserve: (allowed, new_tat, remaining, reset_after, retry_after) in us.
local function reserve(tat, now, cost, limit, w)
  local k, q = params(limit, w)
  local j_now = ticks(now, q, w)
  local base = ticks(clamp(tat), q, w)
  if base < j_now then base = j_now end
  local cap = j_now + q
  local allowed, retry, state
  if cost > limit then
    allowed, retry, state = false, -1, base
  else
    local new_j = base + cost * k
    if new_j <= cap then
      allowed, retry, state = true, -1, new_j
    else
      allowed, retry, state = false, tick_time(new_j - q, q, w) - now, base
    end
  end
  local new_tat = tat
  if allowed and cost > 0 then new_tat = tick_time(state, q, w) end
  local remaining = 0
  if state < cap then remaining = muldiv(cap - state, 1, k) end
  local reset = tick_time(state, q, w) - now
  if reset < 0 then reset = 0 end
  return allowed, new_tat, remaining, reset, retry
end

-- gcra_py.settle: charge (delta > 0, no admission check) or refund (never below now).
local function settle(tat, now, delta, limit, w)
  if delta == 0 then return tat end
  local k, q = params(limit, w)
  local j_now = ticks(now, q, w)
  local j_tat = ticks(clamp(tat), q, w)
  if delta > 0 then
    local b = j_tat
    if b < j_now then b = j_now end
    local new_j = b + delta * k
    if new_j > TMAX then return TMAX end
    return tick_time(new_j, q, w)
  end
  local new_j = j_tat + delta * k
  if new_j <= j_now then return now end
  local x = tick_time(new_j, q, w)
  if x < now then x = now end
  return x
end

-- Store a TAT; the key expires when it is idle again (RL-11: TTL = reset time + 1 s grace),
-- and a TAT that is already idle is deleted outright.
local function store(key, tat, now)
  if tat <= now then
    redis.call('DEL', key)
  else
    local ttl = math.floor((tat - now) / 1000) + 1000
    redis.call('SET', key, string.format('%.0f', tat), 'PX', ttl)
  end
end

local mode = ARGV[1]
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local n, e, m = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])

if mode == 'k' then
  local lease_us = tonumber(ARGV[6])
  local kept = 0
  for j = 1, m do
    -- CH: count the members whose score changed, i.e. the leases that were still held
    kept = kept + redis.call('ZADD', KEYS[j], 'XX', 'CH', now + lease_us, ARGV[6 + j])
    local ttl = math.floor(lease_us / 1000) + 1000
    if redis.call('PTTL', KEYS[j]) < ttl then redis.call('PEXPIRE', KEYS[j], ttl) end
  end
  return kept
end

if mode == 's' then
  for i = 1, n do
    local delta = tonumber(ARGV[5 + 2 * n + i])
    if delta ~= 0 then
      local cur = redis.call('GET', KEYS[i])
      -- A refund for a key that expired (idle) has nothing to give back.
      if cur or delta > 0 then
        local tat = tonumber(cur) or 0
        store(KEYS[i], settle(tat, now, delta, tonumber(ARGV[4 + 2 * i]), tonumber(ARGV[5 + 2 * i])), now)
      end
    end
  end
  local lease = ARGV[6 + 3 * n]
  for j = 1, m do
    redis.call('ZREM', KEYS[n + j], lease)
  end
  return 1
end

local c0 = 6 + 2 * n  -- the first concurrency pair
local lease_us = tonumber(ARGV[c0 + 2 * m])
local k0 = c0 + 2 * m  -- ARGV[k0 + i]: the cost of item i
local lease = ARGV[k0 + n + 1]
local out = {0, 0}
local tats, news, oks = {}, {}, {}
local ok_e, ok_s = true, true
for i = 1, n do
  local cost, limit, w = tonumber(ARGV[k0 + i]), tonumber(ARGV[4 + 2 * i]), tonumber(ARGV[5 + 2 * i])
  local tat = tonumber(redis.call('GET', KEYS[i])) or 0
  local allowed, new_tat, remaining, reset, retry = reserve(tat, now, cost, limit, w)
  tats[i], news[i], oks[i] = tat, new_tat, allowed
  if not allowed then
    if i <= e then ok_e = false else ok_s = false end
  end
  out[3 + 3 * (i - 1)] = remaining
  out[4 + 3 * (i - 1)] = reset * 1000
  if retry > 0 then retry = retry * 1000 end  -- us -> ns, like reset (-1 stays "never/admitted")
  out[5 + 3 * (i - 1)] = retry
end
local inflight = {}
for j = 1, m do
  local key = KEYS[n + j]
  -- Leases of gateways that died holding a slot expire (the score is their deadline).
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  local c = redis.call('ZCARD', key)
  inflight[j] = c
  if c >= tonumber(ARGV[c0 + 2 * (j - 1)]) then
    if ARGV[c0 + 2 * (j - 1) + 1] == '1' then ok_s = false else ok_e = false end
  end
end
if not ok_s or not ok_e then
  -- A group that denies is charged nothing; report its admitting items as peeks (reserve_many).
  for i = 1, n do
    if oks[i] and ((i <= e and not ok_e) or (i > e and (not ok_s or not ok_e))) then
      local _, _, remaining, reset = reserve(tats[i], now, 0, tonumber(ARGV[4 + 2 * i]), tonumber(ARGV[5 + 2 * i]))
      out[3 + 3 * (i - 1)] = remaining
      out[4 + 3 * (i - 1)] = reset * 1000
      -- retry 0 = "this limit would admit": only meaningful inside a group that denied.
      if (i <= e and not ok_e) or (i > e and not ok_s) then
        out[5 + 3 * (i - 1)] = 0
      end
    end
  end
end
if ok_e then
  out[1] = 1
  for i = 1, n do
    if (i <= e or ok_s) and news[i] ~= tats[i] then store(KEYS[i], news[i], now) end
  end
  if ok_s then out[2] = 1 end
  for j = 1, m do
    local shadow = ARGV[c0 + 2 * (j - 1) + 1] == '1'
    if not shadow or ok_s then
      redis.call('ZADD', KEYS[n + j], now + lease_us, lease)
      redis.call('PEXPIRE', KEYS[n + j], math.floor(lease_us / 1000) + 1000)
      inflight[j] = inflight[j] + 1
    end
  end
end
for j = 1, m do out[2 + 3 * n + j] = inflight[j] end
return out
