from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    # The whole-site demo loader is here because it may see every app (config/contributions.py).
    contributions = {"demo": ["home.demo"]}
    contributions_order = {"demo": 20}
