#!/usr/bin/env bash
# Throughput of Careleaf's HTTP surfaces against two neighbours serving the very same bytes, measured in
# one run on this machine: nginx serving them from files (with as many workers as there are cores, as
# Careleaf's Jetty gets), and a bare servlet in the same Karaf writing them pre-encoded (the container's
# own ceiling). wrk shares the cores with the servers: compare the ratios, not the absolute numbers.
# The bytes are captured only once the node says it is ready and the list holds every module.
# Needs a built project (mvn -B -DskipTests install) and Debian's nginx-light and wrk.
# Usage: bench/run-http.sh [seconds per run, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install nginx-light and wrk first" >&2; exit 1; }
tarball=$(ls karaf-assembly/target/careleaf-karaf-assembly-*.tar.gz)
bare_jar=$(ls bench/bare-servlet/target/careleaf-bench-bare-servlet-*.jar)
work=$(mktemp -d)
trap 'karaf_stop; nginx_stop; rm -rf "$work"' EXIT

careleaf_port=18181
nginx_port=18182
base="http://127.0.0.1:$careleaf_port"
mkdir -p "$work/karaf" "$work/www"
tar xzf "$tarball" -C "$work/karaf" --strip-components=1
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $careleaf_port/" "$work/karaf/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort = .*/sshPort = 18101/" "$work/karaf/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18099/; s/^rmiServerPort = .*/rmiServerPort = 18444/" \
  "$work/karaf/etc/org.apache.karaf.management.cfg"
karaf_stop() {   # and wait for it to exit, so that removing its folder does not race its last writes
  [ -x "$work/karaf/bin/stop" ] && "$work/karaf/bin/stop" >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do pgrep -f "karaf.home=$work/karaf" >/dev/null || return 0; sleep 0.5; done
  pkill -9 -f "karaf.home=$work/karaf" 2>/dev/null || true; sleep 0.5
}
nginx_stop() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; }

"$work/karaf/bin/start" >/dev/null 2>&1
ready=""
for _ in $(seq 1 240); do
  if curl -sf -o /dev/null "$base/careleaf/health"; then ready=yes; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { echo "Careleaf did not become ready" >&2; exit 1; }
modules=$(ls -d bundles/content/*/ | wc -l)
listed=$(curl -sf "$base/careleaf/api/modules?lang=en" | grep -o '"id":"mpc-[a-z-]*"' | sort -u | wc -l)
[ "$listed" -eq "$modules" ] || { echo "ready, but the list holds $listed of $modules modules" >&2; exit 1; }

# name | path | content type
endpoints=(
  "list|/careleaf/api/modules?lang=en|application/json"
  "module|/careleaf/api/modules/mpc-radiation?lang=es|application/json"
  "viewer|/careleaf/modules/mpc-radiation?lang=es|text/html"
)
mkdir -p "$work/karaf/data/bare"
for e in "${endpoints[@]}"; do
  IFS='|' read -r name path type <<<"$e"
  ext=json; [ "$type" = text/html ] && ext=html
  curl -sf "$base$path" -o "$work/www/$name.$ext"
  cp "$work/www/$name.$ext" "$work/karaf/data/bare/"
done
cp "$bare_jar" "$work/karaf/deploy/"
for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/bare/list.json" && break; sleep 0.5; done

# Ready is not idle: the search index and the last-good copies are written just after it. Measure the
# steady state, once Karaf has used less than a tenth of a core over 3 seconds (or after 5 minutes).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(cat "$work/karaf/karaf.pid")/stat"; }
hz=$(getconf CLK_TCK)
idle_after=""
for i in $(seq 1 100); do
  t0=$(cpu_ticks); sleep 3; t1=$(cpu_ticks)
  if [ $((t1 - t0)) -lt $((hz * 3 / 10)) ]; then idle_after=$((i * 3)); break; fi
done

cores=$(nproc)
cat > "$work/nginx.conf" <<CONF
worker_processes $cores;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location ~ \.json\$ { default_type application/json; }
    location ~ \.html\$ { default_type text/html; }
  }
}
CONF
nginx -c "$work/nginx.conf"

rps() { wrk -t2 -c50 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
stats() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%.2f/%.2f/%.2f", v[1], v[int((NR+1)/2)], v[NR]}'; }
printf '%-8s %7s %26s %26s %26s %18s %18s\n' endpoint bytes "careleaf req/s" "nginx req/s" "bare servlet req/s" "vs nginx" "vs bare"
printf '%-8s %7s %26s %26s %26s %18s %18s\n' "" "" "min/median/max" "min/median/max" "min/median/max" "min/median/max" "min/median/max"
for e in "${endpoints[@]}"; do
  IFS='|' read -r name path type <<<"$e"
  ext=json; [ "$type" = text/html ] && ext=html
  bytes=$(stat -c %s "$work/www/$name.$ext")
  wrk -t2 -c50 -d3s "$base$path" >/dev/null                       # warm-up: JIT, first render
  wrk -t2 -c50 -d3s "$base/bare/$name.$ext" >/dev/null
  c_all="" n_all="" b_all="" rn="" rb=""
  for _ in $(seq 1 "$rounds"); do
    c=$(rps "$base$path"); n=$(rps "http://127.0.0.1:$nginx_port/$name.$ext"); b=$(rps "$base/bare/$name.$ext")
    c_all="$c_all $c"; n_all="$n_all $n"; b_all="$b_all $b"
    rn="$rn $(awk -v c="$c" -v n="$n" 'BEGIN {print c / n}')"; rb="$rb $(awk -v c="$c" -v b="$b" 'BEGIN {print c / b}')"
  done
  printf '%-8s %7s %26s %26s %26s %18s %18s\n' "$name" "$bytes" "$(echo "$c_all" | stats)" "$(echo "$n_all" | stats)" \
    "$(echo "$b_all" | stats)" "$(echo "$rn" | stats)" "$(echo "$rb" | stats)"
done
echo "machine: $cores cores, $(java -version 2>&1 | head -1), nginx $(nginx -v 2>&1 | sed 's/.*\///') with $cores workers," \
  "wrk -t2 -c50 -d${seconds}s, $rounds rounds, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "Karaf idle ${idle_after:-(never: measured anyway after 300)} s after the bytes were captured"
