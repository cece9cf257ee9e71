// Placeholder: the store (later).
