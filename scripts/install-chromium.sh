#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and a CJK font for the browser preview,
# `npm run screenshots` and the browser end-to-end test. Does nothing when Chromium is
# already there; without root it only says what to run (the browser test then skips).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  if fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
    echo "chromium already installed: $(chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
  fi
fi

if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing; install it as root with:"
  echo "  apt-get update && apt-get install -y chromium fonts-noto-cjk"
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-noto-cjk
echo "installed: $(chromium --version 2>/dev/null || echo chromium)"
