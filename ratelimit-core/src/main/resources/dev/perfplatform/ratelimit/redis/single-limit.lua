-- perf-platform rate limiter, the lean path for a policy of one counter limit (token bucket, sliding window counter,
-- fixed window or GCRA): ratelimit.lua's wire format, state and decisions, without its generality. Same KEYS, ARGV
-- and reply (n is always 1, so the deciding limit is always 0), and the same state fields, so either script can serve
-- a policy's key after the other (a rolling upgrade, a policy growing a second limit keeps nothing: its fingerprint
-- changes). The algorithms are ratelimit.lua's, line for line; RedisScriptAgreementIntegrationTests runs both on the
-- same sequences and compares every reply and the stored state. It exists because a decision here costs Redis about
-- half the CPU of the general script (no tables of limits, no closures, no sliding-log branches).
--
-- KEYS[1]      hash holding the limit's state words (fields a0, b0, c0)
-- ARGV         as ratelimit.lua, with n = 1 and an algorithm other than 2
-- Returns      for each request: allowed 1|0, 0, remaining, reset us, retry us

local now_us
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now_us = tonumber(t[1]) * 1000000 + tonumber(t[2])
else
  now_us = tonumber(ARGV[1])
end
local m = tonumber(ARGV[2])
local algorithm = tonumber(ARGV[m + 4])
local capacity = tonumber(ARGV[m + 5])
local refill = tonumber(ARGV[m + 6])
local period = tonumber(ARGV[m + 7])
local resolution = tonumber(ARGV[m + 8])
local state = KEYS[1]
local stored = redis.call('HMGET', state, 'a0', 'b0', 'c0')
local s0, s1, s2 = tonumber(stored[1]), tonumber(stored[2]), tonumber(stored[3])
local now = math.floor(now_us / resolution)
local floor = math.floor

local results = {}
local consumed_reset = nil
for r = 1, m do
  local permits = tonumber(ARGV[2 + r])
  local allowed, remaining, reset, retry, w0, w1, w2
  if algorithm == 1 then -- token bucket: s0 = tokens (scaled by period), s1 = tick of the last refill
    local full = capacity * period
    local tokens = full
    if s0 ~= nil then
      tokens = s0
      local elapsed = math.max(0, now - s1)
      local missing = full - tokens
      if missing > 0 then
        if elapsed >= -floor(-missing / refill) then tokens = full else tokens = tokens + elapsed * refill end
      end
    end
    local cost = permits * period
    if tokens >= cost then
      local left = tokens - cost
      allowed = true; remaining = floor(left / period); reset = -floor(-(full - left) / refill); retry = 0
      w0 = left; w1 = now; w2 = 0
    else
      allowed = false; remaining = floor(tokens / period); reset = -floor(-(full - tokens) / refill)
      retry = -floor(-(cost - tokens) / refill)
    end
  elseif algorithm == 5 then -- GCRA: theoretical arrival time = s0 ticks + s1 / rate
    local tolerance = capacity * period
    local tat_ticks, tat_fraction = now, 0
    if s0 ~= nil and (s0 > now or (s0 == now and s1 > 0)) then tat_ticks = s0; tat_fraction = s1 end
    local debt = (tat_ticks - now) * refill + tat_fraction
    local increment = permits * period
    local new_ticks = tat_ticks + floor(increment / refill)
    local new_fraction = tat_fraction + increment % refill
    if new_fraction >= refill then new_ticks = new_ticks + 1; new_fraction = new_fraction - refill end
    local new_debt = debt + increment
    if new_debt <= tolerance then
      allowed = true; remaining = floor((tolerance - new_debt) / period); reset = -floor(-new_debt / refill)
      retry = 0; w0 = new_ticks; w1 = new_fraction; w2 = 0
    else
      allowed = false; remaining = floor((tolerance - debt) / period); reset = -floor(-debt / refill)
      retry = -floor(-(new_debt - tolerance) / refill)
    end
  elseif algorithm == 4 then -- fixed window: s0 = window index, s1 = count
    local index = floor(now / period)
    local count = 0
    if s0 == index then count = s1 end
    local until_next = (index + 1) * period - now
    if count + permits <= capacity then
      local after = count + permits
      allowed = true; remaining = capacity - after; retry = 0
      if after == 0 then reset = 0 else reset = until_next end
      w0 = index; w1 = after; w2 = 0
    else
      allowed = false; remaining = capacity - count; reset = until_next; retry = until_next
    end
  elseif algorithm == 3 then -- sliding window counter: s0 = window index, s1 = previous count, s2 = current count
    local index = floor(now / period)
    local elapsed = now - index * period
    local previous, current = 0, 0
    if s0 == index then previous = s1; current = s2 elseif s0 == index - 1 then previous = s2 end
    local overlap = period - elapsed
    local ceiling = capacity * period
    local weighted = previous * overlap + current * period
    if weighted + permits * period <= ceiling then
      local after = current + permits
      allowed = true; retry = 0
      remaining = floor((ceiling - previous * overlap - after * period) / period)
      if after > 0 then reset = overlap + period elseif previous > 0 then reset = overlap else reset = 0 end
      w0 = index; w1 = previous; w2 = after
    else
      allowed = false
      if current > 0 then reset = overlap + period else reset = overlap end
      local spare = capacity - current - permits
      if spare >= 0 then
        retry = overlap - floor(spare * period / previous)
      else
        local needed = 0
        if current > 0 then needed = period - floor((capacity - permits) * period / current) end
        retry = overlap + math.max(0, needed)
      end
      remaining = floor((ceiling - weighted) / period)
    end
  else
    return redis.error_reply('single-limit.lua serves counter algorithms only, not ' .. tostring(algorithm))
  end
  if allowed and permits > 0 then
    s0 = w0; s1 = w1; s2 = w2; consumed_reset = reset
  end
  local at = #results
  if allowed then results[at + 1] = 1 else results[at + 1] = 0 end
  results[at + 2] = 0
  results[at + 3] = remaining
  results[at + 4] = reset * resolution
  results[at + 5] = retry * resolution
end

-- Write the final state once; expire idle state only after it is back to fresh (expiry is garbage collection).
if consumed_reset ~= nil then
  redis.call('HSET', state, 'a0', string.format('%.0f', s0), 'b0', string.format('%.0f', s1),
    'c0', string.format('%.0f', s2))
  local ttl_us = math.max(consumed_reset * resolution, period * resolution)
  redis.call('PEXPIRE', state, -floor(-ttl_us / 1000) + 1000)
end

return results
