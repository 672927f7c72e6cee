(function () {
  "use strict";
  var form = document.getElementById("open");
  var origin = form.getAttribute("data-origin");
  var envelope = form.getAttribute("data-envelope");
  form.addEventListener("submit", function (event) {
    var viewer = window.open(form.getAttribute("data-viewer"), "_blank");
    if (!viewer) {
      return; // no window (blocked): the form posts the ciphertext to the viewer instead
    }
    event.preventDefault();
    var ciphertext = form.elements.ciphertext.value.replace(/\s+/g, "");
    window.addEventListener("message", function handOver(message) {
      var data = message.data;
      if (message.origin !== origin || message.source !== viewer || !data || data.type !== "openenvelope:ready"
          || data.envelope !== envelope) {
        return;
      }
      window.removeEventListener("message", handOver);
      viewer.postMessage({type: "openenvelope:ciphertext", envelope: envelope, ciphertext: ciphertext}, origin);
    });
  });
})();
