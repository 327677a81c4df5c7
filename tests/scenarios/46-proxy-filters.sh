#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# IGMP/MLD proxy, IPv4 and IPv6 (proxy-lib.sh): source filters of two
# downstream interfaces are merged as RFC 4605 4.1 says and the ISP's
# router learns the merge (two INCLUDE lists; INCLUDE with EXCLUDE); a
# downstream source reaches a listener on the upstream side, which has
# announced nothing; an administratively scoped group stays inside the
# upstream's boundary (neither its traffic nor its membership leaks); a
# second upstream is refused with a clear error.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"
# shellcheck source=proxy-lib.sh
. "$(dirname "$0")/proxy-lib.sh"

# up0_boundary: datagrams up0's boundaries stopped.
up0_boundary() {
	P mcastctl -s -j interface show up0 | jq -r '.[0].stats["boundary-drops"]'
}

# memb_rows DEV GROUP: pr's membership of GROUP on DEV, "group filter ".
memb_rows() {
	P mcastctl -j group show dev "$1" group "$2" | _px_rows
}

dmesg_mark
px_topo
err=$(P mcastctl interface set d2 mode proxy 2>&1) &&
	fail "a second upstream was accepted"
echo "$err" | grep -q "up0 is already the proxy upstream" ||
	fail "second upstream: unexpected error: $err"
echo "ok: a second upstream is refused: $err"
check_eq router "$(P mcastctl -j interface show d2 | jq -r '.[0].mode')" \
	"the refused change changed nothing"

for fam in 4 6; do
	px_family $fam
	# Two INCLUDE lists: their union.
	memb_join h1 e0 $GS include $S1
	inc1=$memb_pid
	memb_join h2 e0 $GS include $S2
	inc2=$memb_pid
	want=$(printf '%s\n%s\n' "$S1" "$S2" | sort | paste -sd,)
	wait_eq 20 "IPv$fam: INCLUDE($S1) + INCLUDE($S2) upstream" \
		"$GS include $want" px_proxy $GS
	wait_eq 20 "IPv$fam: isp to learn INCLUDE($want)" "$GS include $want" \
		px_isp $GS
	# INCLUDE({S1}) with EXCLUDE({S1, S3}): EXCLUDE({S3}).
	memb_leave "$inc2"
	memb_join h2 e0 $GS exclude $S1 $S3
	exc2=$memb_pid
	wait_eq 20 "IPv$fam: INCLUDE($S1) + EXCLUDE($S1,$S3) upstream" \
		"$GS exclude $S3" px_proxy $GS
	wait_eq 20 "IPv$fam: isp to learn EXCLUDE($S3)" "$GS exclude $S3" \
		px_isp $GS
	memb_leave "$inc1"
	memb_leave "$exc2"
	wait_eq 20 "IPv$fam: $GS to leave upstream" "" px_proxy $GS

	# A downstream source, a listener on the WAN that nobody reported.
	memb_join ul u0 $GU
	px_count_add ul u0 $fam $H1 $GU
	px_ping h1 e0 $fam 5 $GU
	check_eq 5 "$(px_count ul $H1 $GU)" "IPv$fam: h1's stream reached the WAN listener"
	memb_leave "$memb_pid"

	# The scoped group: a boundary on the upstream.
	if [ $fam = 4 ]; then b=239.255.0.0/16; else b=ff05::/16; fi
	P mcastctl interface set up0 boundary $b
	memb_join ul u0 $GX
	px_count_add ul u0 $fam $H1 $GX
	memb_join h2 e0 $GX
	scoped=$memb_pid
	wait_eq 20 "IPv$fam: d2 to learn $GX" "$GX exclude " memb_rows d2 $GX
	stop0=$(up0_boundary)
	px_ping h1 e0 $fam 5 $GX
	check_eq 0 "$(px_count ul $H1 $GX)" "IPv$fam: nothing of $GX crossed the boundary"
	wait_ge 10 "IPv$fam: the boundary drops counted on up0" $((stop0 + 5)) \
		up0_boundary
	check_eq "" "$(px_proxy $GX)" "IPv$fam: $GX not reported upstream"
	memb_leave "$scoped"
	P mcastctl interface set up0 boundary none
done
dmesg_check_clean
