// The fix-it table: edit a cell in place; only the changed cell travels to the server (B22).
// Enter, F2, click or typing a character edits; Enter saves and moves down, Tab saves and moves right
// (Shift+Tab left); Escape cancels; arrow keys move between cells. After a save the summary (counts,
// kinds, charts) reloads. A cell holding line breaks is edited in a text area (Shift+Enter adds a line
// break) so none is lost. Saves run in the background, one at a time in the order they were made: the
// next cell can be edited at once, and a row the server sends back never takes away the focus or an
// editor the user has opened since, nor the typed text of a save still on its way.
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  if (!table || table.dataset.editable !== "1") { return; }
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;

  // Saves go to the server one at a time, in the order they were made, so every answer shows the
  // rows with all earlier saves applied. `waiting`: saves not answered yet, {row, column, value},
  // whose typed text a redrawn row shows until their own answer comes.
  var queue = [], sending = false, waiting = [];

  function enqueue(job) { queue.push(job); pump(); }

  function pump() {
    if (sending || !queue.length) { return; }
    sending = true;
    queue.shift()().then(function () { sending = false; pump(); });
  }

  // Leaving the page (a sort link, paging) with saves not sent yet would drop them; the one under
  // way is sent with keepalive and finishes anyway.
  window.addEventListener("beforeunload", function (event) {
    if (queue.length) { event.preventDefault(); event.returnValue = ""; }
  });

  function cellText(td) { return td.querySelector(".text").textContent; }

  // resume: {value, original, start, end} of an editor a row refresh replaced, opened again as it was
  function startEdit(td, resume) {
    if (td.querySelector(".cell-editor") || td.classList.contains("too-long") || td.closest("tr[data-locked]")) { return; }
    var original = resume ? resume.original : cellText(td);
    var lines = original.split(/\r\n|\r|\n/).length;
    // A one-line input drops line breaks: text with any is edited in a text area.
    var input = document.createElement(lines > 1 ? "textarea" : "input");
    if (lines > 1) { input.rows = Math.min(lines, 8); } else { input.type = "text"; }
    input.className = "cell-editor";
    input.value = resume ? resume.value : original;
    input.dataset.original = original;
    input.setAttribute("aria-label", "Edit " + where(td) + ", Enter to save, Escape to cancel" +
                       (lines > 1 ? ", Shift+Enter for a new line" : ""));
    td.classList.add("editing");
    td.appendChild(input);
    input.focus();
    if (resume) { input.setSelectionRange(resume.start, resume.end); } else { input.select(); }
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

  function where(td) {
    return "row " + td.closest("tr").querySelector("th[scope=row]").firstChild.textContent.trim() + ", " +
      columnName(td.dataset.column);
  }

  function save(td, value, original, step) {
    var tr = td.closest("tr");
    var column = td.dataset.column;
    stopEdit(td);
    // Keyboard saves move on at once, so that typing goes on while the save travels
    if (step) { td.focus(); move(td, step[0], step[1]); }
    // A text area gives its line breaks as \n: the same text with \r\n ones is no change
    if (value === original || value === original.replace(/\r\n?/g, "\n")) { return; }
    // `old` is the text this page showed: the server refuses the edit if the cell changed since (another tab).
    var row = tr.dataset.row;
    var place = where(td).replace(/^r/, "R");
    var entry = { row: row, column: column, value: value };
    waiting.push(entry);
    // Show the typed text at once: editing the cell again before the answer starts from it, as the
    // server will have it (a second edit from the old text would be refused as changed since).
    td.querySelector(".text").textContent = value;
    enqueue(function () {
      return fetch(table.dataset.editUrl, {
        method: "POST",
        headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ row: row, column: column, text: value, old: original }),
        credentials: "same-origin",
        keepalive: true  // a save under way finishes even if the user leaves the page
      }).then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) {
          return { ok: false, data: { error: "The server refused the save (HTTP " + response.status + "). Reload the page and try again." } };
        }
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        waiting.splice(waiting.indexOf(entry), 1);
        var cell = cellAt(row, column);
        if (!result.ok) {
          if (cell && !laterSave(row, column)) { cell.querySelector(".text").textContent = original; }
          showError(place + " was not saved. " + (result.data.error || ""), value, result.data.session_expired, cell || td);
          return;
        }
        hideError();
        Object.keys(result.data.rows).forEach(replaceRow.bind(null, result.data.rows));
        Object.keys(result.data.counts).forEach(function (status) {
          document.querySelectorAll('[data-count="' + status + '"]').forEach(function (el) {
            el.textContent = result.data.counts[status];
          });
        });
        var badge = document.getElementById("upload-status");
        if (badge && result.data.status_display) {  // "Needs fixes" -> "Ready" once the last invalid row is fixed
          badge.textContent = result.data.status_display;
          badge.className = "status status-" + result.data.status;
        }
        var fresh = cellAt(row, column);
        if (fresh) {
          var problem = fresh.querySelector(".error-text");
          announce(problem ? place + " still invalid: " + problem.textContent : place + " saved.");
        }
        refreshSummary();
      }).catch(function () {
        if (waiting.indexOf(entry) >= 0) { waiting.splice(waiting.indexOf(entry), 1); }
        var cell = cellAt(row, column);
        if (cell && !laterSave(row, column)) { cell.querySelector(".text").textContent = original; }
        showError(place + " was not saved: the server did not answer. Check your connection and try again.", value, false, cell || td);
      });
    });
  }

  function cellAt(row, column) {
    return document.querySelector("#row-" + row + ' td[data-column="' + column + '"]');
  }

  function laterSave(row, column) {
    return waiting.some(function (other) { return other.row === row && other.column === column; });
  }

  // Put the server's new HTML of a row in place. Focus on one of its cells, or an editor open in it
  // (the user moved on while the save travelled), is carried over to the new row as it was, and so is its tick.
  function replaceRow(rows, id) {
    var old = document.getElementById("row-" + id);
    if (!old) { return; }
    var tick = old.querySelector('input[name="rows"]');
    var ticked = tick && tick.checked;
    var active = document.activeElement;
    var inside = active && old.contains(active) ? active.closest("td.cell") : null;
    var editor = inside && active.classList.contains("cell-editor") ? {
      value: active.value, original: active.dataset.original, start: active.selectionStart, end: active.selectionEnd
    } : null;
    if (editor) { active.dataset.done = "1"; }  // removing it must not save a half-typed text
    old.outerHTML = rows[id];
    tick = document.querySelector("#row-" + id + ' input[name="rows"]');
    if (tick) { tick.checked = ticked; }
    waiting.forEach(function (entry) {  // saves of this row still on their way show their text
      var cell = entry.row === id ? cellAt(entry.row, entry.column) : null;
      if (cell) { cell.querySelector(".text").textContent = entry.value; }
    });
    var fresh = inside && document.querySelector("#row-" + id + ' td[data-column="' + inside.dataset.column + '"]');
    if (fresh && editor) { startEdit(fresh, editor); } else if (fresh) { fresh.focus(); }
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

  var summaries = 0;  // refreshes asked for: only the latest one's answer is shown

  function refreshSummary() {
    var summary = document.getElementById("summary");
    if (!summary) { return; }
    var mine = ++summaries;
    fetch(summary.dataset.url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      // Server-rendered, autoescaped HTML: no user text is interpolated here.
      if (html !== null && mine === summaries) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var part = fresh.querySelector("[data-part=summary]");
        summary.replaceChildren.apply(summary, Array.from(part.childNodes));
        updateMatching(parseInt(part.dataset.matching, 10));
        var history = document.getElementById("history");
        if (history) {
          // the Undo form keeps the step this page was drawn at (fixes.check_seen), not the latest one
          var seen = history.querySelector("input[name=seen]");
          var next = document.adoptNode(fresh.getElementById("history"));
          var nextSeen = next.querySelector("input[name=seen]");
          if (nextSeen) { nextSeen.value = seen ? seen.value : document.querySelector("input[name=seen]").value; }
          history.replaceWith(next);
        }
        var progress = document.getElementById("progress");
        var freshProgress = fresh.getElementById("progress");
        if (progress && freshProgress && progress.dataset.active !== "1") {  // what a fixed failed row lets you resend
          progress.replaceWith(document.adoptNode(freshProgress));
        }
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
      if (!target) {  // past the row's last (first) cell: the next (previous) row's first (last) cell
        var next = dCol > 0 ? tr.nextElementSibling : tr.previousElementSibling;
        var cells = next ? next.querySelectorAll("td.cell") : [];
        target = cells.length ? cells[dCol > 0 ? 0 : cells.length - 1] : null;
      }
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
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // typing on a cell edits it, replacing its text, as in a spreadsheet
      event.preventDefault();
      startEdit(td);
      var input = td.querySelector(".cell-editor");
      if (input) { input.value = event.key; }
    } else if (moves[event.key]) {
      event.preventDefault();
      move(td, moves[event.key][0], moves[event.key][1]);
    }
  });

  // "N rows match" and the bulk fix's "Every row matching the filter (N)", after an edit moved rows in or out
  function updateMatching(rows) {
    if (isNaN(rows)) { return; }
    var matching = document.getElementById("matching");
    if (matching) {
      matching.firstChild.textContent = matching.firstChild.textContent.replace(/^\d+ rows? match(es)?/,
        rows + (rows === 1 ? " row matches" : " rows match"));
    }
    var scope = document.querySelector("option[value=filtered]");
    if (scope) { scope.textContent = scope.textContent.replace(/\(\d+\)$/, "(" + rows + ")"); }
  }

  function updateSubmitButton() {
    var plan = document.getElementById("submit-plan");
    var button = document.getElementById("submit-button");
    if (!plan || !button) { return; }
    var rows = parseInt(plan.dataset.rows, 10);
    button.textContent = "Submit " + rows.toLocaleString("en-US") + " row" + (rows === 1 ? "" : "s") +
      (button.dataset.suffix || "");
    button.disabled = rows === 0;
    var shown = document.getElementById("submit-rows");
    if (shown) { shown.value = rows; }
  }
})();
