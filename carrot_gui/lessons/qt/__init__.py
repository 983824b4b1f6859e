"""Lessons' Qt parts: the PDF handout writer (scene list and dialogs come with the main window's wiring)."""
