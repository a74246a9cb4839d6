"""Training data and the learned classifier that works beside the rules."""
