"""Reads a newsgraph export with real consumers (rdflib, networkx, csv) and
prints a JSON summary for export_test.go. Never imports newsgraph code."""
import csv
import json
import sys

fmt, path = sys.argv[1], sys.argv[2]
out = {}

NG = "https://newsgraph.dev/ns#"
ENT = "https://newsgraph.dev/entity/"

if fmt in ("nquads", "jsonld", "turtle"):
    import rdflib
    from rdflib import URIRef
    if fmt == "turtle":
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        out["triples"] = len(g)
        triples = g.triples
        out["graphs"] = 0
    else:
        g = rdflib.ConjunctiveGraph()
        g.parse(path, format="nquads" if fmt == "nquads" else "json-ld")
        quads = list(g.quads((None, None, None, None)))
        out["quads"] = len(quads)
        out["triples"] = len(set((s, p, o) for s, p, o, _ in quads))
        out["graphs"] = len(set(str(c.identifier) for _, _, _, c in quads))
        triples = g.triples
    rrb = URIRef(ENT + "organization/red-ridge-brigade")
    velka = URIRef(ENT + "location/velka")
    if fmt == "turtle":
        out["controls"] = len(set(triples((rrb, URIRef(NG + "controls"), velka))))
    else:
        out["controls"] = len(list(g.quads((rrb, URIRef(NG + "controls"), velka, None))))
    confs = sorted(float(o) for _, _, o in triples((None, URIRef(NG + "confidence"), None)))
    out["confidences"] = confs
    types = set(str(o.datatype) for _, _, o in triples((None, URIRef(NG + "start"), None)))
    out["start_types"] = sorted(types)
    out["published"] = sorted(o.toPython().isoformat() for _, _, o in triples((None, URIRef(NG + "published"), None)))
    # An evidence's sentence is a node whose ng:text is the sentence.
    out["sentences"] = sorted(str(t) for _, _, o in triples((None, URIRef(NG + "sentence"), None))
                              for _, _, t in triples((o, URIRef(NG + "text"), None)))
elif fmt in ("graphml", "gexf"):
    import networkx as nx
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    out["nodes"] = g.number_of_nodes()
    out["edges"] = g.number_of_edges()
    out["multigraph"] = g.is_multigraph()
    out["node_attrs"] = sorted(set(k for _, d in g.nodes(data=True) for k in d))
    out["edge_attrs"] = sorted(set(k for _, _, d in g.edges(data=True) for k in d))
    nodes = dict(g.nodes(data=True))
    out["velka"] = {k: v for k, v in nodes["ent:location/velka"].items()}
    edges = []
    for s, t, d in g.edges(data=True):
        edges.append({"source": s, "target": t,
                      "types": {k: type(v).__name__ for k, v in d.items()},
                      "predicate": d.get("predicate"), "confidence": d.get("confidence"),
                      "start": d.get("start"), "q_former": d.get("q_former"),
                      "sentence": d.get("sentence")})
    out["edge_list"] = sorted(edges, key=lambda e: (e["source"], e["target"], e["predicate"], e["start"] or 0))
elif fmt in ("csv", "neo4j"):
    import os
    files = ("nodes.csv", "edges.csv") if fmt == "csv" else ("nodes.csv", "relationships.csv")
    for name in files:
        with open(os.path.join(path, name), newline="", encoding="utf-8") as f:
            r = csv.DictReader(f)
            rows = list(r)
            out[name] = {"columns": r.fieldnames, "rows": rows}
print(json.dumps(out))
