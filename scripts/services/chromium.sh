# Sourced by scripts/test.sh: ensure_chromium makes sure Debian's Chromium is there for the browser tests.
ensure_chromium() {
  export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$CHROMIUM_PATH" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  fi
  [ -x "$CHROMIUM_PATH" ] || { echo "Chromium is missing: install the chromium package (or set CHROMIUM_PATH)" >&2; return 1; }
}
