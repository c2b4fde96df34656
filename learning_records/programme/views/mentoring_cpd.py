""" "Record this as CPD" on a mentor log entry, for the mentor or the aspirant who reads it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from learning_records.programme.models import MentorLogEntry
from learning_records.programme.services.cpd_drafts import draft_cpd_from_mentoring


@login_required
@require_POST
def record_as_cpd(request, entry_pk: int):
    # Anyone outside the pair gets 404, so an entry's id confirms nothing.
    entry = get_object_or_404(
        MentorLogEntry.objects.readable_by(request.user).select_related("enrolment"), pk=entry_pk
    )
    draft = draft_cpd_from_mentoring(entry=entry, member=request.user)
    if draft.created:
        messages.success(
            request,
            "A CPD draft of this mentoring contact is ready. Only you can see it: "
            "add what you learnt and the impact on your practice, then submit it.",
        )
    else:
        messages.info(request, "You already have a CPD record of this mentoring contact. Here it is.")
    return redirect("records:edit", pk=draft.record.pk)
