#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# 42-memb-querier.sh's queries on the wire, checked on the test host after
# the run (tests/vm/run.sh): IGMPv3 / MLDv2 general queries with TTL / hop
# limit 1 and Router Alert to the all-hosts group, then IGMPv2 and MLDv1
# ones after the version change, none malformed and no bad checksum.
#
#   42-memb-querier.sh DIR    DIR: the captures the scenario kept (q.pcap)

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Two tshark passes: the expert findings, then one line per query with
# the fields checked below.
pcap=$cap/q.pcap
queries='(igmp.type == 0x11 && ip.src in {10.9.0.1, 10.9.0.2}) || (icmpv6.type == 130 && ipv6.src in {fe80::1, fe80::2})'
check_eq 0 "$(tshark_count "$pcap" "($queries) && (_ws.malformed || _ws.expert.severity >= 0x800000)")" \
	"queries malformed or with bad checksums"
tshark -n -r "$pcap" -Y "$queries" -T fields -E separator='|' -E occurrence=f \
	-e igmp.type -e icmpv6.type -e ip.src -e ipv6.src -e ip.dst -e ip.ttl \
	-e ipv6.hlim -e ip.opt.ra -e ipv6.opt.router_alert -e igmp.version \
	-e igmp.qrv -e icmpv6.mld.flag.qrv -e frame.len \
	>"$cap/q.txt" 2>"$cap/tshark.err" || fail "tshark: $(cat "$cap/tshark.err")"
# qcount AWK-CONDITION: queries whose fields satisfy it ($1 igmp.type, $2
# icmpv6.type, $3 ip.src, $4 ipv6.src, $5 ip.dst, $6 ip.ttl, $7 ipv6.hlim,
# $8 Router Alert (IPv4), $9 Router Alert (IPv6), $10 igmp.version,
# $11 igmp.qrv, $12 MLDv2 QRV, $13 frame length).
qcount() {
	awk -F'|' "$1 { n++ } END { print n + 0 }" "$cap/q.txt"
}
total=$(qcount 1)
echo "captured $total queries"
[ "$total" -ge 8 ] || fail "expected at least 8 queries on the wire, got $total"
check_eq 0 "$(qcount '$1 != "" && $6 != 1')" "IGMP queries with TTL != 1"
check_eq 0 "$(qcount '$2 != "" && $7 != 1')" "MLD queries with hop limit != 1"
check_eq 0 "$(qcount '$1 != "" && $8 == ""')" "IGMP queries without Router Alert"
check_eq 0 "$(qcount '$2 != "" && $9 == ""')" "MLD queries without Router Alert"
check_eq 0 "$(qcount '$1 != "" && $5 != "224.0.0.1"')" "general queries to 224.0.0.1"
v3=$(qcount '$10 == 3 && $11 == 2')
v2=$(qcount '$10 == 2 && $3 == "10.9.0.2"')
m2=$(qcount '$12 == 2')
m1=$(qcount '$2 != "" && $13 < 90 && $4 == "fe80::2"')
echo "IGMPv3 $v3, IGMPv2 $v2, MLDv2 $m2, MLDv1 $m1"
[ "$v3" -gt 0 ] && [ "$v2" -gt 0 ] && [ "$m2" -gt 0 ] && [ "$m1" -gt 0 ] ||
	fail "expected IGMPv3, IGMPv2, MLDv2 and MLDv1 queries"
