// The fix-it table: edit a cell in place; only the changed cell travels to the server (B22).
// Enter or click edits; Enter saves and moves down, Tab saves and moves right (Shift+Tab left);
// Escape cancels; arrow keys move between cells. After a save the summary (counts, kinds, charts) reloads.
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  if (!table || table.dataset.editable !== "1") { return; }
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;

  function cellText(td) { return td.querySelector(".text").textContent; }

  function startEdit(td) {
    if (td.querySelector("input:not([type=checkbox])")) { return; }
    var original = cellText(td);
    var input = document.createElement("input");
    input.type = "text";
    input.value = original;
    input.setAttribute("aria-label", "Edit cell, Enter to save, Escape to cancel");
    td.classList.add("editing");
    td.appendChild(input);
    input.focus();
    input.select();
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        var step = event.key === "Enter" ? [1, 0] : [0, event.shiftKey ? -1 : 1];
        save(td, input.value, original, step);
      } else if (event.key === "Escape") {
        event.preventDefault();
        stopEdit(td);
        td.focus();
      }
    });
    input.addEventListener("blur", function () {
      // Removing a focused input fires blur: an input already saved or cancelled is marked done.
      if (!input.dataset.done) { save(td, input.value, original); }
    });
  }

  function stopEdit(td) {
    var input = td.querySelector("input:not([type=checkbox])");
    if (input) { input.dataset.done = "1"; input.remove(); }
    td.classList.remove("editing");
  }

  function save(td, value, original, step) {
    var tr = td.closest("tr");
    var column = td.dataset.column;
    stopEdit(td);
    if (value === original) { td.focus(); if (step) { move(td, step[0], step[1]); } return; }
    var body = new URLSearchParams({ row: tr.dataset.row, column: column, text: value });
    fetch(table.dataset.editUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) { announce(result.data.error || "The cell could not be saved."); return; }
      Object.keys(result.data.rows).forEach(function (id) {
        var old = document.getElementById("row-" + id);
        if (old) { old.outerHTML = result.data.rows[id]; }
      });
      Object.keys(result.data.counts).forEach(function (status) {
        document.querySelectorAll('[data-count="' + status + '"]').forEach(function (el) {
          el.textContent = result.data.counts[status];
        });
      });
      var fresh = document.querySelector("#row-" + tr.dataset.row + ' td[data-column="' + column + '"]');
      if (fresh) {
        fresh.focus();
        var problem = fresh.querySelector(".error-text");
        announce(problem ? "Still invalid: " + problem.textContent : "Saved.");
        if (step) { move(fresh, step[0], step[1]); }
      }
      refreshSummary();
    }).catch(function () { announce("The cell could not be saved: the server did not answer."); });
  }

  function refreshSummary() {
    var summary = document.getElementById("summary");
    if (!summary) { return; }
    fetch(summary.dataset.url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // Server-rendered, autoescaped HTML: no user text is interpolated here.
      if (html !== null) {
        summary.innerHTML = html;
        updateSubmitButton();
        document.dispatchEvent(new Event("summary-updated"));
      }
    });
  }

  function announce(text) {
    var live = document.getElementById("live");
    if (!live) {
      live = document.createElement("div");
      live.id = "live";
      live.className = "visually-hidden";
      live.setAttribute("aria-live", "assertive");
      document.body.appendChild(live);
    }
    live.textContent = text;
  }

  function move(td, dRow, dCol) {
    var tr = td.closest("tr");
    var target = null;
    if (dRow !== 0) {
      var sibling = dRow > 0 ? tr.nextElementSibling : tr.previousElementSibling;
      if (sibling) { target = sibling.querySelector('td[data-column="' + td.dataset.column + '"]'); }
    } else {
      var index = parseInt(td.dataset.column, 10) + dCol;
      target = tr.querySelector('td[data-column="' + index + '"]');
    }
    if (target) { target.focus(); }
  }

  table.addEventListener("click", function (event) {
    var td = event.target.closest("td.cell");
    if (td && !event.target.closest("input")) { startEdit(td); }
  });
  table.addEventListener("keydown", function (event) {
    var td = event.target.closest("td.cell");
    if (!td || event.target.tagName === "INPUT") { return; }
    var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEdit(td);
    } else if (moves[event.key]) {
      event.preventDefault();
      move(td, moves[event.key][0], moves[event.key][1]);
    }
  });

  function updateSubmitButton() {
    var plan = document.getElementById("submit-plan");
    var button = document.getElementById("submit-button");
    if (!plan || !button) { return; }
    var rows = parseInt(plan.dataset.rows, 10);
    button.textContent = "Submit " + rows + " row" + (rows === 1 ? "" : "s");
    button.disabled = rows === 0;
  }
})();
