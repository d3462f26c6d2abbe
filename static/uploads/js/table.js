// The fix-it table: edit a cell in place; only the changed cell travels to the server (B22).
// Enter or click edits; Enter saves and moves down, Tab saves and moves right (Shift+Tab left);
// Escape cancels; arrow keys move between cells. After a save the summary (counts, kinds, charts) reloads.
// A cell holding line breaks is edited in a text area (Shift+Enter adds a line break) so none is lost.
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  if (!table || table.dataset.editable !== "1") { return; }
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;

  function cellText(td) { return td.querySelector(".text").textContent; }

  function startEdit(td) {
    if (td.querySelector(".cell-editor") || td.classList.contains("too-long") || td.closest("tr[data-locked]")) { return; }
    var original = cellText(td);
    var lines = original.split(/\r\n|\r|\n/).length;
    // A one-line input drops line breaks: text with any is edited in a text area.
    var input = document.createElement(lines > 1 ? "textarea" : "input");
    if (lines > 1) { input.rows = Math.min(lines, 8); } else { input.type = "text"; }
    input.className = "cell-editor";
    input.value = original;
    input.setAttribute("aria-label", "Edit cell, Enter to save, Escape to cancel");
    td.classList.add("editing");
    td.appendChild(input);
    input.focus();
    input.select();
    input.addEventListener("keydown", function (event) {
      if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
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
    var input = td.querySelector(".cell-editor");
    if (input) { input.dataset.done = "1"; input.remove(); }
    td.classList.remove("editing");
  }

  function save(td, value, original, step) {
    var tr = td.closest("tr");
    var column = td.dataset.column;
    stopEdit(td);
    // A text area gives its line breaks as \n: the same text with \r\n ones is no change
    if (value === original || value === original.replace(/\r\n?/g, "\n")) {
      td.focus();
      if (step) { move(td, step[0], step[1]); }
      return;
    }
    // `old` is the text this page showed: the server refuses the edit if the cell changed since (another tab).
    var body = new URLSearchParams({ row: tr.dataset.row, column: column, text: value, old: original });
    var where = "Row " + tr.querySelector("th[scope=row]").textContent + ", " + columnName(column);
    fetch(table.dataset.editUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!json) {
        return { ok: false, data: { error: "The server refused the save (HTTP " + response.status + "). Reload the page and try again." } };
      }
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) {
        showError(where + " was not saved. " + (result.data.error || ""), value, result.data.session_expired, td);
        return;
      }
      hideError();
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
    }).catch(function () {
      showError(where + " was not saved: the server did not answer. Check your connection and try again.", value, false, td);
    });
  }

  function columnName(index) {
    var header = table.querySelector('thead a[data-sort="c' + index + '"]');
    return header ? header.textContent : "column " + index;
  }

  // A refused save: a visible, dismissible message above the table (role=alert announces it),
  // with the text the user typed, since the cell itself shows the stored text again.
  function showError(message, typed, expired, td) {
    var box = document.getElementById("save-error");
    box.replaceChildren();
    var text = document.createElement("p");
    var label = document.createElement("strong");
    label.textContent = "⚠ Not saved: ";
    text.append(label, message);
    box.append(text);
    var yours = document.createElement("p");
    var quoted = document.createElement("q");
    quoted.className = "typed";
    quoted.textContent = typed;
    yours.append("Your text: ", quoted);
    box.append(yours);
    if (expired) {
      var link = document.createElement("a");
      link.href = table.dataset.loginUrl + "?next=" + encodeURIComponent(location.pathname + location.search);
      link.target = "_blank";
      link.rel = "noopener";
      link.id = "sign-in-link";
      link.textContent = "Sign in again (opens a new tab, so this page and your text stay here)";
      var p = document.createElement("p");
      p.append(link);
      box.append(p);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.id = "save-error-dismiss";
    close.textContent = "Dismiss";
    close.addEventListener("click", function () { hideError(); if (td.isConnected) { td.focus(); } });
    box.append(close);
    box.hidden = false;
  }

  function hideError() {
    var box = document.getElementById("save-error");
    box.hidden = true;
    box.replaceChildren();
  }

  function refreshSummary() {
    var summary = document.getElementById("summary");
    if (!summary) { return; }
    fetch(summary.dataset.url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // Server-rendered, autoescaped HTML: no user text is interpolated here.
      if (html !== null) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        summary.replaceChildren.apply(summary, Array.from(fresh.querySelector("[data-part=summary]").childNodes));
        var history = document.getElementById("history");
        if (history) { history.replaceWith(document.adoptNode(fresh.getElementById("history"))); }
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
    if (td && !event.target.closest(".cell-editor")) { startEdit(td); }
  });
  table.addEventListener("keydown", function (event) {
    var td = event.target.closest("td.cell");
    if (!td || event.target.closest(".cell-editor")) { return; }
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
