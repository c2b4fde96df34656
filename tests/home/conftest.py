from tests.cms.conftest import furnished_site, production_cache  # noqa: F401
