#!/usr/bin/env bash
# JMH benchmarks of search (bench/jmh, SearchBenchmark): one question at 9 and 1,000 modules, and
# re-indexing one module in each. Builds the search and synonyms bundles in the same reactor.
# Usage: bench/run-search-jmh.sh [JMH options, replacing the default -f 1 -wi 3 -w 2s -i 5 -r 2s]
set -euo pipefail
cd "$(dirname "$0")/.."
# one invocation, so that the class path names the reactor's freshly built search and synonyms jars
mvn -B -q -pl bundles/search,bundles/synonyms,bench/jmh package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/jmh.classpath >/dev/null
CP="bench/jmh/target/classes:$(cat bench/jmh/target/jmh.classpath)"
OPTS=("$@")
if [ ${#OPTS[@]} -eq 0 ]; then OPTS=(-f 1 -wi 3 -w 2s -i 5 -r 2s); fi
exec java -cp "$CP" org.openjdk.jmh.Main "${OPTS[@]}" "org.careleaf.search.internal.SearchBenchmark"
