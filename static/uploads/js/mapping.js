// The mapping page: a change made in the mapping form is only kept by "Apply mapping and check rows".
// Until then, saving or exporting a preset, applying another, reading the file again or going on to
// the rows would act on the mapping as last applied, not on what the form shows (QA round 28b: a
// preset saved in UTC while New York was chosen). Those actions are stopped with a note saying so.
(function () {
  "use strict";
  var form = document.getElementById("mapping-form");
  if (!form) { return; }
  // Against the values the page was sent with (the mapping as applied), not those when this script ran:
  // a change made while the page was still loading counts too.
  var differs = function (element) {
    if (element.type === "checkbox" || element.type === "radio") { return element.checked !== element.defaultChecked; }
    if (element.tagName === "SELECT") {
      var options = Array.prototype.slice.call(element.options);
      var sent = options.filter(function (option) { return option.defaultSelected; });
      if (!sent.length && options.length && !element.multiple) { sent = [options[0]]; }
      return options.some(function (option) { return option.selected !== (sent.indexOf(option) >= 0); });
    }
    return (element.tagName === "INPUT" || element.tagName === "TEXTAREA") && element.type !== "hidden" &&
      element.value !== element.defaultValue;
  };
  // A refused "Apply" shows the refused values as the form's own: still not applied (QA round 30a).
  var changed = function () {
    return form.dataset.unapplied === "1" || Array.prototype.some.call(form.elements, differs);
  };
  var stop = function (event, near) {
    if (!changed()) { return; }
    event.preventDefault();
    event.stopPropagation();
    var note = document.getElementById("unapplied-note");
    if (!note) {
      note = document.createElement("p");
      note.id = "unapplied-note";
      note.className = "errorlist";
      note.setAttribute("role", "alert");
    }
    note.textContent = "You changed the mapping above but have not applied it: press “Apply mapping and check " +
      "rows” first, so that this acts on the mapping you see (to drop the change, open the mapping page again " +
      "from the upload's page).";
    near.appendChild(note);
  };
  document.addEventListener("submit", function (event) {  // the page's own forms; never the header's Sign out
    if (event.target !== form && event.target.closest("main")) { stop(event, event.target); }
  }, true);
  form.querySelectorAll("a.button").forEach(function (link) {
    link.addEventListener("click", function (event) { stop(event, form); });
  });
})();
