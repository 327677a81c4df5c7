#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# IGMP/MLD proxy, IPv4 and IPv6, in the seeds' picture (proxy-lib.sh): a
# host's join is reported on the upstream by pr's own host stack and the
# ISP's router learns it from pr; pr answers the ISP's general queries; a
# leave goes upstream after the downstream last member query time (monitor
# events, stamped). tshark on the WAN (on the test host after the run:
# on-host/45-proxy-upstream.sh): pr's IGMPv3/MLDv2 reports, none
# malformed, and no IGMP/MLD message of the hosts; on the LAN, none of the
# ISP's queries.
#
# The ISP's router runs "query-interval 5s query-response-interval 1s" and
# derives its startup values (issue 12: with a fixed 31.25 s startup query
# interval it forgot pr's report 11 s after learning it). Its interface
# shows the derived values; an explicit startup-query-interval of 31.25s is
# refused naming the values; both families' streams, running at once,
# reach h1 without a gap while the ISP keeps the group for three group
# membership intervals (33 s).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=memb-lib.sh
. "$(dirname "$0")/memb-lib.sh"
# shellcheck source=proxy-lib.sh
. "$(dirname "$0")/proxy-lib.sh"

dmesg_mark
PX_WAN="query-interval 5s query-response-interval 1s"
px_topo
cap=$(mktemp -d)
cleanup_add "rm -rf $cap"
# -Z root: tcpdump would drop to a user that cannot write into $cap.
ip netns exec ul tcpdump -Z root -i u0 -n -U -w "$cap/wan.pcap" \
	'igmp or ip6' >"$cap/wan.log" 2>&1 &
wan_pid=$!
cleanup_add "kill $wan_pid 2>/dev/null"
ip netns exec h2 tcpdump -Z root -i e0 -n -U -w "$cap/lan.pcap" \
	'igmp or ip6' >"$cap/lan.log" 2>&1 &
lan_pid=$!
cleanup_add "kill $lan_pid 2>/dev/null"
mon=$cap/monitor
memb_monitor_start pr "$mon"

# isp's startup values follow its query interval and robustness.
check_eq '1250 2 2 ["last-member-query-count","startup-query-interval","startup-query-count"]' \
	"$(I mcastctl -j interface show w0 | jq -rc '.[0] |
		"\(.["startup-query-interval"]) \(.["startup-query-count"]) \(.["last-member-query-count"]) \(.derived)"')" \
	"isp's derived startup-query-interval, counts and derived list"
I mcastctl interface show w0 | grep -q 'startup-query-interval 1.25s (auto) startup-query-count 2 (auto)' ||
	fail "isp's text show does not mark the derived values: $(I mcastctl interface show w0)"
before=$(I mcastctl -j interface show w0)
err=$(I mcastctl interface set w0 startup-query-interval 31.25s 2>&1) &&
	fail "a startup-query-interval longer than the membership interval was accepted"
echo "refused: $err"
case $err in
*"startup-query-interval 31250ms >= group membership interval 11000ms"*) ;;
*) fail "the refusal does not name the values: $err" ;;
esac
check_eq "$before" "$(I mcastctl -j interface show w0)" "the refused set changed nothing"

# outlived GROUP MS: isp still has GROUP, learnt at least MS ago. Fails at
# once if isp forgot it: then pr did not answer a query in time.
outlived() {
	_age=$(I mcastctl -j group show dev w0 group "$1" | jq -r '.[0].age // empty')
	[ -n "$_age" ] || fail "isp forgot $1: pr did not answer its queries"
	[ "$_age" -ge "$2" ]
}

# joiners: the PIDs of h1's joiners, IPv4 then IPv6.
joiners=
for fam in 4 6; do
	px_family $fam
	px_count_add h1 e0 $fam $S $GA
	memb_join h1 e0 $GA
	joiners="$joiners $memb_pid"
done
for fam in 4 6; do
	px_family $fam
	wait_eq 20 "IPv$fam: pr to report $GA upstream" "$GA exclude " \
		px_proxy $GA
	wait_eq 20 "IPv$fam: isp to learn $GA on w0" "$GA exclude " px_isp $GA
	check_eq $PR "$(I mcastctl -j group show dev w0 group $GA | jq -r '.[0].reporter')" \
		"IPv$fam: isp learnt $GA from pr"
done

# Both streams at once, 180 datagrams 0.2 s apart (36 s), while isp keeps
# the group for three membership intervals (3 x 11 s).
pings=
for fam in 4 6; do
	px_family $fam
	ip netns exec src timeout 90 ping -$fam -n -q -t 8 -c 180 -i 0.2 \
		-W 1 -I s0 $GA >/dev/null 2>&1 &
	pings="$pings $!"
done
cleanup_add "kill $pings 2>/dev/null"
for fam in 4 6; do
	px_family $fam
	wait_for 60 "IPv$fam: isp to keep $GA for three membership intervals" \
		outlived $GA 33000
	echo "ok: IPv$fam: pr answered isp's queries for $GA"
done
# shellcheck disable=SC2086 # a list of PIDs
wait $pings || true
for fam in 4 6; do
	px_family $fam
	check_eq 180 "$(px_count h1 $S $GA)" \
		"IPv$fam: datagrams of the stream that reached h1 through isp and pr"
done

for fam in 4 6; do
	px_family $fam
	n=$(wc -l <"$mon")
	t0=$(memb_now)
	# shellcheck disable=SC2086 # the first of the list
	set -- $joiners
	joiners=${joiners#* "$1"}
	memb_leave "$1"
	memb_wait_event "$mon" "$n" proxy-leave up0 "$GA"
	lat=$(memb_diff "$memb_at" "$t0")
	echo "IPv$fam: leave reported upstream after $lat s"
	memb_between "$lat" 1.5 5 ||
		fail "IPv$fam: leave upstream after $lat s, expected the last member query time (2 s)"
	wait_eq 20 "IPv$fam: isp to forget $GA" "" px_isp $GA
	px_ping src s0 $fam 5 $GA
	check_eq 180 "$(px_count h1 $S $GA)" "IPv$fam: nothing reached h1 after the leave"
done

kill "$wan_pid" "$lan_pid"
wait "$wan_pid" "$lan_pid" 2>/dev/null || true
# Decoded on the host after the run (on-host/45-proxy-upstream.sh): a
# tshark start costs 15-30 s in the debug guest.
capture_keep "$cap/wan.pcap" "$cap/lan.pcap"
dmesg_check_clean
