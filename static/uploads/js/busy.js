// Feedback while a long form post runs (reading a file, checking every row again): on submit, a
// form with data-busy shows that sentence and disables its buttons, so nobody clicks twice.
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    var note = document.createElement("p");
    note.className = "notice busy-note";
    note.setAttribute("role", "status");
    note.hidden = true;
    form.appendChild(note);
    form.addEventListener("submit", function () {
      note.textContent = form.dataset.busy;
      note.hidden = false;
      // After this event, so that the submitting button still takes part in the post.
      setTimeout(function () {
        form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      }, 0);
    });
  });
  // Back from the next page (the browser may keep this one as it was): usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-busy] button").forEach(function (button) { button.disabled = false; });
    document.querySelectorAll(".busy-note").forEach(function (note) { note.hidden = true; });
  });
})();
