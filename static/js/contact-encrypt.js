// Contact page, end to end: everything she wrote (text, contact details, safe times,
// photos and documents) is encrypted here, with age (typage), to the association's
// public keys; only the age file and the association are sent. Where the message goes
// is asked first in a separate POST (her place in the body, never in an address); the
// message's own request carries only the association. Without JavaScript the form is
// posted as it is and encrypted on the server.
// The age library (about 150 KB) is loaded only once she starts writing or sends.
const form = document.querySelector("[data-contact-form]");
const alertBox = document.querySelector("[data-contact-alert]");
const keysBox = form.querySelector("[data-contact-keys]");
const status = form.querySelector("[data-contact-status]");
const texts = form.dataset;
const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const IMAGE_TYPES = { jpeg: "image/jpeg", png: "image/png" };
let agePromise = null;
let sending = false;

class Refusal extends Error {
  constructor(message, phones = false) {
    super(message);
    this.phones = phones;
  }
}

function loadAge() {
  agePromise = agePromise || import(texts.ageUrl);
  return agePromise;
}

function field(name) {
  return form.elements.namedItem(name);
}

function value(name) {
  const element = field(name);
  if (!element) return "";
  return element.value === undefined ? "" : element.value;
}

function token() {
  return value("csrfmiddlewaretoken");
}

function showAlert(messages, phones = false) {
  const box = alertBox.querySelector("[data-contact-alert-text]");
  box.replaceChildren(
    ...messages.map((text) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      return paragraph;
    }),
  );
  alertBox.querySelector("[data-contact-alert-phones]").hidden = !phones;
  alertBox.hidden = false;
  alertBox.focus();
}

// The form data is sent as one buffer of bytes (multipart, as the browser encodes it),
// so what leaves the page can be read whole in the developer tools, and by our tests.
async function post(url, form) {
  const encoded = new Response(form);
  const response = await fetch(url, {
    method: "POST",
    body: await encoded.arrayBuffer(),
    credentials: "same-origin",
    headers: {
      "Content-Type": encoded.headers.get("Content-Type"),
      "X-CSRFToken": token(),
      Accept: "application/json",
    },
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (error) {
    answer = {};
  }
  return { response, answer };
}

async function fingerprint(recipient) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(recipient));
  const hex = Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.match(/.{4}/g).join(" ");
}

// Where the message goes, and the keys it is encrypted to (checked, shown on the page).
async function destination() {
  const body = new FormData();
  body.append("csrfmiddlewaretoken", token());
  for (const name of ["help_point", "association", "comune"]) body.append(name, value(name));
  const { response, answer } = await post(texts.routeUrl, body);
  if (!response.ok || !answer.keys) throw new Refusal(answer.error || texts.failed);
  const keysResponse = await fetch(answer.keys, { credentials: "same-origin" });
  let list = null;
  try {
    list = (await keysResponse.json()).keys;
  } catch (error) {
    list = null;
  }
  const valid =
    keysResponse.ok &&
    Array.isArray(list) &&
    list.length > 0 &&
    list.every((key) => key && typeof key.recipient === "string" && AGE_RECIPIENT.test(key.recipient));
  if (!valid) {
    keysBox.hidden = true;
    throw new Refusal(texts.badKeys, true);
  }
  const fingerprints = await Promise.all(list.map((key) => fingerprint(key.recipient)));
  keysBox.querySelector("[data-contact-keys-name]").textContent = answer.name;
  keysBox.querySelector("[data-contact-keys-list]").replaceChildren(
    ...fingerprints.map((text) => {
      const item = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = text;
      item.append(code);
      return item;
    }),
  );
  keysBox.hidden = false;
  return { ...answer, recipients: list.map((key) => key.recipient) };
}

async function sniff(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf";
  return null;
}

function base64(bytes) {
  let text = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000));
  }
  return btoa(text);
}

// A photo is drawn on a canvas and encoded again: only its pixels are kept, no EXIF
// (where it was taken, with which phone).
async function redrawn(file, type) {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const canvas = document.createElement("canvas");
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext("2d").drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, 0.9));
  if (!blob) throw new Error("image");
  return new Uint8Array(await blob.arrayBuffer());
}

async function attachments() {
  const input = field("attachments");
  const files = input ? Array.from(input.files) : [];
  if (files.length > Number(texts.maxFiles)) throw new Refusal(texts.tooMany);
  if (files.reduce((total, file) => total + file.size, 0) > Number(texts.maxBytes)) {
    throw new Refusal(texts.tooLarge);
  }
  const wrongType = (file) => new Refusal(texts.wrongType.replace("%(name)s", file.name));
  const result = [];
  for (const file of files) {
    const kind = await sniff(file);
    if (!kind) throw wrongType(file);
    let data;
    try {
      data = kind === "pdf" ? new Uint8Array(await file.arrayBuffer()) : await redrawn(file, IMAGE_TYPES[kind]);
    } catch (error) {
      throw wrongType(file);
    }
    const type = kind === "pdf" ? "application/pdf" : IMAGE_TYPES[kind];
    result.push({ name: file.name, type, size: data.length, data: base64(data) });
  }
  return result;
}

function checked(name) {
  const chosen = form.querySelector(`input[name="${name}"]:checked`);
  return chosen ? chosen.value : "";
}

function selectedText(name) {
  const select = field(name);
  return select && select.value ? select.options[select.selectedIndex].text : "";
}

// The same shape as the server's payload (views.build_payload): the inbox and
// export_messages read both.
function payload(where, files) {
  return {
    format: 2,
    received_on: new Date().toISOString().slice(0, 10),
    association: where.name,
    help_point: selectedText("help_point"),
    comune: value("comune"),
    message: value("message"),
    contact: {
      channel: checked("channel"),
      detail: value("contact_detail"),
      safe_times: value("safe_times"),
      voicemail: checked("voicemail") === "yes",
      language: value("language"),
    },
    attachments: files,
  };
}

async function send() {
  const age = await loadAge();
  const files = await attachments();
  const where = await destination();
  status.textContent = texts.encrypting;
  const encrypter = new age.Encrypter();
  where.recipients.forEach((recipient) => encrypter.addRecipient(recipient));
  const ciphertext = await encrypter.encrypt(JSON.stringify(payload(where, files)));
  const body = new FormData();
  body.append("csrfmiddlewaretoken", token());
  body.append("encryption", "browser");
  body.append("started", value("started"));
  body.append("website", value("website"));
  const captcha = form.querySelector("[name='g-recaptcha-response']");
  if (captcha) body.append("g-recaptcha-response", captcha.value);
  body.append("association", where.association);
  if (where.help_point) body.append("help_point", where.help_point);
  body.append("ciphertext", new Blob([ciphertext], { type: "application/octet-stream" }), "message.age");
  const { response, answer } = await post(form.action, body);
  if (response.ok && answer.thanks) {
    form.reset();
    window.location.assign(answer.thanks);
    return;
  }
  if (answer.started) field("started").value = answer.started;
  throw new Refusal([answer.error, ...(answer.errors || [])].filter(Boolean).join(" ") || texts.failed);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (sending) return;
  sending = true;
  alertBox.hidden = true;
  try {
    await send();
  } catch (error) {
    status.textContent = "";
    showAlert([error instanceof Refusal ? error.message : texts.failed], !(error instanceof Refusal) || error.phones);
  } finally {
    sending = false;
  }
});

form.addEventListener("input", loadAge, { once: true });

for (const name of ["help_point", "association"]) {
  const select = field(name);
  if (select) {
    select.addEventListener("change", () => {
      destination().catch((error) => {
        if (error instanceof Refusal && error.phones) showAlert([error.message], true);
      });
    });
  }
}
