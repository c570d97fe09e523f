#!/usr/bin/env bash
# Make sure a command exists, installing its Debian package when we can (root with apt-get).
# Usage: ensure-debian-package.sh <command> <package> <what it is for>
set -euo pipefail
command="$1" package="$2" purpose="$3"
if command -v "$command" >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's $package package for $purpose..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$package" >/dev/null
    exit 0
fi
echo "$purpose needs $command. Install it with:    sudo apt-get update && sudo apt-get install -y $package" >&2
exit 1
