"""Wiring: configuration, the Telegram Application, the scheduler and the CLI."""
