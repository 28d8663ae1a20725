#!/usr/bin/env bash
# robust/run.sh — the crash-free run: the go-plugin-lint suite over the Go
# standard library and the benchmark modules must not panic, report an
# internal error, or fail with an analyzer error that is not a type error
# in the input (see robust/main.go for exactly what counts).
#
# Usage (from anywhere in the repository):
#   robust/run.sh                 # std, then every benchmark module
#   robust/run.sh std             # only std
#   robust/run.sh go-plugin caddy # only these benchmark modules (names as in bench/main.go)
#
# Time and memory, 2 cores: std about 25 seconds and 2 GB (every package a
# root, kept to the end); the six
# benchmark modules under a minute together once downloaded; the first run
# downloads them and their dependencies (bench -fetch, no build).
# ROBUST_TIMEOUT bounds each target (default 30m). Meant as its own CI
# step, not part of go test ./...
# Exit status: 0 when every target is crash-free, 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
timeout_per_target="${ROBUST_TIMEOUT:-30m}"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/robust" ./robust

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=(std all-modules)
fi

failed=0
check() { # name dir pattern
	local name="$1" dir="$2" pattern="$3" status=0
	echo "== robust: $name"
	timeout "$timeout_per_target" "$bin/robust" -C "$dir" "$pattern" || status=$?
	case "$status" in
	0) ;;
	124) echo "robust: $name: timed out after $timeout_per_target" >&2; failed=1 ;;
	*) echo "robust: $name: FAILED (exit $status)" >&2; failed=1 ;;
	esac
}

modules=()
for t in "${targets[@]}"; do
	case "$t" in
	std) check std . std ;;
	all-modules) modules+=(all) ;;
	*) modules+=("$t") ;;
	esac
done

if [ ${#modules[@]} -gt 0 ]; then
	list="$(IFS=,; echo "${modules[*]}")"
	# bench -fetch prints "name<TAB>dir" for each prepared module.
	fetched="$(go run ./bench -fetch -modules "$list")"
	while IFS=$'\t' read -r name dir; do
		check "$name" "$dir" ./...
	done <<<"$fetched"
fi

if [ "$failed" -ne 0 ]; then
	echo "robust: some targets crashed or failed (see above)" >&2
	exit 1
fi
echo "robust: all targets crash-free"
