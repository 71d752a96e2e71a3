#!/usr/bin/env bash
# The jobs benchmark. Starts a Kafka broker and redis-server in one JVM and, in another, one job
# worker instance fed with diagnostics.noop jobs produced straight to fixmo.jobs.default, and
# measures:
#   1. throughput: a backlog of jobs drained by the worker, jobs/s from the first done to the last;
#   2. latency: jobs produced at half that rate, at 5,000/s (half the goal's 10,000), then at a
#      quarter of the drained rate, on a fixed schedule: submit-to-done percentiles.
# Writes its section of benchmarks/RESULTS.md (between the jobs.sh markers; run.sh keeps it).
# Run by hand; never part of the test suite.
#
# Usage: benchmarks/jobs.sh [seconds measured in each latency run, default 30]
# Environment (optional): BENCH_JOBS (200000 jobs in phase 1), BENCH_SKIP_BUILD=1 to run what is
# built already, FIXMO_JOBS_DEFAULT_CONSUMERS (2) and FIXMO_JOBS_BATCH_RECORDS (100) for the
# worker.
set -euo pipefail

seconds="${1:-30}"
count="${BENCH_JOBS:-200000}"
for number in "$seconds" "$count"; do
  if ! [[ "$number" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: benchmarks/jobs.sh [seconds]; '$number' is not a positive whole number" >&2
    exit 2
  fi
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=../scripts/jdk.sh
. scripts/jdk.sh
fixmo_pick_jdk
java="$JAVA_HOME/bin/java"

run_dir="$(mktemp -d "${TMPDIR:-/tmp}/fixmo-jobs-bench.XXXXXX")"
infra_pid=""

log() {
  printf '[jobs-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

# Puts the section file $1 into $2 in place of the section between the same markers, or at
# the end when $2 has none yet; the rest of $2 (run.sh's report) stays as it was.
splice_section() {
  local section="$1" results="$2"
  touch "$results"
  awk -v section="$section" '
    /^<!-- jobs.sh: begin -->$/ { while ((getline line < section) > 0) print line; skip = 1; done = 1; next }
    /^<!-- jobs.sh: end -->$/ { skip = 0; next }
    !skip { print }
    END { if (!done) { print ""; while ((getline line < section) > 0) print line } }
  ' "$results" >"$results.new"
  mv "$results.new" "$results"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$infra_pid" ] && kill -0 "$infra_pid" 2>/dev/null; then
    kill -TERM "$infra_pid" 2>/dev/null || true
    wait "$infra_pid" 2>/dev/null || true
  fi
  if ((status != 0)); then
    log "failed; the logs of this run are in $run_dir"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building (./mvnw -pl benchmarks -am package)..."
  ./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests
fi
classpath="benchmarks/target/classes:$(<benchmarks/target/classpath.txt)"

jvm_extra=()
if [ "$(fixmo_java_major "$JAVA_HOME")" -ge 24 ]; then
  jvm_extra=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi

read -r load1 load5 load15 _ </proc/loadavg
log "run directory: $run_dir; load average $load1 $load5 $load15"
log "starting the Kafka broker and redis-server..."
"$java" -Xmx1g "${jvm_extra[@]}" -cp "$classpath" app.fixmo.benchmarks.InfraMain \
  "$run_dir/infra.properties" >"$run_dir/infra.log" 2>&1 &
infra_pid=$!
deadline=$((SECONDS + 120))
until [ -f "$run_dir/infra.properties" ]; do
  kill -0 "$infra_pid" 2>/dev/null || { tail -n 40 "$run_dir/infra.log" >&2; exit 1; }
  ((SECONDS < deadline)) || { log "the broker and Redis did not start within 120 s"; exit 1; }
  sleep 0.5
done
bootstrap="$(sed -n 's/^kafka.bootstrap=//p' "$run_dir/infra.properties")"
redis_url="$(sed -n 's/^redis.url=//p' "$run_dir/infra.properties")"
redis_pid="$(sed -n 's/^redis.pid=//p' "$run_dir/infra.properties")"

log "running the worker and the load ($count jobs, then three latency runs of ${seconds} s)..."
"$java" -Xmx512m -XX:+UseParallelGC "${jvm_extra[@]}" -cp "$classpath" \
  app.fixmo.benchmarks.jobs.JobsBenchmarkMain "$bootstrap" "$redis_url" "$count" "$seconds" \
  "$run_dir/figures.properties" "$infra_pid" "$redis_pid" \
  2> >(tee "$run_dir/bench.log" >&2) >/dev/null

figure() {
  sed -n "s/^$1=//p" "$run_dir/figures.properties"
}
verdict() {
  awk -v measured="$1" -v goal="$2" -v more_is_better="$3" 'BEGIN {
    met = more_is_better ? measured >= goal : measured <= goal
    if (met) { print "met" }
    else if (more_is_better) { printf "**missed**: %.0f%% of the goal\n", 100 * measured / goal }
    else { printf "**missed**: %.1fx the goal\n", measured / goal }
  }'
}

rate="$(figure throughput.rate)"
p99="$(figure half.p99.0)"
goal_p99="$(figure goal.p99.0)"
row() {
  echo "| $(figure "$1.rate")/s | $(figure "$1.count") ($(figure "$1.lost") lost) |" \
    "$(figure "$1.p50.0") ms | $(figure "$1.p90.0") ms | $(figure "$1.p99.0") ms |" \
    "$(figure "$1.p99.9") ms | $(figure "$1.max") ms |" \
    "$(figure "$1.cpu.ours.s") / $(figure "$1.cpu.others.s") |"
}
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
section="$run_dir/jobs-section.md"
cat >"$section" <<REPORT
<!-- jobs.sh: begin -->
## Background jobs (\`benchmarks/jobs.sh\`)

Written by \`benchmarks/jobs.sh\`; run it again to refresh. Figures from one run only: on a
2-core machine shared with the broker, Redis and the load they move by tens of percent.

- Date: $(date -u +'%Y-%m-%d %H:%M UTC'); commit $commit
- Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1))
- JDK: $("$java" -version 2>&1 | head -n 1)
- Command: \`benchmarks/jobs.sh $seconds\` with $count jobs in the throughput phase
- Worker: one instance, $(figure consumers) share consumers on the default lane, up to
  $(figure batch.records) jobs per poll; broker and Redis in another JVM on the same cores
- Load average before the run: $load1 $load5 $load15 (1, 5, 15 min)

### Goals

| what | goal | measured | verdict |
| --- | --- | --- | --- |
| diagnostics.noop jobs/s through one worker | >= 10,000 | $rate | $(verdict "$rate" 10000 1) |
| submit-to-done p99 at half the drained rate ($(figure half.rate)/s) | < 100 ms | $p99 ms | $(verdict "$p99" 100 0) |
| submit-to-done p99 at half the goal rate ($(figure goal.rate)/s) | < 100 ms | $goal_p99 ms | $(verdict "$goal_p99" 100 0) |

### Throughput

$(figure throughput.count) jobs were on the topic before the worker started; it took
$(figure throughput.seconds) s from the first done to the last: **$rate jobs/s**.

Where the CPU went meanwhile ($(nproc) cores: $(figure cpu.machine.s) CPU-seconds in all):

| process | CPU s | per job |
| --- | --- | --- |
| worker JVM | $(figure cpu.worker.s) | $(figure cpu.worker.us.per.job) µs |
| broker JVM | $(figure cpu.broker.s) | $(figure cpu.broker.us.per.job) µs |
| redis-server | $(figure cpu.redis.s) | $(figure cpu.redis.us.per.job) µs |
| everything else on the machine | $(figure cpu.others.s) | |

### Latency

Jobs produced on a fixed schedule (each job's submittedAt is its planned send time), 5 s
warm-up, then ${seconds} s measured: at half the throughput above, at half the goal's 10,000
jobs/s, and at a quarter of the throughput above.
Submit-to-done: from submittedAt until the worker has run the job and its status and done mark
are in Redis (the acknowledgement follows). Producing costs CPU as well, in the load generator
(same JVM as the worker) and in the broker, and the throughput phase had none of it: half that
rate is more than half the load. "Ours" is the worker JVM, the broker and Redis.

| rate | jobs | p50 | p90 | p99 | p99.9 | max | CPU-s: ours / others |
| --- | --- | --- | --- | --- | --- | --- | --- |
$(row half)
$(row goal)
$(row quarter)
<!-- jobs.sh: end -->
REPORT
splice_section "$section" benchmarks/RESULTS.md
log "done: the jobs section of benchmarks/RESULTS.md (raw files in $run_dir)"
