"""Generated sample inboxes with their truth (see samples/README.md)."""
