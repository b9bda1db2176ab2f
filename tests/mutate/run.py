#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""make mutate: plants one mutant at a time (tests/mutate/mutants.py) in a
copy of the tree, rebuilds what depends on it and runs the tests most likely
to notice (tests/mutate/select.py) until one fails.

Verdicts: killed (a test failed), timeout (a test hung: killed too),
survived (its quick set and then the arch's whole list passed), stillborn
(the build failed, e.g. -Werror: not counted). Results are appended to
DIR/results.jsonl, keyed by mutant and the mutated file's content, so an
interrupted or repeated run picks up where it stopped. The working tree is
never touched: mutants go into DIR/tree, and each is undone in a finally.
"""
import argparse
import fcntl
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mutants as M  # noqa: E402
import testsets as S  # noqa: E402

GOAL = 0.90
GOAL_FOLDERS = ("kernel/core", "kernel/arch/x86", "kernel/arch/sparc", "kernel/arch/riscv", "pv")
TAP = re.compile(r"^(not ok|ok)\b")


def log(msg):
    print(msg, flush=True)


def sha(data):
    return hashlib.sha256(data).hexdigest()[:16]


def tracked(repo):
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=repo, check=True,
                         stdout=subprocess.PIPE).stdout.decode()
    return [f for f in out.splitlines() if os.path.isfile(os.path.join(repo, f))]


def sync_tree(repo, tree):
    """Makes tree a copy of repo's sources; files already equal keep their
    times, so make rebuilds only what changed. Returns the tree's hash."""
    h = hashlib.sha256()
    for f in sorted(tracked(repo)):
        src, dst = os.path.join(repo, f), os.path.join(tree, f)
        with open(src, "rb") as fh:
            data = fh.read()
        if not f.startswith(("tests/mutate/", "docs/")) and not f.endswith(".md"):
            h.update(f.encode() + b"\0" + data)
        try:
            with open(dst, "rb") as fh:
                same = fh.read() == data
        except OSError:
            same = False
        if not same:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
            os.utime(dst)
    return h.hexdigest()[:16]


# The directory of an arch's newlib under build/ARCH (riscv's guests are
# lp64d: mk/arch-riscv.mk).
NEWLIB_DIR = {"x86": "newlib", "sparc": "newlib", "riscv": "newlib-lp64d"}


def copy_newlib(newlib_from, tree, arch):
    """newlib takes a minute per arch to build: take the normal build's."""
    src = os.path.join(newlib_from, arch, NEWLIB_DIR[arch])
    dst = os.path.join(tree, "build", arch, NEWLIB_DIR[arch])
    if os.path.exists(os.path.join(dst, "lib", "libc.a")) or \
            not os.path.exists(os.path.join(src, "lib", "libc.a")):
        return
    log(f"mutate: newlib from {src}")
    shutil.copytree(src, dst, symlinks=True)
    for d, _, names in os.walk(dst):  # newer than the tree's build script
        for n in names:
            os.utime(os.path.join(d, n), follow_symlinks=False)
    os.utime(os.path.join(dst, "include"))


# Tests that read sources and synthetic data only (the contract checks, the
# trace tool's): they need nothing built, where test-build would rebuild
# every image a pv header's mutant touches before a check of milliseconds.
TEXT_ONLY = ("tests/contract/", "tests/tools/")

# One test at a time for every mutation run of this user on this machine.
QEMU_LOCK = os.path.join("/tmp", f"tessera-mutate-{os.getuid()}.lock")
OBJCOPY = {"x86": "objcopy", "sparc": "sparc64-linux-gnu-objcopy",
           "riscv": "riscv64-unknown-elf-objcopy"}


class Tree:
    def __init__(self, path, arch, jobs):
        self.path, self.arch, self.jobs = path, arch, jobs
        self.systems = None
        self.code = {}  # source -> digest of its unmutated object's code

    def object_of(self, src):
        """The target object a .c file compiles to, None if not one of ours."""
        if src.startswith("kernel/") and src.endswith(".c"):
            return f"build/{self.arch}/kernel/{src}.o"
        if src.startswith("guest/core/") and src.endswith(".c"):
            return f"build/{self.arch}/guest/core/{os.path.basename(src)[:-2]}.o"
        return None

    def code_digest(self, obj):
        """The object without its debug sections: a mutant that leaves it
        byte-identical left the code as it was."""
        path = os.path.join(self.path, obj)
        tmp = path + ".nodebug"
        subprocess.run([OBJCOPY[self.arch], "--strip-debug", path, tmp], check=True)
        with open(tmp, "rb") as f:
            data = f.read()
        os.remove(tmp)
        return sha(data)

    def remember_code(self, srcs):
        """Digests of the unmutated objects (right after build_all)."""
        for src in srcs:
            obj = self.object_of(src)
            if obj and os.path.exists(os.path.join(self.path, obj)):
                self.code[src] = self.code_digest(obj)

    def make(self, targets, log_to=None):
        cmd = ["make", "-s", "--no-print-directory", f"-j{self.jobs}", f"ARCH={self.arch}",
               "B=build"] + targets
        p = subprocess.run(cmd, cwd=self.path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if log_to is not None:
            log_to.append(p.stdout.decode("utf-8", "replace")[-3000:])
        return p.returncode == 0

    def build_all(self):
        """Every test target of the arch and the host; returns the test
        programs (their list as `make test` would run them)."""
        lst = os.path.join(self.path, "build", "test-programs")
        if os.path.exists(lst):
            os.remove(lst)
        out = []
        ok = self.make(["HOST_TESTS=yes", "test-build"], out)
        if not ok:
            sys.exit("mutate: the unmutated tree does not build:\n" + out[-1])
        with open(lst) as f:
            progs = [ln.strip().split(":", 1)[1] for ln in f if ln.strip()]
        self.systems = set(os.listdir(os.path.join(self.path, "build", self.arch, "systems")))
        # Source hygiene and the harness's own test say nothing of a mutant.
        return [p for p in progs if not p.endswith("lint.py") and not p.startswith("tests/mutate/")]

    def targets_for(self, prog):
        """The make targets one test program needs."""
        if not prog.startswith("tests/"):
            return [prog]  # a host unit-test binary (build/...)
        if prog.startswith(TEXT_ONLY):
            return []
        if prog.endswith("run_scenarios.py"):
            return ["guest-host"]
        text = open(os.path.join(self.path, prog), encoding="utf-8").read()
        names = sorted(set(re.findall(r"[\"']([\w.-]+)[\"']", text)) & self.systems)
        if not names:
            return ["HOST_TESTS=no", "test-build"]
        return [f"build/{self.arch}/systems/{n}/system.elf" for n in names]

    def run_test(self, prog, timeout):
        """'pass', 'fail' or 'timeout' (the whole process group is killed:
        QEMU must not outlive its test). Runs of both arches may overlap,
        their builds in parallel, but their tests one at a time (one QEMU
        on a loaded machine): the lock is taken before the clock starts."""
        with open(QEMU_LOCK, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            t0 = time.monotonic()
            verdict = self._run_test(prog, timeout)
            self.last_secs = round(time.monotonic() - t0, 1)
        return verdict

    def _run_test(self, prog, timeout):
        env = dict(os.environ, TESSERA_ARCH=self.arch, CMOCKA_MESSAGE_OUTPUT="TAP",
                   TESSERA_BUILD=os.path.join(self.path, "build"))
        path = os.path.join(self.path, prog)
        cmd = [path] if not prog.endswith(".py") else [sys.executable, path]
        p = subprocess.Popen(cmd, cwd=self.path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return "timeout"
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        lines = [TAP.match(ln.strip()) for ln in out.decode("utf-8", "replace").splitlines()]
        results = [m.group(1) for m in lines if m]
        if p.returncode != 0 or not results or "not ok" in results:
            return "fail"
        return "pass"


class Results:
    def __init__(self, path):
        self.path = path
        self.done, self.baselines = {}, {}
        if os.path.exists(path):
            with open(path) as f:
                for line in f:
                    r = json.loads(line)
                    if "baseline" in r:
                        self.baselines[(r["baseline"], r["tree"])] = r
                    else:
                        self.done[(r["id"], r["arch"], r["src"])] = r

    def add(self, r):
        with open(self.path, "a") as f:
            f.write(json.dumps(r, sort_keys=True) + "\n")
        if "baseline" in r:
            self.baselines[(r["baseline"], r["tree"])] = r
        else:
            self.done[(r["id"], r["arch"], r["src"])] = r


def baseline(tree, res, progs, tree_hash):
    """Every test passes on the unmutated tree (else a mutant's 'kill' would
    mean nothing) and how long each takes (for the timeouts)."""
    b = res.baselines.get((tree.arch, tree_hash))
    if b and set(b["secs"]) >= set(progs):
        if not b["failing"]:
            return b
        # A failure may have been the machine's (a boot's own timeout at
        # load 20): each run tries the failing tests once more, and one that
        # passes now is counted again, with its new time.
        secs, failing = dict(b["secs"]), []
        log(f"mutate: baseline: trying again {len(b['failing'])} tests that failed unmutated")
        todo = b["failing"]
    else:
        log(f"mutate: baseline: {len(progs)} test programs on the unmutated tree")
        secs, failing, todo = {}, [], progs
    for prog in todo:
        verdict = tree.run_test(prog, 1800)
        secs[prog] = tree.last_secs
        log(f"  {verdict:7} {secs[prog]:6.1f} s  {prog}")
        if verdict != "pass":
            failing.append(prog)
    b = {"baseline": tree.arch, "tree": tree_hash, "secs": secs, "failing": failing}
    res.add(b)
    return b


def plant(tree, m, src_text):
    path = os.path.join(tree.path, m.path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(m.apply(src_text))
    os.utime(path)


def restore(tree, m, src_text):
    path = os.path.join(tree.path, m.path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(src_text)
    os.utime(path)


def run_mutant(tree, m, src_text, progs, secs):
    """Verdict and the test that decided it."""
    quick = S.quick_set(m.path, progs, tree.path, secs)
    order = quick + S.full_set(m.path, progs, quick, secs)
    built, out = set(), []
    plant(tree, m, src_text)
    try:
        obj = tree.object_of(m.path)
        if m.path in tree.code:
            if not tree.make([obj], out):
                return "stillborn", obj, out[-1][-600:]
            if tree.code_digest(obj) == tree.code[m.path]:
                return "equivalent", obj, ""
        for prog in order:
            need = tuple(tree.targets_for(prog))
            if need and need not in built:
                if not tree.make(list(need), out):
                    return "stillborn", prog, out[-1][-600:]
                built.add(need)
            verdict = tree.run_test(prog, 3 * secs.get(prog, 60) + 30)
            if verdict == "fail":
                return "killed", prog, ""
            if verdict == "timeout":
                return "timeout", prog, ""
        return "survived", "", ""
    finally:
        restore(tree, m, src_text)


def choose(all_mutants, per_folder, seed):
    """Per folder, the mutants in a seeded shuffled order (all of them for
    per_folder == 'all'); the caller stops a folder at per_folder counted."""
    folders = {}
    for m in all_mutants:
        folders.setdefault(M.folder_of(m.path), []).append(m)
    for name, ms in sorted(folders.items()):
        if per_folder != "all":
            random.Random(f"{seed}:{name}").shuffle(ms)
    return folders


def judged_equivalent(repo):
    """tests/mutate/equivalent.txt: survivors shown equivalent by reading
    the code (the compiler could not fold them away), id -> reason. An
    entry goes stale, and its mutant counts again, when its file changes
    where the id points."""
    out = {}
    with open(os.path.join(repo, "tests", "mutate", "equivalent.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                ident, reason = split_equivalent(line.strip())
                out[ident] = reason
    return out


def split_equivalent(line):
    """(id, reason) of an equivalent.txt line. A widened flag's id ends in
    the OR of its family, which has spaces: "(A | B)"."""
    head, sep, rest = line.partition(":wide:(")
    if sep and ") " in rest and " " not in head:
        variant, _, reason = rest.partition(") ")
        return f"{head}:wide:({variant})", reason.strip()
    ident, _, reason = line.partition(" ")
    return ident, reason.strip()


def summary(rows, folders, judged):
    rows = [dict(r, verdict="equivalent", judged=judged[r["id"]])
            if r["verdict"] == "survived" and r["id"] in judged else r for r in rows]
    log("")
    log("mutation testing: per folder (rate = (killed + timeout) / (killed + timeout + survived);"
        " stillborn and equivalent not counted)")
    log(f"  {'folder':20} {'killed':>6} {'timeout':>7} {'survived':>8} {'stillborn':>9}"
        f" {'equivalent':>10}  rate")
    groups = [(f, [r for r in rows if r["folder"] == f]) for f in folders]
    kernel = [r for r in rows if r["folder"].startswith("kernel/")]
    if len({f for f in folders if f.startswith("kernel/")}) > 1:
        groups.append(("kernel/ (all)", kernel))
    for name, rs in groups:
        c = {k: sum(1 for r in rs if r["verdict"] == k)
             for k in ("killed", "timeout", "survived", "stillborn", "equivalent")}
        counted = c["killed"] + c["timeout"] + c["survived"]
        rate = (c["killed"] + c["timeout"]) / counted if counted else 0.0
        goal = ""
        if name in GOAL_FOLDERS or name == "kernel/ (all)":
            goal = "  >= 90%: ok" if counted and rate >= GOAL else "  >= 90%: MISSED"
        log(f"  {name:20} {c['killed']:6} {c['timeout']:7} {c['survived']:8} {c['stillborn']:9}"
            f" {c['equivalent']:10}  {100 * rate:5.1f}%{goal}")
    surv = [r for r in rows if r["verdict"] == "survived"]
    log(f"survivors ({len(surv)}):")
    for r in sorted(surv, key=lambda r: (r["path"], r["line"], r["col"])):
        log(f"  {r['path']}:{r['line']}  {r['op']:4}  {r['old']!r} -> {r['new']!r}")
    same = [r for r in rows if r.get("judged")]
    if same:
        log(f"survivors judged equivalent (tests/mutate/equivalent.txt) ({len(same)}):")
    for r in sorted(same, key=lambda r: (r["path"], r["line"], r["col"])):
        log(f"  {r['path']}:{r['line']}  {r['op']:4}  {r['old']!r} -> {r['new']!r}: {r['judged']}")


def main():
    # A kill of the run unwinds like an exception: the finally blocks undo
    # the mutant and end the test's process group.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="x86")
    ap.add_argument("--mutants", default="15",
                    help="mutants counted per folder (stillborn ones do not count), or 'all'")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--files", default="", help="files or folders to mutate (default: all)")
    ap.add_argument("--dir", default="build-mutate")
    ap.add_argument("--newlib-from", default="build")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--retry-survivors", action="store_true",
                    help="judge the recorded survivors again (after tests were added)")
    ap.add_argument("--retry-timeouts", action="store_true",
                    help="judge the recorded timeouts again (those of a run under load: a "
                         "timeout counts as killed, so it must be a hang, not a slow host)")
    ap.add_argument("--list", action="store_true", help="only list the chosen mutants")
    ap.add_argument("--summary", action="store_true",
                    help="only sum up the results at hand of the chosen mutants (runs nothing)")
    args = ap.parse_args()
    repo = os.path.abspath(os.path.join(HERE, "..", ".."))
    per = args.mutants if args.mutants == "all" else int(args.mutants)
    files = [f for f in re.split(r"[\s,]+", args.files) if f]

    all_mutants = M.enumerate_mutants(repo, args.arch, files or None)
    folders = choose(all_mutants, per, args.seed)
    if args.list:
        for name, ms in folders.items():
            for m in ms[:per] if per != "all" else ms:
                log(f"{name:18} {m.path}:{m.line}  {m.op:4}  {m.old!r} -> {m.new!r}")
        return 0

    if args.summary:
        res = Results(os.path.join(args.dir, "results.jsonl"))
        rows, missing = [], 0
        for name, ms in folders.items():
            counted = gap = 0
            for m in ms:
                if per != "all" and counted + gap >= per:
                    break
                with open(os.path.join(repo, m.path), "rb") as f:
                    r = res.done.get((m.ident, args.arch, sha(f.read())))
                if r:
                    rows.append(r)
                    counted += r["verdict"] not in ("stillborn", "equivalent")
                else:
                    gap += 1
            missing += gap
        summary(rows, list(folders), judged_equivalent(repo))
        if missing:
            log(f"({missing} chosen mutants have no result yet: run without --summary)")
        return 0

    os.makedirs(args.dir, exist_ok=True)
    tree = Tree(os.path.abspath(os.path.join(args.dir, "tree")), args.arch, args.jobs)
    tree_hash = sync_tree(repo, tree.path)
    copy_newlib(os.path.abspath(args.newlib_from), tree.path, args.arch)
    log(f"mutate: building the unmutated tree in {tree.path}/build ({args.arch} and host)")
    progs = tree.build_all()
    res = Results(os.path.join(args.dir, "results.jsonl"))
    base = baseline(tree, res, progs, tree_hash)
    if base["failing"]:
        log("mutate: these fail without a mutant and are left out: " + " ".join(base["failing"]))
    progs = [p for p in progs if p not in base["failing"]]
    tree.remember_code(sorted({m.path for ms in folders.values() for m in ms}))
    secs = base["secs"]

    judged = judged_equivalent(repo)
    # Round robin over the folders, so that a run cut short has figures
    # for each of them.
    texts, rows = {}, []
    queues = {name: list(ms) for name, ms in folders.items()}
    counted = dict.fromkeys(folders, 0)
    while any(queues.values()):
        for name in folders:
            if not queues[name] or (per != "all" and counted[name] >= per):
                queues[name] = []
                continue
            m = queues[name].pop(0)
            if m.path not in texts:
                with open(os.path.join(tree.path, m.path), encoding="utf-8") as f:
                    texts[m.path] = f.read()
            key = (m.ident, args.arch, sha(texts[m.path].encode()))
            r = res.done.get(key)
            if r is None and m.ident in judged:
                # Shown equivalent by reading the code after it survived the
                # whole list once: another run would cost the whole list
                # again (15 minutes at load 10) to learn nothing.
                r = {"id": m.ident, "arch": args.arch, "src": key[2], "folder": name,
                     "path": m.path, "line": m.line, "col": m.col, "op": m.op, "old": m.old,
                     "new": m.new, "verdict": "equivalent", "by": "tests/mutate/equivalent.txt",
                     "judged": judged[m.ident], "secs": 0}
                res.add(r)
                log(f"{'equivalent':10} {0:6.1f} s  {m.path}:{m.line}  {m.op:4} "
                    f"{m.old!r} -> {m.new!r}  (tests/mutate/equivalent.txt)")
            elif r is None or (args.retry_survivors and r["verdict"] == "survived"
                               and m.ident not in judged) or \
                    (args.retry_timeouts and r["verdict"] == "timeout"):
                t0 = time.monotonic()
                verdict, by, why = run_mutant(tree, m, texts[m.path], progs, secs)
                r = {"id": m.ident, "arch": args.arch, "src": key[2], "folder": name,
                     "path": m.path, "line": m.line, "col": m.col, "op": m.op, "old": m.old,
                     "new": m.new, "verdict": verdict, "by": by,
                     "secs": round(time.monotonic() - t0, 1)}
                if why:
                    r["build"] = why
                res.add(r)
                log(f"{verdict:10} {r['secs']:6.1f} s  {m.path}:{m.line}  {m.op:4} "
                    f"{m.old!r} -> {m.new!r}  {by}")
            rows.append(r)
            if r["verdict"] not in ("stillborn", "equivalent"):
                counted[name] += 1
    summary(rows, list(folders), judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
