from wagtail import hooks

from learning_records.admin.certificates import CertificateViewSet


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificate_admin")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("praxis.certificate.issue", "Issue certificate", "Issued")
    actions.register_action(
        "praxis.certificate.reissue", "Re-issue certificate", "Re-issued as a new version"
    )
    actions.register_action(
        "praxis.certificate.supersede", "Supersede certificate", "Superseded by a new version"
    )
    actions.register_action("praxis.certificate.revoke", "Revoke certificate", "Revoked")
