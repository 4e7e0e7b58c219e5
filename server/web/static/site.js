// civicpact: the draft form's live preview. Everything works without it;
// with it, each position's text is parsed on the server as you type and
// shown rendered, or with the line and column of the first markup error.
"use strict";
(function () {
  var form = document.querySelector("form[data-preview-key]");
  if (!form || !window.fetch) { return; }
  var key = form.getAttribute("data-preview-key");
  var csrf = form.getAttribute("data-csrf");
  function render(area) {
    var out = document.getElementById(area.id + "-preview");
    fetch("/api/v1/clauses/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ text: area.value, key: key, lang: area.getAttribute("data-lang") })
    }).then(function (r) { return r.json(); }).then(function (res) {
      if (res.error) {
        out.textContent = "";
        var p = document.createElement("p");
        p.className = "error";
        p.textContent = "Line " + res.error.line + ", column " + res.error.column + ": " + res.error.message;
        if (document.documentElement.lang === "fr") {
          p.textContent = "Ligne " + res.error.line + ", colonne " + res.error.column + " : " + res.error.message;
        }
        out.appendChild(p);
        area.setAttribute("aria-invalid", "true");
        return;
      }
      area.removeAttribute("aria-invalid");
      // The server renders the markup through html/template: text is escaped.
      out.innerHTML = res.html || "";
    }).catch(function () { out.textContent = out.getAttribute("data-empty"); });
  }
  var timers = {};
  Array.prototype.forEach.call(form.querySelectorAll("textarea.markup"), function (area) {
    render(area);
    area.addEventListener("input", function () {
      clearTimeout(timers[area.id]);
      timers[area.id] = setTimeout(function () { render(area); }, 250);
    });
  });
})();
