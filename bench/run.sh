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
#   BACKEND_CPU=2 (with 3+ CPUs, else LOADGEN_CPU; "all" leaves it unpinned)
#   BASE_PORT=18180 (backend; +1 nginx-proxy, +2 archway, +3 archway management)
#   SCENARIOS="direct nginx-proxy rest-proxy rest-mock rest-apikey-throttle rest-cache-hit http-api-proxy rest-vtl rest-jwt rest-lambda
#     websocket-mock websocket-lambda"  (the WebSocket ones: bench/WsEcho.java, CONNS clients each sending a message
#     and waiting for its reply, WARMUP seconds unmeasured then DURATION seconds once: messages/s and Archway CPU per message)
#     (subset filter; "direct" = the backend itself)
#   DEPLOY_CHECKS=5 (CreateDeployment -> traffic delay, measured under load)  STARTUP_APIS=100 (restart with that many
#   APIs deployed and time it to ready; 0 skips)  SUSTAIN=120 (seconds of rest-proxy load for the heap check; 0 skips)
#   JAVA_OPTS="" (flags added to bin/archway's, which starts Archway as the README does)  ARCHWAY_JFR=<file.jfr> (a profile)
#   ARCHWAY_PROFILE=<file.html> (an async-profiler CPU flame graph of the run, kernel frames included;
#     async-profiler comes from Maven Central, tools.profiler:async-profiler, Linux x64 only; for the steady state
#     alone, slice it: ARCHWAY_PROFILE="/tmp/p-%n{9}.collapsed,loop=10s" and read the slices of the measured round)
#   SKIP_BUILD=1 (reuse target/archway.jar)  ARCHWAY_JAR=<jar> (measure another build, e.g. before/after)
#   BASELINE_JAR=<jar> (a second Archway of another build, same scenarios as <scenario>@base, measured in the
#     same rounds: a before/after comparison that the machine's drift does not skew)
#   BASELINE_ENV="VAR=value ..." (environment of the baseline Archway only: with BASELINE_JAR=target/archway.jar and
#     BASELINE_ENV=ARCHWAY_METRICS=off, the cost of a setting on the same build, e.g. metrics on against off)
#   ACCESS_LOG=1 (the REST stage of this build, not the baseline's, writes the console's CLF access log to a log group:
#     with BASELINE_JAR=target/archway.jar, the cost of access logs)
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
# The backend gets its own core when there is one; on 2 CPUs it shares the load generator's.
# Left floating (as proxy-bench does), the scheduler put it beside Archway on the proxy core
# but beside wrk when nginx proxied (per-core busy time, 2026-11-24): the req/s ratio then
# measured the scheduler's placement, not the proxies. Pinned, both proxies get the same.
BACKEND_CPU=${BACKEND_CPU:-$( (( $(nproc) >= 3 )) && echo 2 || echo "$LOADGEN_CPU")}
BASE_PORT=${BASE_PORT:-18180}
SCENARIOS=${SCENARIOS:-"direct nginx-proxy rest-proxy rest-mock rest-apikey-throttle rest-cache-hit http-api-proxy rest-vtl rest-jwt rest-lambda websocket-mock websocket-lambda"}
DEPLOY_CHECKS=${DEPLOY_CHECKS:-5}
STARTUP_APIS=${STARTUP_APIS:-100}
SUSTAIN=${SUSTAIN:-120}
JAVA_OPTS=${JAVA_OPTS:-}  # JVM flags added to bin/archway's own (the collector the README's command uses)
MAX_SECONDS=${MAX_SECONDS:-1800}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BODY='{"message":"hello from backend","ok":true}'
MOCK_BODY='{"message":"hello from mock","ok":true}'
LAMBDA_BODY='{"statusCode":200,"body":"ok"}'
CLF='$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId'
POOL=us-east-1_Bench
START_TS=$(date +%s)
WORK=$(mktemp -d /tmp/archway-bench.XXXXXX)
RESULTS_TSV=${RESULTS_TSV:-$WORK/results.tsv}
P_BACKEND=$BASE_PORT; P_NGINX=$((BASE_PORT + 1)); P_ARCHWAY=$((BASE_PORT + 2)); P_ADMIN=$((BASE_PORT + 3))
declare -a PIDS=()
declare -A URL=() PIDOF=() HEADER=() EXPECT=()
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
for p in $P_BACKEND $P_NGINX $P_ARCHWAY $P_ADMIN ${BASELINE_JAR:+$((BASE_PORT + 4)) $((BASE_PORT + 5))}; do
  port_free "$p" || { echo "port $p on 127.0.0.1 is busy; set BASE_PORT" >&2; exit 2; }
done

wait_http() { # url [seconds]
  local i
  for i in $(seq 1 $(( ${2:-5} * 50 ))); do
    curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null && return 0
    sleep 0.02
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

# The backend also stands in for Lambda's Invoke API (rest-lambda: Archway signs, nobody verifies) and
# for a Cognito user pool's issuer (rest-jwt: discovery document and JWKS, made once by JwtFixture.java).
if want rest-jwt; then
  java -cp "$JAR" "$ROOT/bench/JwtFixture.java" "$WORK/issuer" "http://127.0.0.1:$P_BACKEND/pool" \
    || { echo "bench/JwtFixture.java failed" >&2; exit 2; }
  chmod 711 "$WORK"; chmod -R a+rX "$WORK/issuer" # nginx's workers (nobody, when run as root) read them
fi
nginx_conf backend "  server { listen 127.0.0.1:$P_BACKEND;
    location / { default_type application/json; return 200 '$BODY'; }
    location /2015-03-31/functions/ { default_type application/json; return 200 '$LAMBDA_BODY'; }
    location /pool/ { default_type application/json; alias $WORK/issuer/; }
  }"
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
if [[ -n "${ARCHWAY_PROFILE:-}" ]]; then
  ensure unzip unzip
  AP_VERSION=4.1
  AP_JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar
  [[ -r "$AP_JAR" ]] || (cd "$ROOT" && ./mvnw -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION") \
    || { echo "cannot fetch async-profiler $AP_VERSION" >&2; exit 2; }
  (cd "$WORK" && unzip -q -o "$AP_JAR" 'linux-x64/*') || { echo "no linux-x64 library in $AP_JAR" >&2; exit 2; }
  JFR_OPT+=("-agentpath:$WORK/linux-x64/libasyncProfiler.so=start,event=cpu,interval=1ms,file=$ARCHWAY_PROFILE")
fi
t0=$(date +%s%N)
printf 'cognito:\n  issuers:\n    %s: http://127.0.0.1:%s/pool\n' "$POOL" "$P_BACKEND" > "$WORK/archway.yaml"
ADMIN="http://127.0.0.1:$P_ADMIN"
start_archway() { # log-file [jar data-dir env]: starts Archway on P_ARCHWAY/ADMIN, sets ARCHWAY_PID, waits for /health/ready
  # The account throttle (AWS's 10,000 rps) is raised far above the load, as a quota increase would on AWS.
  # bin/archway, as the README starts it: the same collector and flags, JAVA_OPTS and profilers added.
  taskset -c "$PROXY_CPU" env ARCHWAY_JAR="${2:-$JAR}" ARCHWAY_JAVA_OPTS="$JAVA_OPTS ${JFR_OPT[*]}" ${4:-} "$ROOT/bin/archway" serve \
    --data-dir "${3:-$WORK/data}" --port "$P_ARCHWAY" --admin-port "${ADMIN##*:}" --account-throttle 10000000,10000000 \
    --lambda-endpoint "http://127.0.0.1:$P_BACKEND" --config "$WORK/archway.yaml" >"$1" 2>&1 &
  ARCHWAY_PID=$!; PIDS+=($ARCHWAY_PID)
  wait_http "$ADMIN/health/ready" 30 || { echo "archway did not start" >&2; tail -20 "$1" >&2; exit 3; }
}
start_archway "$WORK/archway.log"
STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
log "archway ready in ${STARTUP_MS} ms (pid $ARCHWAY_PID, cpu $PROXY_CPU)"

mgmt() { # method path [json-body] -> response body; fails on a non-2xx answer
  curl -sS --fail-with-body --max-time 10 -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} "$ADMIN$2" \
    || { echo "management call failed: $1 $2 ${3:-}" >&2; exit 4; }
}
json_id() { # field: the string field of the JSON answer on stdin; stops the run when there is none
  local v; v=$(grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/')
  [[ -n "$v" ]] || { echo "no \"$1\" in a management answer" >&2; kill -TERM $$; exit 4; } # from $(...) too
  echo "$v"
}

# One REST API "bench" holds every scenario, each on its own resource; one deployment to stage "bench".
# configure() builds them on the Archway at ADMIN/P_ARCHWAY; SFX names its targets (the baseline's end in @base).
API=bench
SFX=
resource() { mgmt POST "/restapis/$API/resources/$ROOT_ID" "{\"pathPart\":\"$1\"}" | json_id id; }
invoke_url() { echo "http://127.0.0.1:$P_ARCHWAY/restapis/$API/bench/_user_request_/$1"; }

json_str() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/'; } # a JSON string literal
http_proxy() { # resource-id method: HTTP_PROXY to the backend's /hello
  mgmt PUT "/restapis/$API/resources/$1/methods/$2/integration" \
    "{\"type\":\"HTTP_PROXY\",\"httpMethod\":\"GET\",\"uri\":\"http://127.0.0.1:$P_BACKEND/hello\"}" >/dev/null
}

scenario_rest_proxy() { # GET /proxy -> HTTP_PROXY to the backend, nothing else on the route
  local r; r=$(resource proxy)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  http_proxy "$r" GET
  URL[rest-proxy$SFX]=$(invoke_url proxy)
}

scenario_rest_mock() { # GET /mock -> MOCK 200, static integration-response body
  local r; r=$(resource mock)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/responses/200" '{}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    '{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"}}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration/responses/200" \
    "{\"selectionPattern\":\"\",\"responseTemplates\":{\"application/json\":$(json_str "$MOCK_BODY")}}" >/dev/null
  URL[rest-mock$SFX]=$(invoke_url mock); EXPECT[rest-mock$SFX]=$MOCK_BODY
}

scenario_rest_apikey_throttle() { # GET /keyed -> API key required, usage plan throttle far above the load, HTTP_PROXY
  local r; r=$(resource keyed)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE","apiKeyRequired":true}' >/dev/null
  http_proxy "$r" GET
  URL[rest-apikey-throttle$SFX]=$(invoke_url keyed)
}
after_deploy_rest_apikey_throttle() { # the plan names the stage, so it comes after the deployment
  local key plan
  key=$(mgmt POST /apikeys '{"name":"bench","enabled":true,"value":"benchkey0123456789abcdef"}' | json_id id)
  plan=$(mgmt POST /usageplans "{\"name\":\"bench\",\"apiStages\":[{\"apiId\":\"$API\",\"stage\":\"bench\"}],\"throttle\":{\"rateLimit\":1000000,\"burstLimit\":1000000}}" | json_id id)
  mgmt POST "/usageplans/$plan/keys" "{\"keyId\":\"$key\",\"keyType\":\"API_KEY\"}" >/dev/null
  HEADER[rest-apikey-throttle$SFX]="x-api-key: benchkey0123456789abcdef"
}

scenario_rest_cache_hit() { # GET /cached -> HTTP_PROXY behind the stage cache (its own method setting): every request a hit
  local r; r=$(resource cached)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  http_proxy "$r" GET
  URL[rest-cache-hit$SFX]=$(invoke_url cached)
}
after_deploy_rest_cache_hit() { # the stage's cache, for GET /cached only (the other routes stay uncached)
  # A method's own settings start from AWS's defaults, a 10,000 rps throttle among them: lifted as the account's is.
  mgmt PATCH "/restapis/$API/stages/bench" '{"patchOperations":[{"op":"replace","path":"/cacheClusterEnabled","value":"true"},{"op":"replace","path":"/~1cached/GET/caching/enabled","value":"true"},{"op":"replace","path":"/~1cached/GET/caching/ttlInSeconds","value":"3600"},{"op":"replace","path":"/~1cached/GET/throttling/rateLimit","value":"10000000"},{"op":"replace","path":"/~1cached/GET/throttling/burstLimit","value":"10000000"}]}' >/dev/null
}

scenario_rest_vtl() { # GET /vtl -> HTTP (non-proxy) POST with a request template; a response template reshapes the answer
  local r; r=$(resource vtl)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/responses/200" '{}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    "{\"type\":\"HTTP\",\"httpMethod\":\"POST\",\"uri\":\"http://127.0.0.1:$P_BACKEND/hello\",\"requestTemplates\":{\"application/json\":$(json_str '{"path":"$context.resourcePath","q":"$util.escapeJavaScript($input.params('"'"'q'"'"'))","agent":"$input.params('"'"'User-Agent'"'"')"}')}}" >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration/responses/200" \
    "{\"selectionPattern\":\"\",\"responseTemplates\":{\"application/json\":$(json_str '#set($b = $input.path('"'"'$'"'"')){"said":"$b.message","ok":$b.ok,"requestId":"$context.requestId"}')}}" >/dev/null
  URL[rest-vtl$SFX]="$(invoke_url vtl)?q=bench"; EXPECT[rest-vtl$SFX]='^\{"said":"hello from backend","ok":true,"requestId":"[-0-9a-f]{36}"\}$'
}

scenario_rest_jwt() { # GET /jwt -> COGNITO_USER_POOLS authorizer (RS256 ID token, keys from the local issuer), HTTP_PROXY
  local r a; r=$(resource jwt)
  a=$(mgmt POST "/restapis/$API/authorizers" "{\"name\":\"pool\",\"type\":\"COGNITO_USER_POOLS\",\"providerARNs\":[\"arn:aws:cognito-idp:us-east-1:000000000000:userpool/$POOL\"],\"identitySource\":\"method.request.header.Authorization\"}" | json_id id)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" "{\"authorizationType\":\"COGNITO_USER_POOLS\",\"authorizerId\":\"$a\"}" >/dev/null
  http_proxy "$r" GET
  URL[rest-jwt$SFX]=$(invoke_url jwt); HEADER[rest-jwt$SFX]="Authorization: $(cat "$WORK/issuer/token")"
}

scenario_rest_lambda() { # GET /lambda -> AWS_PROXY to the backend's stand-in Invoke API (payload 1.0 event, signed call)
  local r; r=$(resource lambda)
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    '{"type":"AWS_PROXY","httpMethod":"POST","uri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:bench/invocations"}' >/dev/null
  URL[rest-lambda$SFX]=$(invoke_url lambda); EXPECT[rest-lambda$SFX]=ok
}

scenario_rest_version() { # GET /version -> MOCK answering the deployment's number: the deployment-delay probe
  local r; r=$(resource version)
  VERSION_RESOURCE=$r
  mgmt PUT "/restapis/$API/resources/$r/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/responses/200" '{}' >/dev/null
  mgmt PUT "/restapis/$API/resources/$r/methods/GET/integration" \
    '{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"}}' >/dev/null
  set_version 0
}
set_version() { # n: the draft's /version answers "v<n>" (deployed by the next CreateDeployment)
  mgmt PUT "/restapis/$API/resources/$VERSION_RESOURCE/methods/GET/integration/responses/200" \
    "{\"selectionPattern\":\"\",\"responseTemplates\":{\"application/json\":\"v$1\"}}" >/dev/null
}

scenario_http_api_proxy() { # HTTP API "benchhttp": GET /proxy -> HTTP_PROXY to the backend, stage "bench" (auto-deploy)
  local h i
  h=$(mgmt POST /v2/apis '{"name":"benchhttp","protocolType":"HTTP","tags":{"_custom_id_":"benchhttp"}}' | json_id apiId)
  i=$(mgmt POST "/v2/apis/$h/integrations" "{\"integrationType\":\"HTTP_PROXY\",\"integrationMethod\":\"GET\",\"integrationUri\":\"http://127.0.0.1:$P_BACKEND/hello\",\"payloadFormatVersion\":\"1.0\"}" | json_id integrationId)
  mgmt POST "/v2/apis/$h/routes" "{\"routeKey\":\"GET /proxy\",\"target\":\"integrations/$i\"}" >/dev/null
  mgmt POST "/v2/apis/$h/stages" '{"stageName":"bench","autoDeploy":true}' >/dev/null
  URL[http-api-proxy$SFX]="http://127.0.0.1:$P_ARCHWAY/restapis/$h/bench/_user_request_/proxy"
}

# Scenarios that later features add; each gets a scenario_<name> function when its feature lands.
PENDING=()
configure() { # the scenarios wanted, on the Archway at ADMIN/P_ARCHWAY (pid ARCHWAY_PID), targets named <scenario>$SFX
  local REST=(rest-proxy rest-mock rest-apikey-throttle rest-cache-hit rest-vtl rest-jwt rest-lambda) s t_deploy
  ROOT_ID=$(mgmt POST /restapis '{"name":"bench","tags":{"_custom_id_":"bench"}}' | json_id rootResourceId)
  [[ -n "$ROOT_ID" ]] || { echo "CreateRestApi gave no rootResourceId" >&2; exit 4; }
  for s in "${REST[@]}"; do
    want "$s" || continue
    "scenario_${s//-/_}"
    PIDOF[$s$SFX]=$ARCHWAY_PID
  done
  [[ -z "$SFX" ]] && (( DEPLOY_CHECKS > 0 )) && scenario_rest_version
  t_deploy=$(date +%s%N)
  mgmt POST "/restapis/$API/deployments" '{"stageName":"bench"}' >/dev/null
  FIRST_DEPLOY_MS=$(( ($(date +%s%N) - t_deploy) / 1000000 ))
  if [[ -z "$SFX" && -n "${ACCESS_LOG:-}" ]]; then # the stage writes the console's CLF access log (this build only)
    mgmt PATCH "/restapis/$API/stages/bench" "{\"patchOperations\":[
      {\"op\":\"replace\",\"path\":\"/accessLogSettings/destinationArn\",\"value\":\"arn:aws:logs:us-east-1:000000000000:log-group:bench-access\"},
      {\"op\":\"replace\",\"path\":\"/accessLogSettings/format\",\"value\":$(json_str "$CLF")}]}" >/dev/null
  fi
  if want rest-apikey-throttle; then after_deploy_rest_apikey_throttle; fi
  if want rest-cache-hit; then after_deploy_rest_cache_hit; fi
  if want http-api-proxy; then scenario_http_api_proxy; PIDOF[http-api-proxy$SFX]=$ARCHWAY_PID; REST+=(http-api-proxy); fi
  for s in "${REST[@]}"; do
    want "$s" || continue
    # The management API answers a write once it is served: every route answers at once.
    curl -fsS -o /dev/null --max-time 2 ${HEADER[$s$SFX]:+-H "${HEADER[$s$SFX]}"} "${URL[$s$SFX]}" \
      || { echo "$s$SFX: ${URL[$s$SFX]} does not answer 2xx" >&2; tail -20 "$WORK/archway.log" >&2; exit 3; }
    ORDER+=("$s$SFX")
  done
}
configure
log "first CreateDeployment took ${FIRST_DEPLOY_MS} ms; every route answered right after"
if [[ -n "${BASELINE_JAR:-}" ]]; then # the same scenarios on another build, measured in the same rounds
  MAIN=("$ARCHWAY_PID" "$P_ARCHWAY" "$ADMIN")
  P_ARCHWAY=$((BASE_PORT + 4)); ADMIN="http://127.0.0.1:$((BASE_PORT + 5))"; SFX=@base
  PROFILING=("${JFR_OPT[@]}"); JFR_OPT=() # the profile is of this build only
  start_archway "$WORK/archway-base.log" "$BASELINE_JAR" "$WORK/data-base" "${BASELINE_ENV:-}"
  JFR_OPT=("${PROFILING[@]}")
  configure
  log "baseline $BASELINE_JAR (pid $ARCHWAY_PID) serves the same scenarios as <scenario>@base"
  ARCHWAY_PID=${MAIN[0]}; P_ARCHWAY=${MAIN[1]}; ADMIN=${MAIN[2]}; SFX=
fi
for p in "${PENDING[@]}"; do log "skipped ${p%%:*} (not yet:${p#*:})"; done

for t in "${ORDER[@]}"; do # sanity: every target answers the body it should
  b=$(curl -fsS --max-time 2 ${HEADER[$t]:+-H "${HEADER[$t]}"} "${URL[$t]}")
  expected=${EXPECT[$t]:-$BODY}
  if [[ $expected == ^* ]]; then [[ "$b" =~ $expected ]]; else [[ "$b" == "$expected" ]]; fi \
    || { echo "$t answers ${b:0:200} (expected: $expected)" >&2; exit 3; }
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
  out=$(timeout $((d + 20)) taskset -c "$LOADGEN_CPU" wrk -t"$THREADS" -c"$CONNS" -d"${d}s" --latency \
    ${HEADER[$t]:+-H "${HEADER[$t]}"} "${URL[$t]}" 2>&1)
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
heap_mb() { # Archway's live heap after a full GC, in MB (any collector: the JVM picks Serial on one core)
  jcmd "$ARCHWAY_PID" GC.run >/dev/null 2>&1
  jstat -gc "$ARCHWAY_PID" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { printf "%.1f", ($(c["S0U"]) + $(c["S1U"]) + $(c["EU"]) + $(c["OU"])) / 1024 }'
}
for t in "${ORDER[@]}"; do run_wrk "$t" "$WARMUP" >/dev/null; done
HEAP_WARM=$(heap_mb)
log "archway heap after warm-up (live, after a full GC): ${HEAP_WARM} MB"

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

# ---------------------------------------------------------------- deployment delay, heap, start-up
HEAP_ROUNDS=$(heap_mb)
# Which Archway target carries the load while deployments happen and the heap is watched.
LOAD_TARGET=rest-proxy; want rest-proxy || LOAD_TARGET=${ORDER[-1]}
DEPLOY_REPORT="not measured (DEPLOY_CHECKS=0)"
if (( DEPLOY_CHECKS > 0 )) && [[ -n "${PIDOF[$LOAD_TARGET]:-}" && "$LOAD_TARGET" != *nginx* && "$LOAD_TARGET" != direct ]]; then
  log "deployment delay: $DEPLOY_CHECKS CreateDeployment calls under load on $LOAD_TARGET, /version polled right after each returns"
  taskset -c "$LOADGEN_CPU" wrk -t"$THREADS" -c"$CONNS" -d"$(( DEPLOY_CHECKS * 3 + 5 ))s" ${HEADER[$LOAD_TARGET]:+-H "${HEADER[$LOAD_TARGET]}"} \
    "${URL[$LOAD_TARGET]}" > "$WORK/deploy-load.txt" 2>&1 &
  LOAD_PID=$!; PIDS+=($LOAD_PID)
  sleep 2
  calls=(); delays=(); stale=0
  for i in $(seq 1 "$DEPLOY_CHECKS"); do
    set_version "$i"
    t0=$(date +%s%N)
    mgmt POST "/restapis/$API/deployments" '{"stageName":"bench"}' >/dev/null
    t1=$(date +%s%N)
    for _ in $(seq 1 500); do # up to ~5 s
      b=$(curl -sS --max-time 1 "$(invoke_url version)" 2>/dev/null)
      [[ "$b" == "v$i" ]] && break
      stale=$((stale + 1)); sleep 0.01
    done
    t2=$(date +%s%N)
    [[ "$b" == "v$i" ]] || log "deployment $i not served after 5 s: $b"
    calls+=($(( (t1 - t0) / 1000000 ))); delays+=($(( (t2 - t1) / 1000000 )))
    sleep 1
  done
  wait "$LOAD_PID"
  load_errors=$(awk '/Socket errors/{gsub(",","");s=$4+$6+$8+$10} /Non-2xx/{s+=$NF} END{print s+0}' "$WORK/deploy-load.txt")
  load_rps=$(awk '/^Requests\/sec:/{print $2}' "$WORK/deploy-load.txt")
  DEPLOY_REPORT="CreateDeployment call ${calls[*]} ms; first fresh answer after it returned: ${delays[*]} ms (one curl round trip included); stale answers seen after a return: $stale; load meanwhile: ${load_rps} req/s, $load_errors failed"
  log "deployment: $DEPLOY_REPORT"
fi
HEAP_REPORT="live heap after a full GC: ${HEAP_WARM} MB after warm-up, ${HEAP_ROUNDS} MB after the rounds"
if (( SUSTAIN > 0 )) && [[ -n "${URL[$LOAD_TARGET]:-}" ]]; then
  log "sustained load: ${SUSTAIN}s on $LOAD_TARGET"
  res=$(run_wrk "$LOAD_TARGET" "$SUSTAIN")
  HEAP_REPORT="$HEAP_REPORT, $(heap_mb) MB after ${SUSTAIN}s more on $LOAD_TARGET ($res)"
fi
log "heap: $HEAP_REPORT"
STARTUP_REPORT="not measured (STARTUP_APIS=0)"
if (( STARTUP_APIS > 0 )); then
  log "creating $STARTUP_APIS more REST APIs (MOCK GET /, deployed), then restarting archway"
  for i in $(seq 1 "$STARTUP_APIS"); do
    root=$(mgmt POST /restapis "{\"name\":\"many$i\",\"tags\":{\"_custom_id_\":\"many$i\"}}" | json_id rootResourceId)
    mgmt PUT "/restapis/many$i/resources/$root/methods/GET" '{"authorizationType":"NONE"}' >/dev/null
    mgmt PUT "/restapis/many$i/resources/$root/methods/GET/responses/200" '{}' >/dev/null
    mgmt PUT "/restapis/many$i/resources/$root/methods/GET/integration" \
      '{"type":"MOCK","requestTemplates":{"application/json":"{\"statusCode\": 200}"}}' >/dev/null
    mgmt PUT "/restapis/many$i/resources/$root/methods/GET/integration/responses/200" '{"selectionPattern":""}' >/dev/null
    mgmt POST "/restapis/many$i/deployments" '{"stageName":"bench"}' >/dev/null
  done
  kill -TERM "$ARCHWAY_PID"; wait "$ARCHWAY_PID" 2>/dev/null
  JFR_OPT=() # the first run's recording is complete
  t0=$(date +%s%N)
  start_archway "$WORK/archway-restart.log"
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  last=$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P_ARCHWAY/restapis/many$STARTUP_APIS/bench/_user_request_/")
  STARTUP_REPORT="$((STARTUP_APIS + 1 + $(want http-api-proxy && echo 1 || echo 0))) APIs deployed: ready in $ready ms (java start included; many$STARTUP_APIS answered $last)"
  log "restart: $STARTUP_REPORT"
fi

# ---------------------------------------------------------------- WebSocket
# A WebSocket API "benchws": two-way routes "mock" (MOCK, a static reply) and "lambda" (AWS_PROXY to the
# backend's stand-in Invoke API, whose {"statusCode":200,"body":"ok"} is the reply), stage "bench".
WS_REPORT=()
if want websocket-mock || want websocket-lambda; then
  WS=$(mgmt POST /v2/apis '{"name":"benchws","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}' | json_id apiId)
  ws_route() { # key integration-json
    local i r
    i=$(mgmt POST "/v2/apis/$WS/integrations" "$2" | json_id integrationId)
    r=$(mgmt POST "/v2/apis/$WS/routes" "{\"routeKey\":\"$1\",\"target\":\"integrations/$i\",\"routeResponseSelectionExpression\":\"\$default\"}" | json_id routeId)
    mgmt POST "/v2/apis/$WS/routes/$r/routeresponses" '{"routeResponseKey":"$default"}' >/dev/null
    echo "$i"
  }
  mock=$(ws_route mock '{"integrationType":"MOCK","requestTemplates":{"$default":"{\"statusCode\": 200}"}}')
  mgmt POST "/v2/apis/$WS/integrations/$mock/integrationresponses" \
    '{"integrationResponseKey":"$default","responseTemplates":{"$default":"{\"message\":\"hello from mock\"}"}}' >/dev/null
  ws_route lambda '{"integrationType":"AWS_PROXY","integrationUri":"arn:aws:lambda:us-east-1:000000000000:function:bench"}' >/dev/null
  mgmt POST "/v2/apis/$WS/stages" '{"stageName":"bench"}' >/dev/null
  mgmt POST "/v2/apis/$WS/deployments" '{"stageName":"bench"}' >/dev/null
  for s in websocket-mock websocket-lambda; do
    want "$s" || continue
    # A warm-up first, as the wrk targets get: a cold JIT's compilations would otherwise be most of the CPU measured.
    (( WARMUP > 0 )) && log "$s warm-up: $(taskset -c "$LOADGEN_CPU" java "$ROOT/bench/WsEcho.java" \
      "ws://127.0.0.1:$P_ARCHWAY/restapis/$WS/bench/_user_request_/" "$CONNS" "$WARMUP" "{\"action\":\"${s#websocket-}\"}" 2>&1 | tail -1)"
    before=$(cpu_ticks "$ARCHWAY_PID")
    out=$(taskset -c "$LOADGEN_CPU" java "$ROOT/bench/WsEcho.java" "ws://127.0.0.1:$P_ARCHWAY/restapis/$WS/bench/_user_request_/" \
      "$CONNS" "$DURATION" "{\"action\":\"${s#websocket-}\"}" 2>&1 | tail -1)
    after=$(cpu_ticks "$ARCHWAY_PID")
    n=$(awk '{print $2}' <<<"$out")
    ticks=$(( ${after% *} + ${after#* } - ${before% *} - ${before#* } ))
    cpu=$(awk -v t="$ticks" -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN{ if (n > 0) printf "%.1f", t * 1e6 / hz / n; else print "NA" }')
    WS_REPORT+=("$s: $out, archway CPU ${cpu} us per message ($CONNS connections)")
    log "${WS_REPORT[-1]}"
  done
fi

# ---------------------------------------------------------------- report
echo
echo "archway bench: $(nproc) CPUs ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1)"
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s on cpu $LOADGEN_CPU; proxies on cpu $PROXY_CPU; rounds=$ROUNDS; JAVA_OPTS=$JAVA_OPTS"
echo "archway start-up to ready: ${STARTUP_MS} ms (empty data directory); with many APIs: $STARTUP_REPORT"
echo "deployment to traffic: $DEPLOY_REPORT"
echo "heap: $HEAP_REPORT"
awk -F'\t' -v order="${ORDER[*]}" -f "$ROOT/bench/report.awk" "$RESULTS_TSV"
for w in "${WS_REPORT[@]}"; do echo "$w"; done
for p in "${PENDING[@]}"; do echo "skipped ${p%%:*} (not yet:${p#*:})"; done
if [[ -n "${BASELINE_JAR:-}" ]]; then # this build against the baseline, within each round, median (min-max) over rounds
  awk -F'\t' 'NR > 1 { rps[$1, $2] = $3; cpu[$1, $2] = $7; r[$1] = 1; if ($2 ~ /@base$/) base[$2] = 1 }
    function sort(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } }
    function med(a, n) { sort(a, n); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { for (b in base) { t = b; sub(/@base$/, "", t); n = 0; delete X; delete Y
        for (k in r) if (((k, t) in rps) && ((k, b) in rps) && rps[k, b] > 0 && cpu[k, b] > 0) { n++; X[n] = rps[k, t] / rps[k, b]; Y[n] = cpu[k, t] / cpu[k, b] }
        if (n) printf "against the baseline: %s req/s %.2fx (%.2f-%.2f), CPU/req %.2fx (%.2f-%.2f) over %d rounds\n", t, med(X, n), X[1], X[n], med(Y, n), Y[1], Y[n], n } }' "$RESULTS_TSV"
fi
if [[ "$RESULTS_TSV" == "$WORK/"* ]]; then sed 's/^/# /' "$RESULTS_TSV"; else echo "raw rows: $RESULTS_TSV"; fi
