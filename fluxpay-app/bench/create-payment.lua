-- wrk script: POST /api/v1/payments, one pre-created PENDING order per request, a fresh Idempotency-Key each.
-- Arguments after "--": <file of order ids, one a line> <api key> <wrk threads> <amount> <key prefix>
-- Each thread takes every n-th order of the file, so no two requests pay the same order.
-- Prints one RESULT line: successes per second and p50/p95/p99 over all requests; the first non-2xx bodies to stderr.

local next_thread = 1

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  local file, api_key, threads = args[1], args[2], tonumber(args[3])
  amount, prefix = args[4], args[5]
  orders, n, used, shown = {}, 0, 0, 0
  local line_no = 0
  for id in io.lines(file) do
    if line_no % threads == tid - 1 then
      n = n + 1
      orders[n] = id
    end
    line_no = line_no + 1
  end
  headers = {
    ["Authorization"] = "Bearer " .. api_key,
    ["Content-Type"] = "application/json",
  }
end

function request()
  used = used + 1
  local order = orders[(used - 1) % n + 1] -- wraps (and then gets 409s) only if the file was too short
  headers["Idempotency-Key"] = prefix .. "-" .. tid .. "-" .. used
  return wrk.format("POST", "/api/v1/payments", headers,
    '{"orderId":"' .. order .. '","amount":' .. amount .. ',"currency":"KRW"}')
end

-- The first few non-2xx answers of each thread go to stderr, so a non-zero count can be explained.
function response(status, headers, body)
  if status >= 300 and shown < 3 then
    shown = shown + 1
    io.stderr:write("NON2XX ", status, " ", body, "\n")
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local ok = summary.requests - errors.status
  io.write(string.format(
    "RESULT requests=%d ok=%d seconds=%.2f ok_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, ok, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
