// Secure inbox, key generation: the key pair is made in this browser; the private key
// is downloaded as an age file locked with a passphrase (scrypt), and only the public
// key (age1…) is sent to the server.
import * as age from "./vendor/age.js";

const form = document.querySelector("[data-keygen-form]");
const start = form.querySelector("[data-keygen-start]");
const status = form.querySelector("[data-keygen-status]");
const passphrase = form.querySelector("#keygen-passphrase");
const again = form.querySelector("#keygen-passphrase-again");

function say(key) {
  status.textContent = status.dataset[key];
}

function download(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

start.addEventListener("click", async () => {
  if (passphrase.value.length < 12) return say("short");
  if (passphrase.value !== again.value) return say("mismatch");
  start.disabled = true;
  say("working");
  const identity = await age.generateX25519Identity();
  const recipient = await age.identityToRecipient(identity);
  const created = new Date().toISOString();
  const keyFile = `# created: ${created}\n# public key: ${recipient}\n${identity}\n`;
  const encrypter = new age.Encrypter();
  encrypter.setPassphrase(passphrase.value);
  const locked = age.armor.encode(await encrypter.encrypt(keyFile));
  passphrase.value = "";
  again.value = "";
  const day = created.slice(0, 10);
  download(locked, `${start.dataset.filename}-${day}.age`);
  say("saved");
  form.querySelector("[data-keygen-recipient]").value = recipient;
  form.submit();
});
