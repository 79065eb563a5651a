// name: connections
// description: Paths between two entities over fact edges (either direction), up to N hops;
// description: one row per edge, grouped by path number, shortest paths first.
// description: See shortest-path for only the shortest ones over large graphs.
// param: from string required  Name, alias or entity IRI of one end
// param: to string required  Name, alias or entity IRI of the other end
// param: hops int default=3  Longest path, in edges (1 to 4)
// columns: path, hops, step, subject, predicate, object, source, target
// tags: graph, paths
var maxHops = params.hops;
if (maxHops < 1 || maxHops > 4) throw new Error("hops must be between 1 and 4");
var isRel = {};
vocab.relations.forEach(function (p) { isRel[p] = true; });
var adj = {};
// neighbours lists the edges at a node, both directions, deduplicated
// (a fact stated by two documents is one edge here). It walks every edge
// and keeps the relations: Out(list of predicates) makes Cayley scan all
// quads of those predicates, far slower.
function neighbours(n) {
  if (adj[n]) return adj[n];
  if (typeof ngEdges === "function") return (adj[n] = ngEdges(n)); // the runner's Go version
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
  out.sort(function (a, b) { return a.node < b.node ? -1 : a.node > b.node ? 1 : (a.pred < b.pred ? -1 : a.pred > b.pred ? 1 : 0); });
  adj[n] = out;
  return out;
}
var froms = ng.one("from"), tos = ng.one("to");
// Distances to the target side, breadth first: the walk below only goes
// where the target is still reachable within the hops left.
var dist = {}, frontier = [];
tos.forEach(function (t) { dist[t] = 0; frontier.push(t); });
for (var d = 1; d < maxHops && frontier.length; d++) {
  var next = [];
  frontier.forEach(function (n) {
    neighbours(n).forEach(function (e) {
      if (!dist.hasOwnProperty(e.node)) { dist[e.node] = d; next.push(e.node); }
    });
  });
  frontier = next;
}
var isTarget = {};
tos.forEach(function (t) { isTarget[t] = true; });
var paths = [];
function walk(n, path, onPath) {
  if (path.length && isTarget[n]) { paths.push(path.slice()); return; }
  if (path.length >= maxHops) return;
  neighbours(n).forEach(function (e) {
    if (onPath[e.node]) return;
    if (!dist.hasOwnProperty(e.node) || dist[e.node] > maxHops - path.length - 1) return;
    onPath[e.node] = true;
    path.push(e);
    walk(e.node, path, onPath);
    path.pop();
    delete onPath[e.node];
  });
}
froms.forEach(function (f) {
  var on = {};
  on[f] = true;
  walk(f, [], on);
});
paths.sort(function (a, b) { return a.length - b.length; });
paths.forEach(function (p, i) {
  p.forEach(function (e, j) {
    g.Emit({
      path: i + 1, hops: p.length, step: j + 1,
      subject: ng.name(e.subject), predicate: ng.shortPred(e.pred), object: ng.name(e.object),
      source: ng.ref(e.subject), target: ng.ref(e.object)
    });
  });
});
