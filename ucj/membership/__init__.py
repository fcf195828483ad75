"""Kepesertaan: participant extracts, the NIK rules, the active-in-month rule, encryption at rest."""
