"""fieldapp core: data, rules, services, reports and the command line. Never imports Qt."""

__version__ = "0.1.0"
