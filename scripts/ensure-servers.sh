#!/usr/bin/env bash
# The real third-party servers the tests start themselves on 127.0.0.1 are Debian packages:
# Apache httpd (Basic/Digest), redis-server (shared token store), python3-oauthlib (OAuth 1.0a
# verifier, for /usr/bin/python3), and chromium (the browser test/e2e/browser.test.ts drives).
# Installs what is missing when run as root (CI, a fresh machine); otherwise names the packages
# to install and fails, so no test is silently skipped.
set -euo pipefail
need=()
[ -x /usr/sbin/apache2 ] || command -v apache2 >/dev/null || need+=(apache2)
command -v redis-server >/dev/null || need+=(redis-server)
/usr/bin/python3 -c 'import oauthlib' 2>/dev/null || need+=(python3-oauthlib)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "the tests need these Debian packages: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "installing: ${need[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
