#!/usr/bin/env bash
# Where a first start's time goes, as it goes: boots a fresh assembly with a generated library in deploy/
# and, every two seconds until health answers 200, prints the processor time each group of Karaf's threads
# has used so far (read from /proc, so nothing is added to the JVM), how many bundles Felix has stored in
# its cache (installed), and health's status. A group whose figure stops growing is done; the one still
# growing when ready comes is the critical path. Measured once per run, never asserted in a test.
#   rd  Careleaf's content readers (read and check documents, register their services, hand them to the library)
#   fi  Karaf's deployer (installs, then starts, the bundles in deploy/)
#   gc  the garbage collector's threads       c2, c1  the JIT compilers
#   ea  EventAdmin's threads (delivers the catalog's change events and the framework's own)
#   ot  every other thread (Karaf's boot, Felix, Jetty, SCR, logging)
# Needs a built project (mvn -B -DskipTests install), python3 and curl; Linux (/proc).
# Usage: [HEAP=12g] bench/boot-timeline.sh [modules, default 10000] [languages, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
modules=${1:-10000}
languages=${2:-15}
[ -n "${HEAP:-}" ] && export EXTRA_JAVA_OPTS="-Xmx$HEAP"
for tool in python3 curl; do command -v $tool >/dev/null || { echo "install $tool first" >&2; exit 1; }; done
tarball=$(ls karaf-assembly/target/careleaf-karaf-assembly-*.tar.gz)
node=$(mktemp -d)
port=18192
stop_node() { "$node/bin/stop" >/dev/null 2>&1 || true
              while pgrep -f "karaf.home=$node" >/dev/null; do sleep 0.5; done; rm -rf "$node"; }
trap stop_node EXIT
tar xzf "$tarball" -C "$node" --strip-components=1
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$node/etc/org.ops4j.pax.web.cfg"
sed -i "s/^sshPort = .*/sshPort = 18112/" "$node/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 18198/; s/^rmiServerPort = .*/rmiServerPort = 18453/" \
  "$node/etc/org.apache.karaf.management.cfg"
python3 bench/generate-library.py "$node/deploy" --modules "$modules" --languages "$languages" \
  --per-bundle $(( modules < 100 ? modules : 100 )) >/dev/null
echo "$modules modules in $((languages + 1)) languages, $(ls "$node"/deploy/*.jar | wc -l) bundles;" \
  "seconds since bin/start, processor seconds used so far by each group of threads"
tick=$(getconf CLK_TCK)
t0=$(date +%s%3N)
"$node/bin/start" >/dev/null 2>&1
pid=""
printf '%7s %6s %6s %6s %6s %6s %6s %6s %7s %s\n' s rd fi gc c2 c1 ea ot cached health
while true; do
  sleep 2
  [ -z "$pid" ] && pid=$(pgrep -f "karaf.home=$node" | head -1 || true)
  [ -z "$pid" ] && continue
  t=$(( $(date +%s%3N) - t0 ))
  declare -A used=([rd]=0 [fi]=0 [gc]=0 [c2]=0 [c1]=0 [ea]=0 [ot]=0)
  for task in /proc/"$pid"/task/*; do
    name=$(cat "$task/comm" 2>/dev/null) || continue        # a thread may end while we look
    ticks=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "$task/stat" 2>/dev/null) || continue
    case "$name" in
      careleaf-conten*) g=rd ;; fileinstall*) g=fi ;; G1*|GC*) g=gc ;; C2*) g=c2 ;; C1*) g=c1 ;;
      EventAdmin*) g=ea ;; *) g=ot ;;
    esac
    used[$g]=$(( ${used[$g]} + ticks ))
  done
  cached=$(ls -d "$node"/data/cache/bundle* 2>/dev/null | wc -l)
  health=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/careleaf/health" || true)
  printf '%7.1f' "$(awk "BEGIN {print $t / 1000}")"
  for g in rd fi gc c2 c1 ea ot; do printf ' %6.1f' "$(awk "BEGIN {print ${used[$g]} / $tick}")"; done
  printf ' %7d %s\n' "$cached" "$health"
  unset used
  [ "$health" = 200 ] && break
done
