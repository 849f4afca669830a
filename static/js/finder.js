// The finder's search form (services/includes/finder_form.html), on the finder page and at
// the top of the home page. Without JavaScript it is a plain GET form. With it:
// - the place box is an ARIA 1.2 combobox: as she types, our own endpoint
//   (data-places-url) suggests places; she moves through them with the arrow keys, takes
//   one with Enter or a tap, and Escape closes the list;
// - the search is sent in the body of a same-origin POST (data-results-url) and its
//   results replace #finder-results, so the place she typed and her coordinates never go
//   into the address bar, the history, a Referer or a log, and the URL stays clean;
// - "Use my location", only when she presses it, sends the browser's position the same way.
// Nothing is sent anywhere else and nothing is stored in the browser.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  var results = document.getElementById("finder-results");
  if (!form || !results || !window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }
  var input = form.elements.q;
  var lat = form.querySelector("[data-finder-lat]");
  var lng = form.querySelector("[data-finder-lng]");
  var status = form.querySelector("[data-finder-status]");
  var announce = form.querySelector("[data-finder-announce]");
  var language = document.documentElement.lang;

  // A search that came in the address (sent before this script ran, or a link) leaves it.
  var query = new URLSearchParams(window.location.search);
  if (query.has("q") || query.has("lat") || query.has("lng")) {
    window.history.replaceState(null, "", window.location.pathname + window.location.hash);
  }

  function post(url, body, accept) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "omit",
      cache: "no-store",
      headers: { Accept: accept }
    });
  }

  // Suggestions ---------------------------------------------------------------------------
  var list = document.createElement("ul");
  var options = [];
  var active = -1;
  var timer = null;
  var asked = 0; // the latest request for suggestions; older answers are ignored

  list.id = input.id + "-list";
  list.className = "finder__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-labelledby", input.id + "-label");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function setActive(index) {
    active = index;
    options.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
    } else {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }
  }

  function expand(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) {
      setActive(-1);
    }
  }

  function choose(index) {
    input.value = options[index].textContent;
    expand(false);
  }

  function show(places) {
    list.textContent = "";
    options = places.map(function (place, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.className = "finder__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = place.label;
      option.addEventListener("click", function () {
        choose(index);
        input.focus();
      });
      list.appendChild(option);
      return option;
    });
    expand(options.length > 0);
    announce.textContent = options.length
      ? announce.getAttribute("data-found").replace("{count}", String(options.length))
      : announce.getAttribute("data-none");
  }

  function forget() {
    window.clearTimeout(timer);
    asked += 1;
    options = [];
    list.textContent = "";
    expand(false);
  }

  function suggest() {
    var text = input.value.trim();
    if (text.length < 2) {
      forget();
      announce.textContent = "";
      return;
    }
    asked += 1;
    var ticket = asked;
    var body = new URLSearchParams();
    body.set("q", text);
    body.set("lang", language);
    post(form.getAttribute("data-places-url"), body, "application/json")
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        // An answer to an older text, or after she left the box, is not shown.
        if (data && ticket === asked && document.activeElement === input) {
          show((data.places || []).slice(0, 8));
        }
      })
      .catch(function () {
        // No suggestions: the search itself still works.
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 250);
  });
  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) {
        return;
      }
      event.preventDefault();
      if (!open) {
        expand(true);
        if (event.altKey) {
          return;
        }
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = active < 0 && step < 0 ? options.length - 1 : active + step;
      setActive((next + options.length) % options.length);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // takes the place; a second Enter searches
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      expand(false);
    }
  });
  input.addEventListener("blur", function () {
    expand(false);
  });
  // A tap on a suggestion must not take the focus from the box before it is chosen.
  list.addEventListener("mousedown", function (event) {
    event.preventDefault();
  });

  // The search -----------------------------------------------------------------------------
  function search() {
    var body = new URLSearchParams(new FormData(form));
    body.set("page", form.getAttribute("data-page"));
    lat.value = "";
    lng.value = "";
    forget();
    status.textContent = form.getAttribute("data-searching");
    post(form.getAttribute("data-results-url"), body, "text/html")
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        results.innerHTML = html;
        status.textContent = "";
        var heading = results.querySelector("h2, [role=alert]");
        if (heading) {
          heading.setAttribute("tabindex", "-1");
          heading.focus();
        }
      })
      .catch(function () {
        status.textContent = form.getAttribute("data-failed");
      });
  }

  form.addEventListener("submit", function (event) {
    // A place chosen among several with the same name comes from a button of the results.
    var button = event.submitter;
    if (button && button.name === "q") {
      input.value = button.value;
    }
    event.preventDefault();
    search();
  });

  var locate = form.querySelector("[data-finder-locate]");
  if (!("geolocation" in navigator)) {
    return;
  }
  locate.hidden = false;
  locate.addEventListener("click", function () {
    status.textContent = locate.getAttribute("data-finder-waiting") || "…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        input.value = "";
        lat.value = position.coords.latitude.toFixed(3);
        lng.value = position.coords.longitude.toFixed(3);
        search();
      },
      function () {
        status.textContent = locate.getAttribute("data-finder-denied");
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();
