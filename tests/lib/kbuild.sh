# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The one-time test kernel build, with progress on the terminal.
#
#   kernel_build LOG   runs tests/kernel/build.sh with its whole output in
#                      LOG; shows its step lines ("build.sh: ...") as they
#                      come and, every minute while it compiles, the time
#                      it has taken, how many files it compiled and where
#                      the full log is. Returns build.sh's status; LOG's
#                      last line is then the kernel build dir.
# Needs $root (the checkout).
# shellcheck disable=SC2154 # root is the caller's

kernel_build() {
	local log=$1 pid t0 now last entry n rc=0
	entry=$("$root/tests/kernel/build.sh" --print-cache)
	: >"$log"
	"$root/tests/kernel/build.sh" >"$log" 2>&1 &
	pid=$!
	t0=$(date +%s)
	last=$t0
	tail -n +1 -f --pid="$pid" "$log" 2>/dev/null | grep --line-buffered '^build.sh:' &
	while kill -0 "$pid" 2>/dev/null; do
		sleep 2
		now=$(date +%s)
		if [ $((now - last)) -ge 60 ] && [ -f "$entry/build.log" ]; then
			n=$(grep -c -E '^  (CC|AS|LD)' "$entry/build.log" || true)
			echo "build.sh: $(((now - t0) / 60)) min so far, $n files compiled (about 20 min on 2 cores, once); full log: $entry/build.log"
			last=$now
		fi
	done
	wait "$pid" || rc=$?
	# Let tail print what build.sh wrote last.
	wait 2>/dev/null || true
	return "$rc"
}
