"""Pure knowledge layer: reading plan documents, normalising Vietnamese text,
parsing numbers and deadlines, extracting indicators/tasks/parties, and
understanding questions. No database, no Telegram."""
