// Secure inbox, reading a message: the key file is unlocked with its passphrase and the
// message decrypted here, in memory. Nothing decrypted is sent anywhere or stored.
import * as age from "./vendor/age.js";

const unlock = document.querySelector("[data-inbox-unlock]");
const view = document.querySelector("[data-inbox-message]");
const status = unlock.querySelector("[data-inbox-status]");
const fileInput = unlock.querySelector("#inbox-key-file");
const passInput = unlock.querySelector("#inbox-passphrase");
const ciphertext = JSON.parse(document.getElementById("inbox-ciphertext").textContent);

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

// Photos and documents: opened from memory (blob: addresses), never sent anywhere;
// "Close and forget" revokes them.
let attachmentUrls = [];

function bytesOf(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function showAttachments(attachments) {
  const list = view.querySelector("[data-inbox-attachments]");
  for (const attachment of attachments) {
    const url = URL.createObjectURL(new Blob([bytesOf(attachment.data)], { type: attachment.type }));
    attachmentUrls.push(url);
    const item = document.createElement("li");
    if (attachment.type.startsWith("image/")) {
      const image = document.createElement("img");
      image.src = url;
      image.alt = attachment.name;
      item.append(image);
    }
    const link = document.createElement("a");
    link.href = url;
    link.download = attachment.name;
    link.textContent = `${attachment.name} (${Math.ceil(attachment.size / 1024)} KB)`;
    item.append(link);
    list.append(item);
  }
  view.querySelector("[data-inbox-no-attachments]").hidden = attachments.length > 0;
}

function forgetAttachments() {
  attachmentUrls.forEach((url) => URL.revokeObjectURL(url));
  attachmentUrls = [];
  view.querySelector("[data-inbox-attachments]").replaceChildren();
}

function show(message) {
  for (const element of view.querySelectorAll("[data-field]")) {
    const value = element.dataset.field.split(".").reduce((item, key) => (item ? item[key] : ""), message);
    const choice = `choice${String(value).charAt(0).toUpperCase()}${String(value).slice(1)}`;
    element.textContent = element.dataset[choice] || value || "—";
  }
  showAttachments(message.attachments || []);
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
    show(JSON.parse(await decrypter.decrypt(bytesOf(ciphertext), "text")));
    status.textContent = "";
  } catch (error) {
    say("failed");
  } finally {
    passInput.value = "";
  }
});

view.querySelector("[data-inbox-close]").addEventListener("click", () => {
  for (const element of view.querySelectorAll("[data-field]")) element.textContent = "";
  forgetAttachments();
  view.hidden = true;
  unlock.hidden = false;
  fileInput.value = "";
});

for (const button of document.querySelectorAll("[data-inbox-confirm]")) {
  button.addEventListener("click", (event) => {
    if (!window.confirm(button.dataset.inboxConfirm)) event.preventDefault();
  });
}
