#!/usr/bin/env bash
# Cluster scaling benchmark: the same K uploads (about 10 MB each) analysed by one instance behind nginx, then
# by two, each instance in cluster mode with one worker and one DuckDB thread (-Xmx1g); prints jobs per minute,
# the ratio (target ≥ 1.8×) and the coordination cost per job from the instances' metrics. Builds nothing: run
# `./mvnw -q install -DskipTests` first. Needs PostgreSQL, Redis and nginx (docs/cluster.md).
#
#   bench/cluster-bench.sh                          # 12 files of ~10 MB, 1 then 2 instances
#   bench/cluster-bench.sh --files=4 --file-mb=2    # a quick check
#   bench/cluster-bench.sh --instances=1,2,3 --pg-url=jdbc:postgresql://db:5432/sygnify --redis-url=redis://cache:6379
#
# Options are listed by running it with --help. Results: printed; logs under bench/target/cluster/run-*/.
set -euo pipefail

cd "$(dirname "$0")/.."
classes=${BENCH_CLASSES:-bench/target/classes}   # override to run a copy while the module is rebuilt
classpath_file=bench/target/cluster-classpath.txt

if [[ ! -d $classes/io/sygnify/bench/cluster ]]; then
  echo "bench classes missing: build first with ./mvnw -q install -DskipTests" >&2
  exit 2
fi
if [[ ! -s $classpath_file || bench/pom.xml -nt $classpath_file ]]; then
  # Resolves (does not build) the dependency classpath: offline from the local repository when it can, else
  # online (the first time, the dependency plugin itself may be missing).
  ./mvnw -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cluster-classpath.txt >&2 \
    || ./mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/cluster-classpath.txt >&2
fi

exec java -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "$classes:$(cat "$classpath_file")" io.sygnify.bench.cluster.ClusterBenchmark "$@"
