#!/usr/bin/env bash
# bench/jmh.sh — JMH microbenchmarks of the hot pure functions (route matching, SigV4 verification,
# token bucket, mapping templates).
# Usage: bench/jmh.sh [JMH options, e.g. RouteMatch -p routes=100000 -f 2]   (default: all benchmarks)
# SKIP_BUILD=1 reuses target/archway.jar. Not part of ./mvnw verify.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
"$ROOT/mvnw" -B -q -f "$ROOT/bench/jmh/pom.xml" package
CP="$ROOT/bench/jmh/target/classes:$ROOT/target/archway.jar:$(cat "$ROOT/bench/jmh/target/classpath.txt")"
exec java -cp "$CP" org.openjdk.jmh.Main "$@"
