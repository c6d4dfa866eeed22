"""Checkpoint log (nhật ký chốt kiểm soát): people and vehicles arriving from epidemic areas."""
