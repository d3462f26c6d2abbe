// Feedback while a long form post runs (reading a file, checking every row again, a bulk fix): on
// submit, a form with data-busy shows that sentence and disables its buttons, so nobody clicks twice.
// Listens on the document, so forms a fragment refresh puts on the page later are covered too.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-busy]") || event.defaultPrevented) { return; }
    var note = form.querySelector(".busy-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "notice busy-note";
      note.setAttribute("role", "status");
      form.appendChild(note);
    }
    note.textContent = form.dataset.busy;
    note.hidden = false;
    // After this event, so that the submitting button still takes part in the post.
    setTimeout(function () {
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
    }, 0);
  });
  // A button with data-confirm asks first (cancelling a delivery: QA round 38a); a refusal posts nothing.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-confirm]") : null;
    if (button && !window.confirm(button.dataset.confirm)) { event.preventDefault(); }
  }, true);
  // Back from the next page (the browser may keep this one as it was): usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-busy] button").forEach(function (button) { button.disabled = false; });
    document.querySelectorAll(".busy-note").forEach(function (note) { note.hidden = true; });
  });
})();
