#!/usr/bin/env bash
# Installs, or upgrades, the Dak Tracking System on this Linux server from the unpacked
# release this script is part of:
#
#   tar xzf dak-server-VERSION.tar.gz && sudo dak-server-VERSION/bin/install.sh
#
# First install: a system user `dak`; the release in /opt/dak/releases/VERSION with
# /opt/dak/current pointing at it; /etc/dak/dak.env (settings and secrets, mode 0640),
# /etc/dak/keys (token-signing and sealing key pairs), the broker's configuration; data in
# /var/lib/dak; the systemd units and the `dak` command; then everything started.
# Upgrade: the new release beside the old ones, `current` switched, your settings, keys and
# data left as they are, and the processes restarted one at a time, each waited for until
# healthy (what is in flight waits in the broker and the outboxes: nothing is lost).
# `dak rollback` goes back to the release before.
#
# Options: --prefix DIR installs under DIR instead of / (for a look, or a test);
# --no-systemd leaves out the user, ownership and systemctl (with --prefix, for tests).
set -euo pipefail

prefix=/
use_systemd=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --no-systemd) use_systemd=no; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

release=$(cd "$(dirname "$0")/.." && pwd)
version=$(tr -d '[:space:]' < "$release/VERSION")
root=${prefix%/}
opt="$root/opt/dak"
etc="$root/etc/dak"
var="$root/var/lib/dak"
units="$root/etc/systemd/system"
say() { echo "dak install: $*"; }

if [ "$use_systemd" = yes ]; then
  [ "$(id -u)" -eq 0 ] || { echo "install.sh: run it as root (sudo)" >&2; exit 1; }
  command -v systemctl >/dev/null || { echo "install.sh: systemd is needed (or --no-systemd)" >&2; exit 1; }
  [ -x /usr/bin/java ] || { echo "install.sh: /usr/bin/java is missing: apt-get install openjdk-17-jre-headless" >&2; exit 1; }
  java_major=$(/usr/bin/java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${java_major:-0}" -ge 17 ] || { echo "install.sh: Java 17 or newer is needed (found ${java_major:-none})" >&2; exit 1; }
fi
command -v openssl >/dev/null || { echo "install.sh: openssl is needed to make the keys" >&2; exit 1; }

# --- the release ----------------------------------------------------------------------
previous=""
if [ -L "$opt/current" ]; then
  previous=$(basename "$(readlink "$opt/current")")
fi
mkdir -p "$opt/releases"
rm -rf "$opt/releases/$version.new"
mkdir "$opt/releases/$version.new"
cp -a "$release/VERSION" "$release/bin" "$release/lib" "$release/systemd" "$release/etc" "$opt/releases/$version.new/"
rm -rf "$opt/releases/$version"
mv "$opt/releases/$version.new" "$opt/releases/$version"
# switched in one step: a process that starts now finds one release or the other, whole
ln -sfn "releases/$version" "$opt/current.new"
mv -T "$opt/current.new" "$opt/current"
if [ -n "$previous" ] && [ "$previous" != "$version" ]; then
  echo "$previous" > "$opt/previous"
  say "upgraded from $previous to $version (dak rollback goes back)"
else
  say "installed $version"
fi

# --- settings and keys: made once, never overwritten ------------------------------------
if [ "$use_systemd" = yes ] && ! id dak >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/dak --no-create-home --shell /usr/sbin/nologin dak
  say "made the system user dak"
fi
group_dak() { if [ "$use_systemd" = yes ]; then chgrp dak "$@"; fi; }
mkdir -p "$etc/keys"
chmod 0750 "$etc" "$etc/keys"
group_dak "$etc" "$etc/keys"
random() { openssl rand -base64 "$1" | tr -d '/+=\n'; }
if [ ! -f "$etc/dak.env" ]; then
  admin_password=$(random 18)
  # a Kafka cluster ID: 16 random bytes, URL-safe base64 without padding
  cluster_id=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
  umask 027
  sed -e "s|@ADMIN_PASSWORD@|$admin_password|" -e "s|@KAFKA_CLUSTER_ID@|$cluster_id|" \
      -e "s|@SMS_CALLBACK_TOKEN@|$(random 24)|" "$release/etc/dak.env" > "$etc/dak.env"
  umask 022
  chmod 0640 "$etc/dak.env"
  group_dak "$etc/dak.env"
  say "wrote $etc/dak.env: set the office's name, address, mail and SMS there"
  say "the first administrator is 'admin' with password $admin_password (shown this once; it must be changed at the first sign-in)"
fi
for file in kafka.properties kafka-log4j2.properties; do
  [ -f "$etc/$file" ] || install -m 0644 "$release/etc/$file" "$etc/$file"
done
for pair in token-signing sealing; do
  if [ ! -f "$etc/keys/$pair-private.pem" ]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$etc/keys/$pair-private.pem" 2>/dev/null)
    openssl pkey -in "$etc/keys/$pair-private.pem" -pubout -out "$etc/keys/$pair-public.pem"
    chmod 0640 "$etc/keys/$pair-private.pem"
    chmod 0644 "$etc/keys/$pair-public.pem"
    group_dak "$etc/keys/$pair-private.pem" "$etc/keys/$pair-public.pem"
    say "made the $pair key pair in $etc/keys"
  fi
done

# --- data, units, the command -----------------------------------------------------------
mkdir -p "$var/kafka" "$var/mongodb" "$var/backups"
if [ "$use_systemd" = yes ]; then chown -R dak:dak "$var"; fi
chmod 0750 "$var"
mkdir -p "$units" "$root/usr/local/bin"
install -m 0644 "$opt/current/systemd/"* "$units/"
ln -sfn /opt/dak/current/bin/dak "$root/usr/local/bin/dak"

if [ "$use_systemd" = no ]; then
  say "done (no systemd: nothing started)"
  exit 0
fi
systemctl daemon-reload
systemctl enable --quiet dak.target dak-mongodb.service dak-kafka.service dak-intake.service \
  dak-routing.service dak-tracking.service dak-notification.service dak-gateway.service
if [ -n "$previous" ] && systemctl is-active --quiet dak-gateway.service; then
  say "restarting one process at a time"
  "$opt/current/bin/dak" restart --rolling
else
  systemctl start dak.target
  "$opt/current/bin/dak" wait
fi
say "done: $("$opt/current/bin/dak" version)"
