# SPDX-License-Identifier: GPL-2.0
#
# Packaging: DKMS and the Debian packages. Included by the top-level
# Makefile; works alone too (make -f mk/packaging.mk TARGET).
#
#   make dkms-install [KVER=...]  copy the DKMS source tree to
#                     /usr/src/mcast-router-$(VERSION), then dkms add, build
#                     and install for KVER (default: the running kernel).
#                     A version already added is removed first (from every
#                     kernel), so a second run replaces it cleanly.
#   make dkms-remove  dkms remove mcast-router/$(VERSION) --all (if added),
#                     then rm -rf /usr/src/mcast-router-$(VERSION)
#   make dkms-source DKMS_SOURCE_DIR=DIR
#                     the DKMS source tree (Kbuild, kmod/, uapi/, dkms.conf,
#                     VERSION) in DIR, replacing it; debian/rules uses it
#   make deb          Debian binary packages (debian/) in build/deb/, built
#                     from a copy of the checkout's files (tracked, and
#                     untracked unless ignored) in build/deb/src;
#                     DEB_BUILD_DIR=DIR builds elsewhere
#
# $(VERSION) is the top-level file VERSION; dkms.conf and debian/changelog
# carry the same version (tests/host/packaging.sh checks it).

PKG_TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
PKG_NAME := mcast-router
PKG_VERSION := $(shell cat $(PKG_TOP)/VERSION 2>/dev/null)
KVER ?= $(shell uname -r)
DKMS ?= dkms
DKMS_SOURCE_DIR ?= /usr/src/$(PKG_NAME)-$(PKG_VERSION)
DEB_BUILD_DIR ?= $(PKG_TOP)/build/deb

# The DKMS source tree, relative to $(PKG_TOP): no build products (*.mod.c),
# no Python or shell tests. The KUnit sources in kmod/tests are built only
# against kernels with CONFIG_KUNIT.
PKG_DKMS_FILES := Kbuild VERSION dkms.conf \
	$(filter-out %.mod.c,$(patsubst $(PKG_TOP)/%,%,$(wildcard \
		$(PKG_TOP)/kmod/Kbuild $(PKG_TOP)/kmod/*.[ch] \
		$(PKG_TOP)/kmod/tests/*.[ch] $(PKG_TOP)/uapi/linux/*.h)))

PKG_DKMS_MV := -m $(PKG_NAME) -v $(PKG_VERSION)

define pkg_check_version
	@if [ -z "$(PKG_VERSION)" ]; then \
		echo "packaging: $(PKG_TOP)/VERSION is missing or empty" >&2; exit 2; fi
endef

.PHONY: dkms-source dkms-install dkms-remove deb

dkms-source:
	$(pkg_check_version)
	@if [ -z "$(DKMS_SOURCE_DIR)" ]; then \
		echo "usage: make dkms-source DKMS_SOURCE_DIR=DIR" >&2; exit 2; fi
	rm -rf $(abspath $(DKMS_SOURCE_DIR))
	@echo "  DKMS source tree: $(words $(PKG_DKMS_FILES)) files in $(abspath $(DKMS_SOURCE_DIR))"
	@cd $(PKG_TOP) && for f in $(PKG_DKMS_FILES); do \
		install -D -m 0644 "$$f" "$(abspath $(DKMS_SOURCE_DIR))/$$f" || exit 1; \
	done

dkms-install:
	$(pkg_check_version)
	@if [ ! -e /lib/modules/$(KVER)/build ]; then \
		echo "packaging: no headers for kernel $(KVER) (/lib/modules/$(KVER)/build):" \
			"install linux-headers-$(KVER), or give KVER=" >&2; exit 2; fi
	if [ -n "$$($(DKMS) status $(PKG_DKMS_MV))" ]; then \
		$(DKMS) remove $(PKG_NAME)/$(PKG_VERSION) --all; fi
	$(MAKE) -f $(PKG_TOP)/mk/packaging.mk dkms-source \
		DKMS_SOURCE_DIR=/usr/src/$(PKG_NAME)-$(PKG_VERSION)
	$(DKMS) add $(PKG_DKMS_MV)
	$(DKMS) build $(PKG_DKMS_MV) -k $(KVER)
	$(DKMS) install $(PKG_DKMS_MV) -k $(KVER)

dkms-remove:
	$(pkg_check_version)
	if [ -n "$$($(DKMS) status $(PKG_DKMS_MV))" ]; then \
		$(DKMS) remove $(PKG_NAME)/$(PKG_VERSION) --all; fi
	rm -rf /usr/src/$(PKG_NAME)-$(PKG_VERSION)

deb:
	$(pkg_check_version)
	@git -C $(PKG_TOP) rev-parse --git-dir >/dev/null 2>&1 || { \
		echo "packaging: make deb copies the files git lists: $(PKG_TOP) is not a git checkout" >&2; \
		exit 2; }
	rm -rf $(DEB_BUILD_DIR)/src
	rm -f $(DEB_BUILD_DIR)/$(PKG_NAME)*_$(PKG_VERSION)*
	mkdir -p $(DEB_BUILD_DIR)/src
	cd $(PKG_TOP) && git ls-files -z --cached --others --exclude-standard | \
		tar --null --files-from=- --ignore-failed-read -cf - | \
		tar -C $(DEB_BUILD_DIR)/src -xf -
	cd $(DEB_BUILD_DIR)/src && \
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL dpkg-buildpackage -us -uc -b
	@ls -1 $(DEB_BUILD_DIR)/*.deb
