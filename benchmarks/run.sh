#!/usr/bin/env bash
# Speed, measured. Starts FixMo for real on this machine (a Kafka broker and Redis, then the
# processors, the workers and the edge, each in a JVM of its own, with production settings),
# seeds it through the API, and measures:
#   1. GET /api/providers/{id} against a bare Javalin hello-world, with wrk, side by side;
#   2. POST /api/bookings at a fixed rate (open model, HdrHistogram);
#   3. the resident memory and the CPU of every process meanwhile.
# Writes benchmarks/RESULTS.md. Run by hand; never part of the test suite.
#
# Usage: benchmarks/run.sh [seconds per measured phase, default 30]
# Environment (optional): BENCH_PROVIDERS (50), BENCH_CUSTOMERS (50), BENCH_RATE (500 bookings/s),
# BENCH_WARMUP_S (5), BENCH_SKIP_BUILD=1 to run what is already built (benchmarks/target),
# BENCH_JVM_EXTRA for more flags to the services' JVMs (say, -XX:NativeMemoryTracking=summary
# -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics, to see where their memory goes).
set -euo pipefail

seconds="${1:-30}"
providers="${BENCH_PROVIDERS:-50}"
customers="${BENCH_CUSTOMERS:-50}"
rate="${BENCH_RATE:-500}"
warmup="${BENCH_WARMUP_S:-5}"
for number in "$seconds" "$providers" "$customers" "$rate" "$warmup"; do
  if ! [[ "$number" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: benchmarks/run.sh [seconds]; '$number' is not a positive whole number" >&2
    exit 2
  fi
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/jdk.sh
. scripts/jdk.sh
fixmo_pick_jdk
java="$JAVA_HOME/bin/java"

# Every FixMo setting at its production default, whatever this shell had set.
while read -r name; do
  unset "$name"
done < <(compgen -e | grep '^FIXMO_' || true)

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/fixmo-bench.XXXXXX")"
read -r load1 load5 load15 _ </proc/loadavg
echo "loadavg=$load1 $load5 $load15 (1, 5, 15 min)" >"$run_dir/facts.properties"
if awk -v one_minute="$load1" 'BEGIN { exit !(one_minute > 1.0) }'; then
  echo "warning: load average $load1 before the run; other work will bend the figures" >&2
fi
lua="$root/benchmarks/wrk/provider-pages.lua"
TIMEFORMAT='%U %S'

# --- processes ------------------------------------------------------------------------------

declare -A pids=()
started=()
sampler_pid=""

log() {
  printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

now_ms() {
  local micros="${EPOCHREALTIME/./}"
  echo "$((micros / 1000))"
}

# Starts a JVM in the background, logging to the run directory, and remembers it for cleanup.
start_jvm() {
  local name="$1"
  shift
  "$java" "$@" >"$run_dir/$name.log" 2>&1 &
  pids[$name]=$!
  started+=("$name")
  echo "$name ${pids[$name]}" >>"$run_dir/pids.txt"
}

# Stops what this script started, newest first: SIGTERM (each service stops in order and exits),
# then SIGKILL for anything still there after 20 s.
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$sampler_pid" ]; then
    kill "$sampler_pid" 2>/dev/null || true
  fi
  local i name pid deadline
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    name="${started[i]}"
    pid="${pids[$name]}"
    kill -TERM "$pid" 2>/dev/null || continue
    deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop within 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  # redis-server dies with its JVM only when that JVM could run its shutdown hook.
  if [ -n "${redis_pid:-}" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill -TERM "$redis_pid" 2>/dev/null || true
  fi
  if ((status != 0)); then
    log "failed; the logs of this run are in $run_dir"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
  log "$*"
  exit 1
}

# Fails with the end of a process's log when it has died.
check_alive() {
  local name="$1"
  if ! kill -0 "${pids[$name]}" 2>/dev/null; then
    log "$name exited; the end of its log:"
    tail -n 40 "$run_dir/$name.log" >&2
    exit 1
  fi
}

await_http() {
  local name="$1" url="$2" deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    check_alive "$name"
    ((SECONDS < deadline)) || die "$name did not answer $url within 120 s"
    sleep 0.5
  done
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    if ! (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Once a second, for every started process and the machine: CPU ticks, VmRSS and VmHWM.
sample_forever() {
  local at name pid stat rss hwm key value user nice system irq softirq steal
  local -a fields
  while :; do
    at="$(now_ms)"
    read -r _ user nice system _ _ irq softirq steal _ </proc/stat
    echo "$at machine $((user + nice + system + irq + softirq + steal)) 0 0"
    while read -r name pid; do
      [ -r "/proc/$pid/stat" ] || continue
      stat="$(<"/proc/$pid/stat")"
      stat="${stat##*) }"
      read -r -a fields <<<"$stat"
      rss=0
      hwm=0
      while read -r key value _; do
        case "$key" in
          VmRSS:) rss="$value" ;;
          VmHWM:) hwm="$value" ;;
        esac
      done <"/proc/$pid/status"
      echo "$at $name $((fields[11] + fields[12])) $rss $hwm"
    done <"$run_dir/pids.txt"
    sleep 1
  done
}

# --- build and tools ------------------------------------------------------------------------

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building (./mvnw -pl benchmarks -am package)..."
  ./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests
fi
classpath="benchmarks/target/classes:$(<benchmarks/target/classpath.txt)"

if ! command -v wrk >/dev/null; then
  log "installing wrk..."
  apt-get update -qq
  apt-get install -y -qq wrk >/dev/null
fi

jvm_extra=()
if [ "$(fixmo_java_major "$JAVA_HOME")" -ge 24 ]; then
  jvm_extra=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
# Small, fixed heaps: each service must stay under 256 MiB resident, and the JVM's own memory
# (metaspace, the C2 compiler's arenas and code, CDS, symbols) takes 130 to 170 MiB besides the
# heap. Trimming glibc's heap every second hands freed native memory back; one malloc arena per
# core keeps RocksDB and Netty from spreading over many. The edge's heap is the smallest that
# still holds a few Argon2id hashes (19 MiB each at the default cost) at once.
common_flags=(-XX:+UseSerialGC -Xms32m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m
  -XX:MaxDirectMemorySize=64m -Xss512k)
trim_flags=()
if [ "$(fixmo_java_major "$JAVA_HOME")" -ge 22 ]; then
  trim_flags=(-XX:TrimNativeHeapInterval=1000)
fi
common_flags+=("${trim_flags[@]}")
edge_flags=(-Xmx80m "${common_flags[@]}")
service_flags=(-Xmx96m "${common_flags[@]}")
infra_flags=(-Xmx1g)
export MALLOC_ARENA_MAX=2
read -r -a more_flags <<<"${BENCH_JVM_EXTRA:-}"
jvm_extra+=("${more_flags[@]}")

# --- the system -----------------------------------------------------------------------------

: >"$run_dir/pids.txt"
log "run directory: $run_dir"
log "starting the Kafka broker and redis-server..."
start_jvm kafka "${infra_flags[@]}" "${jvm_extra[@]}" -cp "$classpath" \
  app.fixmo.benchmarks.InfraMain "$run_dir/infra.properties"
deadline=$((SECONDS + 120))
until [ -f "$run_dir/infra.properties" ]; do
  check_alive kafka
  ((SECONDS < deadline)) || die "the broker and Redis did not start within 120 s"
  sleep 0.5
done
infra_value() {
  sed -n "s/^$1=//p" "$run_dir/infra.properties"
}
redis_pid="$(infra_value redis.pid)"
echo "redis $redis_pid" >>"$run_dir/pids.txt"

edge_port="$(free_port)"
hello_port="$(free_port)"
processors_port="$(free_port)"
workers_port="$(free_port)"
export FIXMO_KAFKA_BOOTSTRAP FIXMO_REDIS_URL FIXMO_DEV_MODE=false
FIXMO_KAFKA_BOOTSTRAP="$(infra_value kafka.bootstrap)"
FIXMO_REDIS_URL="$(infra_value redis.url)"
export FIXMO_HTTP_PORT="$edge_port"
export FIXMO_PROCESSORS_ADMIN_PORT="$processors_port"
export FIXMO_WORKERS_ADMIN_PORT="$workers_port"
export FIXMO_STREAMS_STATE_DIR="$run_dir/streams"

log "starting the processors, the workers and the edge..."
start_jvm processors "${service_flags[@]}" "${jvm_extra[@]}" -cp "$classpath" \
  app.fixmo.processors.ProcessorsMain
await_http processors "http://127.0.0.1:$processors_port/health/ready"
start_jvm workers "${service_flags[@]}" "${jvm_extra[@]}" -cp "$classpath" \
  app.fixmo.workers.WorkersMain
await_http workers "http://127.0.0.1:$workers_port/health/ready"
start_jvm edge "${edge_flags[@]}" "${jvm_extra[@]}" -cp "$classpath" app.fixmo.edge.EdgeMain
await_http edge "http://127.0.0.1:$edge_port/api/health"
start_jvm hello "${edge_flags[@]}" "${jvm_extra[@]}" -cp "$classpath" \
  app.fixmo.benchmarks.HelloWorldMain "$hello_port"
await_http hello "http://127.0.0.1:$hello_port/"

sample_forever >"$run_dir/samples.tsv" &
sampler_pid=$!

# --- seeding --------------------------------------------------------------------------------

api="http://127.0.0.1:$edge_port"
log "seeding $providers providers and $customers customers through the API..."
"$java" "${jvm_extra[@]}" -cp "$classpath" app.fixmo.benchmarks.SeedMain \
  "$api" "$providers" "$customers" "$run_dir" 2>&1 | tee "$run_dir/seed.log" >&2

first_provider="$(head -n 1 "$run_dir/provider-ids.txt")"
read -r page_status page_bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' \
  -H 'X-Forwarded-For: 198.19.239.255' "$api/api/providers/$first_provider")
[ "$page_status" = 200 ] || die "GET /api/providers/$first_provider answered $page_status"

# --- measuring ------------------------------------------------------------------------------

# Runs wrk against one target as one phase: its window, its output and its own CPU time.
run_wrk() {
  local phase="$1" url="$2" duration="$3" from to user system
  from="$(now_ms)"
  { time wrk -t2 -c64 "-d${duration}s" --latency -s "$lua" "$url" -- \
    "$run_dir/provider-ids.txt" >"$run_dir/wrk-$phase.txt"; } 2>"$run_dir/wrk-$phase.cpu"
  to="$(now_ms)"
  echo "$phase $from $to" >>"$run_dir/phases.tsv"
  read -r user system <"$run_dir/wrk-$phase.cpu"
  echo "wrk.$phase.cpu.s=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')" \
    >>"$run_dir/facts.properties"
  log "$phase: $(sed -n 's/^result.rps=//p' "$run_dir/wrk-$phase.txt") requests/s"
}

log "warming up both servers for ${warmup} s each..."
run_wrk hello-warmup "http://127.0.0.1:$hello_port" "$warmup"
run_wrk page-warmup "$api" "$warmup"
log "measuring hello-world, then the provider page, ${seconds} s each..."
run_wrk hello "http://127.0.0.1:$hello_port" "$seconds"
run_wrk page "$api" "$seconds"
for name in edge processors workers; do check_alive "$name"; done

log "booking at ${rate}/s: ${warmup} s warm-up, then ${seconds} s measured..."
"$java" -Xmx512m "${jvm_extra[@]}" -cp "$classpath" app.fixmo.benchmarks.BookingLoadMain \
  "$api" "$run_dir/seed.json" "$rate" "$warmup" "$seconds" "$run_dir" \
  >"$run_dir/bookings.log" 2>&1 || {
  tail -n 40 "$run_dir/bookings.log" >&2
  die "the booking load failed"
}
for name in edge processors workers; do
  kill -0 "${pids[$name]}" 2>/dev/null || log "warning: $name died during the booking load"
done

# The processors' own count of the bookings they confirmed, per second of their log: it holds
# even when an overloaded edge can no longer answer the generator.
grep 'decided booking.request: succeeded' "$run_dir/processors.log" | cut -c1-19 | uniq -c \
  >"$run_dir/decided-per-second.txt" || true

for name in processors workers edge; do
  echo "oom.$name=$(grep -c OutOfMemoryError "$run_dir/$name.log" || true)"
done >>"$run_dir/facts.properties"

# A few quiet seconds, so that the memory "after the load" is settled.
from="$(now_ms)"
sleep 5
echo "after $from $(now_ms)" >>"$run_dir/phases.tsv"

# --- the report -----------------------------------------------------------------------------

{
  echo "date=$(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "jdk=$("$java" -version 2>&1 | head -n 1)"
  echo "command=$(compgen -e | grep '^BENCH_' | while read -r name; do
    printf '%s=%s ' "$name" "${!name}"
  done)benchmarks/run.sh $seconds"
  echo "seconds=$seconds"
  echo "warmup=$warmup"
  echo "providers=$providers"
  echo "customers=$customers"
  echo "page.bytes=$page_bytes"
  echo "clk.tck=$(getconf CLK_TCK)"
  echo "wrk=wrk -t2 -c64 -d${seconds}s --latency -s benchmarks/wrk/provider-pages.lua"
  echo "service.flags=edge and hello-world ${edge_flags[*]}; processors and workers" \
    "${service_flags[*]}; MALLOC_ARENA_MAX=2"
  echo "infra.flags=${infra_flags[*]}"
} >>"$run_dir/facts.properties"

"$java" "${jvm_extra[@]}" -cp "$classpath" app.fixmo.benchmarks.ReportMain \
  "$run_dir" "$root/benchmarks/RESULTS.md"
log "done: benchmarks/RESULTS.md (raw files in $run_dir)"
