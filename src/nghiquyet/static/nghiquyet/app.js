// Shows the page-level progress bar during htmx requests.
document.addEventListener("DOMContentLoaded", function () {
  var progress = document.getElementById("progress");
  if (!progress || !window.htmx) return;
  document.body.addEventListener("htmx:beforeRequest", function () { progress.classList.add("htmx-request"); });
  document.body.addEventListener("htmx:afterRequest", function () { progress.classList.remove("htmx-request"); });
});
