#!/usr/bin/env bash
# Make sure wrk (the HTTP benchmarking tool bench/ uses) is installed: Debian's package.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's wrk package for the benchmark..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq wrk >/dev/null
    exit 0
fi
echo "The benchmark needs wrk. Install it with:    sudo apt-get update && sudo apt-get install -y wrk" >&2
exit 1
