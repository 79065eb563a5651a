// name: sources
// description: Documents that mention an entity, with their titles.
// param: entity string required  Name, alias or entity IRI
// columns: entity, document, title, publisher, url, published, source, target
// tags: graph, documents
var I = vocab.iri;
var rows = [];
ng.one("entity").forEach(function (e) {
  var docs = ng.uniqSorted(g.V(iri(e)).Out(iri(I.mentionedIn)).ToArray().map(ng.id));
  docs.forEach(function (d) {
    var t = g.V(iri(d)).SaveOpt(iri(I.source), "publisher").SaveOpt(iri(I.url), "url")
      .SaveOpt(iri(I.published), "published").TagValue() || {};
    rows.push({
      entity: ng.name(e), document: d, title: ng.title(d),
      publisher: t.publisher === undefined ? "" : ng.literal(t.publisher),
      url: t.url === undefined ? "" : ng.literal(t.url),
      published: t.published === undefined ? null : t.published,
      source: ng.ref(e), target: ng.ref(d)
    });
  });
});
ng.emitAll(ng.sortRows(rows, ["entity", "document"]));
