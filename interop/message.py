"""The ``SendMessage`` method: what a valid message is."""

from ids import MAX_MESSAGE_CHARS


def clean_message(args):
    """Return ``(text, None)`` for a valid message, ``(None, reason)`` otherwise."""
    message = args.get("message") if isinstance(args, dict) else None
    if not isinstance(message, str):
        return None, "Ignored a message that was not text."
    if len(message) > MAX_MESSAGE_CHARS:
        return None, f"Ignored a message longer than {MAX_MESSAGE_CHARS:,} characters."
    return message, None


def refuse_to_send(message):
    """Why a caller does not send ``message`` (it is over the limit the server enforces), or None."""
    length = len(message or "")
    if length > MAX_MESSAGE_CHARS:
        return f"Messages are limited to {MAX_MESSAGE_CHARS:,} characters; this one has {length:,}. Nothing was sent."
    return None
