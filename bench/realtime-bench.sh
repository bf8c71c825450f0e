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
classes=${BENCH_CLASSES:-bench/target/classes}   # override to run a copy while the module is rebuilt
classpath_file=bench/target/realtime-classpath.txt

if [[ ! -d $classes/io/sygnify/bench/realtime ]]; then
  echo "bench classes missing: build first with ./mvnw -q -o install -DskipTests" >&2
  exit 2
fi
if [[ ! -s $classpath_file || bench/pom.xml -nt $classpath_file ]]; then
  # Resolves (does not build) the dependency classpath: offline from the local repository when it can, online
  # the first time (the dependency plugin itself may not have been downloaded yet).
  ./mvnw -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/realtime-classpath.txt >&2 \
    || ./mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/realtime-classpath.txt >&2
fi

# Each client is a socket in this JVM (and one more in the server's): 10,000 clients need > 10,000 descriptors.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 12000 )); then
  echo "warning: ulimit -n is $(ulimit -n); 10,000 clients need about 10,100 descriptors per process" >&2
fi

exec java -Xms512m -Xmx2g -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} \
  -cp "$classes:$(cat "$classpath_file")" io.sygnify.bench.realtime.RealtimeBenchmark "$@"
