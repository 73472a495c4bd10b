"""The one exception the reader raises: a clear message in Vietnamese."""


class DocumentReadError(ValueError):
    """Raised for any input we cannot read; ``str(error)`` is shown to users as is."""

    def __init__(self, message: str, *, code: str = "unreadable"):
        super().__init__(message)
        self.code = code
