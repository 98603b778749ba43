-- perf-platform rate limiter: one script for every policy, one round trip per decision (or per batch of concurrent
-- requests on one key, evaluated one after the other as if they had arrived in that order).
-- It mirrors dev.perfplatform.ratelimit.internal.LimitMath and SlidingLog line by line: integer math whose every
-- intermediate value stays below 2^53, so Lua's doubles compute exactly what the JVM computes.
--
-- KEYS[1]      hash holding every counter limit's state words (fields a<i>, b<i>, c<i>), log totals t<i>, seq
-- KEYS[2 + i]  sorted set of the sliding window log of limit i (members "<seq>:<permits>", score = time in us);
--              at most capacity members (Limit.MAX_LOG_LIMIT bounds a log's capacity)
-- ARGV[1]      time in microseconds, or "" to read the server's TIME
-- ARGV[2]      number of requests m, then m permit counts (0 = peek: evaluate, consume nothing)
-- then         number of limits n, then for each limit: algorithm, capacity, refill, period ticks, resolution us;
--              algorithm 1 token bucket, 2 sliding window log, 3 sliding window counter, 4 fixed window, 5 GCRA
--              (internal.AlgorithmCodes on the JVM side)
-- Returns      for each request: allowed 1|0, deciding limit index (0-based), remaining, reset us, retry us

if redis.replicate_commands then redis.replicate_commands() end

local function floordiv(x, y) return math.floor(x / y) end
local function ceildiv(x, y) return -math.floor(-x / y) end
local function int(x) return string.format('%.0f', x) end
local function log_permits(member) return tonumber(string.match(member, ':(%d+)$')) end
local LOG_CHUNK = 128 -- log entries read per ZRANGE while a denial looks for its retry-after

local now_us
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
else
  now_us = tonumber(ARGV[1])
end
local m = tonumber(ARGV[2])
local offset = 2 + m
local n = tonumber(ARGV[offset + 1])
local state = KEYS[1]

-- Limits and their current state.
local limits = {}
local fields = {}
for i = 0, n - 1 do
  local base = offset + 1 + i * 5
  limits[i] = {algorithm = tonumber(ARGV[base + 1]), capacity = tonumber(ARGV[base + 2]),
    refill = tonumber(ARGV[base + 3]), period = tonumber(ARGV[base + 4]), resolution = tonumber(ARGV[base + 5])}
  fields[#fields + 1] = 'a' .. i
  fields[#fields + 1] = 'b' .. i
  fields[#fields + 1] = 'c' .. i
end
local stored = redis.call('HMGET', state, unpack(fields))
for i = 0, n - 1 do
  local l = limits[i]
  l.s0 = tonumber(stored[i * 3 + 1]); l.s1 = tonumber(stored[i * 3 + 2]); l.s2 = tonumber(stored[i * 3 + 3])
  l.now = floordiv(now_us, l.resolution)
  if l.algorithm == 2 then
    -- Sliding window log: drop what left the window, then keep the live entries' total and pending additions.
    l.log = KEYS[2 + i]
    l.total_field = 't' .. i
    l.total = tonumber(redis.call('HGET', state, l.total_field) or '0')
    local cutoff = l.now - l.period
    local expired = redis.call('ZRANGEBYSCORE', l.log, '-inf', cutoff)
    if #expired > 0 then
      for _, member in ipairs(expired) do l.total = l.total - log_permits(member) end
      redis.call('ZREMRANGEBYSCORE', l.log, '-inf', cutoff)
      redis.call('HSET', state, l.total_field, int(l.total))
    end
    l.pending = {}
  end
end

local function token_bucket(l, permits, step)
  local full = l.capacity * l.period
  local tokens = full
  if l.s0 ~= nil then
    tokens = l.s0
    local elapsed = math.max(0, l.now - l.s1)
    local missing = full - tokens
    if missing > 0 then
      if elapsed >= ceildiv(missing, l.refill) then tokens = full else tokens = tokens + elapsed * l.refill end
    end
  end
  local cost = permits * l.period
  if tokens >= cost then
    local left = tokens - cost
    step.allowed = true; step.remaining = floordiv(left, l.period); step.reset = ceildiv(full - left, l.refill)
    step.retry = 0; step.w0 = left; step.w1 = l.now; step.w2 = 0
  else
    step.allowed = false; step.remaining = floordiv(tokens, l.period); step.reset = ceildiv(full - tokens, l.refill)
    step.retry = ceildiv(cost - tokens, l.refill)
  end
end

local function gcra(l, permits, step) -- theoretical arrival time = s0 ticks + s1 / rate
  local tolerance = l.capacity * l.period
  local tat_ticks, tat_fraction = l.now, 0
  if l.s0 ~= nil and (l.s0 > l.now or (l.s0 == l.now and l.s1 > 0)) then tat_ticks = l.s0; tat_fraction = l.s1 end
  local debt = (tat_ticks - l.now) * l.refill + tat_fraction
  local increment = permits * l.period
  local new_ticks = tat_ticks + floordiv(increment, l.refill)
  local new_fraction = tat_fraction + increment % l.refill
  if new_fraction >= l.refill then new_ticks = new_ticks + 1; new_fraction = new_fraction - l.refill end
  local new_debt = debt + increment
  if new_debt <= tolerance then
    step.allowed = true; step.remaining = floordiv(tolerance - new_debt, l.period)
    step.reset = ceildiv(new_debt, l.refill); step.retry = 0
    step.w0 = new_ticks; step.w1 = new_fraction; step.w2 = 0
  else
    step.allowed = false; step.remaining = floordiv(tolerance - debt, l.period); step.reset = ceildiv(debt, l.refill)
    step.retry = ceildiv(new_debt - tolerance, l.refill)
  end
end

local function fixed_window(l, permits, step) -- s0 = window index, s1 = count
  local index = floordiv(l.now, l.period)
  local count = 0
  if l.s0 == index then count = l.s1 end
  local until_next = (index + 1) * l.period - l.now
  if count + permits <= l.capacity then
    local after = count + permits
    step.allowed = true; step.remaining = l.capacity - after; step.retry = 0
    if after == 0 then step.reset = 0 else step.reset = until_next end
    step.w0 = index; step.w1 = after; step.w2 = 0
  else
    step.allowed = false; step.remaining = l.capacity - count; step.reset = until_next; step.retry = until_next
  end
end

local function sliding_counter(l, permits, step) -- s0 = window index, s1 = previous count, s2 = current count
  local index = floordiv(l.now, l.period)
  local elapsed = l.now - index * l.period
  local previous, current = 0, 0
  if l.s0 == index then previous = l.s1; current = l.s2 elseif l.s0 == index - 1 then previous = l.s2 end
  local overlap = l.period - elapsed
  local ceiling = l.capacity * l.period
  local weighted = previous * overlap + current * l.period
  if weighted + permits * l.period <= ceiling then
    local after = current + permits
    step.allowed = true; step.retry = 0
    step.remaining = floordiv(ceiling - previous * overlap - after * l.period, l.period)
    if after > 0 then step.reset = overlap + l.period elseif previous > 0 then step.reset = overlap else step.reset = 0 end
    step.w0 = index; step.w1 = previous; step.w2 = after
  else
    step.allowed = false
    if current > 0 then step.reset = overlap + l.period else step.reset = overlap end
    local spare = l.capacity - current - permits
    if spare >= 0 then
      step.retry = overlap - floordiv(spare * l.period, previous)
    else
      local needed = 0
      if current > 0 then needed = l.period - floordiv((l.capacity - permits) * l.period, current) end
      step.retry = overlap + math.max(0, needed)
    end
    step.remaining = floordiv(ceiling - weighted, l.period)
  end
end

local function sliding_log(l, permits, step) -- entries in the sorted set, then this batch's pending ones
  local newest = nil
  if #l.pending > 0 then
    newest = l.now
  elseif l.total > 0 then
    newest = tonumber(redis.call('ZRANGE', l.log, -1, -1, 'WITHSCORES')[2])
  end
  if l.total + permits <= l.capacity then
    step.allowed = true; step.remaining = l.capacity - l.total - permits; step.retry = 0
    if permits > 0 then step.reset = l.period elseif l.total > 0 then step.reset = newest + l.period - l.now
    else step.reset = 0 end
  else
    local needed = l.total + permits - l.capacity
    local freed, at = 0, nil
    -- Oldest first, in chunks, reading no more entries than could still be needed (each holds at least one
    -- permit): a denial reads O(needed) entries of the log, not all of it.
    local start = 0
    while freed < needed do
      local want = math.min(needed - freed, LOG_CHUNK)
      local chunk = redis.call('ZRANGE', l.log, start, start + want - 1, 'WITHSCORES')
      local j = 1
      while freed < needed and j < #chunk do
        freed = freed + log_permits(chunk[j]); at = tonumber(chunk[j + 1]); j = j + 2
      end
      if #chunk < 2 * want then break end -- the stored log is exhausted: the rest is this batch's pending entries
      start = start + want
    end
    local k = 1
    while freed < needed do
      freed = freed + l.pending[k]; at = l.now; k = k + 1
    end
    step.allowed = false; step.remaining = l.capacity - l.total
    step.reset = newest + l.period - l.now; step.retry = at + l.period - l.now
  end
end

local evaluate = {[1] = token_bucket, [2] = sliding_log, [3] = sliding_counter, [4] = fixed_window, [5] = gcra}

local results = {}
local dirty = false
for r = 1, m do
  local permits = tonumber(ARGV[2 + r])
  local steps = {}
  local all_allowed = true
  for i = 0, n - 1 do
    local step = {}
    evaluate[limits[i].algorithm](limits[i], permits, step)
    steps[i] = step
    if not step.allowed then all_allowed = false end
  end
  -- The deciding limit: when denied, the denying limit with the longest wait; else the one with the fewest left.
  local deciding = -1
  for i = 0, n - 1 do
    local s, res = steps[i], limits[i].resolution
    local better
    if all_allowed then
      better = deciding < 0 or s.remaining < steps[deciding].remaining
    else
      better = (not s.allowed) and
        (deciding < 0 or s.retry * res > steps[deciding].retry * limits[deciding].resolution)
    end
    if better then deciding = i end
  end
  -- All or nothing: consume in every limit, or in none.
  if all_allowed and permits > 0 then
    dirty = true
    for i = 0, n - 1 do
      local l, s = limits[i], steps[i]
      if l.algorithm == 2 then
        l.pending[#l.pending + 1] = permits; l.total = l.total + permits
      else
        l.s0 = s.w0; l.s1 = s.w1; l.s2 = s.w2
      end
      l.reset = s.reset
    end
  end
  local d, res = steps[deciding], limits[deciding].resolution
  local allowed = 0
  if all_allowed then allowed = 1 end
  results[#results + 1] = allowed
  results[#results + 1] = deciding
  results[#results + 1] = d.remaining
  results[#results + 1] = d.reset * res
  results[#results + 1] = d.retry * res
end

-- Write the final state once; expire idle state only after it is back to fresh (expiry is garbage collection).
if dirty then
  local writes = {}
  local ttl_us = 0
  for i = 0, n - 1 do
    local l = limits[i]
    if l.algorithm == 2 then
      if #l.pending > 0 then
        for _, permits in ipairs(l.pending) do
          local seq = redis.call('HINCRBY', state, 'seq', 1)
          redis.call('ZADD', l.log, now_us, int(seq) .. ':' .. int(permits))
        end
        redis.call('HSET', state, l.total_field, int(l.total))
        redis.call('PEXPIRE', l.log, ceildiv(l.period * l.resolution, 1000) + 1000)
      end
    elseif l.s0 ~= nil then
      writes[#writes + 1] = 'a' .. i; writes[#writes + 1] = int(l.s0)
      writes[#writes + 1] = 'b' .. i; writes[#writes + 1] = int(l.s1)
      writes[#writes + 1] = 'c' .. i; writes[#writes + 1] = int(l.s2)
    end
    ttl_us = math.max(ttl_us, (l.reset or 0) * l.resolution, l.period * l.resolution)
  end
  if #writes > 0 then redis.call('HSET', state, unpack(writes)) end
  redis.call('PEXPIRE', state, ceildiv(ttl_us, 1000) + 1000)
end

return results
