// name: sources
// description: Documents that mention an entity, with their titles.
// param: entity string required  Name, alias, slug or entity IRI
// columns: entity, document, title, publisher, url, published, source, target
// order: entity IRI, then store order of its mentions (roughly oldest ingest first)
// paging: script
// tags: graph, documents
var I = vocab.iri;
ng.one("entity").forEach(function (e) {
  ng.eachDoc(e, function (d) {
    g.Emit({
      entity: ng.name(e), document: d.document, title: d.title,
      publisher: d.publisher, url: d.url,
      published: g.V(iri(d.document)).Out(iri(I.published)).ToValue(),
      source: ng.ref(e), target: ng.ref(d.document)
    });
  });
});
