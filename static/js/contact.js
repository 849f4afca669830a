// Contact page: load Google's reCAPTCHA from www.recaptcha.net only after she asks for it.
(function () {
  "use strict";
  var box = document.querySelector("[data-captcha]");
  if (!box) return;
  var button = box.querySelector("[data-captcha-load]");
  var widget = box.querySelector("[data-captcha-widget]");
  var placeholder = widget.querySelector(".g-recaptcha");
  button.hidden = false;
  button.addEventListener("click", function () {
    var script = document.createElement("script");
    script.src = placeholder.getAttribute("data-recaptcha-src");
    script.async = true;
    document.head.appendChild(script);
    button.hidden = true;
    widget.hidden = false;
  });
})();
