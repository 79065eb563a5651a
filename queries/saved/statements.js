// name: statements
// description: Quotes attributed to a speaker, with the document and sentence.
// param: speaker string required  Name, alias, slug or entity IRI of the speaker
// columns: speaker, quote, document, title, sentence, confidence, qualifiers
// order: speaker IRI, then store order of the evidence (roughly oldest ingest first)
// paging: script
// tags: people
ng.one("speaker").forEach(function (s) {
  ng.eachFact(s, "out", "said", function (f) {
    g.Emit({
      speaker: ng.name(s), quote: f.text === null ? f.objectName : f.text,
      document: f.document, title: f.title, sentence: f.sentence,
      confidence: f.confidence, qualifiers: f.qualifiers
    });
  }, ["text", "title"]);
});
