// name: roles
// description: Roles and titles held by a person, with the sentence that says so.
// param: person string required  Name, alias, slug or entity IRI of the person ("Oskar Lind")
// columns: person, role, former, document, sentence, confidence, qualifiers, source, target
// order: person IRI, then store order of the evidence (roughly oldest ingest first)
// paging: script
// tags: graph, people
ng.one("person", "Person").forEach(function (p) {
  ng.eachFact(p, "out", "role", function (f) {
    g.Emit({
      person: ng.name(p), role: f.objectName,
      former: f.qualifiers.indexOf("former=true") >= 0,
      document: f.document, sentence: f.sentence, confidence: f.confidence,
      qualifiers: f.qualifiers, source: ng.ref(p), target: ng.ref(f.object)
    });
  });
});
