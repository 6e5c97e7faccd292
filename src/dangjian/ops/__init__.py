"""Operations: ``dangjian backup``, ``dangjian restore`` and ``dangjian checksums``."""
