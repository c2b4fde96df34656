from wagtail import hooks

from learning_records.wagtail_admin.programme import ProgrammeGroup


@hooks.register("register_admin_viewset")
def register_programme_admin():
    return ProgrammeGroup()
