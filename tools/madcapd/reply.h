/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building madcapd's replies (OFFER, ACK, NAK) into the server's scratch
 * message, and counting them. Private to server.c and reply.c.
 */
#ifndef MADCAPD_REPLY_H
#define MADCAPD_REPLY_H

#include "server.h"

#define NO_OPTION	0xFFFF	/* Error data: no option in particular */

/* Whether a request is answered. */
enum verdict {
	SILENT,
	REPLY,
};

/**
 * struct req_ctx - one request being handled
 * @s: the server
 * @req: the request
 * @peer: who sent it, to which of our addresses
 * @now: Unix time
 * @skew: the client's clock minus ours, from its Current Time
 * @rep: the reply being built
 * @no_cache: the reply reports a transient failure: do not cache it, so
 *	that a retransmission is tried again
 */
struct req_ctx {
	struct server *s;
	const struct madcap_msg *req;
	const struct server_peer *peer;
	int64_t now;
	int64_t skew;
	struct madcap_msg *rep;
	bool no_cache;
};

void reply_base(struct req_ctx *x, uint8_t type);
enum verdict reply_nak(struct req_ctx *x, enum madcap_err err,
		       unsigned int opt);
enum verdict reply_store_nak(struct req_ctx *x);
enum verdict reply_grant(struct req_ctx *x, uint8_t type,
			 const struct lease *l, bool with_scope);
enum verdict reply_ack(struct req_ctx *x);
void reply_scope_list(struct req_ctx *x);

#endif /* MADCAPD_REPLY_H */
