"""convenant: reads scanned G40-Platform31 cooperation agreements and reconciles them against the 41 members."""

__version__ = "0.1.0"
