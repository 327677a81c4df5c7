# SPDX-License-Identifier: GPL-2.0
#
# mcast_router: kernel module (kmod/, built through ./Kbuild) and mcastctl
# (tools/mcastctl).
#
#   make [all]        module against $(KDIR) and mcastctl
#   make modules      the module only
#   make tools        mcastctl only
#   make install      modules_install + mcastctl and its man page
#   make clean
#   make kernel       build (or find cached) the test kernel
#   make check        host checks + test kernel + VM run; ends with one line
#                     "N passed, N failed"
#   make host-check   host checks only (builds, sparse, checkpatch, mcastctl)
#   make demo         boot the VM and run tests/vm/demo.sh, output live
#   make bench        forwarding benchmark against the native ipmr in the VM
#                     (non-debug "fast" test kernel, built once and cached);
#                     rewrites Documentation/benchmarks.md
#   make vm-run SCRIPT=path   run one script in the VM with the module loaded
#   make deps         apt-get install the packages in tests/packages.txt
# See tests/README.md for the test harness and its variables.

KDIR ?= /lib/modules/$(shell uname -r)/build
DESTDIR ?=
PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
MCASTCTL_DIR := tools/mcastctl
MANPAGE := Documentation/mcastctl.8

.PHONY: all modules tools clean install modules_install tools_install \
	kernel check host-check demo vm-run deps bench

all: modules tools

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tools:
	$(MAKE) -C $(MCASTCTL_DIR)

clean:
	if [ -d $(KDIR) ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	if [ -f $(MCASTCTL_DIR)/Makefile ]; then $(MAKE) -C $(MCASTCTL_DIR) clean; fi

install: modules_install tools_install

modules_install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install

tools_install: tools
	install -D -m 0755 $(MCASTCTL_DIR)/mcastctl $(DESTDIR)$(SBINDIR)/mcastctl
	install -D -m 0644 $(MANPAGE) $(DESTDIR)$(MANDIR)/man8/mcastctl.8

kernel:
	tests/kernel/build.sh

check:
	tests/lib/check.sh

host-check:
	tests/host/run.sh

demo: tools
	tests/vm/run.sh demo

bench: tools
	tests/bench/run.sh

vm-run: tools
	@if [ -z "$(SCRIPT)" ]; then echo "usage: make vm-run SCRIPT=path/to/script" >&2; exit 2; fi
	tests/vm/run.sh $(SCRIPT)

deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		$$(grep -v -e '^#' -e '^$$' tests/packages.txt)
