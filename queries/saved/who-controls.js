// name: who-controls
// description: Actors said to control a place, one row per supporting sentence.
// description: Sentences with a negation ("does not control") are kept and flagged.
// param: place string required  Name, alias or entity IRI of the place ("idlib")
// columns: place, actor, negated, document, sentence, confidence, qualifiers, source, target
// tags: graph, places
var rows = [];
ng.one("place").forEach(function (pl) {
  ng.facts(pl, "in", "controls").forEach(function (f) {
    rows.push({
      place: ng.name(pl), actor: ng.name(f.subject),
      negated: f.qualifiers.indexOf("negated=true") >= 0,
      document: f.document, sentence: f.sentence, confidence: f.confidence,
      qualifiers: f.qualifiers, source: ng.ref(f.subject), target: ng.ref(pl)
    });
  });
});
ng.emitAll(ng.sortRows(rows, ["place", "actor", "document", "sentence"]));
