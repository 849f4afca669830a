// Entry of the vendored age bundle (npm run build:age): only what the inbox uses.
export {
  Decrypter,
  Encrypter,
  armor,
  generateX25519Identity,
  identityToRecipient,
} from "age-encryption";
