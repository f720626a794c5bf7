#!/usr/bin/env bash
# Load tests of the Tradewind server, on loopback, with the server built in Release.
#
#   bench/load/run.sh ticker      GET /api/v1/market/ticker with wrk: throughput and latency percentiles
#   bench/load/run.sh backtests   50 concurrent clients submit backtests; every job must complete exactly once
#   bench/load/run.sh all         both (default)
#
# Needs: the .NET 10 SDK, wrk, curl, jq and sqlite3 (Debian: apt-get install wrk curl jq sqlite3).
# Settings: DURATION (default 30s), CONNECTIONS (64), THREADS (2), CLIENTS (50), PER_CLIENT (2), PORT (5099).
set -euo pipefail

mode="${1:-all}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${PORT:-5099}"
base="http://127.0.0.1:${port}"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
clients="${CLIENTS:-50}"
per_client="${PER_CLIENT:-2}"
work="$(mktemp -d /tmp/tradewind-load.XXXXXX)"
server_pid=""

for tool in wrk curl jq sqlite3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (Debian: apt-get install $tool)" >&2; exit 2; }
done

cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    # SIGTERM: a background job of a non-interactive shell ignores SIGINT. The server shuts down gracefully on it.
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the server (Release)..."
dotnet build -c Release "$root/src/Tradewind.Cli" -v quiet -nologo >/dev/null

# Limits are raised so the test measures the server, not its rate limiter or quotas.
export Tradewind__RequestsPerMinute=100000000
export Tradewind__RegistrationsPerHourPerIp=100000
export Tradewind__ProvisionalBacktestsPerHour=100000
export Tradewind__ProvisionalBacktestsPerDay=100000
export Logging__LogLevel__Default=Warning
dotnet "$root/src/Tradewind.Cli/bin/Release/net10.0/tradewind.dll" serve --urls "$base" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/api/v1/meta/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/api/v1/meta/health" >/dev/null || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

register() {
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"display_name\":\"load-$1\"}" "$base/api/v1/meta/register" | jq -r '.data.api_key'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"

run_ticker() {
  local key
  key="$(register ticker)"
  # Warm the sim cache and the JIT before measuring.
  curl -fsS -H "Authorization: Bearer $key" "$base/api/v1/market/ticker?symbol=BTC/USDT&exchange=sim" >/dev/null
  wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $key" "$base/api/v1/market/ticker?symbol=BTC/USDT&exchange=sim" >/dev/null
  echo
  echo "== GET /api/v1/market/ticker: wrk -t$threads -c$connections -d$duration --latency"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $key" \
    "$base/api/v1/market/ticker?symbol=BTC/USDT&exchange=sim"
}

run_backtests() {
  local script body total
  script='fast = sma(close, 10)\nslow = sma(close, 30)\nemit_signal(crossover(fast, slow), entry(\"LONG\", Weight(1)))\nemit_signal(crossunder(fast, slow), exit())'
  body="{\"script\":\"$script\",\"universe\":[\"SIM:BTC/USDT\",\"SIM:ETH/USDT\"],\"start_date\":\"2024-01-01\",\"end_date\":\"2024-04-01\",\"timeframe\":\"1h\"}"
  total=$((clients * per_client))
  echo
  echo "== $clients concurrent clients x $per_client backtests each ($total jobs)"
  for c in $(seq 1 "$clients"); do register "bt$c" >"$work/key.$c"; done
  local started ended
  started=$(date +%s.%N)
  seq 1 "$clients" | xargs -P "$clients" -I{} bash -c '
    for n in $(seq 1 '"$per_client"'); do
      curl -sS -X POST -H "Content-Type: application/json" -H "Authorization: Bearer $(cat '"$work"'/key.{})" \
        -d '"'$body'"' '"$base"'/api/v1/backtest/execute | jq -r ".data.backtest_id // (\"ERROR \" + (.error.code // \"?\"))" >> '"$work"'/ids.{}
    done'
  cat "$work"/ids.* >"$work/ids"
  local submitted errors
  submitted=$(grep -vc '^ERROR' "$work/ids" || true)
  errors=$(grep -c '^ERROR' "$work/ids" || true)
  echo "submitted: $submitted accepted, $errors refused"
  # Poll until every job is final.
  local pending=1
  while [[ $pending -gt 0 ]]; do
    sleep 1
    pending=$(sqlite3 "$work/data/tradewind.db" "SELECT COUNT(*) FROM jobs WHERE kind='backtest' AND status IN ('queued','running')")
  done
  ended=$(date +%s.%N)
  echo "all final after $(echo "$ended - $started" | bc) s"
  sqlite3 -header -column "$work/data/tradewind.db" \
    "SELECT status, COUNT(*) AS jobs, SUM(attempts) AS attempts, SUM(attempts > 1) AS started_twice FROM jobs WHERE kind='backtest' GROUP BY status"
  local results unique_ids completed
  results=$(sqlite3 "$work/data/tradewind.db" "SELECT COUNT(*) FROM backtest_results")
  completed=$(sqlite3 "$work/data/tradewind.db" "SELECT COUNT(*) FROM jobs WHERE kind='backtest' AND status='completed'")
  unique_ids=$(grep -v '^ERROR' "$work/ids" | sort -u | wc -l)
  echo "ids returned: $submitted (unique: $unique_ids); completed jobs: $completed; stored results: $results"
  if [[ "$submitted" -ne "$total" || "$unique_ids" -ne "$total" || "$completed" -ne "$total" || "$results" -ne "$total" ]]; then
    echo "FAIL: jobs were lost, refused or duplicated" >&2
    return 1
  fi
  echo "OK: every job accounted for, each completed once with one result"
}

case "$mode" in
  ticker) run_ticker ;;
  backtests) run_backtests ;;
  all) run_ticker; run_backtests ;;
  *) echo "usage: $0 [ticker|backtests|all]" >&2; exit 2 ;;
esac
