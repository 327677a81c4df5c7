/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mcastctl: the "config" object (save and apply the configuration as a
 * file of commands), and what the objects' savers share.
 */
#ifndef MCASTCTL_CONFIG_H
#define MCASTCTL_CONFIG_H

#include <stdio.h>

void config_usage(FILE *fp);
int config_main(int argc, char **argv);
int config_line_devices(int argc, char **argv, const char **devs, int max);
void config_put_word(FILE *fp, const char *word);

/* The objects' savers: their configuration as command lines. */
int iface_save(FILE *fp);
int group_save(FILE *fp);
int mfe_save(FILE *fp);

#endif /* MCASTCTL_CONFIG_H */
