// name: roles
// description: Roles and titles held by a person, with the sentence that says so.
// param: person string required  Name, alias or entity IRI of the person ("Jeffrey")
// columns: person, role, former, document, sentence, confidence, qualifiers, source, target
// tags: graph, people
var rows = [];
ng.one("person").forEach(function (p) {
  ng.facts(p, "out", "role").forEach(function (f) {
    rows.push({
      person: ng.name(p), role: ng.name(f.object),
      former: f.qualifiers.indexOf("former=true") >= 0,
      document: f.document, sentence: f.sentence, confidence: f.confidence,
      qualifiers: f.qualifiers, source: ng.ref(p), target: ng.ref(f.object)
    });
  });
});
ng.emitAll(ng.sortRows(rows, ["person", "role", "document", "sentence"]));
