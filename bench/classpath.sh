# Sourced by the bench launch scripts, from the repository root: sets $bench_classpath to the bench module's
# classes and dependencies. Builds nothing: run `./mvnw -q install -DskipTests` first.
classes=${BENCH_CLASSES:-bench/target/classes}   # override to run a copy while the module is rebuilt
classpath_file=bench/target/bench-classpath.txt

if [[ ! -d $classes/io/sygnify/bench ]]; then
  echo "bench classes missing: build first with ./mvnw -q install -DskipTests" >&2
  exit 2
fi
if [[ ! -s $classpath_file || bench/pom.xml -nt $classpath_file ]]; then
  # Resolves (does not build) the dependency classpath: offline from the local repository when it can, online
  # the first time (the dependency plugin itself may not have been downloaded yet).
  ./mvnw -q -o -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null 2>&1 \
    || ./mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
fi
bench_classpath="$classes:$(cat "$classpath_file")"
