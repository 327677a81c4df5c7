#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) the cached test kernel for mcast_router.
#
#   tests/kernel/build.sh              build if needed; last stdout line is
#                                      the kernel build dir (KDIR)
#   tests/kernel/build.sh --print-dir  print the build dir, build nothing
#   tests/kernel/build.sh --print-cache  print the cache entry dir
#
# Environment:
#   MCR_CACHE           cache root (default /var/cache/mcast_router)
#   MCR_KERNEL_VARIANT  debug (default, what CI runs) or fast (no debug.fragment)
#   MCR_KERNEL_TARBALL  source tarball (default /usr/src/linux-source-6.12.tar.xz)
#   MCR_JOBS            make -j value (default: nproc)
#
# Layout of one cache entry, ${MCR_CACHE}/kernel-<version>[-fast]-<hash>/:
#   src/        extracted kernel source (checkpatch.pl comes from here)
#   build/      O= build dir: .config, bzImage, Module.symvers (the KDIR)
#   modroot/    modules_install output (lib/modules/<release>/)
#   build.log   full build output
#   stamp       written last; its presence means the entry is complete
# <hash> is the first 12 hex digits of sha256 over the fragments in use and
# this script, so editing any of them selects a fresh entry.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache_root=${MCR_CACHE:-/var/cache/mcast_router}
variant=${MCR_KERNEL_VARIANT:-debug}
tarball=${MCR_KERNEL_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${MCR_JOBS:-$(nproc)}

die() {
	echo "build.sh: $*" >&2
	exit 1
}

case "$variant" in
debug) fragments=("$here/config.fragment" "$here/debug.fragment"); suffix= ;;
fast) fragments=("$here/config.fragment"); suffix=-fast ;;
*) die "MCR_KERNEL_VARIANT must be 'debug' or 'fast', not '$variant'" ;;
esac

[ -r "$tarball" ] || die "kernel source $tarball missing (apt-get install linux-source-6.12)"

# Source version: the Debian package version if the tarball is the packaged
# one, else the top Makefile's VERSION.PATCHLEVEL.SUBLEVEL.
src_version=
if [ "$tarball" = /usr/src/linux-source-6.12.tar.xz ]; then
	src_version=$(dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null || true)
fi
if [ -z "$src_version" ]; then
	src_version=$(tar -xOJf "$tarball" --wildcards '*/Makefile' 2>/dev/null |
		awk '/^VERSION =/{v=$3} /^PATCHLEVEL =/{p=$3} /^SUBLEVEL =/{s=$3; print v"."p"."s; exit}')
fi
[ -n "$src_version" ] || die "cannot tell the source version of $tarball"

hash=$(cat "${fragments[@]}" "$here/build.sh" | sha256sum | cut -c1-12)
entry="$cache_root/kernel-$src_version$suffix-$hash"
build="$entry/build"

case "${1:-}" in
--print-dir) echo "$build"; exit 0 ;;
--print-cache) echo "$entry"; exit 0 ;;
"") ;;
*) die "unknown argument '$1' (use --print-dir or --print-cache)" ;;
esac

if [ -f "$entry/stamp" ]; then
	echo "test kernel cached at $entry"
	echo "$build"
	exit 0
fi

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock-kernel-$src_version$suffix-$hash"
echo "build.sh: waiting up to 60 min for the build lock of $entry" >&2
flock -w 3600 9 || die "timed out waiting for another build of $entry"
if [ -f "$entry/stamp" ]; then
	echo "test kernel cached at $entry (built by a concurrent run)"
	echo "$build"
	exit 0
fi

start=$(date +%s)
echo "build.sh: building $variant test kernel in $entry (log: $entry/build.log)"
rm -rf "$entry"
mkdir -p "$entry/src" "$build"
log="$entry/build.log"
: >"$log"

echo "build.sh: extracting $tarball"
tar -xJf "$tarball" -C "$entry/src" --strip-components=1

kmake() {
	# ccache only speeds up rebuilds after a fragment change; the compiler
	# identity seen by kbuild is unchanged.
	if command -v ccache >/dev/null 2>&1; then
		CCACHE_DIR="$cache_root/ccache" make -C "$entry/src" O="$build" \
			CC="ccache gcc" "$@" >>"$log" 2>&1
	else
		make -C "$entry/src" O="$build" "$@" >>"$log" 2>&1
	fi
}

run_step() {
	what=$1
	shift
	echo "build.sh: $what"
	if ! "$@"; then
		echo "build.sh: FAILED: $what; last lines of $log:" >&2
		tail -n 40 "$log" >&2
		exit 1
	fi
}

run_step "make tinyconfig" kmake tinyconfig
merge() {
	(cd "$build" && "$entry/src/scripts/kconfig/merge_config.sh" -m -O "$build" \
		"$build/.config" "${fragments[@]}" >>"$log" 2>&1)
}
run_step "merge fragments" merge
run_step "make olddefconfig" kmake olddefconfig

# Check the resulting .config, never assume: every CONFIG_X=y/m/"str" line
# and every "# CONFIG_X is not set" line of the fragments must be there.
missing=
while IFS= read -r line; do
	sym=${line%%=*}
	want=${line#*=}
	got=$(grep "^$sym=" "$build/.config" | cut -d= -f2- || true)
	if [ "$want" = n ]; then
		[ -z "$got" ] || missing="$missing $sym(want:n,got:$got)"
	elif [ "$got" != "$want" ]; then
		missing="$missing $sym(want:$want,got:${got:-unset})"
	fi
done < <(cat "${fragments[@]}" | sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*=.*\)$/\1/p' \
	-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1=n/p')
if [ -n "$missing" ]; then
	echo "build.sh: the fragments did not make it into $build/.config:" >&2
	for m in $missing; do
		echo "  $m" >&2
	done
	echo "build.sh: fix the fragment dependencies (see the Kconfig files)" >&2
	exit 1
fi
echo "build.sh: .config verified against the fragments"

run_step "make -j$jobs bzImage modules" kmake -j"$jobs" bzImage modules
run_step "make modules_install" kmake modules_install INSTALL_MOD_PATH="$entry/modroot"

release=$(cat "$build/include/config/kernel.release")
end=$(date +%s)
{
	echo "variant=$variant"
	echo "release=$release"
	echo "source=$src_version"
	echo "build_seconds=$((end - start))"
} >"$entry/stamp.tmp"
mv "$entry/stamp.tmp" "$entry/stamp"
echo "build.sh: test kernel $release built in $((end - start)) s"
echo "test kernel cached at $entry"
echo "$build"
