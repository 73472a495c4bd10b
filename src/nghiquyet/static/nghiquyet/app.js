// Shows the page-level progress bar during htmx requests.
document.addEventListener("DOMContentLoaded", function () {
  var progress = document.getElementById("progress");
  if (!progress || !window.htmx) return;
  document.body.addEventListener("htmx:beforeRequest", function () { progress.classList.add("htmx-request"); });
  document.body.addEventListener("htmx:afterRequest", function () { progress.classList.remove("htmx-request"); });
});

// Panels marked data-open-wide (filters beside a list) start open on a wide
// screen; on a phone they stay folded so the results come first.
function openWidePanels(root) {
  if (!window.matchMedia("(min-width: 768px)").matches) return;
  root.querySelectorAll("details[data-open-wide]").forEach(function (panel) { panel.open = true; });
}
document.addEventListener("DOMContentLoaded", function () { openWidePanels(document); });
document.addEventListener("htmx:afterSwap", function (event) { openWidePanels(event.target); });
