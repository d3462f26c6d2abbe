// Live delivery progress: polls the upload's progress and reloads the page when it ends.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box || box.dataset.active !== "1") { return; }
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      var bar = document.getElementById("progress-bar");
      bar.max = data.total || 1;
      bar.value = data.sent;
      document.getElementById("progress-text").textContent =
        data.sent + " of " + data.total + (data.total === 1 ? " item" : " items") + " sent · " + data.created + " created · " + data.failed +
        " failed · " + data.unconfirmed + " not confirmed" + (data.message ? " · " + data.message : "");
      document.getElementById("progress-eta").textContent = data.eta_text || "";
      document.getElementById("upload-status").textContent = data.status_display;
      if (data.active) { setTimeout(poll, 1000); } else { window.location.reload(); }
    }).catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();
