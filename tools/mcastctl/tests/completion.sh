#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Test of the bash completion of mcastctl (completion/mcastctl). Needs
# bash-completion (/usr/share/bash-completion/bash_completion), neither
# root nor the module: completions are simulated by setting COMP_WORDS,
# COMP_CWORD, COMP_LINE and COMP_POINT as bash does and calling _mcastctl.
#
#   tools/mcastctl/tests/completion.sh
#
# Prints PASS or FAIL per case, then "N passed, M failed"; exits 1 if any
# case failed.

here=$(cd "$(dirname "$0")" && pwd)
BASH_COMPLETION=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
COMPLETION=${COMPLETION:-$here/../completion/mcastctl}

if [[ ! -r $BASH_COMPLETION ]]; then
	echo "completion: $BASH_COMPLETION not found (install bash-completion)" >&2
	exit 1
fi
# shellcheck source=/dev/null
. "$BASH_COMPLETION"
# shellcheck source=/dev/null
. "$COMPLETION"

passed=0
failed=0

# The device names the completion should offer (those of /sys/class/net).
devices=()
for d in /sys/class/net/*; do
	[[ -d $d ]] && devices+=("${d##*/}")
done

# The network namespaces -n should offer.
netns=()
for d in /run/netns/*; do
	[[ -e $d ]] && netns+=("${d##*/}")
done

# A directory with files for -batch and config save.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/cmds.batch" "$tmp/cmds.txt" "$tmp/other" "$tmp/x=y.txt" \
	"$tmp/a:b.txt"
mkdir "$tmp/subdir"
cd "$tmp" || exit 1

# complete LINE: the completions of LINE (the cursor at its end), sorted,
# one per line in $got. The line is split into COMP_WORDS as readline does:
# at blanks, and runs of COMP_WORDBREAKS characters ('=', ':') are words.
complete_line()
{
	local line=$1 tok part
	local -a words=()

	read -ra toks <<<"$line"
	for tok in "${toks[@]}"; do
		while [[ $tok ]]; do
			if [[ $tok == [=:]* ]]; then
				part=${tok%%[!=:]*}
			else
				part=${tok%%[=:]*}
			fi
			words+=("$part")
			tok=${tok#"$part"}
		done
	done
	[[ $line == *' ' ]] && words+=('')

	COMP_WORDS=("${words[@]}")
	COMP_CWORD=$((${#words[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_mcastctl mcastctl "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort -u | sed '/^$/d')
}

# sorted WORD...: the words, sorted, one per line.
sorted()
{
	printf '%s\n' "$@" | sort -u | sed '/^$/d'
}

result()
{
	local desc=$1 ok=$2 expected=$3

	if [[ $ok ]]; then
		echo "PASS $desc"
		passed=$((passed + 1))
	else
		echo "FAIL $desc: got <${got//$'\n'/ }>, expected <$expected>"
		failed=$((failed + 1))
	fi
}

# is DESC LINE WORD...: the completions of LINE are exactly the WORDs
# (none if no WORD is given).
is()
{
	local desc=$1 line=$2 expected
	shift 2
	expected=$(sorted "$@")
	complete_line "$line"
	result "$desc" "$([[ $got == "$expected" ]] && echo 1)" \
		"${expected//$'\n'/ }"
}

# has DESC LINE WORD...: the completions of LINE include every WORD.
has()
{
	local desc=$1 line=$2 w ok=1
	shift 2
	complete_line "$line"
	for w in "$@"; do
		grep -qxF -- "$w" <<<"$got" || ok=
	done
	result "$desc" "$ok" "at least $*"
}

iface_kws=(mode igmp-version mld-version robustness querier fast-leave
	query-interval query-response-interval last-member-query-interval
	last-member-query-count startup-query-interval startup-query-count
	ttl-threshold max-groups max-sources boundary)

# Registration.
if [[ $(complete -p mcastctl 2>/dev/null) == 'complete -F _mcastctl mcastctl' ]]; then
	got=registered
	result "complete -F _mcastctl mcastctl" 1 ""
else
	got=$(complete -p mcastctl 2>&1)
	result "complete -F _mcastctl mcastctl" "" "complete -F _mcastctl mcastctl"
fi

# Objects and options.
is "objects" "mcastctl " \
	interface mfe group querier proxy monitor config madcap help
is "object prefix" "mcastctl m" mfe monitor madcap
is "objects after options" "mcastctl -j -p -s " \
	interface mfe group querier proxy monitor config madcap help
is "options" "mcastctl -" -json -pretty -stats -netns -batch -force \
	-Version -help -4 -6
is "long options" "mcastctl --" --json --pretty --stats --netns --batch \
	--force --version --help
is "option prefix -b" "mcastctl -j -b" -batch
is "nothing after -V" "mcastctl -V "
is "nothing after --version" "mcastctl --version "
is "nothing after the help object" "mcastctl help "

# -batch FILE and friends.
is "-batch completes files" "mcastctl -batch " \
	cmds.batch cmds.txt other subdir x=y.txt a:b.txt
is "-batch FILE with '=' (after the '=')" "mcastctl -batch x=" y.txt
is "-batch FILE with ':' (after the ':')" "mcastctl -batch a:" b.txt
is "-b completes a file prefix" "mcastctl -force -b cmds." \
	cmds.batch cmds.txt
is "--batch FILE" "mcastctl --batch cm" cmds.batch cmds.txt
is "-f -b FILE" "mcastctl -f -b o" other
is "no object after -batch FILE" "mcastctl -batch cmds.txt "
is "options after -batch FILE" "mcastctl -batch cmds.txt -f" -force
is "-n NETNS: the names in /run/netns" "mcastctl -n " "${netns[@]}"
is "-netns with a path completes files" "mcastctl -netns ./sub" ./subdir
is "--netns NAME skipped" "mcastctl --netns blue mfe f" flush
is "-j -n NAME skipped" "mcastctl -j -n blue querier " show help

# Commands of each object.
is "interface commands" "mcastctl interface " set show del help
is "mfe commands" "mcastctl -4 mfe " add replace del show flush help
is "group commands" "mcastctl group " show add del help
is "querier commands" "mcastctl -s querier " show help
is "proxy commands" "mcastctl proxy " show help
is "monitor commands" "mcastctl -j monitor " help
is "nothing after monitor help" "mcastctl monitor help "
is "config commands" "mcastctl config " save apply help
is "config save completes files" "mcastctl config save cmds" \
	cmds.batch cmds.txt
is "config save takes one file" "mcastctl config save cmds.txt "
is "config apply FILE" "mcastctl config apply c" cmds.batch cmds.txt
is "config apply FILE dev" "mcastctl config apply cmds.txt " dev
is "config apply FILE dev DEV" "mcastctl config apply cmds.txt dev " \
	"${devices[@]}"
is "unknown object" "mcastctl frobnicate "

# interface.
is "interface set DEV" "mcastctl interface set " "${devices[@]}"
has "interface set lo" "mcastctl interface set l" lo
is "interface show DEV" "mcastctl interface show " "${devices[@]}"
is "interface show takes one DEV" "mcastctl interface show lo "
is "interface del lo" "mcastctl interface del lo" lo
is "interface set keywords" "mcastctl interface set lo " "${iface_kws[@]}"
is "interface set keyword prefix" "mcastctl interface set lo q" \
	querier query-interval query-response-interval
is "mode values" "mcastctl interface set lo mode " router proxy off
is "mode value prefix" "mcastctl interface set lo mode p" proxy
is "querier values" "mcastctl interface set lo mode router querier " on off
is "fast-leave values" "mcastctl interface set lo fast-leave o" on off
is "igmp-version values" "mcastctl interface set lo igmp-version " 1 2 3
is "startup-query-interval auto" \
	"mcastctl interface set lo startup-query-interval " auto
is "startup-query-count auto" \
	"mcastctl interface set lo startup-query-count a" auto
is "last-member-query-count auto" \
	"mcastctl interface set lo last-member-query-count " auto
is "no auto for query-interval" "mcastctl interface set lo query-interval "
is "boundary none" "mcastctl interface set lo boundary " none
is "no boundary none after a prefix" \
	"mcastctl interface set lo boundary ff05::/16 boundary "
is "keywords given are not offered again" \
	"mcastctl interface set lo mode router querier off robustness 3 m" \
	max-groups max-sources mld-version
is "boundary repeats; IPv6 prefixes are one word" \
	"mcastctl interface set lo mode router boundary ff05::/16 b" boundary
is "no boundary after boundary none" \
	"mcastctl interface set lo boundary none b"
is "keyword/value pairs: a value that looks like a keyword" \
	"mcastctl interface set lo query-interval 10s startup-query-count " auto

# mfe.
is "mfe add keywords" "mcastctl mfe add " group source iif oif
is "mfe add oif DEV" "mcastctl mfe add group 239.1.2.3 iif lo oif " \
	"${devices[@]}"
is "mfe add: oif repeats, group and iif once" \
	"mcastctl mfe add group ff0e::1 iif lo oif lo " source oif
is "mfe replace keywords" "mcastctl mfe replace " group source iif oif
is "mfe del keywords" "mcastctl mfe del " group source iif
is "mfe show keywords" "mcastctl mfe show " group source iif -4 -6
is "mfe show: one family" "mcastctl mfe show -6 " group source iif
is "mfe show iif DEV" "mcastctl mfe show iif " "${devices[@]}"
is "no group value completion" "mcastctl mfe show group "
is "mfe flush" "mcastctl mfe flush " -4 -6
is "mfe flush after global -4" "mcastctl -4 mfe flush "

# group, querier, proxy.
is "group show keywords" "mcastctl group show " dev group -4 -6
is "group show after global -6" "mcastctl -6 group show " dev group
is "group show dev DEV" "mcastctl group show dev " "${devices[@]}"
is "group add keywords" "mcastctl group add " dev group source
is "group del keywords left" "mcastctl group del dev lo group 239.1.1.1 " \
	source
is "querier show keywords" "mcastctl querier show " dev -4 -6
is "querier show dev DEV" "mcastctl querier show dev " "${devices[@]}"
has "querier show dev lo" "mcastctl -s querier show dev l" lo
is "proxy show keywords" "mcastctl proxy show " dev group -4 -6
is "proxy show after dev" "mcastctl proxy show dev lo " group -4 -6

# madcap.
madcap_cmds=(scope exclude lease stats params getinfo request renew release
	help)
mkdir -p "$tmp/leases"
touch "$tmp/leases/00112233445566778899aabbccddeeff.json"
is "madcap commands" "mcastctl madcap " "${madcap_cmds[@]}" control
is "madcap control PATH completes files" "mcastctl madcap control cmds" \
	cmds.batch cmds.txt
is "madcap commands after control PATH" "mcastctl madcap control x.sock " \
	"${madcap_cmds[@]}"
is "madcap --control PATH" "mcastctl -j madcap --control x.sock s" scope stats
is "madcap scope verbs" "mcastctl madcap scope " add set del show help
is "madcap scope add keywords" "mcastctl madcap scope add Local " \
	range ttl lease state expires lang
is "madcap scope add keywords left" \
	"mcastctl madcap scope add Local range 239.1.0.0-239.1.0.255 ttl 8 " \
	lease state expires lang
is "madcap scope add state values" "mcastctl madcap scope add L state " \
	active inactive
is "madcap scope set: no range" "mcastctl madcap scope set L " \
	ttl lease state expires lang
is "madcap scope set expires never" "mcastctl madcap scope set L expires " \
	never
is "madcap scope del NAME force" "mcastctl madcap scope del L " force
is "madcap scope del NAME force: once" "mcastctl madcap scope del L force "
is "madcap exclude verbs" "mcastctl madcap exclude " add del help
is "madcap lease verbs" "mcastctl madcap lease " show del help
is "madcap lease show scope" "mcastctl madcap lease show " scope
is "madcap getinfo keywords" "mcastctl madcap getinfo " server group family \
	port timeout dev ttl skew require-feature
is "madcap request family values" "mcastctl madcap request family " \
	inet inet6
is "madcap request dev DEV" "mcastctl madcap request dev " "${devices[@]}"
is "madcap request: keywords once, require-feature repeats" \
	"mcastctl madcap request scope Local count 2-4 lease 1h start 0 server 10.0.0.1 group 239.255.255.254 family inet port 2535 timeout 1 dev lo ttl 1 skew 0 require-feature 9 " \
	require-feature
MCASTCTL_MADCAP_DIR=$tmp/leases is \
	"madcap renew LEASE-ID from the lease directory" \
	"mcastctl madcap renew 00" 00112233445566778899aabbccddeeff
is "madcap renew keywords" "mcastctl madcap renew 00ff " lease server port \
	timeout dev skew require-feature
is "madcap release keywords" "mcastctl madcap release 00ff server ::1 " \
	port timeout dev skew require-feature
is "nothing after madcap stats" "mcastctl madcap stats "

echo "$passed passed, $failed failed"
((failed == 0))
