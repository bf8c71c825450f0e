#!/usr/bin/env bash
# Real-time load benchmark: starts server/target/sygnify.jar as a separate process and drives N WebSocket
# clients against it. Builds nothing: run `./mvnw -q -o install -DskipTests` first.
#
#   bench/realtime-bench.sh 10000 10 hold
#   bench/realtime-bench.sh 10000 10 stalled          # compares its p99 with the last hold run
#   bench/realtime-bench.sh 1000 2 reconnect
#   bench/realtime-bench.sh 10000 10 hold --rows=500000 --server-arg=--sygnify.realtime.max-queued-bytes=128KB
#
# Options are listed by running it without arguments. Results: bench/target/realtime/.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/classpath.sh

# Each client is a socket in this JVM (and one more in the server's): 10,000 clients need > 10,000 descriptors.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 12000 )); then
  echo "warning: ulimit -n is $(ulimit -n); 10,000 clients need about 10,100 descriptors per process" >&2
fi

exec java -Xms512m -Xmx2g -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "$bench_classpath" io.sygnify.bench.realtime.RealtimeBenchmark "$@"
