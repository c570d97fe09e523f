#!/usr/bin/env bash
# Run one stage of `make test` and say how long it took: `stage.sh <name> <command...>`.
set -uo pipefail
name="$1"
shift
echo "== $name =="
start=$(date +%s)
"$@"
status=$?
echo "== $name: $(( $(date +%s) - start )) s$( [ $status -eq 0 ] || echo ", FAILED ($status)" ) =="
exit $status
