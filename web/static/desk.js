// The research desk's small enhancements; every page works without them.
// Copy buttons copy a citation; a filter box narrows a long facet.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (btn) {
    var target = document.getElementById(btn.getAttribute("data-copy"));
    if (!target) { return; }
    btn.hidden = false;
    var label = btn.textContent;
    btn.addEventListener("click", function () {
      var text = target.textContent.trim();
      var done = function () {
        btn.textContent = btn.getAttribute("data-copied") || label;
        btn.setAttribute("data-done", "1");
        setTimeout(function () { btn.textContent = label; }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { select(target); });
      } else {
        select(target);
        try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
      }
    });
  });
  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  document.querySelectorAll("input[data-facet-filter]").forEach(function (box) {
    var list = document.getElementById(box.getAttribute("data-facet-filter"));
    if (!list) { return; }
    box.hidden = false;
    box.addEventListener("input", function () {
      var want = box.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach(function (li) {
        var v = li.querySelector(".value");
        li.hidden = want !== "" && (!v || v.textContent.toLowerCase().indexOf(want) < 0);
      });
    });
  });
})();
