from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learning_records.bookings.admin import BookingViewSet
from learning_records.bookings.register_views import RegisterViewSet
from learning_records.certificates.admin import CertificateViewSet
from learning_records.cpd.admin import PERMISSION, CPDReportView
from learning_records.programme.admin.viewsets import ProgrammeGroup


class CPDReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_cpd_report_url():
    return [path("reports/cpd-activity/", CPDReportView.as_view(), name="cpd_report")]


@hooks.register("register_reports_menu_item")
def register_cpd_report_menu_item():
    return CPDReportMenuItem("CPD activity", reverse("cpd_report"), icon_name="table", order=900)


@hooks.register("register_admin_viewset")
def register_programme_admin():
    return ProgrammeGroup()


@hooks.register("register_admin_viewset")
def register_booking_viewset():
    return BookingViewSet("booking_admin")


@hooks.register("register_admin_viewset")
def register_register_viewset():
    return RegisterViewSet("registers")


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
