-- wrk script: POST /api/v1/messages/analyze with the bench mix, one message after another.
-- usage: TOKEN=... MIX=data/messages/bench_mix/messages.jsonl \
--        wrk -t2 -c50 -d15s --latency -s crates/scamtext/benches/wrk_mix.lua http://127.0.0.1:PORT/api/v1/messages/analyze
-- Each line of the mix ends with its "text" field, already a JSON string, so it is reused as is.
local bodies = {}
for line in io.lines(os.getenv("MIX") or "data/messages/bench_mix/messages.jsonl") do
  local text = line:match('"text": (".*")}%s*$')
  if text then bodies[#bodies + 1] = '{"text": ' .. text .. '}' end
end
assert(#bodies > 0, "no messages read from MIX")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local n = 0
function setup(thread)
  thread:set("offset", n * 997)
  n = n + 1
end

local i = 0
function request()
  i = i + 1
  return wrk.format(nil, nil, nil, bodies[((offset or 0) + i) % #bodies + 1])
end

function done(summary)
  -- wrk counts answers with a status of 400 or more here.
  io.write(string.format("error answers: %d of %d\n", summary.errors.status, summary.requests))
end
