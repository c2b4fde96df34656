from tests.learning_records.programme_fixtures import *  # noqa: F403
