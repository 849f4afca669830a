"""Staff accounts: a password, then a second factor (an authenticator app or a recovery
code), lock-out after repeated failures. Every staff account signs in this way."""
