#!/usr/bin/env python3
"""Recompute a Passerelle draw from its published inputs, with Python's standard library only.

Usage: python3 verify.py DRAW.json      (a file, or an http(s) address of the site's draws/<id>.json)

It checks the pool against the hash announced before the seed was known, then ranks, groups and
replaces exactly as data/README.md "Draws" describes, and prints the same text as
`passerelle draw ID`. Exit code 0 when the pool holds, 1 when it changed.
"""
import hashlib
import json
import re
import sys
import urllib.request


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_seed(cell):
    """RFC 3797 style: values sorted numerically within each source, '.' after each, '/' after each source."""
    out = ""
    for source in re.split(r"[/|]", cell):
        values = [v for v in re.split(r"[ ,;.\-\t]", source.strip()) if v]
        if not values or not all(v.isdigit() and v.isascii() for v in values):
            raise SystemExit("bad seed: %r" % cell)
        values = sorted((v.lstrip("0") or "0" for v in values), key=lambda v: (len(v), v))
        out += "".join(v + "." for v in values) + "/"
    return out


def pool_hash(draw):
    members, seen = [], set()
    for m in draw["pool"]:
        if m["operator"] not in seen:
            seen.add(m["operator"])
            members.append(m)
    text = "passerelle-pool-v1\ndraw:%s\nbalance:%s\n" % (draw["draw"], "|".join(draw["balance"]))
    for m in sorted(members, key=lambda m: m["operator"].encode("utf-8")):
        text += "|".join([m["operator"]] + m["values"]) + "\n"
    return sha256(text)


def run(seed, pool, size, groups):
    ranking = sorted(pool, key=lambda m: (sha256(seed + m["operator"]), m["operator"]))
    keys = [sha256(seed + m["operator"]) for m in ranking]
    count = groups if groups is not None else len(ranking) // size
    seats = min(count * size, len(ranking))
    same = lambda members, k, value: sum(1 for m in members if ranking[m]["values"][k] == value)
    drawn = [[] for _ in range(count)]
    for r in range(seats):
        values = ranking[r]["values"]
        open_groups = [g for g in range(count) if len(drawn[g]) < size]
        g = min(open_groups, key=lambda g: ([same(drawn[g], k, v) for k, v in enumerate(values)], len(drawn[g]), g))
        drawn[g].append(r)
    final = [list(g) for g in drawn]
    waiting = list(range(seats, len(ranking)))
    replacements = []
    for w in range(seats):
        if ranking[w]["status"] != "withdrawn":
            continue
        g = next(i for i, members in enumerate(final) if w in members)
        rest = [m for m in final[g] if m != w]
        wv = ranking[w]["values"]

        def broken(c):
            cv = ranking[c]["values"]
            return sum(1 for k in range(len(wv)) if same(rest, k, cv[k]) > same(rest, k, wv[k]))

        candidates = [(broken(c), i) for i, c in enumerate(waiting) if ranking[c]["status"] != "withdrawn"]
        seat = final[g].index(w)
        if candidates:
            columns, i = min(candidates)
            by = waiting.pop(i)
            final[g][seat] = by
            replacements.append((g, w, by, columns == 0))
        else:
            final[g].pop(seat)
            replacements.append((g, w, None, True))
    return ranking, keys, final, waiting, replacements


def main(source):
    if re.match(r"https?://", source):
        with urllib.request.urlopen(source) as response:
            draw = json.load(response)
    else:
        with open(source, encoding="utf-8") as f:
            draw = json.load(f)
    pool = []
    for m in draw["pool"]:
        if all(p["operator"] != m["operator"] for p in pool):
            pool.append(m)
    digest = pool_hash(draw)
    announced = draw.get("announced_pool_sha256")
    holds = announced is None or announced.lower() == digest
    print("draw %s" % draw["draw"])
    print("pool: %d volunteers, sha256 %s" % (len(pool), digest))
    if announced is None:
        print("announced: not yet")
    elif holds:
        print("announced: the same hash")
    else:
        print("announced: %s, DIFFERENT: the pool changed" % announced)
    if not draw.get("seed", "").strip() or not draw.get("group_size"):
        print("seed: not known yet")
        return 0 if holds else 1
    seed = canonical_seed(draw["seed"].strip())
    print("seed: %s" % seed)
    ranking, keys, groups, waiting, replacements = run(seed, pool, draw["group_size"], draw.get("groups"))
    name = lambda r: ranking[r]["operator"]
    print("ranking:")
    for i, m in enumerate(ranking):
        print("  %3d. %s %s" % (i + 1, m["operator"], keys[i][:16]))
    print("groups:")
    for g, members in enumerate(groups):
        print("  group %d: %s" % (g + 1, ", ".join(name(r) for r in members)))
    shown = [name(r) + (" (withdrawn)" if ranking[r]["status"] == "withdrawn" else "") for r in waiting]
    print("waiting list: %s" % (", ".join(shown) if shown else "-"))
    print("replacements:" + ("" if replacements else " -"))
    for g, w, by, kept in replacements:
        if by is None:
            what = "no one left on the waiting list"
        elif kept:
            what = "replaced by %s (balance kept)" % name(by)
        else:
            what = "replaced by %s (balance not kept: no one waiting keeps it)" % name(by)
        print("  group %d: %s withdrew, %s" % (g + 1, name(w), what))
    return 0 if holds else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1]))
