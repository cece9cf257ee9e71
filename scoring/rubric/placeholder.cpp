// Placeholder: the rubric (issue 4).
