/* Quick exit: the exit links, and Shift pressed alone three times within 5 seconds.
   On exit, at once: a neutral cover, a neutral title, emptied form fields, a flag for
   this tab only (sessionStorage; exit-guard.js reads it), then location.replace. */
(function () {
  "use strict";
  var FLAG = "closher-exited";
  var WINDOW_MS = 5000;
  var PRESSES = 3;
  var links = document.querySelectorAll("a[data-quick-exit]");
  var status = document.querySelector("[data-quick-exit-status]");
  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  if (!links.length) {
    return;
  }
  var exitUrl = links[0].href;
  var presses = 0;
  var shiftAlone = false;
  var timer = null;
  var leaving = false;

  function announce(key) {
    if (status) {
      status.textContent = key ? status.getAttribute("data-" + key) : "";
    }
  }

  function reset() {
    presses = 0;
    window.clearTimeout(timer);
    timer = null;
    announce("");
  }

  function clearForms() {
    var fields = document.querySelectorAll("input, textarea, select");
    Array.prototype.forEach.call(document.forms, function (form) {
      form.reset();
    });
    Array.prototype.forEach.call(fields, function (field) {
      var type = (field.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        field.checked = false;
      } else if (field.tagName === "SELECT") {
        field.selectedIndex = -1;
      } else if (["hidden", "submit", "button", "reset", "image"].indexOf(type) === -1) {
        field.value = "";
      }
    });
  }

  function exit() {
    if (leaving) {
      return;
    }
    leaving = true;
    var cover = document.createElement("div");
    cover.className = "exit-cover";
    document.body.appendChild(cover);
    document.documentElement.classList.add("is-exiting");
    try {
      document.title = new URL(exitUrl).hostname;
    } catch (error) {
      document.title = "";
    }
    announce("leaving");
    clearForms();
    try {
      window.sessionStorage.setItem(FLAG, "1");
    } catch (error) {
      /* Storage refused (private mode quirks): the exit itself still works. */
    }
    window.location.replace(exitUrl);
  }

  function isTextField(element) {
    if (!element) {
      return false;
    }
    if (element.isContentEditable || element.tagName === "TEXTAREA") {
      return true;
    }
    return element.tagName === "INPUT" && !/^(button|checkbox|radio|submit|reset|image|file|range|color)$/i.test(element.type);
  }

  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      exit();
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    shiftAlone = false;
    if (presses) {
      reset();
    }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    /* Touch keyboards (iOS) send Shift for capital letters: ignore it in text fields. */
    if (touch && isTextField(event.target)) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES) {
      reset();
      exit();
      return;
    }
    announce(presses === 1 ? "one" : "two");
    timer = window.setTimeout(reset, WINDOW_MS);
  }, true);
})();
