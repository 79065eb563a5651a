// name: statements
// description: Quotes attributed to a speaker, with the document and sentence.
// param: speaker string required  Name, alias or entity IRI of the speaker
// columns: speaker, quote, document, title, sentence, confidence, qualifiers
// tags: people
var rows = [];
ng.one("speaker").forEach(function (s) {
  ng.facts(s, "out", "said").forEach(function (f) {
    var text = g.V(iri(f.object)).Out(iri(vocab.iri.text)).ToValue();
    rows.push({
      speaker: ng.name(s), quote: text === null ? ng.name(f.object) : ng.literal(text),
      document: f.document, title: ng.title(f.document), sentence: f.sentence,
      confidence: f.confidence, qualifiers: f.qualifiers
    });
  });
});
ng.emitAll(ng.sortRows(rows, ["speaker", "document", "quote", "sentence"]));
