#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what `make demo`, `make check` and the other test targets need:
# the Debian packages of tests/packages.txt and the newest Debian 12 6.12
# headers (linux-headers-6.12.*+deb12-amd64, versioned, so resolved here).
# A no-op (one dpkg-query) when everything is installed; otherwise it needs
# root, and says so.
#
#   tests/deps.sh            install what is missing
#   tests/deps.sh --check    only say what is missing (exit 1 if anything)
#   tests/deps.sh --list     print the package names (the 6.12 headers as
#                            the pattern linux-headers-6.12)
#
# Used by the Makefile and by .ci/run. Nothing here is interactive.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-install}

mapfile -t pkgs < <(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' \
	"$root/tests/packages.txt")

if [ "$mode" = --list ]; then
	printf '%s\n' "${pkgs[@]}" linux-headers-6.12
	exit 0
fi

# The packages dpkg does not know as installed (one dpkg-query; unknown
# names are left out of its output).
declare -A ok=()
while read -r name status; do
	[ "$status" != installed ] || ok[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${pkgs[@]}" 2>/dev/null || true)
missing=()
for p in "${pkgs[@]}"; do
	[ -n "${ok[$p]:-}" ] || missing+=("$p")
done
have612=
for d in /usr/src/linux-headers-6.12.*+deb12-amd64; do
	[ -f "$d/Makefile" ] && have612=1
done

if [ ${#missing[@]} -eq 0 ] && [ -n "$have612" ]; then
	exit 0
fi
want=("${missing[@]}")
[ -n "$have612" ] || want+=("linux-headers-6.12.*+deb12-amd64")
if [ "$mode" = --check ]; then
	echo "deps.sh: missing: ${want[*]}"
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages: ${want[*]}" >&2
	echo "deps.sh: run as root (make deps) to install them" >&2
	exit 1
fi

echo "deps.sh: installing: ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update </dev/null
if [ -z "$have612" ]; then
	hdr612=$(apt-cache search --names-only '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' |
		awk '{ print $1 }' | sort -V | tail -n 1 || true)
	if [ -n "$hdr612" ]; then
		missing+=("$hdr612")
	else
		echo "deps.sh: no linux-headers-6.12.*+deb12-amd64 in the archive; the 6.12 header build will be skipped"
	fi
fi
if [ ${#missing[@]} -gt 0 ]; then
	apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
fi
echo "deps.sh: done"
