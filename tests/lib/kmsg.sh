# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# Reading the kernel log since a point, by /dev/kmsg sequence number (immune
# to `dmesg -c` and tells when the ring buffer wrapped past the mark).
# Sourced by tests/vm/guest-check.sh and tests/scenarios/lib.sh.
#
#   mark=$(kmsg_seq)          sequence number of the newest record
#   kmsg_since "$mark"        records newer than the mark, one per line as
#                             "[seconds] message" (continuation lines dropped)
#   kmsg_findings FILE        print lines of FILE that signal a kernel problem

# Every record currently in the buffer, raw ("prio,seq,usec,flags;msg").
# O_NONBLOCK makes the read stop with EAGAIN at the end of the buffer; each
# read() returns one record, so dd with a large block size reads records.
kmsg_raw() {
	dd if=/dev/kmsg iflag=nonblock bs=16384 2>/dev/null || true
}

kmsg_seq() {
	kmsg_raw | awk -F'[,;]' '/^[0-9]/ { s = $2 } END { print (s == "" ? -1 : s) }'
}

kmsg_since() {
	kmsg_raw | awk -v mark="$1" '
	/^[0-9]/ {
		split($0, h, ";")
		split(h[1], f, ",")
		seq = f[2] + 0
		if (seq <= mark)
			next
		if (!started && mark >= 0 && seq > mark + 1)
			printf "[kmsg] %d records after the mark were lost (ring buffer wrapped)\n", seq - mark - 1
		started = 1
		msg = substr($0, length(h[1]) + 2)
		printf "[%12.6f] %s\n", f[3] / 1000000, msg
	}'
}

# Patterns that fail a run. Kept in one place: the guest check and the
# scenarios' dmesg helpers use the same list.
KMSG_BAD='WARNING:|BUG:|KASAN|UBSAN|kmemleak: [0-9]+ new suspected memory leaks|unreferenced object 0x|unregister_netdevice: waiting|possible circular locking|possible recursive locking|suspicious RCU usage|Call Trace|Oops|general protection fault|kernel BUG at|INFO: task .* blocked|INFO: rcu_.* stall|refcount_t: '

kmsg_findings() {
	grep -E "$KMSG_BAD" "$1" || true
}
