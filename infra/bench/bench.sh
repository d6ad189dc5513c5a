#!/usr/bin/env bash
# The benchmark harness, against the local stack (./run-local.sh, started with
# DAK_LIMIT_PUBLIC_SUBMISSION=1000000 so the gateway's per-address limit does not
# throttle it) or any URLs. Options (all optional):
#   --sizes 1000,20000,100000   stored items to measure at
#   --gateway URL --intake URL --tracking URL --notification URL --kafka HOST:PORT
#   --pids DIR (data/run)  --dm-user dm --dm-password PASSWORD
#   --phase-seconds 30 --idle-seconds 30 --rate 5 --concurrency 16 --ceiling-records 200000
#   --out DIR (infra/bench/target/bench)
# Prints a Markdown table; writes results.json and results.md to the output folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -DskipTests -pl infra/bench -am install
exec java -Xmx512m -cp "infra/bench/target/classes:infra/bench/target/lib/*" org.dak.bench.Bench \
  --pids "${DAK_DATA_DIR:-data}/run" --out infra/bench/target/bench "$@"
