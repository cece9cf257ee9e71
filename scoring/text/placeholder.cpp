// Placeholder: the text library (issue 4).
