"""Reading content: schema, loading, validation, the model and the field reference."""
