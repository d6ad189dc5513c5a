#!/usr/bin/env bash
# Builds what is needed and starts the whole Dak Tracking System on this machine:
# a Kafka broker, the embedded MongoDB server, a mail server, an SMS simulator,
# the four services and the gateway. Ctrl-C stops everything; data stays in ./data.
# With --cluster (or DAK_CLUSTER=true): three Kafka brokers and two instances of every
# service and of the gateway, on one machine.
set -euo pipefail
cd "$(dirname "$0")"
echo "[local-stack] Building (tests skipped; run them with: mvn -B verify) ..."
mvn -B -q -DskipTests package
exec java -Dfile.encoding=UTF-8 -Ddak.root="$PWD" \
  -cp "infra/local-stack/target/classes:infra/local-stack/target/lib/*" \
  org.dak.localstack.LocalStack "$@"
