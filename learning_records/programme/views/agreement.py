"""The manager's page: a signed, expiring link to agree the service development project.

No login: the link is the credential, so it shows only the plan and the aspirant's name, works
once per version of the plan, and nothing else about the aspirant is on the page.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from learning_records.programme import tokens
from learning_records.programme.forms import AgreementForm, add_service_errors
from learning_records.programme.services import project as project_services

REFUSED_TEMPLATE = "learning_records/serviceproject_agreement_refused.html"


def refused(request, error: tokens.LinkRefused):
    return render(request, REFUSED_TEMPLATE, {"message": error.message}, status=410 if error.gone else 404)


@never_cache
@csrf_protect
def manager_agreement(request, token: str):
    try:
        version = tokens.version_for_token(token)
    except tokens.LinkRefused as error:
        return refused(request, error)
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = project_services.manager_decides(
                token=token, decision=form.cleaned_data["decision"], comment=form.cleaned_data["comment"]
            )
        except tokens.LinkRefused as error:
            return refused(request, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(
                request,
                "learning_records/serviceproject_agreement_done.html",
                {"agreement": agreement, "version": version},
            )
    response = render(
        request,
        "learning_records/serviceproject_agreement.html",
        {
            "version": version,
            "milestones": version.milestones.all(),
            "aspirant_name": version.project.enrolment.aspirant.display_name,
            "manager_name": version.project.enrolment.manager_name,
            "programme_title": version.project.enrolment.cohort.programme.title,
            "form": form,
        },
    )
    # The token is in the URL: keep it out of the Referer sent to other sites. Not "no-referrer":
    # browsers then send "Origin: null" with the form, and Django's CSRF check refuses it.
    response["Referrer-Policy"] = "same-origin"
    return response
