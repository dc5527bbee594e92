"""counter_app — phần mềm Bộ phận Một cửa (one-stop reception counter)."""

__version__ = "0.1.0"
