from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Partnership content"

    def ready(self):
        from cms import cache, routing

        cache.connect_signals()
        routing.install_private_q()
