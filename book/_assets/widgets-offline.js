// Widgets in the course's book, offline. Loaded after require.js and before the widget
// manager (vendor/html-manager/embed-amd.js), on the pages that show a widget.
(function () {
  var root = document.documentElement.dataset.content_root || "";  // "../" from a chapter
  // The widget manager's modules load their icon fonts relative to their own URL: point that
  // URL at the vendored copy.
  window.require.config({paths: {"@jupyter-widgets/html-manager/dist": root + "_static/vendor/html-manager"}});
  // A widget library other than ipywidgets' own would be fetched from a CDN; look for it beside
  // the vendored files instead, so that a page never reaches the network.
  document.currentScript.setAttribute("data-jupyter-widgets-cdn", root + "_static/vendor/widget-modules/");
})();
