#!/usr/bin/env bash
# The catalog at library scale, measured on this machine in one run per size (never asserted in a test).
# For each size N: N generated modules (copies of the shipped ones, realistic sizes) in 16 languages, 100
# modules per bundle, in deploy/ at the first start of a fresh assembly; then the same bundles without the
# Careleaf headers (Karaf installs and starts them, Careleaf ignores them: Karaf's own floor). Reports
#   boot to ready (health 200), and the floor (every plain bundle started, node ready), and their ratio;
#   one valid update of a one-module bundle, from the file landing in deploy/ to the new version served
#     (5 updates: min/median/max; the deployer polls every second, so subtract up to 1 s of waiting), right
#     after ready (while the search index is built) and again once the node is idle;
#   how long after ready the node became idle (the search index built: under a fifth of a core for 5 s);
#   heap used after a full GC once idle, Careleaf run minus plain run, in total and per module-language;
#   five updates of the first generated content bundle (100 modules, fewer below 100), one module's version
#     raised each time, once idle: what an update of a vendor-sized bundle costs against a one-module one;
#   latency of the first list page (20 modules, the smallest library's all, so every size answers the same
#   amount) and of one module (wrk, one connection: median and 99th percentile).
# Needs a built project (mvn -B -DskipTests install), python3, curl, wrk and the JDK's jcmd.
# Usage: [HEAP=12g] bench/run-scale.sh [sizes, default "10 100 1000 10000"]
#   HEAP sets Karaf's maximum heap (-Xmx through EXTRA_JAVA_OPTS) for both runs; without it the JVM's default
#   (a quarter of the machine's memory) applies. 10,000 modules in 16 languages need more than 6 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${*:-10 100 1000 10000}
[ -n "${HEAP:-}" ] && export EXTRA_JAVA_OPTS="-Xmx$HEAP"
for tool in python3 curl wrk jcmd; do command -v $tool >/dev/null || { echo "install $tool first" >&2; exit 1; }; done
tarball=$(ls karaf-assembly/target/careleaf-karaf-assembly-*.tar.gz)
work=$(mktemp -d)
port=18191
base="http://127.0.0.1:$port"
current=""
trap 'stop_node; rm -rf "$work"' EXIT
stop_node() { [ -n "$current" ] && [ -x "$current/bin/stop" ] && "$current/bin/stop" >/dev/null 2>&1 || true
              [ -n "$current" ] && pkill -9 -f "karaf.home=$current" 2>/dev/null || true; current=""; }
now_ms() { date +%s%3N; }

fresh_node() {   # $1 folder: a fresh copy of the assembly on our own ports
  mkdir -p "$1"
  tar xzf "$tarball" -C "$1" --strip-components=1
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$1/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = .*/sshPort = 18111/" "$1/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18199/; s/^rmiServerPort = .*/rmiServerPort = 18454/" \
    "$1/etc/org.apache.karaf.management.cfg"
}

update_bundle() {   # $1 jar path, $2 version: one module (a copy of mpc-overview as bench-update)
  python3 - "$1" "$2" <<'PY'
import json, os, sys, zipfile
m = json.load(open("bundles/content/mpc-overview/src/main/resources/content/mpc-overview.json", encoding="utf-8"))
m["id"], m["version"], m["pack"], m["order"] = "bench-update", sys.argv[2], "bench", 99999
m["title"] = "Benchmark update " + sys.argv[2]
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
               "Bundle-SymbolicName: org.careleaf.bench.update\r\nBundle-Version: " + sys.argv[2] + "\r\n"
               "Careleaf-Content: content\r\n\r\n")
    z.writestr("content/bench-update.json", json.dumps(m, ensure_ascii=False))
    figures = "bundles/content/mpc-overview/src/main/resources/content/figures"
    for f in sorted(os.listdir(figures)):
        z.write(os.path.join(figures, f), "content/figures/" + f)
PY
}

wait_ready() {   # prints ms from $1 until health answers 200
  while ! curl -sf -o /dev/null "$base/careleaf/health"; do sleep 0.2; done
  echo $(( $(now_ms) - $1 ))
}

heap_used_mb() {   # used heap after a full GC, in MB
  local pid; pid=$(pgrep -f "karaf.home=$current" | head -1)
  jcmd "$pid" GC.run >/dev/null; sleep 1
  jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit}}'
}

p50_p99() {   # wrk with one connection: "median/99th" latency (and every answer must be a 2xx)
  local out; out=$(wrk -t1 -c1 -d5s --latency "$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1 answered non-2xx: $out" >&2; exit 1; fi
  awk '$1 == "50%" {m = $2} $1 == "99%" {p = $2} END {print m "/" p}' <<<"$out"
}

cpu_ticks() {   # CPU time Karaf has used, in clock ticks
  local pid; pid=$(pgrep -f "karaf.home=$current" | head -1)
  awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat"
}

wait_idle() {   # returns once Karaf has used under a fifth of a core for 5 s running (the search index is built)
  local last now quiet=0 tick; tick=$(getconf CLK_TCK); last=$(cpu_ticks)
  while [ "$quiet" -lt 5 ]; do
    sleep 1; now=$(cpu_ticks)
    if [ $(( now - last )) -lt $(( tick / 5 )) ]; then quiet=$(( quiet + 1 )); else quiet=0; fi
    last=$now
  done
}

landed_until_served() {   # $1 jar in deploy/, $2 module, $3 version: moves $work/next.jar there, prints ms until served
  local t0; t0=$(now_ms); mv "$work/next.jar" "$current/deploy/$1"
  until curl -sf "$base/careleaf/api/modules/$2" | grep -q "\"version\": *\"$3\""; do sleep 0.02; done
  echo $(( $(now_ms) - t0 ))
}

updates() {   # $1 first version's patch number: five updates, prints their times in ms
  local out="" v
  for i in 0 1 2 3 4; do
    v="1.0.$(( $1 + i ))"
    update_bundle "$work/next.jar" "$v"
    out="$out $(landed_until_served bench-update.jar bench-update "$v")"
  done
  echo "$out"
}

bundle_updates() {   # five updates of the first generated content bundle (min(N, 100) modules), one module's
                     # version raised each time; prints their times in ms, from the jar landing to the new version served
  local out="" v
  for i in 0 1 2 3 4; do
    v="1.0.$(( 100 + i ))"
    python3 - "$current/deploy/gen-content-00000.jar" "$work/next.jar" "$v" <<'PY'
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as dst:
    for e in src.infolist():
        data = src.read(e)
        if e.filename == "content/gen-00000.json":
            m = json.loads(data)
            m["version"] = sys.argv[3]
            data = json.dumps(m, ensure_ascii=False).encode("utf-8")
        dst.writestr(e.filename, data)
PY
    out="$out $(landed_until_served gen-content-00000.jar gen-00000 "$v")"
  done
  echo "$out"
}

stats() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {printf "%s/%s/%s", v[1], v[int((NR+1)/2)], v[NR]}'; }

printf '%7s %9s %9s %6s %20s %8s %20s %9s %12s %16s %16s %22s\n' modules "boot ms" "floor ms" ratio "update ms (busy)" "idle s" \
  "update ms (idle)" "heap MB" "KB/mod-lang" "list p50/p99" "module p50/p99" "bundle update ms (idle)"
for n in $sizes; do
  per=$(( n < 100 ? n : 100 ))
  # Karaf's floor: the same bundles, plain
  current="$work/plain-$n"; fresh_node "$current"
  python3 bench/generate-library.py "$current/deploy" --modules "$n" --per-bundle "$per" --plain >/dev/null
  bundles=$(ls "$current"/deploy/gen-*.jar | wc -l)
  t0=$(now_ms); "$current/bin/start" >/dev/null 2>&1
  wait_ready "$t0" >/dev/null
  while [ "$(grep -c 'Started bundle: file:.*gen-' "$current/data/log/karaf.log" 2>/dev/null || true)" -lt "$bundles" ]; do sleep 0.2; done
  floor=$(( $(now_ms) - t0 ))
  plain_heap=$(heap_used_mb)
  stop_node; rm -rf "$work/plain-$n"

  # Careleaf: the same bundles with their headers, and one one-module bundle to update
  current="$work/careleaf-$n"; fresh_node "$current"
  python3 bench/generate-library.py "$current/deploy" --modules "$n" --per-bundle "$per" >/dev/null
  update_bundle "$current/deploy/bench-update.jar" 1.0.0
  t0=$(now_ms); "$current/bin/start" >/dev/null 2>&1
  boot=$(wait_ready "$t0")
  total=$(curl -sf "$base/careleaf/api/modules?limit=1" | grep -o '"total": *[0-9]*' | grep -o '[0-9]*$')
  expected=$(( n + $(ls -d bundles/content/*/ | wc -l) + 1 ))
  [ "$total" -eq "$expected" ] || { echo "ready after $boot ms with $total of $expected modules" >&2; exit 1; }
  t_ready=$(now_ms)
  busy=$(updates 1)
  wait_idle
  idle=$(( ($(now_ms) - t_ready) / 1000 - 5 ))
  quiet=$(updates 6)
  bundle=$(bundle_updates)
  heap=$(heap_used_mb)
  list=$(p50_p99 "$base/careleaf/api/modules?lang=en&limit=20")
  module=$(p50_p99 "$base/careleaf/api/modules/gen-00005?lang=es")
  stop_node; rm -rf "$work/careleaf-$n"
  extra=$(( heap - plain_heap ))
  printf '%7s %9s %9s %6s %20s %8s %20s %9s %12s %16s %16s %22s\n' "$n" "$boot" "$floor" \
    "$(awk -v b="$boot" -v f="$floor" 'BEGIN {printf "%.2f", b / f}')" "$(echo "$busy" | stats)" "$idle" \
    "$(echo "$quiet" | stats)" "$extra" "$(awk -v e="$extra" -v n="$n" 'BEGIN {printf "%.1f", e * 1024 / (n * 16)}')" "$list" "$module" \
    "$(echo "$bundle" | stats)"
done
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "16 languages, $(( 100 )) modules per bundle (fewer below 100); heap: Careleaf run minus the plain run"
