#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Changes need CAP_NET_ADMIN over the namespace; reading does not.
#
#   +-------- ns r --------+     +-- user ns + ns (unprivileged) --+
#   |  d0 (dummy)          |     |  u0 (dummy)                     |
#   +----------------------+     +---------------------------------+
#
# An unprivileged user and root without CAP_NET_ADMIN get a clear
# permission error and change nothing; both can still read. A user who owns
# a user namespace administers the network namespaces it creates
# (GENL_UNS_ADMIN_PERM + netnsok).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

netns_add r
ip -n r link add d0 type dummy
ip -n r link add d1 type dummy
R() { ip netns exec r "$@"; }
R mcastctl interface set d0 mode router ttl-threshold 32
before=$(R mcastctl -j interface show)

nobody() { R setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all -- "$@"; }
nocap() { R setpriv --bounding-set=-net_admin --inh-caps=-net_admin -- "$@"; }

for who in nobody nocap; do
	for cmd in "interface set d0 mode off" "interface set d1 mode router" \
		   "interface del d0" "interface set d0 ttl-threshold 1"; do
		# shellcheck disable=SC2086 # cmd is a word list
		if err=$($who mcastctl $cmd 2>&1); then
			fail "$who: 'mcastctl $cmd' succeeded"
		fi
		echo "$who: mcastctl $cmd -> $err"
		echo "$err" | grep -q "Operation not permitted" ||
			fail "$who: unclear permission error '$err'"
	done
	check_eq "$before" "$(R mcastctl -j interface show)" "$who changed nothing"
	check_eq "$before" "$($who mcastctl -j interface show)" "$who can read"
done

# Owner of a user namespace: allowed inside the network namespace it made.
if ! unshare -U true 2>/dev/null; then
	skip "user namespaces unavailable in this kernel"
fi
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups -- \
	unshare -Urn sh -c 'ip link add u0 type dummy &&
		mcastctl interface set u0 mode router &&
		mcastctl -j interface show u0' 2>&1) ||
	fail "user namespace owner could not configure its own namespace: $out"
echo "$out"
echo "$out" | jq -e '.[0].ifname == "u0" and .[0].mode == "router"' >/dev/null ||
	fail "unexpected config in the user namespace: $out"
