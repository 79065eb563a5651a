// name: entities
// description: Entities of a class, subclasses included ("Location" lists cities,
// description: provinces, camps...), with their finest class and how many documents mention them.
// param: class string required  Class name, any case: Person, Organization, Location, City, ArmedGroup...
// columns: entity, class, iri, documents
// order: store order of the entities' rdf:type quads for the class (roughly first seen first)
// paging: script
// tags: catalog
var want = String(params["class"]).trim().toLowerCase();
if (want.indexOf(vocab.iri.classPrefix.toLowerCase()) === 0) want = want.slice(vocab.iri.classPrefix.length);
var cls = null;
Object.keys(vocab.classes).forEach(function (c) {
  if (c.toLowerCase() === want) cls = c;
});
if (cls === null) {
  throw new Error("unknown class " + JSON.stringify(params["class"]) + "; known: " + Object.keys(vocab.classes).sort().join(", "));
}
ng.eachEntity(cls, function (e) {
  g.Emit({ entity: e.name, "class": e["class"], iri: e.iri, documents: e.documents });
});
