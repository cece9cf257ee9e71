// Placeholder: the engine (issue 3).
