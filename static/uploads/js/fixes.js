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

  action.addEventListener("change", showFields);
  document.getElementById("bulk-preview").addEventListener("click", preview);
  showFields();
})();
