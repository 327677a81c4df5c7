#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# MADCAP end to end on the host: madcapd (built with ASan and UBSan) in one
# network namespace, "mcastctl madcap" as its client in another, IPv4 and
# IPv6, and "mcastctl madcap" as its administrator over the control socket:
#
#   +----------------------+          veth          +----------------------+
#   | netns mcr-mdsrv-PID  |                        | netns mcr-mdcli-PID  |
#   |  madcapd             | mds0 ------------ mdc0 |  mcastctl madcap     |
#   |  10.253.0.1/24       |                        |  10.253.0.2/24       |
#   |  fd53::1/64          |                        |  fd53::2/64          |
#   +----------------------+                        +----------------------+
#      control socket OUT_DIR/run/madcapd.sock (pathname AF_UNIX: any netns)
#
#   tests/host/madcap.sh [OUT_DIR]
#
# Checks, each one result: the control socket (mode 0600, a non-root peer
# refused); scopes, exclusions; GETINFO, DISCOVER/OFFER/REQUEST/ACK over
# multicast and REQUEST over unicast, RENEW (same addresses), RELEASE, both
# families; exhaustion, exclusions, MIN-MAX counts, MIN above MAX (error
# 1); lease expiry and reuse only after EXTRA-ALLOCATION-TIME; inactive and
# expiring scopes; clock skew (error 2); unknown lease (error 3); a
# required unsupported feature (error 4); admin refusals that change
# nothing, through mcastctl and as raw malformed control requests;
# exclude del, scope del force, lease del; durability across kill -9
# during concurrent requests and releases; hostile datagrams (truncated,
# zero and overlong option lengths, 0xFFFF counts, huge lease ids, unknown
# types, a random and mutated flood): answered as RFC 2730 says, no crash
# or sanitizer report, still answering, drops counted.
#
# stdout: one line per check, "PASS name", "FAIL name: why" or "SKIP name
# (why)", nothing else. The story goes to OUT_DIR/madcap.log (default
# OUT_DIR: a new directory under /tmp), madcapd's output to
# OUT_DIR/madcapd.log. Needs root (network namespaces), python3, jq and
# setpriv; takes about 35 s (10 of them building madcapd). Exit status: 0
# unless a check failed.
#
# Environment: MADCAPD overrides the madcapd binary (default: an ASan/UBSan
# build of tools/madcapd made under OUT_DIR), MCASTCTL the mcastctl binary.

# The checks are functions run through check(), out of shellcheck's sight.
# shellcheck disable=SC2317
set -u
export LC_ALL=C

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$(mktemp -d /tmp/mcr-madcap.XXXXXX)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$out/madcap.log
: >"$log"

NS_S=mcr-mdsrv-$$
NS_C=mcr-mdcli-$$
S4=10.253.0.1
C4=10.253.0.2
S6=fd53::1
C6=fd53::2
# madcapd's IPv6 MADCAP group (tools/madcapd/server.h SERVER_V6_GROUP).
G6=ff15::2535
RUN=$out/run
SOCK=$RUN/madcapd.sock
DB=$out/state/madcapd.db
EXTRA=3			# --extra-time: EXTRA-ALLOCATION-TIME, seconds
SKEW=60			# --clock-skew: CLOCK-SKEW-ALLOWANCE, seconds
MC=${MCASTCTL:-$root/tools/mcastctl/mcastctl}
MADCAPD=${MADCAPD:-}
MADCAPD_PID=
failed=0
why_text=
started=$EPOCHREALTIME

# ---- results and logging ---------------------------------------------------

say() {
	echo "$*" >>"$log"
}

pass() {
	echo "PASS madcap e2e: $1"
	say "PASS $1"
}

fail() {
	echo "FAIL madcap e2e: $1${2:+: $2}"
	say "FAIL $1${2:+: $2}"
	failed=1
}

skip() {
	echo "SKIP madcap e2e: $1 ($2)"
	say "SKIP $1 ($2)"
}

# check NAME CMD...: PASS if CMD succeeds, else FAIL with the reason CMD
# gave to why(), if any (its output is logged).
check() {
	local name=$1
	shift
	say "--- $name: $*"
	why_text=
	if "$@" >>"$log" 2>&1; then
		pass "$name"
	else
		fail "$name" "${why_text:-see madcap.log}"
	fi
}

# Milliseconds since the epoch.
now_ms() {
	local t=${EPOCHREALTIME/./}
	echo $((t / 1000))
}

# wait_until WHAT SECONDS CMD...: poll CMD every 0.1 s until it succeeds,
# at most SECONDS; says in the log what it waited for and how long.
wait_until() {
	local what=$1 limit=$2 t0
	shift 2
	t0=$(now_ms)
	while ! "$@" >/dev/null 2>&1; do
		if (($(now_ms) - t0 > limit * 1000)); then
			say "gave up after ${limit}s waiting for $what"
			return 1
		fi
		sleep 0.1
	done
	say "waited $(($(now_ms) - t0)) ms for $what"
	return 0
}

# ---- the two namespaces and the programs -----------------------------------

# ctl [-j]... ARGS: mcastctl [-j]... madcap control SOCK ARGS.
ctl() {
	local opts=()
	while [[ ${1-} == -* ]]; do
		opts+=("$1")
		shift
	done
	"$MC" "${opts[@]}" madcap control "$SOCK" "$@"
}

cli() {
	ip netns exec "$NS_C" "$MC" "$@"
}

cleanup() {
	local pid
	if [[ $MADCAPD_PID ]]; then
		kill "$MADCAPD_PID" 2>/dev/null
		wait "$MADCAPD_PID" 2>/dev/null
	fi
	for pid in $(jobs -p); do
		kill "$pid" 2>/dev/null
	done
	ip netns del "$NS_S" 2>/dev/null
	ip netns del "$NS_C" 2>/dev/null
}
trap cleanup EXIT

setup_netns() {
	ip netns add "$NS_S" && ip netns add "$NS_C" &&
		ip -n "$NS_S" link add mds0 type veth peer name mdc0 netns "$NS_C" &&
		ip -n "$NS_S" link set lo up && ip -n "$NS_C" link set lo up &&
		ip -n "$NS_S" addr add "$S4/24" dev mds0 &&
		ip -n "$NS_C" addr add "$C4/24" dev mdc0 &&
		ip -n "$NS_S" addr add "$S6/64" dev mds0 nodad &&
		ip -n "$NS_C" addr add "$C6/64" dev mdc0 nodad &&
		ip -n "$NS_S" link set mds0 up && ip -n "$NS_C" link set mdc0 up &&
		ip -n "$NS_S" route add 224.0.0.0/4 dev mds0 &&
		ip -n "$NS_C" route add 224.0.0.0/4 dev mdc0
}

# The ASan/UBSan madcapd: a copy of tools/madcap and tools/madcapd built
# under OUT_DIR, so the tree's own objects are left alone.
build_madcapd() {
	local b=$out/build
	rm -rf "$b"
	mkdir -p "$b/tools"
	# The copies' objects are the tree's, built without sanitizers.
	cp -a "$root/tools/madcap" "$root/tools/madcapd" "$b/tools/" &&
		make -C "$b/tools/madcap" clean >/dev/null 2>&1 &&
		make -C "$b/tools/madcapd" clean >/dev/null 2>&1
	nice -n 10 make -C "$b/tools/madcapd" madcapd \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" >"$out/build.log" 2>&1 &&
		MADCAPD=$b/tools/madcapd/madcapd &&
		ldd "$MADCAPD" | grep -q libasan && ldd "$MADCAPD" | grep -q libubsan
}

madcapd_ready() {
	ctl scope show >/dev/null 2>&1
}

# Start madcapd in the server namespace on the same database; wait until
# its control socket answers.
start_madcapd() {
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ip netns exec "$NS_S" "$MADCAPD" --control "$SOCK" --db "$DB" \
		--extra-time "$EXTRA" --clock-skew "$SKEW" --offer-hold 60 \
		--interface mds0 \
		--foreground >>"$out/madcapd.log" 2>&1 &
	MADCAPD_PID=$!
	wait_until "madcapd's control socket" 15 madcapd_ready
}

madcapd_alive() {
	[[ $MADCAPD_PID ]] && kill -0 "$MADCAPD_PID" 2>/dev/null
}

# ---- JSON helpers ----------------------------------------------------------

# snapshot: madcapd's scopes and leases, to compare before and after.
snapshot() {
	ctl -j scope show && ctl -j lease show
}

# request_json ARGS...: mcastctl -j madcap request ARGS in the client netns
# into $got (stderr into $err); its exit status.
request_json() {
	local rc=0
	got=$(cli -j madcap request "$@" 2>"$out/err") || rc=$?
	err=$(<"$out/err")
	say "request $*: rc $rc: $got $err"
	return "$rc"
}

# refused ERRNO ARGS...: a request that must end in a NAK with error ERRNO.
refused() {
	local code=$1
	shift
	! request_json "$@" && [[ $err == "Error: server refused: "*" ($code)"* ]]
}

counter() {
	ctl -j stats | jq -r ".counters[\"$1\"]"
}

# ---- the checks --------------------------------------------------------------

# why TEXT: log why a check failed, for its FAIL line; fails.
why() {
	say "failed: $*"
	why_text=$*
	return 1
}

check_control() {
	local mode before after
	mode=$(stat -c %a "$SOCK")
	if [[ $mode == 600 ]]; then
		pass "control socket is mode 0600"
	else
		fail "control socket is mode 0600" "mode $mode"
	fi
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MC" madcap control "$SOCK" scope show >>"$log" 2>&1; then
		fail "a non-root peer cannot connect to the 0600 socket"
	else
		pass "a non-root peer cannot connect to the 0600 socket"
	fi
	# Opened to everyone, the daemon itself must refuse changes from a
	# peer that is not root (SO_PEERCRED).
	before=$(snapshot)
	chmod 0666 "$SOCK"
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$MC" madcap control "$SOCK" scope add Nobody \
		range 239.200.0.0-239.200.0.255 >>"$log" 2>&1; then
		fail "a non-root peer is refused changes"
	else
		after=$(snapshot)
		if [[ $before == "$after" ]]; then
			pass "a non-root peer is refused changes"
		else
			fail "a non-root peer is refused changes" "state changed"
		fi
	fi
	for cmd in "scope del Local" "exclude add Local 239.255.1.0-239.255.1.9" \
		"scope set Local ttl 1" "lease del 239.255.0.1"; do
		# shellcheck disable=SC2086 # the words of $cmd
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$MC" madcap control "$SOCK" $cmd >>"$log" 2>&1 && say "nobody: $cmd done!"
	done
	after=$(snapshot)
	if [[ $before == "$after" ]]; then
		pass "a non-root peer cannot delete, exclude, set"
	else
		fail "a non-root peer cannot delete, exclude, set" "state changed"
	fi
	chmod 0600 "$SOCK"
}

# Scopes in 239.0.0.0/8 keep their top 256 addresses (RFC 2365 relative
# addresses, the MADCAP address among them): each has 256 more than it
# allocates.
setup_scopes() {
	ctl scope add Local range 239.255.0.0-239.255.255.255 ttl 16 lease 1h &&
		ctl scope add Pool range 239.192.0.0-239.192.1.255 lease 1h &&
		ctl scope add Tiny range 239.193.0.0-239.193.1.255 lease 1h &&
		ctl exclude add Tiny 239.193.0.0-239.193.0.250 &&
		ctl scope add Exp range 239.194.0.0-239.194.1.255 lease 2s &&
		ctl exclude add Exp 239.194.0.1-239.194.0.255 &&
		ctl scope add Dur range 239.196.0.0-239.196.3.255 lease 1h &&
		ctl scope add Site6 range ff15::8000:0-ff15::8000:ffff lease 1h lang en
}

check_show() {
	local s
	s=$(ctl -j scope show Tiny) &&
		jq -e '.[0] | .name == "Tiny" and .first == "239.193.0.0" and
			.last == "239.193.1.255" and (.exclusions | length) == 1' \
			<<<"$s" >/dev/null
}

check_getinfo4() {
	local s
	s=$(cli -j madcap getinfo timeout 3) || return 1
	say "$s"
	jq -e '.server == "'"$S4"'" and
		([.scopes[].first] | index("239.255.0.0") != null) and
		([.scopes[].first] | index("239.192.0.0") != null)' <<<"$s"
}


check_getinfo4_unicast() {
	local s
	s=$(cli -j madcap getinfo server "$S4" timeout 3) || return 1
	say "$s"
	jq -e '[.scopes[] | select(.first == "239.192.0.0" and
		.last == "239.192.1.255")] | length == 1' <<<"$s"
}

check_getinfo6() {
	local s
	s=$(cli -j madcap getinfo server "$S6" timeout 3) || return 1
	say "$s"
	jq -e '[.scopes[].first] | index("ff15::8000:0") != null' <<<"$s" || return 1
	s=$(cli -j madcap getinfo group "$G6" dev mdc0 timeout 3) || return 1
	say "$s"
	jq -e '.server == "'"$S6"'" and ([.scopes[].first] |
		index("ff15::8000:0") != null)' <<<"$s"
}

# in_range ADDR FIRST LAST (IPv4): whether FIRST <= ADDR <= LAST.
ip4() {
	local IFS=.
	# shellcheck disable=SC2086 # split at the dots
	set -- $1
	echo $((($1 << 24) + ($2 << 16) + ($3 << 8) + $4))
}

in_range() {
	local a f l
	a=$(ip4 "$1")
	f=$(ip4 "$2")
	l=$(ip4 "$3")
	((f <= a && a <= l))
}

# lease_of ID: madcapd's lease ID as JSON (empty if it has none).
lease_of() {
	ctl -j lease show | jq -c ".[] | select(.id == \"$1\")"
}

# expand: a JSON array of addresses and FIRST-LAST ranges (as lease show
# lists them) on stdin; the addresses on stdout, a sorted JSON array, one
# entry per address (repeated if listed twice).
expand() {
	python3 -c '
import ipaddress, json, sys
out = []
for a in json.load(sys.stdin):
    first, _, last = a.partition("-")
    f = ipaddress.ip_address(first)
    n = int(ipaddress.ip_address(last or first)) - int(f)
    out += [str(f + i) for i in range(n + 1)]
print(json.dumps(sorted(out, key=ipaddress.ip_address), separators=(",", ":")))
'
}


check_request4_multicast() {
	local id a
	request_json scope Pool timeout 3 || return 1
	id=$(jq -r .id <<<"$got")
	[[ $id =~ ^[0-9a-f]{32}$ ]] || return 1
	jq -e '.server == "'"$S4"'" and .scope == "239.192.0.0" and
		(.addresses | length) == 1 and .end > .start' <<<"$got" || return 1
	a=$(jq -r '.addresses[0]' <<<"$got")
	in_range "$a" 239.192.0.0 239.192.0.255 || return 1
	[[ -f $MCASTCTL_MADCAP_DIR/$id.json ]] || return 1
	[[ $(lease_of "$id") ]]
}

check_request_renew_release() {
	local fam=$1 server=$2 scope=$3 id addrs end r
	request_json scope "$scope" server "$server" count 2-4 lease 10m \
		timeout 3 || return 1
	id=$(jq -r .id <<<"$got")
	addrs=$(jq -c .addresses <<<"$got" | expand)
	end=$(jq -r .end <<<"$got")
	# count 2-4 with plenty free: the desired four.
	[[ $(jq '.addresses | length' <<<"$got") == 4 ]] ||
		{ why "not 4 addresses"; return 1; }
	[[ $(jq -r .lease <<<"$got") == 600 ]] || { why "not 600 s"; return 1; }
	# renew: the server from the lease file, the same addresses.
	r=$(cli -j madcap renew "$id" lease 20m timeout 3) ||
		{ why "renew failed"; return 1; }
	say "renew $fam: $r"
	[[ $(jq -c .addresses <<<"$r" | expand) == "$addrs" ]] ||
		{ why "renewed to other addresses"; return 1; }
	(($(jq -r .end <<<"$r") > end)) ||
		{ why "the end did not move"; return 1; }
	r=$(lease_of "$id")
	say "lease show: $r"
	[[ $(jq -c .addresses <<<"$r" | expand) == "$addrs" ]] ||
		{ why "lease show has other addresses"; return 1; }
	cli madcap release "$id" timeout 3 || { why "release failed"; return 1; }
	[[ ! -e $MCASTCTL_MADCAP_DIR/$id.json ]] ||
		{ why "the lease file stayed"; return 1; }
	# Released: listed as such (its addresses wait the extra time), and
	# no longer renewable (error 3).
	(($(lease_of "$id" | jq -r '.released // 0') > 0)) ||
		{ why "lease show: not released"; return 1; }
	if cli madcap renew "$id" server "$server" timeout 3 2>"$out/err" ||
		! grep -q '(3)' "$out/err"; then
		why "renewing the released lease: $(<"$out/err")"
		return 1
	fi
}

check_request6_multicast() {
	local id
	request_json scope Site6 group "$G6" dev mdc0 timeout 3 || return 1
	id=$(jq -r .id <<<"$got")
	jq -e '.server == "'"$S6"'" and (.addresses | length) == 1 and
		(.addresses[0] | startswith("ff15::8000:"))' <<<"$got" || return 1
	cli madcap release "$id" timeout 3
}

# Tiny: 239.193.0.0-239.193.1.255, .0.0-.0.250 excluded, .1.0 on
# reserved: .0.251-.0.255 only. Take one address at a time until refused.
check_exclusions() {
	local n=0 a all=()
	while request_json scope Tiny server "$S4" timeout 3; do
		a=$(jq -r '.addresses[0]' <<<"$got")
		all+=("$a")
		in_range "$a" 239.193.0.251 239.193.0.255 || return 1
		((++n <= 5)) || return 1
	done
	say "Tiny granted: ${all[*]}"
	# Refused with error 0 once full; every address once.
	[[ $err == *"(0)"* ]] || return 1
	((n == 5)) && [[ $(printf '%s\n' "${all[@]}" | sort -u | wc -l) == 5 ]] ||
		return 1
	# scope show agrees: nothing free.
	[[ $(ctl -j scope show Tiny | jq '.[0].free') == 0 ]]
}

# Pool: MIN-MAX against what is free.
check_counts() {
	local free
	# More than a request may ever get.
	refused 0 scope Pool server "$S4" count 60000 timeout 3 || return 1
	# MIN above MAX is an invalid request.
	refused 1 scope Pool server "$S4" count 8-2 timeout 3 || return 1
	# min 1, desired 3: three when free.
	request_json scope Pool server "$S4" count 1-3 timeout 3 || return 1
	[[ $(jq '.addresses | length' <<<"$got") == 3 ]] || return 1
	free=$(ctl -j scope show Pool | jq '.[0].free')
	say "Pool free: $free"
	# All that is free as the minimum, one more desired: the free ones.
	request_json scope Pool server "$S4" count "$free-$((free + 1))" \
		timeout 3 || return 1
	[[ $(jq '.addresses | length' <<<"$got") == "$free" ]] || return 1
	# Nothing left: even one is refused.
	refused 0 scope Pool server "$S4" timeout 3
}

# Exp: one allocatable address (239.194.0.0), leases of 2 s. The address
# comes back only EXTRA-ALLOCATION-TIME after the lease ended.
check_expiry() {
	local a end t0 refused_after_end=0 now
	request_json scope Exp server "$S4" timeout 3 || return 1
	a=$(jq -r '.addresses[0]' <<<"$got")
	end=$(jq -r .end <<<"$got")
	[[ $a == 239.194.0.0 ]] || return 1
	refused 0 scope Exp server "$S4" timeout 3 || return 1
	t0=$(now_ms)
	say "waiting for 239.194.0.0 to come back (lease end $end + $EXTRA s)"
	until request_json scope Exp server "$S4" timeout 3; do
		now=$(date +%s)
		((now > end)) && refused_after_end=1
		if (($(now_ms) - t0 > (EXTRA + 10) * 1000)); then
			say "gave up waiting for 239.194.0.0 to come back"
			return 1
		fi
		sleep 0.2
	done
	now=$(date +%s)
	say "granted again at $now (end $end, extra $EXTRA)"
	[[ $(jq -r '.addresses[0]' <<<"$got") == 239.194.0.0 ]] || return 1
	((now >= end + EXTRA && refused_after_end))
}

# Dur (plenty free) made inactive: not listed, nothing allocated; active
# again: allocated.
check_inactive() {
	local id
	ctl scope set Dur state inactive || return 1
	cli -j madcap getinfo server "$S4" timeout 3 >"$out/gi" || return 1
	jq -e '[.scopes[].first] | index("239.196.0.0") == null' "$out/gi" ||
		{ why "an inactive scope is listed"; return 1; }
	! request_json scope 239.196.0.0 server "$S4" timeout 3 ||
		{ why "an inactive scope allocated"; return 1; }
	ctl scope set Dur state active || return 1
	request_json scope 239.196.0.0 server "$S4" timeout 3 ||
		{ why "active again, it does not allocate"; return 1; }
	id=$(jq -r .id <<<"$got")
	cli madcap release "$id" timeout 3
}

scope_gone() {
	[[ $(ctl -j scope show | jq '[.[] | select(.name == "Soon")] | length') == 0 ]]
}

soon_refused() {
	! cli madcap request scope 239.197.0.0 server "$S4" timeout 1
}

# Soon expires 2 s from now: its leases end then too; past it the scope
# allocates nothing, and it is deleted once its leases are gone.
check_scope_expiry() {
	local when=$(($(date +%s) + 2))
	ctl scope add Soon range 239.197.0.0-239.197.1.255 expires "$when" ||
		return 1
	request_json scope Soon server "$S4" timeout 3 || return 1
	(($(jq -r .end <<<"$got") <= when)) ||
		{ why "a lease outlives its scope"; return 1; }
	wait_until "scope Soon to refuse requests (expires at $when)" 6 \
		soon_refused || return 1
	(($(date +%s) >= when)) || { why "refused before it expired"; return 1; }
	cli -j madcap getinfo server "$S4" timeout 3 |
		jq -e '[.scopes[].first] | index("239.197.0.0") == null' ||
		{ why "an expired scope is listed"; return 1; }
	wait_until "scope Soon to be deleted after its leases" $((EXTRA + 8)) \
		scope_gone
}

# refusal NAME COMMAND...: an admin command that must fail with "Error:"
# and change nothing.
refusal() {
	local name=$1 before after rc=0
	shift
	before=$(snapshot)
	ctl "$@" >>"$log" 2>"$out/err" || rc=$?
	after=$(snapshot)
	cat "$out/err" >>"$log"
	if ((rc == 0)); then
		fail "admin refuses $name" "accepted: $*"
	elif ! grep -q '^Error: ' "$out/err"; then
		fail "admin refuses $name" "no Error: line"
	elif [[ $before != "$after" ]]; then
		fail "admin refuses $name" "state changed"
	else
		pass "admin refuses $name"
	fi
}

check_refusals() {
	refusal "an overlapping scope" \
		scope add Overlap range 239.255.128.0-239.255.128.255
	refusal "an overlapping scope (enclosing)" \
		scope add Big range 239.192.0.0-239.193.255.255
	refusal "an overlapping IPv6 scope" \
		scope add Site6b range ff15::8000:8000-ff15::8001:ffff
	refusal "a non-multicast range" scope add Uni range 10.1.0.0-10.1.0.255
	refusal "a non-multicast IPv6 range" scope add Uni6 range fd00::1-fd00::ff
	refusal "a range in 224.0.0.0/24" \
		scope add LinkLocal range 224.0.0.0-224.0.0.255
	refusal "a range reaching into 224.0.0.0/24" \
		scope add Edge range 224.0.0.200-224.0.1.10
	refusal "a reversed range" scope add Rev range 239.198.1.9-239.198.0.0
	refusal "a duplicate scope name" \
		scope add Pool range 239.199.0.0-239.199.1.255
	refusal "an exclusion outside its scope" \
		exclude add Pool 239.198.0.0-239.198.0.9
	refusal "an exclusion partly outside its scope" \
		exclude add Pool 239.192.1.250-239.192.2.5
	refusal "an exclusion of an unknown scope" \
		exclude add Nope 239.192.0.0-239.192.0.1
	refusal "deleting an exclusion that does not exist" \
		exclude del Pool 239.192.0.100-239.192.0.101
	refusal "setting an unknown scope" scope set Nope ttl 1
	refusal "deleting an unknown scope" scope del Nope
	refusal "deleting a scope that holds leases (no force)" scope del Pool
	refusal "deleting a lease nobody holds" lease del 239.198.0.1
	refusal "listing the leases of an unknown scope" lease show scope Nope
}

# Tiny is full: deleting its exclusion frees those addresses; scope del
# force takes the scope with its leases.
check_exclude_del_force() {
	local a id
	ctl exclude del Tiny 239.193.0.0-239.193.0.250 ||
		{ why "exclude del failed"; return 1; }
	request_json scope Tiny server "$S4" timeout 3 ||
		{ why "nothing allocated after exclude del"; return 1; }
	a=$(jq -r '.addresses[0]' <<<"$got")
	id=$(jq -r .id <<<"$got")
	in_range "$a" 239.193.0.0 239.193.0.250 ||
		{ why "$a is not from the range excluded before"; return 1; }
	ctl scope del Tiny force || { why "scope del force failed"; return 1; }
	[[ $(ctl -j scope show | jq '[.[] | select(.name == "Tiny")] | length') == 0 ]] ||
		{ why "Tiny is still there"; return 1; }
	[[ -z $(lease_of "$id") ]] || { why "its lease is still there"; return 1; }
	if cli madcap renew "$id" timeout 3 2>"$out/err" ||
		! grep -q '(3)' "$out/err"; then
		why "its lease still renews: $(<"$out/err")"
		return 1
	fi
}

check_unknown_lease() {
	! cli madcap renew 00112233445566778899aabbccddeeff server "$S4" \
		timeout 3 2>"$out/err" && grep -q '(3)' "$out/err"
}

check_lease_del() {
	local id a
	request_json scope Local server "$S4" timeout 3 || return 1
	id=$(jq -r .id <<<"$got")
	a=$(jq -r '.addresses[0]' <<<"$got")
	ctl lease del "$a" || return 1
	[[ -z $(lease_of "$id") ]] || return 1
	! cli madcap renew "$id" timeout 3 2>"$out/err" && grep -q '(3)' "$out/err"
}

# check_control_hostile: malformed and invalid control requests, raw: each
# must be refused ("ok": false with an "error") and change nothing.
check_control_hostile() {
	local before after rc=0
	before=$(snapshot)
	python3 - "$SOCK" >"$out/ctl-hostile.out" 2>&1 <<'EOF' || rc=$?
import json
import socket
import sys

A = '"first":"239.210.0.0","last":"239.210.1.255"'
BAD = [
    b"garbage", b"[]", b"null", b"{}", b'{"cmd":5}', b'{"cmd":"frob"}',
    b'{"cmd":"scope-add","name":5,' + A.encode() + b"}",
    b'{"cmd":"scope-add","name":"",' + A.encode() + b"}",
    b'{"cmd":"scope-add","name":"' + b"n" * 65 + b'",' + A.encode() + b"}",
    b'{"cmd":"scope-add","name":"nul\\u0000byte",' + A.encode() + b"}",
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"ttl":0}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"ttl":256}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"ttl":"8"}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"lease":0}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"lease":-1}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"lease":1e99}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"state":"bogus"}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"expires":1}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"lang":""}',
    b'{"cmd":"scope-add","name":"x",' + A.encode() + b',"frob":1}',
    b'{"cmd":"scope-add","name":"x","first":"239.210.0.0","last":"ff15::1"}',
    b'{"cmd":"scope-add","name":"x","first":"239.210.0.0"}',
    b'{"cmd":"scope-add","name":"x","first":"not","last":"239.210.1.255"}',
    b'{"cmd":"scope-set","name":"Local","first":"239.255.0.0"}',
    b'{"cmd":"scope-del","name":"Pool","force":"yes"}',
    b'{"cmd":"lease-del","address":5}',
    b'{"cmd":"exclude-add","name":"Local","first":"239.255.0.0"}',
    b"[" * 5000 + b"]" * 5000,
    b'{"cmd":"scope-show","name":"' + b"x" * 70000 + b'"}',
]
# An empty message reads as the end of the connection: closed, or refused.
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(sys.argv[1])
s.settimeout(10)
s.send(b"")
s.shutdown(socket.SHUT_WR)
s.recv(70000)
s.close()
bad = 0
for req in BAD:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.connect(sys.argv[1])
    s.settimeout(10)
    s.send(req)
    try:
        rep = json.loads(s.recv(70000))
        ok = rep.get("ok") is False and isinstance(rep.get("error"), str)
    except Exception as e:
        rep, ok = repr(e), False
    if not ok:
        print("NOT REFUSED %r: %r" % (req[:80], rep))
        bad += 1
    s.close()
sys.exit(1 if bad else 0)
EOF
	cat "$out/ctl-hostile.out"
	if ((rc)); then
		why "$(grep -c . "$out/ctl-hostile.out") not refused, first: $(head -n 1 "$out/ctl-hostile.out")"
		return 1
	fi
	after=$(snapshot)
	[[ $before == "$after" ]] || { why "the state changed"; return 1; }
	madcapd_alive || { why "madcapd died"; return 1; }
}

# ---- durability: kill -9 during concurrent requests and releases ------------

# worker N: 30 requests in scope Dur, releasing about half of what it
# got; the ids acknowledged and those it tried to release, in files.
worker() {
	local w=$1 i out id re='"id":"([0-9a-f]+)"'
	for ((i = 0; i < 30; i++)); do
		out=$(cli -j madcap request scope 239.196.0.0 server "$S4" \
			count 1-2 timeout 2 2>/dev/null) || continue
		[[ $out =~ $re ]] || continue
		id=${BASH_REMATCH[1]}
		echo "$id" >>"$DURDIR/acked.$w"
		if ((RANDOM % 2)); then
			# A release the daemon may or may not have committed.
			echo "$id" >>"$DURDIR/released.$w"
			cli madcap release "$id" timeout 2 >/dev/null 2>&1
		fi
	done
}

check_durability() {
	local workers kills=0 w id f a b n=0 bad=0 t0 alive
	DURDIR=$out/durability
	mkdir -p "$DURDIR/leases"
	: >"$DURDIR/acked.0"
	: >"$DURDIR/released.0"
	(
		# shellcheck disable=SC2030 # the workers' own lease files
		export MCASTCTL_MADCAP_DIR=$DURDIR/leases
		for w in 1 2 3; do
			worker "$w" &
		done
		wait
	) &
	workers=$!
	t0=$(now_ms)
	while kill -0 "$workers" 2>/dev/null && (($(now_ms) - t0 < 20000)); do
		# A random moment (not a synchronization): 0.1 to 0.5 s.
		sleep "0.$((RANDOM % 5 + 1))"
		madcapd_alive || break
		kill -9 "$MADCAPD_PID"
		wait "$MADCAPD_PID" 2>/dev/null
		kills=$((kills + 1))
		start_madcapd || {
			fail "durability: madcapd restarts after kill -9"
			return
		}
	done
	wait "$workers"
	alive=$(cat "$DURDIR"/acked.* | wc -l)
	say "durability: $kills kills, $alive leases acknowledged"
	if ((kills == 0 || alive == 0)); then
		fail "durability: leases acknowledged across kill -9" \
			"$kills kills, $alive leases"
		return
	fi
	# Every acknowledged lease not (maybe) released renews to the same
	# addresses.
	for f in "$DURDIR"/leases/*.json; do
		[[ -f $f ]] || continue
		id=$(basename "$f" .json)
		grep -qx "$id" "$DURDIR"/released.* && continue
		n=$((n + 1))
		a=$(jq -c .addresses "$f")
		b=$(MCASTCTL_MADCAP_DIR=$DURDIR/leases cli -j madcap renew "$id" \
			timeout 3 2>>"$log" | jq -c .addresses)
		if [[ $a != "$b" ]]; then
			say "lease $id: had $a, renewed to ${b:-nothing}"
			bad=$((bad + 1))
		fi
	done
	if ((bad == 0 && n > 0)); then
		say "durability: $n acknowledged leases renewed"
		pass "durability: acknowledged leases renew to the same addresses after kill -9"
	else
		fail "durability: acknowledged leases renew to the same addresses after kill -9" \
			"$bad of $n did not"
	fi
	if ctl -j lease show | jq -c '[.[].addresses[]]' | expand |
		jq -e 'length == (unique | length)' >/dev/null; then
		pass "durability: no address is held by two leases"
	else
		fail "durability: no address is held by two leases"
	fi
}

# ---- hostile input ----------------------------------------------------------

write_flood_py() {
	cat >"$out/flood.py" <<'EOF'
# Hostile MADCAP datagrams to a server: python3 flood.py ADDR PORT SCOPE SEED
# First the cases below one by one, each with what the server must answer
# (None: nothing); a line "MISMATCH ..." for each that it did not. Then a
# flood of random and mutated datagrams, without waiting for answers.
import random
import socket
import struct
import sys
import time

addr, port, scope, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", 0))
rnd = random.Random(seed)
ACK, NAK = 5, 6


def hdr(t, af=1, ver=0, xid=0x5eed0000):
    return struct.pack("!BBHI", ver, t, af, xid)


def opt(code, val):
    return struct.pack("!HH", code, len(val)) + val


def lid():
    return opt(3, bytes(rnd.getrandbits(8) for _ in range(16)))


def count(lo, hi):
    return opt(7, struct.pack("!HH", lo, hi))


END = b"\0\0\0\0"
NOW = opt(11, struct.pack("!I", int(time.time())))
SCOPE = opt(4, socket.inet_aton(scope))
ASK = opt(5, struct.pack("!H", 9))

# (why, datagram, expected answer: None, ACK or (NAK, error code))
CASES = [
    ("empty", b"", None),
    ("truncated header", b"\0\x08\0\x01", None),
    ("11 bytes", hdr(8) + b"\0\0\0", None),
    ("version 1", hdr(8, ver=1) + ASK + END, None),
    ("version 255", hdr(3, ver=255) + lid() + SCOPE + NOW + END, None),
    ("no End", hdr(8) + ASK, None),
    ("half an End", hdr(8) + ASK + b"\0\0", None),
    ("option header cut", hdr(3) + lid() + b"\0\x03\0", None),
    ("option runs past the end", hdr(3) + struct.pack("!HH", 3, 200) + b"x" * 10, None),
    ("overlong length 0xFFFF", hdr(3) + struct.pack("!HH", 3, 0xFFFF) + b"x" * 40, None),
    ("zero-length lease id", hdr(3) + opt(3, b"") + SCOPE + NOW + END, None),
    ("zero-length lease time", hdr(4) + lid() + opt(1, b"") + END, None),
    ("zero-length scope", hdr(3) + lid() + opt(4, b"") + END, None),
    ("zero-length request list", hdr(8) + opt(5, b"") + END, None),
    ("odd request list", hdr(8) + opt(5, b"\0\x09\0") + END, None),
    ("short count", hdr(3) + lid() + SCOPE + opt(7, b"\0\1") + END, None),
    ("256-byte lease id", hdr(3) + opt(3, b"\xaa" * 256) + SCOPE + NOW + END, None),
    ("1400-byte lease id", hdr(3) + opt(3, b"\xbb" * 1400) + SCOPE + NOW + END, None),
    ("duplicate lease id", hdr(3) + lid() + opt(3, b"\1") + SCOPE + NOW + END, None),
    ("a NAK", hdr(6) + lid() + opt(16, struct.pack("!H", 0)) + END, None),
    ("an OFFER", hdr(2) + lid() + END, None),
    ("an ACK", hdr(5) + lid() + END, None),
    # Unknown types get Invalid Request [RFC 2730 2.2].
    ("unknown type 0", hdr(0) + lid() + END, (NAK, 1)),
    ("unknown type 9", hdr(9) + lid() + END, (NAK, 1)),
    ("unknown type 255", hdr(255) + lid() + END, (NAK, 1)),
    ("9000 bytes", hdr(3) + opt(0x7777, b"\0" * 8980) + END, None),
    ("0xFFFF counts", hdr(3) + lid() + SCOPE + count(0xFFFF, 0xFFFF) + NOW + END, (NAK, 0)),
    ("0xFFFF min, 1 desired", hdr(1) + lid() + SCOPE + count(0xFFFF, 1) + NOW + END, (NAK, 1)),
    ("zero counts", hdr(3) + lid() + SCOPE + count(0, 0) + NOW + END, (NAK, 1)),
    ("time 0", hdr(3) + lid() + SCOPE + opt(11, b"\0\0\0\0") + END, (NAK, 2)),
    ("time 0xFFFFFFFF", hdr(3) + lid() + SCOPE + opt(11, b"\xff" * 4) + END, (NAK, 2)),
    ("lease time 0", hdr(3) + lid() + SCOPE + opt(1, b"\0" * 4) + NOW + END, (NAK, 1)),
    ("REQUEST without a scope", hdr(3) + lid() + NOW + END, (NAK, 1)),
    ("RENEW of an unknown lease", hdr(4) + lid() + NOW + END, (NAK, 3)),
    ("RENEW with a scope", hdr(4) + lid() + SCOPE + NOW + END, (NAK, 1)),
    ("IPv6 scope in an IPv4 message", hdr(3) + lid() + opt(4, b"\xff" * 16) + NOW + END, None),
    ("GETINFO without a request list", hdr(8) + END, (NAK, 1)),
    ("unknown option", hdr(8) + opt(0x7777, b"abc") + ASK + END, ACK),
    ("255-byte lease id", hdr(3) + opt(3, b"\xaa" * 255) + SCOPE + NOW + END, ACK),
]


def answer(r):
    """The type of reply @r, (NAK, code) for a NAK with an Error option."""
    if r[1] != NAK:
        return r[1]
    j = 8
    while j + 4 <= len(r):
        c, n = struct.unpack("!HH", r[j:j + 4])
        if c == 16 and n >= 2:
            return (NAK, struct.unpack("!H", r[j + 4:j + 6])[0])
        if c == 0:
            break
        j += 4 + n
    return NAK


bad = 0
for i, (why, d, want) in enumerate(CASES):
    xid = 0x5eed0000 + i
    if len(d) >= 8:
        d = d[:4] + struct.pack("!I", xid) + d[8:]
    s.sendto(d, (addr, port))
    # An answer comes in milliseconds; silence is given 0.1 s.
    s.settimeout(0.5 if want else 0.1)
    got = None
    try:
        while got is None:
            r = s.recv(2048)
            if len(r) >= 8 and struct.unpack("!I", r[4:8])[0] == xid:
                got = answer(r)
    except socket.timeout:
        pass
    if got != want:
        print("MISMATCH %s: got %r, expected %r" % (why, got, want))
        bad += 1
VALID = [
    hdr(8) + ASK + END,
    hdr(1) + lid() + SCOPE + count(1, 1) + NOW + END,
    hdr(3) + lid() + SCOPE + count(1, 2) + NOW + END,
    hdr(4) + lid() + opt(1, struct.pack("!I", 60)) + NOW + END,
    hdr(7) + lid() + NOW + END,
]
for _ in range(1500):
    s.sendto(bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(0, 200))),
             (addr, port))
for _ in range(3000):
    d = bytearray(rnd.choice(VALID))
    for _ in range(rnd.randrange(1, 6)):
        k = rnd.randrange(4)
        if k == 0 and d:
            d[rnd.randrange(len(d))] = rnd.getrandbits(8)
        elif k == 1 and d:
            del d[rnd.randrange(len(d)):]
        elif k == 2:
            i = rnd.randrange(len(d) + 1)
            d[i:i] = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(1, 9)))
        elif len(d) > 12:
            i = rnd.randrange(8, len(d) - 3)
            d[i:i + 2] = rnd.choice([b"\0\0", b"\xff\xff", b"\0\x01", b"\x80\0"])
    try:
        s.sendto(bytes(d), (addr, port))
    except OSError:
        pass
print("seed %d: %d cases (%d answered wrongly), 4500 random and mutated datagrams"
      % (seed, len(CASES), bad))
EOF
}

check_hostile() {
	local before=() after=() names=(dropped-short dropped-version
		dropped-options dropped-nak dropped-type) i ok=1
	for i in "${!names[@]}"; do
		before[i]=$(counter "${names[i]}")
	done
	write_flood_py
	if ! ip netns exec "$NS_C" python3 "$out/flood.py" "$S4" 2535 \
		239.255.0.0 "$RANDOM" >"$out/flood.out" 2>&1; then
		cat "$out/flood.out" >>"$log"
		fail "hostile input: the datagrams were sent" "see madcap.log"
		return
	fi
	cat "$out/flood.out" >>"$log"
	if grep -q '^MISMATCH' "$out/flood.out"; then
		fail "hostile input: malformed ignored, NAKs unanswered, RFC 2730 errors" \
			"$(grep -c '^MISMATCH' "$out/flood.out") cases, see madcap.log"
	else
		pass "hostile input: malformed ignored, NAKs unanswered, RFC 2730 errors"
	fi
	# Alive and answering.
	if madcapd_alive && cli -j madcap getinfo server "$S4" timeout 5 >>"$log" 2>&1; then
		pass "hostile input: madcapd still answers GETINFO"
	else
		fail "hostile input: madcapd still answers GETINFO"
	fi
	if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer|SUMMARY: ' "$out/madcapd.log"; then
		fail "hostile input: no sanitizer report" "see madcapd.log"
	else
		pass "hostile input: no sanitizer report"
	fi
	for i in "${!names[@]}"; do
		after[i]=$(counter "${names[i]}")
		say "${names[i]}: ${before[i]} -> ${after[i]}"
		[[ ${after[i]} =~ ^[0-9]+$ && ${before[i]} =~ ^[0-9]+$ ]] &&
			((after[i] > before[i])) || ok=
	done
	if [[ $ok ]]; then
		pass "hostile input: stats count the drops (${names[*]})"
	else
		fail "hostile input: stats count the drops" "see madcap.log"
	fi
}

check_stats() {
	local s
	s=$(ctl -j stats) || return 1
	say "$s"
	jq -e '.counters.discovers > 0 and .counters.requests > 0 and
		.counters.renews > 0 and .counters.releases > 0 and
		.counters.acks > 0 and .counters.naks > 0 and
		.counters.informs > 0 and .counters["excessive-clock-skews"] > 0 and
		.counters["bad-lease-ids"] > 0 and
		.counters["unsupported-features"] > 0 and
		([.scopes[] | select(.name == "Pool")][0].free == 0)' <<<"$s" >/dev/null &&
		ctl -j params | jq -e '.["extra-allocation-time"] == '"$EXTRA"' and
			.["clock-skew"] == '"$SKEW" >/dev/null
}

# ---- main ----------------------------------------------------------------------

if ((EUID != 0)); then
	skip "end to end in network namespaces" "needs root"
	exit 0
fi
for p in ip jq python3 setpriv; do
	if ! command -v "$p" >/dev/null; then
		fail "prerequisites" "$p is not installed"
		exit 1
	fi
done
if ! nice -n 10 make -C "$root/tools/mcastctl" mcastctl >"$out/build-mcastctl.log" 2>&1; then
	fail "mcastctl builds" "see build-mcastctl.log"
	exit 1
fi
if [[ -z $MADCAPD ]]; then
	if build_madcapd; then
		pass "madcapd builds with ASan and UBSan"
	else
		fail "madcapd builds with ASan and UBSan" "see build.log"
		exit 1
	fi
fi
if ! setup_netns >>"$log" 2>&1; then
	fail "network namespaces" "see madcap.log"
	exit 1
fi
mkdir -p "$RUN" "$(dirname "$DB")"
chmod 0755 "$RUN"
# shellcheck disable=SC2031 # the durability workers have their own
export MCASTCTL_MADCAP_DIR=$out/client
if start_madcapd; then
	pass "madcapd starts and answers on its control socket"
else
	fail "madcapd starts and answers on its control socket" "see madcapd.log"
	exit 1
fi

check "scopes and exclusions are added" setup_scopes
check "scope show lists a scope with its exclusion" check_show
check_control
check "getinfo over multicast (IPv4, 239.255.255.254)" check_getinfo4
check "getinfo unicast (IPv4)" check_getinfo4_unicast
check "getinfo unicast and to the IPv6 group (IPv6)" check_getinfo6
check "request over multicast: DISCOVER, OFFER, REQUEST, ACK (IPv4)" \
	check_request4_multicast
check "request, renew (same addresses), release (IPv4 unicast)" \
	check_request_renew_release inet "$S4" Local
check "request, renew (same addresses), release (IPv6 unicast)" \
	check_request_renew_release inet6 "$S6" Site6
check "request over multicast to the IPv6 group" check_request6_multicast
check "exclusions honoured, exhaustion refused (error 0)" check_exclusions
check "count MIN-MAX: desired when free, all free as minimum, MIN>MAX error 1" \
	check_counts
check "lease expiry: address reused only after the extra allocation time" \
	check_expiry
check "inactive scope: not listed, not allocated; active again" check_inactive
check "expiring scope: leases end with it, then refused, then deleted" \
	check_scope_expiry
check "clock skew beyond the allowance: error 2" \
	refused 2 scope Local server "$S4" skew $((SKEW * 3)) timeout 3
check "clock skew within the allowance is accepted" \
	request_json scope Local server "$S4" skew $((SKEW / 2)) timeout 3
check "a required unsupported feature: error 4" \
	refused 4 scope Local server "$S4" require-feature 9 timeout 3
check "renew of an unknown lease: error 3" check_unknown_lease
check "lease del: the lease is gone, its renew gets error 3" check_lease_del
check_refusals
check "control requests malformed or invalid are refused, change nothing" \
	check_control_hostile
check "exclude del frees addresses; scope del force takes the leases" \
	check_exclude_del_force
# Counters live in memory: before the restarts of the durability check.
check "stats count what happened; params show the configured constants" \
	check_stats
check_durability
check_hostile
if madcapd_alive; then
	pass "madcapd is still running"
else
	fail "madcapd is still running"
fi
say "total $(((${EPOCHREALTIME/./} - ${started/./}) / 1000)) ms"
exit $failed
