/* Runs in <head>, before anything is painted: once this tab has used the quick exit,
   none of our pages may show again (Back, bfcache, reload): hide and leave at once. */
(function () {
  "use strict";
  var script = document.currentScript;
  var exitUrl = script && script.getAttribute("data-exit-url");
  var root = document.documentElement;

  function exited() {
    try {
      return window.sessionStorage.getItem("closher-exited") === "1";
    } catch (error) {
      return false;
    }
  }

  function leave() {
    root.hidden = true;
    root.style.visibility = "hidden";
    try {
      document.title = new URL(exitUrl).hostname;
    } catch (error) {
      document.title = "";
    }
    window.location.replace(exitUrl);
  }

  if (!exitUrl) {
    return;
  }
  if (exited()) {
    leave();
  }
  window.addEventListener("pageshow", function () {
    if (exited()) {
      leave();
    }
  });
})();
