/* SPDX-License-Identifier: GPL-2.0 */
/*
 * madcapd's side of the control protocol (the protocol is control.h):
 * one JSON request in, one JSON reply out, no sockets here.
 */
#ifndef MADCAPD_CTL_H
#define MADCAPD_CTL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "server.h"

size_t control_handle(struct server *s, const void *req, size_t len,
		      uid_t uid, int64_t now, char *out, size_t size);

#endif /* MADCAPD_CTL_H */
