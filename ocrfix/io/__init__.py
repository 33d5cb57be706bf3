"""Reading OCR output and ground truth, and writing results safely.

``ocrfix.io`` loads plain text, hOCR, ALTO and PAGE XML into one document
model and writes outputs atomically.
"""
from ocrfix.io.files import decode_text, read_bytes, read_text, write_bytes_atomic, write_text_atomic

__all__ = ["decode_text", "read_bytes", "read_text", "write_bytes_atomic", "write_text_atomic"]
