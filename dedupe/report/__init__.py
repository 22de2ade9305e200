"""Output: the versioned JSON report, its text, GitHub and HTML views, escaping and atomic writes."""
