"""Reports upward (báo cáo): the daily quick report, the weekly summary, and the report on
carrying out one directive, numbered and frozen when issued."""
