"""Custom actions of the assistant (rasa-sdk). Thin: the logic lives in bot/."""
from bot import log_redaction

# The action server logs what it is sent: no email, phone, BSN or IBAN in its log.
log_redaction.install()
