"""Background work (emails, bulk rendering) as django-tasks, one module per family.

Services enqueue tasks with `transaction.on_commit`, so a task never runs for a change that was
rolled back and always sees the committed rows. Tasks take primary keys, not objects, so any
queue backend can carry them.
"""
