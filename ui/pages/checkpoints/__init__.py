"""The checkpoint log (nhật ký chốt kiểm soát): shown as a tab of the duty-roster page."""
