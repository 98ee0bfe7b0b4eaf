"""Report forms, submissions and review: issue #4."""
