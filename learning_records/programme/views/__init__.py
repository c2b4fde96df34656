"""Programme pages: the aspirant's, the mentor's, and the manager's agreement link."""
