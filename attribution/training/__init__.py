"""Training data and the learned classifier that works beside the rules."""


class TrainingError(Exception):
    """Training data that cannot be used."""
