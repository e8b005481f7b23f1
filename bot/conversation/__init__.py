"""Conversation plumbing: what happens around a handler's answer (the question log)."""
