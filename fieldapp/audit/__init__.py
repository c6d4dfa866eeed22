"""The audit trail: every change to the registers, who made it and when, hash-chained."""
