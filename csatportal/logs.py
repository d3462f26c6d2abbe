"""Log formatting: one JSON object per line (LOG_FORMAT=json), and secrets kept out of every line."""

import json
import logging
from datetime import UTC, datetime

_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message", ["exception"], plus any `extra=` fields} on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        return json.dumps(entry, ensure_ascii=False)


class RedactSecrets(logging.Filter):
    """Replace the MaestroQA token and the secret key in a record's final text with [redacted]."""

    def filter(self, record: logging.LogRecord) -> bool:
        from django.conf import settings

        secrets = [s for s in (settings.MAESTROQA_API_TOKEN, settings.SECRET_KEY) if s and len(s) >= 8]
        if not secrets:
            return True
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        clean, clean_exc = text, record.exc_text or ""
        for secret in secrets:
            clean, clean_exc = clean.replace(secret, "[redacted]"), clean_exc.replace(secret, "[redacted]")
        if clean != text:
            record.msg, record.args = clean, None
        if record.exc_text:
            record.exc_text = clean_exc
        return True
