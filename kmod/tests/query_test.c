// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the queries (query.c): every kind of IGMP and MLD query
 * (general, group-specific, group-and-source-specific, per version) built
 * for a real (minimal, ether_setup, noqueue) net_device, accepted by the
 * kernel's own validators (ip_mc_check_igmp(), ipv6_mc_check_mld()) and
 * checked field by field; the Max Resp Code / QQIC encodings against the
 * kernel's decoders; the MTU limit; what is refused; the link header on
 * other devices; one query of each family sent.
 *
 * Sources are small numbers: n is 10.1.0.n or fd00::n.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/igmp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/pkt_sched.h>
#include <net/addrconf.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/mld.h>

#include "../query.h"
#include "netdev_fixture.h"

#define MAXS		4
#define CODE8_MAX	31744U
#define CODE16_MAX	8387584U

/* The test's state; what it holds is freed by the exit, even on failure. */
struct query_ctx {
	struct net_device *dev;		/* registered, up */
	struct net_device *scratch;	/* not registered, or NULL */
	struct sk_buff *skb;
};

static const u8 ra4[] = { IPOPT_RA, 4, 0, 0 };
static const u8 hbh6[] = { IPPROTO_ICMPV6, 0, IPV6_TLV_ROUTERALERT, 2, 0, 0,
			   IPV6_TLV_PADN, 0 };

/* Whether @skb (link header at data) is an IGMP or MLD query. */
static bool is_query(const struct sk_buff *skb)
{
	int off = skb_network_offset(skb);
	u8 buf[1];
	const u8 *p;

	if (skb->protocol == htons(ETH_P_IP)) {
		p = skb_header_pointer(skb, off + offsetof(struct iphdr,
							   protocol), 1, buf);
		if (!p || *p != IPPROTO_IGMP)
			return false;
		p = skb_header_pointer(skb, off + sizeof(struct iphdr) +
				       sizeof(ra4), 1, buf);
		return p && *p == IGMP_HOST_MEMBERSHIP_QUERY;
	}
	if (skb->protocol == htons(ETH_P_IPV6)) {
		p = skb_header_pointer(skb, off + offsetof(struct ipv6hdr,
							   nexthdr), 1, buf);
		if (!p || *p != NEXTHDR_HOP)
			return false;
		p = skb_header_pointer(skb, off + sizeof(struct ipv6hdr) +
				       sizeof(hbh6), 1, buf);
		return p && *p == ICMPV6_MGM_QUERY;
	}
	return false;
}

static int mcr_query_test_init(struct kunit *test)
{
	struct query_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	/* Keeps the first query: the stack sends MLD reports and ND too. */
	ctx->dev = mcr_test_netdev_create(test, "mcrquery%d", is_query);
	return 0;
}

static void mcr_query_test_exit(struct kunit *test)
{
	struct query_ctx *ctx = test->priv;

	if (!ctx)
		return;
	if (!IS_ERR_OR_NULL(ctx->skb))
		kfree_skb(ctx->skb);
	if (ctx->scratch)
		free_netdev(ctx->scratch);
	mcr_test_netdev_destroy(ctx->dev);
}

static void src_addr(u16 family, unsigned int id, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = htonl(0x0a010000 | id);
	} else {
		a->ip6.s6_addr[0] = 0xfd;
		a->ip6.s6_addr[14] = id >> 8;
		a->ip6.s6_addr[15] = id;
	}
}

/* 10.0.0.1 / fe80::1 */
static void query_src(u16 family, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = htonl(0x0a000001);
	} else {
		a->ip6.s6_addr[0] = 0xfe;
		a->ip6.s6_addr[1] = 0x80;
		a->ip6.s6_addr[15] = 1;
	}
}

/* 239.1.2.3 / ff0e::1:203; @unicast: 10.9.9.9 / fd00::909 */
static void query_group(u16 family, bool unicast, struct mcr_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (family == AF_INET) {
		a->ip4 = htonl(unicast ? 0x0a090909 : 0xef010203);
	} else if (unicast) {
		a->ip6.s6_addr[0] = 0xfd;
		a->ip6.s6_addr[14] = 9;
		a->ip6.s6_addr[15] = 9;
	} else {
		a->ip6.s6_addr[0] = 0xff;
		a->ip6.s6_addr[1] = 0x0e;
		a->ip6.s6_addr[13] = 1;
		a->ip6.s6_addr[14] = 2;
		a->ip6.s6_addr[15] = 3;
	}
}

/* RFC 1112 6.4 / RFC 2464 7, written out rather than the kernel's helpers. */
static void group_mac(u16 family, const struct mcr_addr *dst, u8 *mac)
{
	if (family == AF_INET) {
		const u8 *b = (const u8 *)&dst->ip4;

		mac[0] = 0x01;
		mac[1] = 0x00;
		mac[2] = 0x5e;
		mac[3] = b[1] & 0x7f;
		mac[4] = b[2];
		mac[5] = b[3];
	} else {
		mac[0] = 0x33;
		mac[1] = 0x33;
		memcpy(mac + 2, &dst->ip6.s6_addr[12], 4);
	}
}

/* The kernel's decoders of the 8- and 16-bit codes. */
static u32 decode8(u8 code)
{
	return IGMPV3_MRC(code);
}

static u32 decode16(u16 code)
{
	struct mld2_query mlh2 = { .mld2q_mrc = htons(code) };

	return mldv2_mrc(&mlh2);
}

/*
 * One query and what it must look like. @mrc is the Max Resp field as the
 * receiver reads it: IGMPv2 tenths of a second, IGMPv3 the decoded code
 * (tenths), MLDv1 milliseconds, MLDv2 the decoded code (milliseconds);
 * @qrv and @qqi likewise as sent (v3 / MLDv2).
 */
struct qcase {
	const char *desc;
	u16 family;
	u8 version;
	bool group;
	u8 n_sources;
	u32 max_resp_ms;
	bool s_flag;
	u8 qrv;
	u32 qqi_s;
	u32 mrc;
	u8 qrv_sent;
	u32 qqi;
};

/* The rows the other tests use. */
enum {
	QC_IGMPV3_GENERAL = 5,
	QC_IGMPV3_SOURCES = 7,
	QC_MLDV2_SOURCES = 14,
};

static const struct qcase qcases[] = {
	{ "IGMPv1 general", AF_INET, 1, false, 0, 10000, .mrc = 0 },
	{ "IGMPv2 general", AF_INET, 2, false, 0, 10000, .mrc = 100 },
	{ "IGMPv2 group", AF_INET, 2, true, 0, 1000, .mrc = 10 },
	{ "IGMPv2 group, 50 ms: code 1, not 0 (v1)", AF_INET, 2, true, 0, 50,
	  .mrc = 1 },
	{ "IGMPv2 group, 100 s: code 255", AF_INET, 2, true, 0, 100000,
	  .mrc = 255 },
	[QC_IGMPV3_GENERAL] = { "IGMPv3 general", AF_INET, 3, false, 0,
				10000, false, 2, 125, 100, 2, 125 },
	{ "IGMPv3 group, S, QRV 7", AF_INET, 3, true, 0, 1000, true, 7, 125,
	  10, 7, 125 },
	[QC_IGMPV3_SOURCES] = { "IGMPv3 group+sources, float codes, QRV 9",
				AF_INET, 3, true, 3, 25000, false, 9, 300,
				248, 0, 288 },
	{ "IGMPv3 group+1 source, S, max codes", AF_INET, 3, true, 1,
	  4000000, true, 1, 40000, CODE8_MAX, 1, CODE8_MAX },
	{ "MLDv1 general", AF_INET6, 1, false, 0, 10000, .mrc = 10000 },
	{ "MLDv1 group", AF_INET6, 1, true, 0, 1000, .mrc = 1000 },
	{ "MLDv1 group, 100 s: 65535 ms", AF_INET6, 1, true, 0, 100000,
	  .mrc = 65535 },
	{ "MLDv2 general", AF_INET6, 2, false, 0, 10000, false, 2, 125,
	  10000, 2, 125 },
	{ "MLDv2 group, S, QRV 7", AF_INET6, 2, true, 0, 1000, true, 7, 125,
	  1000, 7, 125 },
	[QC_MLDV2_SOURCES] = { "MLDv2 group+sources, float codes, QRV 9",
			       AF_INET6, 2, true, 3, 100007, false, 9, 300,
			       100000, 0, 288 },
	{ "MLDv2 group+4 sources, S, max codes", AF_INET6, 2, true, MAXS,
	  10000000, true, 1, 40000, CODE16_MAX, 1, CODE8_MAX },
};

static void qcase_desc(const struct qcase *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(qcase, qcases, qcase_desc);

/* @group and @src[MAXS] are filled as @c says; @q points at them. */
static void fill_query(const struct qcase *c, struct mcr_query *q,
		       struct mcr_addr *group, struct mcr_addr *src)
{
	unsigned int i;

	memset(q, 0, sizeof(*q));
	q->family = c->family;
	q->version = c->version;
	query_src(c->family, &q->src);
	query_group(c->family, false, group);
	if (c->group)
		q->group = group;
	for (i = 0; i < MAXS; i++)
		src_addr(c->family, i + 1, &src[i]);
	if (c->n_sources) {
		q->sources = src;
		q->n_sources = c->n_sources;
	}
	q->max_resp_ms = c->max_resp_ms;
	q->s_flag = c->s_flag;
	q->qrv = c->qrv;
	q->qqi_s = c->qqi_s;
}

/* The IP datagram's length. */
static unsigned int ip_len(const struct qcase *c)
{
	if (c->family == AF_INET)
		return 24 + (c->version < 3 ? 8 : 12 + 4 * c->n_sources);
	return 48 + (c->version == 1 ? 24 : 28 + 16 * c->n_sources);
}

/* Link header: the destination's MAC, the device's, the family. */
static void check_eth(struct kunit *test, const struct sk_buff *skb,
		      const struct net_device *dev, u16 family,
		      const struct mcr_addr *dst)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	u8 mac[ETH_ALEN];

	group_mac(family, dst, mac);
	KUNIT_ASSERT_EQ(test, ETH_HLEN, skb_network_offset(skb));
	KUNIT_EXPECT_MEMEQ(test, mac, eth->h_dest, ETH_ALEN);
	KUNIT_EXPECT_MEMEQ(test, dev->dev_addr, eth->h_source, ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, eth->h_proto == (family == AF_INET ?
						 htons(ETH_P_IP) :
						 htons(ETH_P_IPV6)));
}

static void check_igmp(struct kunit *test, struct sk_buff *skb,
		       const struct qcase *c, const struct mcr_query *q)
{
	unsigned int len = ip_len(c), ilen = len - 24, i;
	__be32 dst = q->group ? q->group->ip4 : htonl(INADDR_ALLHOSTS_GROUP);
	const struct iphdr *iph;
	const struct igmphdr *ih;

	KUNIT_ASSERT_EQ(test, 0, ip_mc_check_igmp(skb));
	KUNIT_ASSERT_EQ(test, 24, skb_transport_offset(skb));
	KUNIT_ASSERT_EQ(test, len, skb->len);
	iph = ip_hdr(skb);
	KUNIT_EXPECT_EQ(test, 4, (u8)iph->version);
	KUNIT_EXPECT_EQ(test, 6, (u8)iph->ihl);
	KUNIT_EXPECT_EQ(test, 0xc0, iph->tos);
	KUNIT_EXPECT_EQ(test, len, ntohs(iph->tot_len));
	KUNIT_EXPECT_EQ(test, 0, ntohs(iph->frag_off));	/* no DF */
	KUNIT_EXPECT_EQ(test, 1, iph->ttl);
	KUNIT_EXPECT_EQ(test, IPPROTO_IGMP, iph->protocol);
	KUNIT_EXPECT_EQ(test, 0, (__force u16)ip_fast_csum(iph, iph->ihl));
	KUNIT_EXPECT_EQ(test, ntohl(q->src.ip4), ntohl(iph->saddr));
	KUNIT_EXPECT_EQ(test, ntohl(dst), ntohl(iph->daddr));
	KUNIT_EXPECT_MEMEQ(test, ra4, iph + 1, sizeof(ra4));

	ih = igmp_hdr(skb);
	KUNIT_EXPECT_EQ(test, 0, (__force u16)ip_compute_csum(ih, ilen));
	KUNIT_EXPECT_EQ(test, IGMP_HOST_MEMBERSHIP_QUERY, ih->type);
	KUNIT_EXPECT_EQ(test, ntohl(q->group ? q->group->ip4 : 0),
			ntohl(ih->group));
	if (c->version < 3) {
		KUNIT_EXPECT_EQ(test, (unsigned int)sizeof(*ih), ilen);
		KUNIT_EXPECT_EQ(test, c->mrc, ih->code);
	} else {
		const struct igmpv3_query *ih3 = igmpv3_query_hdr(skb);

		KUNIT_EXPECT_EQ(test, c->mrc, decode8(ih3->code));
		KUNIT_EXPECT_EQ(test, c->s_flag, (u8)ih3->suppress);
		KUNIT_EXPECT_EQ(test, c->qrv_sent, (u8)ih3->qrv);
		KUNIT_EXPECT_EQ(test, 0, (u8)ih3->resv);
		KUNIT_EXPECT_EQ(test, c->qqi, decode8(ih3->qqic));
		KUNIT_EXPECT_EQ(test, c->n_sources, ntohs(ih3->nsrcs));
		for (i = 0; i < c->n_sources; i++)
			KUNIT_EXPECT_EQ(test, ntohl(q->sources[i].ip4),
					ntohl(ih3->srcs[i]));
	}
}

static void check_mld(struct kunit *test, struct sk_buff *skb,
		      const struct qcase *c, const struct mcr_query *q)
{
	static const struct in6_addr all_nodes =
		IN6ADDR_LINKLOCAL_ALLNODES_INIT;
	unsigned int len = ip_len(c), mlen = len - 48, i;
	const struct in6_addr *dst = q->group ? &q->group->ip6 : &all_nodes;
	const struct in6_addr *mca = q->group ? &q->group->ip6 : &in6addr_any;
	const struct ipv6hdr *ip6h;
	const struct mld_msg *mld;

	KUNIT_ASSERT_EQ(test, 0, ipv6_mc_check_mld(skb));
	KUNIT_ASSERT_EQ(test, 48, skb_transport_offset(skb));
	KUNIT_ASSERT_EQ(test, len, skb->len);
	ip6h = ipv6_hdr(skb);
	KUNIT_EXPECT_EQ(test, 6, (u8)ip6h->version);
	KUNIT_EXPECT_EQ(test, len - 40, ntohs(ip6h->payload_len));
	KUNIT_EXPECT_EQ(test, NEXTHDR_HOP, ip6h->nexthdr);
	KUNIT_EXPECT_EQ(test, 1, ip6h->hop_limit);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&q->src.ip6, &ip6h->saddr));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(dst, &ip6h->daddr));
	KUNIT_EXPECT_MEMEQ(test, hbh6, ip6h + 1, sizeof(hbh6));

	mld = (const struct mld_msg *)skb_transport_header(skb);
	KUNIT_EXPECT_EQ(test, 0,
			(__force u16)csum_ipv6_magic(&ip6h->saddr,
						     &ip6h->daddr, mlen,
						     IPPROTO_ICMPV6,
						     csum_partial(mld, mlen,
								  0)));
	KUNIT_EXPECT_EQ(test, ICMPV6_MGM_QUERY, mld->mld_type);
	KUNIT_EXPECT_EQ(test, 0, mld->mld_code);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(mca, &mld->mld_mca));
	if (c->version == 1) {
		KUNIT_EXPECT_EQ(test, (unsigned int)sizeof(*mld), mlen);
		KUNIT_EXPECT_EQ(test, c->mrc, ntohs(mld->mld_maxdelay));
	} else {
		const struct mld2_query *mlh2 = (const void *)mld;

		KUNIT_EXPECT_EQ(test, c->mrc, mldv2_mrc(mlh2));
		KUNIT_EXPECT_EQ(test, c->s_flag, (u8)mlh2->mld2q_suppress);
		KUNIT_EXPECT_EQ(test, c->qrv_sent, (u8)mlh2->mld2q_qrv);
		KUNIT_EXPECT_EQ(test, 0, (u8)mlh2->mld2q_resv2);
		KUNIT_EXPECT_EQ(test, c->qqi, decode8(mlh2->mld2q_qqic));
		KUNIT_EXPECT_EQ(test, c->n_sources, ntohs(mlh2->mld2q_nsrcs));
		for (i = 0; i < c->n_sources; i++)
			KUNIT_EXPECT_TRUE(test,
					  ipv6_addr_equal(&q->sources[i].ip6,
							  &mlh2->mld2q_srcs[i]));
	}
}

/*
 * Link header checked, then data back at the network header for the
 * kernel's validator and the field checks.
 */
static void check_query(struct kunit *test, struct sk_buff *skb,
			const struct net_device *dev, const struct qcase *c,
			const struct mcr_query *q)
{
	struct mcr_addr dst;

	memset(&dst, 0, sizeof(dst));
	if (q->group)
		dst = *q->group;
	else if (c->family == AF_INET)
		dst.ip4 = htonl(INADDR_ALLHOSTS_GROUP);
	else
		dst.ip6 = (struct in6_addr)IN6ADDR_LINKLOCAL_ALLNODES_INIT;

	KUNIT_EXPECT_PTR_EQ(test, dev, skb->dev);
	KUNIT_EXPECT_EQ(test, TC_PRIO_CONTROL, skb->priority);
	KUNIT_EXPECT_TRUE(test, skb->protocol == (c->family == AF_INET ?
						  htons(ETH_P_IP) :
						  htons(ETH_P_IPV6)));
	check_eth(test, skb, dev, c->family, &dst);
	KUNIT_ASSERT_EQ(test, ETH_HLEN + ip_len(c), skb->len);
	__skb_pull(skb, skb_network_offset(skb));
	if (c->family == AF_INET)
		check_igmp(test, skb, c, q);
	else
		check_mld(test, skb, c, q);
}

static void mcr_query_test_build(struct kunit *test)
{
	const struct qcase *c = test->param_value;
	struct query_ctx *ctx = test->priv;
	struct mcr_addr group, src[MAXS];
	struct mcr_query q;
	struct sk_buff *skb;

	fill_query(c, &q, &group, src);
	skb = mcr_query_build(ctx->dev, &q, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, skb);
	ctx->skb = skb;
	check_query(test, skb, ctx->dev, c, &q);
}

/* Sent through the device queue: the same packet arrives. */
static void mcr_query_test_send(struct kunit *test)
{
	static const unsigned int which[] = {
		QC_IGMPV3_GENERAL, QC_MLDV2_SOURCES,
	};
	struct query_ctx *ctx = test->priv;
	struct mcr_test_netdev *p = netdev_priv(ctx->dev);
	struct mcr_addr group, src[MAXS];
	const struct qcase *c;
	struct mcr_query q;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(which); i++) {
		c = &qcases[which[i]];
		fill_query(c, &q, &group, src);
		local_bh_disable();
		rcu_read_lock();
		err = mcr_query_send(ctx->dev, &q);
		rcu_read_unlock();
		local_bh_enable();
		ctx->skb = p->kept;
		p->kept = NULL;
		KUNIT_EXPECT_EQ(test, 0, err);
		KUNIT_ASSERT_NOT_NULL(test, ctx->skb);
		check_query(test, ctx->skb, ctx->dev, c, &q);
		kfree_skb(ctx->skb);
		ctx->skb = NULL;
	}
}

/* The errno of a build that must fail; what it built anyway is freed. */
static int build_errno(struct net_device *dev, const struct mcr_query *q)
{
	struct sk_buff *skb = mcr_query_build(dev, q, GFP_KERNEL);

	if (IS_ERR(skb))
		return PTR_ERR(skb);
	kfree_skb(skb);
	return 0;
}

/* Queries that cannot be made. */
struct ecase {
	const char *desc;
	u16 family;
	u8 version;
	bool group;
	bool unicast_group;
	u8 n_sources;
};

static const struct ecase ecases[] = {
	{ "IGMPv1 group query", AF_INET, 1, true },
	{ "IGMPv1 source query", AF_INET, 1, true, false, 1 },
	{ "IGMPv2 source query", AF_INET, 2, true, false, 2 },
	{ "IGMPv3 sources without a group", AF_INET, 3, .n_sources = 1 },
	{ "IGMPv3 unicast group", AF_INET, 3, true, true },
	{ "IGMP version 0", AF_INET, 0 },
	{ "IGMP version 4", AF_INET, 4 },
	{ "MLDv1 source query", AF_INET6, 1, true, false, 2 },
	{ "MLDv2 sources without a group", AF_INET6, 2, .n_sources = 1 },
	{ "MLDv2 unicast group", AF_INET6, 2, true, true },
	{ "MLD version 0", AF_INET6, 0 },
	{ "MLD version 3", AF_INET6, 3 },
	{ "family AF_UNSPEC", AF_UNSPEC, 2 },
};

static void ecase_desc(const struct ecase *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ecase, ecases, ecase_desc);

static void mcr_query_test_einval(struct kunit *test)
{
	const struct ecase *c = test->param_value;
	struct query_ctx *ctx = test->priv;
	struct mcr_addr group, src[MAXS];
	struct mcr_query q = {
		.family = c->family,
		.version = c->version,
		.max_resp_ms = 1000,
		.qrv = 2,
		.qqi_s = 125,
	};
	u16 family = c->family == AF_INET6 ? AF_INET6 : AF_INET;
	unsigned int i;

	query_src(family, &q.src);
	query_group(family, c->unicast_group, &group);
	for (i = 0; i < MAXS; i++)
		src_addr(family, i + 1, &src[i]);
	if (c->group)
		q.group = &group;
	if (c->n_sources) {
		q.sources = src;
		q.n_sources = c->n_sources;
	}
	KUNIT_EXPECT_EQ(test, -EINVAL, build_errno(ctx->dev, &q));
	KUNIT_EXPECT_EQ(test, -EINVAL, mcr_query_send(ctx->dev, &q));
}

/*
 * The most sources that fit in the MTU, and one more: an IGMPv3 query is
 * 36 + 4 * n bytes, an MLDv2 one 76 + 16 * n. @len: the datagram's.
 */
struct mtu_case {
	const char *desc;
	u16 family;
	unsigned int mtu;
	unsigned int n;
	unsigned int len;
	int err;
};

static const struct mtu_case mtu_cases[] = {
	{ "IGMPv3 MTU 1500, 366 sources", AF_INET, 1500, 366, 1500 },
	{ "IGMPv3 MTU 1500, 367 sources", AF_INET, 1500, 367, 0, -EMSGSIZE },
	{ "IGMPv3 MTU 1280, 311 sources", AF_INET, 1280, 311, 1280 },
	{ "IGMPv3 MTU 1280, 312 sources", AF_INET, 1280, 312, 0, -EMSGSIZE },
	{ "IGMPv3 MTU 35, group query", AF_INET, 35, 0, 0, -EMSGSIZE },
	{ "MLDv2 MTU 1500, 89 sources", AF_INET6, 1500, 89, 1500 },
	{ "MLDv2 MTU 1500, 90 sources", AF_INET6, 1500, 90, 0, -EMSGSIZE },
	{ "MLDv2 MTU 1280, 75 sources", AF_INET6, 1280, 75, 1276 },
	{ "MLDv2 MTU 1280, 76 sources", AF_INET6, 1280, 76, 0, -EMSGSIZE },
	{ "MLDv2 MTU 75, group query", AF_INET6, 75, 0, 0, -EMSGSIZE },
	/* More than nsrcs can say, whatever the MTU. */
	{ "IGMPv3 65536 sources, MTU 1 << 20", AF_INET, 1 << 20, 65536, 0,
	  -EMSGSIZE },
	{ "MLDv2 65536 sources, MTU 1 << 22", AF_INET6, 1 << 22, 65536, 0,
	  -EMSGSIZE },
};

static void mtu_desc(const struct mtu_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mtu, mtu_cases, mtu_desc);

static void scratch_setup(struct net_device *dev)
{
	ether_setup(dev);
	eth_hw_addr_random(dev);
}

/* An Ethernet device, not registered: its MTU and type are ours. */
static struct net_device *scratch_dev(struct kunit *test)
{
	struct query_ctx *ctx = test->priv;

	ctx->scratch = alloc_netdev(0, "mcrqscratch%d", NET_NAME_ENUM,
				    scratch_setup);
	KUNIT_ASSERT_NOT_NULL(test, ctx->scratch);
	return ctx->scratch;
}

static void mcr_query_test_mtu(struct kunit *test)
{
	const struct mtu_case *c = test->param_value;
	struct net_device *dev = scratch_dev(test);
	struct query_ctx *ctx = test->priv;
	struct mcr_addr group, *src;
	struct mcr_query q = {
		.family = c->family,
		.version = c->family == AF_INET ? 3 : 2,
		.max_resp_ms = 1000,
		.qrv = 2,
		.qqi_s = 125,
	};
	unsigned int i, n = clamp(c->n, 1U, 1024U);

	/* Past 1024 the sources are refused unread. */
	src = kunit_kcalloc(test, n, sizeof(*src), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, src);
	for (i = 0; i < n; i++)
		src_addr(c->family, i + 1, &src[i]);
	query_src(c->family, &q.src);
	query_group(c->family, false, &group);
	q.group = &group;
	q.sources = c->n ? src : NULL;
	q.n_sources = c->n;
	dev->mtu = c->mtu;

	if (c->err) {
		KUNIT_EXPECT_EQ(test, c->err, build_errno(dev, &q));
		return;
	}
	ctx->skb = mcr_query_build(dev, &q, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->skb);
	KUNIT_EXPECT_EQ(test, ETH_HLEN + c->len, ctx->skb->len);
	__skb_pull(ctx->skb, ETH_HLEN);
	if (c->family == AF_INET)
		KUNIT_EXPECT_EQ(test, 0, ip_mc_check_igmp(ctx->skb));
	else
		KUNIT_EXPECT_EQ(test, 0, ipv6_mc_check_mld(ctx->skb));
}

/*
 * A device without header_ops gets no link header, one whose link header
 * is not Ethernet no query; the device's needed head and tail room are
 * left free.
 */
static void mcr_query_test_link(struct kunit *test)
{
	struct net_device *dev = scratch_dev(test);
	struct query_ctx *ctx = test->priv;
	const struct header_ops *ops = dev->header_ops;
	const struct qcase *c = &qcases[QC_MLDV2_SOURCES];
	struct mcr_addr group, src[MAXS];
	struct mcr_query q;

	fill_query(c, &q, &group, src);
	dev->type = ARPHRD_IEEE802;
	KUNIT_EXPECT_EQ(test, -EAFNOSUPPORT, build_errno(dev, &q));

	dev->type = ARPHRD_NONE;
	dev->header_ops = NULL;
	dev->hard_header_len = 0;
	ctx->skb = mcr_query_build(dev, &q, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->skb);
	KUNIT_EXPECT_EQ(test, 0, skb_network_offset(ctx->skb));
	KUNIT_EXPECT_EQ(test, ip_len(c), ctx->skb->len);
	KUNIT_EXPECT_EQ(test, 0, ipv6_mc_check_mld(ctx->skb));
	kfree_skb(ctx->skb);
	ctx->skb = NULL;

	dev->type = ARPHRD_ETHER;
	dev->header_ops = ops;
	dev->hard_header_len = ETH_HLEN;
	dev->needed_headroom = 64;
	dev->needed_tailroom = 32;
	c = &qcases[QC_IGMPV3_SOURCES];
	fill_query(c, &q, &group, src);
	ctx->skb = mcr_query_build(dev, &q, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->skb);
	KUNIT_EXPECT_GE(test, skb_headroom(ctx->skb), 64U);
	KUNIT_EXPECT_GE(test, skb_tailroom(ctx->skb), 32);
	check_query(test, ctx->skb, dev, c, &q);
}

/* Exact codes: the edges of RFC 3376 4.1.1 and RFC 3810 5.1.3. */
static void mcr_query_test_code_edges(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 0, mcr_query_code8(0));
	KUNIT_EXPECT_EQ(test, 127, mcr_query_code8(127));
	KUNIT_EXPECT_EQ(test, 0x80, mcr_query_code8(128));
	KUNIT_EXPECT_EQ(test, 0x80, mcr_query_code8(135));
	KUNIT_EXPECT_EQ(test, 0x81, mcr_query_code8(136));
	KUNIT_EXPECT_EQ(test, 0x90, mcr_query_code8(256));
	KUNIT_EXPECT_EQ(test, 0xfe, mcr_query_code8(CODE8_MAX - 1));
	KUNIT_EXPECT_EQ(test, 0xff, mcr_query_code8(CODE8_MAX));
	KUNIT_EXPECT_EQ(test, 0xff, mcr_query_code8(CODE8_MAX + 1));
	KUNIT_EXPECT_EQ(test, 0xff, mcr_query_code8(1U << 20));
	KUNIT_EXPECT_EQ(test, 0xff, mcr_query_code8(U32_MAX));
	KUNIT_EXPECT_EQ(test, CODE8_MAX, decode8(0xff));

	KUNIT_EXPECT_EQ(test, 0, mcr_query_code16(0));
	KUNIT_EXPECT_EQ(test, 127, mcr_query_code16(127));
	KUNIT_EXPECT_EQ(test, 128, mcr_query_code16(128));
	KUNIT_EXPECT_EQ(test, 32767, mcr_query_code16(32767));
	KUNIT_EXPECT_EQ(test, 0x8000, mcr_query_code16(32768));
	KUNIT_EXPECT_EQ(test, 0x8000, mcr_query_code16(32775));
	KUNIT_EXPECT_EQ(test, 0x8001, mcr_query_code16(32776));
	KUNIT_EXPECT_EQ(test, 0x9000, mcr_query_code16(65536));
	KUNIT_EXPECT_EQ(test, 0xfffe, mcr_query_code16(CODE16_MAX - 1));
	KUNIT_EXPECT_EQ(test, 0xffff, mcr_query_code16(CODE16_MAX));
	KUNIT_EXPECT_EQ(test, 0xffff, mcr_query_code16(CODE16_MAX + 1));
	KUNIT_EXPECT_EQ(test, 0xffff, mcr_query_code16(1U << 24));
	KUNIT_EXPECT_EQ(test, 0xffff, mcr_query_code16(U32_MAX));
	KUNIT_EXPECT_EQ(test, CODE16_MAX, decode16(0xffff));
}

/*
 * Every value (and some beyond the maximum): the code decodes to at most
 * the value, less by under one step of its exponent (2^(exp + 3), the
 * RFCs' granularity) - the largest value representable - and never
 * decreases as the value grows. Past the maximum: the maximum.
 */
static void check_codes(struct kunit *test, unsigned int mant_bits,
			u32 max, u32 end)
{
	u32 limit = 1U << (mant_bits + 3), prev = 0, v, d, step;
	bool bad;

	for (v = 0; v <= end; v++) {
		if (mant_bits == 4)
			d = decode8(mcr_query_code8(v));
		else
			d = decode16(mcr_query_code16(v));
		step = v < limit ? 1 : 1U << (fls(v) - mant_bits - 1);
		if (v > max)
			bad = d != max;
		else
			bad = d > v || v - d >= step || d < prev;
		if (bad) {
			KUNIT_FAIL(test, "value %u: code decodes to %u", v, d);
			return;
		}
		prev = d;
	}
}

static void mcr_query_test_code8(struct kunit *test)
{
	check_codes(test, 4, CODE8_MAX, CODE8_MAX * 4);
}

static void mcr_query_test_code16(struct kunit *test)
{
	check_codes(test, 12, CODE16_MAX, CODE16_MAX * 2);
}

static struct kunit_case mcr_query_test_cases[] = {
	KUNIT_CASE_PARAM(mcr_query_test_build, qcase_gen_params),
	KUNIT_CASE(mcr_query_test_send),
	KUNIT_CASE_PARAM(mcr_query_test_einval, ecase_gen_params),
	KUNIT_CASE_PARAM(mcr_query_test_mtu, mtu_gen_params),
	KUNIT_CASE(mcr_query_test_link),
	KUNIT_CASE(mcr_query_test_code_edges),
	KUNIT_CASE(mcr_query_test_code8),
	KUNIT_CASE(mcr_query_test_code16),
	{}
};

static struct kunit_suite mcr_query_test_suite = {
	.name = "mcast_router_query",
	.init = mcr_query_test_init,
	.exit = mcr_query_test_exit,
	.test_cases = mcr_query_test_cases,
};

kunit_test_suite(mcr_query_test_suite);
