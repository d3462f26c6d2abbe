// Bulk fixes: "Preview" asks the server how many cells (or rows) the fix would change, before applying.
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  if (!form) { return; }
  var output = document.getElementById("bulk-count");
  var action = document.getElementById("bulk-action");

  function showFields() {
    var cells = ["set", "replace", "map"].indexOf(action.value) >= 0;
    ["bulk-column", "bulk-value"].forEach(function (id) { document.getElementById(id).closest("span").hidden = !cells; });
    document.getElementById("bulk-find").closest("span").hidden = ["replace", "map"].indexOf(action.value) < 0;
  }

  // Ticks live in this tab's sessionStorage, per upload, so that rows ticked on other pages (or
  // under another filter) stay ticked and go with the form; a fix the server applied ("Done: ..."
  // on the page it sends back) clears them, a refused one keeps them.
  var scope = document.getElementById("bulk-scope");
  var tickedOutput = document.getElementById("bulk-ticked");
  var untick = document.getElementById("bulk-untick");
  var key = "csat-ticks:" + form.getAttribute("action");
  var ticked = readTicks();

  function readTicks() {
    try { return JSON.parse(window.sessionStorage.getItem(key) || "[]"); } catch (error) { return []; }
  }

  function saveTicks() {
    try { window.sessionStorage.setItem(key, JSON.stringify(ticked)); } catch (error) { /* storage off: this page only */ }
  }

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll('input[name="rows"][form="bulk-form"]'));
  }

  function elsewhere() {
    var here = boxes().map(function (box) { return box.value; });
    return ticked.filter(function (id) { return here.indexOf(id) < 0; });
  }

  function showTicks() {
    var others = elsewhere().length;
    tickedOutput.textContent = ticked.length ? ticked.length + " ticked" + (others ? ", " + others + " of them on other pages or filters" : "") : "";
    untick.hidden = !ticked.length;
    scope.value = ticked.length ? "selected" : "filtered";
  }

  function withTicks(data) {
    elsewhere().forEach(function (id) { data.append("rows", id); });
    return data;
  }

  function preview() {
    output.textContent = "Counting…";
    fetch(form.dataset.previewUrl, { method: "POST", body: withTicks(new FormData(form)), credentials: "same-origin" })
      .then(function (response) {
        if (response.redirected && response.url.indexOf("/login/") >= 0) {  // the session ended: the login page
          return { error: "Your session has expired: sign in again (in another tab), then press Preview again." };
        }
        return response.json();
      })
      .then(function (data) {
        if (data.error) { output.textContent = data.error; return; }
        var unit = ["set", "replace", "map"].indexOf(data.action) >= 0 ? "cell" : "row";
        output.textContent = "This will change " + data.count + " " + unit + (data.count === 1 ? "" : "s") + ".";
      })
      .catch(function () { output.textContent = "Could not count: the server did not answer."; });
  }

  // Ticking a row means "these rows": the fix then applies to the ticked rows, not the whole filter.
  document.addEventListener("change", function (event) {
    if (event.target.name !== "rows" || event.target.getAttribute("form") !== "bulk-form") { return; }
    ticked = ticked.filter(function (id) { return id !== event.target.value; });
    if (event.target.checked) { ticked.push(event.target.value); }
    saveTicks();
    showTicks();
  });
  untick.addEventListener("click", function () {
    ticked = [];
    saveTicks();
    boxes().forEach(function (box) { box.checked = false; });
    showTicks();
  });
  // What the form held when it was sent: a refused fix ("No row to fix", "Enter the text to find") comes
  // back with the form as the user left it, not reset (QA round 28b).
  var fields = ["bulk-action", "bulk-column", "bulk-value", "bulk-find", "bulk-scope"];
  form.addEventListener("submit", function (event) {
    if (action.value === "delete") {  // the one fix that takes rows away: say how many first
      var what = scope.value === "selected" ? ticked.length + " ticked row" + (ticked.length === 1 ? "" : "s")
        : scope.options[0].textContent.replace(/^E/, "e");
      if (!window.confirm("Delete " + what + " from this upload? Undo takes it back.")) {
        event.preventDefault();
        return;
      }
    }
    try {
      window.sessionStorage.setItem(key + ":fields", JSON.stringify(fields.map(function (id) {
        return document.getElementById(id).value;
      })));
    } catch (error) { /* storage off */ }
    if (scope.value === "selected") {
      elsewhere().forEach(function (id) {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "rows";
        hidden.value = id;
        form.appendChild(hidden);
      });
    }
    try { window.sessionStorage.setItem(key + ":sent", "1"); } catch (error) { /* storage off */ }
  });
  var sent = false;
  try { sent = window.sessionStorage.getItem(key + ":sent") === "1"; window.sessionStorage.removeItem(key + ":sent"); } catch (error) { /* storage off */ }
  var done = Array.prototype.some.call(document.querySelectorAll(".messages li.success"), function (item) {
    return item.textContent.indexOf("Done: ") === 0;
  });
  if (sent && done) {
    ticked = [];
    saveTicks();
  }
  var kept = null;
  try { kept = JSON.parse(window.sessionStorage.getItem(key + ":fields") || "null"); window.sessionStorage.removeItem(key + ":fields"); } catch (error) { /* storage off */ }
  function syncBoxes() {  // the boxes show the stored ticks, never a state the browser restored
    boxes().forEach(function (box) { box.checked = ticked.indexOf(box.value) >= 0; });
    if (ticked.length) { showTicks(); } else { tickedOutput.textContent = ""; untick.hidden = true; }
  }
  syncBoxes();
  if (sent && !done && kept) {
    fields.forEach(function (id, index) { document.getElementById(id).value = kept[index]; });
  }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {  // back/forward cache: another page may have changed the ticks since
      ticked = readTicks();
      syncBoxes();
      scope.value = ticked.length ? "selected" : "filtered";
    }
  });

  action.addEventListener("change", showFields);
  document.getElementById("bulk-preview").addEventListener("click", preview);
  showFields();
})();
