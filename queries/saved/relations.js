// name: relations
// description: Every fact in and out of an entity with its evidence: predicate,
// description: the other entity (or value), document, sentence and confidence.
// param: entity string required  Name, alias, slug or entity IRI
// param: predicate string  Only this predicate (a schema name such as controls)
// columns: entity, direction, predicate, other, document, sentence, confidence, qualifiers, source, target
// order: entity IRI, then facts out before facts in, then store order of the
// order: evidence (the order it was stored: roughly oldest ingest first)
// paging: script
// tags: graph
var only = params.predicate ? String(params.predicate).trim() : "";
if (only.indexOf(vocab.iri.predicatePrefix) === 0) only = only.slice(vocab.iri.predicatePrefix.length);
if (only && !vocab.predicates.hasOwnProperty(only)) {
  throw new Error("unknown predicate " + JSON.stringify(params.predicate));
}
ng.one("entity").forEach(function (e) {
  ["out", "in"].forEach(function (dir) {
    ng.eachFact(e, dir, only, function (f) {
      var row = {
        entity: ng.name(e), direction: dir, predicate: f.predicate,
        other: dir === "out" ? f.objectName : f.subjectName,
        document: f.document, sentence: f.sentence, confidence: f.confidence,
        qualifiers: f.qualifiers
      };
      if (!f.literal) {
        row.source = ng.ref(f.subject);
        row.target = ng.ref(f.object);
      }
      g.Emit(row);
    });
  });
});
