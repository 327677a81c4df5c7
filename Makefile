# SPDX-License-Identifier: GPL-2.0
#
# mcast_router: kernel module (kmod/, built through ./Kbuild), mcastctl
# (tools/mcastctl) and the MADCAP server madcapd (tools/madcapd).
#
#   make [all]        module against $(KDIR), mcastctl and madcapd
#   make modules      the module only
#   make tools        mcastctl and madcapd only (tools/Makefile)
#   make install      the module (depmod included), mcastctl with its man
#                     page, bash completion, systemd unit, udev rule and an
#                     example configuration, and madcapd with its man page
#                     and unit (DESTDIR, PREFIX, KDIR/KVER)
#   make uninstall    what make install installed, but the configuration
#   make dkms-install, dkms-remove, deb    see mk/packaging.mk
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
#   make deps         install the Debian packages the targets below need
#                     (tests/deps.sh); check, demo, kernel, host-check,
#                     bench and vm-run run it first (a no-op when all is
#                     there; installing needs root)
# See tests/README.md for the test harness and its variables.

KDIR ?= /lib/modules/$(shell uname -r)/build
# The release KDIR was built for, as uname -r says it (depmod needs it;
# Debian's 6.1 headers say 6.1.x in include/config/kernel.release).
KVER ?= $(or $(shell sed -n 's/.*UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null),$(shell uname -r))
DESTDIR ?=
PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# A local install's unit and rule go where the administrator's do.
SYSTEMDDIR ?= /etc/systemd/system
UDEVDIR ?= /etc/udev/rules.d
CONFDIR ?= /etc/mcast_router
MCASTCTL_DIR := tools/mcastctl
VERSION := $(shell cat VERSION)

# Debian's kernels sign every module they install (CONFIG_MODULE_SIG_ALL)
# with a key their header packages do not ship: without the key, install
# unsigned (DKMS signs with its MOK key, see the admin guide on Secure
# Boot) instead of printing signing errors.
SIG_KEY := $(shell sed -n 's/^CONFIG_MODULE_SIG_KEY="\(.*\)"/\1/p' $(KDIR)/.config 2>/dev/null)
NOSIGN := $(if $(SIG_KEY),$(if $(wildcard $(SIG_KEY) $(KDIR)/$(SIG_KEY)),,CONFIG_MODULE_SIG_ALL=))

.PHONY: all modules tools clean install uninstall modules_install \
	tools_install kernel check host-check demo vm-run deps bench

all: modules tools

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tools:
	$(MAKE) -C tools

clean:
	if [ -d $(KDIR) ]; then $(MAKE) -C $(KDIR) M=$(CURDIR) clean; fi
	$(MAKE) -C tools clean
	$(MAKE) -C tests/helpers clean

install: modules_install tools_install

# kbuild's modules_install runs depmod only where System.map exists, which
# Debian's header packages do not ship ("Skipping depmod"): run it here.
# Into DESTDIR (a package being built) it is the package's job, at install.
modules_install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates $(NOSIGN) modules_install
	$(if $(DESTDIR),@echo "depmod: not run into DESTDIR; run 'depmod $(KVER)' where it is installed",depmod $(KVER))

tools_install: tools
	$(MAKE) -C tools install PREFIX=$(PREFIX) SBINDIR=$(SBINDIR) MANDIR=$(MANDIR)
	install -D -m 0644 $(MCASTCTL_DIR)/completion/mcastctl \
		$(DESTDIR)$(BASHCOMPDIR)/mcastctl
	install -d $(DESTDIR)$(SYSTEMDDIR) $(DESTDIR)$(UDEVDIR)
	sed 's|/usr/sbin/mcastctl|$(SBINDIR)/mcastctl|g' \
		tools/systemd/mcast-router.service \
		>$(DESTDIR)$(SYSTEMDDIR)/mcast-router.service
	sed 's|/usr/sbin/madcapd|$(SBINDIR)/madcapd|g' \
		tools/systemd/madcapd.service \
		>$(DESTDIR)$(SYSTEMDDIR)/madcapd.service
	sed 's|/usr/sbin/mcastctl|$(SBINDIR)/mcastctl|g' \
		tools/udev/80-mcast-router.rules \
		>$(DESTDIR)$(UDEVDIR)/80-mcast-router.rules
	# The configuration is the administrator's: never overwritten.
	if [ ! -e $(DESTDIR)$(CONFDIR)/mcast_router.conf ]; then \
		install -D -m 0644 tools/etc/mcast_router.conf \
			$(DESTDIR)$(CONFDIR)/mcast_router.conf; \
	fi

uninstall:
	rm -f $(DESTDIR)/lib/modules/$(KVER)/updates/kmod/mcast_router.ko*
	$(if $(DESTDIR),,depmod $(KVER))
	rm -f $(DESTDIR)$(SBINDIR)/mcastctl $(DESTDIR)$(MANDIR)/man8/mcastctl.8 \
		$(DESTDIR)$(SBINDIR)/madcapd $(DESTDIR)$(MANDIR)/man8/madcapd.8 \
		$(DESTDIR)$(BASHCOMPDIR)/mcastctl \
		$(DESTDIR)$(SYSTEMDDIR)/mcast-router.service \
		$(DESTDIR)$(SYSTEMDDIR)/madcapd.service \
		$(DESTDIR)$(UDEVDIR)/80-mcast-router.rules

deps:
	tests/deps.sh

kernel: deps
	tests/kernel/build.sh

check: deps
	tests/lib/check.sh

host-check: deps
	tests/host/run.sh

demo: deps
	$(MAKE) tools
	tests/vm/run.sh demo

bench: deps
	$(MAKE) tools
	tests/bench/run.sh

vm-run: deps
	@if [ -z "$(SCRIPT)" ]; then echo "usage: make vm-run SCRIPT=path/to/script" >&2; exit 2; fi
	$(MAKE) tools
	tests/vm/run.sh $(SCRIPT)

-include mk/packaging.mk
