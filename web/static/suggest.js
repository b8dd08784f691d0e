// Suggestions for the search box: fetches /api/suggest for the word being
// typed and offers completions through the input's <datalist>, so the
// browser's own list gives keyboard use. The page works without this file.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById(input.getAttribute("list"));
  if (!list) { return; }
  var endpoint = input.getAttribute("data-suggest");
  var timer = null;
  var last = "";
  var controller = null;

  // The word being typed is the text after the last space; a field prefix
  // such as official: stays in front of the completion.
  function parts(value) {
    var i = value.lastIndexOf(" ");
    var head = value.slice(0, i + 1);
    var word = value.slice(i + 1);
    var field = "";
    var m = /^(-?[a-z]+[:：])(.*)$/.exec(word);
    if (m) { field = m[1]; word = m[2]; }
    return { head: head + field, word: word };
  }

  function fill(head, suggestions) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    suggestions.forEach(function (s) {
      var opt = document.createElement("option");
      opt.value = head + s.value;
      // The page names the kinds in its own language (data-kind-official…).
      var kind = input.getAttribute("data-kind-" + s.kind) || s.kind;
      opt.label = kind + " · " + s.count;
      list.appendChild(opt);
    });
  }

  function lookup() {
    var p = parts(input.value);
    if (p.word === "" || p.word === last) { return; }
    last = p.word;
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    var url = endpoint + "?limit=8&prefix=" + encodeURIComponent(p.word);
    fetch(url, { signal: controller ? controller.signal : undefined, headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (body) { fill(p.head, body.suggestions || []); })
      .catch(function () { /* a failed suggestion must not disturb typing */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 150);
  });
})();
