#!/usr/bin/env bash
# `npm test`: Chromium for the browser tests, the build, then the type checks, the lint and the web app's tests side by
# side (each mostly one core, none needs another's output), then jest on the build. Each step's output is printed
# whole when it ends, and at the end how long each step took. Stops at the first step that fails.
set -uo pipefail
cd "$(dirname "$0")/../.."

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
timings=()
now() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

# step NAME COMMAND...: runs it in the foreground.
step() {
  local name=$1 start
  shift
  start=$(now)
  "$@"
  local status=$?
  timings+=("$(printf '%-10s %7s s' "$name" "$(seconds $(($(now) - start)))")")
  if [ "$status" -ne 0 ]; then
    report
    echo "npm test: '$name' failed" >&2
    exit "$status"
  fi
}

# side_by_side NAME=COMMAND...: runs the commands at once, each into its own log; prints each log, then fails if any failed.
side_by_side() {
  local pids=() names=() failed=() start
  start=$(now)
  for spec in "$@"; do
    local name=${spec%%=*}
    (
      begun=$(now)
      bash -c "${spec#*=}" >"$logs/$name.log" 2>&1
      status=$?
      echo "$(($(now) - begun))" >"$logs/$name.ns"
      exit "$status"
    ) &
    pids+=($!)
    names+=("$name")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed+=("${names[$i]}")
    cat "$logs/${names[$i]}.log"
    timings+=("$(printf '%-10s %7s s' "${names[$i]}" "$(seconds "$(cat "$logs/${names[$i]}.ns")")")")
  done
  timings+=("$(printf '%-10s %7s s  (side by side, wall clock)' 'checks' "$(seconds $(($(now) - start)))")")
  if [ "${#failed[@]}" -gt 0 ]; then
    report
    echo "npm test: '${failed[*]}' failed" >&2
    exit 1
  fi
}

report() {
  echo
  echo 'npm test, time per step:'
  printf '  %s\n' "${timings[@]}"
}

begun=$(now)
step chromium bash test/support/ensure-chromium.sh
step build npm run -s build
side_by_side typecheck='npm run -s typecheck' lint='npm run -s lint' test:web='npm run -s test:web'
step test:jest npm run -s test:jest
timings+=("$(printf '%-10s %7s s' 'total' "$(seconds $(($(now) - begun)))")")
report
