"""The ``SendMessage`` method: what a valid message is."""

MAX_MESSAGE_CHARS = 10_000


def clean_message(args):
    """Return ``(text, None)`` for a valid message, ``(None, reason)`` otherwise."""
    message = args.get("message") if isinstance(args, dict) else None
    if not isinstance(message, str):
        return None, "Ignored a message that was not text."
    if len(message) > MAX_MESSAGE_CHARS:
        return None, f"Ignored a message longer than {MAX_MESSAGE_CHARS:,} characters."
    return message, None
