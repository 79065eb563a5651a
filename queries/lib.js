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
  // into entity IRIs: an entity IRI given as such if it exists; else every
  // entity whose ng:name or ng:alias equals the text exactly; else, only if
  // none does, those equal ignoring case and runs of spaces; then the
  // entities merged with those (ng:same_as). An empty list means nothing
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

  function resolveText(text) {
    text = String(text).trim();
    if (text === "") return [];
    if (text.indexOf(I.entityPrefix) === 0 && g.V(iri(text)).Out(iri(I.type)).ToValue() !== null) return [text];
    // One predicate per call: Cayley turns a list of predicates into a
    // scan of every quad with any of them.
    var exact = g.V(str(text)).In(iri(I.name)).ToArray().concat(g.V(str(text)).In(iri(I.alias)).ToArray()).map(id);
    if (exact.length) return uniqSorted(exact);
    if (g.V(iri(I.key)).ToValue() !== null) {
      var key = (text.normalize ? text.normalize("NFC") : text).split(/\s+/).join(" ").toLowerCase();
      return uniqSorted(g.V(str(key)).In(iri(I.key)).ToArray().map(id));
    }
    var words = text.split(/\s+/).map(escapeRe).join("\\s+");
    var folded = g.V().Out(iri(I.alias)).Filter(regex("(?i)^" + words + "$")).In(iri(I.alias)).Unique().ToArray().map(id);
    return uniqSorted(folded);
  }

  // one resolves a required name parameter to one entity (and the
  // entities merged with it) and fails clearly if the text names none or
  // several. The runner binds ngOne (queries.ResolveEntity: the failure
  // becomes the run's error, with the candidates of an ambiguous name);
  // elsewhere an unknown name throws and an ambiguous one takes them all.
  function one(param) {
    var text = params[param] === null || params[param] === undefined ? "" : String(params[param]);
    if (typeof ngOne === "function") return ngOne(param, text);
    var found = resolve(text);
    if (!found.length) throw new Error("no entity named " + JSON.stringify(text) + " (parameter " + param + ")");
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
    p = p.SaveOpt(iri(I.subject), "s").SaveOpt(iri(I.predicate), "p").SaveOpt(iri(I.object), "o")
      .SaveOpt(iri(I.document), "doc").SaveOpt(iri(I.sentence), "sentence")
      .SaveOpt(iri(I.confidence), "confidence").SaveOpt(iri(I.start), "start");
    for (var i = 0; i < vocab.qualifiers.length; i++) {
      p = p.SaveOpt(iri(I.qualifierPrefix + vocab.qualifiers[i]), "q_" + vocab.qualifiers[i]);
    }
    return p;
  }

  // record is one evidence record from the saved tags t of node ev; null
  // when incomplete or not of predicate IRI want (unless null).
  function record(ev, t, want) {
    if (t.s === undefined || t.p === undefined || t.o === undefined) return null;
    if (want !== null && id(t.p) !== want) return null;
    var quals = [];
    for (var i = 0; i < vocab.qualifiers.length; i++) {
      var q = t["q_" + vocab.qualifiers[i]];
      if (q !== undefined && q !== null) quals.push(vocab.qualifiers[i] + "=" + literal(q));
    }
    var pred = shortPred(t.p);
    var literalObject = vocab.predicates[pred] ? vocab.predicates[pred].literal : false;
    return {
      evidence: ev,
      subject: id(t.s),
      predicate: pred,
      object: literalObject ? literal(t.o) : id(t.o),
      literal: literalObject,
      document: t.doc === undefined ? "" : id(t.doc),
      sentence: t.sentence === undefined ? "" : literal(t.sentence),
      confidence: t.confidence === undefined ? null : t.confidence,
      start: t.start === undefined ? 0 : t.start,
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
    var seen = {};
    g.V(iri(entity)).Out(iri(I.mentionedIn)).ForEach(function (v) {
      var d = id(v.id);
      if (seen[d]) return;
      seen[d] = true;
      var t = g.V(iri(d)).SaveOpt(iri(I.source), "publisher").SaveOpt(iri(I.url), "url").TagValue() || {};
      fn({
        document: d, title: title(d),
        publisher: t.publisher === undefined ? "" : literal(t.publisher),
        url: t.url === undefined ? "" : literal(t.url)
      });
    });
  }

  // eachEntity calls fn with {iri, name, class, documents} for each entity
  // of a class (a key of vocab.classes) or of its subclasses, in store
  // order of their rdf:type quads for the class; "class" is the deepest
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
    g.V(iri(vocab.classes[cls].iri)).In(iri(I.type)).ForEach(function (v) {
      var e = id(v.id);
      if (seen[e] || e.indexOf(I.entityPrefix) !== 0) return;
      seen[e] = true;
      var best = cls;
      uniqSorted(g.V(iri(e)).Out(iri(I.type)).ToArray().map(id)).forEach(function (t) {
        var c = byIRI[t];
        if (!c || !within(c)) return;
        if (depth(c) > depth(best) || (depth(c) === depth(best) && best !== cls && c < best)) best = c;
      });
      fn({ iri: e, name: name(e), "class": best, documents: uniqSorted(g.V(iri(e)).Out(iri(I.mentionedIn)).ToArray()).length });
    });
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
    facts: facts, shortPred: shortPred, sortRows: sortRows, ref: ref, emitAll: emitAll,
    escapeRe: escapeRe, uniqSorted: uniqSorted,
    eachFact: eachFact, eachDoc: eachDoc, eachEntity: eachEntity, pageRows: pageRows
  };
})();
