// name: entities
// description: Entities of a class, subclasses included ("Location" lists cities,
// description: provinces, camps...), with their finest class and how many documents mention them.
// param: class string required  Class name, any case: Person, Organization, Location, City, ArmedGroup...
// columns: entity, class, iri, documents
// tags: catalog
var I = vocab.iri;
var want = String(params["class"]).trim().toLowerCase();
if (want.indexOf(vocab.iri.classPrefix.toLowerCase()) === 0) want = want.slice(vocab.iri.classPrefix.length);
var cls = null;
Object.keys(vocab.classes).forEach(function (c) {
  if (c.toLowerCase() === want) cls = c;
});
if (cls === null) {
  throw new Error("unknown class " + JSON.stringify(params["class"]) + "; known: " + Object.keys(vocab.classes).sort().join(", "));
}
// The class and every subclass, from the schema (the store's subClassOf
// quads say the same; entities also carry each ancestor type).
var wanted = {};
wanted[vocab.classes[cls].iri] = true;
for (var changed = true; changed;) {
  changed = false;
  Object.keys(vocab.classes).forEach(function (c) {
    var k = vocab.classes[c];
    if (wanted[k.parent] && !wanted[k.iri]) { wanted[k.iri] = true; changed = true; }
  });
}
var byIRI = {};
Object.keys(vocab.classes).forEach(function (c) { byIRI[vocab.classes[c].iri] = c; });
var depth = function (c) {
  var d = 0;
  for (var k = vocab.classes[c]; k && k.parent !== I.Thing; k = vocab.classes[byIRI[k.parent]]) d++;
  return d;
};
var ents = {};
g.V.apply(g, Object.keys(wanted).sort().map(function (c) { return iri(c); }))
  .In(iri(I.type)).Unique().Tag("e").Out(iri(I.type)).Tag("t").TagArray()
  .forEach(function (t) {
    var e = ng.id(t.e), c = byIRI[ng.id(t.t)];
    if (!c) return;
    var cur = ents[e];
    if (!cur || depth(c) > depth(cur)) ents[e] = c;
  });
var rows = Object.keys(ents).map(function (e) {
  var docs = ng.uniqSorted(g.V(iri(e)).Out(iri(I.mentionedIn)).ToArray());
  return { entity: ng.name(e), "class": ents[e], iri: e, documents: docs.length };
});
ng.emitAll(ng.sortRows(rows, ["entity", "iri"]));
