# SPDX-License-Identifier: BSD-2-Clause
"""Enumerates the mutants of C sources, in a stable order, without applying
them: each mutant is one text replacement at one place of one file.

Operators (docs/testing.md, "Mutation testing"):
  rel     a relational operator flipped at its boundary or negated:
          < <=, > >=, == !=
  obo     an integer constant off by one: N -> N+1 and N -> N-1
  drop    a guard dropped: 'if (cond)' whose statement is a return, goto,
          break or continue (or a block ending in one) becomes
          'if (0 && (cond))': the check never fires
  wide    a flag widened: a binary '&' (or '&=') becomes '|' ('|='), and a
          use of a single-bit flag constant (a '#define NAME 0x..' with at
          least one single-bit sibling of the same prefix) becomes the OR of
          the whole family

Only C is mutated (.c, .h): comments, string and character literals,
#include/#if/#pragma/#error lines are skipped; the bodies of #define lines
are mutated (constants live there), their names are not.
"""
import os
import re

C_KEYWORDS = {
    "return", "sizeof", "case", "goto", "if", "else", "while", "for", "do", "switch", "break",
    "continue", "default", "typedef", "struct", "union", "enum", "static", "const", "volatile",
    "extern", "inline", "unsigned", "signed", "int", "char", "long", "short", "void", "float",
    "double", "_Bool", "_Static_assert", "__asm__", "asm", "__volatile__", "register",
    "_Alignof", "alignof", "__attribute__", "restrict", "__restrict",
}
JUMPS = {"return", "goto", "break", "continue"}
PUNCT = sorted(["<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&",
                "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##"], key=len, reverse=True)
NUMBER = re.compile(r"(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)$")
REL_FLIP = {"<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "=="}


class Tok:
    __slots__ = ("kind", "text", "pos", "line", "col", "pp")

    def __init__(self, kind, text, pos, line, col, pp):
        self.kind, self.text, self.pos, self.line, self.col, self.pp = \
            kind, text, pos, line, col, pp


def tokenize(src):
    """Tokens of C source that a mutant may touch. pp is None outside
    preprocessor lines, else the directive ('define', 'include', ...);
    tokens of directives other than #define are dropped, as is the macro
    name of a #define."""
    toks = []
    i, n, line, bol = 0, len(src), 1, 0
    pp = None          # directive of the current preprocessor line
    pp_index = 0       # tokens seen on it
    at_line_start = True
    while i < n:
        c = src[i]
        if c == "\n":
            line, bol, i = line + 1, i + 1, i + 1
            pp, at_line_start = None, True
            continue
        if c == "\\" and src.startswith("\n", i + 1):
            line, bol, i = line + 1, i + 2, i + 2
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += src.count("\n", i, j)
            k = src.rfind("\n", i, j)
            bol = k + 1 if k >= 0 else bol
            i = j
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "#" and at_line_start:
            m = re.compile(r"#\s*(\w*)").match(src, i)
            pp, pp_index = m.group(1), 0
            i = m.end()
            at_line_start = False
            continue
        at_line_start = False
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        col = i - bol + 1
        m = re.compile(r"[A-Za-z_]\w*|\.?[0-9](?:[eEpP][+-]|[\w.])*").match(src, i)
        if m:
            text = m.group(0)
            kind = "ident" if text[0].isalpha() or text[0] == "_" else "number"
            j = m.end()
        else:
            text = next((p for p in PUNCT if src.startswith(p, i)), c)
            kind, j = "punct", i + len(text)
        keep = pp is None or (pp == "define" and pp_index > 0)
        if pp is not None:
            pp_index += 1
        if keep:
            toks.append(Tok(kind, text, i, line, col, pp))
        i = j
    return toks


class Mutant:
    __slots__ = ("path", "line", "col", "op", "start", "end", "old", "new")

    def __init__(self, path, tok_or_line, op, start, end, old, new):
        self.path, self.op, self.start, self.end, self.old, self.new = \
            path, op, start, end, old, new
        self.line, self.col = tok_or_line

    @property
    def ident(self):
        variant = "0&&" if self.op == "drop" else self.new
        return f"{self.path}:{self.line}:{self.col}:{self.op}:{variant}"

    def apply(self, src):
        assert src[self.start:self.end] == self.old
        return src[:self.start] + self.new + src[self.end:]


def single_bit(value):
    return value > 0 and value & (value - 1) == 0


def flag_families(texts):
    """NAME -> [sibling names] for single-bit '#define NAME 0x..' flags that
    share a prefix (up to the last '_') with at least one other."""
    defs = {}
    for text in texts:
        for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+\(?(0[xX][0-9a-fA-F]+)[uU]?\)?"
                             r"[ \t]*(?:/[*/].*)?$", text, re.M):
            defs.setdefault(m.group(1), int(m.group(2), 16))
    fams = {}
    for name, value in defs.items():
        if single_bit(value) and "_" in name:
            fams.setdefault(name.rsplit("_", 1)[0], []).append(name)
    out = {}
    for members in fams.values():
        if len(members) >= 2:
            for name in members:
                out[name] = [o for o in members if o != name]
    return out


def matching(toks, k, open_, close):
    """Index of the token closing the bracket at toks[k], or None."""
    depth = 0
    for j in range(k, len(toks)):
        if toks[j].text == open_:
            depth += 1
        elif toks[j].text == close:
            depth -= 1
            if depth == 0:
                return j
    return None


def guarded_jump(toks, k):
    """For 'if' at toks[k]: (index of '(' , index of ')') if its statement
    is a jump or a block whose last statement is one, else None."""
    if k + 1 >= len(toks) or toks[k + 1].text != "(":
        return None
    close = matching(toks, k + 1, "(", ")")
    if close is None or close + 1 >= len(toks):
        return None
    nxt = toks[close + 1]
    if nxt.text in JUMPS:
        return k + 1, close
    if nxt.text == "{":
        end = matching(toks, close + 1, "{", "}")
        if end is None:
            return None
        # The last statement of the block: after the last ';' or '}' before
        # the closing brace, back to the one before it.
        j = end - 1
        if j <= close + 1 or toks[j].text != ";":
            return None
        j -= 1
        while j > close + 1 and toks[j].text not in (";", "{", "}"):
            j -= 1
        if toks[j + 1].text in JUMPS:
            return k + 1, close
    return None


def binary_position(prev):
    """Whether an operator after token prev is binary (not unary)."""
    if prev is None:
        return False
    if prev.kind == "number":
        return True
    if prev.kind == "ident":
        return prev.text not in C_KEYWORDS
    return prev.text in (")", "]")


def mutants_of(path, src, families):
    toks = tokenize(src)
    out = []
    for k, t in enumerate(toks):
        prev = toks[k - 1] if k > 0 and toks[k - 1].pp == t.pp else None
        where = (t.line, t.col)
        if t.kind == "punct" and t.text in REL_FLIP:
            out.append(Mutant(path, where, "rel", t.pos, t.pos + len(t.text), t.text,
                              REL_FLIP[t.text]))
        elif t.kind == "number":
            m = NUMBER.match(t.text)
            if not m:
                continue
            digits, suffix = m.groups()
            hexa = digits[:2] in ("0x", "0X")
            value = int(digits, 16 if hexa else 8 if len(digits) > 1 and digits[0] == "0" else 10)
            for delta in (1, -1):
                v = value + delta
                if v < 0:
                    continue
                new = (f"{v:#x}" if hexa else oct(v).replace("0o", "0") if digits[0] == "0"
                       and len(digits) > 1 else str(v)) + suffix
                out.append(Mutant(path, where, "obo", t.pos, t.pos + len(t.text), t.text, new))
        elif t.text == "if":
            g = guarded_jump(toks, k)
            if g:
                a, b = toks[g[0]], toks[g[1]]
                old = src[a.pos:b.pos + 1]
                out.append(Mutant(path, where, "drop", a.pos, b.pos + 1, old,
                                  "(0 && " + old + ")"))
        elif t.text in ("&", "&=") and binary_position(prev):
            out.append(Mutant(path, where, "wide", t.pos, t.pos + len(t.text), t.text,
                              t.text.replace("&", "|")))
        elif t.kind == "ident" and t.text in families:
            new = "(" + " | ".join([t.text] + families[t.text]) + ")"
            out.append(Mutant(path, where, "wide", t.pos, t.pos + len(t.text), t.text, new))
    return out


# The folders a run reports on, and the sources in each (paths relative to
# the repository root). An arch's folders are mutated on that arch only.
FOLDERS = {
    "kernel/core": ("kernel/core", None),
    "kernel/arch/x86": ("kernel/arch/x86", "x86"),
    "kernel/arch/sparc": ("kernel/arch/sparc", "sparc"),
    "kernel/arch/riscv": ("kernel/arch/riscv", "riscv"),
    "pv": ("pv", None),
    "guest/core": ("guest/core", None),
}


# Not code of the kernel or the guests: hcall_args.h is the hypercall
# argument contract the table-driven tests are generated from (only tests
# include it). Its mutants would mutate the tests' oracle, not the system.
EXCLUDED = {"pv/include/pv/hcall_args.h"}


def folder_of(path):
    best = None
    for name, (root, _) in FOLDERS.items():
        if path.startswith(root + "/") and (best is None or len(root) > len(FOLDERS[best][0])):
            best = name
    return best


def arch_of(path):
    """The arch a file belongs to, None if arch-neutral."""
    m = re.match(r"(?:kernel|pv)/arch/(\w+)/", path)
    return m.group(1) if m else None


def source_files(root, arch):
    """C sources of every folder that builds for arch, sorted."""
    files = []
    for base, _ in FOLDERS.values():
        for d, dirs, names in os.walk(os.path.join(root, base)):
            dirs.sort()
            for name in sorted(names):
                if name.endswith((".c", ".h")):
                    rel = os.path.relpath(os.path.join(d, name), root)
                    if arch_of(rel) in (None, arch) and rel not in EXCLUDED:
                        files.append(rel)
    return sorted(set(files))


def header_texts(root, arch):
    texts = []
    for path in source_files(root, arch):
        if path.endswith(".h"):
            with open(os.path.join(root, path), encoding="utf-8") as f:
                texts.append(f.read())
    return texts


def enumerate_mutants(root, arch, files=None):
    """Every mutant of the sources for arch (or of the given files), in a
    stable order: by file, then position, then operator."""
    headers = header_texts(root, arch)
    out = []
    for path in source_files(root, arch):
        if files and not any(path == f or path.startswith(f.rstrip("/") + "/") for f in files):
            continue
        with open(os.path.join(root, path), encoding="utf-8") as f:
            src = f.read()
        out += mutants_of(path, src, flag_families(headers + [src]))
    return out
