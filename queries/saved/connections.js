// name: connections
// description: Paths between two entities over fact edges (either direction), up to N hops;
// description: one row per edge, grouped by path number, shortest paths first.
// description: See shortest-path for only the shortest ones over large graphs.
// description: The search is bounded (by default 12000 index reads, 200 edge reads per node, predicate
// description: and direction; 5000 paths); a note says when a bound cut it.
// param: from string required  Name, alias, slug or entity IRI of one end
// param: to string required  Name, alias, slug or entity IRI of the other end
// param: hops int default=3  Longest path, in edges (1 to 4)
// param: budget int default=12000  Most index reads of the search (1000 to 1000000): more finds more paths through busy nodes, slower
// columns: path, hops, step, subject, predicate, object, source, target
// order: shortest paths first, then by the IRIs of their nodes from "from" to "to", then by predicates, then by the edges' subjects
// tags: graph, paths
var maxHops = params.hops;
if (maxHops < 1 || maxHops > 4) throw new Error("hops must be between 1 and 4");
var froms = ng.one("from"), tos = ng.one("to");
var paths;
if (typeof ngPaths === "function") {
  // The runner's Go version (queries.graphView.allPaths): the same paths
  // in the same order, read from both ends within its bounds.
  // A page needs at most offset + limit + 1 paths (a path is one row or
  // more); the runner lists paths in order and stops reading at a page.
  var keep = (typeof page === "object" && page !== null && page.limit > 0) ? page.offset + page.limit + 1 : 0;
  paths = ngPaths(JSON.stringify(froms), JSON.stringify(tos), maxHops, params.budget, keep);
} else {
  paths = allPaths();
}
paths.forEach(function (p, i) {
  p.forEach(function (e, j) {
    g.Emit({
      path: i + 1, hops: p.length, step: j + 1,
      subject: ng.name(e.subject), predicate: ng.shortPred(e.pred), object: ng.name(e.object),
      source: ng.ref(e.subject), target: ng.ref(e.object)
    });
  });
});

// allPaths is the plain Gizmo search, for Cayley's console: every simple
// path from a "from" entity to a "to" entity whose inner nodes are
// neither, unbounded, in the order above.
function allPaths() {
  var isRel = {};
  vocab.relations.forEach(function (p) { isRel[p] = true; });
  var adj = {};
  // neighbours lists the edges at a node, both directions, deduplicated
  // (a fact stated by two documents is one edge here). It walks every
  // edge and keeps the relations: Out(list of predicates) makes Cayley
  // scan all quads of those predicates, far slower.
  function neighbours(n) {
    if (adj[n]) return adj[n];
    var seen = {}, out = [];
    var add = function (t, outgoing) {
      var other = ng.id(t.id), p = ng.id(t.p);
      if (!isRel[p] || other === n) return;
      var k = (outgoing ? ">" : "<") + p + " " + other;
      if (seen[k]) return;
      seen[k] = true;
      out.push({ node: other, pred: p, subject: outgoing ? n : other, object: outgoing ? other : n });
    };
    g.V(iri(n)).Out(null, "p").TagArray().forEach(function (t) { add(t, true); });
    g.V(iri(n)).In(null, "p").TagArray().forEach(function (t) { add(t, false); });
    adj[n] = out;
    return out;
  }
  var isEnd = {}, isTarget = {};
  froms.forEach(function (f) { isEnd[f] = true; });
  tos.forEach(function (t) { isEnd[t] = true; isTarget[t] = true; });
  // Distances to the target side, breadth first: the walk below only
  // goes where a target is still reachable within the hops left.
  var dist = {}, frontier = [];
  tos.forEach(function (t) { dist[t] = 0; frontier.push(t); });
  for (var d = 1; d < maxHops && frontier.length; d++) {
    var next = [];
    frontier.forEach(function (n) {
      if (d > 1 && isEnd[n]) return;
      neighbours(n).forEach(function (e) {
        if (!dist.hasOwnProperty(e.node)) { dist[e.node] = d; next.push(e.node); }
      });
    });
    frontier = next;
  }
  var found = [];
  function walk(start, n, path, onPath) {
    if (path.length && isTarget[n]) { found.push({ edges: path.slice(), nodes: nodesOf(start, path) }); return; }
    if (path.length >= maxHops || (path.length && isEnd[n])) return;
    neighbours(n).forEach(function (e) {
      if (onPath[e.node]) return;
      if (!dist.hasOwnProperty(e.node) || dist[e.node] > maxHops - path.length - 1) return;
      onPath[e.node] = true;
      path.push(e);
      walk(start, e.node, path, onPath);
      path.pop();
      delete onPath[e.node];
    });
  }
  function nodesOf(start, path) {
    var cur = start, out = [cur];
    path.forEach(function (e) { cur = e.subject === cur ? e.object : e.subject; out.push(cur); });
    return out;
  }
  froms.forEach(function (f) {
    var on = {};
    on[f] = true;
    walk(f, f, [], on);
  });
  found.sort(function (a, b) {
    if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
    for (var i = 0; i < a.nodes.length; i++) {
      if (a.nodes[i] !== b.nodes[i]) return a.nodes[i] < b.nodes[i] ? -1 : 1;
    }
    for (var j = 0; j < a.edges.length; j++) {
      if (a.edges[j].pred !== b.edges[j].pred) return a.edges[j].pred < b.edges[j].pred ? -1 : 1;
    }
    for (var k = 0; k < a.edges.length; k++) {
      if (a.edges[k].subject !== b.edges[k].subject) return a.edges[k].subject < b.edges[k].subject ? -1 : 1;
    }
    return 0;
  });
  return found.map(function (f) { return f.edges; });
}
