#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host-side packaging checks (DKMS and the Debian packages), as root on a
# Debian 12 machine with the packages of tests/packages.txt installed:
#   - version: VERSION, dkms.conf's PACKAGE_VERSION and debian/changelog
#     agree;
#   - dkms build against each installed /usr/src/linux-headers-6.1.*-amd64
#     and linux-headers-6.12.*-amd64 (not -cloud-, -rt-), one result each:
#     done by the install check below when dpkg's DKMS run built it for
#     that kernel, else here in a temporary DKMS tree (--dkmstree, --sourcetree, --installtree,
#     --kernelsourcedir: the running kernel's headers are not needed) with a
#     temporary signing key;
#   - make deb builds mcast-router, mcast-router-madcapd and mcast-router-dkms (in a temporary
#     DEB_BUILD_DIR; the .debs and .changes are kept in OUT_DIR/deb);
#   - lintian --fail-on error,warning on the .changes is clean;
#   - the packages install with dpkg -i (the files, the conffile, the
#     enabled unit, the DKMS entry), then dpkg --purge leaves nothing.
#
#   tests/host/packaging.sh OUT_DIR
#
# stdout: one line per result, exactly "PASS name", "FAIL name" or
# "SKIP name (reason)", and nothing else. Logs go to OUT_DIR/logs/ (created),
# one per result; each FAIL names its log on stderr. No results.txt is
# written: the caller records the lines (tests/lib/results.sh).
# Exit status: 0 unless something failed.
#
# The machine is left as it was. The install check is the only one that
# touches the system: mcast-router-dkms's postinst (dkms's common.postinst)
# adds the module to /var/lib/dkms and builds and installs it for the
# running kernel if /lib/modules/$(uname -r) exists and has headers (else it
# says the build was skipped and succeeds), and for the newest kernel in
# /boot; when /lib/modules/$(uname -r) does not exist (a CI machine running
# another kernel) for every kernel in /lib/modules with headers. A failed
# build there fails dpkg -i. Purging removes all of it (dkms remove --all);
# this script then restores the depmod files (/lib/modules/*/modules.*) as
# they were, deletes what else appeared under /lib/modules (but kernel/),
# and the DKMS signing key /var/lib/dkms/mok.{key,pub} if this run created
# it. It is SKIPped when an mcast-router package (even only its
# configuration), /usr/src/mcast-router-* or a DKMS mcast-router entry is
# already on the machine.
set -eu
export LC_ALL=C

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: tests/host/packaging.sh OUT_DIR}
name_pkg=mcast-router
build_timeout=${MCR_PACKAGING_TIMEOUT:-1800}

mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
logs=$out/logs
tmp=$(mktemp -d /tmp/mcr-packaging.XXXXXX)
failed=0

# Set while the install check owns the machine (see cleanup).
e_owned=
e_snap=$tmp/snap

result() {
	st=$1
	name=$2
	log=${3:-}
	case "$st" in
	PASS | SKIP) ;;
	FAIL)
		failed=1
		[ -z "$log" ] || echo "packaging.sh: FAIL $name: see $log" >&2
		;;
	*)
		echo "packaging.sh: bad status '$st' for '$name'" >&2
		st=FAIL
		failed=1
		;;
	esac
	echo "$st $name"
}

skip() {
	echo "SKIP $1 ($2)"
}

# note LOG TEXT...: a line in LOG.
note() {
	l=$1
	shift
	echo "== $*" >>"$l"
}

# first_file PATH...: the first PATH that is a file (a glob that matched).
first_file() {
	for f in "$@"; do
		if [ -f "$f" ]; then
			echo "$f"
			break
		fi
	done
}

# pkg_known PKG: dpkg knows PKG in any state but "not installed".
pkg_known() {
	s=$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null || true)
	[ -n "$s" ] && [ "$s" != "un " ]
}

# --- the install check's undo, also run on exit ----------------------------

# lib_modules_list: what dkms and depmod may add under /lib/modules (all
# but the kernels' own kernel/ trees).
lib_modules_list() {
	find /lib/modules -mindepth 1 -path '/lib/modules/*/kernel' -prune -o -print 2>/dev/null | sort
}

snapshot_machine() {
	mkdir -p "$e_snap/modules"
	lib_modules_list >"$e_snap/lib-modules.list"
	for f in /lib/modules/*/modules.*; do
		[ -f "$f" ] || continue
		k=$(basename "$(dirname "$f")")
		mkdir -p "$e_snap/modules/$k"
		cp -a "$f" "$e_snap/modules/$k/"
	done
	: >"$e_snap/mok-new"
	for f in /var/lib/dkms/mok.key /var/lib/dkms/mok.pub; do
		[ -e "$f" ] || echo "$f" >>"$e_snap/mok-new"
	done
}

# restore_machine LOG: purge what is left of the packages, then put
# /lib/modules and the DKMS signing key back as snapshot_machine found them.
restore_machine() {
	l=$1
	[ -n "$e_owned" ] || return 0
	note "$l" "restoring the machine"
	for p in "$name_pkg" "$name_pkg-dkms" "$name_pkg-madcapd"; do
		if pkg_known "$p"; then
			dpkg --purge "$p" </dev/null >>"$l" 2>&1 || echo "dpkg --purge $p failed" >>"$l"
		fi
	done
	if [ -n "$(dkms status -m "$name_pkg" 2>/dev/null)" ]; then
		dkms remove "$name_pkg/$version" --all >>"$l" 2>&1 || true
	fi
	rm -rf "/usr/src/$name_pkg-$version" /var/lib/dkms/"$name_pkg"
	# New paths under /lib/modules, deepest first; changed depmod files back.
	lib_modules_list | comm -13 "$e_snap/lib-modules.list" - | sort -r |
		while IFS= read -r p; do
			echo "removing $p" >>"$l"
			rm -rf "$p"
		done
	for d in "$e_snap"/modules/*; do
		[ -d "$d" ] || continue
		k=$(basename "$d")
		for f in "$d"/*; do
			t=/lib/modules/$k/$(basename "$f")
			if ! cmp -s "$f" "$t"; then
				echo "restoring $t" >>"$l"
				cp -a "$f" "$t"
			fi
		done
	done
	while IFS= read -r f; do
		if [ -e "$f" ]; then
			echo "removing $f (created by this run)" >>"$l"
			rm -f "$f"
		fi
	done <"$e_snap/mok-new"
	e_owned=
}

# shellcheck disable=SC2317 # invoked by the trap
cleanup() {
	restore_machine "$logs/install-purge.log" || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- (a) version -----------------------------------------------------------

version=$(cat "$root/VERSION" 2>/dev/null || true)

check_version() {
	name="packaging: version agrees (VERSION, dkms.conf, debian/changelog)"
	log=$logs/version.log
	: >"$log"
	conf=$(sed -n 's/^PACKAGE_VERSION="\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' \
		"$root/dkms.conf" 2>>"$log" || true)
	deb=$(dpkg-parsechangelog -l "$root/debian/changelog" -S Version 2>>"$log" || true)
	# The upstream part: no epoch, no Debian revision.
	deb_up=${deb#*:}
	deb_up=${deb_up%-*}
	{
		echo "VERSION:          '$version'"
		echo "dkms.conf:        '$conf'"
		echo "debian/changelog: '$deb' (upstream part '$deb_up')"
	} >>"$log"
	if [ -n "$version" ] && [ "$conf" = "$version" ] && [ "$deb_up" = "$version" ]; then
		result PASS "$name" "$log"
	else
		result FAIL "$name" "$log"
	fi
}

# --- (b) dkms build per header package -------------------------------------

# headers SERIES: the installed /usr/src/linux-headers-SERIES.*-amd64 (not
# -cloud- or -rt-), oldest first.
headers() {
	for d in /usr/src/linux-headers-"$1".*-amd64; do
		case "$d" in
		*-cloud-* | *-rt-* | *'*'*) ;;
		*) [ ! -f "$d/Makefile" ] || echo "$d" ;;
		esac
	done | sort -V
}

dkms_tree_ready=
dkms_opts=()

# dkms_prepare LOG: the DKMS source tree (mk/packaging.mk's dkms-source, as
# make dkms-install and the package install it) added to a temporary tree.
dkms_prepare() {
	l=$1
	[ -z "$dkms_tree_ready" ] || return "$dkms_tree_ready"
	dkms_tree_ready=1
	dkms_opts=(--dkmstree "$tmp/dkms" --sourcetree "$tmp/src" --installtree "$tmp/inst")
	mkdir -p "$tmp/dkms" "$tmp/src" "$tmp/inst"
	note "$l" "DKMS source tree in $tmp/src/$name_pkg-$version"
	make -s -C "$root" -f mk/packaging.mk dkms-source \
		DKMS_SOURCE_DIR="$tmp/src/$name_pkg-$version" >>"$l" 2>&1 || return 1
	(cd "$tmp/src" && find . -type f | sort) >>"$l"
	dkms add -m "$name_pkg" -v "$version" "${dkms_opts[@]}" >>"$l" 2>&1 || return 1
	dkms_tree_ready=0
}

dkms_build_against() {
	hdr=$1
	rel=$(cat "$hdr/include/config/kernel.release" 2>/dev/null || true)
	[ -n "$rel" ] || rel=${hdr#/usr/src/linux-headers-}
	name="packaging: dkms build against $(basename "$hdr")"
	log=$logs/dkms-build-$(basename "$hdr").log
	: >"$log"
	if ! dkms_prepare "$log"; then
		result FAIL "$name" "$log"
		return 0
	fi
	note "$log" "dkms build -k $rel --kernelsourcedir $hdr"
	rc=0
	# A temporary signing key: Debian's kernels sign modules, and DKMS
	# would otherwise create /var/lib/dkms/mok.key.
	mok_signing_key=$tmp/mok.key mok_certificate=$tmp/mok.pub \
		timeout -k 10 "$build_timeout" \
		dkms build -m "$name_pkg" -v "$version" -k "$rel" \
		--kernelsourcedir "$hdr" "${dkms_opts[@]}" >>"$log" 2>&1 || rc=$?
	st=$(dkms status -m "$name_pkg" -v "$version" -k "$rel" "${dkms_opts[@]}" 2>>"$log" || true)
	note "$log" "exit status $rc; dkms status: $st"
	ko=$(find "$tmp/dkms/$name_pkg/$version/$rel" -name 'mcast_router.ko*' 2>/dev/null | head -n 1)
	if [ "$rc" -eq 0 ] && [ -n "$ko" ] && echo "$st" | grep -q ': built'; then
		modinfo "$ko" | grep -E '^(vermagic|signer):' >>"$log" 2>&1 || true
		result PASS "$name" "$log"
	else
		cat "$tmp/dkms/$name_pkg/$version/build/make.log" >>"$log" 2>/dev/null || true
		result FAIL "$name" "$log"
	fi
}

# Kernels the package's own install built and installed the module for
# (check_install_purge): no second build is needed for them.
declare -A built_by_install=()

check_dkms_builds() {
	for series in 6.1 6.12; do
		mapfile -t hdrs < <(headers "$series")
		if [ ${#hdrs[@]} -eq 0 ]; then
			skip "packaging: dkms build against linux-headers-$series" \
				"no /usr/src/linux-headers-$series.*-amd64"
			continue
		fi
		for h in "${hdrs[@]}"; do
			k=${h#/usr/src/linux-headers-}
			if [ -n "${built_by_install[$k]:-}" ]; then
				result PASS "packaging: dkms build against $(basename "$h")" \
					"$logs/install-purge.log"
			else
				dkms_build_against "$h"
			fi
		done
	done
}

# --- (c) make deb, (d) lintian -----------------------------------------------

debdir=$out/deb
deb_main=
deb_dkms=
deb_madcapd=
changes=

check_make_deb() {
	name="packaging: make deb builds mcast-router, -madcapd and -dkms"
	log=$logs/make-deb.log
	: >"$log"
	rm -rf "$debdir"
	mkdir -p "$debdir"
	rc=0
	# nocheck: the tools' unit tests are host checks of their own.
	DEB_BUILD_OPTIONS=nocheck timeout -k 10 "$build_timeout" \
		make -C "$root" deb DEB_BUILD_DIR="$tmp/deb" \
		</dev/null >>"$log" 2>&1 || rc=$?
	note "$log" "exit status $rc"
	for f in "$tmp"/deb/*.deb "$tmp"/deb/*.changes "$tmp"/deb/*.buildinfo; do
		[ ! -f "$f" ] || cp "$f" "$debdir/"
	done
	deb_main=$(first_file "$debdir/${name_pkg}_${version}"_*.deb)
	deb_dkms=$(first_file "$debdir/${name_pkg}-dkms_${version}_all.deb")
	deb_madcapd=$(first_file "$debdir/${name_pkg}-madcapd_${version}"_*.deb)
	changes=$(first_file "$debdir/${name_pkg}_${version}"_*.changes)
	ok=1
	[ "$rc" -eq 0 ] && [ -n "$deb_main" ] && [ -n "$deb_dkms" ] &&
		[ -n "$deb_madcapd" ] && [ -n "$changes" ] || ok=
	if [ -n "$ok" ]; then
		for d in "$deb_main" "$deb_dkms" "$deb_madcapd"; do
			note "$log" "contents of $(basename "$d")"
			dpkg-deb -c "$d" | awk '{ print $6 }' >>"$log"
		done
		# The DKMS package carries the source tree and dkms.conf.
		list=$(dpkg-deb -c "$deb_dkms" | awk '{ print $6 }')
		for f in dkms.conf VERSION Kbuild kmod/Kbuild uapi/linux/mcast_router.h; do
			if ! echo "$list" | grep -qx "\./usr/src/$name_pkg-$version/$f"; then
				note "$log" "$(basename "$deb_dkms") lacks /usr/src/$name_pkg-$version/$f"
				ok=
			fi
		done
	fi
	if [ -n "$ok" ]; then
		result PASS "$name" "$log"
	else
		deb_main=
		deb_dkms=
		result FAIL "$name" "$log"
	fi
}

check_lintian() {
	name="packaging: lintian clean (--fail-on error,warning)"
	log=$logs/lintian.log
	if [ -z "$changes" ] || [ -z "$deb_main" ]; then
		skip "$name" "make deb failed"
		return 0
	fi
	rc=0
	lintian --fail-on error,warning --info --display-info --show-overrides \
		"$changes" >"$log" 2>&1 || rc=$?
	note "$log" "exit status $rc"
	if [ "$rc" -eq 0 ]; then
		result PASS "$name" "$log"
	else
		result FAIL "$name" "$log"
	fi
}

# --- (e) install and purge -------------------------------------------------

# expect LOG TEXT CMD...: run CMD, note TEXT with ok/MISSING; 1 if it failed.
expect() {
	l=$1
	t=$2
	shift 2
	if "$@" >>"$l" 2>&1; then
		echo "ok: $t" >>"$l"
	else
		echo "MISSING: $t" >>"$l"
		return 1
	fi
}

check_install_purge() {
	name="packaging: packages install and purge cleanly"
	log=$logs/install-purge.log
	if [ -z "$deb_main" ] || [ -z "$deb_dkms" ]; then
		skip "$name" "make deb failed"
		return 0
	fi
	for p in "$name_pkg" "$name_pkg-dkms" "$name_pkg-madcapd"; do
		if pkg_known "$p"; then
			skip "$name" "$p is already on this machine"
			return 0
		fi
	done
	if compgen -G "/usr/src/$name_pkg-*" >/dev/null ||
		[ -n "$(dkms status -m "$name_pkg" 2>/dev/null)" ]; then
		skip "$name" "a DKMS $name_pkg is already on this machine"
		return 0
	fi
	: >"$log"
	snapshot_machine
	e_owned=1
	ok=1
	kernel=$(uname -r)
	unit=mcast-router.service
	wants=/etc/systemd/system/multi-user.target.wants/$unit

	note "$log" "dpkg -i (running kernel $kernel)"
	if ! dpkg -i "$deb_dkms" "$deb_main" "$deb_madcapd" </dev/null >>"$log" 2>&1; then
		note "$log" "dpkg -i failed"
		ok=
	fi
	if [ -n "$ok" ]; then
		note "$log" "installed files"
		for p in "$name_pkg" "$name_pkg-dkms" "$name_pkg-madcapd"; do
			expect "$log" "$p installed" sh -c \
				"dpkg-query -W -f='\${Status}\n' '$p' | grep -qx 'install ok installed'" || ok=
		done
		expect "$log" "/usr/sbin/mcastctl" test -x /usr/sbin/mcastctl || ok=
		expect "$log" "mcastctl's libraries" sh -c \
			"! ldd /usr/sbin/mcastctl | grep 'not found'" || ok=
		expect "$log" "man page" test -f /usr/share/man/man8/mcastctl.8.gz || ok=
		expect "$log" "bash completion" test -f /usr/share/bash-completion/completions/mcastctl || ok=
		expect "$log" "udev rule" test -f /lib/udev/rules.d/80-mcast-router.rules || ok=
		expect "$log" "unit" test -f "/lib/systemd/system/$unit" || ok=
		expect "$log" "unit enabled" test -L "$wants" || ok=
		expect "$log" "systemd-analyze verify" \
			systemd-analyze verify --man=no "/lib/systemd/system/$unit" || ok=
		expect "$log" "/usr/sbin/madcapd" test -x /usr/sbin/madcapd || ok=
		expect "$log" "madcapd's libraries" sh -c \
			"! ldd /usr/sbin/madcapd | grep 'not found'" || ok=
		expect "$log" "madcapd man page" test -f /usr/share/man/man8/madcapd.8.gz || ok=
		expect "$log" "madcapd unit enabled" \
			test -L /etc/systemd/system/multi-user.target.wants/madcapd.service || ok=
		expect "$log" "systemd-analyze verify madcapd.service" \
			systemd-analyze verify --man=no /lib/systemd/system/madcapd.service || ok=
		expect "$log" "conffile" test -f /etc/mcast_router/mcast_router.conf || ok=
		expect "$log" "conffile registered" sh -c \
			"dpkg-query -W -f='\${Conffiles}\n' '$name_pkg' | grep -q ' /etc/mcast_router/mcast_router.conf '" || ok=
		expect "$log" "DKMS source" test -f "/usr/src/$name_pkg-$version/dkms.conf" || ok=
		dstat=$(dkms status -m "$name_pkg" -v "$version" 2>>"$log" || true)
		note "$log" "dkms status: $dstat"
		expect "$log" "DKMS entry added" test -n "$dstat" || ok=
		# Where DKMS says installed, the module is there.
		for k in $(echo "$dstat" | sed -n 's/^[^,]*, \([^,]*\), [^:]*: installed.*/\1/p'); do
			if expect "$log" "mcast_router.ko for $k" sh -c \
				"ls /lib/modules/'$k'/updates/dkms/mcast_router.ko*"; then
				built_by_install[$k]=1
			else
				ok=
			fi
		done
		# The running kernel with its headers gets the module.
		if [ -e "/lib/modules/$kernel/build/include" ]; then
			expect "$log" "installed for the running kernel $kernel" sh -c \
				"dkms status -m '$name_pkg' -v '$version' -k '$kernel' | grep -q ': installed'" || ok=
		else
			note "$log" "no headers for the running kernel $kernel: its build was skipped"
		fi
	fi

	note "$log" "dpkg --purge"
	if ! dpkg --purge "$name_pkg" "$name_pkg-madcapd" "$name_pkg-dkms" </dev/null >>"$log" 2>&1; then
		note "$log" "dpkg --purge failed"
		ok=
	fi
	note "$log" "after purge"
	for p in "$name_pkg" "$name_pkg-dkms" "$name_pkg-madcapd"; do
		expect "$log" "$p gone" sh -c "! dpkg-query -W -f='\${db:Status-Abbrev}' '$p' 2>/dev/null | grep -qv '^un'" || ok=
	done
	expect "$log" "no DKMS entry" sh -c "[ -z \"\$(dkms status -m '$name_pkg')\" ]" || ok=
	expect "$log" "no /usr/src/$name_pkg-$version" test ! -e "/usr/src/$name_pkg-$version" || ok=
	expect "$log" "no /var/lib/dkms/$name_pkg" test ! -e "/var/lib/dkms/$name_pkg" || ok=
	expect "$log" "no module under /lib/modules" sh -c \
		"! ls /lib/modules/*/updates/dkms/mcast_router.ko* 2>/dev/null" || ok=
	expect "$log" "no /etc/mcast_router" test ! -e /etc/mcast_router || ok=
	expect "$log" "unit not enabled" test ! -e "$wants" || ok=
	expect "$log" "no /usr/sbin/mcastctl" test ! -e /usr/sbin/mcastctl || ok=
	expect "$log" "no /usr/sbin/madcapd" test ! -e /usr/sbin/madcapd || ok=
	expect "$log" "madcapd unit not enabled" \
		test ! -e /etc/systemd/system/multi-user.target.wants/madcapd.service || ok=

	restore_machine "$log"
	if [ -n "$ok" ]; then
		result PASS "$name" "$log"
	else
		result FAIL "$name" "$log"
	fi
}

if [ "$(id -u)" != 0 ]; then
	check_version
	for n in "dkms build" "make deb builds mcast-router, -madcapd and -dkms" \
		"lintian clean (--fail-on error,warning)" "packages install and purge cleanly"; do
		skip "packaging: $n" "not root"
	done
	exit "$failed"
fi

check_version
if [ -z "$version" ]; then
	for n in "dkms build" "make deb builds mcast-router, -madcapd and -dkms" \
		"lintian clean (--fail-on error,warning)" "packages install and purge cleanly"; do
		skip "packaging: $n" "no VERSION"
	done
	exit "$failed"
fi
# The install first: where dpkg's DKMS run built the module for a kernel,
# the separate build for it is not repeated (each costs a minute or so).
check_make_deb
check_lintian
check_install_purge
check_dkms_builds
exit "$failed"
