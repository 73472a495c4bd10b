"""Nghị Quyết: following Party resolutions from issuance to review."""

__version__ = "0.1.0"
