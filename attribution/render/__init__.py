"""Render analyses: one module per output format."""
