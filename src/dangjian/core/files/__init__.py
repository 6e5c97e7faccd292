"""The file kernel: one stored-file model, one way to store an upload, one serializer.

Checking an upload (type by content, size, SHA-256) and serving it verified stay in
``dangjian.core.files.checks``; the rest of this package is what a row holding such a
file is and how it is written.
"""
