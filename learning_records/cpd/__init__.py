"""CPD records: the Social Work England form, evidence files, registration years and coverage."""
