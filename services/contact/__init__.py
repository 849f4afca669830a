"""The contact form and the secure inbox: forms, encryption, routing, anti-abuse, tasks."""
