#!/usr/bin/env bash
# A two-instance Sygnify cluster on this machine, behind nginx (docs/cluster.md):
#
#   deploy/local-cluster.sh            # start: instances on 8001 and 8002, nginx on http://localhost:8000
#   deploy/local-cluster.sh status     # which processes run, and readiness of each instance
#   deploy/local-cluster.sh stop       # SIGTERM (graceful drain), then SIGKILL after 45 s
#   deploy/local-cluster.sh reset      # stop, drop the PostgreSQL schema, delete the Redis keys and data/cluster/
#
# Needs server/target/sygnify.jar (./mvnw -q -DskipTests package), java, nginx, and PostgreSQL and Redis
# already running (see docs/cluster.md). Settings come from the environment:
#
#   SYGNIFY_JAR          server/target/sygnify.jar
#   INSTANCE_PORTS       "8001 8002"            one instance per port
#   NGINX_PORT           8000
#   NGINX                /usr/sbin/nginx
#   NGINX_WORKERS        1                      nginx worker processes
#   NGINX_WORKER_CONNECTIONS  4096              per worker; a proxied WebSocket holds two (client and instance)
#   PG_URL               jdbc:postgresql://127.0.0.1:5432/test   (no query string; the schema is added)
#   PG_USER              postgres               (trust authentication: no password)
#   PG_SCHEMA            sygnify_local          created by Flyway on the first start
#   REDIS_URL            redis://127.0.0.1:6379
#   KEY_PREFIX           sygnify-local          Redis key and channel prefix
#   WORKERS / ENGINE_THREADS   1 / 1            jobs at once per instance / DuckDB threads per job
#   JAVA_OPTS            -Xmx1g
#   SYGNIFY_ADMIN_TOKEN  generated once and kept in data/cluster/admin-token
#   SYGNIFY_ADMIN_PASSWORD  admin's password on the very first start (else printed once in the first log)
#   SYGNIFY_ARGS         extra --name=value settings for every instance
#
# Everything lives under data/cluster/: shared/ (the data directory all instances share), logs/, run/ (pid
# files, the generated nginx.conf and nginx's prefix directory).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
cluster_dir=$root/data/cluster
shared_dir=$cluster_dir/shared
log_dir=$cluster_dir/logs
run_dir=$cluster_dir/run
nginx_prefix=$run_dir/nginx

jar=${SYGNIFY_JAR:-server/target/sygnify.jar}
read -r -a ports <<< "${INSTANCE_PORTS:-8001 8002}"
nginx_port=${NGINX_PORT:-8000}
nginx_bin=${NGINX:-/usr/sbin/nginx}
nginx_workers=${NGINX_WORKERS:-1}
nginx_worker_connections=${NGINX_WORKER_CONNECTIONS:-4096}
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
pg_user=${PG_USER:-postgres}
pg_schema=${PG_SCHEMA:-sygnify_local}
redis_url=${REDIS_URL:-redis://127.0.0.1:6379}
key_prefix=${KEY_PREFIX:-sygnify-local}
workers=${WORKERS:-1}
engine_threads=${ENGINE_THREADS:-1}
read -r -a java_opts <<< "${JAVA_OPTS:--Xmx1g}"
read -r -a extra_args <<< "${SYGNIFY_ARGS:-}"
ready_timeout=${READY_TIMEOUT:-180}
stop_grace=45   # the server drains for up to 30 s (spring.lifecycle.timeout-per-shutdown-phase)

die() {
  echo "local-cluster: $*" >&2
  exit 1
}

# host and port of a redis://[user:pass@]host[:port][/db] or jdbc:postgresql://host[:port]/db URL
url_host() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; echo "${rest%%:*}"; }
url_port() { local rest=${1#*://}; rest=${rest##*@}; rest=${rest%%/*}; [[ $rest == *:* ]] && echo "${rest##*:}" || echo "$2"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

alive() { [[ -s $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

check_prerequisites() {
  [[ -f $jar ]] || die "server jar $jar not found; build it with ./mvnw -q -DskipTests package"
  command -v java > /dev/null || die "java not found on the PATH (JDK 17+)"
  command -v curl > /dev/null || die "curl not found; apt-get install -y curl"
  [[ -x $nginx_bin ]] || die "nginx not found at $nginx_bin; install it with: apt-get install -y nginx (or set NGINX)"
  [[ $pg_url != *\?* ]] || die "PG_URL must not have a query string (got $pg_url): the script adds ?currentSchema=$pg_schema"
  local host port
  host=$(url_host "$pg_url"); port=$(url_port "$pg_url" 5432)
  port_open "$host" "$port" || die "PostgreSQL is not reachable at $host:$port (PG_URL=$pg_url); see docs/cluster.md"
  host=$(url_host "$redis_url"); port=$(url_port "$redis_url" 6379)
  port_open "$host" "$port" || die "Redis is not reachable at $host:$port (REDIS_URL=$redis_url); see docs/cluster.md"
  for port in "${ports[@]}" "$nginx_port"; do
    if port_open 127.0.0.1 "$port"; then
      die "port $port is already in use (another Sygnify or a cluster started earlier? try: $0 stop)"
    fi
  done
}

admin_token() {
  if [[ -n ${SYGNIFY_ADMIN_TOKEN:-} ]]; then
    echo "$SYGNIFY_ADMIN_TOKEN"
    return
  fi
  local file=$cluster_dir/admin-token
  if [[ ! -s $file ]]; then
    (umask 077 && echo "syg_local-$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')" > "$file")
  fi
  cat "$file"
}

start_instance() {
  local port=$1 token=$2
  local log=$log_dir/instance-$port.log pid_file=$run_dir/instance-$port.pid
  echo "starting instance on port $port (log $log)"
  # The token reaches the server through the environment, not argv, so `ps` does not show it.
  SYGNIFY_ADMIN_TOKEN=$token nohup java "${java_opts[@]}" -jar "$jar" \
    --server.port="$port" \
    --sygnify.data-dir="$shared_dir" \
    --sygnify.cluster.enabled=true \
    --sygnify.cluster.redis-url="$redis_url" \
    --sygnify.cluster.key-prefix="$key_prefix" \
    --spring.datasource.url="$pg_url?currentSchema=$pg_schema" \
    --spring.datasource.username="$pg_user" \
    --spring.flyway.schemas="$pg_schema" \
    --spring.flyway.create-schemas=true \
    --sygnify.jobs.workers="$workers" \
    --sygnify.engine.threads="$engine_threads" \
    ${extra_args[@]+"${extra_args[@]}"} \
    >> "$log" 2>&1 < /dev/null &
  echo $! > "$pid_file"
}

await_ready() {
  local port=$1 pid_file=$run_dir/instance-$1.pid log=$log_dir/instance-$1.log
  local waited=0
  until ready "$port"; do
    if ! alive "$pid_file"; then
      echo "instance on port $port exited before becoming ready; last log lines:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    if (( waited >= ready_timeout * 2 )); then
      echo "instance on port $port not ready after $ready_timeout s; last log lines:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  echo "instance on port $port ready after $((waited / 2)) s"
}

# nginx.conf for this cluster: deploy/nginx/sygnify.conf inside an http block, with the upstream and the
# listening port filled in, and every path nginx writes to inside its own prefix directory.
write_nginx_conf() {
  local conf=$1 servers=""
  for port in "${ports[@]}"; do
    servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
  done
  mkdir -p "$nginx_prefix"
  {
    cat <<EOF
# Generated by deploy/local-cluster.sh from deploy/nginx/sygnify.conf; edits are lost at the next start.
worker_processes $nginx_workers;
worker_rlimit_nofile $((nginx_worker_connections + 64));
pid $run_dir/nginx.pid;
error_log $log_dir/nginx-error.log warn;
events {
    worker_connections $nginx_worker_connections;
}
http {
    client_body_temp_path $nginx_prefix/client_body;
    proxy_temp_path $nginx_prefix/proxy;
    fastcgi_temp_path $nginx_prefix/fastcgi;
    uwsgi_temp_path $nginx_prefix/uwsgi;
    scgi_temp_path $nginx_prefix/scgi;

EOF
    awk -v servers="$servers" -v listen="listen $nginx_port;" '
      /# BEGIN instances/ { print "    " $0; printf "%s", servers; skipping = 1; next }
      /# END instances/   { skipping = 0 }
      skipping            { next }
      /^[ \t]*listen 8000;/ { sub(/listen 8000;/, listen) }
      { print ($0 == "" ? "" : "    " $0) }
    ' deploy/nginx/sygnify.conf
    cat <<EOF

    access_log $log_dir/nginx-access.log sygnify_upstream;
}
EOF
  } > "$conf"
  grep -q "server 127.0.0.1:${ports[0]} " "$conf" || die "no '# BEGIN instances' / '# END instances' markers in deploy/nginx/sygnify.conf"
}

start_nginx() {
  local conf=$run_dir/nginx.conf
  write_nginx_conf "$conf"
  # -e: the error log from the very start, before nginx reads the configuration (else /var/log/nginx/).
  "$nginx_bin" -p "$nginx_prefix" -c "$conf" -e "$log_dir/nginx-error.log" -t -q \
    || die "the generated $conf does not pass nginx -t (see above)"
  # Daemonises and writes run/nginx.pid; stopped with -s quit.
  "$nginx_bin" -p "$nginx_prefix" -c "$conf" -e "$log_dir/nginx-error.log"
  echo "nginx on port $nginx_port (config $conf)"
}

stop_pid_file() {
  local pid_file=$1 name=$2
  if ! alive "$pid_file"; then
    rm -f "$pid_file"
    return
  fi
  local pid
  pid=$(cat "$pid_file")
  kill -TERM "$pid"
  for ((i = 0; i < stop_grace * 2; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name (pid $pid) still running $stop_grace s after SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  echo "stopped $name (pid $pid)"
}

stop_all() {
  if alive "$run_dir/nginx.pid"; then
    # SIGQUIT: nginx finishes the requests in flight, then exits.
    local pid
    pid=$(cat "$run_dir/nginx.pid")
    kill -QUIT "$pid"
    for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    echo "stopped nginx (pid $pid)"
  fi
  rm -f "$run_dir/nginx.pid"
  shopt -s nullglob
  local pid_files=("$run_dir"/instance-*.pid)
  # In parallel: each instance drains its sockets and hands its running job back to the queue on its own.
  for pid_file in "${pid_files[@]}"; do
    local name=${pid_file##*/}
    stop_pid_file "$pid_file" "${name%.pid}" &
  done
  wait
}

start() {
  mkdir -p "$shared_dir" "$log_dir" "$run_dir"
  for port in "${ports[@]}"; do
    alive "$run_dir/instance-$port.pid" && die "an instance is already running on port $port; $0 stop first"
  done
  alive "$run_dir/nginx.pid" && die "nginx of this cluster is already running; $0 stop first"
  check_prerequisites
  local token
  token=$(admin_token)
  # Whatever fails from here on (or Ctrl-C), nothing is left running half-started.
  cluster_started=false
  trap '[[ $cluster_started == true ]] || { echo "start failed; stopping what was started" >&2; stop_all; }' EXIT
  # One after the other: the first creates the schema (Flyway) and the admin account; the second finds them.
  for port in "${ports[@]}"; do
    start_instance "$port" "$token"
    await_ready "$port"
  done
  start_nginx
  cluster_started=true
  cat <<EOF

Sygnify cluster is up:
  web app and API   http://localhost:$nginx_port   (through nginx)
$(for port in "${ports[@]}"; do echo "  instance          http://localhost:$port   log $log_dir/instance-$port.log"; done)
  nginx logs        $log_dir/nginx-access.log (upstream= shows the instance), $log_dir/nginx-error.log
  shared data       $shared_dir
  PostgreSQL        $pg_url?currentSchema=$pg_schema (user $pg_user)
  Redis             $redis_url, prefix $key_prefix

  admin API token   $token   (also in $cluster_dir/admin-token unless SYGNIFY_ADMIN_TOKEN was set)
  curl -H "Authorization: Bearer $token" http://localhost:$nginx_port/api/system/instances
  Sign-in password of 'admin': SYGNIFY_ADMIN_PASSWORD, or on the first start the line
  "Created user 'admin' with password" in $log_dir/instance-${ports[0]}.log.

Stop with: $0 stop
EOF
}

status() {
  for port in "${ports[@]}"; do
    local pid_file=$run_dir/instance-$port.pid state="not running"
    if alive "$pid_file"; then
      state="pid $(cat "$pid_file"), $(ready "$port" && echo ready || echo "not ready")"
    fi
    echo "instance $port: $state"
  done
  if alive "$run_dir/nginx.pid"; then
    echo "nginx $nginx_port: pid $(cat "$run_dir/nginx.pid")"
  else
    echo "nginx $nginx_port: not running"
  fi
}

reset() {
  stop_all
  if command -v psql > /dev/null; then
    local host port db
    host=$(url_host "$pg_url"); port=$(url_port "$pg_url" 5432); db=${pg_url##*/}
    PGOPTIONS='--client-min-messages=warning' psql -q -h "$host" -p "$port" -U "$pg_user" -d "$db" \
      -c "DROP SCHEMA IF EXISTS \"$pg_schema\" CASCADE" \
      && echo "dropped schema $pg_schema"
  else
    echo "psql not found: drop schema $pg_schema yourself" >&2
  fi
  if command -v redis-cli > /dev/null; then
    if redis-cli -u "$redis_url" --scan --pattern "$key_prefix*" | xargs -r redis-cli -u "$redis_url" del > /dev/null; then
      echo "deleted Redis keys $key_prefix*"
    else
      echo "could not delete the Redis keys $key_prefix* (is Redis at $redis_url?)" >&2
    fi
  else
    echo "redis-cli not found: delete the Redis keys $key_prefix* yourself" >&2
  fi
  rm -rf "$cluster_dir"
  echo "deleted $cluster_dir"
}

case ${1:-start} in
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  reset) reset ;;
  *) die "usage: $0 [start|stop|status|reset]" ;;
esac
