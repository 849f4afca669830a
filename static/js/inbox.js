// Secure inbox, reading a message: the key file is unlocked with its passphrase and the
// message decrypted here, in memory. Nothing decrypted is sent anywhere or stored.
import * as age from "./vendor/age.js";

const unlock = document.querySelector("[data-inbox-unlock]");
const view = document.querySelector("[data-inbox-message]");
const status = unlock.querySelector("[data-inbox-status]");
const fileInput = unlock.querySelector("#inbox-key-file");
const passInput = unlock.querySelector("#inbox-passphrase");
const ciphertext = JSON.parse(document.getElementById("inbox-ciphertext").textContent);

function bytes(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function say(key) {
  status.textContent = status.dataset[key];
}

// A key file is either locked with a passphrase (as made by this admin), or a plain
// identity file (as made offline by age-keygen).
async function identities(text, passphrase) {
  let plain = text;
  if (text.includes("BEGIN AGE ENCRYPTED FILE") || text.startsWith("age-encryption.org/")) {
    const decrypter = new age.Decrypter();
    decrypter.addPassphrase(passphrase);
    const locked = text.includes("BEGIN AGE") ? age.armor.decode(text) : new TextEncoder().encode(text);
    plain = await decrypter.decrypt(locked, "text");
  }
  return plain.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.startsWith("AGE-SECRET-KEY-"));
}

function show(message) {
  for (const element of view.querySelectorAll("[data-field]")) {
    const value = element.dataset.field.split(".").reduce((item, key) => (item ? item[key] : ""), message);
    const choice = `choice${String(value).charAt(0).toUpperCase()}${String(value).slice(1)}`;
    element.textContent = element.dataset[choice] || value || "—";
  }
  view.hidden = false;
  unlock.hidden = true;
}

unlock.querySelector("[data-inbox-decrypt]").addEventListener("click", async () => {
  const file = fileInput.files[0];
  if (!file) return say("noFile");
  say("working");
  try {
    const keys = await identities(await file.text(), passInput.value);
    const decrypter = new age.Decrypter();
    keys.forEach((key) => decrypter.addIdentity(key));
    show(JSON.parse(await decrypter.decrypt(bytes(ciphertext), "text")));
    status.textContent = "";
  } catch (error) {
    say("failed");
  } finally {
    passInput.value = "";
  }
});

view.querySelector("[data-inbox-close]").addEventListener("click", () => {
  for (const element of view.querySelectorAll("[data-field]")) element.textContent = "";
  view.hidden = true;
  unlock.hidden = false;
  fileInput.value = "";
});

for (const button of document.querySelectorAll("[data-inbox-confirm]")) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.inboxConfirm)) event.preventDefault();
  });
}
