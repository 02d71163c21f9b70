#!/usr/bin/env bash
# Calls Careleaf's surfaces in a loop as an EHR or a load balancer would while a node starts, and prints
# each surface's status whenever it changes, with the seconds since this script began and the start of
# the answer. Start it just before bin/start (or bin/karaf), e.g.:
#   bench/watch-start.sh 8181 40 & karaf-assembly/target/assembly/bin/start
# Arguments: port (8181), seconds to watch (40).
set -uo pipefail
port=${1:-8181}
seconds=${2:-40}
paths=(/careleaf/api/modules /careleaf/api/modules/mpc-overview /careleaf/ /careleaf/health
  "/careleaf/api/search?q=bone" /careleaf/fhir/metadata /careleaf/cds-services /careleaf/admin/
  /careleaf/static/viewer.css)
body=$(mktemp)
trap 'rm -f "$body"' EXIT
declare -A last
start=$(date +%s%N)
while (( ($(date +%s%N) - start) / 1000000000 < seconds )); do
  for p in "${paths[@]}"; do
    : > "$body"
    s=$(curl -s -o "$body" -m 2 -w '%{http_code}' "http://127.0.0.1:$port$p")
    if [[ "$s" != "${last[$p]:-}" ]]; then
      t=$(( ($(date +%s%N) - start) / 1000000 ))
      printf '%4d.%03d s  %s  %s  %s\n' $((t / 1000)) $((t % 1000)) "$s" "$p" "$(head -c 90 "$body" | tr '\n' ' ')"
      last[$p]=$s
    fi
  done
  sleep 0.1
done
