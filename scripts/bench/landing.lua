-- wrk script of scripts/bench/landing.sh: each request opens the simulation link of the next
-- target of a dry-run campaign (paths in the file named by LANDING_PATHS, one per line), as the
-- targets' clicks arrive at a landing server: every hit is a recorded link event.
local paths = {}
for line in io.lines(os.getenv("LANDING_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36" })
end
