// SPDX-License-Identifier: GPL-2.0
/*
 * mcast_router: multicast router. Module init and exit ordering only.
 */

#include <linux/module.h>
#include <linux/rcupdate.h>
#include <net/genetlink.h>
#include <linux/mcast_router.h>

#include "netlink.h"
#include "netns.h"

static int __init mcr_mod_init(void)
{
	int err;

	/* Per-namespace state (and notifiers) before anyone can ask for it. */
	err = mcr_netns_init();
	if (err)
		goto err_netns;

	err = mcr_netlink_init();
	if (err)
		goto err_netlink;

	return 0;

err_netlink:
	mcr_netns_uninit();
err_netns:
	return err;
}

/*
 * Exit order, and why it is race-free:
 *
 * 1. mcr_netlink_uninit(): notifications stop (under RTNL), then the
 *    family is unregistered; genl_unregister_family() takes the genetlink
 *    lock exclusively, so it returns only after every running request has
 *    finished, and no new one can start. From here on only the netdevice
 *    notifiers and the pernet exits touch the tables, all under RTNL.
 * 2. mcr_netns_uninit(): runs mcr_net_exit() for every namespace. Each
 *    exit empties its table (dropping allmulti on live devices) and then
 *    unregisters that namespace's notifier, while its struct mcr_net is
 *    still allocated: the pernet core frees net_generic storage only after
 *    the exit has returned. The notifier lives in struct mcr_net and only
 *    ever touches it, so it can never run on freed state, and no device
 *    event can be missed while an entry still exists. (A global notifier
 *    would need the opposite order here and race with device removal in
 *    between.)
 * 3. rcu_barrier(): the entries, configurations and device references
 *    released with call_rcu()/kfree_rcu() above are freed by callbacks in
 *    this module's text; wait for them before the text goes away.
 */
static void __exit mcr_mod_exit(void)
{
	mcr_netlink_uninit();
	mcr_netns_uninit();
	rcu_barrier();
}

module_init(mcr_mod_init);
module_exit(mcr_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Multicast router (IGMP/MLD router and proxy)");
MODULE_ALIAS_GENL_FAMILY(MCAST_ROUTER_GENL_NAME);
