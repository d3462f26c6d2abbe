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

  function preview() {
    output.textContent = "Counting…";
    fetch(form.dataset.previewUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.error) { output.textContent = data.error; return; }
        var unit = ["set", "replace", "map"].indexOf(data.action) >= 0 ? "cell" : "row";
        output.textContent = "This will change " + data.count + " " + unit + (data.count === 1 ? "" : "s") + ".";
      })
      .catch(function () { output.textContent = "Could not count: the server did not answer."; });
  }

  // Ticking a row means "these rows": the fix then applies to the ticked rows, not the whole filter.
  var scope = document.getElementById("bulk-scope");
  document.addEventListener("change", function (event) {
    if (event.target.name !== "rows" || event.target.getAttribute("form") !== "bulk-form") { return; }
    scope.value = form.ownerDocument.querySelector('input[name="rows"][form="bulk-form"]:checked') ? "selected" : "filtered";
  });

  action.addEventListener("change", showFields);
  document.getElementById("bulk-preview").addEventListener("click", preview);
  showFields();
})();
