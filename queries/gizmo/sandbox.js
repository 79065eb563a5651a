// newsgraph: the sandbox every session runs before any script. It bounds
// the built-ins that either recurse in Go (a Go stack overflow is fatal to
// the whole process, not an exception) or allocate in one step (a single
// instruction that no interrupt can stop). Each wrapper checks its
// arguments, then calls the original, which is kept in this closure only.
// Wrappers are JavaScript functions on purpose: recursion through them
// (String of a nested array, a replacer per JSON value) passes a JS frame
// per level and so meets the engine's call-stack limit.
(function (G, lim, jsonDepth) {
  "use strict";
  var rApply = Reflect.apply, defineProperty = Object.defineProperty, isArray = Array.isArray;
  var toStr = String, floor = Math.floor, MapC = Map;

  function fail(what) {
    throw new RangeError("query limit: " + what);
  }
  function len(o) {
    var n = Number(o == null ? 0 : o.length);
    return n > 0 ? floor(n) : 0;
  }
  function set(obj, name, fn) {
    defineProperty(obj, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  function guard(obj, name, check) {
    var orig = obj[name];
    set(obj, name, function () {
      check(this, arguments);
      return rApply(orig, this, arguments);
    });
  }
  function checkLength(self) {
    if (len(self) > lim.elems) fail("array of length " + len(self) + " is longer than " + lim.elems);
  }
  function checkString(n, what) {
    if (n > lim.str) fail(what + " would be " + n + " characters; at most " + lim.str);
  }
  function checkArgs(list) {
    if (list != null && len(list) > lim.args) fail("call with " + len(list) + " arguments; at most " + lim.args);
  }

  // Code made at run time would bypass the source limits: off.
  function noDynamicCode() {
    throw new EvalError("dynamic code (eval, Function) is disabled in queries");
  }
  noDynamicCode.prototype = Function.prototype;
  [function () {}, function* () {}, async function () {}].forEach(function (f) {
    set(Object.getPrototypeOf(f), "constructor", noDynamicCode);
  });
  set(G, "eval", noDynamicCode);
  set(G, "Function", noDynamicCode);
  // Typed arrays allocate their whole length at once, and queries have no
  // use for bytes.
  ["ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
    "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
    "BigInt64Array", "BigUint64Array"].forEach(function (name) { delete G[name]; });

  // Every array method loops over `length` in Go, holes included: bound it.
  var AP = Array.prototype;
  Object.getOwnPropertyNames(AP).forEach(function (name) {
    if (name === "constructor" || name === "length" || typeof AP[name] !== "function") return;
    guard(AP, name, checkLength);
  });
  guard(AP, "join", function (self, args) {
    checkLength(self);
    var sep = args[0] === undefined ? 1 : toStr(args[0]).length;
    checkString(len(self) * sep, "joined string");
  });
  guard(AP, "fill", function (self) { checkLength(self); });
  // flat recurses in Go once per level: flatten at most lim.depth levels,
  // and refuse (rather than silently stop) when more were asked for and
  // are there.
  var flat = AP.flat, some = AP.some;
  set(AP, "flat", function (d) {
    checkLength(this);
    var want = d === undefined ? 1 : Number(d);
    if (!(want > lim.depth)) return rApply(flat, this, [d]);
    var out = rApply(flat, this, [lim.depth]);
    if (rApply(some, out, [isArray])) fail("flat depth " + d + ": arrays nested deeper than " + lim.depth);
    return out;
  });
  guard(AP, "concat", function (self, args) {
    var n = len(self);
    for (var i = 0; i < args.length; i++) n += isArray(args[i]) ? len(args[i]) : 1;
    if (n > lim.elems) fail("concatenated array of " + n + " elements; at most " + lim.elems);
  });
  guard(Array, "from", function (self, args) {
    if (args[0] != null && typeof args[0] !== "string" && len(args[0]) > lim.elems) fail("Array.from of length " + len(args[0]) + "; at most " + lim.elems);
  });

  guard(Function.prototype, "apply", function (self, args) { checkArgs(args[1]); });
  guard(Reflect, "apply", function (self, args) { checkArgs(args[2]); });
  guard(Reflect, "construct", function (self, args) { checkArgs(args[1]); });

  var SP = String.prototype;
  guard(SP, "repeat", function (self, args) {
    checkString(toStr(self).length * Math.max(0, Number(args[0]) || 0), "repeated string");
  });
  ["padStart", "padEnd"].forEach(function (name) {
    guard(SP, name, function (self, args) { checkString(Number(args[0]) || 0, "padded string"); });
  });
  guard(SP, "concat", function (self, args) {
    var n = toStr(self).length;
    for (var i = 0; i < args.length; i++) n += toStr(args[i]).length;
    checkString(n, "concatenated string");
  });
  // A replacement runs once per match: bound what the matches can add.
  ["replace", "replaceAll"].forEach(function (name) {
    var orig = SP[name];
    set(SP, name, function (pattern, repl) {
      var n = toStr(this).length;
      if (typeof repl === "function") {
        var f = repl, total = n;
        repl = function () {
          var out = toStr(rApply(f, this, arguments));
          total += out.length;
          checkString(total, "replaced string");
          return out;
        };
      } else {
        var r = toStr(repl), dollars = r.split("$").length - 1;
        var each = r.indexOf("$`") >= 0 || r.indexOf("$'") >= 0 ? dollars * n : 0;
        checkString(n + (n + 1) * (r.length + each) + dollars * n, "replaced string");
        repl = r;
      }
      return rApply(orig, this, [pattern, repl]);
    });
  });

  // A backtracking match that times out (lim.regexpMs) is reported by goja
  // as "no match": make it an error instead of a wrong answer.
  function timed(obj, name) {
    var orig = obj[name];
    if (typeof orig !== "function") return;
    set(obj, name, function () {
      var t = Date.now();
      var out = rApply(orig, this, arguments);
      if (Date.now() - t >= lim.regexpMs) fail("regular expression ran longer than " + lim.regexpMs + " ms");
      return out;
    });
  }
  var RP = RegExp.prototype;
  ["exec", "test", Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.search, Symbol.split].forEach(function (k) { timed(RP, k); });
  ["match", "matchAll", "replace", "replaceAll", "search", "split"].forEach(function (k) { timed(SP, k); });

  // Array joins recurse through nested arrays in Go; going through these
  // JS wrappers counts every level against the call-stack limit.
  ["toString", "toLocaleString"].forEach(function (name) {
    var orig = AP[name];
    set(AP, name, function () { return rApply(orig, this, []); });
  });

  // JSON.stringify recurses in Go: a replacer is called for every value
  // before the encoder descends into it, so it tracks depth and size.
  var J = G.JSON, stringify = J.stringify, parse = J.parse;
  set(J, "stringify", function (value, replacer, space) {
    var depth = new MapC(), size = 0, indent = space == null ? 0 : typeof space === "number" ? space : toStr(space).length;
    var user = typeof replacer === "function" ? replacer : null;
    var allow = isArray(replacer) ? replacer.map(toStr) : null;
    var root = true;
    function track(key, v) {
      if (allow && !root && !isArray(this) && allow.indexOf(key) < 0) return undefined;
      if (user) v = rApply(user, this, [key, v]);
      var d = root ? 0 : (depth.get(this) || 0) + 1;
      root = false;
      if (d > lim.depth) fail("JSON nested deeper than " + lim.depth);
      size += toStr(key).length + d * (indent > 10 ? 10 : indent) + 8;
      if (typeof v === "string") size += v.length;
      else if (v !== null && typeof v === "object") depth.set(v, d);
      checkString(size, "JSON text");
      return v;
    }
    return rApply(stringify, J, [value, track, space]);
  });
  set(J, "parse", function (text) {
    var s = toStr(text);
    if (jsonDepth(s) > lim.depth) fail("JSON nested deeper than " + lim.depth);
    return rApply(parse, J, [s].concat(Array.prototype.slice.call(arguments, 1)));
  });
})
