#!/usr/bin/env bash
# Runs a command (by default the test command, `mvn -B verify`) and prints the CPU time
# its processes used, by kind: each service's JVMs, the Kafka brokers, the MongoDB
# server, Chromium, the test JVMs by module, Maven itself. Every process's user + system
# time is read from /proc every 4 s, so a process that lived less than that may be
# missed and one's last 4 s are not counted; good enough to see where a run's CPU goes.
# It counts every process of those kinds on the machine: run it on an otherwise idle one.
#
#   infra/bench/cpu-by-process.sh                       # mvn -B verify
#   infra/bench/cpu-by-process.sh mvn -B verify -pl infra/system-tests
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- mvn -B verify
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
ticks=$(getconf CLK_TCK)

sample() {
  while true; do
    for dir in /proc/[0-9]*; do
      cmd=$( (tr '\0' ' ' < "$dir/cmdline") 2>/dev/null | cut -c1-2000) || continue
      case "$cmd" in
        *surefire*|*failsafe*) kind="test JVM: $(readlink "$dir/cwd" | sed "s|^$PWD/||")" ;;
        *-exec.jar*) kind="service: $(grep -oE '[a-z]+-service|gateway' <<< "$cmd" | head -1)" ;;
        *kafka.Kafka*) kind="Kafka broker" ;;
        *MongoServerMain*) kind="MongoDB server" ;;
        *chrom*) kind="Chromium" ;;
        *plexus.classworlds*) kind="Maven" ;;
        *node*) kind="Node.js" ;;
        *java*) kind="other JVMs" ;;
        *) continue ;;
      esac
      time=$(awk '{print $14 + $15}' "$dir/stat" 2>/dev/null) || continue
      echo "${dir#/proc/}|$kind|$time"
    done >> "$samples"
    sleep 4
  done
}

sample &
sampler=$!
start=$(date +%s)
status=0
"$@" || status=$?
kill "$sampler" 2>/dev/null || true
wall=$(($(date +%s) - start))

echo
echo "CPU by process kind (s), over ${wall} s of wall time; \`$*\` exited with ${status}:"
awk -F'|' -v ticks="$ticks" '
  NF == 3 && $3 ~ /^[0-9]+$/ { if ($3 > most[$1]) { most[$1] = $3; kind[$1] = $2 } }
  END {
    for (pid in most) { sum[kind[pid]] += most[pid]; total += most[pid] }
    for (k in sum) printf "%9.1f  %s\n", sum[k] / ticks, k
    printf "%9.1f  all\n", total / ticks
  }' "$samples" | sort -rn
exit "$status"
