"""The store's errors: each message names the database and says what to do."""


class StoreError(Exception):
    """The store cannot be used as asked; the message says which database and why."""


class ConflictError(StoreError):
    """Someone else changed the claim since it was read: reload it and decide again."""
