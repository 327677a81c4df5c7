/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "proxy" object (proxy.c).
 */
#ifndef MCASTCTL_PROXY_H
#define MCASTCTL_PROXY_H

#include <stdio.h>

void proxy_usage(FILE *fp);

#endif /* MCASTCTL_PROXY_H */
