// newsgraph helper library, placed before every saved Gizmo query.
// It reads the frozen globals `vocab` (the schema) and `params` (the bound
// parameters). Gizmo hands node values to scripts as strings: IRIs as
// "<ent:x>", typed literals as "\"70000\"^^<xsd:decimal>"; ng.id and
// ng.literal turn them back into plain text.
var ng = (function () {
  var I = vocab.iri;
  var names = {}, titles = {};

  function id(v) {
    if (typeof v === "string" && v.length > 1 && v.charAt(0) === "<" && v.charAt(v.length - 1) === ">") {
      return v.slice(1, -1);
    }
    return v;
  }

  function literal(v) {
    if (typeof v !== "string") return v;
    var m = /^"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)$/.exec(v);
    return m ? m[1].replace(/\\(.)/g, "$1") : id(v);
  }

  function escapeRe(s) {
    return s.replace(/[\\.+*?()|\[\]{}^$]/g, "\\$&");
  }

  function uniqSorted(a) {
    var seen = {}, out = [];
    for (var i = 0; i < a.length; i++) {
      if (!seen.hasOwnProperty(a[i])) { seen[a[i]] = true; out.push(a[i]); }
    }
    return out.sort();
  }

  // resolve turns a name as a reader writes it ("Jeffrey", "HTS", "idlib")
  // into entity IRIs: an entity IRI given as such (or in the REST path form
  // "organization/x") if it exists; else every entity whose ng:name or
  // ng:alias equals the text exactly; else, only if none does, those equal
  // ignoring case and runs of spaces; else the entities whose IRI is the
  // text's slug; then the entities merged with those (ng:same_as). An empty list means nothing
  // matched. The runner binds ngResolve (queries.ResolveName: same rules,
  // with an index for the case-insensitive step); the script version is for
  // the console and copies of the text.
  function resolve(text) {
    if (text === null || text === undefined) return [];
    if (typeof ngResolve === "function") return ngResolve(String(text));
    return sameAs(resolveText(text));
  }

  // sameAs adds the entities merged with the given ones (ng:same_as, both
  // ways, transitively).
  function sameAs(list) {
    var seen = {}, queue = list.slice(), out = [];
    list.forEach(function (n) { seen[n] = true; });
    while (queue.length && out.length < 1000) {
      var n = queue.shift();
      out.push(n);
      g.V(iri(n)).Out(iri(I.sameAs)).ToArray().concat(g.V(iri(n)).In(iri(I.sameAs)).ToArray()).map(id).forEach(function (m) {
        if (!seen[m]) { seen[m] = true; queue.push(m); }
      });
    }
    return uniqSorted(out.concat(queue));
  }

  // typed keeps the IRIs that are entities of the store.
  function typed(list) {
    return list.filter(function (t) { return g.V(iri(t)).Out(iri(I.type)).ToValue() !== null; });
  }

  // slugIRIs are the IRIs the text's slug would have under each top
  // class (schema.Slug, for the letters JavaScript lower-cases alike).
  function slugIRIs(text) {
    var s = (text.normalize ? text.normalize("NFC") : text).toLowerCase().replace(/['\u2019.]/g, "");
    var slug = s.split(/[^0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+/).filter(function (w) { return w; }).join("-");
    if (!slug) return [];
    var out = [];
    Object.keys(vocab.classes).forEach(function (c) {
      if (vocab.classes[c].parent === I.Thing) out.push(I.entityPrefix + c.toLowerCase() + "/" + slug);
    });
    return out.sort();
  }

  function resolveText(text) {
    text = String(text).trim();
    if (text === "") return [];
    if (text.indexOf(I.entityPrefix) === 0 && g.V(iri(text)).Out(iri(I.type)).ToValue() !== null) return [text];
    if (/^[^\s\/]+\/[^\s]+$/.test(text)) {
      var path = typed([I.entityPrefix + text]); // the REST path form, "organization/united-nations"
      if (path.length) return path;
    }
    // One predicate per call: Cayley turns a list of predicates into a
    // scan of every quad with any of them.
    var exact = g.V(str(text)).In(iri(I.name)).ToArray().concat(g.V(str(text)).In(iri(I.alias)).ToArray()).map(id);
    if (exact.length) return uniqSorted(exact);
    var folded;
    if (g.V(iri(I.key)).ToValue() !== null) {
      var key = (text.normalize ? text.normalize("NFC") : text).split(/\s+/).join(" ").toLowerCase();
      folded = g.V(str(key)).In(iri(I.key)).ToArray().map(id);
    } else {
      var words = text.split(/\s+/).map(escapeRe).join("\\s+");
      folded = g.V().Out(iri(I.alias)).Filter(regex("(?i)^" + words + "$")).In(iri(I.alias)).Unique().ToArray().map(id);
    }
    if (folded.length) return uniqSorted(folded);
    return typed(slugIRIs(text)); // "United Nations" is ent:organization/united-nations named "UN"
  }

  // one resolves a required name parameter to one entity (and the
  // entities merged with it) and fails clearly if the text names none or
  // several. The runner binds ngOne (queries.ResolveEntity: the failure
  // becomes the run's error, with the candidates of an ambiguous name);
  // elsewhere an unknown name throws and an ambiguous one takes them all.
  //
  // top, optional, is the top class the query wants ("Person",
  // "Location"): of several entities with the name, the one of that class.
  function one(param, top) {
    var text = params[param] === null || params[param] === undefined ? "" : String(params[param]);
    if (typeof ngOne === "function") return ngOne(param, text, top || "");
    var found = resolve(text);
    if (!found.length) throw new Error("no entity named " + JSON.stringify(text) + " (parameter " + param + ")");
    if (top) {
      var prefix = I.entityPrefix + top.toLowerCase() + "/";
      var typedAs = found.filter(function (e) { return e.indexOf(prefix) === 0; });
      if (typedAs.length) return typedAs;
    }
    return found;
  }

  // name is a node's first ng:name, else the node. The runner binds
  // ngName (one index entry); Gizmo's Out(...).ToValue() reads every
  // name quad of the node, one per document that names it.
  function name(node) {
    node = id(node);
    if (!names.hasOwnProperty(node)) {
      if (typeof ngName === "function") {
        names[node] = ngName(node);
      } else {
        var n = g.V(iri(node)).Out(iri(I.name)).ToValue();
        names[node] = n === null ? node : literal(n);
      }
    }
    return names[node];
  }

  function title(doc) {
    doc = id(doc);
    if (!titles.hasOwnProperty(doc)) {
      var t = g.V(iri(doc)).Out(iri(I.title)).ToValue();
      titles[doc] = t === null ? "" : literal(t);
    }
    return titles[doc];
  }

  function shortPred(p) {
    p = id(p);
    return p.indexOf(I.predicatePrefix) === 0 ? p.slice(I.predicatePrefix.length) : p;
  }

  // facts lists the evidence of the facts where entity is the subject
  // (dir "out") or the object (dir "in"), optionally of one predicate (a
  // name from vocab.predicates). One record per fact per sentence.
  //
  // Only optional saves and filters in the script: Cayley plans Save and
  // Has here as scans of every quad with that predicate (a hundred times
  // slower on a few hundred documents), SaveOpt as lookups.
  function facts(entity, dir, predicate) {
    var want = predicate ? vocab.predicates[predicate].iri : null;
    if (typeof ngFacts === "function") return ngFacts(entity, dir, want); // the runner's Go version
    var p = evidenceFields(g.V(iri(entity)).In(iri(dir === "in" ? I.object : I.subject)).Unique().Tag("ev"));
    var seen = {}, out = [];
    p.TagArray().forEach(function (t) {
      var ev = id(t.ev);
      if (seen[ev]) return;
      var rec = record(ev, t, want);
      if (rec === null) return;
      seen[ev] = true;
      out.push(rec);
    });
    return out.sort(function (a, b) { return a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0; });
  }

  // evidenceFields saves the fields of evidence nodes on a path.
  function evidenceFields(p) {
    return p.SaveOpt(iri(I.subject), "s").SaveOpt(iri(I.predicate), "p").SaveOpt(iri(I.object), "o")
      .SaveOpt(iri(I.sentence), "sen").SaveOpt(iri(I.prov), "prov");
  }

  // prov decodes an evidence's packed provenance (vocab.iri.prov, see
  // schema.EncodeProv): "start|end|rule|confidence[|key=value]..." with
  // '%', '|' and '=' percent-escaped and a bare key meaning "true".
  function prov(v) {
    var parts = String(literal(v)).split("|");
    var un = function (x) { return x.replace(/%7C/g, "|").replace(/%3D/g, "=").replace(/%25/g, "%"); };
    var out = { start: Number(parts[0]) || 0, end: Number(parts[1]) || 0, rule: un(parts[2] || ""),
      confidence: parts.length > 3 ? Number(parts[3]) : null, qualifiers: {} };
    for (var i = 4; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (eq < 0) out.qualifiers[un(parts[i])] = "true";
      else out.qualifiers[un(parts[i].slice(0, eq))] = un(parts[i].slice(eq + 1));
    }
    return out;
  }

  // docOf is the document an evidence node belongs to: its IRI names it
  // ("ev:DOC/…" is of "doc:DOC"), as its quads' label does.
  function docOf(ev) {
    var m = /^ev:([^:\/]+)\/[^\/]+$/.exec(ev);
    return m ? "doc:" + m[1] : "";
  }

  // docSet is the set of documents that mention an entity: the labels of
  // its ng:name quads (each document that mentions it labels one).
  function docSet(entity) {
    var set = {}, n = 0;
    g.V(iri(entity)).LabelContext(g.V(iri(I.Document)).In(iri(I.type)), "doc").Out(iri(I.name)).ForEach(function (t) {
      var d = id(t.doc);
      if (!set[d]) { set[d] = true; n++; }
    });
    return { has: set, size: n };
  }

  // docsOf lists the documents that mention an entity, sorted: plain
  // Gizmo cannot read a quad's label in the store's order, so the
  // console's fallback lists by IRI where the runner's native stream
  // (ngOpen "docs") gives the store order of the entity's ng:name quads.
  function docsOf(entity) {
    return Object.keys(docSet(entity).has).sort();
  }



  // record is one evidence record from the saved tags t of node ev; null
  // when incomplete or not of predicate IRI want (unless null).
  function record(ev, t, want) {
    if (t.s === undefined || t.p === undefined || t.o === undefined) return null;
    if (want !== null && id(t.p) !== want) return null;
    var pv = t.prov === undefined ? null : prov(t.prov);
    var quals = [];
    for (var i = 0; i < vocab.qualifiers.length; i++) {
      var q = pv === null ? undefined : pv.qualifiers[vocab.qualifiers[i]];
      if (q !== undefined) quals.push(vocab.qualifiers[i] + "=" + q);
    }
    var sentence = t.sen === undefined ? null : g.V(iri(id(t.sen))).Out(iri(I.text)).ToValue();
    var pred = shortPred(t.p);
    var literalObject = vocab.predicates[pred] ? vocab.predicates[pred].literal : false;
    return {
      evidence: ev,
      subject: id(t.s),
      predicate: pred,
      object: literalObject ? literal(t.o) : id(t.o),
      literal: literalObject,
      document: docOf(ev),
      sentence: sentence === null ? "" : literal(sentence),
      confidence: pv === null ? null : pv.confidence,
      start: pv === null ? 0 : pv.start,
      qualifiers: quals.join("; ")
    };
  }

  // Paged reading. The runner binds `page` ({offset, limit}): a script
  // needs at most offset + limit + 1 rows, and the runner stops it once
  // it has them. The each* helpers below call fn per record as they read
  // the store, in store order (the order of g.V(x).In(p) / Out(p)), so a
  // page costs about its own rows rather than the whole result.
  //
  // A query whose header says "paging: script" gets page.script: the
  // runner leaves the page.offset rows before the page to the script, and
  // the each* helpers pass over that many records cheaply (without
  // reading them whole) before calling fn, so a deep page costs little
  // more than the first. Such a query must emit exactly one row per
  // record the helpers give it.
  var paged = typeof page === "object" && page !== null && page.limit > 0;
  var skipLeft = paged && page.script ? page.offset : 0;

  function pageRows() {
    if (!paged) return 0;
    return (page.script ? 0 : page.offset) + page.limit + 1;
  }

  // skipping wraps fn for the plain Gizmo versions of the helpers, which
  // pass over the rows before the page one record at a time.
  function skipping(fn) {
    return function (rec) {
      if (skipLeft > 0) { skipLeft--; return; }
      fn(rec);
    };
  }

  function stream(kind, args, fn) {
    var h = ngOpen.apply(null, [kind].concat(args));
    if (skipLeft > 0) skipLeft -= ngSkip(h, skipLeft);
    var n = Math.min(Math.max(pageRows(), 16), 1000);
    if (pageRows() === 0) n = 100;
    for (;;) {
      var batch = ngNext(h, n);
      for (var i = 0; i < batch.length; i++) fn(batch[i]);
      if (batch.length < n) return;
      n = Math.min(n * 2, 1000);
    }
  }

  // eachFact calls fn with each evidence record of the facts where entity
  // is the subject (dir "out") or object ("in"), optionally of one
  // predicate, in store order: the records of ng.facts plus subjectName
  // and objectName (ng.name of each end; a literal object as itself).
  // extras, an optional list, adds "title" (ng.title of the document)
  // and "text" (the object's ng:text, null when none).
  function eachFact(entity, dir, predicate, fn, extras) {
    var want = predicate ? vocab.predicates[predicate].iri : null;
    extras = extras || [];
    if (typeof ngOpen === "function") return stream("facts", [entity, dir, want === null ? "" : want, extras.join(",")], fn);
    fn = skipping(fn);
    var seen = {};
    g.V(iri(entity)).In(iri(dir === "in" ? I.object : I.subject)).ForEach(function (v) {
      var ev = id(v.id);
      if (seen[ev]) return;
      seen[ev] = true;
      var t = evidenceFields(g.V(iri(ev))).TagValue();
      var rec = t ? record(ev, t, want) : null;
      if (rec === null) return;
      rec.subjectName = name(rec.subject);
      rec.objectName = rec.literal ? rec.object : name(rec.object);
      if (extras.indexOf("title") >= 0) rec.title = rec.document === "" ? "" : title(rec.document);
      if (extras.indexOf("text") >= 0) {
        var t = rec.literal ? null : g.V(iri(rec.object)).Out(iri(I.text)).ToValue();
        rec.text = t === null ? null : literal(t);
      }
      fn(rec);
    });
  }

  // eachDoc calls fn with {document, title, publisher, url} for each
  // document that mentions entity, in store order of its mentions.
  function eachDoc(entity, fn) {
    if (typeof ngOpen === "function") return stream("docs", [entity], fn);
    fn = skipping(fn);
    docsOf(entity).forEach(function (d) {
      var t = g.V(iri(d)).SaveOpt(iri(I.source), "publisher").SaveOpt(iri(I.url), "url").TagValue() || {};
      fn({
        document: d, title: title(d),
        publisher: t.publisher === undefined ? "" : literal(t.publisher),
        url: t.url === undefined ? "" : literal(t.url)
      });
    });
  }

  // eachEntity calls fn with {iri, name, class, documents} for each entity
  // of a class (a key of vocab.classes) or of its subclasses: those typed
  // with the class, then those of each subclass (a mention is typed with
  // its finest class only), each once; "class" is the deepest
  // class the entity has within the requested one, "documents" how many
  // documents mention it.
  function eachEntity(cls, fn) {
    if (typeof ngOpen === "function") return stream("class", [cls], fn);
    fn = skipping(fn);
    var byIRI = {};
    Object.keys(vocab.classes).forEach(function (c) { byIRI[vocab.classes[c].iri] = c; });
    var depth = function (c) {
      var d = 0;
      for (var k = vocab.classes[c]; k && k.parent !== I.Thing; k = vocab.classes[byIRI[k.parent]]) d++;
      return d;
    };
    var within = function (c) {
      for (var k = c; k; k = byIRI[vocab.classes[k].parent]) if (k === cls) return true;
      return false;
    };
    var seen = {};
    var listings = [cls].concat(Object.keys(vocab.classes).filter(function (c) { return c !== cls && within(c); })
      .sort(function (a, b) { return vocab.classes[a].order - vocab.classes[b].order; }));
    listings.forEach(function (lc) { g.V(iri(vocab.classes[lc].iri)).In(iri(I.type)).ForEach(function (v) {
      var e = id(v.id);
      if (seen[e] || e.indexOf(I.entityPrefix) !== 0) return;
      seen[e] = true;
      var best = cls;
      uniqSorted(g.V(iri(e)).Out(iri(I.type)).ToArray().map(id)).forEach(function (t) {
        var c = byIRI[t];
        if (!c || !within(c)) return;
        if (depth(c) > depth(best) || (depth(c) === depth(best) && best !== cls && c < best)) best = c;
      });
      fn({ iri: e, name: name(e), "class": best, documents: docSet(e).size });
    }); });
  }

  // cmp orders rows by the given keys, then by every other key, so output
  // is the same on every run.
  function sortRows(rows, keys) {
    return rows.sort(function (a, b) {
      for (var i = 0; i < keys.length; i++) {
        var x = a[keys[i]], y = b[keys[i]];
        if (x === y) continue;
        if (x === undefined || x === null) return -1;
        if (y === undefined || y === null) return 1;
        if (typeof x === "number" && typeof y === "number") return x - y;
        x = String(x); y = String(y);
        if (x < y) return -1;
        if (x > y) return 1;
      }
      return 0;
    });
  }

  // ref is a node reference as Cayley's Visualize expects in `source` and
  // `target` (the runner flattens it back to the IRI).
  function ref(node) {
    return { "@id": id(node) };
  }

  function emitAll(rows) {
    for (var i = 0; i < rows.length; i++) g.Emit(rows[i]);
  }

  return {
    id: id, literal: literal, resolve: resolve, one: one, name: name, title: title,
    facts: facts, prov: prov, docsOf: docsOf, shortPred: shortPred, sortRows: sortRows, ref: ref, emitAll: emitAll,
    escapeRe: escapeRe, uniqSorted: uniqSorted,
    eachFact: eachFact, eachDoc: eachDoc, eachEntity: eachEntity, pageRows: pageRows
  };
})();
