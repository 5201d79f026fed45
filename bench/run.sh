#!/usr/bin/env bash
# bench/run.sh — Archway's data plane beside a plain nginx reverse proxy, same machine, same run.
#
# Builds the jar, starts (all on 127.0.0.1):
#   backend       nginx, 1 worker, `return 200` with a small JSON body, on BACKEND_CPU
#   nginx-proxy   nginx proxy_pass with upstream keep-alive, 1 worker, pinned to PROXY_CPU  (the yardstick)
#   archway       java -jar target/archway.jar serve, pinned to PROXY_CPU, fresh data directory
# configures Archway's scenarios through the management API (dev mode: unsigned curl requests),
# then drives every target with wrk, interleaved: a warm-up pass, then ROUNDS rounds in which each
# target gets one DURATION-second run (the order rotates each round). Ratios to nginx-proxy are
# taken within a round, then the median over rounds is printed with min-max.
#
# Usage: bench/run.sh            (from anywhere; see bench/README.md for how to read the output)
# Knobs (env, defaults): DURATION=10 WARMUP=15 ROUNDS=6 CONNS=64 THREADS=2 PROXY_CPU=1 LOADGEN_CPU=0
#   BACKEND_CPU=2 (with 3+ CPUs, else "all": unpinned)
#   BASE_PORT=18180 (backend; +1 nginx-proxy, +2 archway, +3 archway management)
#   SCENARIOS="direct nginx-proxy rest-proxy rest-mock"  (subset filter; "direct" = the backend itself)
#   JAVA_OPTS="-Xms512m -Xmx512m"  ARCHWAY_JFR=<file.jfr> (record a profile of the run)
#   SKIP_BUILD=1 (reuse target/archway.jar)  ARCHWAY_JAR=<jar> (measure another build, e.g. before/after)
#   RESULTS_TSV=<file> (keep raw rows)  KEEP_WORK=1 (keep logs)  MAX_SECONDS=1800
# Needs: java 17, curl, taskset, nginx and wrk (installed with apt-get when missing and run as root).
# Cleans up every process it started, by PID.

set -u -o pipefail

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-15}
ROUNDS=${ROUNDS:-6}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PROXY_CPU=${PROXY_CPU:-1}
LOADGEN_CPU=${LOADGEN_CPU:-0}
# The backend gets its own core when there is one; on 2 CPUs it floats (pinned beside wrk, the
# load generator starves; beside the proxy, the proxy's figure is wrong), as proxy-bench does.
BACKEND_CPU=${BACKEND_CPU:-$( (( $(nproc) >= 3 )) && echo 2 || echo all)}
BASE_PORT=${BASE_PORT:-18180}
SCENARIOS=${SCENARIOS:-"direct nginx-proxy rest-proxy rest-mock"}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
MAX_SECONDS=${MAX_SECONDS:-1800}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BODY='{"message":"hello from backend","ok":true}'
MOCK_BODY='{"message":"hello from mock","ok":true}'
START_TS=$(date +%s)
WORK=$(mktemp -d /tmp/archway-bench.XXXXXX)
RESULTS_TSV=${RESULTS_TSV:-$WORK/results.tsv}
P_BACKEND=$BASE_PORT; P_NGINX=$((BASE_PORT + 1)); P_ARCHWAY=$((BASE_PORT + 2)); P_ADMIN=$((BASE_PORT + 3))
declare -a PIDS=()
declare -A URL=() PIDOF=()
ORDER=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
want() { [[ " $SCENARIOS " == *" $1 "* ]]; }

cleanup() {
  local p c
  for p in "${PIDS[@]}"; do
    for c in $(pgrep -P "$p" 2>/dev/null); do kill -TERM "$c" 2>/dev/null; done  # nginx workers, by parent PID
    kill -TERM "$p" 2>/dev/null
  done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    for c in $(pgrep -P "$p" 2>/dev/null); do kill -KILL "$c" 2>/dev/null; done
    kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  [[ "${KEEP_WORK:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
ensure() { # command debian-package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing $2 (apt-get)"
    apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$2" >/dev/null 2>&1; }
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 (apt-get install $2)" >&2; exit 2; }
}
ensure nginx nginx-light; ensure wrk wrk; ensure curl curl; ensure taskset util-linux; ensure java openjdk-17-jre-headless
NGINX=$(command -v nginx)
(( $(nproc) >= 2 )) || log "only $(nproc) CPU: wrk and the proxy will share it; ratios still compare, absolute figures do not"

port_free() { ! ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
for p in $P_BACKEND $P_NGINX $P_ARCHWAY $P_ADMIN; do
  port_free "$p" || { echo "port $p on 127.0.0.1 is busy; set BASE_PORT" >&2; exit 2; }
done

wait_http() { # url [seconds]
  local i
  for i in $(seq 1 $(( ${2:-5} * 10 ))); do
    curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# ---------------------------------------------------------------- build
JAR=${ARCHWAY_JAR:-$ROOT/target/archway.jar}
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${ARCHWAY_JAR:-}" ]]; then
  log "building target/archway.jar"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || { echo "build failed" >&2; exit 2; }
fi
[[ -r "$JAR" ]] || { echo "no $JAR (unset SKIP_BUILD)" >&2; exit 2; }

# ---------------------------------------------------------------- nginx: backend and proxy
nginx_conf() { # dir server-block
  mkdir -p "$WORK/$1/logs"
  cat > "$WORK/$1/nginx.conf" <<EOF
worker_processes 1;
error_log $WORK/$1/logs/error.log warn;
pid $WORK/$1/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  client_body_temp_path $WORK/$1/cbt;
  proxy_temp_path $WORK/$1/pt;
  fastcgi_temp_path $WORK/$1/ft;
  uwsgi_temp_path $WORK/$1/ut;
  scgi_temp_path $WORK/$1/st;
  upstream backend { server 127.0.0.1:$P_BACKEND; keepalive 128; keepalive_requests 10000000; }
$2
}
EOF
}

nginx_conf backend "  server { listen 127.0.0.1:$P_BACKEND; location / { default_type application/json; return 200 '$BODY'; } }"
$([[ $BACKEND_CPU == all ]] || echo taskset -c "$BACKEND_CPU") "$NGINX" -p "$WORK/backend" -c "$WORK/backend/nginx.conf" -g 'daemon off;' &
PIDS+=($!); PIDOF[direct]=$!; URL[direct]="http://127.0.0.1:$P_BACKEND/hello"
wait_http "${URL[direct]}" || { echo "backend did not start" >&2; cat "$WORK/backend/logs/error.log" >&2; exit 3; }
want direct && ORDER+=(direct)

if want nginx-proxy; then
  nginx_conf nginxp "  server { listen 127.0.0.1:$P_NGINX; location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
  taskset -c "$PROXY_CPU" "$NGINX" -p "$WORK/nginxp" -c "$WORK/nginxp/nginx.conf" -g 'daemon off;' &
  PIDS+=($!); PIDOF[nginx-proxy]=$!; URL[nginx-proxy]="http://127.0.0.1:$P_NGINX/hello"
  wait_http "${URL[nginx-proxy]}" || { echo "nginx-proxy did not start" >&2; exit 3; }
  ORDER+=(nginx-proxy)
fi

# ---------------------------------------------------------------- archway
JFR_OPT=()
[[ -n "${ARCHWAY_JFR:-}" ]] && JFR_OPT=("-XX:StartFlightRecording=filename=$ARCHWAY_JFR,settings=profile,dumponexit=true")
t0=$(date +%s%N)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
taskset -c "$PROXY_CPU" java $JAVA_OPTS "${JFR_OPT[@]}" -jar "$JAR" serve \
  --data-dir "$WORK/data" --port "$P_ARCHWAY" --admin-port "$P_ADMIN" >"$WORK/archway.log" 2>&1 &
ARCHWAY_PID=$!; PIDS+=($ARCHWAY_PID)
ADMIN="http://127.0.0.1:$P_ADMIN"
wait_http "$ADMIN/health/ready" 30 || { echo "archway did not start" >&2; tail -20 "$WORK/archway.log" >&2; exit 3; }
STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
log "archway ready in ${STARTUP_MS} ms (pid $ARCHWAY_PID, cpu $PROXY_CPU)"

mgmt() { # method path [json-body] -> response body; fails on a non-2xx answer
  curl -sS --fail-with-body --max-time 10 -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} "$ADMIN$2" \
    || { echo "management call failed: $1 $2 ${3:-}" >&2; exit 4; }
}
json_id() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }

# One REST API "bench" holds every scenario, each on its own resource; one deployment to stage "bench".
API=bench
ROOT_ID=$(mgmt POST /restapis '{"name":"bench","tags":{"_custom_id_":"bench"}}' | json_id rootResourceId)
[[ -n "$ROOT_ID" ]] || { echo "CreateRestApi gave no rootResourceId" >&2; exit 4; }
resource() { mgmt POST "/restapis/$API/resources/$ROOT_ID" "{\"pathPart\":\"$1\"}" | json_id id; }
invoke_url() { echo "http://127.0.0.1:$P_ARCHWAY/restapis/$API/bench/_user_request_/$1"; }

scenario_rest_proxy() { # GET /proxy -> HTTP_PROXY to the backend, nothing else on the route
  local r; r=$(resource proxy)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    "{\"type\":\"HTTP_PROXY\",\"httpMethod\":\"GET\",\"uri\":\"http://127.0.0.1:$P_BACKEND/hello\"}" >/dev/null
  URL[rest-proxy]=$(invoke_url proxy)
}

scenario_rest_mock() { # GET /mock -> MOCK 200, static integration-response body
  local r; r=$(resource mock)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/responses/200" '{}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    '{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"}}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration/responses/200" \
    "{\"selectionPattern\":\"\",\"responseTemplates\":{\"application/json\":$(printf '%s' "$MOCK_BODY" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')}}" >/dev/null
  URL[rest-mock]=$(invoke_url mock)
}

# Scenarios that later features add; each gets a scenario_<name> function when its feature lands.
PENDING=(
  "rest-apikey-throttle: HTTP_PROXY + API key + usage-plan throttle (limit above the load) - needs API keys and usage plans"
  "http-api-proxy: HTTP API route to HTTP_PROXY - needs apigatewayv2"
  "rest-vtl: VTL request + response template - needs the VTL engine"
  "rest-jwt: JWT authorizer - needs authorizers"
  "rest-cache-hit: stage cache hit - needs the response cache"
  "rest-lambda: Lambda proxy against a local Invoke-API server - needs Lambda integrations"
)

for s in rest-proxy rest-mock; do
  want "$s" || continue
  "scenario_${s//-/_}"
  PIDOF[$s]=$ARCHWAY_PID
done
t_deploy=$(date +%s%N)
mgmt POST "/restapis/$API/deployments" '{"stageName":"bench"}' >/dev/null
for s in rest-proxy rest-mock; do
  want "$s" || continue
  wait_http "${URL[$s]}" 5 || { echo "$s: ${URL[$s]} does not answer 2xx" >&2; tail -20 "$WORK/archway.log" >&2; exit 3; }
  ORDER+=("$s")
done
log "deployment served after $(( ($(date +%s%N) - t_deploy) / 1000000 )) ms (CreateDeployment call included)"
for p in "${PENDING[@]}"; do log "skipped ${p%%:*} (not yet:${p#*:})"; done

for t in "${ORDER[@]}"; do # sanity: every target answers the body it should
  b=$(curl -fsS --max-time 2 "${URL[$t]}")
  expected=$BODY; [[ $t == rest-mock ]] && expected=$MOCK_BODY
  [[ "$b" == "$expected" ]] || log "note: $t answers ${b:0:80}"
done

# ---------------------------------------------------------------- measurement
cpu_ticks() { # "utime stime" of a process (all its threads) and its direct children, in clock ticks
  local u=0 k=0 c t
  for c in "$1" $(pgrep -P "$1" 2>/dev/null); do
    [[ -r /proc/$c/stat ]] || continue
    t=$(awk '{sub(/^.*\) /,""); print $12, $13}' "/proc/$c/stat")
    u=$(( u + ${t% *} )); k=$(( k + ${t#* } ))
  done
  echo "$u $k"
}
to_us() { awk -v v="$1" 'BEGIN{ n=v+0; m=1; if (v ~ /us$/) m=1; else if (v ~ /ms$/) m=1000; else if (v ~ /s$/) m=1e6; printf "%.0f", n*m }'; }
rss_mb() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo NA; }

run_wrk() { # target seconds -> "rps p50_us p99_us errors cpu_us_per_req sys_us_per_req rss_mb"
  local t=$1 d=$2 out c0 c1 rps p50 p99 err n2 reqs cpu
  c0=$(cpu_ticks "${PIDOF[$t]}")
  out=$(timeout $((d + 20)) taskset -c "$LOADGEN_CPU" wrk -t"$THREADS" -c"$CONNS" -d"${d}s" --latency "${URL[$t]}" 2>&1)
  c1=$(cpu_ticks "${PIDOF[$t]}")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out"); [[ -n "$rps" ]] || { log "wrk failed for $t: $out"; rps=0; }
  p50=$(to_us "$(awk '$1=="50%"{print $2}' <<<"$out")")
  p99=$(to_us "$(awk '$1=="99%"{print $2}' <<<"$out")")
  err=$(awk '/Socket errors/{gsub(",","");s=$4+$6+$8+$10} END{print s+0}' <<<"$out")
  n2=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  reqs=$(awk '/requests in/{print $1}' <<<"$out")
  cpu=$(awk -v a="$c0" -v b="$c1" -v r="${reqs:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{ split(a, x, " "); split(b, y, " ")
    if (r > 0) printf "%.1f %.1f", (y[1]+y[2]-x[1]-x[2])/hz*1e6/r, (y[2]-x[2])/hz*1e6/r; else print "NA NA" }')
  echo "$rps $p50 $p99 $((err + ${n2:-0})) $cpu $(rss_mb "${PIDOF[$t]}")"
}

log "pinning: wrk on cpu $LOADGEN_CPU, nginx-proxy and archway on cpu $PROXY_CPU, backend on cpu $BACKEND_CPU; targets: ${ORDER[*]}"
log "wrk -t$THREADS -c$CONNS -d${DURATION}s x $ROUNDS rounds after a ${WARMUP}s warm-up of each target"
printf 'round\ttarget\trps\tp50_us\tp99_us\terrors\tcpu_us_per_req\tsys_us_per_req\trss_mb\n' > "$RESULTS_TSV"
for t in "${ORDER[@]}"; do run_wrk "$t" "$WARMUP" >/dev/null; done

n=${#ORDER[@]}
for r in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((n - 1))); do
    (( $(date +%s) - START_TS + DURATION + 30 < MAX_SECONDS )) || { log "MAX_SECONDS reached; stopping early"; break 2; }
    t=${ORDER[$(( (i + r - 1) % n ))]}
    res=$(run_wrk "$t" "$DURATION")
    log "round $r $t: $res"
    printf '%s\t%s\t%s\n' "$r" "$t" "$(tr ' ' '\t' <<<"$res")" >> "$RESULTS_TSV"
  done
done

# ---------------------------------------------------------------- report
echo
echo "archway bench: $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s on cpu $LOADGEN_CPU; proxies on cpu $PROXY_CPU; rounds=$ROUNDS; JAVA_OPTS=$JAVA_OPTS"
echo "archway start-up to ready: ${STARTUP_MS} ms"
awk -F'\t' -v order="${ORDER[*]}" -f "$ROOT/bench/report.awk" "$RESULTS_TSV"
for p in "${PENDING[@]}"; do echo "skipped ${p%%:*} (not yet:${p#*:})"; done
if [[ "$RESULTS_TSV" == "$WORK/"* ]]; then sed 's/^/# /' "$RESULTS_TSV"; else echo "raw rows: $RESULTS_TSV"; fi
