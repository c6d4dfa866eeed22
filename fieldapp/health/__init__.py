"""Following people treated at home (F0) and isolated at home (F1): daily checks, danger signs,
outcomes (Decision 4038/QĐ-BYT of 21/8/2021)."""
