#!/usr/bin/env bash
# JMH micro-benchmarks of the catalog (bench/jmh): reading one module, rebuilding everything on a
# change, and a request's look-up. Needs the project built (the README's first command).
# Usage: bench/run-jmh.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench/jmh dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath >/dev/null
mvn -B -q -pl bench/jmh package -DskipTests >/dev/null
exec java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 2s -i 5 -r 2s "$@" CatalogBenchmark ParseBenchmark
