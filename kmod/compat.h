/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels mcast_router builds against (Debian's
 * 6.1 and 6.12, and a 6.12 test kernel with CONFIG_KUNIT). Feature tests
 * only: no version numbers.
 */
#ifndef _MCR_COMPAT_H
#define _MCR_COMPAT_H

#include <linux/netdevice.h>
#include <linux/string.h>
#include <net/genetlink.h>

/*
 * kunit/visibility.h exists from 6.2 on (Kbuild defines
 * MCR_HAVE_KUNIT_VISIBILITY when it finds it). Without CONFIG_KUNIT the
 * exports for the test module are not needed at all, and a function only
 * the suites call from outside its file is static (VISIBLE_IF_KUNIT); one
 * only the suites call at all is built under IS_ENABLED(CONFIG_KUNIT).
 */
#if IS_ENABLED(CONFIG_KUNIT) && defined(MCR_HAVE_KUNIT_VISIBILITY)
#include <kunit/visibility.h>
#elif IS_ENABLED(CONFIG_KUNIT)
#define EXPORT_SYMBOL_IF_KUNIT(sym) \
	EXPORT_SYMBOL_NS(sym, EXPORTED_FOR_KUNIT_TESTING)
#define VISIBLE_IF_KUNIT
#else
/* Nothing to export; still check that @sym exists. */
#define EXPORT_SYMBOL_IF_KUNIT(sym) static_assert(sizeof(typeof(sym) *))
#define VISIBLE_IF_KUNIT static
#endif

/*
 * Joining the monitor group needs CAP_NET_ADMIN in the netns where the
 * kernel can enforce it (mainline 6.6, backported to Debian's 6.1).
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define MCR_MCGRP_FLAGS .flags = GENL_MCAST_CAP_NET_ADMIN,
#else
#define MCR_MCGRP_FLAGS
#endif

/**
 * mcr_compat_copy_name() - copy a device's name for a reply built under RCU
 * @dev: the device
 * @name: destination, IFNAMSIZ bytes
 *
 * netdev_copy_name() (6.9+, seqlock-protected against renames) is not
 * exported, so readers that do not hold RTNL copy the name with strscpy():
 * the result is always NUL-terminated, and a rename racing with the copy
 * is followed by a CHANGE_NTF carrying the new name (built under RTNL).
 */
static inline void mcr_compat_copy_name(const struct net_device *dev,
					char *name)
{
	strscpy(name, dev->name, IFNAMSIZ);
}

/*
 * Formatted extack messages appeared in 6.2; older kernels get the fixed
 * text @msg instead.
 */
#ifdef NL_SET_ERR_MSG_FMT
#define MCR_ERR_MSG_FMT(extack, msg, fmt, args...) do {	\
	(void)(msg);						\
	NL_SET_ERR_MSG_FMT(extack, fmt, ##args);		\
} while (0)
#else
#define MCR_ERR_MSG_FMT(extack, msg, fmt, args...) do {	\
	(void)(fmt);						\
	NL_SET_ERR_MSG(extack, msg);				\
} while (0)
#endif

#endif /* _MCR_COMPAT_H */
