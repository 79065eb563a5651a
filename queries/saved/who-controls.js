// name: who-controls
// description: Actors said to control a place, or the party holding a legislative chamber, one row per supporting sentence.
// description: Sentences with a negation ("does not control") are kept and flagged.
// param: place string required  Name, alias, slug or entity IRI of the place ("idlib") or chamber ("senate")
// columns: place, actor, negated, document, sentence, confidence, qualifiers, source, target
// order: place IRI, then store order of the evidence (roughly oldest ingest first)
// paging: script
// tags: graph, places
ng.one("place", "Location").forEach(function (pl) {
  ng.eachFact(pl, "in", "controls", function (f) {
    g.Emit({
      place: ng.name(pl), actor: f.subjectName,
      negated: f.qualifiers.indexOf("negated=true") >= 0,
      document: f.document, sentence: f.sentence, confidence: f.confidence,
      qualifiers: f.qualifiers, source: ng.ref(f.subject), target: ng.ref(pl)
    });
  });
});
