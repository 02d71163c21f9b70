#!/usr/bin/env bash
# Throughput of Careleaf's HTTP surfaces against nginx serving the very same bytes from files, measured
# in one run on this machine (wrk shares the cores with both servers: compare the ratio, not the
# absolute numbers). Needs a built assembly (the README's first command) and Debian's nginx-light and wrk.
# Usage: bench/run-http.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "install nginx-light and wrk first" >&2; exit 1; }
tarball=$(ls karaf-assembly/target/careleaf-karaf-assembly-*.tar.gz)
work=$(mktemp -d)
trap 'karaf_stop; nginx_stop; rm -rf "$work"' EXIT

careleaf_port=18181
nginx_port=18182
mkdir -p "$work/karaf" "$work/www"
tar xzf "$tarball" -C "$work/karaf" --strip-components=1
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $careleaf_port/" "$work/karaf/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort = .*/sshPort = 18101/" "$work/karaf/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18099/; s/^rmiServerPort = .*/rmiServerPort = 18444/" \
  "$work/karaf/etc/org.apache.karaf.management.cfg"
karaf_stop() { [ -x "$work/karaf/bin/stop" ] && "$work/karaf/bin/stop" >/dev/null 2>&1 || true; }
nginx_stop() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; }

"$work/karaf/bin/start" >/dev/null 2>&1
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$careleaf_port/careleaf/health" && break
  sleep 0.5
done

# name | path | content type
endpoints=(
  "list|/careleaf/api/modules?lang=en|application/json"
  "module|/careleaf/api/modules/mpc-radiation?lang=es|application/json"
  "viewer|/careleaf/modules/mpc-radiation?lang=es|text/html"
)
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
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
for e in "${endpoints[@]}"; do
  IFS='|' read -r name path type <<<"$e"
  ext=json; [ "$type" = text/html ] && ext=html
  curl -sf "http://127.0.0.1:$careleaf_port$path" -o "$work/www/$name.$ext"
done
nginx -c "$work/nginx.conf"

rps() { wrk -t2 -c50 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
printf '%-8s %8s %14s %14s %8s\n' endpoint bytes careleaf_rps nginx_rps ratio
for e in "${endpoints[@]}"; do
  IFS='|' read -r name path type <<<"$e"
  ext=json; [ "$type" = text/html ] && ext=html
  bytes=$(stat -c %s "$work/www/$name.$ext")
  wrk -t2 -c50 -d3s "http://127.0.0.1:$careleaf_port$path" >/dev/null   # warm-up: JIT, first render
  c=$(rps "http://127.0.0.1:$careleaf_port$path")
  n=$(rps "http://127.0.0.1:$nginx_port/$name.$ext")
  printf '%-8s %8s %14s %14s %8s\n' "$name" "$bytes" "$c" "$n" "$(awk -v c="$c" -v n="$n" 'BEGIN {printf "%.2f", c / n}')"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), nginx $(nginx -v 2>&1 | sed 's/.*\///'), wrk -t2 -c50 -d${seconds}s"
