#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 45-proxy-upstream.sh's captures, checked on the test host after the run
# (tests/vm/run.sh): on the WAN, pr's IGMPv3/MLDv2 reports, none malformed,
# and no IGMP/MLD message of the hosts; on the LAN, none of the ISP's.
#
#   45-proxy-upstream.sh DIR    DIR: the captures the scenario kept
#                               (wan.pcap, lan.pcap)

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Three tshark passes: the WAN's expert findings, then the sources of the
# IGMP/MLD messages on each side.
memb='(igmp || icmpv6.type in {130, 131, 132, 143})'
check_eq 0 "$(tshark_count "$cap/wan.pcap" "$memb && (_ws.malformed || _ws.expert.severity >= 0x800000)")" \
	"IGMP/MLD messages on the WAN malformed or with bad checksums"
# senders PCAP: "igmp.type icmpv6.type ip.src ipv6.src", one message a line.
senders() {
	tshark -n -r "$cap/$1" -Y "$memb" -T fields -E separator=' ' \
		-E occurrence=f -e igmp.type -e icmpv6.type -e ip.src -e ipv6.src \
		2>"$cap/tshark.err" || fail "tshark: $(cat "$cap/tshark.err")"
}
senders wan.pcap >"$cap/wan.txt"
senders lan.pcap >"$cap/lan.txt"
# The fields are space separated, so an empty one shifts the rest: IGMP
# lines read "TYPE IP-SRC", MLD lines "TYPE IPV6-SRC".
v3=$(awk '$1 == "0x22" && $2 == "10.0.0.2"' "$cap/wan.txt" | wc -l)
m2=$(awk '$1 == "143" && $2 == "fe80::2"' "$cap/wan.txt" | wc -l)
echo "pr's reports on the WAN: IGMPv3 $v3, MLDv2 $m2"
[ "$v3" -gt 0 ] && [ "$m2" -gt 0 ] || fail "expected pr's IGMPv3 and MLDv2 reports on the WAN"
check_eq "" "$(awk '$2 ~ /^(10\.1\.[12]\.2|fe80::1[12]|fd01:[12]::2)$/' "$cap/wan.txt")" \
	"hosts' IGMP/MLD messages forwarded to the WAN"
check_eq "" "$(awk '$2 ~ /^(10\.0\.0\.[13]|fe80::[13]|fd00::[13])$/' "$cap/lan.txt")" \
	"the WAN's IGMP/MLD messages forwarded to the LAN"
