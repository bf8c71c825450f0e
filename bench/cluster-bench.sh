#!/usr/bin/env bash
# Cluster scaling benchmark: the same K uploads (about 10 MB each) analysed by one instance behind nginx, then
# by two, each instance in cluster mode with one worker and one DuckDB thread (-Xmx1g); prints jobs per minute,
# the ratio (target ≥ 1.8×) and the coordination cost per job from the instances' metrics. Builds nothing: run
# `./mvnw -q install -DskipTests` first. Needs PostgreSQL, Redis and nginx (docs/cluster.md).
#
#   bench/cluster-bench.sh                          # 12 files of ~10 MB, 1 then 2 instances
#   bench/cluster-bench.sh --files=4 --file-mb=2 --warmup=1   # a quick check
#   bench/cluster-bench.sh --instances=1,2,3 --pg-url=jdbc:postgresql://db:5432/sygnify --redis-url=redis://cache:6379
#
# Options are listed by running it with --help. Results: printed; logs under bench/target/cluster/run-*/.
set -euo pipefail

cd "$(dirname "$0")/.."
source bench/classpath.sh

exec java -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "$bench_classpath" io.sygnify.bench.cluster.ClusterBenchmark "$@"
