-- wrk script: one of moalog's read endpoints, as a random member of the bench data, with its bearer token.
-- Arguments after "--": <file of "token roomId retrospectId questionNumber" lines, one per member> <endpoint>
-- where endpoint is one of
--   rooms        GET /api/v1/retro-rooms                                         (the member's room list)
--   retrospects  GET /api/v1/retro-rooms/{roomId}/retrospects                     (a room's retrospects)
--   responses    GET /api/v1/retrospects/{retrospectId}/responses?category=QUESTION_{n}  (a question's first page)
-- Each request picks a line at random. Prints one RESULT line: successes per second, p50/p90/p99 over all requests,
-- non-2xx and socket errors, bytes per answer; the first non-2xx bodies of each thread go to stderr.

local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  local file, endpoint = args[1], args[2]
  paths, auths, n = {}, {}, 0
  non2xx, shown = 0, 0
  for line in io.lines(file) do
    local token, room, retrospect, question = line:match("^(%S+) (%d+) (%d+) (%d+)$")
    if token then
      n = n + 1
      auths[n] = "Bearer " .. token
      if endpoint == "rooms" then
        paths[n] = "/api/v1/retro-rooms"
      elseif endpoint == "retrospects" then
        paths[n] = "/api/v1/retro-rooms/" .. room .. "/retrospects"
      elseif endpoint == "responses" then
        paths[n] = "/api/v1/retrospects/" .. retrospect .. "/responses?category=QUESTION_" .. question
      else
        error("unknown endpoint " .. tostring(endpoint))
      end
    end
  end
  if n == 0 then
    error("no lines in " .. tostring(file))
  end
  math.randomseed(os.time() * 1000 + tid)
  headers = { ["Accept"] = "application/json" }
end

function request()
  local i = math.random(n)
  headers["Authorization"] = auths[i]
  return wrk.format("GET", paths[i], headers)
end

-- Counts every answer outside 2xx (wrk itself counts only >= 400); the first few bodies go to stderr.
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if shown < 3 then
      shown = shown + 1
      io.stderr:write("NON2XX ", status, " ", body, "\n")
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  local ok = summary.requests - bad
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d ok=%d seconds=%.2f ok_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d bytes_per_answer=%.0f\n",
    summary.requests, ok, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    bad, socket_errors, summary.requests > 0 and summary.bytes / summary.requests or 0))
end
