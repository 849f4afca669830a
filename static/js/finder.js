// "Use my location": only when she presses the button, the browser's position is
// put into the finder form and submitted to this site as a plain GET search.
// Nothing is sent anywhere else and nothing is stored in the browser.
(function () {
  "use strict";
  var form = document.querySelector("[data-finder]");
  if (!form || !("geolocation" in navigator)) {
    return;
  }
  var button = form.querySelector("[data-finder-locate]");
  var status = form.querySelector("[data-finder-status]");
  var lat = form.querySelector("[data-finder-lat]");
  var lng = form.querySelector("[data-finder-lng]");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.getAttribute("data-finder-waiting") || "…";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        lat.value = position.coords.latitude.toFixed(3);
        lng.value = position.coords.longitude.toFixed(3);
        form.querySelector("[name=q]").value = "";
        form.submit();
      },
      function () {
        status.textContent = button.getAttribute("data-finder-denied");
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();
