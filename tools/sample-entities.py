#!/usr/bin/env python3
"""Draw a reproducible random sample of entity nodes of one class from
`newsgraph extract --format jsonl` output, for judging by hand.

A node is an entity IRI: the same IRI in several documents is one node, as in
the store before cross-document merges. Each sampled node is printed with its
names and one sentence-free context (the document ids it appears in), so a
judge can look it up in the corpus.

    newsgraph extract --format jsonl ../shared/corpus/reuters-2017.jsonl > all.jsonl
    python3 tools/sample-entities.py --class Person --n 100 --seed 14 all.jsonl
"""
import argparse
import collections
import json
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--class", dest="cls", default="Person")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("extraction")
    a = ap.parse_args()
    names = collections.defaultdict(set)
    docs = collections.defaultdict(set)
    for line in open(a.extraction, encoding="utf-8"):
        d = json.loads(line)
        for e in d.get("entities") or []:
            if e.get("class") != a.cls:
                continue
            names[e["iri"]].update(e.get("aliases") or [e["name"]])
            docs[e["iri"]].add(d["doc"])
    nodes = sorted(names)
    rng = random.Random(a.seed)
    sample = rng.sample(nodes, min(a.n, len(nodes)))
    print(f"# {len(nodes)} {a.cls} nodes; sample of {len(sample)} (seed {a.seed})")
    for iri in sorted(sample):
        print(f"{iri}\t{' | '.join(sorted(names[iri]))}\t{len(docs[iri])} docs\t{sorted(docs[iri])[0]}")


if __name__ == "__main__":
    main()
