#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host check: every program that `make demo` and `make check` (and `make
# bench`) call, on the host or in the guest (which runs the host's root
# filesystem), and every Python module their Python imports, comes from a
# Debian package that a fresh Debian 12 machine has after tests/deps.sh:
# one listed in tests/packages.txt, a dependency of one (apt-cache depends
# --recurse, without recommends), or one of Priority required or
# important, or Essential.
#
#   tests/host/programs.sh OUT_DIR
#
# stdout: one result per program and per Python module ("py:NAME"),
# exactly "PASS name" or "FAIL name: details" (the details name the script
# and line of each call); the whole story, and what the scan left out, in
# OUT_DIR/logs/programs.log (created). Exit status: 0 unless something
# failed. A run takes a few seconds.
#
# Environment:
#   PACKAGES         the package list (default tests/packages.txt)
#   PROGRAMS_IGNORE  false positives of the scan, "word  # why" a line
#                    (default tests/host/programs.ignore; py:NAME for a
#                    Python module)
#
# How the scan works:
#   - The Makefile targets demo, check and bench, and the mcastctl
#     Makefile's all and check (tests/host/run.sh's), are read like make
#     reads them (variables, include, pattern rules, prerequisites): their
#     recipes and the $(shell ...) make runs while reading become shell
#     code to scan; a recipe's make -C/-f DIR of the checkout is followed.
#   - Shell scripts are lexed (quotes, $(...), backquotes, ${...},
#     arithmetic, here-documents, case patterns, comments, continuation
#     lines). Words in command position are programs, except shell keywords
#     and builtins, functions of any scanned script, words with an expansion
#     (logged, not checked; "${ARRAY[@]}" is its first element when the
#     array is assigned a literal one) and paths of the checkout. Commands
#     that run a command are seen through: ip netns exec NS, timeout, nice,
#     env, xargs, setpriv, unshare, flock, exec, command (command -v X only
#     looks X up: not checked), sh/bash -c STRING, eval and trap STRINGs;
#     so are the scripts' own wrapper functions, found by the scan (a
#     function that runs "$@", after shifting N arguments; a name defined
#     by several scripts is taken from the calling script's own
#     definition, else only if all definitions agree).
#   - Implied programs: make C=1/C=2 runs sparse (so does a Makefile rule
#     with C=1/C=2 in its recipe, wanted or not, and a word C=1/C=2 kept
#     for a make); make M=... and O=... (kbuild) run $kbuild_m / $kbuild_o
#     below; make CC="..." the words given; tar with J, z or j runs xz,
#     gzip or bzip2; and the words of $implied below. The arguments of
#     $code_funcs below (lib.sh's cleanup_add) are shell code.
#   - Scripts are followed: every word naming a file of the checkout
#     (tests/..., kmod/..., tools/..., $(dirname "$0")/..., globs
#     included) that is a shell or Python script is scanned too.
#   - Python (files, and Python inside shell strings and here-documents):
#     import lines and importlib.import_module("X"); subprocess calls and
#     calls of the file's own wrappers of subprocess, with literal argument
#     lists. A module next to the importing file is the checkout's.
# Known limits: a command word that is a variable is not checked (the
# log lists each: the checkout's scripts among them are scanned); a
# here-document is data (but for the command substitutions of an unquoted
# one), as is a string that is not given to sh -c, eval, trap or
# $code_funcs (python3 -c "$var": its imports are found, its programs
# not); find -exec is not seen through; Python argument lists must be
# literal; an alternative (a | b) or a virtual package's provider in the
# dependency closure counts as covered, whichever apt would pick; the
# kernel's own build scripts and Makefiles are not scanned (the kbuild
# lists stand for them); a program the scripts only look up (command -v)
# and use when present is not required.
set -eu
export LC_ALL=C

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: tests/host/programs.sh OUT_DIR}
packages=${PACKAGES:-$root/tests/packages.txt}
ignore_file=${PROGRAMS_IGNORE:-$root/tests/host/programs.ignore}
# Where programs are looked up: the guest's PATH (tests/vm/init) without
# the checkout's tools/mcastctl, which is root's PATH on the host too.
lookup_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# What `make demo`, `make check` (and `make bench`) run:
# "DIR|MAKEFILE|TARGETS" (MAKEFILE empty: DIR/Makefile; TARGETS empty: its
# default goal). The make -C/-f their recipes start are followed.
# tests/host/run.sh runs the tools' Makefiles through a variable (make -C
# "$tdir" [check]), which the scan cannot follow: listed here.
make_roots=(".||demo check bench" "tools/mcastctl||all check" "tools/madcap||all check"
	"tools/madcapd||all check")
# Scripts scanned in any case (following the calls finds them too).
script_roots=(tests/lib/check.sh tests/host/run.sh tests/vm/run.sh
	tests/kernel/build.sh tests/vm/init tests/vm/guest-check.sh tests/vm/demo.sh
	'tests/scenarios/*.sh' 'tests/scenarios/on-host/*.sh' 'tests/scenarios/*.py'
	'tests/lib/*.py' 'tests/lib/*.sh'
	kmod/tests/nl_smoke.py 'tests/bench/*')
# Words of the code that imply programs or Python modules ("py:NAME"):
# "ERE<TAB>names". kbuild's C=1 / C=2 runs sparse, as a make argument or
# a word kept for one (tests/vm/run.sh's checks=(W=1 C=2)); the kernel's
# checkpatch.pl (tests/host/run.sh, through a variable) is Perl; the
# kernel's YNL library (17-ynl.sh, tests/spec/check-uapi.py) imports yaml,
# and jsonschema when given a schema (both callers give one).
implied='^C=[12]$	sparse
checkpatch\.pl$	perl
tools/net/ynl[^ ]	py:yaml py:jsonschema'
# Functions whose arguments are a shell command line, run later (lib.sh's
# cleanup_add): scanned as code.
code_funcs="cleanup_add"

# kbuild: what `make ... M=DIR` (an external module) and `make ... O=DIR`
# (the test kernel: an XZ-compressed bzImage, see tests/kernel/build.sh)
# run besides make itself. C=1/C=2 adds sparse.
kbuild_m="gcc ld"
kbuild_o="gcc ld bc bison flex perl xz"

mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
log=$out/logs/programs.log
tmp=$(mktemp -d /tmp/mcr-programs.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
: >"$log"
say() {
	printf '%s\n' "$*" >>"$log"
}

make_awk() {
	cat <<'AWK'
# Makefile reader (see the header of programs.sh). Reads the Makefile
# ARGV[1] (displayed as MK_NAME, in the directory MK_DIR, both relative to
# the checkout; MK_ROOT is the checkout) and the files it includes, and
# writes to MK_OUT the shell code that `make MK_TARGETS` runs: the recipes
# of the targets and of their prerequisites (transitively, pattern rules
# included), and every $(shell ...) and != assignment that make evaluates
# while reading the files. Each piece is preceded by "#@LINE n file".
# Prints "SUB<TAB>dir<TAB>makefile<TAB>targets" for each make started by
# those recipes.

function abs(p) {
	return (p ~ /^\//) ? p : MK_ROOT "/" (MK_DIR == "." ? "" : MK_DIR "/") p
}

function rel(p) {
	if (index(p, MK_ROOT "/") == 1)
		return substr(p, length(MK_ROOT) + 2)
	return p
}

BEGIN {
	MK_ROOT = ENVIRON["MK_ROOT"]
	MK_DIR = ENVIRON["MK_DIR"]
	OUTF = ENVIRON["MK_OUT"]
	V["MAKE"] = "make"
	V["CC"] = "cc"
	V["CXX"] = "g++"
	V["AR"] = "ar"
	V["RM"] = "rm -f"
	V["SHELL"] = "/bin/sh"
	V["CURDIR"] = abs(".")
	sub(/\/\.?$/, "", V["CURDIR"])
	NL = 0
	read_mk(ARGV[1], ENVIRON["MK_NAME"])
	parse()
	ntg = split(ENVIRON["MK_TARGETS"], tg, " ")
	if (ntg == 0 && DEFAULT != "") {
		ntg = 1
		tg[1] = DEFAULT
	}
	for (i = 1; i <= ntg; i++)
		want(tg[i])
	# Breadth-first over the prerequisites.
	for (q = 1; q <= NQ; q++)
		visit(Q[q])
	exit
}

# All lines, includes inlined, continuation lines joined (recipes keep
# their backslash-newlines, as make hands them to the shell).
function read_mk(f, name,    line, n, a, k, inc, prev, joined, ln0) {
	n = 0
	joined = ""
	while ((getline line < f) > 0) {
		n++
		if (joined != "") {
			joined = joined "\n" line
		} else {
			joined = line
			ln0 = n
		}
		if (line ~ /\\$/)
			continue
		if (joined ~ /^[ \t]*-?s?include[ \t]/) {
			inc = joined
			sub(/^[ \t]*-?s?include[ \t]+/, "", inc)
			k = split(expand(inc, 0), a, " ")
			for (j = 1; j <= k; j++)
				if ((getline prev < abs(a[j])) >= 0) {
					close(abs(a[j]))
					read_mk(abs(a[j]), rel(abs(a[j])))
				}
			joined = ""
			continue
		}
		NL++
		L[NL] = joined
		LF[NL] = name
		LL[NL] = ln0
		joined = ""
	}
	close(f)
}

function parse(    i, l, r, t, nm, op, val, j, a, k, body, dn, dl) {
	r = 0
	for (i = 1; i <= NL; i++) {
		l = L[i]
		if (l ~ /^\t/) {
			if (r > 0) {
				RN[r]++
				RC[r, RN[r]] = i
			}
			# Any rule that runs sparse (C=1, C=2), wanted or not.
			if (l ~ /[ \t]C=[12]([ \t]|$)/)
				emit_raw(": C=" (l ~ /C=1/ ? 1 : 2), i)
			continue
		}
		if (l ~ /^[ \t]*(#|$)/)
			continue
		if (l ~ /^[ \t]*define[ \t]/) {
			dn = l
			sub(/^[ \t]*define[ \t]+/, "", dn)
			sub(/[ \t]*[:?+]?=?[ \t]*$/, "", dn)
			body = ""
			dl = i
			for (i++; i <= NL && L[i] !~ /^[ \t]*endef/; i++)
				body = body (body == "" ? "" : "\n") L[i]
			V[dn] = body
			r = 0
			continue
		}
		if (l ~ /^[ \t]*(ifeq|ifneq|ifdef|ifndef|else|endif)([ \t(]|$)/) {
			shells(l, i)
			continue
		}
		if (match(l, /^[ \t]*((override|export)[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*(::=|:=|\?=|\+=|!=|=)/)) {
			nm = substr(l, RSTART, RLENGTH)
			val = substr(l, RSTART + RLENGTH)
			sub(/^[ \t]+/, "", val)
			op = nm
			sub(/^.*[^:?+!=]/, "", op)
			sub(/[ \t]*(::=|:=|\?=|\+=|!=|=)$/, "", nm)
			sub(/^[ \t]*((override|export)[ \t]+)?/, "", nm)
			gsub(/\\\n[ \t]*/, " ", val)
			shells(val, i)
			if (op == "!=") {
				emit(val, i)
				V[nm] = ""
			} else if (op == ":=" || op == "::=") {
				INVAR++
				V[nm] = expand(val, 0)
				INVAR--
			} else if (op == "?=") {
				if (!(nm in V))
					V[nm] = val
			} else if (op == "+=")
				V[nm] = V[nm] " " val
			else
				V[nm] = val
			r = 0
			continue
		}
		if (l ~ /^[^\t#=]*[^:=]:([^=]|$)/) {
			r = ++NR_
			t = l
			sub(/[ \t]*:.*$/, "", t)
			RT[r] = expand(t, 0)
			t = l
			sub(/^[^:]*:+[ \t]*/, "", t)
			sub(/[ \t]*;.*$/, "", t)
			gsub(/\\\n[ \t]*/, " ", t)
			RP[r] = t
			RN[r] = 0
			if (DEFAULT == "" && RT[r] !~ /^\./ && RT[r] !~ /%/) {
				split(RT[r], a, " ")
				DEFAULT = a[1]
			}
			continue
		}
		shells(l, i)
		r = 0
	}
}

function want(t) {
	if (t in WANTED)
		return
	WANTED[t] = 1
	Q[++NQ] = t
}

# The rules that make t: the explicit ones, else the first matching
# pattern rule.
function visit(t,    r, a, n, k, found, stem, pre, suf, p, pr) {
	found = 0
	for (r = 1; r <= NR_; r++) {
		n = split(RT[r], a, " ")
		for (k = 1; k <= n; k++)
			if (a[k] == t) {
				run_rule(r, t, "")
				found = 1
			}
	}
	if (found)
		return
	for (r = 1; r <= NR_; r++) {
		n = split(RT[r], a, " ")
		for (k = 1; k <= n; k++) {
			p = index(a[k], "%")
			if (p == 0)
				continue
			pre = substr(a[k], 1, p - 1)
			suf = substr(a[k], p + 1)
			if (length(t) >= length(pre) + length(suf) && index(t, pre) == 1 &&
			    substr(t, length(t) - length(suf) + 1) == suf) {
				stem = substr(t, length(pre) + 1, length(t) - length(pre) - length(suf))
				run_rule(r, t, stem)
				return
			}
		}
	}
}

function run_rule(r, t, stem,    pr, n, a, k, j, c) {
	if (r in RAN)
		return
	RAN[r] = 1
	pr = expand(RP[r], 0)
	if (stem != "")
		gsub(/%/, stem, pr)
	n = split(pr, a, " ")
	for (k = 1; k <= n; k++)
		if (a[k] != "|")
			want(a[k])
	for (j = 1; j <= RN[r]; j++) {
		c = L[RC[r, j]]
		gsub(/(^|\n)\t/, "\n", c)
		sub(/^\n/, "", c)
		emit(c, RC[r, j])
	}
}

# The $(shell ...) calls of a line that make evaluates while reading.
function shells(s, i,    p) {
	SHELLS = ""
	expand(s, 0)
	if (SHELLS != "")
		emit_raw(SHELLS, i)
}

# A recipe line (or != value): expanded, prefixes dropped, written out;
# recursive makes noted.
function emit(c, i,    x, n, a, k, out_, cont) {
	SHELLS = ""
	x = expand(c, 0)
	n = split(x, a, "\n")
	out_ = ""
	cont = 0
	for (k = 1; k <= n; k++) {
		if (!cont)
			sub(/^[ \t]*[-@+]+[ \t]*/, "", a[k])
		cont = (a[k] ~ /\\$/)
		out_ = out_ a[k] "\n"
	}
	emit_raw(out_ SHELLS, i)
	submakes(out_)
}

function emit_raw(code, i) {
	printf "#@LINE %d %s\n%s\n", LL[i], LF[i], code > OUTF
}

function submakes(code,    n, seg, k, w, nw, j, dir, mf, tgs, mk) {
	gsub(/\\\n/, " ", code)
	n = split(code, seg, /(&&|\|\||[;|\n(])/)
	for (k = 1; k <= n; k++) {
		nw = split(seg[k], w, " ")
		mk = 0
		for (j = 1; j <= nw; j++) {
			if (w[j] ~ /^[A-Za-z_][A-Za-z0-9_]*=/ && !mk)
				continue
			if (!mk && w[j] ~ /^(if|then|else|do|while|until|!|\{)$/)
				continue
			if (!mk) {
				if (w[j] != "make" && w[j] !~ /\/make$/)
					break
				mk = 1
				dir = MK_DIR
				mf = ""
				tgs = ""
				continue
			}
			if (w[j] == "-C") {
				dir = w[++j]
				continue
			}
			if (w[j] == "-f") {
				mf = w[++j]
				continue
			}
			if (w[j] ~ /^-[IjloW]$/) {
				j++
				continue
			}
			if (w[j] ~ /^-/ || w[j] ~ /=/)
				continue
			tgs = tgs (tgs == "" ? "" : " ") w[j]
		}
		if (mk)
			printf "SUB\t%s\t%s\t%s\n", dir, (mf == "" ? "-" : mf), tgs
	}
}

# The end of the reference that starts at s[p] ("$(" or "${").
function ref_end(s, p,    dep, c, q, open, close_) {
	open = substr(s, p + 1, 1)
	close_ = (open == "(") ? ")" : "}"
	dep = 0
	for (q = p + 1; q <= length(s); q++) {
		c = substr(s, q, 1)
		if (c == open)
			dep++
		else if (c == close_ && --dep == 0)
			return q
	}
	return length(s)
}

# Top-level comma-separated arguments of a function call.
function split_args(s, arr,    n, dep, q, c, st) {
	n = 0
	dep = 0
	st = 1
	for (q = 1; q <= length(s); q++) {
		c = substr(s, q, 1)
		if (c == "(" || c == "{")
			dep++
		else if (c == ")" || c == "}")
			dep--
		else if (c == "," && dep == 0) {
			arr[++n] = substr(s, st, q - st)
			st = q + 1
		}
	}
	arr[++n] = substr(s, st)
	return n
}

# make's expansion, roughly: variables, $(shell) (noted in SHELLS, expands
# to nothing), $(if) (both branches), other functions expand to nothing.
function expand(s, depth,    o, p, c, e, nm, fn, a, n, k) {
	if (depth > 20)
		return s
	o = ""
	while ((p = index(s, "$")) > 0) {
		o = o substr(s, 1, p - 1)
		c = substr(s, p + 1, 1)
		if (c == "$") {
			o = o "$"
			s = substr(s, p + 2)
			continue
		}
		if (c == "(" || c == "{") {
			e = ref_end(s, p)
			nm = substr(s, p + 2, e - p - 2)
			s = substr(s, e + 1)
			if (nm ~ /^shell[ \t]/) {
				sub(/^shell[ \t]+/, "", nm)
				nm = expand(nm, depth + 1)
				if (!INVAR)
					SHELLS = SHELLS nm "\n"
				continue
			}
			if (match(nm, /^[a-z-]+[ \t]/)) {
				fn = substr(nm, 1, RLENGTH - 1)
				nm = substr(nm, RLENGTH + 1)
				if (fn == "if" || fn == "or" || fn == "and") {
					n = split_args(nm, a)
					if (fn == "if" && o ~ /(^|\n)[ \t@+-]*$/) {
						# a whole recipe line: both branches
						for (k = 2; k <= n; k++)
							o = o "\n" expand(a[k], depth + 1)
						o = o "\n"
					} else {
						o = o expand(a[fn == "if" ? 2 : 1], depth + 1)
						for (k = (fn == "if") ? 3 : 2; k <= n; k++)
							expand(a[k], depth + 1)
					}
				} else
					expand(nm, depth + 1)
				continue
			}
			nm = expand(nm, depth + 1)
			if (nm in V) {
				INVAR++
				o = o expand(V[nm], depth + 1)
				INVAR--
			}
			else
				o = o "$MAKEVAR_" nm
			continue
		}
		o = o "$MAKE_AUTO"
		s = substr(s, p + 2)
	}
	return o s
}
AWK
}

scan_awk() {
	cat <<'AWK'
# Shell and Python scanner (see the header of programs.sh).
# Input: the files named in ARGV (read in BEGIN). Tables from the
# environment: SCAN_NAMES (file: "path<TAB>display name"), SCAN_DEFS (file:
# "O<TAB>file<TAB>name<TAB>skip" and "G<TAB>name<TAB>skip", the functions
# found by the previous pass), SCAN_IMPLY ("ERE<TAB>name name...", one a
# line), SCAN_KBUILD_M, SCAN_KBUILD_O (programs implied by a kbuild make
# with M= and with O=).
# Output, one record a line, tab-separated:
#   C name where          a program called
#   I name where why      a program or py:module implied by a call or a word
#   M module where        a Python module imported
#   R path where how      a reference to a file of the checkout (how: root,
#                         or dir: relative to the script's directory)
#   D file name skip      a function defined (skip: the arguments a wrapper
#                         skips before its command, -1: not a wrapper)
#   V word where          a command word that is a variable expansion
#   P name where          a program only looked up (command -v)

function out(k, a, b, c) {
	printf "%s\t%s\t%s\t%s\n", k, a, b, c
}

function here(l) {
	return FILE ":" l
}

function load(f, kind,    line, a) {
	if (f == "")
		return
	while ((getline line < f) > 0) {
		split(line, a, "\t")
		if (kind == "names")
			DISP[a[1]] = a[2]
		else if (a[1] == "O")
			OWN[a[2], a[3]] = a[4] + 0
		else if (a[1] == "G")
			GLOB[a[2]] = a[3] + 0
	}
	close(f)
}

BEGIN {
	SQ = sprintf("%c", 39)
	n = split("if then else elif fi case esac for select while until do done in function time ! { }", a, " ")
	for (i = 1; i <= n; i++)
		KW[a[i]] = 1
	n = split(": . source alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt suspend test times trap true type typeset ulimit umask unalias unset wait [ [[", a, " ")
	for (i = 1; i <= n; i++)
		BI[a[i]] = 1
	load(ENVIRON["SCAN_NAMES"], "names")
	load(ENVIRON["SCAN_DEFS"], "defs")
	NIM = split(ENVIRON["SCAN_IMPLY"], a, "\n")
	for (i = 1; i <= NIM; i++) {
		split(a[i], b, "\t")
		IMRE[i] = b[1]
		IMWHAT[i] = b[2]
	}
	n = split(ENVIRON["SCAN_CODEFUNCS"], a, " ")
	for (i = 1; i <= n; i++)
		CODEF[a[i]] = 1
	KBM = ENVIRON["SCAN_KBUILD_M"]
	KBO = ENVIRON["SCAN_KBUILD_O"]
	for (ai = 1; ai < ARGC; ai++)
		scan_file(ARGV[ai])
	for (k = 1; k <= NDEF; k++)
		out("D", DEFF[k], DEFN[k], ((DEFF[k], DEFN[k]) in FSKIP) ? FSKIP[DEFF[k], DEFN[k]] : -1)
	exit
}

function scan_file(f,    line, txt, first, nl) {
	txt = ""
	nl = 0
	while ((getline line < f) > 0) {
		if (++nl == 1)
			first = line
		txt = txt line "\n"
	}
	close(f)
	FILE = (f in DISP) ? DISP[f] : f
	if (FILE ~ /\.py$/ || first ~ /^#!.*python/) {
		py_file(txt)
		return
	}
	py_embedded(txt)
	T = txt
	P = 1
	N = length(T)
	LN = 1
	DEPTH = 0
	CD = 0
	NHD = 0
	BRACE = 0
	NFS = 0
	PENDF = ""
	INSTR = 0
	scan_list("")
}

# ---- shell lexer ---------------------------------------------------------

function skip_comment(    s, m, mm) {
	s = P
	while (P <= N && substr(T, P, 1) != "\n")
		P++
	# "#@LINE n file" (written by the Makefile reader): the next line is
	# line n of file.
	m = substr(T, s, P - s)
	if (m ~ /^#@LINE [0-9]+ [^ ]+$/) {
		split(m, mm, " ")
		LN = mm[2] - 1
		FILE = mm[3]
	}
}

function skip_sq(    s) {
	s = ++P
	while (P <= N && substr(T, P, 1) != SQ) {
		if (substr(T, P, 1) == "\n")
			LN++
		P++
	}
	P++
	return substr(T, s, P - s - 1)
}

function skip_ansi(    s, c) {
	s = ++P
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == "\\") {
			P += 2
			continue
		}
		if (c == SQ)
			break
		if (c == "\n")
			LN++
		P++
	}
	P++
	return substr(T, s, P - s - 1)
}

# Past the close_ that ends a nest: at P, dep openers are already open
# (0: P is at the first open_). shell: a backslash, a double-quoted string
# or an expansion inside is read as such, so its delimiters do not count;
# otherwise (arithmetic, "((" ... "))") every open_ and close_ counts.
function skip_nest(open_, close_, dep, shell,    c) {
	while (P <= N) {
		c = substr(T, P, 1)
		if (shell && c == "\\") {
			if (substr(T, P + 1, 1) == "\n")
				LN++
			P += 2
			continue
		}
		if (shell && c == "\"") {
			read_dq()
			continue
		}
		if (shell && c == "$") {
			read_dollar()
			continue
		}
		if (c == open_)
			dep++
		else if (c == close_) {
			if (--dep == 0) {
				P++
				return
			}
		} else if (c == "\n")
			LN++
		P++
	}
}

# P at "$": reads one expansion (command substitutions are scanned) and
# returns its text.
function read_dollar(    s, c) {
	s = P
	c = substr(T, P + 1, 1)
	if (c == "(") {
		if (substr(T, P + 2, 1) == "(") {
			P++
			skip_nest("(", ")", 0, 0)
		} else {
			P += 2
			scan_list(")")
		}
		return substr(T, s, P - s)
	}
	if (c == "{") {
		P += 2
		skip_nest("{", "}", 1, 1)
		return substr(T, s, P - s)
	}
	if (c == SQ) {
		P++
		return skip_ansi()
	}
	if (c == "\"") {
		P++
		return read_dq()
	}
	if (c ~ /[A-Za-z_]/) {
		P++
		while (substr(T, P, 1) ~ /[A-Za-z0-9_]/)
			P++
		return substr(T, s, P - s)
	}
	if (c ~ /[0-9@*#?$!-]/) {
		P += 2
		return substr(T, s, 2)
	}
	P++
	return "$"
}

# P at a double quote: the string's value (escapes done, expansions kept as
# written); DQDYN tells whether it has an expansion.
function read_dq(    v, c, c2, dyn, r) {
	P++
	v = ""
	dyn = 0
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == "\"") {
			P++
			break
		}
		if (c == "\\") {
			c2 = substr(T, P + 1, 1)
			if (c2 == "\n") {
				LN++
				P += 2
				continue
			}
			if (c2 == "$" || c2 == "\"" || c2 == "\\" || c2 == "`")
				v = v c2
			else
				v = v c c2
			P += 2
			continue
		}
		if (c == "$") {
			r = read_dollar()
			if (r != "$")
				dyn = 1
			v = v r
			continue
		}
		if (c == "`") {
			P++
			scan_list("`")
			dyn = 1
			v = v "$(...)"
			continue
		}
		if (c == "\n")
			LN++
		v = v c
		P++
	}
	DQDYN = dyn
	return v
}

# One word at P: sets WVAL (quotes removed, expansions as written), WDYN
# (has an expansion), WQUO (has quotes), WRAW (as written), WLINE, WFD (a
# file descriptor number before a redirection).
function read_word(    s, v, dyn, q, ln0, c, c2, r, nm) {
	s = P
	v = ""
	dyn = 0
	q = 0
	ln0 = LN
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == " " || c == "\t" || c == "\n" || c == ";" || c == "&" || c == "|" || c == ")")
			break
		if (c == "<" || c == ">") {
			if (substr(T, P + 1, 1) == "(") {
				P += 2
				scan_list(")")
				dyn = 1
				v = v "$(...)"
				continue
			}
			break
		}
		if (c == "(") {
			if (!q && !dyn && v ~ /^[A-Za-z_][A-Za-z0-9_]*\+?=$/) {
				nm = v
				array_assign(nm)
				v = v "(...)"
				continue
			}
			break
		}
		if (c == "\\") {
			c2 = substr(T, P + 1, 1)
			P += 2
			if (c2 == "\n")
				LN++
			else
				v = v c2
			continue
		}
		if (c == SQ) {
			v = v skip_sq()
			q = 1
			continue
		}
		if (c == "\"") {
			v = v read_dq()
			if (DQDYN)
				dyn = 1
			q = 1
			continue
		}
		if (c == "$") {
			r = read_dollar()
			if (r != "$")
				dyn = 1
			v = v r
			continue
		}
		if (c == "`") {
			# inside backquotes, a backquote ends them
			if (BQ)
				break
			P++
			scan_list("`")
			dyn = 1
			v = v "$(...)"
			continue
		}
		v = v c
		P++
	}
	WVAL = v
	WDYN = dyn
	WQUO = q
	WRAW = substr(T, s, P - s)
	WLINE = ln0
	c = substr(T, P, 1)
	WFD = (!q && !dyn && v ~ /^[0-9]+$/ && (c == "<" || c == ">"))
	if (!WFD)
		word_seen(v, ln0)
}

# NAME=( ... ): remembers the first element (a command, if the array is
# later run as "${NAME[@]}").
function array_assign(nm,    first, cnt, c) {
	P++
	cnt = 0
	first = ""
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == " " || c == "\t") {
			P++
			continue
		}
		if (c == "\n") {
			LN++
			P++
			continue
		}
		if (c == "\\" && substr(T, P + 1, 1) == "\n") {
			LN++
			P += 2
			continue
		}
		if (c == "#") {
			skip_comment()
			continue
		}
		if (c == ")") {
			P++
			break
		}
		read_word()
		if (WRAW == "") {
			P++
			continue
		}
		if (++cnt == 1 && !WDYN)
			first = WVAL
	}
	if (nm !~ /\+=$/) {
		sub(/=$/, "", nm)
		ARR[FILE, nm] = first
	}
}

# A redirection at P.
function redirect(    op, c) {
	op = substr(T, P, 1)
	P++
	if (op == "&") {
		op = substr(T, P, 1)
		P++
	}
	c = substr(T, P, 1)
	if (op == "<" && c == "<") {
		P++
		c = substr(T, P, 1)
		if (c == "<") {
			P++
			target()
			return
		}
		if (c == "-") {
			P++
			heredoc_start(1)
		} else
			heredoc_start(0)
		return
	}
	if (c == ">" || c == "&" || c == "|" || (op == "<" && c == ">"))
		P++
	target()
}

function target() {
	while (substr(T, P, 1) == " " || substr(T, P, 1) == "\t")
		P++
	read_word()
}

function heredoc_start(strip) {
	while (substr(T, P, 1) == " " || substr(T, P, 1) == "\t")
		P++
	read_word()
	NHD++
	HD[NHD] = WVAL
	HDS[NHD] = strip
	HDQ[NHD] = WQUO || (WRAW ~ /\\/)
}

# After a newline: skip the bodies of the here-documents opened on the line
# (data), but scan the command substitutions of an unquoted one's.
function heredocs(    k, e, line, s, c, n) {
	n = NHD
	NHD = 0
	for (k = 1; k <= n; k++) {
		PHD[k] = HD[k]
		PHS[k] = HDS[k]
		PHQ[k] = HDQ[k]
	}
	for (k = 1; k <= n; k++) {
		while (P <= N) {
			e = index(substr(T, P), "\n")
			if (e == 0)
				e = N - P + 2
			line = substr(T, P, e - 1)
			s = P
			P += e
			LN++
			if (PHS[k])
				sub(/^\t+/, "", line)
			if (line == PHD[k])
				break
			if (PHQ[k] || (index(line, "$(") == 0 && index(line, "`") == 0))
				continue
			P = s
			LN--
			while (P <= N && (c = substr(T, P, 1)) != "\n") {
				if (c == "\\")
					P += 2
				else if (c == "$")
					read_dollar()
				else if (c == "`") {
					P++
					scan_list("`")
				} else
					P++
			}
			P++
			LN++
		}
	}
}

function next_nonblank(    q, c) {
	q = P + 1
	while ((c = substr(T, q, 1)) == " " || c == "\t")
		q++
	return q
}

# In a case statement, between arms: skip to past the next pattern's ")"
# (or the esac).
function case_pattern(    c) {
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == " " || c == "\t" || c == ";") {
			P++
			continue
		}
		if (c == "\n") {
			P++
			LN++
			heredocs()
			continue
		}
		if (c == "#") {
			skip_comment()
			continue
		}
		break
	}
	if (substr(T, P, 4) == "esac" && substr(T, P + 4, 1) ~ /^([ \t\n;)|&]|)$/) {
		P += 4
		CD--
		return
	}
	while (P <= N) {
		c = substr(T, P, 1)
		if (c == "\\") {
			P += 2
			continue
		}
		if (c == SQ) {
			skip_sq()
			continue
		}
		if (c == "\"") {
			read_dq()
			continue
		}
		if (c == "$") {
			read_dollar()
			continue
		}
		if (c == "\n")
			LN++
		P++
		if (c == ")") {
			CS[CD] = "body"
			return
		}
	}
}

# A list of commands up to term: "" (the end), ")" or "`".
function scan_list(term,    d, pd, c, c2, w, q, sbq) {
	sbq = BQ
	BQ = (term == "`")
	d = ++DEPTH
	NW[d] = 0
	CHDR[d] = 0
	pd = 0
	while (P <= N) {
		if (CD > 0 && CS[CD] == "pat" && CDL[CD] == d) {
			case_pattern()
			continue
		}
		c = substr(T, P, 1)
		if (c == " " || c == "\t") {
			P++
			continue
		}
		if (c == "\\" && substr(T, P + 1, 1) == "\n") {
			P += 2
			LN++
			continue
		}
		if (c == "#") {
			skip_comment()
			continue
		}
		if (c == "\n") {
			end_cmd(d)
			P++
			LN++
			heredocs()
			continue
		}
		if (c == ";") {
			end_cmd(d)
			c2 = substr(T, P + 1, 1)
			if (c2 == ";" || c2 == "&") {
				P += 2
				if (substr(T, P, 1) == "&")
					P++
				if (CD > 0 && CDL[CD] == d)
					CS[CD] = "pat"
				continue
			}
			P++
			continue
		}
		if (c == "&") {
			if (substr(T, P + 1, 1) == ">") {
				redirect()
				continue
			}
			end_cmd(d)
			P += (substr(T, P + 1, 1) == "&") ? 2 : 1
			continue
		}
		if (c == "|") {
			end_cmd(d)
			c2 = substr(T, P + 1, 1)
			P += (c2 == "|" || c2 == "&") ? 2 : 1
			continue
		}
		if (c == "`" && term == "`") {
			end_cmd(d)
			P++
			DEPTH--
			BQ = sbq
			return
		}
		if (c == ")") {
			end_cmd(d)
			P++
			if (pd > 0) {
				pd--
				continue
			}
			if (term == ")") {
				DEPTH--
				BQ = sbq
				return
			}
			continue
		}
		if (c == "(") {
			if (substr(T, P + 1, 1) == "(") {
				skip_nest("(", ")", 0, 0)
				continue
			}
			q = next_nonblank()
			if (NW[d] == 1 && !WD[d, 1] && !WQ[d, 1] && substr(T, q, 1) == ")") {
				funcdef(WV[d, 1])
				NW[d] = 0
				P = q + 1
				continue
			}
			end_cmd(d)
			pd++
			P++
			continue
		}
		if ((c == "<" || c == ">") && substr(T, P + 1, 1) != "(") {
			redirect()
			continue
		}
		read_word()
		if (WFD)
			continue
		if (CHDR[d]) {
			# the words of "case WORD in"
			if (!WDYN && !WQUO && WVAL == "in") {
				CHDR[d] = 0
				CD++
				CS[CD] = "pat"
				CDL[CD] = d
			}
			continue
		}
		if (!WDYN && !WQUO && !cmd_started(d)) {
			if (WVAL == "case") {
				CHDR[d] = 1
				continue
			}
			if (WVAL == "esac" && CD > 0) {
				CD--
				continue
			}
		}
		w = ++NW[d]
		WV[d, w] = WVAL
		WD[d, w] = WDYN
		WQ[d, w] = WQUO
		WR[d, w] = WRAW
		WL[d, w] = WLINE
	}
	end_cmd(d)
	DEPTH--
	BQ = sbq
}

# Whether the words so far hold a command word (not only keywords and
# assignments).
function cmd_started(d,    i) {
	for (i = 1; i <= NW[d]; i++) {
		if (!WD[d, i] && !WQ[d, i] && (WV[d, i] in KW))
			continue
		if (WR[d, i] ~ /^[A-Za-z_][A-Za-z0-9_${}]*(\[[^]]*\])?\+?=/)
			continue
		return 1
	}
	return 0
}

function funcdef(name) {
	NDEF++
	DEFF[NDEF] = FILE
	DEFN[NDEF] = name
	PENDF = name
}

function end_cmd(d) {
	if (NW[d] > 0)
		process_cmd(d, 1, NW[d])
	NW[d] = 0
}

# ---- commands --------------------------------------------------------------

function is_all_args(raw) {
	return raw == "\"$@\"" || raw == "$@" || raw == "\"${@}\"" || raw == "${@}"
}

function wrapper_found(r) {
	if (CURFUNC != "" && !INSTR && !((FILE, CURFUNC) in FSKIP))
		FSKIP[FILE, CURFUNC] = SHIFTS[FILE, CURFUNC] + r
}

function is_wrapper(name) {
	if ((FILE, name) in OWN)
		return OWN[FILE, name]
	if (name in GLOB)
		return GLOB[name]
	return -1
}

function process_cmd(d, s, e,    i, v) {
	if (PENDF != "" && WV[d, s] != "{")
		PENDF = ""
	i = s
	while (i <= e) {
		v = WV[d, i]
		if (!WD[d, i] && !WQ[d, i] && (v in KW)) {
			if (v == "{") {
				BRACE++
				if (PENDF != "") {
					NFS++
					FSTACK[NFS] = PENDF
					FLEVEL[NFS] = BRACE
					PENDF = ""
				}
			} else if (v == "}") {
				if (NFS > 0 && FLEVEL[NFS] == BRACE)
					NFS--
				BRACE--
			} else if (v == "for" || v == "select" || v == "in" || v == "case")
				return
			else if (v == "function") {
				if (i + 1 <= e) {
					funcdef(WV[d, i + 1])
				}
				return
			} else if (v == "time" && WV[d, i + 1] == "-p")
				i++
			i++
			continue
		}
		if (WR[d, i] ~ /^[A-Za-z_][A-Za-z0-9_${}]*(\[[^]]*\])?\+?=/) {
			i++
			continue
		}
		break
	}
	if (i > e)
		return
	CURFUNC = NFS > 0 ? FSTACK[NFS] : ""
	cmd_word(d, i, e)
}

# The command word is WV[d, j + k] (k more words to skip from j).
function skip_to(d, j, k, e,    c, x) {
	c = j + k
	for (x = j; x <= c && x <= e; x++) {
		if (is_all_args(WR[d, x])) {
			wrapper_found(c - x)
			return
		}
	}
	if (c <= e)
		cmd_word(d, c, e)
}

function cmd_word(d, i, e,    v, raw, nm, k) {
	v = WV[d, i]
	raw = WR[d, i]
	if (is_all_args(raw)) {
		wrapper_found(0)
		return
	}
	if (WD[d, i]) {
		if (raw ~ /^"?\$\{[A-Za-z_][A-Za-z0-9_]*\[[@*]\]\}"?$/) {
			nm = raw
			gsub(/^"?\$\{|\[.*$/, "", nm)
			if ((FILE, nm) in ARR && ARR[FILE, nm] != "") {
				out("C", ARR[FILE, nm], here(WL[d, i]))
				special(d, i, e, ARR[FILE, nm])
				return
			}
		}
		out("V", raw, here(WL[d, i]))
		return
	}
	if (v in BI) {
		builtin(d, i, e, v)
		return
	}
	k = is_wrapper(v)
	if (k >= 0) {
		skip_to(d, i + 1, k, e)
		return
	}
	if (v in CODEF) {
		nm = ""
		for (k = i + 1; k <= e; k++)
			nm = nm " " WV[d, k]
		scan_string(nm, WL[d, i])
		return
	}
	out("C", v, here(WL[d, i]))
	special(d, i, e, v)
}

function builtin(d, i, e, v,    j, s) {
	if (v == "exec") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j += (WV[d, j] == "-a") ? 2 : 1
		if (j <= e)
			skip_to(d, j, 0, e)
	} else if (v == "command") {
		j = i + 1
		if (WV[d, j] ~ /^-[vV]$/) {
			if (j + 1 <= e)
				out("P", WV[d, j + 1], here(WL[d, j + 1]))
			return
		}
		while (j <= e && WV[d, j] ~ /^-/)
			j++
		if (j <= e)
			skip_to(d, j, 0, e)
	} else if (v == "eval") {
		s = ""
		for (j = i + 1; j <= e; j++)
			s = s " " WV[d, j]
		scan_string(s, WL[d, i])
	} else if (v == "trap") {
		if (i + 1 <= e && WV[d, i + 1] !~ /^-/ && WV[d, i + 1] !~ /^[0-9]+$/)
			scan_string(WV[d, i + 1], WL[d, i + 1])
	} else if (v == "shift") {
		if (CURFUNC != "" && !INSTR && !((FILE, CURFUNC) in FSKIP))
			SHIFTS[FILE, CURFUNC] += (i + 1 <= e && WV[d, i + 1] ~ /^[0-9]+$/) ? WV[d, i + 1] : 1
	}
}

# Programs that run another command, and programs whose arguments imply
# more programs.
function special(d, i, e, v,    b, j, a, n, x, k) {
	b = v
	sub(/.*\//, "", b)
	if (b == "timeout") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j += (WV[d, j] ~ /^(-k|-s|--kill-after|--signal)$/) ? 2 : 1
		skip_to(d, j + 1, 0, e)
	} else if (b == "nice") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j += (WV[d, j] == "-n") ? 2 : 1
		skip_to(d, j, 0, e)
	} else if (b == "nohup" || b == "stdbuf" || b == "setsid" || b == "unshare" || b == "chrt" || b == "ionice") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j++
		skip_to(d, j, 0, e)
	} else if (b == "env") {
		j = i + 1
		while (j <= e) {
			if (WV[d, j] == "-u" || WV[d, j] == "-C")
				j += 2
			else if (WV[d, j] ~ /^-/ || WV[d, j] ~ /^[A-Za-z_][A-Za-z0-9_]*=/)
				j++
			else
				break
		}
		skip_to(d, j, 0, e)
	} else if (b == "xargs") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j += (WV[d, j] ~ /^-[nLIPsdEa]$/) ? 2 : 1
		skip_to(d, j, 0, e)
	} else if (b == "ip") {
		if (WV[d, i + 1] == "netns" && WV[d, i + 2] == "exec")
			skip_to(d, i + 4, 0, e)
	} else if (b == "setpriv") {
		for (j = i + 1; j <= e; j++)
			if (WV[d, j] == "--" || WV[d, j] !~ /^-/)
				break
		if (WV[d, j] == "--")
			j++
		skip_to(d, j, 0, e)
	} else if (b == "flock") {
		j = i + 1
		while (j <= e && WV[d, j] ~ /^-/)
			j += (WV[d, j] ~ /^(-w|-E|--timeout|--conflict-exit-code)$/) ? 2 : 1
		if (j > e || WV[d, j] ~ /^[0-9]+$/)
			return
		j++
		if (WV[d, j] == "-c" || WV[d, j] == "--command")
			scan_string(WV[d, j + 1], WL[d, j + 1])
		else
			skip_to(d, j, 0, e)
	} else if (b == "sh" || b == "bash" || b == "dash") {
		for (j = i + 1; j <= e && WV[d, j] ~ /^[-+]/; j++) {
			if (WV[d, j] ~ /^-[A-Za-z]*c[A-Za-z]*$/) {
				if (j + 1 <= e)
					scan_string(WV[d, j + 1], WL[d, j + 1])
				return
			}
			if (WV[d, j] == "-o")
				j++
		}
	} else if (b ~ /^python3?(\.[0-9]+)?$/) {
		for (j = i + 1; j < e; j++)
			if (WV[d, j] == "-c" && !WD[d, j + 1])
				py_imports(WV[d, j + 1], WL[d, j + 1])
	} else if (b == "make") {
		for (j = i + 1; j <= e; j++) {
			a = WV[d, j]
			if (a ~ /^C=[12]$/)
				out("I", "sparse", here(WL[d, j]), "make " a " (kbuild's sparse pass)")
			else if (a ~ /^M=/)
				imply_list(KBM, WL[d, j], "make M= (kbuild, external module)")
			else if (a ~ /^O=/)
				imply_list(KBO, WL[d, j], "make O= (kbuild, kernel build)")
			else if (a ~ /^(CC|HOSTCC|LD)=/) {
				sub(/^[A-Z]+=/, "", a)
				n = split(a, x, " ")
				for (k = 1; k <= n; k++)
					if (x[k] !~ /^-/ && x[k] !~ /^\$/)
						out("I", x[k], here(WL[d, j]), "make " WV[d, j])
			}
		}
	} else if (b == "tar") {
		for (j = i + 1; j <= e; j++) {
			a = WV[d, j]
			if (a ~ /^--/ || (a !~ /^-/ && j > i + 1))
				continue
			if (a ~ /J/)
				out("I", "xz", here(WL[d, j]), "tar " a)
			if (a ~ /z/)
				out("I", "gzip", here(WL[d, j]), "tar " a)
			if (a ~ /j/)
				out("I", "bzip2", here(WL[d, j]), "tar " a)
		}
	}
}

function imply_list(list, l, why,    n, x, k) {
	n = split(list, x, " ")
	for (k = 1; k <= n; k++)
		out("I", x[k], here(l), why)
}

# Shell code in a string (sh -c, eval, trap).
function scan_string(str, line,    sT, sP, sN, sL, sCD, sNHD) {
	sT = T
	sP = P
	sN = N
	sL = LN
	sCD = CD
	sNHD = NHD
	T = str "\n"
	P = 1
	N = length(T)
	LN = line
	NHD = 0
	INSTR++
	scan_list("")
	INSTR--
	T = sT
	P = sP
	N = sN
	LN = sL
	CD = sCD
	NHD = sNHD
}

# Every word of code (not comments, not here-documents): implied programs
# and references to files of the checkout.
function word_seen(v, l,    k, n, x, j, rest, pth, pre) {
	for (k = 1; k <= NIM; k++) {
		if (v ~ IMRE[k]) {
			n = split(IMWHAT[k], x, " ")
			for (j = 1; j <= n; j++)
				out("I", x[j], here(l), "word '" v "'")
		}
	}
	if (v ~ /^\$\(dirname "\$0"\)\//) {
		pth = v
		sub(/^\$\(dirname "\$0"\)\//, "", pth)
		out("R", pth, here(l), "dir")
	}
	rest = v
	while (match(rest, /(tests|kmod|tools|uapi|mk)\/[][A-Za-z0-9_.*?\/-]+/)) {
		pth = substr(rest, RSTART, RLENGTH)
		pre = substr(rest, 1, RSTART - 1)
		rest = substr(rest, RSTART + RLENGTH)
		if (pre == "" || pre ~ /[\/"'= :]$/)
			out("R", pth, here(l), "root")
	}
}

# ---- Python ----------------------------------------------------------------

function py_mods(spec, l,    n, x, k, m) {
	n = split(spec, x, ",")
	for (k = 1; k <= n; k++) {
		m = x[k]
		sub(/^[ \t(]+/, "", m)
		sub(/[ \t].*$/, "", m)
		sub(/\..*$/, "", m)
		sub(/[);\\].*$/, "", m)
		if (m ~ /^[A-Za-z_][A-Za-z0-9_]*$/)
			out("M", m, here(l))
	}
}

# One line of Python: its imports.
function py_line(s, l,    m) {
	if (s ~ /^[ \t]*import[ \t]/) {
		m = s
		sub(/^[ \t]*import[ \t]+/, "", m)
		sub(/[ \t]*(#.*)?$/, "", m)
		py_mods(m, l)
	} else if (s ~ /^[ \t]*from[ \t]+[A-Za-z_][A-Za-z0-9_.]*[ \t]+import[ \t]/) {
		m = s
		sub(/^[ \t]*from[ \t]+/, "", m)
		sub(/[ \t].*$/, "", m)
		py_mods(m, l)
	}
	while (match(s, /import_module\(["'][A-Za-z_][A-Za-z0-9_.]*["']/)) {
		m = substr(s, RSTART + 15, RLENGTH - 16)
		py_mods(m, l)
		s = substr(s, RSTART + RLENGTH)
	}
}

# Python code in a string (python3 -c).
function py_imports(text, l,    n, x, k) {
	n = split(text, x, /[;\n]/)
	for (k = 1; k <= n; k++)
		py_line(x[k], l)
}

# Python inside shell scripts (strings, here-documents): import lines.
function py_embedded(txt,    n, x, k) {
	n = split(txt, x, "\n")
	for (k = 1; k <= n; k++)
		if (x[k] ~ /^[ \t]*(import|from)[ \t]/)
			py_line(x[k], k)
}

function py_file(txt,    n, x, k, fn, par, s, m, rest, cnt, d, tok, re) {
	n = split(txt, x, "\n")
	# def NAME(*PARAM): ... subprocess.X(PARAM ...): NAME runs its
	# arguments as a command.
	for (k = 1; k <= n; k++) {
		if (x[k] ~ /^[ \t]*def[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*\(\*?[A-Za-z_][A-Za-z0-9_]*/) {
			s = x[k]
			sub(/^[ \t]*def[ \t]+/, "", s)
			fn = s
			sub(/[ \t]*\(.*/, "", fn)
			par = s
			sub(/^[^(]*\(\*?/, "", par)
			sub(/[^A-Za-z0-9_].*$/, "", par)
			continue
		}
		if (fn != "" && x[k] ~ ("subprocess\\.[a-z_]+\\([ \t]*\\*?" par "[ \t]*[,)]"))
			PYWRAP[FILE, fn] = 1
	}
	for (k = 1; k <= n; k++) {
		s = x[k]
		if (s ~ /^[ \t]*#/)
			continue
		py_line(s, k)
		word_seen(s, k)
		# subprocess.X([...]) or a wrapper NAME("prog", ...): the
		# literal strings at the start of the argument list.
		rest = ""
		if (match(s, /subprocess\.[a-z_]+\(/))
			rest = substr(s, RSTART + RLENGTH)
		else if (match(s, /(^|[^A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*\(/)) {
			m = substr(s, RSTART, RLENGTH - 1)
			sub(/^[^A-Za-z_]/, "", m)
			if ((FILE, m) in PYWRAP && s !~ /^[ \t]*def[ \t]/)
				rest = substr(s, RSTART + RLENGTH)
		}
		if (rest == "")
			continue
		sub(/^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\+[ \t]*/, "", rest)
		sub(/^[ \t]*[[(]?[ \t]*/, "", rest)
		d = ++DEPTH
		cnt = 0
		while (match(rest, /^("[^"]*"|'[^']*')/)) {
			tok = substr(rest, 2, RLENGTH - 2)
			rest = substr(rest, RLENGTH + 1)
			sub(/^[ \t]*,?[ \t]*/, "", rest)
			cnt++
			WV[d, cnt] = tok
			WD[d, cnt] = 0
			WQ[d, cnt] = 1
			WR[d, cnt] = "\"" tok "\""
			WL[d, cnt] = k
		}
		CURFUNC = ""
		if (cnt > 0)
			cmd_word(d, 1, cnt)
		DEPTH--
	}
}
AWK
}

# ---- the Makefiles --------------------------------------------------------

: >"$tmp/names"
declare -A mk_done=()
mk_queue=("${make_roots[@]}")
n_mk=0
while [ ${#mk_queue[@]} -gt 0 ]; do
	IFS='|' read -r dir mf targets <<<"${mk_queue[0]}" || true
	mk_queue=("${mk_queue[@]:1}")
	mf=${mf:-Makefile}
	case "$mf" in
	/*) mfile=$mf ;;
	*) mfile=$root/$dir/$mf ;;
	esac
	if [ ! -f "$mfile" ]; then
		say "make: no $mfile (from '$dir $mf $targets'): not followed"
		continue
	fi
	mname=$(realpath -m --relative-to="$root" "$mfile")
	todo=
	for t in ${targets:-(default)}; do
		[ -n "${mk_done[$mname:$t]:-}" ] || todo="$todo $t"
		mk_done[$mname:$t]=1
	done
	[ -n "$todo" ] || continue
	[ "$todo" != " (default)" ] || todo=
	n_mk=$((n_mk + 1))
	pseudo=$tmp/make.$n_mk.sh
	say "make: $mname, targets:${todo:- (default goal)}"
	printf '%s\t%s\n' "$pseudo" "$mname" >>"$tmp/names"
	mdir=$(realpath -m --relative-to="$root" "$(dirname "$mfile")")
	while IFS=$'\t' read -r _ sdir smf stargets; do
		case "$sdir" in
		/*) sabs=$sdir ;;
		*) sabs=$root/$mdir/$sdir ;;
		esac
		sabs=$(realpath -m "$sabs")
		case "$sabs/" in
		"$root"/*) ;;
		*)
			say "make: $mname starts make -C $sdir: outside the checkout (kbuild), not followed"
			continue
			;;
		esac
		srel=$(realpath -m --relative-to="$root" "$sabs")
		[ "$smf" != - ] || smf=
		if [ -z "$smf" ] && [ "$srel" = "$mdir" ]; then
			smf=$(basename "$mfile")
		fi
		mk_queue+=("$srel|$smf|$stargets")
	done < <(MK_ROOT=$root MK_DIR=$mdir MK_NAME=$mname MK_OUT=$pseudo \
		MK_TARGETS=$todo awk "$(make_awk)" "$mfile")
done

# ---- the scripts ------------------------------------------------------------

declare -A seen=() tried=()
files=()
# add_file PATH HOW: scan PATH (relative to the checkout) if it is a script.
add_file() {
	local f=$1 first=
	[ -z "${seen[$f]:-}" ] || return 0
	[ -f "$root/$f" ] || return 0
	case "$f" in
	*.sh | *.py) ;;
	*)
		IFS= read -r first <"$root/$f" || true
		case "$first" in
		'#!'*sh* | '#!'*python*) ;;
		*) return 0 ;;
		esac
		;;
	esac
	seen[$f]=$2
	files+=("$f")
	say "scan: $f ($2)"
}

shopt -s nullglob
for g in "${script_roots[@]}"; do
	for f in "$root"/$g; do
		add_file "${f#"$root"/}" "listed in programs.sh"
	done
done

: >"$tmp/defs"
for pass in 1 2 3 4 5 6 7 8; do
	args=()
	for f in "${files[@]}"; do
		args+=("$root/$f")
		printf '%s\t%s\n' "$root/$f" "$f"
	done >"$tmp/names.scripts"
	cat "$tmp/names" >>"$tmp/names.scripts"
	SCAN_NAMES=$tmp/names.scripts SCAN_DEFS=$tmp/defs SCAN_IMPLY=$implied \
		SCAN_CODEFUNCS=$code_funcs \
		SCAN_KBUILD_M=$kbuild_m SCAN_KBUILD_O=$kbuild_o \
		awk "$(scan_awk)" "${args[@]}" "$tmp"/make.*.sh >"$tmp/scan"
	nfiles=${#files[@]}
	# References to files of the checkout ("dir": relative to the
	# referring script's directory): scripts to scan too.
	while IFS=$'\t' read -r base p where; do
		[ -z "${tried[$base/$p]:-}" ] || continue
		tried[$base/$p]=1
		for f in "$root/$base"/$p; do
			[ -f "$f" ] || continue
			case "$f" in
			*/./* | */../*) f=$(realpath -m "$f") ;;
			esac
			case "$f" in
			"$root"/*) add_file "${f#"$root"/}" "referred to at $where" ;;
			esac
		done
	done < <(awk -F'\t' '$1 == "R" {
		b = "."
		if ($4 == "dir") {
			b = $3
			sub(/:[0-9]+$/, "", b)
			if (!sub(/\/[^\/]*$/, "", b))
				b = "."
		}
		if (!((b, $2) in s)) {
			s[b, $2] = 1
			print b "\t" $2 "\t" $3
		}
	}' "$tmp/scan")
	# Functions: each file's own, and wrappers that agree everywhere.
	awk -F'\t' '$1 == "D" {
		print "O\t" $2 "\t" $3 "\t" $4
		if (!($3 in s)) s[$3] = $4
		else if (s[$3] != $4) s[$3] = -1
	}
	END { for (n in s) if (s[n] >= 0) print "G\t" n "\t" s[n] }' "$tmp/scan" |
		sort -u >"$tmp/defs.new"
	if [ "$nfiles" -eq ${#files[@]} ] && cmp -s "$tmp/defs" "$tmp/defs.new"; then
		break
	fi
	mv "$tmp/defs.new" "$tmp/defs"
done
shopt -u nullglob
say "scan: converged after $pass passes over ${#files[@]} scripts and $n_mk Makefile readings"
while IFS=$'\t' read -r _ f name skip; do
	say "scan: $f: $name runs its arguments as a command, after $skip of them"
done < <(awk -F'\t' '$1 == "D" && $4 >= 0' "$tmp/scan" | sort -u)

# ---- what the scan found ------------------------------------------------------

declare -A funcs=() ign=() ign_used=() psites=() pwhy=() msites=()
while IFS=$'\t' read -r _ _ name _; do
	funcs[$name]=1
done < <(grep '^D' "$tmp/scan")
if [ -f "$ignore_file" ]; then
	while IFS= read -r line; do
		word=${line%%#*}
		read -r word _ <<<"$word" || true
		[ -n "$word" ] || continue
		reason=
		case "$line" in
		*'#'*) reason=${line#*#} ;;
		esac
		ign[$word]=${reason# }
	done <"$ignore_file"
fi
# add_site ARRAY NAME WHERE
add_site() {
	local -n arr=$1
	case " ${arr[$2]:-} " in
	*" $3 "*) ;;
	*) arr[$2]="${arr[$2]:-}${arr[$2]:+ }$3" ;;
	esac
}
while IFS=$'\t' read -r k name where extra; do
	case "$k" in
	C)
		if [ -n "${funcs[$name]:-}" ]; then
			continue
		fi
		;;
	I) ;;
	M)
		# A module next to the file that imports it is the checkout's.
		d=$root/${where%:*}
		d=${d%/*}
		if [ -e "$d/$name.py" ] || [ -d "$d/$name" ]; then
			continue
		fi
		add_site msites "$name" "$where"
		continue
		;;
	*) continue ;;
	esac
	case "$name" in
	py:*)
		add_site msites "${name#py:}" "$where"
		pwhy[py:${name#py:}]="${pwhy[py:${name#py:}]:-}; implied by $extra at $where"
		continue
		;;
	/*) ;;
	*/*)
		say "local: $name at $where (a file of the checkout or of a build)"
		continue
		;;
	esac
	add_site psites "$name" "$where"
	if [ "$k" = I ]; then
		pwhy[$name]="${pwhy[$name]:-}; implied by $extra at $where"
	fi
done <"$tmp/scan"
while IFS=$'\t' read -r k name where _; do
	case "$k" in
	V)
		p=$name
		case "$p" in
		*tests/* | *kmod/* | *tools/*)
			p=${p#*\$*/}
			p=${p%\"}
			;;
		esac
		if [ -n "${seen[$p]:-}" ]; then
			say "scanned: variable command word $name at $where ($p, a script of the checkout)"
		else
			say "not checked: variable command word $name at $where"
		fi
		;;
	P) say "not checked: $name only looked up (command -v) at $where" ;;
	esac
done < <(sort -u "$tmp/scan")

# ---- the packages that cover a program ------------------------------------------

[ -r "$packages" ] || {
	echo "programs.sh: cannot read the package list $packages" >&2
	exit 2
}
mapfile -t listed < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$packages" | grep -v '^$' || true)
# tests/deps.sh adds the newest linux-headers-6.12.*+deb12-amd64.
hdr=$(dpkg-query -W -f='${Package}\t${db:Status-Status}\n' 'linux-headers-6.12.*' 2>/dev/null |
	awk -F'\t' '$2 == "installed" && $1 ~ /^linux-headers-6\.12\.[0-9]+\+deb12-amd64$/ { print $1 }' |
	sort -V | tail -n 1 || true)
[ -z "$hdr" ] || listed+=("$hdr")
declare -A in_list=() in_deps=() prio=() ess=()
for p in "${listed[@]}"; do
	in_list[$p]=1
done
while IFS= read -r p; do
	p=${p#<}
	p=${p%>}
	in_deps[${p%%:*}]=1
done < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
	--no-breaks --no-replaces --no-enhances "${listed[@]}" 2>"$tmp/apt.err" | grep -v '^ ' || true)
while IFS=$'\t' read -r p pr es st; do
	if [ "$st" = installed ]; then
		prio[$p]=$pr
		ess[$p]=$es
	fi
done < <(dpkg-query -W -f='${Package}\t${Priority}\t${Essential}\t${db:Status-Status}\n')
say "packages: ${#listed[@]} from $packages${hdr:+ (and $hdr)}, ${#in_deps[@]} with their dependencies"
for p in "${listed[@]}"; do
	[ -n "${prio[$p]:-}" ] || say "packages: note: $p (listed) is not installed here"
done

# covered PKG: sets why to the reason PKG is on a fresh machine (empty if
# it is not).
covered() {
	why=
	if [ -n "${in_list[$1]:-}" ]; then
		why="listed in ${packages#"$root"/}"
	elif [ "${prio[$1]:-}" = required ] || [ "${prio[$1]:-}" = important ]; then
		why="Priority ${prio[$1]}: on every Debian 12 system"
	elif [ "${ess[$1]:-}" = yes ]; then
		why="Essential: on every Debian 12 system"
	elif [ -n "${in_deps[$1]:-}" ]; then
		why="a dependency of the listed packages"
	fi
}

# chain_add PATH: PATH and its merged-/usr twin, once each, to chain_list.
chain_add() {
	local x
	for x in "$1" "${1#/usr}" "/usr$1"; do
		case "$x" in
		/usr/bin/* | /usr/sbin/* | /usr/lib/* | /usr/lib64/* | /bin/* | /sbin/* | /lib/* | /lib64/*) ;;
		*) [ "$x" = "$1" ] || continue ;;
		esac
		case " $chain_list " in
		*" $x "*) ;;
		*) chain_list="$chain_list $x" ;;
		esac
	done
}
# chain PATH: sets chain_list to PATH, each symlink on the way to the file
# (update-alternatives' /etc/alternatives links included) and the file,
# with their merged-/usr twins: where dpkg may know the program from.
chain() {
	local p=$1 t i
	chain_list=
	for ((i = 0; i < 12; i++)); do
		chain_add "$p"
		[ -L "$p" ] || break
		t=$(readlink "$p")
		case "$t" in
		/*) ;;
		*) t=${p%/*}/$t ;;
		esac
		case "$t" in
		*/./* | */../*) t=$(realpath -ms "$t") ;;
		esac
		p=$t
	done
	if [ "$i" -gt 0 ]; then
		chain_add "$(readlink -f "$1")"
	fi
}
# find_prog NAME: sets prog_path to NAME's file on lookup_path (or empty).
find_prog() {
	local d
	prog_path=
	case "$1" in
	/*)
		[ ! -x "$1" ] || prog_path=$1
		return
		;;
	esac
	for d in ${lookup_path//:/ }; do
		if [ -f "$d/$1" ] && [ -x "$d/$1" ]; then
			prog_path=$d/$1
			return
		fi
	done
}

declare -A ppath=() pchain=() owner=()
mapfile -t progs < <(printf '%s\n' "${!psites[@]}" | sort)
mapfile -t mods < <(printf '%s\n' "${!msites[@]}" | sort)
cands=()
for name in "${progs[@]}"; do
	[ -z "${ign[$name]+x}" ] || continue
	find_prog "$name"
	[ -n "$prog_path" ] || continue
	ppath[$name]=$prog_path
	chain "$prog_path"
	pchain[$name]=$chain_list
	read -ra c <<<"$chain_list"
	cands+=("${c[@]}")
done
# Python modules: where python3 finds them.
declare -A morigin=()
find_prog python3
py=$prog_path
if [ -n "$py" ] && [ ${#mods[@]} -gt 0 ]; then
	while IFS=$'\t' read -r m o; do
		morigin[$m]=$o
		case "$o" in
		/*)
			chain "$o"
			pchain[py:$m]=$chain_list
			read -ra c <<<"$chain_list"
			cands+=("${c[@]}")
			;;
		esac
	done < <("$py" -I - "${mods[@]}" <<'PY'
import importlib.util
import sys

for m in sys.argv[1:]:
    try:
        spec = importlib.util.find_spec(m)
    except Exception as e:
        print("%s\terror: %s" % (m, e))
        continue
    if spec is None:
        print("%s\tmissing" % m)
    elif spec.origin and spec.origin.startswith("/"):
        print("%s\t%s" % (m, spec.origin))
    elif spec.submodule_search_locations:
        print("%s\t%s" % (m, list(spec.submodule_search_locations)[0]))
    else:
        print("%s\tbuilt-in" % m)
PY
	)
fi
if [ ${#cands[@]} -gt 0 ]; then
	while IFS= read -r line; do
		case "$line" in
		diversion*) continue ;;
		esac
		f=/${line#*: /}
		pk=${line%%: /*}
		pk=${pk//,/}
		owner[$f]=$(for x in $pk; do echo "${x%%:*}"; done | tr '\n' ' ')
	done < <(printf '%s\n' "${cands[@]}" | sort -u | xargs -d '\n' dpkg-query -S 2>/dev/null || true)
fi

# ---- results ---------------------------------------------------------------------

pass=0
fail=0
# sites_of LIST: the first call sites, for a result line.
sites_of() {
	local -a s
	read -ra s <<<"$1"
	if [ ${#s[@]} -le 3 ]; then
		echo "${s[*]}"
	else
		echo "${s[*]:0:3} (and $((${#s[@]} - 3)) more)"
	fi
}
report() {
	local st=$1 name=$2 detail=$3
	if [ "$st" = PASS ]; then
		pass=$((pass + 1))
		echo "PASS $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name: $detail"
	fi
	say "$st $name: $detail"
}
# judge NAME SITES: PASS if a package on NAME's chain is covered.
judge() {
	local name=$1 sites=$2 f pk why first=''
	for f in ${pchain[$name]}; do
		for pk in ${owner[$f]:-}; do
			[ -n "$first" ] || first="$f in package $pk"
			covered "$pk"
			if [ -n "$why" ]; then
				report PASS "$name" "${ppath[$name]:-${morigin[${name#py:}]:-}} from $pk ($why); called at $sites${pwhy[$name]:-}"
				return
			fi
		done
	done
	if [ -z "$first" ]; then
		report FAIL "$name" "${ppath[$name]:-${morigin[${name#py:}]}} is not from any Debian package (dpkg -S knows no owner); called at $(sites_of "$sites")"
		return
	fi
	report FAIL "$name" "$first (Priority ${prio[${first##* }]:-?}), which is not in ${packages#"$root"/}, not a dependency of a package listed there and not Priority required/important or Essential; called at $(sites_of "$sites")"
}

for name in "${progs[@]}"; do
	if [ -n "${ign[$name]+x}" ]; then
		ign_used[$name]=1
		say "ignored: $name (${ign[$name]}), at ${psites[$name]}"
		continue
	fi
	if [ -z "${ppath[$name]:-}" ]; then
		report FAIL "$name" "not installed here (not on PATH=$lookup_path); called at $(sites_of "${psites[$name]}")"
		continue
	fi
	judge "$name" "${psites[$name]}"
done
for m in "${mods[@]}"; do
	if [ -n "${ign[py:$m]+x}" ]; then
		ign_used[py:$m]=1
		say "ignored: py:$m (${ign[py:$m]}), at ${msites[$m]}"
		continue
	fi
	o=${morigin[$m]:-}
	case "$o" in
	/*) judge "py:$m" "${msites[$m]}" ;;
	built-in)
		report PASS "py:$m" "built into python3; imported at ${msites[$m]}"
		;;
	"")
		report FAIL "py:$m" "python3 is not installed here; imported at $(sites_of "${msites[$m]}")"
		;;
	*)
		report FAIL "py:$m" "not importable by $py ($o); imported at $(sites_of "${msites[$m]}")"
		;;
	esac
done
for w in "${!ign[@]}"; do
	[ -n "${ign_used[$w]:-}" ] || say "ignore list: $w is no longer found (stale entry in ${ignore_file#"$root"/})"
done
echo "programs.sh: $pass passed, $fail failed (log: $log)" >&2
[ "$fail" -eq 0 ]
