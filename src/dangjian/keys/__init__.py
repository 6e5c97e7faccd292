"""Field-key rotation (等保 2.0 数据保密性): ``dangjian keys status`` and ``keys rotate``."""
