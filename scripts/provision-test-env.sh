#!/usr/bin/env bash
# What `npm test` needs besides node_modules, installed or started only when missing (so it is a quick no-op on a
# machine that has them): Debian's chromium + fonts-nanum (browser tests, Hangul glyphs), PostgreSQL and Redis on
# 127.0.0.1 (trust auth, as on the build machines). Installing needs root (or passwordless sudo) and Debian's apt.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

say() { printf '[provision] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else
  say "needs root to run: $*"; exit 1; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
dpkg -s fonts-nanum >/dev/null 2>&1 || missing+=(fonts-nanum)
pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  say "starting PostgreSQL"
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  # Trust auth on 127.0.0.1, as the tests connect as postgres without a password (build-machine setup).
  hba="/etc/postgresql/${version}/main/pg_hba.conf"
  if [ -f "$hba" ] && ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  say "starting Redis"
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
for _ in $(seq 1 60); do
  pg_isready -h 127.0.0.1 -p 5432 -q && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 -q || { say "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { say "Redis is not answering on 127.0.0.1:6379"; exit 1; }
