/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The group records of IGMPv3 and MLDv2 reports (grec.c).
 */
#ifndef _MCR_GREC_H
#define _MCR_GREC_H

#include <linux/skbuff.h>
#include <linux/types.h>

#include "config.h"

struct mcr_iface;

/*
 * The fixed part of an IGMPv3 or MLDv2 report: type, reserved, checksum,
 * reserved (2 bytes), number of group records (2). (struct igmpv3_report
 * and struct mld2_report end in arrays of flexible structures, which
 * sparse rejects.)
 */
#define MCR_REPORT_HDR_LEN	8

/**
 * mcr_grec_count() - the record count of a validated IGMPv3 / MLDv2 report
 * @skb: the report; its fixed part is in the packet
 * @off: offset of the report from skb->data
 *
 * Return: the count.
 */
static inline unsigned int mcr_grec_count(const struct sk_buff *skb,
					  unsigned int off)
{
	__be16 n = 0;

	/* The count ends the fixed part (igmpv3_report.ngrec, mld2r_ngrec). */
	skb_copy_bits(skb, off + MCR_REPORT_HDR_LEN - sizeof(n), &n, sizeof(n));
	return ntohs(n);
}

bool mcr_grec_check(const struct sk_buff *skb, unsigned int alen,
		    unsigned int off, unsigned int end, unsigned int ngrec);
void mcr_grec_apply(struct mcr_iface *iface, const struct sk_buff *skb,
		    u16 family, const struct mcr_addr *reporter,
		    unsigned int off, unsigned int ngrec);

#endif /* _MCR_GREC_H */
