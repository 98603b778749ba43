-- perf-platform rate limiter: one script for every policy, one round trip per decision.
-- It mirrors dev.perfplatform.ratelimit.internal.LimitMath and SlidingLog line by line: integer math whose every
-- intermediate value stays below 2^53, so Lua's doubles compute exactly what the JVM computes.
--
-- KEYS[1]      hash holding every counter limit's state words (fields a<i>, b<i>, c<i>) and the log bookkeeping
-- KEYS[1 + i]  sorted set of the sliding window log of limit i (members "<seq>:<permits>", score = time in us)
-- ARGV[1]      time in microseconds, or "" to read the server's TIME
-- ARGV[2]      permits asked for (0 = peek: evaluate, write nothing)
-- ARGV[3]      number of limits n, then for each limit: algorithm, capacity, refill, period ticks, resolution us
-- Returns      {allowed 1|0, deciding limit index (0-based), remaining, reset after us, retry after us}

if redis.replicate_commands then redis.replicate_commands() end

local function floordiv(x, y) return math.floor(x / y) end
local function ceildiv(x, y) return -math.floor(-x / y) end
local function int(x) return string.format('%.0f', x) end

local now_us
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
else
  now_us = tonumber(ARGV[1])
end
local permits = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local state = KEYS[1]

local steps = {}
local all_allowed = true
local fields = {}
for i = 0, n - 1 do
  fields[#fields + 1] = 'a' .. i
  fields[#fields + 1] = 'b' .. i
  fields[#fields + 1] = 'c' .. i
end
local stored = redis.call('HMGET', state, unpack(fields))

for i = 0, n - 1 do
  local base = 3 + i * 5
  local algorithm = tonumber(ARGV[base + 1])
  local capacity = tonumber(ARGV[base + 2])
  local refill = tonumber(ARGV[base + 3])
  local period = tonumber(ARGV[base + 4])
  local resolution = tonumber(ARGV[base + 5])
  local s0 = tonumber(stored[i * 3 + 1])
  local s1 = tonumber(stored[i * 3 + 2])
  local s2 = tonumber(stored[i * 3 + 3])
  local now = floordiv(now_us, resolution)
  local step = {resolution = resolution, algorithm = algorithm, period = period}

  if algorithm == 1 then -- token bucket: s0 = tokens x period, s1 = tick of last update
    local full = capacity * period
    local tokens = full
    if s0 ~= nil then
      tokens = s0
      local elapsed = math.max(0, now - s1)
      local missing = full - tokens
      if missing > 0 then
        if elapsed >= ceildiv(missing, refill) then tokens = full else tokens = tokens + elapsed * refill end
      end
    end
    local cost = permits * period
    if tokens >= cost then
      local left = tokens - cost
      step.allowed = true; step.remaining = floordiv(left, period); step.reset = ceildiv(full - left, refill)
      step.retry = 0; step.w0 = left; step.w1 = now; step.w2 = 0
    else
      step.allowed = false; step.remaining = floordiv(tokens, period); step.reset = ceildiv(full - tokens, refill)
      step.retry = ceildiv(cost - tokens, refill)
    end

  elseif algorithm == 5 then -- GCRA: theoretical arrival time = s0 ticks + s1 / rate
    local tolerance = capacity * period
    local tat_ticks = now
    local tat_fraction = 0
    if s0 ~= nil and (s0 > now or (s0 == now and s1 > 0)) then
      tat_ticks = s0; tat_fraction = s1
    end
    local debt = (tat_ticks - now) * refill + tat_fraction
    local increment = permits * period
    local new_ticks = tat_ticks + floordiv(increment, refill)
    local new_fraction = tat_fraction + increment % refill
    if new_fraction >= refill then new_ticks = new_ticks + 1; new_fraction = new_fraction - refill end
    local new_debt = debt + increment
    if new_debt <= tolerance then
      step.allowed = true; step.remaining = floordiv(tolerance - new_debt, period); step.reset = ceildiv(new_debt, refill)
      step.retry = 0; step.w0 = new_ticks; step.w1 = new_fraction; step.w2 = 0
    else
      step.allowed = false; step.remaining = floordiv(tolerance - debt, period); step.reset = ceildiv(debt, refill)
      step.retry = ceildiv(new_debt - tolerance, refill)
    end

  elseif algorithm == 4 then -- fixed window: s0 = window index, s1 = count
    local index = floordiv(now, period)
    local count = 0
    if s0 == index then count = s1 end
    local until_next = (index + 1) * period - now
    if count + permits <= capacity then
      local after = count + permits
      step.allowed = true; step.remaining = capacity - after; step.retry = 0
      if after == 0 then step.reset = 0 else step.reset = until_next end
      step.w0 = index; step.w1 = after; step.w2 = 0
    else
      step.allowed = false; step.remaining = capacity - count; step.reset = until_next; step.retry = until_next
    end

  elseif algorithm == 3 then -- sliding window counter: s0 = window index, s1 = previous count, s2 = current count
    local index = floordiv(now, period)
    local elapsed = now - index * period
    local previous, current = 0, 0
    if s0 == index then previous = s1; current = s2 elseif s0 == index - 1 then previous = s2 end
    local overlap = period - elapsed
    local ceiling = capacity * period
    local weighted = previous * overlap + current * period
    if weighted + permits * period <= ceiling then
      local after = current + permits
      step.allowed = true; step.retry = 0
      step.remaining = floordiv(ceiling - previous * overlap - after * period, period)
      if after > 0 then step.reset = overlap + period elseif previous > 0 then step.reset = overlap else step.reset = 0 end
      step.w0 = index; step.w1 = previous; step.w2 = after
    else
      step.allowed = false
      if current > 0 then step.reset = overlap + period else step.reset = overlap end
      local spare = capacity - current - permits
      if spare >= 0 then
        step.retry = overlap - floordiv(spare * period, previous)
      else
        local needed = 0
        if current > 0 then needed = period - floordiv((capacity - permits) * period, current) end
        step.retry = overlap + math.max(0, needed)
      end
      step.remaining = floordiv(ceiling - weighted, period)
    end

  else -- 2: sliding window log in KEYS[2 + i]; the hash keeps its permit total in t<i>
    local log = KEYS[2 + i]
    local total_field = 't' .. i
    local total = tonumber(redis.call('HGET', state, total_field) or '0')
    local cutoff = now - period
    local expired = redis.call('ZRANGEBYSCORE', log, '-inf', cutoff)
    if #expired > 0 then
      for _, member in ipairs(expired) do
        total = total - tonumber(string.match(member, ':(%d+)$'))
      end
      redis.call('ZREMRANGEBYSCORE', log, '-inf', cutoff)
      redis.call('HSET', state, total_field, int(total))
    end
    local newest = nil
    if total > 0 then
      newest = tonumber(redis.call('ZRANGE', log, -1, -1, 'WITHSCORES')[2])
    end
    step.log = log; step.total_field = total_field; step.total = total
    if total + permits <= capacity then
      step.allowed = true; step.remaining = capacity - total - permits; step.retry = 0
      if permits > 0 then step.reset = period elseif total > 0 then step.reset = newest + period - now else step.reset = 0 end
    else
      local needed = total + permits - capacity
      local freed = 0
      local oldest = redis.call('ZRANGE', log, 0, -1, 'WITHSCORES')
      local at = nil
      local j = 1
      while freed < needed do
        freed = freed + tonumber(string.match(oldest[j], ':(%d+)$'))
        at = tonumber(oldest[j + 1])
        j = j + 2
      end
      step.allowed = false; step.remaining = capacity - total
      step.reset = newest + period - now; step.retry = at + period - now
    end
  end

  steps[i] = step
  if not step.allowed then all_allowed = false end
end

-- The deciding limit: when denied, the denying limit with the longest wait; else the one with the fewest left.
local deciding = -1
for i = 0, n - 1 do
  local s = steps[i]
  local better
  if all_allowed then
    better = deciding < 0 or s.remaining < steps[deciding].remaining
  else
    better = (not s.allowed) and (deciding < 0 or s.retry * s.resolution > steps[deciding].retry * steps[deciding].resolution)
  end
  if better then deciding = i end
end

-- Commit all or nothing; expire idle state only after it is back to fresh (expiry is garbage collection).
if all_allowed and permits > 0 then
  local writes = {}
  local ttl_us = 0
  for i = 0, n - 1 do
    local s = steps[i]
    if s.algorithm == 2 then
      local seq = redis.call('HINCRBY', state, 'seq', 1)
      redis.call('ZADD', s.log, now_us, int(seq) .. ':' .. int(permits))
      redis.call('HSET', state, s.total_field, int(s.total + permits))
      redis.call('PEXPIRE', s.log, ceildiv(s.period * s.resolution, 1000) + 1000)
    else
      writes[#writes + 1] = 'a' .. i; writes[#writes + 1] = int(s.w0)
      writes[#writes + 1] = 'b' .. i; writes[#writes + 1] = int(s.w1)
      writes[#writes + 1] = 'c' .. i; writes[#writes + 1] = int(s.w2)
    end
    ttl_us = math.max(ttl_us, s.reset * s.resolution, s.period * s.resolution)
  end
  if #writes > 0 then redis.call('HSET', state, unpack(writes)) end
  redis.call('PEXPIRE', state, ceildiv(ttl_us, 1000) + 1000)
end

local d = steps[deciding]
local allowed = 0
if all_allowed then allowed = 1 end
return {allowed, deciding, d.remaining, d.reset * d.resolution, d.retry * d.resolution}
