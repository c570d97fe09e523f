#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists: $CHROMIUM, else Debian's package of that name
# (chromium, or chromium-headless-shell, which `make test` drives).
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
    exit 0
fi
case "$chromium" in
    /usr/bin/chromium | /usr/bin/chromium-headless-shell) package="$(basename "$chromium")" ;;
    *)
        echo "CHROMIUM=$chromium is not an executable file." >&2
        exit 1
        ;;
esac
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's $package package for the browser tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$package" >/dev/null
    exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium, and it is not installed.
Install it with:    sudo apt-get update && sudo apt-get install -y $package
or point at another Chromium or Chrome binary:    make test CHROMIUM=/path/to/chrome
(Playwright's own browser download does not work here and is not used.)
MSG
exit 1
