// The workshops page's filters. Without JavaScript they are a plain GET form. With it, a
// search that names a comune is sent in the body of a same-origin POST and its results
// replace the list in place: the place she typed never goes into a URL (address bar,
// history, logs). Searches without a comune stay plain GET requests, easy to share.
// Nothing is stored in the browser.
(function () {
  "use strict";
  var form = document.querySelector("[data-workshop-filters]");
  var results = document.getElementById("workshop-results");
  if (!form || !results || !window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }
  var comune = form.elements.comune;
  var status = form.querySelector("[data-workshop-status]");

  function show(html) {
    results.innerHTML = html;
    status.textContent = "";
    var count = document.getElementById("results-count");
    if (count) {
      count.focus();
    }
  }

  function search() {
    var body = new URLSearchParams(new FormData(form));
    body.set("page", form.getAttribute("data-page"));
    status.textContent = "…";
    fetch(form.getAttribute("data-results-url"), {
      method: "POST",
      body: body,
      credentials: "omit",
      cache: "no-store",
      headers: { Accept: "text/html" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(show)
      .catch(function () {
        status.textContent = form.getAttribute("data-failed");
      });
  }

  form.addEventListener("submit", function (event) {
    // A comune chosen among several with the same name comes from a button of the results.
    var button = event.submitter;
    if (button && button.name === "comune") {
      comune.value = button.value;
    }
    if (comune.value.trim() === "") {
      return;
    }
    event.preventDefault();
    search();
  });
})();
